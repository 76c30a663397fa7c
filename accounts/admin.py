from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group

from accounts.access import users_of_office, within_rights
from accounts.models import User
from accounts.roles import grantable_roles, group_name
from orgs.admin_scope import ScopedAdmin, by_region
from orgs.models import Unit

# Only a superuser sets these, on any account, its own included: ticking 超级用户状态 on
# one's own account must not be a way up.
SUPERUSER_FIELDS = ("is_staff", "is_superuser", "user_permissions")


@admin.register(User)
class UserAdmin(ScopedAdmin, BaseUserAdmin):
    """A superuser manages everyone. An office admin manages the people of its region's units:
    never a superuser nor another staff member, never staff or permission flags, and roles only
    among those it may grant (accounts.roles.grantable_roles); on its own account only the
    name, contacts and password."""

    office_rows = users_of_office
    # Read here; an office creates and changes accounts on 单位与账号 (registry.services).
    office_may = "view"

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

    def may_office_change(self, request, obj) -> bool:
        if obj.pk == request.user.pk:
            return True
        # Taking over another staff account, or one holding a role it may not grant,
        # would give the office admin rights beyond its own.
        return within_rights(request.user, obj)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser or obj is None:
            return fieldsets
        hidden = set(SUPERUSER_FIELDS)
        if obj.pk == request.user.pk:
            hidden.add("groups")
        return [(name, {**options, "fields": tuple(f for f in options["fields"] if f not in hidden)})
                for name, options in fieldsets]

    def get_readonly_fields(self, request, obj=None):
        readonly = tuple(super().get_readonly_fields(request, obj))
        if request.user.is_superuser:
            return readonly
        readonly += ("last_login", "date_joined")
        if obj is not None and obj.pk == request.user.pk:
            # Moving oneself to another unit would make one another office's admin.
            readonly += ("unit", "is_active")
        return readonly

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            names = [group_name(role) for role in grantable_roles(request.user)]
            kwargs["queryset"] = Group.objects.filter(name__in=names)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "unit" and not request.user.is_superuser:
            # Only the units the office keeps, not the paired side it merely reads.
            kwargs["queryset"] = Unit.objects.filter(by_region("region")(request.user))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="角色")
    def roles(self, obj):
        return "、".join(obj.role_labels()) or "—"
