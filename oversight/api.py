"""/api/v1: the status figures the dashboards show, as JSON for provincial systems.

Read-only. Every figure comes from `oversight.snapshot.build_snapshot` for the
same scope (`oversight.access.dashboard_scope`) the pages use, so the API, the
dashboards, the bulletin and the ledger cannot disagree. Quantities and
ratios are decimal strings, never JSON numbers: a float would round money.

Mounted by xiezuo/urls.py as `path("api/", include("oversight.api"))`.
"""

import datetime
from typing import Annotated, Literal

from django.conf import settings
from django.contrib.auth import authenticate
from django.http import Http404
from django.urls import path, reverse
from django.utils import timezone
from ninja import Field, NinjaAPI, Query, Schema, Swagger
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.renderers import JSONRenderer
from ninja.security import HttpBasicAuth, SessionAuth

from intake.interpret.numbers import printed
from plans.models import Task
from oversight import queries
from oversight import status as st
from oversight.access import dashboard_scope, may_oversee, plans_visible_to
from oversight.snapshot import (FutureMonth, ReportingRate, Snapshot, build_snapshot, month_text, parse_month,
                                refuse_future_month)

MONTH_ERROR = "月份格式应为YYYY-MM，如2026-11"
# The words of lights and warnings, as oversight.status defines them for every output.
LIGHTS_DESCRIBED = " / ".join(f"{c} {st.light_text(c)}（{st.LIGHT_MEANINGS[c]}）" for c in st.LIGHT_ORDER)
WARNINGS_DESCRIBED = " / ".join(f"{c} {st.warning_text(c)}（{st.WARNING_MEANINGS[c]}）" for c in st.WARNING_ORDER)
# /targets pages: a city has ~12,000 targets a year, a province's leader may ask for far more.
PAGE_DEFAULT, PAGE_MAX = 1000, 5000
# Messages for parameters ninja rejects before a view runs (it would say 422 in English).
PARAMETER_ERRORS = {
    "month": MONTH_ERROR,
    "warning": "预警颜色应为" + "、".join(f"{c}（{st.WARNING_LABELS[c]}）" for c in st.WARNING_ORDER[:-1])
               + f"或{st.WARN_BLUE}（{st.WARNING_LABELS[st.WARN_BLUE]}）",
    "kind": "范围应为plan（方案）或region（区划）",
    "unit": "单位应为单位编号（整数）",
    "year": "年度应为四位数字，如2026",
    "limit": f"limit（每页条数）应为1到{PAGE_MAX}之间的整数",
    "offset": "offset（跳过条数）应为不小于0的整数",
}

DESCRIPTION = """
协作 Xiezuo 督查数据接口（只读），供省级等上级系统按月拉取与督查页面相同的进度数据。

**认证**：浏览器中已登录的会话（Cookie），或系统账号的 HTTP Basic 认证（仅限 HTTPS）。
系统账号就是普通的 Xiezuo 用户，例如所属单位为省协作办、角色为“领导”的账号：
它能看到的方案与督查页面一致。未认证返回 401；账号没有督查权限返回 403；
无权查看或不存在的方案、区划返回 404。

**数字**：所有数量（万元、人等）和比率都以十进制字符串给出，不用 JSON 浮点数，
以免金额被舍入。数量保留全部有效数字、不带多余的零（如 `"33.3"`）；比率为四位小数
（如 `"0.9151"` 即 91.51%），`*_percent` 字段是页面、通报和台账上印的同一个百分数（如 `"91.5%"`）。

**错误**：`{"detail": "中文说明"}`，参数错误 400，未认证 401，无权限 403，找不到 404。
"""

QuantityStr = Annotated[str, Field(
    pattern=r"^\d+(\.\d+)?$", examples=["33.3"],
    description="数量，十进制字符串（不是浮点数），单位见 measure（金额为万元）",
)]
RatioStr = Annotated[str, Field(
    pattern=r"^\d+\.\d{4}$", examples=["0.9151"],
    description="比率，四位小数的十进制字符串（不是浮点数），如 0.9151 即 91.51%",
)]
PercentStr = Annotated[str, Field(examples=["91.5%"], description="印在页面、通报和台账上的百分数；无数据时为“—”")]
MonthStr = Annotated[str, Field(pattern=r"^\d{4}-\d{2}$", examples=["2026-11"], description="月份，YYYY-MM")]
Light = Literal["green", "yellow", "red"]
WarningColour = Literal["red", "yellow", "blue"]
Kind = Literal["plan", "region"]


# --- Authentication ---------------------------------------------------------

class SystemAccount(HttpBasicAuth):
    """HTTP Basic with a normal Xiezuo account, for systems that pull figures.
    Only over HTTPS: Basic sends the password with every request."""

    def authenticate(self, request, username, password):
        if not (request.is_secure() or settings.DEBUG):
            raise AuthenticationError(message="HTTP Basic认证只能通过HTTPS使用")
        return authenticate(request, username=username, password=password)


class ReadableJSON(JSONRenderer):
    # Chinese as characters, not \uXXXX escapes: people read these answers with curl too.
    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="协作 Xiezuo 督查数据接口",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    auth=[SessionAuth(), SystemAccount()],
    renderer=ReadableJSON(),
    # The server may sit on a closed network: Swagger UI comes from ninja's own
    # static files ("ninja" in INSTALLED_APPS), and its online validator badge is off.
    docs=Swagger(settings={"validatorUrl": None}),
)


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    message = exc.message if exc.message != "Unauthorized" else "请先登录，或使用HTTP Basic认证（仅限HTTPS）"
    response = api.create_response(request, {"detail": message}, status=401)
    response["WWW-Authenticate"] = 'Basic realm="Xiezuo", charset="UTF-8"'
    return response


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": str(exc) or "未找到"}, status=404)


@api.exception_handler(ValidationError)
def bad_parameter(request, exc):
    names = [str(error["loc"][-1]) for error in exc.errors if error.get("loc")]
    messages = [PARAMETER_ERRORS.get(name, f"参数{name}无效") for name in dict.fromkeys(names)]
    return api.create_response(request, {"detail": "；".join(messages) or "请求参数无效"}, status=400)


def _today() -> datetime.date:
    return timezone.localdate()


def overseer(request):
    user = request.auth
    if not may_oversee(user):
        raise HttpError(403, "该账号没有查看督查数据的权限")
    return user


def month_param(value: str | None) -> datetime.date | None:
    try:
        month = parse_month(value)
    except ValueError:
        raise HttpError(400, MONTH_ERROR) from None
    try:
        refuse_future_month(month, _today())
    except FutureMonth as error:
        raise HttpError(400, str(error)) from None
    return month


# --- Formatting: Decimal → string, never float --------------------------------

def quantity(value) -> str | None:
    return None if value is None else printed(value)


def ratio(value) -> str | None:
    return None if value is None else str(value.quantize(st.RATIO_PLACES))


# --- Schemas ------------------------------------------------------------------

class Error(Schema):
    detail: str = Field(description="中文说明", examples=[MONTH_ERROR])


ERRORS = {400: Error, 401: Error, 403: Error, 404: Error}


class ScopeItem(Schema):
    kind: Kind
    id: int
    title: str
    year: int | None = Field(description="方案年度；区划为空（可用查询参数 year 限定年度）")
    end_year: int | None = Field(None, description="多年规划的截止年度")
    doc_number: str = Field("", description="文号")
    status_url: str


class LightCounts(Schema):
    green: int
    yellow: int
    red: int


class SummaryOut(Schema):
    targets: int = Field(description="参与统计的指标数（有目标值的指标）")
    met: int = Field(description="已完成的指标数")
    overdue: int = Field(description=f"{st.warning_text(st.WARN_RED)}的指标数")
    lights: LightCounts = Field(description="各灯色的指标数：" + LIGHTS_DESCRIBED)
    completion: RatioStr | None = Field(description="完成率：各指标完成率（每项封顶100%）的平均值")
    completion_percent: PercentStr
    time_progress: RatioStr | None = Field(description="时序进度：同一批指标时序进度的平均值")
    time_progress_percent: PercentStr
    light: Light | None = Field(description=LIGHTS_DESCRIBED)
    light_label: str | None = Field(description="灯色的含义，如黄灯为“偏慢”")


class ReportingOut(Schema):
    expected: int = Field(description="应报份数（单位×任务）")
    received: int = Field(description="已报送份数")
    on_time: int = Field(description="按时报送份数")
    approved: int = Field(description="已审核通过份数")
    missing: int = Field(description="未报送份数")
    rate: RatioStr | None = Field(description="报送率")
    rate_percent: PercentStr
    on_time_rate: RatioStr | None = Field(description="按时报送率")
    on_time_rate_percent: PercentStr


class UnitReportingOut(ReportingOut):
    unit_id: int
    name: str


class MonthReportingOut(ReportingOut):
    month: MonthStr


class ScopeRef(Schema):
    kind: Kind
    id: int
    title: str


class ScopedOut(Schema):
    scope: ScopeRef
    month: MonthStr = Field(description="统计月份")
    month_label: str = Field(examples=["2026年11月"])
    as_of: datetime.date = Field(description="时序进度和逾期的计算日（所选月份的月末，或今天）")


class CategoryOut(Schema):
    category: str
    summary: SummaryOut


class PlanOut(Schema):
    plan_id: int
    title: str
    doc_number: str
    year: int
    summary: SummaryOut
    reporting: ReportingOut


class StatusOut(ScopedOut):
    overall: SummaryOut
    reporting: ReportingOut = Field(description="本月报送情况")
    by_category: list[CategoryOut]
    by_plan: list[PlanOut]


class UnitOut(SummaryOut):
    rank: int
    unit_id: int
    name: str


class UnitsOut(ScopedOut):
    units: list[UnitOut] = Field(description="按完成率排名，最好的在前")


class TargetOut(Schema):
    id: int
    parent_id: int | None = Field(description="分解自哪个指标")
    plan_id: int
    task_id: int
    task_label: str = Field(examples=["附件1 第3项"])
    category: str
    metric: str = Field(examples=["社会帮扶资金"])
    measure: str = Field(description="计量单位", examples=["万元"])
    total: QuantityStr = Field(description="目标值（含上年缺口结转）")
    reported: QuantityStr | None = Field(description="累计完成；未报送为空")
    direct: bool = Field(description="true 为直接填报，false 为各分解指标之和")
    parts_sum: QuantityStr | None = Field(description="各分解指标之和；未分解或分解指标都未报时为空。"
                                                      "direct 为 true 且与 reported 不同时，reported（直接填报数）计入完成率")
    completion: RatioStr | None
    completion_percent: PercentStr
    time_progress: RatioStr
    time_progress_percent: PercentStr
    light: Light = Field(description=LIGHTS_DESCRIBED)
    light_label: str = Field(description="灯色的含义，如黄灯为“偏慢”")
    warning: WarningColour | None = Field(description=WARNINGS_DESCRIBED)
    warning_label: str | None = Field(description="预警的含义，如黄色预警为“落后时序进度”")
    overdue: bool
    met: bool
    gap: QuantityStr = Field(description="尚差数量（完成后为0）")
    deadline: datetime.date
    assignee_id: int | None = Field(description="承担单位；任务总指标为空")
    assignee: str = Field(description="承担单位名称；任务总指标为牵头单位")
    source: str = Field(description="任务在原文件中的位置，如“附件1 第3行”，用于追溯")
    reports_url: str = Field(description="查看该指标填报记录的页面")


class TargetsOut(ScopedOut):
    count: int = Field(description="符合条件的指标总数（各页合计）")
    limit: int = Field(description="本页最多条数")
    offset: int = Field(description="本页跳过的条数")
    next: str | None = Field(description="下一页的地址；已是最后一页时为空")
    targets: list[TargetOut]


class ReportingPageOut(ScopedOut):
    reporting: ReportingOut = Field(description="本月合计")
    by_unit: list[UnitReportingOut] = Field(description="本月各单位报送情况")
    unreported: list[UnitReportingOut] = Field(description="本月仍有未报送的单位，缺得多的在前")
    by_month: list[MonthReportingOut] = Field(description="截至所选月份的逐月报送情况")


class TrendPoint(Schema):
    month: MonthStr
    value: QuantityStr = Field(description="截至该月末的累计完成")


class TrendSeriesOut(Schema):
    metric: str
    measure: str
    target: QuantityStr = Field(description="该指标各任务总目标之和")
    points: list[TrendPoint]


class TrendOut(ScopedOut):
    series: list[TrendSeriesOut]


# --- From the snapshot to the schemas ------------------------------------------

def summary_out(summary: st.Summary) -> dict:
    return {
        "targets": summary.targets, "met": summary.met, "overdue": summary.overdue,
        "lights": {colour: summary.lights.get(colour, 0) for colour in (st.GREEN, st.YELLOW, st.RED)},
        "completion": ratio(summary.completion), "completion_percent": st.percent(summary.completion),
        "time_progress": ratio(summary.time_progress), "time_progress_percent": st.percent(summary.time_progress),
        "light": summary.light, "light_label": st.LIGHT_LABELS.get(summary.light),
    }


def reporting_out(rate) -> dict:
    return {
        "expected": rate.expected, "received": rate.received, "on_time": rate.on_time,
        "approved": rate.approved, "missing": rate.missing,
        "rate": ratio(rate.rate), "rate_percent": st.percent(rate.rate),
        "on_time_rate": ratio(rate.on_time_rate), "on_time_rate_percent": st.percent(rate.on_time_rate),
    }


def unit_reporting_out(rate) -> dict:
    return {"unit_id": rate.key, "name": rate.label, **reporting_out(rate)}


def target_out(request, snap: Snapshot, status: st.TargetStatus, sources: dict[int, str]) -> dict:
    target = status.target
    task = snap.tasks[target.task_id]
    return {
        "id": target.id, "parent_id": target.parent_id, "plan_id": task.plan_id, "task_id": task.id,
        "task_label": task.label, "category": task.category, "metric": target.metric, "measure": target.measure,
        "total": quantity(target.total), "reported": quantity(status.reported), "direct": status.direct,
        "completion": ratio(status.completion), "completion_percent": st.percent(status.completion),
        "time_progress": ratio(status.time_progress), "time_progress_percent": st.percent(status.time_progress),
        "light": status.light, "light_label": st.LIGHT_LABELS[status.light],
        "warning": status.warning, "warning_label": st.WARNING_LABELS.get(status.warning),
        "parts_sum": quantity(status.parts_sum),
        "overdue": status.overdue, "met": status.met, "gap": quantity(status.gap),
        "deadline": target.deadline, "assignee_id": target.assignee_id, "assignee": target.assignee_name,
        "source": sources.get(task.id, ""),
        "reports_url": request.build_absolute_uri(reverse("oversight:target", args=[target.id])),
    }


def snapshot_for(request, kind: str, pk: int, month: str | None, year: int | None):
    user = overseer(request)
    month = month_param(month)
    scope = dashboard_scope(user, kind, pk, month=month, today=_today(), year=year)
    snap = build_snapshot(scope.plans, month, _today())
    header = {
        "scope": {"kind": scope.kind, "id": scope.pk, "title": scope.title},
        "month": month_text(snap.month), "month_label": snap.label, "as_of": snap.as_of,
    }
    return snap, header


# --- Endpoints ----------------------------------------------------------------

MONTH = Query(None, pattern=r"^(19|20)\d{2}-(0[1-9]|1[0-2])$",
              description="统计月份 YYYY-MM，不晚于本月；默认为最近一个已开始的填报月份")
YEAR = Query(None, ge=1949, le=2100, description="只对区划有效：只看覆盖该年度的方案；不填时为统计月份所在年度，未指定月份时为本年度（本年度尚无方案时为最近有方案的年度）")
SCOPED = "/{kind}/{pk}"
TAGS = ["督查数据"]


@api.get("/scopes", response={200: list[ScopeItem], **ERRORS}, url_name="scopes", tags=TAGS, summary="可查看的方案和区划")
def scopes(request):
    """您可查看的方案，以及其主办单位所在的县区、市（各有一个区划范围）。"""
    user = overseer(request)
    plans = list(plans_visible_to(user).order_by("-year", "pk"))
    items = [{
        "kind": "plan", "id": p.pk, "title": p.title, "year": p.year, "end_year": p.end_year,
        "doc_number": p.doc_number,
        "status_url": request.build_absolute_uri(reverse("api-v1:status", args=["plan", p.pk])),
    } for p in plans]
    # The same regions the overview page offers a dashboard for.
    items += [{
        "kind": "region", "id": r.pk, "title": f"{r.name}协作工作", "year": None,
        "status_url": request.build_absolute_uri(reverse("api-v1:status", args=["region", r.pk])),
    } for r in queries.regions_of(plans)]
    return items


@api.get(SCOPED + "/status", response={200: StatusOut, **ERRORS}, url_name="status", tags=TAGS, summary="总体进度")
def scope_status(request, kind: Kind, pk: int, month: str | None = MONTH, year: int | None = YEAR):
    """完成率、时序进度、灯色和指标数：总体、按类别、按方案；本月报送率。"""
    snap, header = snapshot_for(request, kind, pk, month, year)
    return {
        **header,
        "overall": summary_out(snap.overall),
        "reporting": reporting_out(snap.reporting),
        "by_category": [{"category": g.key, "summary": summary_out(g.summary)} for g in snap.by_category],
        "by_plan": [{
            "plan_id": p.pk, "title": p.title, "doc_number": p.doc_number, "year": p.year,
            "summary": summary_out(snap.by_plan[p.pk]),
            "reporting": reporting_out(snap.reporting_by_plan.get(p.pk, ReportingRate(""))),
        } for p in snap.plans],
    }


@api.get(SCOPED + "/units", response={200: UnitsOut, **ERRORS}, url_name="units", tags=TAGS, summary="单位排名")
def scope_units(request, kind: Kind, pk: int, month: str | None = MONTH, year: int | None = YEAR):
    """各单位按完成率排名：单位承担的指标，牵头单位还包括所牵头任务的总指标。"""
    snap, header = snapshot_for(request, kind, pk, month, year)
    return {**header, "units": [
        {"rank": u.rank, "unit_id": u.unit_id, "name": u.name, **summary_out(u.summary)} for u in snap.by_unit]}


@api.get(SCOPED + "/targets", response={200: TargetsOut, **ERRORS}, url_name="targets", tags=TAGS, summary="指标进度与预警")
def scope_targets(request, kind: Kind, pk: int, month: str | None = MONTH, year: int | None = YEAR,
                  warning: WarningColour | None = Query(None, description="只看该颜色的预警"),
                  unit: int | None = Query(None, description="只看该单位承担的指标（牵头单位含任务总指标）"),
                  limit: int = Query(PAGE_DEFAULT, ge=1, le=PAGE_MAX, description=f"每页条数，最多{PAGE_MAX}"),
                  offset: int = Query(0, ge=0, description="跳过前多少条；按 next 翻页即可")):
    """每个指标的目标、累计完成、完成率、时序进度、灯色和预警；分解指标与总指标都列出（parent_id）。
    按方案、任务、指标的顺序分页，count 为总数，next 为下一页地址。"""
    snap, header = snapshot_for(request, kind, pk, month, year)
    statuses = queries.filter_statuses(snap, unit="" if unit is None else str(unit), warning=warning or "")
    sources = task_sources(snap)
    page = statuses[offset:offset + limit]
    return {**header, "count": len(statuses), "limit": limit, "offset": offset,
            "next": _page_url(request, offset + limit) if offset + limit < len(statuses) else None,
            "targets": [target_out(request, snap, s, sources) for s in page]}


def _page_url(request, offset: int) -> str:
    query = request.GET.copy()
    query["offset"] = str(offset)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def task_sources(snap: Snapshot) -> dict[int, str]:
    # Where each task was printed, for tracing a figure back to the document
    # (the snapshot's TaskInfo does not carry it).
    plan_ids = [p.pk for p in snap.plans]
    return dict(Task.objects.filter(plan_id__in=plan_ids).values_list("id", "source_location"))


@api.get(SCOPED + "/reporting", response={200: ReportingPageOut, **ERRORS}, url_name="reporting", tags=TAGS, summary="报送情况")
def scope_reporting(request, kind: Kind, pk: int, month: str | None = MONTH, year: int | None = YEAR):
    """本月应报、已报、按时报送的份数（合计与各单位），仍未报送的单位，以及逐月报送情况。"""
    snap, header = snapshot_for(request, kind, pk, month, year)
    return {
        **header,
        "reporting": reporting_out(snap.reporting),
        "by_unit": [unit_reporting_out(r) for r in snap.reporting_by_unit],
        "unreported": [unit_reporting_out(r) for r in snap.unreported],
        "by_month": [{"month": month_text(r.key), **reporting_out(r)} for r in snap.reporting_by_month],
    }


@api.get(SCOPED + "/trend", response={200: TrendOut, **ERRORS}, url_name="trend", tags=TAGS, summary="逐月趋势")
def scope_trend(request, kind: Kind, pk: int, month: str | None = MONTH, year: int | None = YEAR):
    """每个指标（指标名+计量单位）各月末的累计完成，从方案年度1月到所选月份。"""
    snap, header = snapshot_for(request, kind, pk, month, year)
    return {**header, "series": [{
        "metric": s.metric, "measure": s.measure, "target": quantity(s.target),
        "points": [{"month": month_text(m), "value": quantity(v)} for m, v in s.points],
    } for s in snap.trend]}


urlpatterns = [path("v1/", api.urls)]
