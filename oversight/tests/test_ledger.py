"""The 工作台账 .xlsx: what it shows, checked cell by cell against the database,
and that importing it back into its plan changes nothing."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from orgs.models import Region
from samples.registry import load_registry
from oversight.ledger import ledger_title, write_ledger
from plans.importing import parse_upload
from plans.importing.diff import diff_plan, saved_target_signature
from plans.importing.matching import Status, match_units, printed_unit_names
from plans.importing.saving import save_plan
from plans.models import Assignment, Plan, Target, Task
from samples.plans import load_plans
from reporting.models import ProgressReport, ReportedFigure, ReportingCycle

JAN, FEB, MAR = datetime.date(2026, 1, 1), datetime.date(2026, 2, 1), datetime.date(2026, 3, 1)
MONTHS = [("2026年1月", JAN), ("2026年2月", FEB), ("2026年3月", MAR)]
SITE = "https://xiezuo.example.gov.cn/"


# --- reading a ledger back ------------------------------------------------------

def open_book(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


def header_row(sheet) -> int:
    return next(r for r in range(1, 6) if sheet.cell(r, 1).value == "序号")


def columns(sheet) -> dict[str, int]:
    row = header_row(sheet)
    return {sheet.cell(row, c).value: c for c in range(1, sheet.max_column + 1)}


def task_blocks(sheet) -> dict[str, list[int]]:
    """Task number → the sheet rows under it (序号 is merged over them)."""
    blocks: dict[str, list[int]] = {}
    first = header_row(sheet) + 1
    spans = {m.min_row: m.max_row for m in sheet.merged_cells.ranges if m.min_col == m.max_col == 1}
    row = first
    while row <= sheet.max_row:
        ref = sheet.cell(row, 1).value
        assert ref is not None, f"row {row} has no task number and is not merged under one"
        last = spans.get(row, row)
        blocks[str(ref)] = list(range(row, last + 1))
        row = last + 1
    return blocks


def decimal_of(cell) -> Decimal | None:
    """The cell's number as the Decimal it stands for: repr() is the shortest exact form."""
    if cell.value is None:
        return None
    return Decimal(repr(cell.value)) if isinstance(cell.value, float) else Decimal(cell.value)


def import_back(data: bytes, plan: Plan, scope: Region):
    """What `import_plan 台账.xlsx --plan ID` computes before it asks to save."""
    plan_json = parse_upload(data, "工作台账.xlsx", scope)
    return plan_json, diff_plan(plan_json, plan), match_units(printed_unit_names(plan_json), scope)


def assert_nothing_changes(data: bytes, plan: Plan, scope: Region):
    plan_json, diff, matches = import_back(data, plan, scope)
    described = [(t.label, [(c.label, c.old, c.new) for c in t.changes]) for t in diff.changed]
    assert (diff.added, diff.removed, described, diff.plan_changes) == ([], [], [], []), described
    assert diff.is_empty and diff.unchanged == plan.tasks.count()
    assert all(m.status in Status.RESOLVED for m in matches.values()), [
        (m.printed, m.status) for m in matches.values() if m.status not in Status.RESOLVED]
    return plan_json


def database_state(plan: Plan):
    """Everything a re-import could change, by primary key."""
    tasks = {t.pk: (t.list_name, t.ref, t.position, t.category, t.text, t.measures, t.deadline, t.deadline_text,
                    t.optional, t.score, t.evidence_required, t.source_location, t.source_text)
             for t in plan.tasks.all()}
    assignments = sorted((a.task_id, a.role, a.position, a.unit_id, a.printed_name or a.unit.name)
                         for a in Assignment.objects.filter(task__plan=plan).select_related("unit"))
    targets = {t.pk: (t.task_id, t.position, t.parent_id, t.printed_text, t.source_location, saved_target_signature(t))
               for t in Target.objects.filter(task__plan=plan).select_related("assignee")}
    return tasks, assignments, targets


# --- a plan built here ----------------------------------------------------------

@pytest.fixture
def plan(registry):
    units = registry["units"]
    plan = Plan.objects.create(title="2026年鼓楼区闽宁协作任务分工方案", year=2026, kind="east_west",
                               office=units["区民政局"])

    def task(list_name, ref, position, **fields):
        leads = fields.pop("leads", [])
        partners = fields.pop("partners", [])
        created = Task.objects.create(plan=plan, list_name=list_name, ref=ref, position=position, **fields)
        for role, names in ((Assignment.Role.LEAD, leads), (Assignment.Role.PARTNER, partners)):
            for index, (unit, printed) in enumerate(names, start=1):
                Assignment.objects.create(task=created, unit=units[unit], role=role, position=index,
                                          printed_name=printed)
        return created

    funds = task("附件1", "1", 1, category="资金支持", text="落实社会帮扶资金。",
                 measures="鼓楼区2026年社会帮扶资金任务300万元及2025年社会帮扶资金缺口141.832万元。",
                 deadline_text="12月底前", deadline=datetime.date(2026, 12, 31), score=Decimal("10.5"),
                 evidence_required="提供捐赠凭证和银行回单。", source_location="附件1 第2行",
                 source_text="1 | 资金支持 | 落实社会帮扶资金。 | 区乡村振兴局",
                 leads=[("区民政局", "区乡村振兴局")], partners=[("三街镇", ""), ("区教育局", "")])
    training = task("附件1", "2", 2, text="举办劳务技能培训班，培训农村劳动力。", deadline_text="持续推进",
                    leads=[("区教育局", "")])
    meeting = task("附件1", "3", 3, category="组织领导", text="召开闽宁协作工作会议。", deadline_text="全年",
                   deadline=datetime.date(2026, 12, 31), leads=[("鼓楼区", "鼓楼区区委、政府")])
    visit = task("附件2", "1", 4, category="调研互访", text="双方党政主要领导开展互访调研。",
                 deadline_text="根据市级工作文件要求安排", leads=[("区民政局", "")])

    def target(task, position, metric, quantity, unit, **fields):
        return Target.objects.create(task=task, position=position, metric=metric, quantity=Decimal(quantity),
                                     unit=unit, source_location=task.source_location, **fields)

    total = target(funds, 1, "社会帮扶资金", "300", "万元", assignee=units["鼓楼区"], carried_over=Decimal("141.832"),
                   printed_text="300万元及2025年社会帮扶资金缺口141.832万元")
    gudong = target(funds, 2, "社会帮扶资金", "25.5", "万元", assignee=units["鼓东街道"], parent=total,
                    carried_over=Decimal("20.7"), printed_text="25.5万元")
    target(funds, 3, "社会帮扶资金", "12.345678", "万元", assignee=units["鼓西街道"], parent=total)
    target(funds, 4, "社会帮扶资金", "123456789.123456", "万元", assignee=units["洪山镇"], parent=total)
    target(funds, 5, "社会帮扶资金", "0.000001", "万元", assignee=units["区教育局"], parent=gudong)
    target(training, 1, "劳务技能培训", "2", "期", comparator=">=", max_quantity=Decimal(3), per="year")
    target(training, 2, "培训人数", "100", "人", comparator=">=", assignee=units["区教育局"])
    return {"plan": plan, "scope": registry["regions"]["gulou"], "tasks": (funds, training, meeting, visit)}


def targets_of(task: Task) -> list[Target]:
    return list(task.targets.order_by("position"))


@pytest.fixture
def figures(plan):
    funds, training, _, _ = plan["tasks"]
    total, gudong, guxi, hongshan, deep = targets_of(funds)
    return {
        total.pk: {JAN: Decimal("100"), MAR: Decimal("250.5")},  # February not reported: left blank
        gudong.pk: {JAN: Decimal("10"), FEB: Decimal("20.123456"), MAR: Decimal("30")},
        guxi.pk: {MAR: Decimal("12.345678")},
        hongshan.pk: {MAR: Decimal("123456789.123456")},
        targets_of(training)[1].pk: {FEB: Decimal("40"), MAR: Decimal("60")},
    }


@pytest.fixture
def evidence(plan):
    funds, _, meeting, _ = plan["tasks"]
    return {
        funds.pk: [("捐赠凭证.pdf", "/reporting/evidence/7/"), ("福州日报报道", "https://news.example.cn/a.html")],
        meeting.pk: [("会议通知", "/reporting/evidence/8/"), ("会议照片", "/reporting/evidence/9/"),
                     ('=HYPERLINK("http://evil.example")', "/reporting/evidence/10/")],
    }


@pytest.fixture
def ledger(plan, figures, evidence):
    return write_ledger(plan["plan"], MONTHS, figures, evidence, base_url=SITE)


def test_one_sheet_per_list_with_the_list_above_the_title(plan, ledger):
    book = open_book(ledger)
    assert book.sheetnames == ["附件1", "附件2"]
    sheet = book["附件1"]
    assert sheet["A1"].value == "附件1"
    assert sheet["A2"].value == "2026年鼓楼区闽宁协作任务分工方案工作台账"
    last = openpyxl.utils.get_column_letter(sheet.max_column)
    assert f"A2:{last}2" in {str(m) for m in sheet.merged_cells.ranges}


def test_header_has_the_source_columns_then_targets_months_and_evidence(ledger):
    book = open_book(ledger)
    assert list(columns(book["附件1"])) == [
        "序号", "类别", "任务内容", "落实措施", "牵头单位", "责任单位（配合）", "完成时限", "分值", "考核要求",
        "原文位置", "指标编号", "指标", "承担单位", "目标值", "计量单位", "比较", "上限", "周期", "其中上年结转",
        "1月累计", "2月累计", "3月累计", "佐证材料",
    ]
    # 附件2 has no measures, scores, requirements or source rows, and no targets with ≥, ranges, periods
    # or carry-over.
    assert list(columns(book["附件2"])) == [
        "序号", "类别", "任务内容", "牵头单位", "责任单位（配合）", "完成时限",
        "指标编号", "指标", "承担单位", "目标值", "计量单位", "1月累计", "2月累计", "3月累计", "佐证材料",
    ]


def test_every_task_and_target_with_its_figures(plan, figures, ledger):
    sheet = open_book(ledger)["附件1"]
    col = columns(sheet)
    blocks = task_blocks(sheet)
    assert list(blocks) == ["1", "2", "3"]
    funds, training, meeting, _ = plan["tasks"]

    first = blocks["1"][0]
    cell = lambda name, row=first: sheet.cell(row, col[name]).value  # noqa: E731
    assert (cell("类别"), cell("任务内容"), cell("落实措施")) == (funds.category, funds.text, funds.measures)
    assert (cell("牵头单位"), cell("责任单位（配合）")) == ("区乡村振兴局", "三街镇\n区教育局")  # as printed
    assert (cell("完成时限"), cell("分值"), cell("考核要求")) == ("12月底前", 10.5, "提供捐赠凭证和银行回单。")

    for task in (funds, training):
        rows = blocks[task.ref]
        assert len(rows) == task.targets.count()  # one row a target (funds: 5 targets, 2 links)
        for row, target in zip(rows, targets_of(task)):
            value = lambda name: sheet.cell(row, col[name])  # noqa: E731
            assert value("指标").value == target.metric
            assert value("承担单位").value == (target.assignee.name if target.assignee else None)
            assert decimal_of(value("目标值")) == target.total
            assert value("计量单位").value == target.unit
            assert decimal_of(value("其中上年结转")) == target.carried_over
            for label, month in MONTHS:
                assert decimal_of(value(f"{month.month}月累计")) == figures.get(target.pk, {}).get(month), (target, label)
    total, gudong, guxi, hongshan, deep = targets_of(funds)
    codes = [sheet.cell(row, col["指标编号"]).value for row in blocks["1"]]
    assert codes == ["1", "1.1", "1.2", "1.3", "1.1.1"]  # in saved order; 1.1.1 is a part of 鼓东街道's 25.5
    assert decimal_of(sheet.cell(blocks["1"][0], col["目标值"])) == Decimal("441.832")  # 300 + 141.832 carried over
    period = blocks["2"][0]
    assert [sheet.cell(period, col[name]).value for name in ("比较", "上限", "周期")] == ["≥", 3, "每年"]
    assert sheet.cell(blocks["3"][0], col["指标"]).value is None  # a task without targets


def test_six_decimal_values_survive_the_file(plan, ledger):
    sheet = open_book(ledger)["附件1"]
    col = columns(sheet)
    rows = task_blocks(sheet)["1"]
    shown = [decimal_of(sheet.cell(row, col["目标值"])) for row in rows]
    assert shown == [Decimal("441.832"), Decimal("46.2"), Decimal("12.345678"), Decimal("123456789.123456"),
                     Decimal("0.000001")]
    assert decimal_of(sheet.cell(rows[1], col["2月累计"])) == Decimal("20.123456")
    assert decimal_of(sheet.cell(rows[3], col["3月累计"])) == Decimal("123456789.123456")


def test_task_cells_are_merged_over_the_task_rows(ledger):
    sheet = open_book(ledger)["附件1"]
    col = columns(sheet)
    blocks = task_blocks(sheet)
    task_columns = [col[name] for name in ("序号", "类别", "任务内容", "落实措施", "牵头单位", "责任单位（配合）",
                                           "完成时限", "分值", "考核要求", "原文位置")]
    merged = {(m.min_col, m.max_col, m.min_row, m.max_row) for m in sheet.merged_cells.ranges}
    below_title = {m for m in merged if m[2] > 2}
    expected = {(c, c, rows[0], rows[-1]) for rows in blocks.values() if len(rows) > 1 for c in task_columns}
    assert below_title == expected  # target, month and evidence cells are never merged


def test_evidence_links_one_per_row_more_rows_where_they_outnumber_the_targets(plan, ledger):
    sheet = open_book(ledger)["附件1"]
    col = columns(sheet)
    blocks = task_blocks(sheet)
    links = lambda ref: [(sheet.cell(r, col["佐证材料"]).value,  # noqa: E731
                          sheet.cell(r, col["佐证材料"]).hyperlink.target if sheet.cell(r, col["佐证材料"]).hyperlink else None)
                         for r in blocks[ref]]
    assert links("1")[:2] == [("捐赠凭证.pdf", SITE + "reporting/evidence/7/"),
                              ("福州日报报道", "https://news.example.cn/a.html")]
    assert links("1")[2:] == [(None, None)] * 3
    assert len(blocks["3"]) == 3  # no targets, three links
    assert links("3") == [("会议通知", SITE + "reporting/evidence/8/"), ("会议照片", SITE + "reporting/evidence/9/"),
                          ('=HYPERLINK("http://evil.example")', SITE + "reporting/evidence/10/")]
    # A caption that looks like a formula stays text: no one's ledger runs what a reporter typed.
    injected = sheet.cell(blocks["3"][2], col["佐证材料"])
    assert injected.data_type == "s"
    assert sheet.cell(blocks["3"][0], col["佐证材料"]).font.underline == "single"


def test_relative_links_stay_relative_without_a_site(plan, figures, evidence):
    sheet = open_book(write_ledger(plan["plan"], MONTHS, figures, evidence))["附件1"]
    col = columns(sheet)
    assert sheet.cell(task_blocks(sheet)["1"][0], col["佐证材料"]).hyperlink.target == "/reporting/evidence/7/"


def test_frozen_header_filter_formats_widths_and_fonts(plan, ledger):
    sheet = open_book(ledger)["附件1"]
    col = columns(sheet)
    blocks = task_blocks(sheet)
    assert sheet.freeze_panes == "A4"  # below the header (row 3)
    last = openpyxl.utils.get_column_letter(sheet.max_column)
    assert sheet.auto_filter.ref == f"A3:{last}{blocks['3'][-1]}"
    funds_rows, training_rows = blocks["1"], blocks["2"]
    fmt = lambda row, name: sheet.cell(row, col[name]).number_format  # noqa: E731
    assert fmt(funds_rows[1], "目标值") == "#,##0.00"  # 46.2万元
    assert fmt(funds_rows[1], "1月累计") == "#,##0.00"
    # More places than two are shown, not rounded away on screen.
    assert fmt(funds_rows[0], "目标值") == "#,##0.00####"  # 441.832万元
    assert fmt(training_rows[1], "目标值") == "0"  # 100人
    assert fmt(training_rows[1], "3月累计") == "0"
    assert sheet.column_dimensions["C"].width == 40 and sheet.column_dimensions["A"].width == 6
    text = sheet.cell(funds_rows[0], col["任务内容"])
    assert text.alignment.wrap_text and text.font.name == "仿宋"
    assert sheet.cell(3, 1).font.name == "宋体" and sheet.cell(3, 1).font.b
    assert sheet["A2"].font.name == "宋体"
    assert sheet.row_dimensions[funds_rows[0]].height > 15  # heights set for the wrapped text


def test_month_columns_name_the_year_when_months_cross_one(plan):
    months = [("2025年12月", datetime.date(2025, 12, 1)), ("2026年1月", JAN)]
    sheet = open_book(write_ledger(plan["plan"], months, {}, {}))["附件2"]
    assert [h for h in columns(sheet) if h.endswith("累计")] == ["2025年12月累计", "2026年1月累计"]


def test_title_states_the_plan_year_when_the_plan_title_does_not(plan):
    plan["plan"].title = "鼓楼区闽宁协作任务分工方案"
    assert ledger_title(plan["plan"]) == "2026年度鼓楼区闽宁协作任务分工方案工作台账"
    plan["plan"].title = "2025年鼓楼区闽宁协作任务分工方案"  # a plan carried into 2026
    assert ledger_title(plan["plan"]).startswith("2026年度2025年")


def test_reimporting_the_ledger_changes_nothing(plan, ledger):
    plan_json = assert_nothing_changes(ledger, plan["plan"], plan["scope"])
    funds = next(t for t in plan_json["tasks"] if (t["list"], t["ref"]) == ("附件1", "1"))
    # The breakdown tree comes back too (not part of the diff, but saving keeps it).
    assert [t.get("part_of") for t in funds["targets"]] == [None, 0, 0, 0, 1]


def test_saving_the_reimported_ledger_keeps_every_row_and_reported_figure(plan, ledger):
    funds = plan["tasks"][0]
    cycle = ReportingCycle.objects.create(plan=plan["plan"], label="2026年3月", period_start=MAR,
                                          period_end=datetime.date(2026, 3, 31), due_on=datetime.date(2026, 3, 25))
    report = ProgressReport.objects.create(cycle=cycle, unit=plan["plan"].office, task=funds)
    figure = ReportedFigure.objects.create(report=report, target=targets_of(funds)[1], cumulative_value=Decimal("3.5"))
    before = database_state(plan["plan"])
    plan_json = assert_nothing_changes(ledger, plan["plan"], plan["scope"])

    save_plan(plan_json, {}, user=None, scope=plan["scope"], existing=plan["plan"])

    assert database_state(plan["plan"]) == before  # same tasks, targets (and their tree), printed wording
    assert ReportedFigure.objects.filter(pk=figure.pk, target=targets_of(funds)[1]).exists()


def test_the_reporting_plan_round_trips(work):
    """The workflow's own plan: a total split among three streets, reported through 我的填报."""
    plan, task = work["plan"], work["task"]
    total = task.targets.get(parent=None)
    november = datetime.date(2026, 11, 1)
    data = write_ledger(plan, [("2026年11月", november)], {total.pk: {november: Decimal("30")}}, {})
    sheet = open_book(data)["工作台账"]
    col = columns(sheet)
    rows = task_blocks(sheet)["1"]
    assert [sheet.cell(r, col["承担单位"]).value for r in rows] == [None, "鼓东街道", "鼓西街道", "洪山镇"]
    assert decimal_of(sheet.cell(rows[0], col["11月累计"])) == Decimal("30")
    assert_nothing_changes(data, plan, work["units"]["区民政局"].region)


def test_reads_the_plan_in_three_queries_however_many_tasks(plan, figures, evidence, django_assert_num_queries):
    with django_assert_num_queries(3):  # tasks, their assignments with units, their targets with assignees
        write_ledger(plan["plan"], MONTHS, figures, evidence)


def test_plan_without_tasks_gives_an_empty_ledger(registry):
    plan = Plan.objects.create(title="2026年空方案", year=2026, kind="east_west")
    book = open_book(write_ledger(plan, MONTHS, {}, {}))
    assert book.sheetnames == ["工作台账"]
    assert book["工作台账"]["A1"].value == "2026年空方案工作台账"


# --- the sample plans ----------------------------------------------------------

@pytest.fixture
def sample_plans(db):
    load_registry()
    load_plans()
    return list(Plan.objects.order_by("pk"))


def sample_figures(plan: Plan) -> dict:
    """A figure for every target in every month but February, growing month by month, six places in some."""
    figures = {}
    for index, target in enumerate(Target.objects.filter(task__plan=plan).order_by("pk"), start=1):
        step = target.total / 4 if target.unit == Target.MONEY_UNIT else Decimal(index % 5)
        figures[target.pk] = {JAN: step.quantize(Decimal("0.000001")), MAR: (step * 2 + Decimal("0.000001") * index)}
    return figures


def scope_of(plan: Plan) -> Region:
    region = plan.office.region
    while region.level > Region.Level.COUNTY:
        region = region.parent
    return region


@pytest.mark.parametrize("doc_number", ["榕委振兴组〔2026〕3号", "鼓委振兴办〔2026〕1号"])
def test_sample_plan_ledger_shows_every_task_and_target(sample_plans, doc_number):
    plan = Plan.objects.get(doc_number=doc_number)
    figures = sample_figures(plan)
    book = open_book(write_ledger(plan, MONTHS, figures, {}))
    seen_tasks, seen_targets = set(), {}
    for sheet in book.worksheets:
        col = columns(sheet)
        for ref, rows in task_blocks(sheet).items():
            task = Task.objects.get(plan=plan, list_name=sheet.title, ref=ref)
            seen_tasks.add(task.pk)
            assert sheet.cell(rows[0], col["任务内容"]).value == (task.text or None)
            for row, target in zip(rows, targets_of(task)):
                cells = {name: sheet.cell(row, col[name]) for name in col}
                seen_targets[target.pk] = (
                    cells["指标"].value, cells["承担单位"].value, decimal_of(cells["目标值"]), cells["计量单位"].value,
                    [decimal_of(cells[f"{m.month}月累计"]) for _, m in MONTHS],
                )
    assert seen_tasks == set(plan.tasks.values_list("pk", flat=True))
    expected = {
        t.pk: (t.metric, t.assignee_printed or (t.assignee.name if t.assignee else None), t.total, t.unit,
               [figures[t.pk].get(m) for _, m in MONTHS])
        for t in Target.objects.filter(task__plan=plan).select_related("assignee")
    }
    assert seen_targets == expected
    assert len(expected) > 10


@pytest.mark.parametrize("doc_number", ["榕委振兴组〔2026〕3号", "鼓委振兴办〔2026〕1号"])
def test_sample_plan_ledger_reimports_with_an_empty_diff(sample_plans, doc_number):
    plan = Plan.objects.get(doc_number=doc_number)
    evidence = {task.pk: [("照片", f"/reporting/evidence/{task.pk}/")] for task in plan.tasks.all()}
    data = write_ledger(plan, MONTHS, sample_figures(plan), evidence, base_url=SITE)
    before = database_state(plan)
    plan_json = assert_nothing_changes(data, plan, scope_of(plan))

    save_plan(plan_json, {}, user=None, scope=scope_of(plan), existing=plan)

    assert database_state(plan) == before
    # …and the ledger of the saved plan is the same ledger.
    assert assert_nothing_changes(write_ledger(plan, MONTHS, sample_figures(plan), evidence, base_url=SITE),
                                  plan, scope_of(plan)) == plan_json


def test_import_plan_command_shows_nothing_to_change(sample_plans, tmp_path):
    plan = Plan.objects.get(doc_number="鼓委振兴办〔2026〕1号")
    path = tmp_path / "鼓楼区工作台账.xlsx"
    path.write_bytes(write_ledger(plan, MONTHS, sample_figures(plan), {}))
    out = io.StringIO()
    with pytest.raises(CommandError, match="须加 --yes"):  # a dry run: shown, not saved
        call_command("import_plan", str(path), "--plan", str(plan.pk), "--scope", "鼓楼区", stdout=out)
    assert f"将按任务序号更新：新增 0 项，修改 0 项，删除 0 项，不变 {plan.tasks.count()} 项" in out.getvalue()
    assert "近似 0 个，对应多个单位 0 个，未登记 0 个" in out.getvalue()  # every printed unit known
