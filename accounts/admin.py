from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "name", "unit", "roles", "is_active", "last_login")
    list_filter = ("groups", "is_active", "unit__kind")
    search_fields = ("username", "name", "unit__name", "phone")
    autocomplete_fields = ("unit",)
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("个人信息", {"fields": ("name", "phone", "email", "unit")}),
        ("角色与权限", {"fields": ("groups", "is_active", "is_staff", "is_superuser")}),
        ("时间", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "name", "unit", "groups", "password1", "password2")}),
    )

    @admin.display(description="角色")
    def roles(self, obj):
        return "、".join(obj.role_labels()) or "—"
