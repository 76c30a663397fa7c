from django.contrib import admin
from django.db import models

from reporting.models import Evidence, ProgressReport, ReportedFigure, ReportingCycle


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


@admin.register(ProgressReport)
class ProgressReportAdmin(admin.ModelAdmin):
    list_display = ("unit", "task", "cycle", "status", "submitted_at", "submitted_late", "reviewed_by")
    list_filter = ("status", "submitted_late", "cycle__plan")
    search_fields = ("unit__name", "task__ref", "progress")
    autocomplete_fields = ("cycle", "unit", "task", "submitted_by", "reviewed_by")
    readonly_fields = ("version",)
    inlines = [ReportedFigureInline, EvidenceInline]
