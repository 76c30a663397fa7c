"""The kinds of object whose history the audit pages show: a short name for URLs and
filters, the model, a Chinese label, how to name one row from its own fields (no
query), how to reach its plan (for the plan filter) and its page, if it has one (the
registry's pages for units, people, pairings and schedules list their own recent
changes)."""

from dataclasses import dataclass
from typing import Callable

from django.urls import reverse

from accounts.models import User
from assessment.models import Category, Item, ItemScore, Scheme, ScoreSheet, SheetEvidence
from funds.models import FundsEvidence, FundsFigure, FundsReport, Milestone, Project, ProjectFund
from issuance.models import PlanVersion, Receipt
from ledgers.models import Ledger, LedgerRow
from notifications.models import GroupRobot
from orgs.models import GroupMembership, Pairing, Region, Unit, UnitAlias
from oversight.models import Bulletin
from exchanges.models import Exchange, ExchangeEvidence, TargetLink
from people.models import AllowancePayment, Person, TargetRule
from planning.models import Proposal, ProposedFigure
from plans.models import Assignment, Plan, Target, Task
from reporting.models import Evidence, EvidenceRule, ProgressReport, ReportedFigure, ReportingSchedule


@dataclass(frozen=True)
class Kind:
    slug: str
    model: type
    label: str
    name: Callable  # history record -> str, from the record's own columns
    plan_path: str | None = None  # from the record to its plan's id, for the plan filter
    page: Callable | None = None  # record -> URL of the object's own page


def _cut(text, size=30):
    text = (text or "").strip().replace("\n", " ")
    return text[:size] + ("…" if len(text) > size else "")


KINDS = [Kind(*k) for k in [
    ("plan", Plan, "方案", lambda r: r.title, "id", lambda r: reverse("plans:detail", args=[r.id])),
    ("task", Task, "任务", lambda r: f"第{r.ref}项 {_cut(r.text or r.measures)}", "plan_id",
     lambda r: reverse("plans:detail", args=[r.plan_id])),
    ("assignment", Assignment, "责任分工", lambda r: f"{r.printed_name or r.unit_id}（{r.get_role_display()}）",
     "task__plan_id"),
    ("target", Target, "目标", lambda r: f"{r.metric} {r.quantity.normalize():f}{r.unit}" if r.quantity is not None
     else r.metric, "task__plan_id"),
    ("schedule", ReportingSchedule, "填报安排", lambda r: f"方案#{r.plan_id}的填报安排", "plan_id",
     lambda r: reverse("registry:schedule", args=[r.plan_id])),
    ("evidencerule", EvidenceRule, "佐证要求", lambda r: f"任务#{r.task_id}的佐证要求", "task__plan_id"),
    ("report", ProgressReport, "进度报告", lambda r: f"报告#{r.id}（{r.get_status_display()}）", "cycle__plan_id",
     lambda r: reverse("reporting:report", args=[r.id])),
    ("figure", ReportedFigure, "填报数字", lambda r: f"报告#{r.report_id} 目标#{r.target_id}", "report__cycle__plan_id",
     lambda r: reverse("reporting:report", args=[r.report_id])),
    ("evidence", Evidence, "佐证材料", lambda r: _cut(r.caption or r.original_name or r.url or f"#{r.id}"),
     "report__cycle__plan_id", lambda r: reverse("reporting:report", args=[r.report_id])),
    ("bulletin", Bulletin, "月度通报", lambda r: f"{r.title}（{r.year}年第{r.number}期）",
     "plan_id", lambda r: reverse("oversight:bulletins", args=[r.scope_kind, r.plan_id or r.region_id])),
    ("scheme", Scheme, "考核方案", lambda r: r.title or f"方案#{r.plan_id}·{r.year}年度考核", "plan_id",
     lambda r: reverse("assessment:plan", args=[r.plan_id]) + f"?year={r.year}"),
    ("assessmentcategory", Category, "考核类别", lambda r: r.name, "scheme__plan_id"),
    ("assessmentitem", Item, "考核项目", lambda r: f"第{r.ref}项 {_cut(r.text)}", "scheme__plan_id"),
    ("scoresheet", ScoreSheet, "考核评分表", lambda r: f"评分表#{r.id}（{r.get_state_display()}）", "scheme__plan_id"),
    ("itemscore", ItemScore, "考核得分", lambda r: f"评分表#{r.sheet_id} 项目#{r.item_id}", "sheet__scheme__plan_id",
     lambda r: reverse("assessment:sheet", args=[r.sheet_id])),
    ("sheetevidence", SheetEvidence, "考核佐证", lambda r: _cut(r.caption or r.original_name or r.requirement),
     "sheet__scheme__plan_id", lambda r: reverse("assessment:sheet", args=[r.sheet_id])),
    ("person", Person, "选派人员", lambda r: f"{r.name}（{r.batch or '未分批次'}）", "plan_id",
     lambda r: reverse("people:person", args=[r.id])),
    ("allowance", AllowancePayment, "生活补助发放", lambda r: f"人员#{r.person_id} {r.month:%Y年%m月}", "person__plan_id",
     lambda r: reverse("people:person", args=[r.person_id])),
    ("rosterrule", TargetRule, "选派目标计数规则", lambda r: f"目标#{r.target_id}", "target__task__plan_id",
     lambda r: reverse("people:target", args=[r.target_id])),
    ("planversion", PlanVersion, "下达版本", lambda r: f"第{r.number}版（{r.get_kind_display()}）{r.title}", "plan_id",
     lambda r: reverse("issuance:version", args=[r.id])),
    ("receipt", Receipt, "签收", lambda r: f"下达版本#{r.version_id} 单位#{r.unit_id}", "version__plan_id",
     lambda r: reverse("issuance:version", args=[r.version_id])),
    # The project library (funds): by the project's plan.
    ("project", Project, "协作资金项目", lambda r: r.name, "plan_id", lambda r: reverse("funds:project", args=[r.id])),
    ("projectfund", ProjectFund, "项目资金", lambda r: f"项目#{r.project_id} {r.get_source_display()}",
     "project__plan_id", lambda r: reverse("funds:project", args=[r.project_id])),
    ("milestone", Milestone, "资金进度节点", lambda r: f"项目#{r.project_id} {r.get_measure_display()}{r.due_on:%m月%d日}",
     "project__plan_id", lambda r: reverse("funds:project", args=[r.project_id])),
    ("fundsreport", FundsReport, "资金月报", lambda r: f"资金月报#{r.id}（{r.get_status_display()}）", "project__plan_id",
     lambda r: reverse("funds:report", args=[r.project_id, r.cycle_id])),
    ("fundsfigure", FundsFigure, "资金数字", lambda r: f"资金月报#{r.report_id} {r.get_source_display()}",
     "report__project__plan_id"),
    ("fundsevidence", FundsEvidence, "资金佐证", lambda r: _cut(r.original_name), "report__project__plan_id"),
    # units' own optional tasks (自选动作, planning/proposals.py)
    ("proposal", Proposal, "自选动作申报", lambda r: _cut(r.text), "plan_id",
     lambda r: reverse("planning:proposal", args=[r.id])),
    ("proposedfigure", ProposedFigure, "自选动作指标", lambda r: f"{r.metric} {r.quantity.normalize():f}{r.unit}"
     if r.quantity is not None else r.metric, "proposal__plan_id"),
    # Detail ledgers: by the ledger's plan.
    ("ledger", Ledger, "明细台账", lambda r: f"{r.metric}明细台账", "plan_id", lambda r: reverse("ledgers:ledger", args=[r.id])),
    ("ledgerrow", LedgerRow, "台账明细", lambda r: f"{r.date:%Y-%m-%d} {_cut(r.counterpart, 20)} {r.amount.normalize():f}",
     "ledger__plan_id", lambda r: reverse("ledgers:ledger", args=[r.ledger_id])),
    ("exchange", Exchange, "互访交流", lambda r: f"{r.date:%Y-%m-%d} {_cut(r.topic)}", None,
     lambda r: reverse("exchanges:exchange", args=[r.id])),
    ("exchangeevidence", ExchangeEvidence, "互访佐证", lambda r: _cut(r.original_name), None,
     lambda r: reverse("exchanges:exchange", args=[r.exchange_id])),
    ("exchangelink", TargetLink, "互访计数规则", lambda r: f"目标#{r.target_id}", "target__task__plan_id",
     lambda r: reverse("exchanges:target", args=[r.target_id])),
    ("unit", Unit, "单位", lambda r: r.name, None, lambda r: reverse("registry:unit", args=[r.id])),
    ("alias", UnitAlias, "单位别名", lambda r: r.name),
    ("membership", GroupMembership, "组合单位成员", lambda r: f"组合单位#{r.group_id} 成员#{r.member_id}"),
    ("pairing", Pairing, "结对关系", lambda r: f"结对#{r.id}", None, lambda r: reverse("registry:pairing", args=[r.id])),
    ("region", Region, "区划", lambda r: r.name),
    ("user", User, "用户", lambda r: f"{r.name or r.username}（{r.username}）", None,
     lambda r: reverse("registry:user", args=[r.id])),
    ("robot", GroupRobot, "群机器人", lambda r: r.name),
]]

BY_SLUG = {k.slug: k for k in KINDS}
BY_MODEL = {k.model: k for k in KINDS}


def kind_named(slug: str) -> Kind | None:
    return BY_SLUG.get(slug)
