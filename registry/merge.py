"""Merging two units that are the same (区乡村振兴局 entered twice, a street imported under two
spellings): everything the other unit holds moves to the one kept, the other's name stays as an
alias, and the other unit is deleted — all in one transaction, each moved row's history naming
who merged and why.

Refused, with what stands in the way said in Chinese: two reports of the same task and month
(one unit would then have two; a person decides which stands), two score sheets in one assessment
scheme (likewise), a pairing between the two, or a group merged with a unit that is not one.
"""

from django.db import transaction
from django.db.models import Exists, OuterRef, ProtectedError

from accounts.models import User
from assessment.models import Item, Scheme, ScoreSheet
from exchanges.models import Exchange
from funds.models import Project
from history.records import acting
from issuance.models import Receipt, SignReminderSent
from ledgers.models import LedgerRow
from notifications.models import GroupRobot
from orgs.models import GroupMembership, Pairing, Unit, UnitAlias
from oversight.models import Bulletin, WarningSent
from people.models import AllowancePayment, Person, RosterImport
from planning.models import Proposal
from plans.models import Assignment, Plan, Target
from registry import access
from registry.services import RegistryError, _reason, _require
from reporting.models import ProgressReport, ReminderSent

MERGED_NOTE = "合并：原单位名称"


def report_clashes(keep: Unit, other: Unit) -> list[ProgressReport]:
    """The other unit's reports whose task and month the kept unit also has a report for."""
    same = ProgressReport.objects.filter(unit=keep, cycle_id=OuterRef("cycle_id"), task_id=OuterRef("task_id"))
    return list(ProgressReport.objects.filter(unit=other).filter(Exists(same))
                .select_related("cycle__plan", "task").order_by("cycle__period_start", "task__ref"))


def _clash_message(keep: Unit, other: Unit, clashes: list[ProgressReport]) -> str:
    shown = "；".join(f"《{r.cycle.plan.title}》第{r.task.ref}项 {r.cycle.label}" for r in clashes[:5])
    more = f"等{len(clashes)}处" if len(clashes) > 5 else ""
    return (f"不能合并：“{keep.name}”和“{other.name}”对同一任务同一月份都有报告（{shown}{more}）。"
            "请先处理其中一个单位的这些报告，再合并。")


def _move(rows, field: str, keep: Unit, *, duplicate=None) -> None:
    """Point each row's `field` at the kept unit, saving it (its history records the move);
    a row that would duplicate one the kept unit already has is deleted instead."""
    for row in rows:
        setattr(row, field, keep)
        if duplicate is not None and duplicate(row):
            row.delete()
        else:
            row.save(update_fields=[field])


def do_merge_units(actor, keep: Unit, other: Unit, *, reason: str) -> Unit:
    """Merge `other` into `keep`; returns the kept unit. Both must be the office's."""
    access.require_registry(actor)
    reason = _reason(reason, "合并单位")
    with transaction.atomic():
        units = {u.pk: u for u in access.units(actor).select_for_update().filter(pk__in=[keep.pk, other.pk])}
        _require(len(units) == 2 or keep.pk == other.pk, "两个单位都应在本办公室管理范围内")
        if keep.pk == other.pk:
            raise RegistryError("请选择另一个单位合并", field="other")
        keep, other = units[keep.pk], units[other.pk]
        if keep.is_group != other.is_group:
            raise RegistryError(f"“{keep.name}”和“{other.name}”一个是集合单位、一个不是，不能合并", field="other")
        if Pairing.objects.filter(helper__in=[keep, other], helped__in=[keep, other]).exists():
            raise RegistryError(f"“{keep.name}”和“{other.name}”之间有结对关系，不是同一单位，不能合并", field="other")
        clashes = report_clashes(keep, other)
        if clashes:
            raise RegistryError(_clash_message(keep, other, clashes), field="other")
        sheets = sheet_clashes(keep, other)
        if sheets:
            raise RegistryError(f"不能合并：“{keep.name}”和“{other.name}”在同一考核方案中各有一份考核评分表"
                                f"（{'、'.join(sheets)}）。请先处理其中一份，再合并。", field="other")
        with acting(actor, f"合并单位：“{other.name}”并入“{keep.name}”；{reason}"):
            _move_everything(keep, other)
            _move_later_work(keep, other)
            keep.save()  # the kept unit's own history says what was merged into it, and why
            try:
                with transaction.atomic():
                    other.delete()
            except ProtectedError as error:
                left = "、".join(sorted({o._meta.verbose_name for o in error.protected_objects}))
                raise RegistryError(f"不能合并：“{other.name}”还有未能移动的{left}", field="other") from None
    return keep


def _move_everything(keep: Unit, other: Unit) -> None:
    _move(Assignment.objects.filter(unit=other), "unit", keep, duplicate=lambda a: Assignment.objects.filter(
        task_id=a.task_id, unit=keep, role=a.role).exists())
    _move(Target.objects.filter(assignee=other), "assignee", keep)
    _move(ProgressReport.objects.filter(unit=other), "unit", keep)
    _move(Plan.objects.filter(office=other), "office", keep)
    _move(User.objects.filter(unit=other), "unit", keep)
    _move(Unit.objects.filter(parent=other), "parent", keep)
    if keep.parent_id == other.pk:
        keep.parent_id = other.parent_id
        keep.save(update_fields=["parent"])
    _move(GroupMembership.objects.filter(group=other), "group", keep, duplicate=lambda m: m.member_id == keep.pk
          or GroupMembership.objects.filter(group=keep, member_id=m.member_id).exists())
    _move(GroupMembership.objects.filter(member=other), "member", keep, duplicate=lambda m: m.group_id == keep.pk
          or GroupMembership.objects.filter(group_id=m.group_id, member=keep).exists())
    for side in ("helper", "helped"):
        _move(Pairing.objects.filter(**{side: other}), side, keep, duplicate=lambda p: Pairing.objects.filter(
            helper_id=p.helper_id, helped_id=p.helped_id, programme=p.programme, start_year=p.start_year,
        ).exclude(pk=p.pk).exists())
    names = set(keep.aliases.values_list("name", flat=True)) | {keep.name}
    for alias in UnitAlias.objects.filter(unit=other):
        if alias.name in names:
            alias.delete()
        else:
            alias.unit = keep
            alias.save(update_fields=["unit"])
            names.add(alias.name)
    if other.name not in names:
        UnitAlias.objects.create(unit=keep, name=other.name, note=MERGED_NOTE)
    _move_receipts(keep, other)
    # 协作资金项目 and 明细台账 rows: the kept unit reports the projects and owns the rows from now on
    # (a project's months and vouchers hang off the project, so they follow it).
    _move(Project.objects.filter(responsible_unit=other), "responsible_unit", keep)
    _move(LedgerRow.objects.filter(unit=other), "unit", keep)
    _move(GroupRobot.objects.filter(office=other), "office", keep)
    _move(Bulletin.objects.filter(office=other), "office", keep)
    # Records of reminders and warnings sent (not historied): the kept unit's own stand where
    # both were told in the same cycle.
    ReminderSent.objects.filter(unit=other).filter(Exists(ReminderSent.objects.filter(
        unit=keep, cycle_id=OuterRef("cycle_id"), kind=OuterRef("kind")))).delete()
    ReminderSent.objects.filter(unit=other).update(unit=keep)
    WarningSent.objects.filter(unit=other).filter(Exists(WarningSent.objects.filter(
        unit=keep, cycle_id=OuterRef("cycle_id")))).delete()
    WarningSent.objects.filter(unit=other).update(unit=keep)
    SignReminderSent.objects.filter(unit=other).filter(Exists(SignReminderSent.objects.filter(
        unit=keep, version_id=OuterRef("version_id"), sent_on=OuterRef("sent_on")))).delete()
    SignReminderSent.objects.filter(unit=other).update(unit=keep)


def _move_receipts(keep: Unit, other: Unit) -> None:
    """签收 of a plan's versions: where both were asked to sign one version, the kept unit's receipt
    stands, signed if either had signed (the signature and who gave it carried over)."""
    for receipt in Receipt.objects.filter(unit=other):
        twin = Receipt.objects.filter(version_id=receipt.version_id, unit=keep).first()
        if twin is None:
            receipt.unit = keep
            receipt.save(update_fields=["unit"])
            continue
        if twin.signed_at is None and receipt.signed_at is not None:
            twin.signed_at, twin.signed_by = receipt.signed_at, receipt.signed_by
            twin.save(update_fields=["signed_at", "signed_by"])
        receipt.delete()


def sheet_clashes(keep: Unit, other: Unit) -> list[str]:
    """The assessment schemes in which both units have a score sheet (one per unit and scheme:
    a person decides which stands)."""
    both = ScoreSheet.objects.filter(unit=keep, scheme_id=OuterRef("scheme_id"))
    return [f"{s.scheme.year}年度考核" for s in ScoreSheet.objects.filter(unit=other).filter(Exists(both))
            .select_related("scheme").order_by("scheme__year")]


def _move_later_work(keep: Unit, other: Unit) -> None:
    """What the roster, exchanges, the workbench and the assessment hold for a unit: dispatched
    people (sending, paying and keeping office), their allowances and name lists, exchanges it
    recorded, proposed 自选动作, schemes it keeps, score sheets, items it answers for or scores."""
    for field in ("sending_unit", "allowance_unit", "office"):
        _move(Person.objects.filter(**{field: other}), field, keep)
    _move(AllowancePayment.objects.filter(paying_unit=other), "paying_unit", keep)
    RosterImport.objects.filter(sending_unit=other).update(sending_unit=keep)  # uploads awaiting 应用 (no history)
    RosterImport.objects.filter(office=other).update(office=keep)
    _move(Exchange.objects.filter(recorded_by=other), "recorded_by", keep)
    _move(Scheme.objects.filter(office=other), "office", keep)
    _move(Proposal.objects.filter(unit=other), "unit", keep)
    _move(ScoreSheet.objects.filter(unit=other), "unit", keep)
    _move(Item.objects.filter(unit=other), "unit", keep)
    _move(Item.objects.filter(scoring_unit=other), "scoring_unit", keep)
