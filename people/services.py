"""Changing the roster: one `do_*` per change, each in one transaction inside `acting(actor,
reason)`, so every row saved leaves its history row (who, when, old → new, why). Each checks
the actor's rights itself (people.access). Bad input raises PeopleError in Chinese, naming the
field — or the file's row — concerned."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from history.records import acting
from orgs.models import Unit
from people import access
from people.models import AllowancePayment, Person, RosterImport, TargetRule
from people.roster_xlsx import RosterFileError, read_roster
from plans.models import Plan, Target

# The columns a name list may carry and the diff compares (name and batch are the row's key).
LIST_FIELDS = ["kind", "field", "gender", "home_unit", "home_post", "phone", "host_unit", "host_post",
               "arrived_on", "planned_return_on", "returned_on", "status"]
PERSON_FIELDS = ["name", "batch", *LIST_FIELDS, "allowance_unit"]


class PeopleError(Exception):
    def __init__(self, message: str, field: str | None = None, errors: list[str] | None = None):
        super().__init__(message)
        self.message, self.field, self.errors = message, field, errors or [message]


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise PermissionDenied(message)


def _clean(obj, where: str = "") -> None:
    try:
        obj.full_clean()
    except ValidationError as error:
        name, messages = next(iter(error.message_dict.items()))
        label = obj._meta.get_field(name).verbose_name if name != "__all__" else ""
        text = "；".join(messages)
        raise PeopleError(f"{where}{'“' + str(label) + '”：' if label and where else ''}{text}",
                          field=None if name == "__all__" else name) from None


# -- one person ------------------------------------------------------------------------------------

def do_create_person(actor, *, plan: Plan, sending_unit: Unit, reason: str = "", **fields) -> Person:
    _require(access.may_submit(actor, plan, sending_unit), "不能为该单位报送选派人员")
    person = Person(office_id=plan.office_id, plan=plan, sending_unit=sending_unit,
                    **{k: v for k, v in fields.items() if k in PERSON_FIELDS})
    with transaction.atomic(), acting(actor, reason or "新增选派人员"):
        _clean(person)
        person.save()
    return person


def do_update_person(actor, person: Person, *, reason: str = "", **fields) -> Person:
    _require(access.may_change_person(actor, person), "不能修改该选派人员")
    with transaction.atomic(), acting(actor, reason or "修改选派人员"):
        person = Person.objects.select_for_update().get(pk=person.pk)
        for name, value in fields.items():
            if name in PERSON_FIELDS:
                setattr(person, name, value)
        _clean(person)
        person.save()
    return person


# -- a unit's name list ----------------------------------------------------------------------------

def do_upload_list(actor, *, plan: Plan, sending_unit: Unit, data: bytes, filename: str) -> RosterImport:
    """Read the unit's Excel into a pending import; nothing on the roster changes yet."""
    _require(access.may_submit(actor, plan, sending_unit), "不能为该单位报送选派人员名单")
    try:
        rows = read_roster(data, filename)
    except RosterFileError as error:
        raise PeopleError(error.errors[0], field="file", errors=error.errors) from None
    with transaction.atomic():
        return RosterImport.objects.create(office_id=plan.office_id, plan=plan, sending_unit=sending_unit,
                                           original_name=filename[:255], rows=rows, created_by=actor)


@dataclass
class Change:
    person: Person
    row: dict
    fields: list[tuple[str, str, str]]  # label, old, new as printed


@dataclass
class Diff:
    added: list[dict] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    removed: list[Person] = field(default_factory=list)
    unchanged: int = 0

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


def _value(name: str, value) -> object:
    if name in ("arrived_on", "planned_return_on", "returned_on"):
        return datetime.date.fromisoformat(value) if value else None
    return value or ""


def _printed(name: str, value) -> str:
    if value in (None, ""):
        return "（空）"
    choices = dict(Person._meta.get_field(name).choices or [])
    return str(choices.get(value, value))


def roster_diff(upload: RosterImport) -> Diff:
    """The upload against the roster as it is now: per batch in the file, the unit's people
    added, changed (field by field, only columns the file has) and removed (on the roster, not
    in the file)."""
    batches = {row.get("batch", "") for row in upload.rows}
    existing = {(p.batch, p.name): p for p in Person.objects.filter(
        office_id=upload.office_id, sending_unit_id=upload.sending_unit_id, batch__in=batches)}
    diff = Diff()
    for row in upload.rows:
        person = existing.pop((row.get("batch", ""), row["name"]), None)
        if person is None:
            diff.added.append(row)
            continue
        changes = [(str(Person._meta.get_field(name).verbose_name), _printed(name, getattr(person, name)),
                    _printed(name, _value(name, row[name])))
                   for name in LIST_FIELDS if name in row and getattr(person, name) != _value(name, row[name])]
        if changes:
            diff.changed.append(Change(person, row, changes))
        else:
            diff.unchanged += 1
    diff.removed = sorted(existing.values(), key=lambda p: (p.batch, p.name))
    return diff


def do_apply_list(actor, upload: RosterImport) -> Diff:
    """Apply the upload's difference in one transaction: all rows or none."""
    _require(upload.created_by_id == actor.pk or actor.is_superuser, "只能导入本人上传的名单")
    if upload.plan is None:
        raise PeopleError("该名单所属的方案已不存在，请重新上传")
    _require(access.may_submit(actor, upload.plan, upload.sending_unit), "不能为该单位报送选派人员名单")
    with transaction.atomic(), acting(actor, f"导入名单：{upload.original_name}"):
        upload = RosterImport.objects.select_for_update().get(pk=upload.pk)
        if upload.applied_at:
            raise PeopleError("该名单已经导入过，请重新上传")
        diff = roster_diff(upload)
        errors = []
        for row in diff.added:
            person = Person(office_id=upload.office_id, plan_id=upload.plan_id, sending_unit_id=upload.sending_unit_id,
                            name=row["name"], batch=row.get("batch", ""),
                            **{n: _value(n, row[n]) for n in LIST_FIELDS if n in row})
            errors += _row_errors(person, upload, row)
            if not errors:
                person.save()
        for change in diff.changed:
            for name in LIST_FIELDS:
                if name in change.row:
                    setattr(change.person, name, _value(name, change.row[name]))
            errors += _row_errors(change.person, upload, change.row)
            if not errors:
                change.person.save()
        for person in diff.removed:
            if person.allowances.exists():
                errors.append(f"“{person.name}”（{person.batch or '未分批次'}）已有生活补助发放记录，不能从名单中删除；"
                              "请在名单中保留并填写返回日期和状态")
            elif not errors:
                person.delete()
        if errors:
            transaction.set_rollback(True)
            raise PeopleError(errors[0], errors=errors[:20])
        upload.applied_at = timezone.now()
        upload.save(update_fields=["applied_at"])
    return diff


def _row_errors(person: Person, upload: RosterImport, row: dict) -> list[str]:
    try:
        _clean(person, where=f"文件“{upload.original_name}”第{row['row']}行")
    except PeopleError as error:
        return [error.message]
    return []


# -- counting toward targets ------------------------------------------------------------------------

def do_set_target_rule(actor, target: Target, *, kind: str = "", field: str = "", basis: str = TargetRule.Basis.ARRIVED,
                       min_months: int = 6, reason: str = "") -> TargetRule:
    _require(access.may_set_rule(actor, target), "只有方案所属协作办公室的管理员可以设置计数规则")
    with transaction.atomic(), acting(actor, reason or "设置选派人员计数规则"):
        rule = TargetRule.objects.select_for_update().filter(target=target).first() or TargetRule(target=target)
        rule.kind, rule.field, rule.basis, rule.min_months = kind, field, basis, min_months
        _clean(rule)
        rule.save()
    return rule


def do_clear_target_rule(actor, target: Target, *, reason: str = "") -> None:
    _require(access.may_set_rule(actor, target), "只有方案所属协作办公室的管理员可以设置计数规则")
    with transaction.atomic(), acting(actor, reason or "取消选派人员计数规则"):
        TargetRule.objects.filter(target=target).delete()


# -- allowance --------------------------------------------------------------------------------------

def do_record_allowance(actor, person: Person, *, month: datetime.date, amount, paid_on: datetime.date,
                        note: str = "", reason: str = "") -> AllowancePayment:
    """One month's payment, recorded (or corrected) by the paying unit."""
    _require(access.may_record_allowance(actor, person), "只有生活补助发放单位可以登记发放")
    try:
        amount = Decimal(str(amount))
    except InvalidOperation:
        raise PeopleError(f"金额“{amount}”不是数字", field="amount") from None
    paying = person.allowance_unit_id or actor.unit_id
    if not paying:
        raise PeopleError("请先为该人员指定生活补助发放单位", field="amount")
    with transaction.atomic(), acting(actor, reason or f"登记{month:%Y年%m月}生活补助"):
        payment = (AllowancePayment.objects.select_for_update().filter(person=person, month=month.replace(day=1)).first()
                   or AllowancePayment(person=person, month=month.replace(day=1)))
        payment.amount, payment.paid_on, payment.note, payment.paying_unit_id = amount, paid_on, note, paying
        _clean(payment)
        payment.save()
    return payment
