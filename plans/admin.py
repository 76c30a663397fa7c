from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from orgs.admin_scope import ScopedAdmin, ScopedInline, by_office
from plans.models import Assignment, PendingImport, Plan, Target, Task


@admin.register(Plan)
class PlanAdmin(ScopedAdmin, SimpleHistoryAdmin):
    # An office reads its own plans here and changes them on its editing pages (planning: 编辑方案,
    # planning.editing), which check units, keep reported figures and ask reasons.
    office_rows = by_office("office")
    office_may = "view"
    own_office_fields = ("office",)

    list_display = ("title", "doc_number", "year", "kind", "state", "issued_on", "task_count", "page_link")
    list_filter = ("state", "kind", "year")
    search_fields = ("title", "doc_number", "issuer")
    autocomplete_fields = ("office", "parent")
    date_hierarchy = "issued_on"
    # The state changes only through the plan page's form (plans.services.do_change_plan_state),
    # which asks for a reason; here it is shown, and 修改记录 lists every change.
    readonly_fields = ("state",)
    history_list_display = ("state", "history_change_reason")

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # A past version is shown, never restored: restoring would bring back an old state
        # (and old facts) without the reason the state change asks for.
        if request.method == "POST":
            raise PermissionDenied("方案的历史版本只能查看，不能恢复")
        return super().history_form_view(request, object_id, version_id, extra_context)

    @admin.display(description="任务数")
    def task_count(self, obj):
        return obj.tasks.count()

    @admin.display(description="查看")
    def page_link(self, obj):
        return format_html('<a href="{}">方案页面</a>', reverse("plans:detail", args=[obj.pk]))


class AssignmentInline(ScopedInline, admin.TabularInline):
    model = Assignment
    office_may = "view"
    extra = 1
    autocomplete_fields = ("unit",)


class TargetInline(ScopedInline, admin.TabularInline):
    model = Target
    office_may = "view"
    fk_name = "task"
    extra = 0
    autocomplete_fields = ("assignee",)
    fields = ("position", "metric", "quantity", "unit", "comparator", "carried_over", "assignee", "parent", "printed_text")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            # Only targets of the task being edited can be split further.
            task_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = Target.objects.filter(task_id=task_id).select_related("assignee")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Task)
class TaskAdmin(ScopedAdmin):
    office_rows = by_office("plan__office")
    office_may = "view"  # changed on the editing pages (planning), as plans are

    list_display = ("ref", "list_name", "category", "short_text", "deadline", "plan")
    list_filter = ("plan", "list_name", "optional")
    search_fields = ("ref", "text", "measures", "category")
    autocomplete_fields = ("plan", "upper_task")
    list_select_related = ("plan",)
    inlines = [AssignmentInline, TargetInline]
    fieldsets = (
        (None, {"fields": ("plan", "list_name", "ref", "position", "category", "optional")}),
        ("内容", {"fields": ("text", "measures", "upper_task")}),
        ("时限与考核", {"fields": ("deadline", "deadline_text", "score", "evidence_required")}),
        ("出处", {"fields": ("source_location", "source_text")}),
    )

    @admin.display(description="任务内容")
    def short_text(self, obj):
        text = obj.text or obj.measures
        return text[:40] + ("…" if len(text) > 40 else "")


@admin.register(Target)
class TargetAdmin(ScopedAdmin):
    office_rows = by_office("task__plan__office")
    office_may = "view"  # changed on the editing pages (planning), as plans are

    list_display = ("metric", "assignee", "quantity", "unit", "comparator", "carried_over", "task")
    list_filter = ("metric", "unit", "task__plan")
    search_fields = ("metric", "assignee__name", "printed_text", "task__ref")
    autocomplete_fields = ("task", "assignee", "parent")
    list_select_related = ("task", "assignee")


@admin.register(PendingImport)
class PendingImportAdmin(ScopedAdmin):
    """A record of who uploaded what, and which plan it became; not edited by hand."""

    office_rows = by_office("created_by__unit")

    list_display = ("original_name", "created_by", "created_at", "plan", "saved_at")
    list_filter = ("saved_at",)
    search_fields = ("original_name", "created_by__username", "created_by__name")
    readonly_fields = [f.name for f in PendingImport._meta.fields]

    def has_add_permission(self, request):
        return False
