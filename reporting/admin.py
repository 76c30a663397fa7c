from django.contrib import admin
from django.db import models

from orgs.admin_scope import ScopedAdmin, ScopedInline, by_office
from reporting.models import (
    Evidence, EvidenceRule, ProgressReport, ReportedFigure, ReportEvent, ReportingCycle, ReportingSchedule,
)


@admin.register(ReportingSchedule)
class ReportingScheduleAdmin(ScopedAdmin):
    """Where the office sets each plan's due day (25th by default), first month and evidence policy."""

    office_rows = by_office("plan__office")
    office_may = "view"  # changed on 单位与账号 → 填报安排 (registry.services)

    list_display = ("plan", "due_day", "starts_on", "evidence_policy", "active")
    list_filter = ("active", "evidence_policy")
    autocomplete_fields = ("plan",)


@admin.register(EvidenceRule)
class EvidenceRuleAdmin(ScopedAdmin):
    """A task whose evidence requirement differs from its plan's policy."""

    office_rows = by_office("task__plan__office")
    office_may = "view"  # changed on 单位与账号 → 填报安排 → 各任务佐证要求 (registry.services)

    list_display = ("task", "required")
    list_filter = ("required",)
    autocomplete_fields = ("task",)


@admin.register(ReportingCycle)
class ReportingCycleAdmin(ScopedAdmin):
    # Cycles are opened by the daily command and when a plan is saved, their due day taken
    # from the plan's 填报安排 (which the office changes, with its history); an office reads them.
    office_rows = by_office("plan__office")

    list_display = ("label", "plan", "period_start", "period_end", "due_on")
    list_filter = ("plan",)
    search_fields = ("label", "plan__title")
    autocomplete_fields = ("plan",)


class ReportedFigureInline(ScopedInline, admin.TabularInline):
    # For an office a figure changes only through the report page (reporting.services), which
    # checks the report is open and records who changed it, old → new.
    office_may = "view"
    model = ReportedFigure
    extra = 0
    autocomplete_fields = ("target",)


class EvidenceInline(ScopedInline, admin.TabularInline):
    office_may = "view"
    model = Evidence
    extra = 0
    fields = ("file", "url", "caption", "original_name", "size", "uploaded_by", "uploaded_at")
    readonly_fields = ("original_name", "size", "uploaded_at")
    autocomplete_fields = ("uploaded_by",)
    # News links are https nowadays; a bare "www…" should not become http.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class ReportEventInline(ScopedInline, admin.TabularInline):
    """The history is a record: shown, never edited."""

    model = ReportEvent
    extra = 0
    can_delete = False
    fields = ("at", "actor", "action", "comment", "changes")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ProgressReport)
class ProgressReportAdmin(ScopedAdmin):
    # Reports and their figures change through the report and review pages, which keep a
    # submitted or approved report locked and record every change; an office reads them here.
    office_rows = by_office("cycle__plan__office")

    list_display = ("unit", "task", "cycle", "status", "submitted_at", "submitted_late", "reviewed_by")
    list_filter = ("status", "submitted_late", "cycle__plan")
    search_fields = ("unit__name", "task__ref", "progress")
    autocomplete_fields = ("cycle", "unit", "task", "submitted_by", "reviewed_by")
    readonly_fields = ("version",)
    inlines = [ReportedFigureInline, EvidenceInline, ReportEventInline]
