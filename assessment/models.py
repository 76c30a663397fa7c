"""The year-end assessment (年度考核): a scheme per plan and year, its items, a score
sheet per assessed unit and the scores on it.

An item is given to one unit (an item from a task of the plan, one per task × unit) or
to every unit of a kind (a 考核细则's item that every town answers for). Scores keep
who gave them and why; every row has its history, so each change is old → new.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q

from history.records import audited
from orgs.models import Unit
from plans.models import Plan, Task


def points_field(verbose_name, **kwargs):
    # 分值 are printed with at most two places (0.5分, 2.25分); 99999.99 is far above any scheme.
    return models.DecimalField(verbose_name, max_digits=7, decimal_places=2, **kwargs)


class Scheme(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", "编制中"  # items still being edited by the office
        OPEN = "open", "自评评分中"  # units self-assess, departments score
        PUBLISHED = "published", "已公布"  # results shown to the units, appeals open
        LOCKED = "locked", "已锁定"  # appeals answered; nothing changes any more

    plan = models.ForeignKey(Plan, verbose_name="方案", on_delete=models.PROTECT, related_name="schemes")
    year = models.PositiveSmallIntegerField("考核年度")
    title = models.CharField("名称", max_length=255, blank=True)
    total = points_field("每个单位满分", default=Decimal(100), validators=[MinValueValidator(Decimal(0))])
    office = models.ForeignKey(Unit, verbose_name="组织考核单位", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+", help_text="方案的主办单位；命令行导入的方案可为空")
    class Scale(models.TextChoices):
        EXCELLENT = "excellent", "优秀／良好／合格／不合格"
        GOOD = "good", "好／较好／一般／较差"

    state = models.CharField("状态", max_length=16, choices=State.choices, default=State.DRAFT)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    self_assess_due = models.DateField("自评截止日", null=True, blank=True, help_text="当天仍可提交自评")
    appeal_days = models.PositiveSmallIntegerField("申诉期限（天）", default=5, help_text="公布之日起几天内可申诉")
    grade_scale = models.CharField("等次", max_length=16, choices=Scale.choices, default=Scale.EXCELLENT)
    # A total at or above the first threshold is the first grade, and so on; below the third,
    # the last. Empty until the office sets them: no grade is shown before.
    grade_first = points_field("第一等次最低分", null=True, blank=True)
    grade_second = points_field("第二等次最低分", null=True, blank=True)
    grade_third = points_field("第三等次最低分", null=True, blank=True)
    published_at = models.DateTimeField("公布时间", null=True, blank=True)

    history = audited("考核方案修改记录")

    GRADES = {Scale.EXCELLENT: ("优秀", "良好", "合格", "不合格"), Scale.GOOD: ("好", "较好", "一般", "较差")}

    @property
    def grade_names(self) -> tuple[str, ...]:
        return self.GRADES[self.Scale(self.grade_scale)]

    @property
    def thresholds(self) -> tuple | None:
        values = (self.grade_first, self.grade_second, self.grade_third)
        return None if any(v is None for v in values) else values

    def appeal_until(self):
        """The last moment a unit may appeal: published_at plus appeal_days."""
        return self.published_at + datetime.timedelta(days=self.appeal_days) if self.published_at else None

    class Meta:
        verbose_name = "考核方案"
        verbose_name_plural = "考核方案"
        ordering = ["plan", "-year"]
        constraints = [models.UniqueConstraint(fields=["plan", "year"], name="scheme_one_per_plan_year")]

    def __str__(self):
        return self.title or f"{self.plan.title}·{self.year}年度考核"


class Category(models.Model):
    scheme = models.ForeignKey(Scheme, verbose_name="考核方案", on_delete=models.CASCADE, related_name="categories")
    name = models.CharField("类别", max_length=128)
    points = points_field("分值", null=True, blank=True, help_text="如“巩固拓展脱贫攻坚成果 30分”；空表示文件未写")
    position = models.PositiveIntegerField("排序", default=0)

    history = audited("考核类别修改记录")

    class Meta:
        verbose_name = "考核类别"
        verbose_name_plural = "考核类别"
        ordering = ["scheme", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["scheme", "name"], name="category_name_unique_in_scheme")]

    def __str__(self):
        return self.name


class Item(models.Model):
    class Kind(models.TextChoices):
        NORMAL = "normal", "考核项"
        BONUS = "bonus", "加分项"
        DEDUCTION = "deduction", "扣分项"
        VETO = "veto", "一票否决"

    class Rule(models.TextChoices):
        # How a suggested score follows from the year's figure (assessment.rules).
        MANUAL = "manual", "人工评分"
        FULL_WHEN_MET = "full_when_met", "完成得满分"
        PROPORTIONAL = "proportional", "按完成比例得分"
        PER_SHORTFALL = "per_shortfall", "每少一定数量扣分"

    scheme = models.ForeignKey(Scheme, verbose_name="考核方案", on_delete=models.CASCADE, related_name="items")
    category = models.ForeignKey(Category, verbose_name="类别", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="items")
    task = models.ForeignKey(Task, verbose_name="来自任务", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="assessment_items")
    unit = models.ForeignKey(Unit, verbose_name="被考核单位", null=True, blank=True, on_delete=models.PROTECT,
                             related_name="assessment_items")
    unit_kind = models.CharField("被考核单位类型", max_length=32, choices=Unit.Kind.choices, blank=True,
                                 help_text="不指定单位时，此类型的每个被考核单位都考核此项")
    ref = models.CharField("序号", max_length=32, blank=True)
    text = models.TextField("考核内容")
    max_points = points_field("分值", validators=[MinValueValidator(Decimal(0))],
                              help_text="加分项为最多加的分，扣分项为最多扣的分")
    requirement = models.TextField("考核要求", blank=True, help_text="应提供的佐证材料")
    kind = models.CharField("类型", max_length=16, choices=Kind.choices, default=Kind.NORMAL)
    rule = models.CharField("评分标准", max_length=16, choices=Rule.choices, default=Rule.MANUAL)
    rule_step = models.DecimalField("每少", max_digits=15, decimal_places=6, null=True, blank=True,
                                    help_text="每少多少（如每少1篇）扣一次分")
    rule_points = points_field("每次扣分", null=True, blank=True)
    rule_floor = points_field("最低得分", null=True, blank=True)
    rule_cap = points_field("最多扣分", null=True, blank=True, help_text="空表示最多扣完本项分值")
    scoring_unit = models.ForeignKey(Unit, verbose_name="评分部门", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="items_scored", help_text="空表示由协作办公室评分")
    position = models.PositiveIntegerField("排序", default=0)

    history = audited("考核项目修改记录")

    class Meta:
        verbose_name = "考核项目"
        verbose_name_plural = "考核项目"
        ordering = ["scheme", "position", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(unit__isnull=False) | ~Q(unit_kind=""), name="item_has_assessed_units"),
            models.UniqueConstraint(fields=["scheme", "task", "unit"], name="item_one_per_task_and_unit",
                                    condition=Q(task__isnull=False, unit__isnull=False)),
        ]

    def __str__(self):
        return f"{self.ref} {self.text[:30]}".strip()

    def applies_to(self, unit: Unit) -> bool:
        return self.unit_id == unit.pk if self.unit_id else self.unit_kind == unit.kind


class ScoreSheet(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", "待自评"
        SUBMITTED = "submitted", "已提交自评"
        SCORED = "scored", "已评分"
        REVIEWED = "reviewed", "已复核"

    scheme = models.ForeignKey(Scheme, verbose_name="考核方案", on_delete=models.CASCADE, related_name="sheets")
    unit = models.ForeignKey(Unit, verbose_name="被考核单位", on_delete=models.PROTECT, related_name="score_sheets")
    state = models.CharField("状态", max_length=16, choices=State.choices, default=State.PENDING)
    position = models.PositiveIntegerField("排序", default=0)
    submitted_at = models.DateTimeField("自评提交时间", null=True, blank=True)
    reviewed_at = models.DateTimeField("复核时间", null=True, blank=True)
    appeal = models.TextField("申诉理由", blank=True)
    appealed_at = models.DateTimeField("申诉时间", null=True, blank=True)
    appeal_answer = models.TextField("申诉答复", blank=True)
    answered_at = models.DateTimeField("答复时间", null=True, blank=True)

    history = audited("考核评分表修改记录")

    @property
    def appeal_open(self) -> bool:
        """Appealed and not yet answered."""
        return bool(self.appealed_at) and not self.answered_at

    class Meta:
        verbose_name = "考核评分表"
        verbose_name_plural = "考核评分表"
        ordering = ["scheme", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["scheme", "unit"], name="sheet_one_per_unit")]

    def __str__(self):
        return f"{self.unit.name}·{self.scheme.year}年度考核"


class ItemScore(models.Model):
    sheet = models.ForeignKey(ScoreSheet, verbose_name="评分表", on_delete=models.CASCADE, related_name="scores")
    item = models.ForeignKey(Item, verbose_name="考核项目", on_delete=models.CASCADE, related_name="scores")
    self_score = points_field("自评分", null=True, blank=True)
    self_note = models.TextField("自评说明", blank=True)
    score = points_field("得分", null=True, blank=True)
    reason = models.TextField("扣分理由", blank=True, help_text="得分低于满分时必填")
    scored_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="评分人", null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    scored_at = models.DateTimeField("评分时间", null=True, blank=True)

    history = audited("考核得分修改记录")

    class Meta:
        verbose_name = "考核得分"
        verbose_name_plural = "考核得分"
        ordering = ["sheet", "item__position", "item_id"]
        constraints = [models.UniqueConstraint(fields=["sheet", "item"], name="score_one_per_sheet_item")]

    def __str__(self):
        return f"{self.sheet.unit.name} {self.item.ref}"


class SheetEvidence(models.Model):
    """Evidence a unit attaches to one 考核要求 of an item on its sheet: a file or link already
    in its monthly reports (picked, not copied), or a file uploaded here."""

    sheet = models.ForeignKey(ScoreSheet, verbose_name="评分表", on_delete=models.CASCADE, related_name="evidence")
    item = models.ForeignKey(Item, verbose_name="考核项目", on_delete=models.CASCADE, related_name="+")
    requirement = models.CharField("对应考核要求", max_length=255)
    report_evidence = models.ForeignKey("reporting.Evidence", verbose_name="月报佐证", null=True, blank=True,
                                        on_delete=models.CASCADE, related_name="+")
    file = models.FileField("文件", upload_to="assessment/%Y/", blank=True)
    original_name = models.CharField("原文件名", max_length=255, blank=True)
    content_type = models.CharField("文件类型", max_length=100, blank=True)
    caption = models.CharField("说明", max_length=255, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="添加人", on_delete=models.PROTECT,
                                    related_name="+")
    uploaded_at = models.DateTimeField("添加时间", auto_now_add=True)

    history = audited("考核佐证修改记录")

    class Meta:
        verbose_name = "考核佐证"
        verbose_name_plural = "考核佐证"
        ordering = ["sheet", "item_id", "id"]
        constraints = [
            models.CheckConstraint(condition=(Q(report_evidence__isnull=True) & ~Q(file=""))
                                   | (Q(report_evidence__isnull=False) & Q(file="")), name="sheet_evidence_picked_xor_file"),
        ]

    def __str__(self):
        if self.report_evidence_id:
            return str(self.report_evidence)
        return self.caption or self.original_name


class ReminderSent(models.Model):
    """An assessment reminder already sent today, so a second press or run the same day sends
    nothing (its unique constraint is the claim, as reporting's ReminderSent)."""

    class Kind(models.TextChoices):
        SELF_ASSESS = "self_assess", "自评提醒"
        SCORE = "score", "评分提醒"

    scheme = models.ForeignKey(Scheme, verbose_name="考核方案", on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField("类型", max_length=16, choices=Kind.choices)
    sent_on = models.DateField("发送日期")

    class Meta:
        verbose_name = "已发考核提醒"
        verbose_name_plural = "已发考核提醒"
        constraints = [models.UniqueConstraint(fields=["scheme", "unit", "kind", "sent_on"],
                                               name="assessment_reminder_once_a_day")]
