"""Who sees and changes the roster of dispatched people, and who sees their particulars.

A person on the roster is seen by the office that keeps the roster (its admins and reviewers),
leaders overseeing that office (`plans.access.overseen_plans`, the dashboards' rule), the
people of the sending unit (派出单位), which submits the name list, and of the unit paying the
allowance (生活补助发放单位). Anyone else gets 404.

Particulars (个人信息保护法: phone, gender) are shown only to the office's admins and reviewers,
the sending unit's people and superusers; everyone else, leaders included, sees them masked —
on pages, in exports and in JSON. An export carries them unmasked only when the office asks.

Changing a person, importing a unit's name list: the sending unit's reporters and admins, and the
office's admins. Setting how the roster counts toward a target: the plan's office admins.
Recording allowance payments: the paying unit's people and the office's admins.
"""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.roles import Role
from orgs.access import office_units
from orgs.models import Unit
from plans.access import overseen_plans, plans_visible_to
from plans.models import Plan, Target
from people.models import Person, RosterImport

MASK = "＊＊"


def _authenticated(user) -> bool:
    return getattr(user, "is_authenticated", False) and user.is_active


def _office_staff(user, office_id) -> bool:
    return bool(user.unit_id) and user.unit_id == office_id and (
        user.has_role(Role.OFFICE_ADMIN) or user.has_role(Role.REVIEWER))


def _office_admin(user, office_id) -> bool:
    return bool(user.unit_id) and user.unit_id == office_id and user.has_role(Role.OFFICE_ADMIN)


def people_visible_to(user) -> QuerySet[Person]:
    people = Person.objects.select_related("sending_unit", "office", "plan", "allowance_unit")
    if not _authenticated(user):
        return people.none()
    if user.is_superuser:
        return people
    condition = overseen_plans(user)  # office_id / office__region_id on Person, as on a plan
    if user.unit_id:
        condition |= Q(sending_unit_id=user.unit_id) | Q(allowance_unit_id=user.unit_id)
    return people.filter(condition)


def person_for(user, pk) -> Person:
    return get_object_or_404(people_visible_to(user), pk=pk)


def sees_particulars(user, person: Person) -> bool:
    if user.is_superuser:
        return True
    return _office_staff(user, person.office_id) or (bool(user.unit_id) and user.unit_id == person.sending_unit_id)


def may_export_particulars(user) -> bool:
    """An export unmasked is the office's request (its admins and reviewers, for its own roster)."""
    return user.is_superuser or (bool(user.unit_id) and (user.has_role(Role.OFFICE_ADMIN) or user.has_role(Role.REVIEWER)))


def may_change_person(user, person: Person) -> bool:
    if user.is_superuser:
        return True
    return _office_admin(user, person.office_id) or may_submit_for(user, person.sending_unit)


def may_submit_for(user, unit: Unit) -> bool:
    """A unit's own reporters and admins submit its name list."""
    return bool(user.unit_id) and user.unit_id == unit.pk and (
        user.has_role(Role.REPORTER) or user.has_role(Role.OFFICE_ADMIN))


def submitting_units(user) -> QuerySet[Unit]:
    """For whom this person may submit a name list: their own unit; an office admin also the
    units of its region."""
    if not _authenticated(user):
        return Unit.objects.none()
    units = Unit.objects.filter(is_active=True, is_group=False)
    if user.is_superuser:
        return units
    if not user.unit_id:
        return units.none()
    if user.has_role(Role.OFFICE_ADMIN):
        return units.filter(Q(pk=user.unit_id) | Q(pk__in=office_units(user).values("pk")))
    if user.has_role(Role.REPORTER):
        return units.filter(pk=user.unit_id)
    return units.none()


def may_submit_lists(user) -> bool:
    return submitting_units(user).exists()


def plans_for_lists(user) -> QuerySet[Plan]:
    """The live plans a name list may be submitted under (the plan's office keeps the roster)."""
    return plans_visible_to(user).filter(state=Plan.State.ACTIVE, office__isnull=False).order_by("-year", "title")


def may_submit(user, plan: Plan, unit: Unit) -> bool:
    """May this person submit `unit`'s name list under `plan`?"""
    if user.is_superuser:
        return True
    if not plans_for_lists(user).filter(pk=plan.pk).exists():
        return False
    return may_submit_for(user, unit) or (_office_admin(user, plan.office_id) and submitting_units(user).filter(pk=unit.pk).exists())


def import_for(user, pk) -> RosterImport:
    """An uploaded list, only for the one who uploaded it (or a superuser)."""
    found = RosterImport.objects.select_related("office", "sending_unit", "plan").filter(pk=pk).first()
    if found is None or not (user.is_superuser or found.created_by_id == user.pk):
        raise Http404("没有找到该名单导入")
    return found


def targets_overseen(user) -> QuerySet[Target]:
    targets = Target.objects.select_related("task__plan", "assignee")
    if not _authenticated(user):
        return targets.none()
    return targets if user.is_superuser else targets.filter(overseen_plans(user, "task__plan__"))


def target_for(user, pk) -> Target:
    return get_object_or_404(targets_overseen(user), pk=pk)


def may_set_rule(user, target: Target) -> bool:
    return user.is_superuser or _office_admin(user, target.task.plan.office_id)


def may_record_allowance(user, person: Person) -> bool:
    if user.is_superuser:
        return True
    return _office_admin(user, person.office_id) or (
        bool(user.unit_id) and person.allowance_unit_id == user.unit_id
        and (user.has_role(Role.REPORTER) or user.has_role(Role.OFFICE_ADMIN)))


def allowance_people(user) -> QuerySet[Person]:
    """People whose allowance this person's unit pays (it sees them, masked)."""
    if not _authenticated(user) or not user.unit_id:
        return Person.objects.none()
    return Person.objects.filter(allowance_unit_id=user.unit_id)


# -- masking -----------------------------------------------------------------------------------

def mask_phone(phone: str) -> str:
    """138****5678: enough to tell numbers apart, not to call."""
    digits = phone.strip()
    if len(digits) <= 4:
        return MASK if digits else ""
    keep = 3 if len(digits) >= 11 else 1
    return digits[:keep] + "*" * (len(digits) - keep - 4) + digits[-4:]


def particulars(person: Person, shown: bool) -> dict:
    """The personal columns as this reader may see them."""
    if shown:
        return {"phone": person.phone, "gender": person.get_gender_display()}
    return {"phone": mask_phone(person.phone), "gender": MASK if person.gender else ""}
