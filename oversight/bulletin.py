"""The monthly bulletin (每月通报): its words from a Snapshot, its .docx, its archive.

`bulletin_content` turns a Snapshot into plain data (every sentence and table
row, already printed), so a test can compare it with the snapshot without
opening Word, and the figures can be archived beside the file.
`render_bulletin` lays that data out as an official document with
oversight.officialdoc. `publish_bulletin` writes file and archive row together.

Every ratio goes through oversight.status.percent and every quantity through
intake.interpret.numbers.printed, so the bulletin prints what the dashboard shows.
"""

import calendar
import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from docx.shared import Pt

from intake.interpret.numbers import printed
from funds.queries import FundsSummary, funds_summary
from oversight import officialdoc
from oversight.bulletin_funds import funds_blocks, funds_figures
from oversight.bulletin_people import (Roster, exchanges_blocks, exchanges_figures, pairings, people_blocks,
                                       people_figures, roster)
from oversight import status as st
from oversight.access import Scope, may_publish_scope
from oversight.models import Bulletin, BulletinRevision
from oversight.snapshot import (FutureMonth, Snapshot, build_snapshot, month_label, month_start,
                                refuse_future_month)
from orgs.models import Programme, Region
from plans.models import Plan
from reporting.models import ReportingCycle, ReportingSchedule

SECTION_NUMBERS = "一二三四五六七八九十"
# A plan without a schedule reports by the schedule's default day (the 25th).
DEFAULT_DUE_DAY = ReportingSchedule._meta.get_field("due_day").default

# 五、下步工作要求 is the office's own wording, not a figure: a fixed template the
# office edits in the downloaded .docx before it is issued.
REQUIREMENTS = [
    f"（一）加快推进预警指标。对{st.WARNING_LABELS[st.WARN_RED]}和{st.WARNING_LABELS[st.WARN_YELLOW]}的指标，各责任单位要逐项分析原因，"
    "明确措施和完成时间，确保按期完成全年目标任务。",
    "（二）按时如实报送。各单位要在每月报送日前填报累计完成数和进展情况，上传佐证材料；"
    "截止日后仍未报送的单位将在下期通报中继续点名。",
    "（三）加强审核把关。各牵头单位要加强对配合单位报送数据的审核，确保数据真实准确、有据可查。",
]


class BulletinError(Exception):
    """A bulletin that cannot be made, said in Chinese for the page."""


# -- which month a bulletin speaks of ---------------------------------------------------------------
# A month is closed once its reports' due day has passed for every plan of the scope: before
# that, units not yet due would be named as 仍未报送. The bulletin page offers the last closed
# month and asks before generating one still open.

def due_date(plans, month: datetime.date) -> datetime.date:
    """The month's due day for the scope: the latest among its plans — the cycle's due_on where
    the cycle is open, else the plan's schedule (25th by default), as reporting opens cycles."""
    month = month_start(month)
    plan_ids = [p.pk for p in plans]
    due = dict(ReportingCycle.objects.filter(plan_id__in=plan_ids, period_start=month)
               .values_list("plan_id", "due_on"))
    days = dict(ReportingSchedule.objects.filter(plan_id__in=plan_ids).values_list("plan_id", "due_day"))
    last_day = calendar.monthrange(month.year, month.month)[1]
    dates = [due.get(pk) or month.replace(day=min(days.get(pk, DEFAULT_DUE_DAY), last_day)) for pk in plan_ids]
    return max(dates, default=month.replace(day=min(DEFAULT_DUE_DAY, last_day)))


def is_closed(plans, month: datetime.date, today: datetime.date) -> bool:
    """The due day has passed (the 25th itself is still open for reports)."""
    return due_date(plans, month) < today


def last_closed_month(plans, today: datetime.date) -> datetime.date:
    """On 3 December and on 26 November: November; on 24 November: October."""
    month = month_start(today)
    for _ in range(3):  # a due day is within its month, so at most one step back; a moved due_on perhaps two
        if is_closed(plans, month, today):
            return month
        month = month_start(month - datetime.timedelta(days=1))
    return month


def open_month_warning(plans, month: datetime.date, today: datetime.date) -> str:
    """What to say before generating a month whose due day has not passed; "" when it has."""
    due = due_date(plans, month)
    if due < today:
        return ""
    return (f"{month_label(month)}的报送截止日（{due.month}月{due.day}日）还没到，"
            "现在生成会把尚未到期的单位列为未报送")


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    widths_mm: list[float] | None = None
    numeric_columns: tuple[int, ...] = ()
    font_pt: float = 12  # 小四; 五号 (10.5) where long figures must fit one line


@dataclass(frozen=True)
class Subheading:
    text: str  # "（一）逾期未完成的指标": 二级标题


@dataclass
class Section:
    """A numbered part of the bulletin: its heading, then paragraphs, subheadings and tables in order."""

    heading: str  # "一、总体进展"
    blocks: list = field(default_factory=list)  # str | Subheading | Table

    @property
    def paragraphs(self) -> list[str]:
        return [b for b in self.blocks if isinstance(b, str)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


@dataclass
class BulletinContent:
    masthead: str  # 版头, in red: "鼓楼区东西部协作工作通报"
    title: str
    issue_line: str  # "2026年第11期"
    issuer: str
    issued_on: datetime.date
    opening: str
    sections: list[Section]
    figures: dict  # what the bulletin states, for the archive row

    @property
    def date_text(self) -> str:
        return day_text(self.issued_on)


day_text = officialdoc.format_date  # 2026年11月30日, as the document dates itself


def amount(value: Decimal | None, measure: str) -> str:
    return f"{printed(value or Decimal(0))}{measure}"


def _programme_label(plans: list[Plan]) -> str:
    kinds = {p.kind for p in plans}
    if len(kinds) == 1:
        label = Programme(kinds.pop()).label
        if label != Programme.OTHER.label:
            return str(label)
    return "协作"


def _issuer_name(office) -> str:
    """The office as a document signs it: its full name, else its name with its region in front
    (区民政局 of 鼓楼区 signs 鼓楼区民政局)."""
    if office.full_name:
        return office.full_name
    region = office.region.name
    if office.name.startswith(region):
        return office.name
    short = office.name[1:] if office.name[:1] in "省市区县" and region.endswith(office.name[:1]) else office.name
    return f"{region}{short}"


def _area_name(scope: Scope) -> str:
    if scope.kind == "region":
        return Region.objects.values_list("name", flat=True).get(pk=scope.pk)
    office = scope.plan.office
    return office.region.name if office else ""


def default_issuer(scope: Scope) -> str:
    offices = {p.office_id: p.office for p in scope.plans if p.office_id}
    if len(offices) == 1:
        return _issuer_name(next(iter(offices.values())))
    return f"{_area_name(scope)}协作工作领导小组办公室"


def _overall(snapshot: Snapshot) -> list[str]:
    overall, rate, as_of = snapshot.overall, snapshot.reporting, day_text(snapshot.as_of)
    if overall.targets:
        lights = overall.lights
        progress = (f"截至{as_of}，纳入统计的{overall.targets}项总指标平均完成率{st.percent(overall.completion)}，"
                    f"时序进度{st.percent(overall.time_progress)}；已完成{overall.met}项，"
                    f"红灯{lights[st.RED]}项、黄灯{lights[st.YELLOW]}项、绿灯{lights[st.GREEN]}项。")
    else:
        progress = f"截至{as_of}，尚无可统计完成率的指标。"
    paragraphs = [progress]
    if rate.expected:
        paragraphs.append(
            f"{snapshot.label}应报送进度报告{rate.expected}份，已报送{rate.received}份，报送率{st.percent(rate.rate)}；"
            f"按时报送{rate.on_time}份，按时报送率{st.percent(rate.on_time_rate)}；审核通过{rate.approved}份。")
    else:
        paragraphs.append(f"{snapshot.label}没有需要报送的进度报告。")
    mismatched = _mismatched(snapshot)
    if mismatched:
        paragraphs.append(mismatched)
    metrics = []
    for series in snapshot.trend:
        value = dict(series.points).get(snapshot.month, Decimal(0))
        metrics.append(f"{series.metric}累计完成{amount(value, series.measure)}，"
                       f"占目标{amount(series.target, series.measure)}的{st.percent(st.ratio(value, series.target))}")
    if metrics:
        paragraphs.append("分指标看：" + "；".join(metrics) + "。")
    paragraphs.append(legend_note())
    return paragraphs


def legend_note() -> str:
    """The lights and warnings defined, in the words oversight.status gives them."""
    legend = st.legend()
    lights = "；".join(f"{i.text}，{i.meaning}" for i in legend["lights"])
    warnings = "；".join(f"{i.text}，{i.meaning}" for i in legend["warnings"])
    return f"注：亮灯对照完成率与时序进度——{lights}。预警对照完成时限——{warnings}。"


def _mismatched(snapshot: Snapshot) -> str:
    """Totals whose lead reported a figure other than its units' sum: counted as the lead
    reported it, the difference stated so the lead can check it."""
    rows = snapshot.mismatched
    if not rows:
        return ""
    named = [f"{snapshot.tasks[s.target.task_id].label}“{s.target.metric}”（{st.difference_text(s)}）" for s in rows]
    listed = "；".join(named[:NAMES_LISTED]) + (f"等{len(rows)}项" if len(rows) > NAMES_LISTED else "")
    return (f"有{len(rows)}项指标的填报数与所分解各单位合计不一致，本通报按其直接填报数统计，"
            f"请有关单位核实：{listed}。")


def _ranking(snapshot: Snapshot) -> Section:
    section = Section("二、各单位完成情况")
    if not snapshot.by_unit:
        section.blocks.append("尚无分解到单位的指标。")
        return section
    top, bottom = snapshot.by_unit[0], snapshot.by_unit[-1]
    section.blocks.append(
        f"按各单位所承担指标的平均完成率排名，{top.name}居首（{st.percent(top.summary.completion)}），"
        f"{bottom.name}居末（{st.percent(bottom.summary.completion)}）。各单位完成情况如下：")
    units = snapshot.by_unit
    if len(units) > RANKED_LISTED:
        # A city has thousands of units: a bulletin names the first and the last, as offices print them.
        half = RANKED_LISTED // 2
        section.blocks.append(f"共{len(units)}个单位参与排名，下表列出前{half}位和后{half}位，完整排名见督查看板。")
        units = units[:half] + [None] + units[-half:]
    rows = [[str(u.rank), u.name, st.percent(u.summary.completion), st.percent(u.summary.time_progress),
             f"{u.summary.met}/{u.summary.targets}", st.LIGHT_NAMES.get(u.summary.light, "—")]
            if u else ["…", f"（第{RANKED_LISTED // 2 + 1}至{len(snapshot.by_unit) - RANKED_LISTED // 2}位略）", "", "", "", ""]
            for u in units]
    section.blocks.append(Table(["排名", "单位", "完成率", "时序进度", "已完成/指标数", "亮灯"], rows,
                                widths_mm=[14, 48, 22, 22, 32, 18], numeric_columns=(0, 2, 3, 4)))
    return section


# How much a bulletin lists before it refers the reader to the dashboard: a city's
# bulletin would otherwise run to hundreds of pages (and take minutes to write).
RANKED_LISTED = 40
BEHIND_LISTED = 30
NAMES_LISTED = 30


def _named(names) -> str:
    names = list(names)
    if len(names) <= NAMES_LISTED:
        return "、".join(names)
    return "、".join(names[:NAMES_LISTED]) + f"等{len(names)}个"


def late_units(snapshot: Snapshot) -> list[tuple[str, int]]:
    """Units that sent some of this month's reports after the due day, with how many."""
    return [(r.label, r.received - r.on_time) for r in snapshot.reporting_by_unit if r.received > r.on_time]


def _reporting(snapshot: Snapshot) -> Section:
    section = Section("三、报送情况")
    late, missing = late_units(snapshot), snapshot.unreported
    if not snapshot.reporting.expected:
        section.blocks.append(f"{snapshot.label}没有需要报送的进度报告。")
        return section
    if not late and not missing:
        section.blocks.append(f"{snapshot.label}各单位均已按时报送进度报告。")
        return section
    if late:
        names = _named(f"{name}（{count}份）" for name, count in late)
        section.blocks.append(f"逾期报送的单位（{len(late)}个）：{names}。")
    else:
        section.blocks.append("已报送的单位均按时报送。")
    if missing:
        names = _named(f"{r.label}（{r.missing}份）" for r in missing)
        section.blocks.append(f"截至{day_text(snapshot.as_of)}仍未报送的单位（{len(missing)}个）：{names}。")
    else:
        section.blocks.append("各单位均已报送。")
    return section


BEHIND_HEADER = ["序号", "任务", "责任单位", "指标", "累计完成", "目标", "完成率", "时序进度"]
BEHIND_WIDTHS = [10, 17, 22, 27, 21, 21, 18, 20]  # 156 mm, the 版心; figures and 100.0% on one line


def _behind_rows(snapshot: Snapshot, statuses: list[st.TargetStatus]) -> list[list[str]]:
    rows = []
    for number, status in enumerate(statuses, start=1):
        target = status.target
        # "附件1 第3项" on two lines at its space, not wherever the narrow column ends.
        rows.append([str(number), snapshot.tasks[target.task_id].label.replace(" ", "\n"), target.assignee_name,
                     f"{target.metric}（{target.measure}）", printed(status.reported or Decimal(0)),
                     printed(target.total), st.percent(status.completion), st.percent(status.time_progress)])
    return rows


def _behind_tables(snapshot: Snapshot, statuses: list[st.TargetStatus]) -> list:
    """One table, or where the scope holds several plans one per plan, each named first:
    task numbers only mean something within their plan."""
    if len(snapshot.plans) == 1:
        return [Table(BEHIND_HEADER, _behind_rows(snapshot, statuses), BEHIND_WIDTHS, (0, 4, 5, 6, 7), 10.5)]
    blocks = []
    for plan in snapshot.plans:
        mine = [s for s in statuses if snapshot.tasks[s.target.task_id].plan_id == plan.pk]
        if mine:
            document = f"《{plan.title}》" + (f"（{plan.doc_number}）" if plan.doc_number else "")
            blocks.append(f"{document}{len(mine)}项：")
            blocks.append(Table(BEHIND_HEADER, _behind_rows(snapshot, mine), BEHIND_WIDTHS, (0, 4, 5, 6, 7), 10.5))
    return blocks


def _behind(snapshot: Snapshot) -> Section:
    section = Section("四、预警指标")
    overdue, lagging, near = snapshot.overdue, snapshot.lagging, snapshot.near_deadline
    as_of = day_text(snapshot.as_of)
    red, yellow = st.WARNING_LABELS[st.WARN_RED], st.WARNING_LABELS[st.WARN_YELLOW]
    if not overdue and not lagging:
        section.blocks.append(f"截至{as_of}，没有{red}或{yellow}的指标。")
    else:
        section.blocks.append(f"截至{as_of}，{red}的指标{len(overdue)}项，{yellow}的指标{len(lagging)}项。")
    groups = [(st.WARNING_LABELS[warning], rows) for warning, rows in ((st.WARN_RED, overdue), (st.WARN_YELLOW, lagging))
              if rows]
    for number, (label, statuses) in enumerate(groups):
        section.blocks.append(Subheading(f"（{SECTION_NUMBERS[number]}）{label}的指标"))
        if len(statuses) > BEHIND_LISTED:
            section.blocks.append(f"共{len(statuses)}项，下表列出差距最大的{BEHIND_LISTED}项，其余见督查看板和工作台账。")
            statuses = statuses[:BEHIND_LISTED]
        section.blocks.extend(_behind_tables(snapshot, statuses))
    if near:
        section.blocks.append(f"另有{len(near)}项指标{st.WARNING_LABELS[st.WARN_BLUE]}（{st.NEAR_DAYS}天内到期、尚未完成），"
                              "请责任单位抓紧推进。")
    return section


def _opening(snapshot: Snapshot, scope: Scope, area: str, programme: str) -> str:
    as_of = day_text(snapshot.as_of)
    if scope.kind == "plan":
        plan = scope.plan
        document = f"《{plan.title}》" + (f"（{plan.doc_number}）" if plan.doc_number else "")
        return f"现将{document}截至{as_of}的落实情况通报如下。"
    return f"现将{area}{programme}工作各项任务分工方案截至{as_of}的落实情况通报如下。"


def _figures(snapshot: Snapshot, scope: Scope, number: int | None) -> dict:
    """What the bulletin states, as plain JSON (Decimals as strings, as printed nowhere else)."""
    def text(value):
        return None if value is None else str(value)

    def summary(s: st.Summary) -> dict:
        return {"targets": s.targets, "met": s.met, "overdue": s.overdue, "lights": dict(s.lights),
                "completion": text(s.completion), "time_progress": text(s.time_progress)}

    rate = snapshot.reporting
    return {
        "scope": {"kind": scope.kind, "pk": scope.pk, "title": scope.title},
        "plans": [p.pk for p in snapshot.plans],
        "month": snapshot.month.isoformat(), "as_of": snapshot.as_of.isoformat(), "number": number,
        "overall": summary(snapshot.overall),
        "reporting": {"expected": rate.expected, "received": rate.received, "on_time": rate.on_time,
                      "approved": rate.approved},
        "metrics": [{"metric": s.metric, "measure": s.measure, "target": text(s.target),
                     "value": text(dict(s.points).get(snapshot.month, Decimal(0)))} for s in snapshot.trend],
        "ranking": [{"rank": u.rank, "unit_id": u.unit_id, "name": u.name, **summary(u.summary)}
                    for u in snapshot.by_unit],
        "late": [{"name": name, "count": count} for name, count in late_units(snapshot)],
        "unreported": [{"unit_id": r.key, "name": r.label, "missing": r.missing} for r in snapshot.unreported],
        "overdue": [s.target.id for s in snapshot.overdue],
        "lagging": [s.target.id for s in snapshot.lagging],
        "mismatched": [{"id": s.target.id, "reported": text(s.reported), "parts_sum": text(s.parts_sum)}
                       for s in snapshot.mismatched],
    }


def _numbered(sections: list[Section]) -> list[Section]:
    """一、二、… in order, so a part present only in some bulletins (协作资金) shifts the rest."""
    for number, section in zip(SECTION_NUMBERS, sections):
        section.heading = f"{number}、{section.heading.split('、', 1)[1]}"
    return sections


def _funds(funds: FundsSummary | None, snapshot: Snapshot) -> list[Section]:
    if funds is None:
        return []
    return [Section("四、协作资金", funds_blocks(funds, snapshot.as_of, day_text, Table, Subheading))]


def _people(people: Roster | None, exchanges: list[dict] | None, snapshot: Snapshot) -> list[Section]:
    """选派人员 and 结对互访, each only where the scope has them; numbered by `_numbered`."""
    parts = []
    if people is not None:
        parts.append(Section("四、选派人员", people_blocks(people, day_text, Table, Subheading)))
    if exchanges:
        parts.append(Section("四、结对互访", exchanges_blocks(exchanges, snapshot.as_of, day_text, Table)))
    return parts


def _parts_figures(funds, people, exchanges) -> dict:
    return {**({"funds": funds_figures(funds)} if funds else {}),
            **({"people": people_figures(people)} if people is not None else {}),
            **({"exchanges": exchanges_figures(exchanges)} if exchanges else {})}


def bulletin_content(snapshot: Snapshot, scope: Scope, *, number: int | None = None, issuer: str | None = None,
                     issued_on: datetime.date | None = None, funds: FundsSummary | None = None,
                     people: Roster | None = None, exchanges: list[dict] | None = None) -> BulletinContent:
    """Every sentence and row of the bulletin, from the snapshot's figures only.

    `number` is the issue (期数) the archive assigns; `issuer` defaults to the office
    keeping the scope's plans; `issued_on` to the snapshot's as-of day; `funds` the scope's
    协作资金 (`funds.queries.funds_summary`), a section of its own before 预警指标 when given;
    `people` (bulletin_people.roster) and `exchanges` (bulletin_people.pairings) likewise, after it."""
    area, programme = _area_name(scope), _programme_label(snapshot.plans)
    month = snapshot.month
    overall = Section("一、总体进展", _overall(snapshot))
    requirements = Section("五、下步工作要求", list(REQUIREMENTS))
    return BulletinContent(
        masthead=f"{area}{programme}工作通报",
        title=f"{snapshot.label}{area}{programme}工作进展情况通报",
        issue_line=f"{month.year}年第{number}期" if number else f"{month.year}年",
        issuer=issuer or default_issuer(scope),
        issued_on=issued_on or snapshot.as_of,
        opening=_opening(snapshot, scope, area, programme),
        sections=_numbered([overall, _ranking(snapshot), _reporting(snapshot), *_funds(funds, snapshot),
                            *_people(people, exchanges, snapshot), _behind(snapshot), requirements]),
        figures={**_figures(snapshot, scope, number), **_parts_figures(funds, people, exchanges)},
    )


# 2号 characters across the 156 mm 版心: a longer title wraps.
TITLE_CHARS = 20
TITLE_TAIL = "进展情况通报"


def title_lines(title: str) -> str:
    """A long title broken before 进展情况通报, keeping the words whole (not 进展情|况通报)."""
    if officialdoc._width_in_chars(title) > TITLE_CHARS and title.endswith(TITLE_TAIL):
        return f"{title[:-len(TITLE_TAIL)]}\n{TITLE_TAIL}"
    return title


def render_bulletin(content: BulletinContent) -> bytes:
    """The bulletin as a .docx in official-document layout."""
    doc = officialdoc.new_document()
    # As bulletins are printed: red masthead, issue, issuer left and date right, red rule, then the title.
    officialdoc.add_masthead(doc, content.masthead)
    officialdoc.add_issue_line(doc, content.issue_line)
    officialdoc.add_issue_line(doc, content.issuer, right=content.date_text)
    officialdoc.add_red_rule(doc)
    officialdoc.add_title(doc, title_lines(content.title))
    officialdoc.add_paragraph(doc, content.opening)
    for section in content.sections:
        officialdoc.add_heading(doc, section.heading, 1)
        for block, following in zip(section.blocks, section.blocks[1:] + [None]):
            if isinstance(block, Table):
                officialdoc.add_table(doc, block.header, block.rows, widths_mm=block.widths_mm,
                                      numeric_columns=block.numeric_columns, size=Pt(block.font_pt))
            elif isinstance(block, Subheading):
                officialdoc.add_heading(doc, block.text, 2)
            else:
                paragraph = officialdoc.add_paragraph(doc, block)
                # A line introducing a table never stays behind at the foot of a page.
                paragraph.paragraph_format.keep_with_next = isinstance(following, Table) or None
    # The issuer and date stand in the header, as bulletins print them, so no signature block repeats them.
    return officialdoc.to_bytes(doc)


# -- the archive -----------------------------------------------------------------------------------

def _scope_lookup(scope: Scope) -> dict:
    return {"plan_id": scope.pk} if scope.kind == "plan" else {"region_id": scope.pk}


def bulletins_of(scope: Scope):
    """Every office's bulletins of the scope (readers see those covering plans they may see)."""
    return Bulletin.objects.filter(scope_kind=scope.kind, **_scope_lookup(scope))


def publishing_office_id(scope: Scope, user) -> int | None:
    """Whose bulletin this is: a plan's is its office's, whoever clicks; a region's is the
    publisher's own office (none for a superuser without a unit)."""
    return scope.plans[0].office_id if scope.kind == "plan" else user.unit_id


def publish_bulletin(scope: Scope, month: datetime.date, user, today: datetime.date) -> Bulletin:
    """Generate the month's bulletin and archive it: the file, the row and its revision in
    one transaction.

    Only the publishing office's own bulletin of the month is looked for: a month it already
    published is regenerated as the next revision (same number, earlier revisions and their
    files kept, so what was sent can always be read again); another office's bulletin of the
    same region and month is never found, numbered against or overwritten. If anything fails
    before commit the new file is removed.
    """
    month = month_start(month)
    try:
        refuse_future_month(month, today)
    except FutureMonth as error:
        raise BulletinError(str(error)) from None
    if not may_publish_scope(user, scope):
        raise PermissionDenied("只有主办单位的管理员可以生成通报；区划的通报由本区划或上级的协作办公室生成")
    storage = Bulletin._meta.get_field("file").storage
    office_id = publishing_office_id(scope, user)
    new_name = None
    try:
        with transaction.atomic():
            # Serialises publications of one scope, so two clicks cannot take one number.
            if scope.kind == "plan":
                Plan.objects.select_for_update().filter(pk=scope.pk).first()
            else:
                Region.objects.select_for_update().filter(pk=scope.pk).first()
            own = bulletins_of(scope).filter(office_id=office_id)
            bulletin = own.filter(month=month).first()
            if bulletin is None:
                last = own.filter(year=month.year).aggregate(last=Max("number"))["last"]
                bulletin = Bulletin(scope_kind=scope.kind, month=month, year=month.year, number=(last or 0) + 1,
                                    office_id=office_id, created_by=user, revision=1, **_scope_lookup(scope))
            else:
                bulletin.revision += 1
            snapshot = build_snapshot(scope.plans, month, today)
            content = bulletin_content(snapshot, scope, number=bulletin.number, issued_on=today,
                                       funds=funds_summary(scope.plans, month, today),
                                       people=roster(scope.plans, snapshot.as_of),
                                       exchanges=pairings(scope.plans, snapshot.as_of))
            bulletin.title, bulletin.figures, bulletin.updated_by = content.title, content.figures, user
            bulletin.file.save(f"{scope.kind}-{scope.pk}-{month:%Y-%m}-r{bulletin.revision}.docx",
                               ContentFile(render_bulletin(content)), save=False)
            new_name = bulletin.file.name
            bulletin._change_reason = f"生成第{bulletin.revision}版"
            bulletin.save()
            BulletinRevision.objects.create(bulletin=bulletin, revision=bulletin.revision, title=bulletin.title,
                                            file=new_name, figures=bulletin.figures, created_by=user)
    except BaseException:
        if new_name:
            storage.delete(new_name)
        raise
    return bulletin


def download_name(bulletin: Bulletin, revision: BulletinRevision | None = None) -> str:
    if revision is None:
        return f"{bulletin.title}（{bulletin.issue_label}）.docx"
    return f"{revision.title}（{bulletin.issue_label}·{revision.label}）.docx"
