from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from orgs.admin_scope import ScopedAdmin, by_office
from oversight.models import Bulletin, WarningSent


@admin.register(Bulletin)
class BulletinAdmin(ScopedAdmin):
    """The archive is a record: read-only here, generated from the bulletin page.
    The file is linked through the checked download view, never as plain media."""

    office_rows = by_office("office")  # the publishing office's, as the bulletin pages decide

    list_display = ("title", "month", "issue", "revision", "updated_by", "updated_at", "download")
    list_filter = ("scope_kind", "year")
    search_fields = ("title",)
    date_hierarchy = "month"
    fields = ("title", "scope_kind", "plan", "region", "month", "year", "number", "revision", "download",
              "figures", "created_by", "created_at", "updated_by", "updated_at")
    readonly_fields = fields

    @admin.display(description="期数")
    def issue(self, obj):
        return obj.issue_label

    @admin.display(description="文件")
    def download(self, obj):
        if not obj.pk:
            return "—"
        return format_html('<a href="{}">下载</a>', reverse("oversight:bulletin_download", args=[obj.pk]))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(WarningSent)
class WarningSentAdmin(ScopedAdmin):
    """A record of warnings sent by send_warnings: read only."""

    office_rows = by_office("cycle__plan__office")

    list_display = ("unit", "cycle", "sent_on", "overdue", "lagging", "near_deadline")
    list_filter = ("sent_on",)
    search_fields = ("unit__name",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
