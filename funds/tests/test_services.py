"""Projects and their monthly funds reports: each action one audited transaction, rights
checked by the action itself, bad input refused in Chinese naming the field."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from funds import queries, services
from funds.models import FundsFigure, FundsReport, Milestone, Project
from funds.services import FundsError
from funds.tests.conftest import D, cycle, file_month, make_project
from reporting.tests.conftest import person
from accounts.roles import Role


def test_a_project_is_created_with_its_funds_by_source_and_audited(work, projects):
    own = projects["own"]
    assert {f.source: f.planned for f in own.funds.all()} == {"fiscal": D(80), "local": D(20)}
    assert own.place == "西吉县兴隆镇单家集村"
    record = own.history.get()
    assert (record.history_user, record.history_change_reason) == (work["people"]["office"], "新增项目")
    assert own.funds.get(source="fiscal").history.get().history_user == work["people"]["office"]
    assert Milestone.history.get().history_change_reason == "设定资金进度节点"


def test_only_the_plans_office_admin_manages_projects(work, projects):
    units = work["units"]
    for who in ("reviewer", "gudong", "leader"):
        with pytest.raises(PermissionDenied):
            make_project(work["people"][who], work["plan"], units["鼓东街道"], "另一个项目", {"fiscal": "1"})
    foreign_admin = person("foreign_admin", units["仓山区民政局"], Role.OFFICE_ADMIN)
    with pytest.raises(PermissionDenied):
        services.do_update_project(foreign_admin, projects["own"], planned={"fiscal": "1"}, name="改名")
    assert Project.objects.count() == 2


def test_bad_input_is_refused_in_chinese_naming_the_field(work):
    office, unit = work["people"]["office"], work["units"]["鼓东街道"]
    cases = [({"fiscal": "八十"}, {}, "planned_fiscal", "财政援助资金计划投资应为数字"),
             ({"fiscal": "-1"}, {}, "planned_fiscal", "不能为负数"),
             ({"fiscal": "1.1234567"}, {}, "planned_fiscal", "最多保留6位小数"),
             ({}, {}, "planned_fiscal", "请至少填写一种资金来源"),
             ({"fiscal": "1"}, {"year": 2027}, "year", "不在方案年度"),
             ({"fiscal": "1"}, {"responsible_unit": work["units"]["仓山区民政局"]}, "responsible_unit", "责任单位")]
    for planned, fields, field, message in cases:
        with pytest.raises(FundsError) as error:
            make_project(office, work["plan"], fields.pop("responsible_unit", unit), "项目", planned, **fields)
        assert error.value.field == field and message in error.value.message
    assert not Project.objects.exists() and not Project.history.exists()


def test_changing_a_planned_amount_needs_a_reason_which_the_history_keeps(work, projects):
    office, own = work["people"]["office"], projects["own"]
    fields = {"name": own.name, "county": own.county, "town": own.town, "village": own.village, "kind": own.kind,
              "year": own.year, "responsible_unit": own.responsible_unit, "note": ""}
    with pytest.raises(FundsError, match="调整计划投资请填写修改原因"):
        services.do_update_project(office, own, planned={"fiscal": "90", "local": "20"}, **fields)
    services.do_update_project(office, own, planned={"fiscal": "90", "local": "20"}, reason="追加财政援助资金", **fields)
    fund = own.funds.get(source="fiscal")
    assert fund.planned == D(90)
    assert fund.history.first().history_change_reason == "追加财政援助资金"


def test_the_unit_files_and_submits_its_month_and_it_counts(work, projects):
    gudong, own = work["people"]["gudong"], projects["own"]
    report = file_month(gudong, own, 8, {"fiscal": 56, "local": 14}, {"fiscal": 30}, submit=False)
    row = queries.project_rows([own], datetime.date(2026, 8, 25))[0]
    assert row.report is None and row.disbursed == 0  # a draft does not count
    services.do_submit_funds_report(gudong, report, today=datetime.date(2026, 8, 26))
    report.refresh_from_db()
    assert report.status == "submitted" and report.submitted_late  # after the 25th, marked, not refused
    row = queries.project_rows([own], datetime.date(2026, 8, 25))[0]
    assert (row.planned, row.disbursed, row.spent) == (D(100), D(70), D(30))
    assert (row.disbursed_rate, row.spent_rate) == (D("0.7"), D("0.3"))
    assert row.lights["disbursed"].light == "green" and row.lights["spent"] is None
    assert report.history.first().history_change_reason == "提交资金月报"
    with pytest.raises(FundsError, match="已提交，不能修改"):
        file_month(gudong, own, 8, {"fiscal": 60})
    # A month not reported keeps the last one's figures; the light turns once September has passed.
    later = queries.project_rows([own], datetime.date(2026, 10, 8))[0]
    assert later.disbursed == D(70) and later.report == report
    assert (later.lights["disbursed"].light, later.lights["disbursed"].warning) == ("red", "red")


def test_figures_are_checked_against_the_plan_and_each_other(work, projects):
    gudong, own = work["people"]["gudong"], projects["own"]
    with pytest.raises(FundsError) as error:
        file_month(gudong, own, 9, {"fiscal": 81})
    assert error.value.field == "disbursed_fiscal" and "超过计划投资80万元" in error.value.message
    with pytest.raises(FundsError) as error:
        file_month(gudong, own, 9, {"fiscal": 10}, {"fiscal": 11})
    assert error.value.field == "spent_fiscal" and "累计支出11万元，超过累计拨付10万元" in error.value.message
    with pytest.raises(FundsError, match="应为数字"):
        services.do_save_funds_report(gudong, own, cycle(own.plan, 9), figures={"fiscal": ("x", "")},
                                      progress="building", poor_people=0, farmers_linked=0)
    with pytest.raises(FundsError, match="带动脱贫人口应为不小于0的整数"):
        services.do_save_funds_report(gudong, own, cycle(own.plan, 9), figures={"fiscal": ("1", "")},
                                      progress="building", poor_people="-3", farmers_linked=0)
    assert not FundsReport.objects.exists() and not FundsFigure.objects.exists()


def test_only_the_responsible_unit_files(work, projects):
    for who in ("guxi", "office", "reviewer"):
        with pytest.raises(PermissionDenied):
            file_month(work["people"][who], projects["own"], 9, {"fiscal": 1})
    with pytest.raises(PermissionDenied):
        file_month(work["people"]["gudong"], projects["other_unit"], 9, {"social": 1})


def test_submitting_needs_figures_and_evidence_is_checked_by_its_bytes(work, projects, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    gudong, own = work["people"]["gudong"], projects["own"]
    report = FundsReport.objects.create(project=own, cycle=cycle(own.plan, 10))
    with pytest.raises(FundsError, match="请先填写并保存"):
        services.do_submit_funds_report(gudong, report, today=datetime.date(2026, 10, 20))
    with pytest.raises(FundsError, match="可执行程序"):
        services.do_add_funds_evidence(gudong, report, name="凭证.pdf", data=b"MZ\x90\x00" + b"\x00" * 64)
    evidence = services.do_add_funds_evidence(gudong, report, name="拨付凭证.pdf", data=b"%PDF-1.4\n%voucher\n")
    assert (evidence.original_name, evidence.content_type) == ("拨付凭证.pdf", "application/pdf")
    assert evidence.history.get().history_user == gudong
    with pytest.raises(FundsError, match="已上传过"):
        services.do_add_funds_evidence(gudong, report, name="again.pdf", data=b"%PDF-1.4\n%voucher\n")
    assert report.evidence.count() == 1


def test_a_month_outside_the_projects_year_or_plan_is_refused(work, projects):
    from reporting import services as reporting
    from plans.models import Plan
    other = Plan.objects.create(title="另一方案", year=2026, kind=work["plan"].kind, office=work["plan"].office)
    reporting.open_cycles(datetime.date(2026, 3, 10), [other])
    with pytest.raises(FundsError, match="不属于本项目所在方案"):
        services.do_save_funds_report(work["people"]["gudong"], projects["own"], cycle(other, 3),
                                      figures={}, progress="building", poor_people=0, farmers_linked=0)


def test_the_office_returns_a_submitted_month_with_a_reason_and_the_unit_corrects_it(work, projects):
    gudong, own = work["people"]["gudong"], projects["own"]
    report = file_month(gudong, own, 9, {"fiscal": "60"})
    for who in ("gudong", "leader"):
        with pytest.raises(PermissionDenied):
            services.do_return_funds_report(work["people"][who], report, reason="数字有误")
    with pytest.raises(FundsError, match="请填写退回原因"):
        services.do_return_funds_report(work["people"]["reviewer"], report, reason=" ")
    services.do_return_funds_report(work["people"]["reviewer"], report, reason="拨付数与凭证不符")
    report.refresh_from_db()
    assert report.status == "draft" and report.history.first().history_change_reason == "退回：拨付数与凭证不符"
    assert queries.project_rows([own], datetime.date(2026, 9, 20))[0].report is None  # counts no more
    file_month(gudong, own, 9, {"fiscal": "58"})
    assert queries.project_rows([own], datetime.date(2026, 9, 20))[0].disbursed == D(58)
    with pytest.raises(FundsError, match="尚未提交"):
        services.do_return_funds_report(work["people"]["office"], FundsReport.objects.create(
            project=own, cycle=cycle(own.plan, 10)), reason="x")
