"""The sample data `make run` loads: complete, consistent where it should be,
and safe to load on every start."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from accounts.models import User
from accounts.roles import Role
from orgs.models import GroupMembership, Pairing, Region, Unit, UnitAlias
from orgs.services import expand_group, resolve_unit
from plans.breakdown import build_breakdown
from plans.models import Assignment, Plan, Target, Task
from samples.steps import BASE

MODELS = (Region, Unit, UnitAlias, GroupMembership, Pairing, Plan, Task, Assignment, Target, User)


def _load(*args):
    out = StringIO()
    call_command("load_sample_data", "--only", *BASE, *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def sample(db):
    _load("--user-password", "Sample-pass-2026")
    return Plan.objects.get(doc_number="鼓委振兴办〔2026〕1号")


def _counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_loading_twice_changes_nothing(sample):
    before = _counts()
    output = _load()
    assert _counts() == before
    assert "已存在的用户未改动密码" in output
    assert User.objects.get(username="gudong_reporter").check_password("Sample-pass-2026")


def test_district_plan_implements_the_city_plan(sample):
    assert sample.parent.doc_number == "榕委振兴组〔2026〕3号"
    linked = Task.objects.filter(plan=sample, upper_task__isnull=False)
    assert {t.upper_task.ref for t in linked} == {"18", "23", "8"}
    assert all(t.upper_task.plan_id == sample.parent_id for t in linked)


def _root(plan, metric):
    targets = Target.objects.filter(task__plan=plan, metric=metric).select_related("assignee")
    tasks = {t.task_id for t in targets if t.parent_id is None}
    (task_id,) = tasks
    roots = build_breakdown(Target.objects.filter(task_id=task_id))
    return next(node for node in roots if node.target.metric == metric)


def test_consumption_breakdown_leaves_2570_unassigned(sample):
    node = _root(sample, "消费帮扶销售额")
    assert node.target.total == Decimal("8500") and node.target.comparator == ">="
    assert node.remainder == Decimal("2570")


def test_specialist_breakdown_is_complete(sample):
    node = _root(sample, "选派专技人才")
    assert [(p.target.assignee.name, p.target.quantity) for p in node.parts] == [
        ("区教育局", 4), ("区卫健局", 4), ("区直有关部门", 3)]
    assert node.remainder == 0


def test_funding_carry_over_keeps_every_digit(sample):
    node = _root(sample, "社会帮扶资金")
    assert node.target.carried_over == Decimal("141.832")
    # Parts: 45 + 10 × 25.5 + street shortfalls 144.06 = 444.06 against 441.832.
    assert node.remainder == Decimal("-2.228")


def test_group_unit_and_alias_resolve_in_the_sample_registry(sample):
    gulou = Region.objects.get(name="鼓楼区")
    assert resolve_unit("区乡村振兴局", scope=gulou).unit.name == "区民政局"
    assert len(expand_group(resolve_unit("十街镇", scope=gulou).unit)) == 10


def test_pairings_include_a_led_group_of_helpers(sample):
    helpers = Pairing.objects.filter(helped__name="隆德县").order_by("role", "helper__name")
    assert [(p.helper.name, p.role) for p in helpers] == [
        ("闽侯县", "lead"), ("仓山区", "partner"), ("晋安区", "partner")]


def test_sample_users_have_their_roles(sample):
    assert User.objects.get(username="gudong_reporter").has_role(Role.REPORTER)
    assert User.objects.get(username="gulou_leader").has_role(Role.LEADER)


def test_every_target_can_be_traced_to_its_source(sample):
    untraced = Target.objects.filter(source_location="") | Target.objects.filter(printed_text="", parent=None)
    assert not untraced.exists()


def test_reload_keeps_a_plan_with_reports_and_says_so(sample):
    import datetime

    from reporting.models import ProgressReport, ReportingCycle

    cycle = ReportingCycle.objects.create(plan=sample, label="2026年5月", period_start=datetime.date(2026, 5, 1),
                                          period_end=datetime.date(2026, 5, 31), due_on=datetime.date(2026, 5, 25))
    task = sample.tasks.first()
    ProgressReport.objects.create(cycle=cycle, unit=task.assignments.first().unit, task=task, progress="已落实")
    # Someone's edit to the plan after the reports began must survive a restart too.
    Task.objects.filter(pk=task.pk).update(measures="办公室修改后的措施")
    tasks_before = set(Task.objects.values_list("pk", "upper_task_id"))

    output = _load()

    assert "《2026年鼓楼区闽宁协作任务分工方案》已有进度报告，保留原样" in output
    # The upper plan is kept as well: reloading it would cut the district tasks' links to it.
    assert "《2026年闽宁协作福州市重点工作任务分工方案》已有进度报告，保留原样" in output
    assert ProgressReport.objects.filter(progress="已落实", task=task).exists()
    assert set(Task.objects.values_list("pk", "upper_task_id")) == tasks_before
    assert Task.objects.get(pk=task.pk).measures == "办公室修改后的措施"


def test_reload_without_reports_replaces_the_tasks(sample):
    task = sample.tasks.first()
    Task.objects.filter(pk=task.pk).update(measures="会被样例数据覆盖")
    output = _load()
    assert "保留原样" not in output
    assert not Task.objects.filter(pk=task.pk).exists()
    assert Task.objects.get(plan=sample, list_name=task.list_name, ref=task.ref).measures != "会被样例数据覆盖"


def test_the_one_command_loads_everything_in_order_and_a_second_run_writes_nothing(db, settings, tmp_path):
    from exchanges.models import Exchange
    from issuance.models import PlanVersion, Receipt
    from people.models import AllowancePayment, Person
    from reporting.models import Evidence, ProgressReport, ReportEvent

    settings.MEDIA_ROOT = tmp_path
    rows = (*MODELS, ProgressReport, ReportEvent, Evidence, PlanVersion, Receipt, Person, AllowancePayment, Exchange)
    first = StringIO()
    call_command("load_sample_data", "--today", "2026-11-30", stdout=first)
    assert ReportEvent.objects.exists() and Evidence.objects.exists()
    assert PlanVersion.objects.get().plan.title == "2026年鼓楼区闽宁协作任务分工方案"
    assert Receipt.objects.filter(signed_at__isnull=False, unit__name="鼓东街道").exists()
    assert Person.objects.exists() and Exchange.objects.exists()
    text = first.getvalue()
    order = ["单位库：", "方案：", "用户：", "填报（截至2026-11-30）", "下达：《", "选派人员：", "互访交流："]
    assert [text.index(line) for line in order] == sorted(text.index(line) for line in order)
    before = {model.__name__: model.objects.count() for model in rows}
    files = sorted(path for path in tmp_path.rglob("*") if path.is_file())

    second = StringIO()
    call_command("load_sample_data", "--today", "2026-11-30", stdout=second)
    assert {model.__name__: model.objects.count() for model in rows} == before
    assert sorted(path for path in tmp_path.rglob("*") if path.is_file()) == files
    again = second.getvalue()
    assert "已有进度报告，保留原样" in again and "本次没有需要填写的报告" in again and "此前已下达" in again
    assert "选派人员：新增0人" in again and "互访交流：新增0次" in again


def test_only_runs_the_steps_asked_for(db):
    from issuance.models import PlanVersion
    from reporting.models import ProgressReport

    _load()
    assert Plan.objects.exists() and User.objects.filter(username="gulou_office").exists()
    assert not ProgressReport.objects.exists() and not PlanVersion.objects.exists()


def test_a_step_whose_data_is_missing_says_what_to_run(db):
    with pytest.raises(CommandError, match="找不到样例方案.*load_sample_data"):
        call_command("load_sample_data", "--only", "issuance", stdout=StringIO())
