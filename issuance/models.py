"""Issuing a plan (交办/下达): the versions sent to the units, their sign-off, reminders.

A version is what the units received: a JSON snapshot of the plan's tasks, units and targets
at the moment of issue (issuance.snapshot), the 通知 .docx and the 任务分工表 .xlsx written from
it. Version 1 is the issue (下达); each later one an adjustment (调整) carrying the list of what
changed since the one before (issuance.diff). Earlier versions stay as they were.
"""

from django.conf import settings
from django.db import models

from history.records import audited
from orgs.models import Unit
from plans.models import Plan


class PlanVersion(models.Model):
    class Kind(models.TextChoices):
        ISSUE = "issue", "下达"
        ADJUSTMENT = "adjustment", "调整"

    plan = models.ForeignKey(Plan, verbose_name="方案", on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField("版本号")
    kind = models.CharField("类型", max_length=16, choices=Kind.choices)
    title = models.CharField("通知标题", max_length=255)
    doc_number = models.CharField("通知文号", max_length=64, blank=True)
    issuer = models.CharField("发文机关", max_length=255)
    issued_on = models.DateField("成文日期")
    body = models.TextField("正文", blank=True)
    reason = models.TextField("调整说明", blank=True)
    snapshot = models.JSONField("任务分工快照")
    changes = models.JSONField("调整内容", default=list, blank=True, help_text="与上一版相比的变化（issuance.diff）")
    notice = models.FileField("通知（Word）", upload_to="issuance/%Y/")
    table = models.FileField("任务分工表（Excel）", upload_to="issuance/%Y/")
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="下达人", on_delete=models.PROTECT,
                                  related_name="+")
    issued_at = models.DateTimeField("下达时间", auto_now_add=True)

    history = audited("下达版本修改记录")

    class Meta:
        verbose_name = "下达版本"
        verbose_name_plural = "下达版本"
        ordering = ["plan", "-number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="plan_version_number_unique")]

    def __str__(self):
        return f"{self.plan.title} 第{self.number}版（{self.get_kind_display()}）"

    @property
    def label(self) -> str:
        return f"第{self.number}版·{self.get_kind_display()}"


class Receipt(models.Model):
    """A unit's 签收 of a version: created unsigned for each unit the version concerns (all
    units with work at the issue; at an adjustment only those the changes concern)."""

    version = models.ForeignKey(PlanVersion, verbose_name="下达版本", on_delete=models.CASCADE,
                                related_name="receipts")
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    signed_at = models.DateTimeField("签收时间", null=True, blank=True)
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="签收人", null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")

    history = audited("签收修改记录")

    class Meta:
        verbose_name = "签收"
        verbose_name_plural = "签收"
        ordering = ["version", "id"]
        constraints = [models.UniqueConstraint(fields=["version", "unit"], name="receipt_one_per_unit")]
        # 我的签收 and the 我的填报 panel: a unit's receipts still to sign.
        indexes = [models.Index(fields=["unit", "signed_at"], name="receipt_unit_signed")]

    def __str__(self):
        return f"{self.unit.name} 签收 {self.version}"

    @property
    def signed(self) -> bool:
        return self.signed_at is not None


class SignReminderSent(models.Model):
    """A 签收 reminder already sent to a unit today, so a double click never tells it twice
    (claimed by inserting under the unique constraint, as reporting.ReminderSent)."""

    version = models.ForeignKey(PlanVersion, verbose_name="下达版本", on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField("发送日期")
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="提醒人", on_delete=models.PROTECT,
                                related_name="+")

    class Meta:
        verbose_name = "已发签收提醒"
        verbose_name_plural = "已发签收提醒"
        constraints = [models.UniqueConstraint(fields=["version", "unit", "sent_on"], name="sign_reminder_once_a_day")]
