"""Who may open what: roles × every URL pattern × own / other unit / other office.

The patterns come from the project's URL resolver, so a view added without an entry in
RULES fails `test_every_url_pattern_has_an_access_rule` ("new view without an access
rule"). The Django admin (`admin/`) has its own matrix; the public pages (login, logout,
password reset and the health check) are listed in PUBLIC.

Each rule maps a variant of the URL's objects to the expected outcome per role, one
character a role in ROLES order:

    L  sent to the login page      2  200          3  302 elsewhere (done, or sent on)
    B  400 (a form refused)        4  403          N  404          M  405 (wrong method)    A  401 (API)

Objects: `own` is 鼓东街道's (the own reporter's unit) in 区民政局's plan (鼓楼区); `other_unit`
is 鼓西街道's in the same plan; `other_office` is 仓山区's plan, kept by 仓山区民政局, with
work for 上渡街道. A GET never writes: every GET here is checked for INSERT, UPDATE and
DELETE statements. A POST's effects are rolled back after each request, so every cell
starts from the same data.
"""

import datetime
import os
import re
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.models import User
from accounts.roles import Role
from orgs.models import Pairing, Programme, Region, Unit
from exchanges import services as exchange_services
from exchanges.models import Exchange
from oversight.models import Bulletin, BulletinRevision
from people.models import Person, RosterImport
from plans.models import Assignment, PendingImport, Plan, Target, Task
from reporting import services
from reporting.models import Evidence
from reporting.tests.conftest import person, work  # noqa: F401 (work: the fixture this matrix builds on)

ROLES = ["anonymous", "own_reporter", "other_reporter", "outsider", "reviewer", "office", "leader",
         "foreign_reviewer", "foreign_admin", "superuser"]

# Pages anyone may open, and the admin, which xiezuo/tests/test_admin_matrix.py covers.
PUBLIC = {"login", "logout", "password_change", "password_change_done", "password_reset", "password_reset_done",
          "password_reset_confirm", "password_reset_complete", "healthz"}
ADMIN_PREFIX = "admin/"

CODES = {"L": "login", "2": 200, "3": 302, "B": 400, "4": 403, "N": 404, "M": 405, "A": 401}


def url_patterns():
    """(route, name) of every pattern the project serves, namespaces included."""
    def walk(patterns, prefix="", namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern), f"{namespace}{pattern.name}" if pattern.name else None
    return list(walk(get_resolver().url_patterns))


# --- the rules -----------------------------------------------------------------------------
RULES = {}  # filled below, one rule() a view


def rule(name, kwargs=None, **variants):
    """`variants`: variant → {"GET": codes, "POST": codes}; `kwargs(world, variant)` the URL's kwargs."""
    RULES[name] = (kwargs or (lambda world, variant: {}), variants)


def _plan(world, variant):
    return {"pk": world["plans"][variant].pk}


def _scope(world, variant):
    kind, which = variant.split("_", 1)  # plan_own, region_other_office …
    return {"kind": kind, "pk": world[f"{kind}s"][which].pk}


def _api_scope(world, variant):
    return {k: str(v) for k, v in _scope(world, variant).items()}


def _report(world, variant):
    return {"pk": world["reports"][variant].pk}


def _report_pk(world, variant):
    return {"report_pk": world["reports"][variant].pk}


def _evidence(world, variant):
    return {"pk": world["evidence"][variant].pk}


def _target(world, variant):
    return {"pk": world["targets"][variant].pk}


def _bulletin(world, variant):
    return {"pk": world["bulletins"][variant].pk}


def _revision(world, variant):
    return {"pk": world["revisions"][variant].pk}


def _history(world, variant):
    """audit:object for a plan (own / other office) or a report (own / other unit / other office)."""
    kind, which = variant.split("_", 1)
    return {"kind": kind, "pk": world[f"{kind}s"][which].pk}


def _registry(kind, key="pk"):
    return lambda world, variant: {key: world[kind][variant].pk}


def _pending(world, variant):
    return {"pk": world["pending"][variant].pk}


def g(codes):
    return {"GET": codes}


def gp(get, post):
    return {"GET": get, "POST": post}


# What the office, its reviewers, leaders and superusers read of a plan's or a region's oversight
# (dashboards, lists, their Excel, the API): the same answer for every such view.
OVERSEEN_SCOPES = dict(plan_own=g("L 444 222 NN 2"), plan_other_office=g("L 444 NNN 22 2"),
                       region_own=g("L 444 222 NN 2"), region_other_office=g("L 444 NNN 22 2"))
OVERSEEN_API_SCOPES = dict(plan_own=g("A 444 222 NN 2"), plan_other_office=g("A 444 NNN 22 2"),
                           region_own=g("A 444 222 NN 2"), region_other_office=g("A 444 NNN 22 2"))




# One line per view: anonymous | own_reporter other_reporter outsider | reviewer office leader |
# foreign_reviewer foreign_admin | superuser. Reporters see their own unit's reports and the plans
# of their office and above (the outsider, of 仓山区, none of 鼓楼区's); the office's reviewers and
# admins their office's plans; leaders read their region's; another office gets 404.
rule("home", any=g("L 333 333 33 3"))
rule("plans:list", any=g("L 222 222 22 2"))
rule("plans:detail", _plan, own=g("L 22N 222 NN 2"),
                            other_office=g("L NN2 NNN 22 2"))
rule("plans:change_state", _plan, own=gp("L MMM MMM MM M", "L 44N 434 NN 3"),
                                  other_office=gp("L MMM MMM MM M", "L NN4 NNN 43 3"))
# The Excel template: a plan's for those who read the plan, the blank one for those who import.
rule("plans:plan_template", _plan, own=gp("L 22N 222 NN 2", "M MMM MMM MM M"),
                                   other_office=gp("L NN2 NNN 22 2", "M MMM MMM MM M"))
rule("plans:blank_template", any=gp("L 444 424 42 4", "M MMM MMM MM M"))
rule("plans:import_upload", any=gp("L 444 424 42 4", "L 444 424 42 4"))
rule("plans:import_review", _pending, own=gp("L 444 424 4N 4", "L 444 424 4N 4"),
                                      other_office=gp("L 444 4N4 42 4", "L 444 4N4 42 4"))
rule("notifications:list", any=g("L 222 222 22 2"))
rule("notifications:read", any=gp("L MMM MMM MM M", "L 333 333 33 3"))
rule("reporting:my_work", any=g("L 222 222 22 2"))
rule("reporting:report", _report, own=gp("L 2NN 222 NN 2", "L 3NN 444 NN 4"),
                                  other_unit=gp("L N2N 222 NN 2", "L N3N 444 NN 4"),
                                  other_office=gp("L NN2 NNN 22 2", "L NN3 NNN 44 4"))
rule("reporting:return", _report, own=gp("L MMM MMM MM M", "L 4NN 334 NN 3"),
                                  other_unit=gp("L MMM MMM MM M", "L N4N 334 NN 3"),
                                  other_office=gp("L MMM MMM MM M", "L NN4 NNN 33 3"))
rule("reporting:reopen", _report, own=gp("L MMM MMM MM M", "L 4NN 434 NN 3"),
                                  other_unit=gp("L MMM MMM MM M", "L N4N 434 NN 3"),
                                  other_office=gp("L MMM MMM MM M", "L NN4 NNN 43 3"))
rule("reporting:withdraw", _report, own=gp("L MMM MMM MM M", "L 3NN 444 NN 4"),
                                    other_unit=gp("L MMM MMM MM M", "L N3N 444 NN 4"),
                                    other_office=gp("L MMM MMM MM M", "L NN3 NNN 44 4"))
rule("reporting:review", any=g("L 444 222 22 2"))
rule("reporting:approve", any=gp("L MMM MMM MM M", "L 444 334 33 3"))
rule("reporting:review_export", any=g("L 444 222 22 2"))
rule("reporting:notifications", any=g("3 333 333 33 3"))
rule("reporting:evidence_upload", _report_pk, own=gp("L MMM MMM MM M", "L 3NN 444 NN 4"),
                                              other_unit=gp("L MMM MMM MM M", "L N3N 444 NN 4"),
                                              other_office=gp("L MMM MMM MM M", "L NN3 NNN 44 4"))
rule("reporting:evidence_download", _evidence, own=gp("L 2NN 222 NN 2", "L MMM MMM MM M"),
                                               other_unit=gp("L N2N 222 NN 2", "L MMM MMM MM M"),
                                               other_office=gp("L NN2 NNN 22 2", "L MMM MMM MM M"))
rule("reporting:evidence_delete", _evidence, own=gp("L MMM MMM MM M", "L 3NN 444 NN 4"),
                                             other_unit=gp("L MMM MMM MM M", "L N3N 444 NN 4"),
                                             other_office=gp("L MMM MMM MM M", "L NN3 NNN 44 4"))
rule("oversight:overview", any=g("L 444 222 22 2"))
rule("oversight:dashboard", _scope, **OVERSEEN_SCOPES)
rule("oversight:targets", _scope, **OVERSEEN_SCOPES)
rule("oversight:targets_xlsx", _scope, **OVERSEEN_SCOPES)
rule("oversight:unreported_xlsx", _scope, **OVERSEEN_SCOPES)
rule("oversight:reporting_xlsx", _scope, **OVERSEEN_SCOPES)
rule("oversight:bulletins", _scope, **OVERSEEN_SCOPES)
rule("oversight:bulletin_generate", _scope, plan_own=gp("L MMM MMM MM M", "L 444 434 NN 3"),
                                            plan_other_office=gp("L MMM MMM MM M", "L 444 NNN 43 3"),
                                            region_own=gp("L MMM MMM MM M", "L 444 434 NN 3"),
                                            region_other_office=gp("L MMM MMM MM M", "L 444 NNN 43 3"))
rule("oversight:target", _target, own=g("L 444 222 NN 2"),
                                  other_unit=g("L 444 222 NN 2"),
                                  other_office=g("L 444 NNN 22 2"))
rule("oversight:ledger", _plan, own=g("L 444 222 NN 2"),
                                other_office=g("L 444 NNN 22 2"))
rule("oversight:bulletin_download", _bulletin, own=gp("L 444 222 NN 2", "L MMM MMM MM M"),
                                               other_office=gp("L 444 NNN 22 2", "L MMM MMM MM M"))
rule("api-v1:openapi-json", any=g("2 222 222 22 2"))
rule("api-v1:openapi-view", any=g("2 222 222 22 2"))
rule("api-v1:api-root", any=g("N NNN NNN NN N"))
rule("api-v1:scopes", any=g("A 444 222 22 2"))
rule("api-v1:status", _api_scope, **OVERSEEN_API_SCOPES)
rule("api-v1:units", _api_scope, **OVERSEEN_API_SCOPES)
rule("api-v1:targets", _api_scope, **OVERSEEN_API_SCOPES)
rule("api-v1:reporting", _api_scope, **OVERSEEN_API_SCOPES)
rule("api-v1:trend", _api_scope, **OVERSEEN_API_SCOPES)

rule("oversight:bulletin_revision_download", _revision, own=g("L 444 222 NN 2"),
                                                      other_office=g("L 444 NNN 22 2"))
# The year-end assessment (assessment.access): the office's rule, as dashboards; building a
# scheme is the office admin's (here the plan has no 分值, so the office is sent back with a message).
rule("assessment:plan", _plan, own=g("L 444 222 NN 2"),
                               other_office=g("L 444 NNN 22 2"))
def _scheme(world, variant):
    """A plan's 2026 scheme (empty: the rule is about who opens it), made on first use."""
    from assessment.models import Scheme
    plan = world["plans"][variant]
    Scheme.objects.get_or_create(plan=plan, year=2026, defaults={"office": plan.office})
    return {"pk": plan.pk, "year": 2026}


rule("assessment:scores_xlsx", _scheme, own=g("L 444 222 NN 2"),
                                        other_office=g("L 444 NNN 22 2"))
rule("assessment:build", _plan, own=gp("L MMM MMM MM M", "L 444 434 NN 3"),
                                other_office=gp("L MMM MMM MM M", "L 444 NNN 43 3"))


def _assessment(world):
    """Both plans' 2026 schemes, open, with a sheet, an item and an uploaded evidence file for
    鼓东街道 (own), 鼓西街道 (other_unit) and 上渡街道 (other_office); made on first use."""
    if "assessment" in world:
        return world["assessment"]
    from assessment.models import Item, Scheme, ScoreSheet, SheetEvidence
    made = {"schemes": {}, "sheets": {}, "items": {}, "evidence": {}}
    for variant, unit in (("own", "鼓东街道"), ("other_unit", "鼓西街道"), ("other_office", "上渡街道")):
        plan = world["plans"]["other_office" if variant == "other_office" else "own"]
        scheme, _ = Scheme.objects.get_or_create(plan=plan, year=2026, defaults={"office": plan.office})
        Scheme.objects.filter(pk=scheme.pk).update(state=Scheme.State.OPEN)
        unit = Unit.objects.get(name=unit)
        item = Item.objects.create(scheme=scheme, unit=unit, ref="1", text="宣传报道", max_points=Decimal(10))
        sheet = ScoreSheet.objects.create(scheme=scheme, unit=unit)
        made["schemes"][variant], made["sheets"][variant], made["items"][variant] = scheme, sheet, item
        made["evidence"][variant] = SheetEvidence.objects.create(
            sheet=sheet, item=item, requirement="佐证材料", file=ContentFile(b"%PDF-1.4\n", name="a.pdf"),
            original_name="a.pdf", content_type="application/pdf", uploaded_by=world["cast"]["superuser"])
    world["assessment"] = made
    return made


def _a_scheme(world, variant):
    return {"pk": _assessment(world)["schemes"][variant].pk}


def _a_sheet(world, variant):
    return {"pk": _assessment(world)["sheets"][variant].pk}


def _a_item(world, variant):
    made = _assessment(world)
    return {"pk": made["sheets"][variant].pk, "item_pk": made["items"][variant].pk}


def _a_evidence(world, variant):
    return {"pk": _assessment(world)["evidence"][variant].pk}


# The unit's sheet: its own people and the plan's overseers (another unit, another office: 404).
SHEET = dict(own="L 2NN 222 NN 2", other_unit="L N2N 222 NN 2", other_office="L NN2 NNN 22 2")
rule("assessment:mine", any=g("L 222 222 22 2"))
rule("assessment:sheet", _a_sheet, **{k: g(v) for k, v in SHEET.items()})
rule("assessment:sheet_docx", _a_sheet, **{k: g(v) for k, v in SHEET.items()})
rule("assessment:evidence_download", _a_evidence, **{k: g(v) for k, v in SHEET.items()})
for name, kwargs in (("submit", _a_sheet), ("appeal", _a_sheet), ("answer", _a_sheet), ("review", _a_sheet),
                     ("self_assess", _a_item), ("evidence_add", _a_item), ("evidence_delete", _a_evidence)):
    rule(f"assessment:{name}", kwargs, own=gp("L MMM MMM MM M", "L 3NN 333 NN 3"),
         other_unit=gp("L MMM MMM MM M", "L N3N 333 NN 3"), other_office=gp("L MMM MMM MM M", "L NN3 NNN 33 3"))
# Scoring: whoever scores one of the scheme's items (here the office's); the POST refuses with a message.
rule("assessment:score_page", _a_scheme, own=g("L NNN 22N NN 2"), other_office=g("L NNN NNN 22 2"))
rule("assessment:score", _a_item, own=gp("L MMM MMM MM M", "L NNN 333 NN 3"),
     other_unit=gp("L MMM MMM MM M", "L NNN 333 NN 3"), other_office=gp("L MMM MMM MM M", "L NNN NNN 33 3"))
# The office's acts on a scheme: its admins; reviewers and leaders 403; another office 404.
for name in ("configure", "open", "publish", "lock", "remind"):
    rule(f"assessment:{name}", _a_scheme, own=gp("L MMM MMM MM M", "L 444 434 NN 3"),
         other_office=gp("L MMM MMM MM M", "L 444 NNN 43 3"))
rule("assessment:edit", _a_scheme, own=g("L 444 222 NN 2"), other_office=g("L 444 NNN 22 2"))
# Importing a 考核细则: the office's admins only (an empty POST shows the form again with its error).
rule("assessment:import_rules", _a_scheme, own=gp("L 444 424 NN 2", "L 444 424 NN 2"),
     other_office=gp("L 444 NNN 42 2", "L 444 NNN 42 2"))
for name in ("item_save", "category_save"):
    rule(f"assessment:{name}", _a_scheme, own=gp("L MMM MMM MM M", "L 444 434 NN 3"),
         other_office=gp("L MMM MMM MM M", "L 444 NNN 43 3"))


def _a_scheme_item(world, variant):
    made = _assessment(world)
    return {"pk": made["schemes"][variant].pk, "item_pk": made["items"][variant].pk}


rule("assessment:item_delete", _a_scheme_item, own=gp("L MMM MMM MM M", "L 444 434 NN 3"),
     other_office=gp("L MMM MMM MM M", "L 444 NNN 43 3"))
# A 挂职干部's annual work record: who sees the person's particulars (the office's staff, the
# sending unit); a leader who reads the roster 403; anyone else 404 as for the person's page.
rule("assessment:work_record", lambda world, variant: {"pk": world["persons"][variant].pk, "year": 2026},
     own=g("L 2NN 224 NN 2"), other_office=g("L NN2 NNN 22 2"))
rule("assessment:progress", _a_scheme, own=g("L 444 222 NN 2"), other_office=g("L 444 NNN 22 2"))
rule("assessment:notice_docx", _a_scheme, own=g("L 444 333 NN 3"), other_office=g("L 444 NNN 33 3"))
# The audit log and each object's history (audit.access): those who oversee, within their scope;
# a reporter reads its report's events on the report page instead.
rule("audit:log", any=g("L 444 222 22 2"))
rule("audit:export", any=g("L 444 222 22 2"))
rule("audit:object", _history, plan_own=g("L 444 222 NN 2"),
                               plan_other_office=g("L 444 NNN 22 2"),
                               report_own=g("L 444 222 NN 2"),
                               report_other_unit=g("L 444 222 NN 2"),
                               report_other_office=g("L 444 NNN 22 2"))

# The registry (registry.access): the office's admins and superusers; another office's unit,
# account, pairing or plan is 404. B: an empty form refused with 400.
rule("registry:units", any=g("L 444 424 42 2"))
rule("registry:users", any=g("L 444 424 42 2"))
rule("registry:pairings", any=g("L 444 424 42 2"))
rule("registry:schedules", any=g("L 444 424 42 2"))
rule("registry:unit_create", any=gp("L 444 424 42 2", "L 444 4B4 4B B"))
rule("registry:user_create", any=gp("L 444 424 42 2", "L 444 4B4 4B B"))
rule("registry:pairing_create", any=gp("L 444 424 42 2", "L 444 4B4 4B B"))
rule("registry:unit", _registry("units"), own=gp("L 444 424 4N 2", "L 444 4B4 4N B"),
                                          other_office=gp("L 444 4N4 42 2", "L 444 4N4 4B B"))
rule("registry:pairing", _registry("pairings"), own=gp("L 444 424 4N 2", "L 444 4B4 4N B"),
                                                other_office=gp("L 444 4N4 42 2", "L 444 4N4 4B B"))
rule("registry:user", _registry("users"), own=gp("L 444 424 4N 2", "L 444 4B4 4N B"),
                                          other_office=gp("L 444 4N4 42 2", "L 444 4N4 4B B"))
rule("registry:user_password", _registry("users"), own=gp("L MMM MMM MM M", "L 444 424 4N 2"),
                                                   other_office=gp("L MMM MMM MM M", "L 444 4N4 42 2"))
for name, kind in (("unit_merge", "units"), ("user_roles", "users"), ("user_active", "users")):
    rule(f"registry:{name}", _registry(kind), own=gp("L MMM MMM MM M", "L 444 4B4 4N B"),
         other_office=gp("L MMM MMM MM M", "L 444 4N4 4B B"))
rule("registry:schedule", _registry("plans", "plan_pk"), own=gp("L 444 424 4N 2", "L 444 4B4 4N B"),
                                                         other_office=gp("L 444 4N4 42 2", "L 444 4N4 4B B"))

# The roster of dispatched people (people.access): everyone signed in opens the list and sees
# what is theirs; a person's page for the office, its leaders, the sending unit; submitting for
# one's own unit (reporters) or the office's units (admins); a target's counting for overseers,
# its rule set by the plan's office admin. B: an empty form refused with 400.
rule("people:roster", any=g("L 222 222 22 2"))
rule("people:export", any=g("L 222 222 22 2"))
rule("people:roster_json", any=g("L 222 222 22 2"))
rule("people:person_create", any=gp("L 222 424 42 2", "L BBB 4B4 4B B"))
rule("people:import_upload", any=gp("L 222 424 42 2", "L BBB 4B4 4B B"))
rule("people:import_template", any=g("L 222 424 42 2"))
rule("people:person", _registry("persons"), own=gp("L 2NN 222 NN 2", "L BNN 4B4 NN B"),
                                            other_office=gp("L NN2 NNN 22 2", "L NNB NNN 4B B"))
rule("people:allowance", _registry("persons"), own=gp("L MMM MMM MM M", "L 4NN 434 NN 3"),
                                               other_office=gp("L MMM MMM MM M", "L NN4 NNN 43 3"))
rule("people:import_review", _registry("roster_imports"), own=gp("L 2NN NNN NN 2", "L 3NN NNN NN 3"),
                                                          other_office=gp("L NN2 NNN NN 2", "L NN3 NNN NN 3"))
rule("people:target", _target, own=gp("L NNN 222 NN 2", "L NNN 4B4 NN B"),
                               other_unit=gp("L NNN 222 NN 2", "L NNN 4B4 NN B"),
                               other_office=gp("L NNN NNN 22 2", "L NNN NNN 4B B"))

# Editing a plan in place (planning.access): the office admins of the plan's office and superusers;
# anyone else without the office admin role 403, another office's plan or task 404. B: an empty
# form refused with 400; a move without a position and restoring a task not archived say so and
# go back (302).
def _task(world, variant):
    return {"pk": world["plans"][variant].tasks.order_by("position", "id").first().pk}


EDIT_PAGE = dict(own=gp("L 444 424 4N 2", "L 444 4B4 4N B"), other_office=gp("L 444 4N4 42 2", "L 444 4N4 4B B"))
EDIT_POST = dict(own=gp("L MMM MMM MM M", "L 444 4B4 4N B"), other_office=gp("L MMM MMM MM M", "L 444 4N4 4B B"))
EDIT_REDIRECT = dict(own=gp("L MMM MMM MM M", "L 444 434 4N 3"), other_office=gp("L MMM MMM MM M", "L 444 4N4 43 3"))
rule("planning:plan_new", any=gp("L 444 424 42 4", "L 444 4B4 4B 4"))  # a new plan is kept by one's unit
rule("planning:edit", _plan, own=g("L 444 424 4N 2"), other_office=g("L 444 4N4 42 2"))
rule("planning:plan_facts", _plan, **EDIT_POST)
rule("planning:task_new", _plan, **EDIT_POST)
rule("planning:task", _task, **EDIT_PAGE)
for name in ("task_targets", "task_split", "task_merge", "task_delete", "task_archive", "task_move_reports"):
    rule(f"planning:{name}", _task, **EDIT_POST)
rule("planning:task_move", _task, **EDIT_REDIRECT)
rule("planning:task_restore", _task, **EDIT_REDIRECT)
rule("planning:units_json", any=gp("L 444 424 42 2", "L MMM MMM MM M"))

# Pairings and exchanges (exchanges.access): the office's overseers see the pairings of its region,
# any unit those it is a side of; the sides' reporters and admins and the office's admins record;
# a target's link is set by the plan's office admin (an empty form is a valid link: 302).
rule("exchanges:overview", any=g("L 222 222 22 2"))
rule("exchanges:pairing", _registry("pairings"), own=gp("L NNN 222 NN 2", "L NNN 4B4 NN B"),
                                                 other_office=gp("L NNN NNN 22 2", "L NNN NNN 4B B"))
rule("exchanges:exchange", _registry("exchanges"), own=gp("L NNN 222 NN 2", "L NNN 4B4 NN B"),
                                                   other_office=gp("L NNN NNN 22 2", "L NNN NNN 4B B"))
# An exchange's evidence file: whoever sees the exchange downloads it; its recorders upload more.
rule("exchanges:evidence_download", _registry("exchange_files"), own=gp("L NNN 222 NN 2", "L MMM MMM MM M"),
                                                                 other_office=gp("L NNN NNN 22 2", "L MMM MMM MM M"))
# Deleting one needs a reason: the matrix's empty POST is refused with a message (302), nothing deleted.
rule("exchanges:evidence_delete", _registry("exchange_files"), own=gp("L MMM MMM MM M", "L NNN 434 NN 3"),
                                                               other_office=gp("L MMM MMM MM M", "L NNN NNN 43 3"))
rule("exchanges:evidence_upload", _registry("exchanges"), own=gp("L MMM MMM MM M", "L NNN 4B4 NN B"),
                                                          other_office=gp("L MMM MMM MM M", "L NNN NNN 4B B"))
rule("exchanges:target", _target, own=gp("L NNN 222 NN 2", "L NNN 434 NN 3"),
                                  other_unit=gp("L NNN 222 NN 2", "L NNN 434 NN 3"),
                                  other_office=gp("L NNN NNN 22 2", "L NNN NNN 43 3"))


# Issuing a plan (issuance.access): the office's page for those who oversee the plan (reporters 403,
# another office 404); issuing, adjusting and reminding by the plan's office admins. A version is read
# by the office and by the units asked to sign it (鼓东街道 and 鼓西街道 here, 上渡街道 abroad); each
# signs only its own receipt, so the office's people, the leader and a superuser without one get 403.
def _version(world, variant):
    """The plan's first version, issued on first use by its office's admin."""
    from issuance.models import PlanVersion
    from issuance.services import do_issue_plan
    plan = world["plans"][variant]
    version = PlanVersion.objects.filter(plan=plan).first()
    if version is None:
        version = do_issue_plan(world["cast"]["office" if variant == "own" else "foreign_admin"], plan)
    return {"pk": version.pk}


rule("issuance:mine", any=g("L 222 222 22 2"))
rule("issuance:plan", _plan, own=g("L 444 222 NN 2"),
                             other_office=g("L 444 NNN 22 2"))
for name in ("issue", "adjust", "remind"):
    rule(f"issuance:{name}", _plan, own=gp("L MMM MMM MM M", "L 444 434 NN 3"),
         other_office=gp("L MMM MMM MM M", "L 444 NNN 43 3"))
for name in ("version", "notice", "table"):
    rule(f"issuance:{name}", _version, own=g("L 22N 222 NN 2"),
         other_office=g("L NN2 NNN 22 2"))
rule("issuance:sign", _version, own=gp("L MMM MMM MM M", "L 33N 444 NN 4"),
                                other_office=gp("L MMM MMM MM M", "L NN3 NNN 44 4"))


# The project library (funds.access): the office, its reviewers and leaders read the plan's
# projects; the responsible unit its own and files their months; the plan's office admin adds
# and changes them. Another unit's or office's project is 404; the funds table is the office's.
def _funds(kind, key="pk"):
    return lambda world, variant: {key: world["funds"][kind][variant].pk}


def _funds_month(world, variant):
    project = world["funds"]["projects"][variant]
    return {"pk": project.pk, "cycle_pk": world["funds"]["cycles"][variant].pk}


rule("funds:projects", any=gp("L 222 222 22 2", "L MMM MMM MM M"))
rule("funds:project_create", any=gp("L 444 424 42 2", "L 444 4B4 4B B"))
rule("funds:project", _funds("projects"), own=gp("L 2NN 222 NN 2", "L MMM MMM MM M"),
                                          other_unit=gp("L N2N 222 NN 2", "L MMM MMM MM M"),
                                          other_office=gp("L NN2 NNN 22 2", "L MMM MMM MM M"))
rule("funds:project_edit", _funds("projects"), own=gp("L 4NN 424 NN 2", "L 4NN 4B4 NN B"),
                                               other_unit=gp("L N4N 424 NN 2", "L N4N 4B4 NN B"),
                                               other_office=gp("L NN4 NNN 42 2", "L NN4 NNN 4B B"))
rule("funds:milestone_add", _funds("projects"), own=gp("L MMM MMM MM M", "L 4NN 434 NN 3"),
                                                other_unit=gp("L MMM MMM MM M", "L N4N 434 NN 3"),
                                                other_office=gp("L MMM MMM MM M", "L NN4 NNN 43 3"))
rule("funds:milestone_delete", _funds("milestones"), own=gp("L MMM MMM MM M", "L 4NN 434 NN 3"),
                                                     other_office=gp("L MMM MMM MM M", "L NN4 NNN 43 3"))
rule("funds:report", _funds_month, own=gp("L 2NN 222 NN 2", "L BNN 444 NN 4"),
                                   other_unit=gp("L N2N 222 NN 2", "L NBN 444 NN 4"),
                                   other_office=gp("L NN2 NNN 22 2", "L NNB NNN 44 4"))
rule("funds:report_return", _funds_month, own=gp("L MMM MMM MM M", "L 4NN 334 NN 3"),
                                          other_unit=gp("L MMM MMM MM M", "L N4N 334 NN 3"),
                                          other_office=gp("L MMM MMM MM M", "L NN4 NNN 33 3"))
rule("funds:evidence_download", _funds("evidence"), own=gp("L 2NN 222 NN 2", "L MMM MMM MM M"),
                                                    other_unit=gp("L N2N 222 NN 2", "L MMM MMM MM M"),
                                                    other_office=gp("L NN2 NNN 22 2", "L MMM MMM MM M"))
rule("funds:progress_xlsx", _plan, own=gp("L 444 222 NN 2", "L MMM MMM MM M"),
                                   other_office=gp("L 444 NNN 22 2", "L MMM MMM MM M"))


# Units' own optional tasks (自选动作, planning.access): a unit's reporters propose for a plan
# their unit has work in and see their own proposals; the plan's office reads them, its admins
# accept or return (B: a return without a reason). Anyone else 404. `own` is 鼓东街道's proposal,
# `other_unit` 鼓西街道's, both in 区民政局's plan; `other_office` 上渡街道's in 仓山区's.
def _proposal(world, variant):
    from planning.models import Proposal
    proposals = world.setdefault("proposals", {})
    if variant not in proposals:
        plan, who = {"own": (world["plans"]["own"], "own_reporter"), "other_unit": (world["plans"]["own"], "other_reporter"),
                     "other_office": (world["plans"]["other_office"], "outsider")}[variant]
        author = world["cast"][who]
        proposals[variant] = Proposal.objects.create(plan=plan, unit=author.unit, text="自选动作", proposed_by=author,
                                                     submitted_at=datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC))
    return {"pk": proposals[variant].pk}


def _plan_pk(world, variant):
    return {"plan_pk": world["plans"][variant].pk}


rule("planning:proposals", any=g("L 222 222 22 2"))
rule("planning:proposal_new", _plan_pk, own=gp("L 22N 444 NN 4", "L BBN 444 NN 4"),
                                        other_office=gp("L NN2 NNN 44 4", "L NNB NNN 44 4"))
rule("planning:proposal", _proposal, own=gp("L 2NN 22N NN 2", "L BNN 44N NN 4"),
                                     other_unit=gp("L N2N 22N NN 2", "L NBN 44N NN 4"),
                                     other_office=gp("L NN2 NNN 22 2", "L NNB NNN 44 4"))
rule("planning:proposal_accept", _proposal, own=gp("L MMM MMM MM M", "L 4NN 43N NN 3"),
                                            other_unit=gp("L MMM MMM MM M", "L N4N 43N NN 3"),
                                            other_office=gp("L MMM MMM MM M", "L NN4 NNN 43 3"))
rule("planning:proposal_return", _proposal, own=gp("L MMM MMM MM M", "L 4NN 4BN NN B"),
                                            other_unit=gp("L MMM MMM MM M", "L N4N 4BN NN B"),
                                            other_office=gp("L MMM MMM MM M", "L NN4 NNN 4B B"))


# Detail ledgers (ledgers.access): the office, its reviewers and leaders read a ledger and every
# unit's rows; the units working on the task read it and their own rows, and record them; the
# plan's office admin sets ledgers up. B: an empty form refused with 400.
def _ledger(world, variant):
    return {"pk": world["ledgers"]["ledgers"]["own" if variant == "other_unit" else variant].pk}


def _ledger_row(world, variant):
    return {"pk": world["ledgers"]["rows"][variant].pk}


rule("ledgers:list", any=gp("L 222 222 22 2", "L MMM MMM MM M"))
rule("ledgers:create", any=gp("L 444 424 42 2", "L 444 4B4 4B B"))
rule("ledgers:ledger", _ledger, own=gp("L 22N 222 NN 2", "L MMM MMM MM M"),
                                other_office=gp("L NN2 NNN 22 2", "L MMM MMM MM M"))
rule("ledgers:row_add", _ledger, own=gp("L MMM MMM MM M", "L BBN 444 NN 4"),
                                 other_office=gp("L MMM MMM MM M", "L NNB NNN 44 4"))
rule("ledgers:import", _ledger, own=gp("L MMM MMM MM M", "L BBN 444 NN 4"),
                                other_office=gp("L MMM MMM MM M", "L NNB NNN 44 4"))
rule("ledgers:row_delete", _ledger_row, own=gp("L MMM MMM MM M", "L 3NN 444 NN 4"),
                                        other_unit=gp("L MMM MMM MM M", "L N3N 444 NN 4"),
                                        other_office=gp("L MMM MMM MM M", "L NN3 NNN 44 4"))
rule("ledgers:receipt_upload", _ledger_row, own=gp("L MMM MMM MM M", "L 3NN 444 NN 4"),
                                            other_unit=gp("L MMM MMM MM M", "L N3N 444 NN 4"),
                                            other_office=gp("L MMM MMM MM M", "L NN3 NNN 44 4"))
rule("ledgers:receipt", _ledger_row, own=gp("L 2NN 222 NN 2", "L MMM MMM MM M"),
                                     other_unit=gp("L N2N 222 NN 2", "L MMM MMM MM M"),
                                     other_office=gp("L NN2 NNN 22 2", "L MMM MMM MM M"))


# 预分解 and 承接 (planning.access): the plan's office's admins (superusers too, for 预分解); everyone
# else 403, another office's plan or target 404. 承接 is from a plan above the office (a city plan,
# made on first use): both districts' offices may; a superuser has no office to implement it for.
def _upper_plan(world, variant):
    if variant != "upper":
        return _plan(world, variant)
    gulou = Unit.objects.get(name="鼓楼区")
    city = gulou.region.parent
    office, _ = Unit.objects.get_or_create(name="市乡村振兴局", region=city, defaults={"kind": Unit.Kind.DEPARTMENT})
    plan, created = Plan.objects.get_or_create(title="2026年福州市测试方案", office=office,
                                               defaults={"year": 2026, "kind": Programme.EAST_WEST})
    if created:
        task = Task.objects.create(plan=plan, ref="1", position=1, text="落实社会帮扶资金。")
        Assignment.objects.create(task=task, unit=gulou, role=Assignment.Role.PARTNER)
        Target.objects.create(task=task, metric="社会帮扶资金", quantity=Decimal(300), unit="万元", assignee=gulou)
    return {"pk": plan.pk}


rule("planning:breakdown", _target, own=gp("L 444 424 4N 2", "L 444 4B4 4N B"),
                                    other_office=gp("L 444 4N4 42 2", "L 444 4N4 4B B"))
rule("planning:implement_list", any=g("L 444 424 42 2"))
rule("planning:implement", _upper_plan, upper=gp("L 444 424 42 4", "L 444 4B4 4B 4"),
                                        own=gp("L 444 4N4 4N 4", "L 444 4N4 4N 4"),
                                        other_office=gp("L 444 4N4 4N 4", "L 444 4N4 4N 4"))


# --- the world -----------------------------------------------------------------------------

@pytest.fixture
def world(work, registry, settings, tmp_path):  # noqa: F811 (work is the imported fixture)
    settings.MEDIA_ROOT = tmp_path / "media"
    units, regions, people = registry["units"], registry["regions"], work["people"]
    shangdu = Unit.objects.create(name="上渡街道", kind=Unit.Kind.TOWN, region=regions["cangshan"])
    foreign = Plan.objects.create(title="2026年仓山区测试方案", doc_number="仓〔2026〕1号", year=2026,
                                  kind=Programme.EAST_WEST, office=units["仓山区民政局"])
    task = Task.objects.create(plan=foreign, ref="1", position=1, text="落实帮扶资金。")
    Assignment.objects.create(task=task, unit=units["仓山区民政局"], role=Assignment.Role.LEAD)
    foreign_total = Target.objects.create(task=task, metric="帮扶资金", quantity=Decimal(10), unit="万元")
    Target.objects.create(task=task, metric="帮扶资金", quantity=Decimal(10), unit="万元", assignee=shangdu,
                          parent=foreign_total)
    services.open_cycles(datetime.date(2026, 11, 10), [foreign])
    foreign_cycle = foreign.cycles.get(label="2026年11月")

    cast = {
        "anonymous": None, "own_reporter": people["gudong"], "other_reporter": people["guxi"],
        "outsider": person("shangdu", shangdu, Role.REPORTER),
        "reviewer": people["reviewer"], "office": people["office"], "leader": people["leader"],
        "foreign_reviewer": person("cangshan_reviewer", units["仓山区民政局"], Role.REVIEWER),
        "foreign_admin": person("cangshan_admin", units["仓山区民政局"], Role.OFFICE_ADMIN),
        "superuser": User.objects.create_superuser(username="root", password="Pass-2026-x", email="root@example.cn"),
    }
    reports = {"own": work["report"], "other_unit": work["cycle"].reports.get(unit=units["鼓西街道"]),
               "other_office": foreign_cycle.reports.get(unit=shangdu)}
    uploaders = {"own": cast["own_reporter"], "other_unit": cast["other_reporter"], "other_office": cast["outsider"]}
    for variant, report in reports.items():  # a draft each, so every report has a history to show
        reports[variant] = services.save_report(report, user=uploaders[variant], version=report.version, figures={},
                                                progress="已开展", problems="", next_steps="")
    evidence = {variant: Evidence.objects.create(
        report=report, file=ContentFile(b"%PDF-1.4\n%test\n", name="notice.pdf"), original_name="通知.pdf",
        content_type="application/pdf", size=15, uploaded_by=uploaders[variant]) for variant, report in reports.items()}
    plan_targets = Target.objects.filter(task__plan=work["plan"])
    targets = {"own": plan_targets.get(assignee=units["鼓东街道"]), "other_unit": plan_targets.get(assignee=units["鼓西街道"]),
               "other_office": foreign_total}
    plans = {"own": work["plan"], "other_office": foreign}
    publishers = {"own": cast["office"], "other_office": cast["foreign_admin"]}
    bulletins = {variant: Bulletin.objects.create(
        scope_kind="plan", plan=plan, office=plan.office, month=datetime.date(2026, 10, 1), year=2026, number=1,
        title=f"{plan.title}通报", figures={"plans": [plan.pk]}, file=ContentFile(b"PK\x03\x04docx", name="bulletin.docx"),
        created_by=publishers[variant], updated_by=publishers[variant]) for variant, plan in plans.items()}
    revisions = {variant: BulletinRevision.objects.create(
        bulletin=bulletin, revision=1, title=bulletin.title, figures=bulletin.figures,
        file=ContentFile(b"PK\x03\x04docx", name="bulletin.docx"), created_by=publishers[variant])
        for variant, bulletin in bulletins.items()}
    pending = {variant: PendingImport.objects.create(
        uploaded_file=ContentFile(b'{"plan": {}, "tasks": []}', name="fangan.json"), original_name="fangan.json",
        plan_json={"format": "plan/1", "plan": {"title": "待导入方案", "year": 2026}, "tasks": []}, kind="east_west",
        scope=regions["gulou" if variant == "own" else "cangshan"], created_by=cast[admin])
        for variant, admin in (("own", "office"), ("other_office", "foreign_admin"))}
    pairings = {variant: Pairing.objects.create(
        helper=helper, helped=Unit.objects.create(name=f"受援县{variant}", kind=Unit.Kind.PARTY_GOVERNMENT,
                                                  region=Region.objects.create(name=f"受援县{variant}", level=Region.Level.COUNTY)),
        level=Pairing.Level.COUNTY, programme=Programme.EAST_WEST, start_year=2026)
        for variant, helper in (("own", units["鼓楼区"]), ("other_office", units["仓山区民政局"]))}
    persons = {variant: Person.objects.create(
        office=plan.office, plan=plan, sending_unit=unit, kind=Person.Kind.TALENT, field=Person.Field.MEDICAL,
        name=f"选派{variant}", phone="13800000000", arrived_on=datetime.date(2026, 3, 1))
        for variant, plan, unit in (("own", plans["own"], units["鼓东街道"]), ("other_office", foreign, shangdu))}
    roster_imports = {variant: RosterImport.objects.create(
        office=person_.office, plan=person_.plan, sending_unit=person_.sending_unit, original_name="名单.xlsx",
        rows=[{"name": "新人", "kind": "talent", "field": "medical", "row": 2}], created_by=uploaders[variant])
        for variant, person_ in persons.items()}
    exchanges = {variant: Exchange.objects.create(
        pairing=pairing, date=datetime.date(2026, 5, 1), direction=Exchange.Direction.TO_HELPED, leader_name="林强",
        delegation_size=5, topic="工作对接", recorded_by=pairing.helper) for variant, pairing in pairings.items()}
    exchange_files = {variant: exchange_services.do_add_exchange_evidence(
        cast[admin], exchanges[variant], files=[("会议纪要.pdf", b"%PDF-1.4\n%minutes\n")])[0]
        for variant, admin in (("own", "office"), ("other_office", "foreign_admin"))}
    return {"cast": cast, "plans": plans, "pairings": pairings, "persons": persons, "roster_imports": roster_imports,
            "exchanges": exchanges, "exchange_files": exchange_files,
            "units": {"own": units["鼓东街道"], "other_office": shangdu},
            "users": {"own": cast["own_reporter"], "other_office": cast["outsider"]}, "regions": {"own": regions["gulou"], "other_office": regions["cangshan"]},
            "reports": reports, "evidence": evidence, "targets": targets, "bulletins": bulletins, "revisions": revisions,
            "pending": pending, "funds": _funds_world(cast, plans, reports),
            "ledgers": _ledgers_world(cast, plans, reports)}


def _ledgers_world(cast, plans, reports):
    """A 帮扶资金 ledger per plan, and a row with its receipt per variant's unit."""
    from ledgers import services as ledgers

    made = {variant: ledgers.do_create_ledger(cast[admin], task=reports[variant].task,
                                              metric=reports[variant].task.targets.first().metric)
            for variant, admin in (("own", "office"), ("other_office", "foreign_admin"))}
    rows = {variant: ledgers.do_add_row(report_user(cast, variant), made["own" if variant == "other_unit" else variant],
                                        date=datetime.date(2026, 11, 2), counterpart="福州某公司", amount="1",
                                        receipt=("收据.pdf", b"%PDF-1.4\n%receipt\n"), today=datetime.date(2026, 11, 20))
            for variant in ("own", "other_unit", "other_office")}
    return {"ledgers": made, "rows": rows}


def _funds_world(cast, plans, reports):
    """A project per variant (鼓东街道's and 鼓西街道's in the own plan, 上渡街道's in the other
    office's), each with a milestone, its November month and a filed month with a voucher."""
    from funds import services as funds

    projects, milestones, cycles, evidence = {}, {}, {}, {}
    for variant, plan, admin in (("own", plans["own"], cast["office"]), ("other_unit", plans["own"], cast["office"]),
                                 ("other_office", plans["other_office"], cast["foreign_admin"])):
        report = reports[variant]
        project = funds.do_create_project(admin, plan=plan, name=f"项目{variant}", county="西吉县", kind="industry",
                                          year=2026, responsible_unit=report.unit, planned={"fiscal": "10"})
        milestones[variant] = funds.do_add_milestone(admin, project, measure="disbursed",
                                                     due_on=datetime.date(2026, 9, 30), percent="80")
        filed = funds.do_save_funds_report(report_user(cast, variant), project, report.cycle,
                                           figures={"fiscal": ("1", "0")}, progress="building",
                                           poor_people=1, farmers_linked=0)
        evidence[variant] = funds.do_add_funds_evidence(report_user(cast, variant), filed, name="凭证.pdf",
                                                        data=b"%PDF-1.4\n%voucher\n")
        projects[variant], cycles[variant] = project, report.cycle
    return {"projects": projects, "milestones": milestones, "cycles": cycles, "evidence": evidence}


def report_user(cast, variant):
    return cast[{"own": "own_reporter", "other_unit": "other_reporter", "other_office": "outsider"}[variant]]


def outcome(response):
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return "login"
    return response.status_code


WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b(?!.*\b(django_session|axes_\w+)\b)", re.IGNORECASE | re.DOTALL)


def observe(client, world, user, method, url):
    """One request as `user`; a POST's effects are rolled back, a GET must not write."""
    client.logout()
    if user is not None:
        client.force_login(user)
    with transaction.atomic():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url) if method == "GET" else client.post(url, {})
        transaction.set_rollback(True)
    if method == "GET":
        writes = [q["sql"] for q in queries.captured_queries if WRITES.match(q["sql"])]
        assert not writes, f"GET {url} wrote: {writes[:2]}"
    return outcome(response)


def test_every_url_pattern_has_an_access_rule():
    """A view added without a rule here fails: decide who may open it, then add its line."""
    missing = [f"{route} ({name})" for route, name in url_patterns()
               if not route.startswith(ADMIN_PREFIX) and name not in PUBLIC and name not in RULES]
    assert not missing, "new view without an access rule: " + "; ".join(missing)
    stale = set(RULES) - {name for _, name in url_patterns()}
    assert not stale, f"rules for views that no longer exist: {sorted(stale)}"


@pytest.mark.parametrize("name", sorted(RULES))
def test_access_matrix(client, world, name):
    kwargs, variants = RULES[name]
    failures = []
    letters = {value: key for key, value in CODES.items()}
    for variant, methods in variants.items():
        url = reverse(name, kwargs=kwargs(world, variant))
        for method, codes in methods.items():
            codes = codes.replace(" ", "")
            assert len(codes) == len(ROLES), f"{name} {variant} {method}: {len(codes)} codes"
            seen = ""
            for role, code in zip(ROLES, codes):
                got = observe(client, world, world["cast"][role], method, url)
                seen += letters.get(got, "?")
                if got != CODES.get(code):
                    failures.append(f"{method} {url} ({variant}) as {role}: expected {CODES.get(code)}, got {got}")
            if os.environ.get("MATRIX_DUMP"):  # prints what each role got, to help write a new rule
                print(f"DUMP {name} {variant} {method} {seen}")
    assert not failures, "\n".join(failures)
