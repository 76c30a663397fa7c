from django.conf import settings
from django.db import models

from history.records import audited
from orgs.models import Unit
from plans.models import Plan, Task, quantity_field


# -- units' own optional tasks (自选动作, planning/proposals.py) ----------------------------------

class Proposal(models.Model):
    """A 自选动作 a unit proposes for a plan it has work in. The plan's office accepts it (it
    becomes a Task flagged 自选动作, the unit its lead) or returns it with a reason; a returned
    proposal is revised and submitted again by the unit."""

    class State(models.TextChoices):
        SUBMITTED = "submitted", "待审核"
        RETURNED = "returned", "已退回"
        ACCEPTED = "accepted", "已采纳"

    plan = models.ForeignKey(Plan, verbose_name="方案", on_delete=models.CASCADE, related_name="proposals")
    unit = models.ForeignKey(Unit, verbose_name="申报单位", on_delete=models.PROTECT, related_name="proposals")
    text = models.TextField("自选动作内容")
    measures = models.TextField("工作措施", blank=True)
    deadline = models.DateField("完成时限", null=True, blank=True, help_text="最迟完成日期；持续推进的留空")
    state = models.CharField("状态", max_length=16, choices=State.choices, default=State.SUBMITTED, db_index=True)
    return_reason = models.TextField("退回原因", blank=True)
    task = models.OneToOneField(Task, verbose_name="采纳后的任务", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="proposal")
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="申报人", on_delete=models.PROTECT,
                                    related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="审核人", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField("提交时间")
    decided_at = models.DateTimeField("审核时间", null=True, blank=True)

    history = audited("自选动作申报修改记录")

    class Meta:
        verbose_name = "自选动作申报"
        verbose_name_plural = "自选动作申报"
        ordering = ["-submitted_at", "-id"]

    def __str__(self):
        return f"{self.unit.name}：{self.text[:30]}"


class ProposedFigure(models.Model):
    """One figure a proposal commits the unit to (metric, quantity, unit), a Target once accepted."""

    proposal = models.ForeignKey(Proposal, verbose_name="申报", on_delete=models.CASCADE, related_name="figures")
    metric = models.CharField("指标", max_length=128)
    quantity = quantity_field("数量")
    unit = models.CharField("计量单位", max_length=16, help_text="金额统一为万元，人数统一为人")
    position = models.PositiveIntegerField("排序", default=0)

    history = audited("自选动作指标修改记录")

    class Meta:
        verbose_name = "自选动作指标"
        verbose_name_plural = "自选动作指标"
        ordering = ["proposal", "position", "id"]

    def __str__(self):
        return f"{self.metric} {self.quantity.normalize():f}{self.unit}"
