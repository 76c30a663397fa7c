from django.contrib import admin
from django.db import models

from reporting.models import (
    Evidence, EvidenceRule, ProgressReport, ReportedFigure, ReportEvent, ReportingCycle, ReportingSchedule,
)


@admin.register(ReportingSchedule)
class ReportingScheduleAdmin(admin.ModelAdmin):
    """Where the office sets each plan's due day (25th by default), first month and evidence policy."""

    list_display = ("plan", "due_day", "starts_on", "evidence_policy", "active")
    list_filter = ("active", "evidence_policy")
    autocomplete_fields = ("plan",)


@admin.register(EvidenceRule)
class EvidenceRuleAdmin(admin.ModelAdmin):
    """A task whose evidence requirement differs from its plan's policy."""

    list_display = ("task", "required")
    list_filter = ("required",)
    autocomplete_fields = ("task",)


@admin.register(ReportingCycle)
class ReportingCycleAdmin(admin.ModelAdmin):
    list_display = ("label", "plan", "period_start", "period_end", "due_on")
    list_filter = ("plan",)
    search_fields = ("label", "plan__title")
    autocomplete_fields = ("plan",)


class ReportedFigureInline(admin.TabularInline):
    model = ReportedFigure
    extra = 0
    autocomplete_fields = ("target",)


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    fields = ("file", "url", "caption", "original_name", "size", "uploaded_by", "uploaded_at")
    readonly_fields = ("original_name", "size", "uploaded_at")
    autocomplete_fields = ("uploaded_by",)
    # News links are https nowadays; a bare "www…" should not become http.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class ReportEventInline(admin.TabularInline):
    """The history is a record: shown, never edited."""

    model = ReportEvent
    extra = 0
    can_delete = False
    fields = ("at", "actor", "action", "comment", "changes")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ProgressReport)
class ProgressReportAdmin(admin.ModelAdmin):
    list_display = ("unit", "task", "cycle", "status", "submitted_at", "submitted_late", "reviewed_by")
    list_filter = ("status", "submitted_late", "cycle__plan")
    search_fields = ("unit__name", "task__ref", "progress")
    autocomplete_fields = ("cycle", "unit", "task", "submitted_by", "reviewed_by")
    readonly_fields = ("version",)
    inlines = [ReportedFigureInline, EvidenceInline, ReportEventInline]
