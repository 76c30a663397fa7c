"""The Django admin is the superusers'; an office admin (staff, not superuser) keeps it
only for its own office's rows.

Every ModelAdmin in Xiezuo derives from ScopedAdmin and says, in two attributes, what
an office admin may do there:

- `office_rows`: a rule `user -> Q` giving the rows that are the office's (None: the
  admin is the superusers' alone: hidden, every view refused);
- `office_may`: "view" (read only) or "change" (add, change and delete those rows,
  as far as the person's role permissions allow).

The same rule limits every foreign-key and many-to-many choice pointing at that model
(ScopedChoices, used by the inlines too), so an office can neither see nor pick another
office's plan, task or unit. Anything registered without a ScopedAdmin (Django's groups,
third-party admins) is made superuser-only by `superuser_only_unless_scoped`, run once
the admin modules are loaded.

A row is the office's when the office that keeps it is the person's own unit (`by_office`),
or when it lies in the person's unit's region or below (`by_region`), as reporting.access and
oversight.access decide for pages. The registry's rules (units, regions, pairings, people)
have one home, `orgs.access` and `accounts.access`, which the registry pages use too.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Q

from orgs.access import NOTHING, by_region, units_paired_with_office  # noqa: F401


def by_office(path: str):
    """Rows kept by the person's own office: `path` leads to the Unit keeping them."""
    def rule(user) -> Q:
        return Q(**{f"{path}_id": user.unit_id}) if user.unit_id else NOTHING
    return rule


def any_of(*rules):
    def rule(user) -> Q:
        condition = NOTHING
        for one in rules:
            condition |= one(user)
        return condition
    return rule


class ScopedChoices:
    """Foreign-key and many-to-many choices limited, for anyone but a superuser, to the rows
    the related model's admin gives them; a related model without a scoped admin offers none.
    `own_office_fields` name foreign keys to a Unit that can only be the person's own office."""

    own_office_fields: tuple[str, ...] = ()

    def _scoped_choices(self, db_field, request, kwargs):
        user = request.user
        if user.is_superuser or "queryset" in kwargs:
            return kwargs
        related = db_field.related_model
        if db_field.name in self.own_office_fields:
            kwargs["queryset"] = related._default_manager.filter(pk=user.unit_id or 0)
            return kwargs
        related_admin = self.admin_site._registry.get(related)
        if isinstance(related_admin, ScopedAdmin) and related_admin.office_rows is not None:
            kwargs["queryset"] = related._default_manager.filter(pk__in=related_admin.office_queryset(request).values("pk"))
        else:
            kwargs["queryset"] = related._default_manager.none()
        return kwargs

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return super().formfield_for_foreignkey(db_field, request, **self._scoped_choices(db_field, request, kwargs))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        return super().formfield_for_manytomany(db_field, request, **self._scoped_choices(db_field, request, kwargs))


class ScopedAdmin(ScopedChoices, admin.ModelAdmin):
    office_rows = None  # user -> Q; None: superusers only
    office_may = "view"  # "view" | "change"

    def office_queryset(self, request):
        """The rows that are this person's office's (every row for a superuser)."""
        rows = self.model._default_manager.all()
        user = request.user
        if user.is_superuser:
            return rows
        if self.office_rows is None or not user.is_authenticated:
            return rows.none()
        return rows.filter(type(self).office_rows(user))

    def may_office_change(self, request, obj) -> bool:
        """Beyond the row being the office's: may this office admin change it? (Per admin.)"""
        return True

    def _office_allows(self, request, obj, *, write: bool) -> bool:
        if request.user.is_superuser:
            return True
        if self.office_rows is None or (write and self.office_may != "change"):
            return False
        if obj is None:
            return True
        if not self.office_queryset(request).filter(pk=obj.pk).exists():
            return False
        return not write or self.may_office_change(request, obj)

    def get_queryset(self, request):
        rows = super().get_queryset(request)
        if request.user.is_superuser:
            return rows
        return rows.filter(pk__in=self.office_queryset(request).values("pk"))

    def has_module_permission(self, request):
        return self._office_allows(request, None, write=False) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return self._office_allows(request, obj, write=False) and super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return self._office_allows(request, None, write=True) and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        return self._office_allows(request, obj, write=True) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._office_allows(request, obj, write=True) and super().has_delete_permission(request, obj)

    def get_actions(self, request):
        # "Delete selected" asks no per-row question; an office deletes one row at a time,
        # through the delete page, which asks has_delete_permission of that row.
        actions = super().get_actions(request)
        if not request.user.is_superuser:
            actions.pop("delete_selected", None)
        return actions

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Belt and braces: what an office admin saved must still be its own (the choices are
        # limited already); otherwise the admin's transaction is rolled back.
        if not request.user.is_superuser and not self._office_allows(request, form.instance, write=True):
            raise PermissionDenied("只能保存本办公室范围内的数据")


class ScopedInline(ScopedChoices):
    """An inline's choices scoped like its admin's; `office_may` "view" keeps it read-only
    for office admins even where they may change the object it belongs to."""

    office_may = "change"

    def _office_writes(self, request) -> bool:
        return request.user.is_superuser or self.office_may == "change"

    def has_add_permission(self, request, obj):
        return self._office_writes(request) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._office_writes(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._office_writes(request) and super().has_delete_permission(request, obj)


class SuperuserOnly:
    """Put in front of an admin registered without an office rule: only superusers see it."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request, *args):
        return request.user.is_active and request.user.is_superuser and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser and super().has_delete_permission(request, obj)


def superuser_only_unless_scoped(site: admin.AdminSite) -> None:
    """Every admin on `site` that is not a ScopedAdmin (Django's groups, django-axes' lists,
    anything added later) becomes superuser-only: a new admin is closed until it says its rule."""
    for model, model_admin in list(site._registry.items()):
        if isinstance(model_admin, (ScopedAdmin, SuperuserOnly)):
            continue
        cls = type(model_admin)
        site.unregister(model)
        site.register(model, type(cls.__name__, (SuperuserOnly, cls), {"__module__": cls.__module__}))
