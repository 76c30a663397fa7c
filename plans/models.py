"""Plans (issued documents), their tasks, who does them, and the targets set.

Every task and target keeps where in the source document it came from
(`source_location`, `source_text`), so any figure shown can be traced.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from history.records import audited
from orgs.models import Programme, Unit

# 15 significant digits survive SQLite's REAL storage exactly; 6 decimals
# keep money in 万元 to the fen (0.000001万元 = 0.01元). 999,999,999万元 is
# far above any collaboration budget.
QUANTITY_DIGITS = 15
QUANTITY_PLACES = 6


def quantity_field(verbose_name, **kwargs):
    return models.DecimalField(
        verbose_name, max_digits=QUANTITY_DIGITS, decimal_places=QUANTITY_PLACES,
        validators=[MinValueValidator(Decimal(0))], **kwargs,
    )


class Traceable(models.Model):
    source_location = models.CharField("出处", max_length=128, blank=True, help_text="如：附件1 第3行")
    source_text = models.TextField("原文", blank=True)

    class Meta:
        abstract = True


class PlanQuerySet(models.QuerySet):
    def live(self):
        """Plans in the live work: cycles opened, reminded, warned, counted on dashboards."""
        return self.filter(state=Plan.State.ACTIVE)


class Plan(models.Model):
    class State(models.TextChoices):
        # Reference and archived plans stay readable and searchable but leave the
        # live work: no cycles or reports are opened, nothing is reminded or warned,
        # region dashboards, the API and bulletins do not count them.
        ACTIVE = "active", "执行中"
        REFERENCE = "reference", "参考（不填报）"
        ARCHIVED = "archived", "已归档"

    title = models.CharField("标题", max_length=255)
    doc_number = models.CharField("文号", max_length=64, blank=True, help_text="如：鼓委振兴办〔2024〕1号")
    issuer = models.CharField("发文机关", max_length=255, blank=True)
    issued_on = models.DateField("成文日期", null=True, blank=True)
    year = models.PositiveSmallIntegerField("年度")
    end_year = models.PositiveSmallIntegerField("截止年度", null=True, blank=True, help_text="多年规划填写，如2017—2020年规划填2020")
    kind = models.CharField("协作类型", max_length=32, choices=Programme.choices)
    office = models.ForeignKey(
        Unit, verbose_name="主办单位", null=True, blank=True, on_delete=models.PROTECT,
        related_name="plans_kept", help_text="在本系统中负责此方案的协作办公室",
    )
    parent = models.ForeignKey(
        "self", verbose_name="上级方案", null=True, blank=True, on_delete=models.PROTECT,
        related_name="implementing_plans", help_text="本方案所落实的上级文件",
    )
    references = models.JSONField("引用文件", default=list, blank=True, help_text="文中引用的文号列表")
    statements = models.JSONField(
        "正文中的数字", default=list, blank=True,
        help_text="任务表以外的正文所写的数字（值、单位、比较、出处），用于核对清单与正文是否一致",
    )
    # 合计 rows and headings stating a total ("一、生产发展（170分）", "二、消费帮扶2000万元"), as
    # the import read them (Plan JSON plan.stated_totals): the checks hold the items to them.
    stated_totals = models.JSONField(
        "标题和合计行所写的总数", null=True, blank=True,
        help_text="导入时读出的合计行、标题所写的分值或数量，用于核对各项之和",
    )
    source_file = models.FileField("原始文件", upload_to="plans/source/%Y/", blank=True)
    state = models.CharField("状态", max_length=16, choices=State.choices, default=State.ACTIVE, db_index=True,
                             help_text="参考和已归档的方案不生成填报任务，不计入看板和通报")
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    objects = PlanQuerySet.as_manager()
    # Who changed what and why (history_user, history_change_reason); the plan page
    # shows the state's changes from it.
    history = audited("方案修改记录")

    class Meta:
        verbose_name = "方案"
        verbose_name_plural = "方案"
        ordering = ["-year", "-issued_on", "title"]
        constraints = [
            # Unique within an office: a district keeps its own copy of the city's document under
            # the same 文号, and importing it never touches the city's plan (plans.access.office_plans).
            models.UniqueConstraint(fields=["office", "doc_number"], condition=~Q(doc_number=""),
                                    name="plan_office_doc_number_unique"),
            models.CheckConstraint(
                condition=Q(end_year__isnull=True) | Q(end_year__gte=F("year")), name="plan_years_ordered"
            ),
        ]

    def __str__(self):
        return f"{self.title}（{self.doc_number}）" if self.doc_number else self.title

    @property
    def is_live(self) -> bool:
        return self.state == self.State.ACTIVE


class Task(Traceable):
    plan = models.ForeignKey(Plan, verbose_name="方案", on_delete=models.CASCADE, related_name="tasks")
    list_name = models.CharField("清单", max_length=64, blank=True, help_text="文件有多个附件或清单时填写，如“附件1”")
    ref = models.CharField("序号", max_length=32, help_text="按原文，如“3”“三.2”")
    position = models.PositiveIntegerField("排序", default=0)
    category = models.CharField("类别", max_length=128, blank=True)
    text = models.TextField("任务内容", blank=True, help_text="上级下达的任务原文")
    measures = models.TextField("落实措施", blank=True, help_text="本级拟落实的工作措施")
    deadline = models.DateField("完成时限", null=True, blank=True, help_text="最迟完成日期；持续推进等无明确时限的留空")
    deadline_text = models.CharField("完成时限（原文）", max_length=128, blank=True)
    optional = models.BooleanField("自选动作", default=False)
    score = models.DecimalField("分值", max_digits=7, decimal_places=2, null=True, blank=True,
                                validators=[MinValueValidator(Decimal(0))])
    evidence_required = models.TextField("考核要求", blank=True)
    # An annex column's 合计 row breaking this task's figure down (Plan JSON annex_total), with the
    # units of its rows ("rows"): the checks hold the rows to it and it to the body's figure.
    annex_totals = models.JSONField("附表合计", null=True, blank=True, help_text="附表分解列的合计行及其各行单位")
    # A task dropped from the work after units reported on it: kept with its reports and figures,
    # out of reporting (no new months), the checks and the plan's task table (planning.editing).
    archived = models.BooleanField("已归档", default=False, help_text="已有填报的任务不删除，归档后不再填报")
    upper_task = models.ForeignKey(
        "self", verbose_name="落实的上级任务", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="implemented_by",
    )
    units = models.ManyToManyField(Unit, through="Assignment", verbose_name="责任单位", related_name="tasks")

    history = audited("任务修改记录")

    class Meta:
        verbose_name = "任务"
        verbose_name_plural = "任务"
        ordering = ["plan", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "list_name", "ref"], name="task_ref_unique_in_list"),
        ]

    def __str__(self):
        prefix = f"{self.list_name} " if self.list_name else ""
        return f"{prefix}{self.ref}. {(self.text or self.measures)[:30]}"

    def clean(self):
        if self.upper_task_id and self.upper_task.plan_id == self.plan_id:
            raise ValidationError({"upper_task": "上级任务必须来自另一份（上级）方案"})


class Assignment(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", "牵头单位"
        PARTNER = "partner", "配合单位"

    task = models.ForeignKey(Task, verbose_name="任务", on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="assignments")
    role = models.CharField("角色", max_length=16, choices=Role.choices)
    printed_name = models.CharField("原文写法", max_length=128, blank=True, help_text="文件中的写法，如“闽侯区委、政府”")
    position = models.PositiveIntegerField("排序", default=0)

    history = audited("责任分工修改记录")

    class Meta:
        verbose_name = "任务分工"
        verbose_name_plural = "任务分工"
        ordering = ["task", "role", "position", "id"]
        # The same unit may be both lead and partner (a document error the
        # checks report), so the role is part of the key.
        constraints = [models.UniqueConstraint(fields=["task", "unit", "role"], name="assignment_unique")]

    def __str__(self):
        return f"{self.unit.name}（{self.get_role_display()}）"


class Target(Traceable):
    """A quantity a task commits someone to, in a canonical unit.

    `quantity` is the figure as assigned; `carried_over` is last year's
    shortfall added on top of it, so the unit is held to `total`. A breakdown
    is a tree: parts point at the target they divide through `parent`.
    """

    class Comparator(models.TextChoices):
        EQUAL = "=", "="
        AT_LEAST = ">=", "≥"

    class Per(models.TextChoices):
        YEAR = "year", "每年"
        MONTH = "month", "每月"
        BATCH = "batch", "每批"
        VILLAGE = "village", "每个村"

    MONEY_UNIT = "万元"
    PEOPLE_UNIT = "人"
    # Forms the importer must convert before saving: a figure in these would
    # not add up with the canonical ones.
    NON_CANONICAL_UNITS = {"元": MONEY_UNIT, "亿元": MONEY_UNIT, "亿": MONEY_UNIT, "名": PEOPLE_UNIT}

    task = models.ForeignKey(Task, verbose_name="任务", on_delete=models.CASCADE, related_name="targets")
    metric = models.CharField("指标", max_length=128, help_text="如：社会帮扶资金、消费帮扶销售额、选派专技人才")
    quantity = quantity_field("数量")
    unit = models.CharField("计量单位", max_length=16, help_text="金额统一为万元，人数统一为人")
    comparator = models.CharField("比较", max_length=2, choices=Comparator.choices, default=Comparator.EQUAL)
    max_quantity = quantity_field("上限", null=True, blank=True, help_text="范围（如1-2期）的上限")
    per = models.CharField("周期", max_length=16, choices=Per.choices, blank=True, help_text="按年、按月等分别计的指标")
    year = models.PositiveSmallIntegerField("年度", null=True, blank=True, help_text="空表示方案年度")
    carried_over = quantity_field("上年缺口结转", null=True, blank=True)
    printed_text = models.CharField("原文数量", max_length=128, blank=True, help_text="如“1.33亿元”“不低于350万元”")
    assignee = models.ForeignKey(
        Unit, verbose_name="承担单位", null=True, blank=True, on_delete=models.PROTECT,
        related_name="targets", help_text="空表示整个任务的总指标",
    )
    assignee_printed = models.CharField("承担单位（原文）", max_length=128, blank=True)
    parent = models.ForeignKey(
        "self", verbose_name="分解自", null=True, blank=True, on_delete=models.CASCADE, related_name="parts",
    )
    position = models.PositiveIntegerField("排序", default=0)
    # 承接: the upper plan's target this one implements ("2023年省、市下达任务" beside the measures).
    upper_target = models.ForeignKey(
        "self", verbose_name="落实的上级指标", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="implemented_by",
    )
    # 预分解: why the parts do not add up to this target, as the office said when saving;
    # empty when they do. The checks show it as a finding on the plan.
    breakdown_reason = models.TextField("分解未平衡原因", blank=True)

    history = audited("目标修改记录")

    class Meta:
        verbose_name = "指标"
        verbose_name_plural = "指标"
        ordering = ["task", "position", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gte=0), name="target_quantity_not_negative"),
            models.CheckConstraint(
                condition=Q(max_quantity__isnull=True) | Q(max_quantity__gte=F("quantity")),
                name="target_range_ordered",
            ),
            models.CheckConstraint(condition=~Q(parent=F("id")), name="target_not_own_part"),
        ]

    def __str__(self):
        who = self.assignee.name if self.assignee_id else "合计"
        return f"{self.metric} {who} {self.total}{self.unit}"

    @property
    def total(self) -> Decimal:
        return self.quantity + (self.carried_over or Decimal(0))

    def clean(self):
        errors = {}
        if self.unit in self.NON_CANONICAL_UNITS:
            errors["unit"] = f"计量单位“{self.unit}”需换算为“{self.NON_CANONICAL_UNITS[self.unit]}”后保存"
        if self.parent_id:
            if self.parent.task_id != self.task_id:
                errors["parent"] = "只能分解同一任务下的指标"
            elif self.parent.unit != self.unit:
                errors["parent"] = f"分解指标的计量单位（{self.unit}）须与上级指标（{self.parent.unit}）一致"
        if self.upper_target_id and self.upper_target.task.plan_id == self.task.plan_id:
            errors["upper_target"] = "落实的上级指标必须来自另一份（上级）方案"
        if errors:
            raise ValidationError(errors)


class PendingImport(models.Model):
    """An uploaded document, parsed and waiting for a person to review it.

    Nothing reaches the plans until the review is saved; the file and the
    parser's Plan JSON stay here so the review page can be reopened, and the
    saved plan is linked afterwards as a record of who imported what.
    """

    uploaded_file = models.FileField("上传文件", upload_to="imports/%Y/%m/")
    original_name = models.CharField("文件名", max_length=255)
    plan_json = models.JSONField("解析结果")
    kind = models.CharField("协作类型", max_length=32, choices=Programme.choices)
    scope = models.ForeignKey(
        "orgs.Region", verbose_name="所在区划", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", help_text="匹配单位的范围，新建单位也建在此区划下",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传人", on_delete=models.PROTECT, related_name="+",
    )
    created_at = models.DateTimeField("上传时间", auto_now_add=True)
    plan = models.ForeignKey(
        Plan, verbose_name="导入的方案", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    saved_at = models.DateTimeField("导入时间", null=True, blank=True)

    class Meta:
        verbose_name = "待核对的导入"
        verbose_name_plural = "待核对的导入"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.original_name}（{self.created_at:%Y-%m-%d %H:%M}）" if self.created_at else self.original_name
