"""Changing the office's registry: units, people's accounts, pairings and a plan's reporting
schedule. One `do_*` per change, each in one transaction inside `acting(actor, reason)`, so
every row it saves leaves a history row naming who and why (history.records). Each checks the
actor's rights itself (registry.access): a page, a command or a test calling it gets the same
answer.

Bad input raises RegistryError with a Chinese message and, where it concerns one field, the
field's name, so a form shows it beside the field.
"""

import secrets
import string

from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from accounts.models import User
from accounts.roles import Role, grantable_roles, group_name
from history.records import acting
from orgs.models import GroupMembership, Pairing, Unit, UnitAlias
from orgs.names import normalize_name
from registry import access
from reporting.models import EvidenceRule, ReportingSchedule


class RegistryError(Exception):
    """A change that cannot be made, said in Chinese; `field` names the form field concerned."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message, self.field = message, field


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise PermissionDenied(message)


def _reason(reason: str, required: str | None = None) -> str:
    reason = (reason or "").strip()
    if required and not reason:
        raise RegistryError(f"请填写修改原因（{required}）", field="reason")
    return reason


def _clean(obj, exclude=(), unique=True) -> None:
    """The model's own validation, its messages raised as one RegistryError."""
    try:
        obj.full_clean(exclude=list(exclude), validate_unique=unique, validate_constraints=unique)
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise RegistryError("；".join(messages), field=None if field == "__all__" else field) from None


# -- units ---------------------------------------------------------------------------------------

def _aliases(names) -> list[str]:
    out = []
    for name in names:
        name = normalize_name(name)
        if name and name not in out:
            out.append(name)
    return out


def _set_aliases(unit: Unit, names: list[str]) -> None:
    names = [n for n in _aliases(names) if n != unit.name]
    for alias in unit.aliases.exclude(name__in=names):
        alias.delete()
    have = set(unit.aliases.values_list("name", flat=True))
    for name in names:
        if name not in have:
            UnitAlias.objects.create(unit=unit, name=name)


def _set_members(actor, unit: Unit, members: list[Unit]) -> None:
    if members and not unit.is_group:
        raise RegistryError("只有集合单位可以有成员单位；请先勾选“集合单位”", field="members")
    allowed = set(access.pickable(actor).filter(pk__in=[m.pk for m in members]).values_list("pk", flat=True))
    for member in members:
        if member.pk == unit.pk:
            raise RegistryError("集合单位不能以自身为成员", field="members")
        if member.pk not in allowed:
            raise RegistryError(f"“{member.name}”不在本办公室范围内，不能作为成员", field="members")
    wanted = [m.pk for m in members]
    for membership in unit.memberships.exclude(member_id__in=wanted):
        membership.delete()
    existing = {m.member_id: m for m in unit.memberships.all()}
    for position, pk in enumerate(wanted):
        membership = existing.get(pk)
        if membership is None:
            GroupMembership.objects.create(group=unit, member_id=pk, position=position)
        elif membership.position != position:
            membership.position = position
            membership.save(update_fields=["position"])


UNIT_FIELDS = ("name", "full_name", "kind", "region", "parent", "is_group",
               "contact_person", "contact_phone", "is_active")


def _check_unit_scope(actor, unit: Unit) -> None:
    if not access.regions(actor).filter(pk=unit.region_id).exists():
        raise RegistryError("所在区划不在本办公室管理范围内", field="region")
    if unit.parent_id and not access.units(actor).filter(pk=unit.parent_id).exists():
        raise RegistryError("上级单位不在本办公室管理范围内", field="parent")


def _save_unit(actor, unit: Unit, aliases, members) -> Unit:
    _check_unit_scope(actor, unit)
    _clean(unit, unique=False)
    if Unit.objects.filter(region_id=unit.region_id, name=unit.name).exclude(pk=unit.pk).exists():
        raise RegistryError(f"“{unit.region.name}”下已有名为“{unit.name}”的单位；同一单位请用“合并”", field="name")
    try:
        with transaction.atomic():
            unit.save()
    except IntegrityError:
        raise RegistryError(f"该区划下已有名为“{unit.name}”的单位", field="name") from None
    _set_aliases(unit, aliases)
    _set_members(actor, unit, members)
    return unit


def do_create_unit(actor, *, aliases=(), members=(), reason: str = "", **fields) -> Unit:
    """A new unit in the office's region or below, with its aliases and group members."""
    access.require_registry(actor)
    unit = Unit(**{k: v for k, v in fields.items() if k in UNIT_FIELDS})
    with transaction.atomic(), acting(actor, _reason(reason) or "新增单位"):
        return _save_unit(actor, unit, list(aliases), list(members))


def do_update_unit(actor, unit: Unit, *, aliases=(), members=(), reason: str = "", **fields) -> Unit:
    """Change a unit's facts, aliases and members. Deactivating it needs a reason."""
    access.require_registry(actor)
    with transaction.atomic():
        unit = access.units(actor).select_for_update().filter(pk=unit.pk).first()
        _require(unit is not None, "该单位不在本办公室管理范围内")
        deactivating = unit.is_active and fields.get("is_active") is False
        for key, value in fields.items():
            if key in UNIT_FIELDS:
                setattr(unit, key, value)
        with acting(actor, _reason(reason, "停用单位" if deactivating else None) or "修改单位信息"):
            return _save_unit(actor, unit, list(aliases), list(members))


# -- people --------------------------------------------------------------------------------------

_PASSWORD_CHARS = "".join(c for c in string.ascii_letters + string.digits if c not in "0OoIl1")


def new_password() -> str:
    """A password to give once: 12 letters and digits, none that read alike (0/O, 1/l/I)."""
    while True:
        password = "".join(secrets.choice(_PASSWORD_CHARS) for _ in range(12))
        if any(c.isdigit() for c in password) and any(c.isalpha() for c in password):
            return password


def _check_password(password: str, user: User) -> None:
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise RegistryError("密码不符合要求：" + "".join(error.messages), field="password") from None


def _check_roles(actor, roles) -> list[Role]:
    roles = [Role(r) for r in roles]
    beyond = [r for r in roles if r not in grantable_roles(actor)]
    if beyond:
        raise PermissionDenied("不能授予超出本人权限的角色：" + "、".join(str(r.label) for r in beyond))
    return roles


def _check_user_unit(actor, unit: Unit | None) -> None:
    if unit is None or not access.units(actor).filter(pk=unit.pk).exists():
        raise RegistryError("请选择本办公室范围内的单位", field="unit")


def _may_change(actor, user: User) -> None:
    _require(access.users(actor).filter(pk=user.pk).exists(), "该账号不在本办公室管理范围内")
    _require(access.may_change_user(actor, user),
             "不能修改此账号：只能管理本办公室范围内、角色不超出本人权限的非管理后台账号，且不能修改自己的账号")


def do_create_user(actor, *, username: str, name: str, unit: Unit, roles, phone: str = "", email: str = "",
                   password: str | None = None) -> tuple[User, str]:
    """An account for a person of one of the office's units. Returns it and its initial
    password (the one given, or a new one to show once): never staff, never a superuser."""
    access.require_registry(actor)
    roles = _check_roles(actor, roles)
    _check_user_unit(actor, unit)
    if not roles:
        raise RegistryError("请至少选择一个角色", field="roles")
    username = (username or "").strip()
    if username and User.objects.filter(username__iexact=username).exists():
        raise RegistryError(f"登录名“{username}”已被使用，请换一个", field="username")
    user = User(username=username, name=(name or "").strip(), unit=unit, phone=(phone or "").strip(),
                email=(email or "").strip(), is_staff=False, is_superuser=False)
    _clean(user, exclude=["password"])
    password = password or new_password()
    _check_password(password, user)
    user.set_password(password)
    with transaction.atomic(), acting(actor, "新增账号"):
        user.save()
        user.groups.set(Group.objects.filter(name__in=[group_name(r) for r in roles]))
    return user, password


def do_update_user(actor, user: User, *, name: str, unit: Unit, phone: str = "", email: str = "",
                   reason: str = "") -> User:
    access.require_registry(actor)
    _may_change(actor, user)
    _check_user_unit(actor, unit)
    moved = unit.pk != user.unit_id
    with transaction.atomic(), acting(actor, _reason(reason, "调整所属单位" if moved else None) or "修改账号信息"):
        user.name, user.unit, user.phone, user.email = (name or "").strip(), unit, (phone or "").strip(), (email or "").strip()
        _clean(user, exclude=["password"])
        user.save(update_fields=["name", "unit", "phone", "email"])
    return user


def do_set_roles(actor, user: User, roles, *, reason: str) -> User:
    """Change a person's roles: only among those the actor may grant, with a reason."""
    access.require_registry(actor)
    _may_change(actor, user)
    roles = _check_roles(actor, roles)
    if not roles:
        raise RegistryError("请至少选择一个角色；不再使用的账号请停用", field="roles")
    with transaction.atomic(), acting(actor, _reason(reason, "调整角色")):
        user.groups.set(Group.objects.filter(name__in=[group_name(r) for r in roles]))
        user.__dict__.pop("role_set", None)
    return user


def do_set_active(actor, user: User, active: bool, *, reason: str) -> User:
    """Deactivate (the person can no longer sign in; their reports stay) or reactivate."""
    access.require_registry(actor)
    _may_change(actor, user)
    with transaction.atomic(), acting(actor, _reason(reason, "停用账号" if not active else "启用账号")):
        user.is_active = active
        user.save(update_fields=["is_active"])
    return user


def do_reset_password(actor, user: User, *, password: str | None = None, reason: str = "") -> str:
    """A new password (the one given, or a generated one to show once). The history records
    who reset it and when, never the password."""
    access.require_registry(actor)
    _may_change(actor, user)
    password = password or new_password()
    _check_password(password, user)
    with transaction.atomic(), acting(actor, "重置密码" + (f"：{reason.strip()}" if (reason or "").strip() else "")):
        user.set_password(password)
        user.save(update_fields=["password"])
    return password


# -- pairings ------------------------------------------------------------------------------------

PAIRING_FIELDS = ("helper", "helped", "level", "programme", "role", "start_year", "end_year", "note")


def _save_pairing(actor, pairing: Pairing) -> Pairing:
    pickable = access.partners(actor)
    own = access.units(actor)
    for side, label in (("helper", "帮扶方"), ("helped", "受援方")):
        if getattr(pairing, f"{side}_id") and not pickable.filter(pk=getattr(pairing, f"{side}_id")).exists():
            raise RegistryError(f"{label}不在本办公室可选的单位中", field=side)
    if not own.filter(pk__in=[pairing.helper_id, pairing.helped_id]).exists():
        raise RegistryError("帮扶方或受援方至少一方应是本办公室范围内的单位", field="helper")
    if pairing.helper_id and pairing.helper_id == pairing.helped_id:
        raise RegistryError("帮扶方和受援方不能是同一单位", field="helped")
    if pairing.end_year is not None and pairing.start_year and pairing.end_year < pairing.start_year:
        raise RegistryError(f"截止年度（{pairing.end_year}）不能早于起始年度（{pairing.start_year}）", field="end_year")
    _clean(pairing)
    pairing.save()
    return pairing


def do_create_pairing(actor, *, reason: str = "", **fields) -> Pairing:
    access.require_registry(actor)
    pairing = Pairing(**{k: v for k, v in fields.items() if k in PAIRING_FIELDS})
    with transaction.atomic(), acting(actor, _reason(reason) or "新增结对关系"):
        return _save_pairing(actor, pairing)


def do_update_pairing(actor, pairing: Pairing, *, reason: str = "", **fields) -> Pairing:
    """Change a pairing's level, role, years or note (ending it is setting its 截止年度).
    Its two sides stay: another pair is a new pairing."""
    access.require_registry(actor)
    with transaction.atomic():
        pairing = access.pairings(actor).select_for_update().filter(pk=pairing.pk).first()
        _require(pairing is not None, "该结对关系不在本办公室管理范围内")
        for key in ("level", "programme", "role", "start_year", "end_year", "note"):
            if key in fields:
                setattr(pairing, key, fields[key])
        with acting(actor, _reason(reason) or "修改结对关系"):
            return _save_pairing(actor, pairing)


# -- a plan's reporting schedule -----------------------------------------------------------------

SCHEDULE_FIELDS = ("due_day", "starts_on", "skipped_months", "evidence_policy", "active")


def do_update_schedule(actor, plan, *, reason: str = "", **fields) -> ReportingSchedule:
    """The plan's 填报安排: due day, first month, months without reports, evidence policy,
    active. New months open by the daily `open_cycles`; months already opened stay."""
    access.require_registry(actor)
    _require(access.plans(actor).filter(pk=plan.pk).exists(), "只能设置本办公室方案的填报安排")
    with transaction.atomic(), acting(actor, _reason(reason) or "修改填报安排"):
        schedule = ReportingSchedule.objects.select_for_update().filter(plan=plan).first()
        if schedule is None:
            schedule = ReportingSchedule(plan=plan)
        for key, value in fields.items():
            if key in SCHEDULE_FIELDS:
                setattr(schedule, key, value)
        _clean(schedule)
        schedule.save()
        return schedule


def do_set_evidence_rule(actor, task, required: bool | None, *, reason: str = "") -> EvidenceRule | None:
    """One task's evidence requirement: True or False overrides the plan's policy, None
    follows it again (the rule is deleted, which its history records)."""
    access.require_registry(actor)
    _require(access.plans(actor).filter(pk=task.plan_id).exists(), "只能设置本办公室方案的佐证要求")
    with transaction.atomic(), acting(actor, _reason(reason) or "修改佐证要求"):
        rule = EvidenceRule.objects.select_for_update().filter(task=task).first()
        if required is None:
            if rule is not None:
                rule.delete()
            return None
        if rule is None:
            return EvidenceRule.objects.create(task=task, required=required)
        if rule.required != required:
            rule.required = required
            rule.save(update_fields=["required"])
        return rule
