"""Checks against the database: saved plans as Plan JSON, the registry's view
of unit names, and the plans a plan should agree with."""

from django.db.models import Prefetch, Q

from checks.crossplan import compare_plans
from checks.findings import Finding, sort_findings
from checks.rules import Context, check_plan
from orgs.models import Region, Unit
from orgs.services import expand_group
from plans.importing.matching import Status, match_units, printed_unit_names
from plans.models import Assignment, Plan, Target


def plan_as_json(plan: Plan) -> dict:
    """A saved plan in the form the rules read (what the importer produces)."""
    tasks = (
        plan.tasks.order_by("position", "id")
        .prefetch_related(
            Prefetch("assignments", queryset=Assignment.objects.select_related("unit")
                     .prefetch_related("unit__aliases").order_by("role", "position", "id")),
            Prefetch("targets", queryset=Target.objects.select_related("assignee").order_by("position", "id")),
        )
    )
    out = []
    for task in tasks:
        targets = list(task.targets.all())
        index = {t.pk: i for i, t in enumerate(targets)}
        out.append({
            "ref": task.ref, "list": task.list_name or None, "category": task.category or None,
            "text": task.text, "measures": task.measures,
            "lead_units": [a.unit.name for a in task.assignments.all() if a.role == Assignment.Role.LEAD],
            "partner_units": [a.unit.name for a in task.assignments.all() if a.role == Assignment.Role.PARTNER],
            "deadline_text": task.deadline_text or None,
            "deadline": task.deadline.isoformat() if task.deadline else None,
            "score": task.score,
            "targets": [_target_json(t, index) for t in targets],
            "_printed_units": [(a.printed_name, a.unit) for a in task.assignments.all() if a.printed_name],
        })
    return {"format": "plan/1", "plan": {
        "title": plan.title, "doc_number": plan.doc_number or None, "year": plan.year, "end_year": plan.end_year,
        "references": plan.references, "statements": plan.statements,
    }, "tasks": out}


def _target_json(target: Target, index: dict[int, int]) -> dict:
    data = {
        "metric": target.metric, "value": target.quantity, "unit": target.unit, "comparator": target.comparator,
        "assignee": target.assignee.name if target.assignee_id else (target.assignee_printed or None),
        "printed": target.printed_text,
    }
    if target.parent_id in index:
        data["part_of"] = index[target.parent_id]
    if target.carried_over:
        data["carried_over"] = target.carried_over
    return data


def _groups(scope: Region | None) -> dict[str, list[str]]:
    groups = Unit.objects.filter(is_group=True, is_active=True)
    return {g.name: [m.name for m in expand_group(g)] for g in groups}


def _import_unit_status(plan_json: dict, scope: Region | None):
    matches = match_units(printed_unit_names(plan_json), scope)

    def status(name: str) -> tuple[str, list[str]]:
        match = matches.get(name)
        if match is None or match.status in Status.RESOLVED:
            return "exact", []
        return match.status, [u.name for u in match.candidates]
    return status


def _saved_unit_status(plan_json: dict):
    """A saved assignment printed otherwise than its unit's name or aliases was matched loosely."""
    loose: dict[str, list[str]] = {}
    for task in plan_json["tasks"]:
        for printed, unit in task.pop("_printed_units", []):
            if printed != unit.name and printed not in {alias.name for alias in unit.aliases.all()}:
                loose[unit.name] = loose.get(unit.name, []) + [printed]

    def status(name: str) -> tuple[str, list[str]]:
        return ("close", [f"原文写作“{'”“'.join(sorted(set(loose[name])))}”"]) if name in loose else ("exact", [])
    return status


def findings_for_plan(plan: Plan) -> list[Finding]:
    """Everything the checks find in a saved plan, and against its upper and lower plans."""
    plan_json = plan_as_json(plan)
    context = Context(groups=_groups(None), unit_status=_saved_unit_status(plan_json))
    findings = check_plan(plan_json, context)
    for other in _related(plan):
        findings += compare_plans(plan_json, _strip(plan_as_json(other)))
    return sort_findings(findings)


def findings_for_import(plan_json: dict, scope: Region | None) -> list[Finding]:
    """The checks on an upload before it is saved: its own numbers, the registry,
    and the saved plans it cites (by 文号)."""
    context = Context(groups=_groups(scope), unit_status=_import_unit_status(plan_json, scope))
    findings = check_plan(plan_json, context)
    cited = (plan_json.get("plan") or {}).get("references") or []
    for other in Plan.objects.filter(doc_number__in=cited):
        findings += compare_plans(plan_json, _strip(plan_as_json(other)))
    return sort_findings(findings)


def _related(plan: Plan):
    """The plan it implements, and the plans that implement it."""
    return Plan.objects.filter(Q(pk=plan.parent_id) | Q(parent=plan)).exclude(pk=plan.pk)


def _strip(plan_json: dict) -> dict:
    for task in plan_json["tasks"]:
        task.pop("_printed_units", None)
    return plan_json
