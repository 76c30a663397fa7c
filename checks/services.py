"""Checks against the database: saved plans as Plan JSON, the registry's view
of unit names, and the plans a plan should agree with."""

from django.db.models import Q

from checks.crossplan import compare_plans
from checks.findings import Finding, sort_findings
from checks.rules import Context, check_plan
from orgs.models import Region, UnitAlias
from orgs.services import group_members
from plans.importing.matching import Status, match_units, printed_unit_names
from plans.models import Assignment, Plan, Target, Task


def plan_as_json(plan: Plan) -> dict:
    """A saved plan in the form the rules read (what the importer produces)."""
    return plans_as_json([plan.pk])[plan.pk]


def plans_as_json(plan_ids: list[int]) -> dict[int, dict]:
    """Many saved plans as Plan JSON from five queries, whatever their size.

    Plain rows (values()) rather than model instances: a city's 100,000
    targets are read in a second, not ten.
    """
    plans = {p["id"]: {"format": "plan/1", "plan": {
        "title": p["title"], "doc_number": p["doc_number"] or None, "year": p["year"], "end_year": p["end_year"],
        "references": p["references"], "statements": p["statements"],
        **({"stated_totals": p["stated_totals"]} if p["stated_totals"] else {}),
    }, "tasks": []} for p in Plan.objects.filter(pk__in=plan_ids).values(
        "id", "title", "doc_number", "year", "end_year", "references", "statements", "stated_totals")}
    tasks = {}
    for t in (Task.objects.filter(plan_id__in=plan_ids, archived=False).order_by("plan_id", "position", "id").values(
            "id", "plan_id", "ref", "list_name", "category", "text", "measures", "deadline", "deadline_text", "score", "annex_totals",
            "upper_task__plan__doc_number", "upper_task__plan__title", "upper_task__list_name", "upper_task__ref")):
        upper_label = t["upper_task__plan__doc_number"] or t["upper_task__plan__title"]
        task = {
            "ref": t["ref"], "list": t["list_name"] or None, "category": t["category"] or None,
            "text": t["text"], "measures": t["measures"], "lead_units": [], "partner_units": [],
            "deadline_text": t["deadline_text"] or None,
            "deadline": t["deadline"].isoformat() if t["deadline"] else None, "score": t["score"], "targets": [],
            # The upper task it implements, so two saved plans pair their tasks exactly.
            "upper": [upper_label, t["upper_task__list_name"] or None, t["upper_task__ref"]] if upper_label else None,
            "_printed_units": [],
            **({"annex_total": t["annex_totals"]} if t["annex_totals"] else {}),
        }
        tasks[t["id"]] = task
        plans[t["plan_id"]]["tasks"].append(task)
    aliases: dict[int, set[str]] = {}
    assignments = list(Assignment.objects.filter(task__plan_id__in=plan_ids, task__archived=False).order_by("task_id", "role", "position", "id")
                       .values("task_id", "role", "printed_name", "unit_id", "unit__name"))
    printed_units = {a["unit_id"] for a in assignments if a["printed_name"]}
    for unit_id, name in UnitAlias.objects.filter(unit_id__in=printed_units).values_list("unit_id", "name"):
        aliases.setdefault(unit_id, set()).add(name)
    for a in assignments:
        task = tasks[a["task_id"]]
        task["lead_units" if a["role"] == Assignment.Role.LEAD else "partner_units"].append(a["unit__name"])
        if a["printed_name"]:
            task["_printed_units"].append((a["printed_name"], a["unit__name"], aliases.get(a["unit_id"], set())))
    index: dict[int, int] = {}
    rows = Target.objects.filter(task__plan_id__in=plan_ids, task__archived=False).order_by("task_id", "position", "id").values(
        "id", "task_id", "metric", "quantity", "unit", "comparator", "assignee__name", "assignee_printed",
        "printed_text", "parent_id", "carried_over", "breakdown_reason")
    rows = list(rows)
    for row in rows:
        targets = tasks[row["task_id"]]["targets"]
        index[row["id"]] = len(targets)
        targets.append({
            "metric": row["metric"], "value": row["quantity"], "unit": row["unit"], "comparator": row["comparator"],
            "assignee": row["assignee__name"] or row["assignee_printed"] or None, "printed": row["printed_text"],
            **({"carried_over": row["carried_over"]} if row["carried_over"] else {}),
            # Why the office saved a breakdown that does not add up (planning's 预分解).
            **({"breakdown_reason": row["breakdown_reason"]} if row["breakdown_reason"] else {}),
            **({"from_annex": True} if _annex_row(tasks[row["task_id"]], row) else {}),
        })
    for row in rows:
        if row["parent_id"] in index:
            tasks[row["task_id"]]["targets"][index[row["id"]]]["part_of"] = index[row["parent_id"]]
    return plans


def _annex_row(task: dict, row: dict) -> bool:
    """A saved target read from an annex column: one of those its 合计 was stored with."""
    return any(row["id"] in (total.get("targets") or []) for total in task.get("annex_total") or [])


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
        for printed, name, aliases in task.get("_printed_units", []):
            if printed != name and printed not in aliases:
                loose[name] = loose.get(name, []) + [printed]

    def status(name: str) -> tuple[str, list[str]]:
        return ("close", [f"原文写作“{'”“'.join(sorted(set(loose[name])))}”"]) if name in loose else ("exact", [])
    return status


def findings_for_plan(plan: Plan, among=None) -> list[Finding]:
    """Everything the checks find in a saved plan, and against its upper and lower plans
    (those in `among`, the plans the reader may see, when given)."""
    return findings_for_plans([plan], among)[plan.pk]


def findings_for_plans(plans, among=None) -> dict[int, list[Finding]]:
    """The findings of many plans, each read from the database once, in bulk; compared only
    with related plans in `among` (plans.access.plans_visible_to) when given, so a page never
    shows another office's figures."""
    plans = list(plans)
    related = {plan.pk: list(_related(plan, among).values_list("pk", flat=True)) for plan in plans}
    wanted = {p.pk for p in plans} | {pk for pks in related.values() for pk in pks}
    as_json = plans_as_json(sorted(wanted))
    groups, views = group_members(), {}
    result = {}
    for plan in plans:
        plan_json = as_json[plan.pk]
        context = Context(groups=groups, unit_status=_saved_unit_status(plan_json), views=views)
        findings = check_plan(plan_json, context)
        for other in related[plan.pk]:
            findings += compare_plans(plan_json, as_json[other], views)
        result[plan.pk] = sort_findings(findings)
    return result


def findings_for_import(plan_json: dict, scope: Region | None, among=None) -> list[Finding]:
    """The checks on an upload before it is saved: its own numbers, the registry,
    and the saved plans it cites (by 文号) among `among` (the plans the importer may see)."""
    context = Context(groups=group_members(), unit_status=_import_unit_status(plan_json, scope))
    findings = check_plan(plan_json, context)
    cited = (plan_json.get("plan") or {}).get("references") or []
    for other in (Plan.objects.all() if among is None else among).filter(doc_number__in=cited):
        findings += compare_plans(plan_json, plan_as_json(other))
    return sort_findings(findings)


def _related(plan: Plan, among=None):
    """The plan it implements, and the plans that implement it (among `among`, when given)."""
    return (Plan.objects.all() if among is None else among).filter(
        Q(pk=plan.parent_id) | Q(parent=plan)).exclude(pk=plan.pk)


