"""Exchanges (互访交流) between the two sides of a pairing (orgs.Pairing, at every level), and the
links that count them toward a plan's targets."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q

from history.records import audited
from orgs.models import Pairing, Unit
from plans.models import Target


class Exchange(models.Model):
    class Direction(models.TextChoices):
        TO_HELPED = "to_helped", "帮扶方赴受援方"
        TO_HELPER = "to_helper", "受援方赴帮扶方"

    pairing = models.ForeignKey(Pairing, verbose_name="结对关系", on_delete=models.PROTECT, related_name="exchanges")
    date = models.DateField("日期")
    direction = models.CharField("方向", max_length=16, choices=Direction.choices)
    leader_name = models.CharField("带队领导", max_length=64)
    leader_post = models.CharField("职务", max_length=128, blank=True)
    is_principal = models.BooleanField("主要负责同志带队", default=False,
                                       help_text="党委或政府主要负责同志（书记、县区长、乡镇长等）")
    delegation_size = models.PositiveSmallIntegerField("人数", validators=[MinValueValidator(1, "人数至少为1")])
    topic = models.CharField("交流内容", max_length=255)
    evidence_url = models.URLField("佐证链接", blank=True, help_text="新闻报道等，以 https:// 开头")
    evidence_note = models.CharField("佐证说明", max_length=255, blank=True, help_text="如：会议纪要、签到表存档位置")
    recorded_by = models.ForeignKey(Unit, verbose_name="登记单位", on_delete=models.PROTECT, related_name="+")

    history = audited("互访交流修改记录")

    class Meta:
        verbose_name = "互访交流"
        verbose_name_plural = "互访交流"
        ordering = ["-date", "-id"]
        constraints = [models.CheckConstraint(condition=Q(delegation_size__gte=1), name="exchange_has_people",
                                              violation_error_message="人数至少为1")]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.get_direction_display()}：{self.topic}"


class ExchangeEvidence(models.Model):
    """A file backing an exchange (photos, 会议纪要, 新闻稿), checked as report evidence is
    (reporting.evidence) and served only through exchanges' download view."""

    exchange = models.ForeignKey(Exchange, verbose_name="互访交流", on_delete=models.CASCADE, related_name="files")
    file = models.FileField("文件", upload_to="exchanges/%Y/%m/")
    original_name = models.CharField("原文件名", max_length=255)
    content_type = models.CharField("文件类型", max_length=100)
    size = models.PositiveBigIntegerField("大小（字节）")
    sha256 = models.CharField("SHA-256", max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="上传人", on_delete=models.PROTECT,
                                    related_name="+")
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)

    history = audited("互访佐证修改记录")

    class Meta:
        verbose_name = "互访佐证材料"
        verbose_name_plural = "互访佐证材料"
        ordering = ["exchange", "uploaded_at", "id"]

    def __str__(self):
        return self.original_name


class TargetLink(models.Model):
    """How exchanges count toward one target the office links them to: those in the target's year
    on pairings at this level (any, if blank) with a side among the target's units, optionally only
    visits led by a principal leader to the helped side."""

    target = models.OneToOneField(Target, verbose_name="目标", on_delete=models.CASCADE, related_name="exchange_link")
    level = models.CharField("结对层级", max_length=16, choices=Pairing.Level.choices, blank=True, help_text="空表示不限")
    principal_only = models.BooleanField("只计主要负责同志赴受援方", default=False)

    history = audited("互访计数规则修改记录")

    class Meta:
        verbose_name = "互访计数规则"
        verbose_name_plural = "互访计数规则"

    def __str__(self):
        level = self.get_level_display() or "各层级"
        return f"{level}结对的互访交流" + ("（主要负责同志赴受援方）" if self.principal_only else "")
