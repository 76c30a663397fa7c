from django.contrib import admin

from orgs.admin_scope import ScopedAdmin, ScopedInline, any_of, by_region, units_paired_with_office
from orgs.models import GroupMembership, Pairing, Region, Unit, UnitAlias


@admin.register(Region)
class RegionAdmin(ScopedAdmin):
    # Regions are the country's: an office reads its own region and those below, to pick them.
    office_rows = by_region("pk")

    list_display = ("name", "level", "parent", "code")
    list_filter = ("level",)
    search_fields = ("name", "code")
    autocomplete_fields = ("parent",)
    list_select_related = ("parent",)


class UnitAliasInline(ScopedInline, admin.TabularInline):
    model = UnitAlias
    extra = 1


class GroupMembershipInline(ScopedInline, admin.TabularInline):
    model = GroupMembership
    fk_name = "group"
    extra = 1
    autocomplete_fields = ("member",)
    verbose_name = "成员单位"
    verbose_name_plural = "成员单位（仅集合单位填写）"


@admin.register(Unit)
class UnitAdmin(ScopedAdmin):
    # The office keeps the units of its region and below; their pairings' other side it only reads.
    office_rows = any_of(by_region("region"), units_paired_with_office)
    # An office reads its units here and changes them on 单位与账号 (registry.services: a reason,
    # the merge checks), so every office write goes through the same services as its pages.
    office_may = "view"

    list_display = ("name", "kind", "region", "parent", "is_group", "alias_list", "is_active")
    list_filter = ("kind", "is_group", "is_active", "region__level")
    search_fields = ("name", "full_name", "aliases__name")
    autocomplete_fields = ("region", "parent")
    list_select_related = ("region", "parent")
    inlines = [UnitAliasInline, GroupMembershipInline]

    def may_office_change(self, request, obj) -> bool:
        return Unit.objects.filter(by_region("region")(request.user), pk=obj.pk).exists()

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("aliases")

    @admin.display(description="别名")
    def alias_list(self, obj):
        return "、".join(a.name for a in obj.aliases.all()) or "—"


@admin.register(Pairing)
class PairingAdmin(ScopedAdmin):
    # A pairing binds two offices' regions (闽宁): read by either side, changed by superusers.
    office_rows = any_of(by_region("helper__region"), by_region("helped__region"))

    list_display = ("helper", "helped", "level", "programme", "role", "start_year", "end_year")
    list_filter = ("programme", "level", "role")
    search_fields = ("helper__name", "helped__name")
    autocomplete_fields = ("helper", "helped")
    list_select_related = ("helper", "helped")
