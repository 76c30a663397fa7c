"""Detail ledgers (明细台账): for a metric of a plan's task the office chooses (社会帮扶资金,
消费帮扶销售额, 培训人次, 转移就业人数), each unit records rows — date, counterpart, amount or count,
goods, a stamped receipt — and its figure for the metric is their sum (reporting.derived), so
the number on the dashboard, the bulletin and the report page traces back row by row.
"""

from django.conf import settings
from django.db import models

from history.records import audited
from orgs.models import Unit
from plans.models import Plan, Task, quantity_field


class Ledger(models.Model):
    plan = models.ForeignKey(Plan, verbose_name="方案", on_delete=models.CASCADE, related_name="ledgers")
    task = models.ForeignKey(Task, verbose_name="任务", on_delete=models.CASCADE, related_name="ledgers")
    metric = models.CharField("指标", max_length=128, help_text="任务中目标的指标名称，如“社会帮扶资金”")
    measure = models.CharField("计量单位", max_length=16, help_text="与目标相同，如“万元”“人”")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="设立人", on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField("设立时间", auto_now_add=True)

    history = audited("明细台账修改记录")

    class Meta:
        verbose_name = "明细台账"
        verbose_name_plural = "明细台账"
        ordering = ["plan", "task__position", "metric"]
        constraints = [models.UniqueConstraint(fields=["task", "metric"], name="ledger_one_per_task_metric")]

    def __str__(self):
        return f"{self.metric}明细台账（第{self.task.ref}项）"


class LedgerRow(models.Model):
    """One entry: 2026年11月3日 福州某公司 捐赠 5 万元 (款物: 冬衣200件), with its stamped receipt."""

    ledger = models.ForeignKey(Ledger, verbose_name="台账", on_delete=models.CASCADE, related_name="rows")
    unit = models.ForeignKey(Unit, verbose_name="登记单位", on_delete=models.PROTECT, related_name="ledger_rows")
    date = models.DateField("日期")
    counterpart = models.CharField("对方单位（个人）", max_length=200)
    amount = quantity_field("金额或数量")
    goods = models.CharField("款物明细", max_length=500, blank=True, help_text="如：冬衣200件、大米5吨")
    note = models.CharField("备注", max_length=500, blank=True)
    receipt = models.FileField("盖章凭证", upload_to="ledgers/%Y/%m/", blank=True)
    receipt_name = models.CharField("凭证原文件名", max_length=255, blank=True)
    receipt_type = models.CharField("凭证文件类型", max_length=100, blank=True)
    receipt_sha256 = models.CharField("凭证SHA-256", max_length=64, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    history = audited("台账明细修改记录")

    class Meta:
        verbose_name = "台账明细"
        verbose_name_plural = "台账明细"
        ordering = ["ledger", "unit", "date", "pk"]
        # A unit's rows up to a month's end, summed per target: ledger → unit → date.
        indexes = [models.Index(fields=["ledger", "unit", "date"], name="ledger_row_unit_date")]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.counterpart} {self.amount.normalize():f}"
