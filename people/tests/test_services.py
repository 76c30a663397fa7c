"""The roster's services: a unit's name list read, diffed and applied in one transaction; the
6-month rule; targets counted from the roster; allowances; each change in the history."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from people import services
from people.counting import counted_people, roster_values
from people.models import Person, TargetRule, months_between
from people.rules import service_findings
from people.services import PeopleError
from people.tests.conftest import HEADERS, name_list, talent


def upload(actor, work, rows, unit="鼓东街道", filename="名单.xlsx", **kwargs):
    return services.do_upload_list(actor, plan=work["plan"], sending_unit=work["units"][unit],
                                   data=name_list(rows, **kwargs), filename=filename)


def test_months_between_counts_whole_months():
    assert months_between(datetime.date(2026, 3, 1), datetime.date(2026, 8, 31)) == 5
    assert months_between(datetime.date(2026, 3, 1), datetime.date(2026, 9, 1)) == 6
    assert months_between(datetime.date(2026, 3, 31), datetime.date(2026, 4, 30)) == 0


def test_a_unit_imports_its_list_after_a_dry_run(work):
    gudong = work["people"]["gudong"]
    pending = upload(gudong, work, [talent("李梅"), talent("王芳", phone="13805910002")])
    assert not Person.objects.exists()  # the dry run changes nothing
    diff = services.roster_diff(pending)
    assert [r["name"] for r in diff.added] == ["李梅", "王芳"] and not diff.changed and not diff.removed
    services.do_apply_list(gudong, pending)
    li = Person.objects.get(name="李梅")
    assert (li.sending_unit, li.office, li.plan) == (work["units"]["鼓东街道"], work["units"]["区民政局"], work["plan"])
    assert (li.kind, li.field, li.gender, li.arrived_on) == ("talent", "medical", "female", datetime.date(2026, 3, 1))
    record = li.history.get()
    assert (record.history_user, record.history_change_reason) == (gudong, "导入名单：名单.xlsx")


def test_a_second_list_shows_added_changed_and_removed(work):
    gudong = work["people"]["gudong"]
    services.do_apply_list(gudong, upload(gudong, work, [talent("李梅"), talent("王芳", phone="13805910002")]))
    second = upload(gudong, work, [talent("李梅", phone="13900000000"), talent("赵静", field="教育")])
    diff = services.roster_diff(second)
    assert [r["name"] for r in diff.added] == ["赵静"]
    assert [(c.person.name, c.fields) for c in diff.changed] == [("李梅", [("联系电话", "13805910001", "13900000000")])]
    assert [p.name for p in diff.removed] == ["王芳"]
    services.do_apply_list(gudong, second)
    assert sorted(Person.objects.values_list("name", flat=True)) == ["李梅", "赵静"]
    assert Person.objects.get(name="李梅").phone == "13900000000"
    with pytest.raises(PeopleError, match="已经导入过"):
        services.do_apply_list(gudong, second)


def test_another_batch_is_left_alone(work):
    gudong = work["people"]["gudong"]
    services.do_apply_list(gudong, upload(gudong, work, [talent("李梅")]))
    diff = services.roster_diff(upload(gudong, work, [talent("周军", batch="2026年第二批")]))
    assert [r["name"] for r in diff.added] == ["周军"] and not diff.removed


def test_file_errors_name_file_row_and_column(work):
    gudong = work["people"]["gudong"]
    rows = [talent("李梅", arrived="三月"), talent("王芳", field="航天"), talent("李梅"),
            ["", "男", "挂职人员", "", "", "", "", "", "", "", None, None, None, "在岗"]]
    with pytest.raises(PeopleError) as error:
        upload(gudong, work, rows, filename="鼓东名单.xlsx")
    assert error.value.errors == [
        "文件“鼓东名单.xlsx”第3行“到岗日期”列：无法识别日期“三月”，请写作2026-03-01",
        "文件“鼓东名单.xlsx”第4行“专业领域”列：“航天”不是专业领域，应为教育、医疗、农业、科技、商务、文旅、管理、其他之一",
        "文件“鼓东名单.xlsx”第5行“姓名”列：“李梅”与第3行重名（同一批次），请在姓名后注明区分",
        "文件“鼓东名单.xlsx”第6行“类别”列：“挂职人员”不是人员类别，应为党政挂职干部或专业技术人才",
        "文件“鼓东名单.xlsx”第6行“姓名”列：姓名不能为空",
    ]
    with pytest.raises(PeopleError, match="缺少“类别”列"):
        upload(gudong, work, [talent("李梅")[:1]], headers=["序号", "姓名"])
    with pytest.raises(PeopleError, match="不是Excel"):
        services.do_upload_list(gudong, plan=work["plan"], sending_unit=work["units"]["鼓东街道"],
                                data=b"not a workbook", filename="名单.xls")


def test_applying_is_all_or_nothing(work):
    gudong = work["people"]["gudong"]
    services.do_apply_list(gudong, upload(gudong, work, [talent("李梅")]))
    person = Person.objects.get(name="李梅")
    services.do_record_allowance(work["people"]["office"], person, month=datetime.date(2026, 4, 1),
                                 amount="3000", paid_on=datetime.date(2026, 4, 10))
    # 王芳 would be added, 李梅 removed; 李梅 has allowances, so nothing happens.
    with pytest.raises(PeopleError, match="李梅.*已有生活补助发放记录"):
        services.do_apply_list(gudong, upload(gudong, work, [talent("王芳")]))
    assert list(Person.objects.values_list("name", flat=True)) == ["李梅"]


def test_only_the_unit_or_its_office_submits(work):
    with pytest.raises(PermissionDenied):
        upload(work["people"]["guxi"], work, [talent("李梅")])  # 鼓西街道's reporter for 鼓东街道
    with pytest.raises(PermissionDenied):
        upload(work["people"]["leader"], work, [talent("李梅")])
    office = work["people"]["office"]
    services.do_apply_list(office, upload(office, work, [talent("李梅")]))
    assert Person.objects.get().sending_unit == work["units"]["鼓东街道"]


def test_six_month_rule_findings(work):
    gudong = work["people"]["gudong"]
    services.do_apply_list(gudong, upload(gudong, work, [
        talent("李梅"),
        talent("王芳", planned=datetime.date(2026, 6, 30)),
        talent("赵静", returned=datetime.date(2026, 5, 15), status="提前返回", planned=None),
        talent("周军", arrived=None, planned=None),
    ]))
    findings = {(f.person.name, f.severity, f.code): f.message
                for f in service_findings(Person.objects.all(), datetime.date(2026, 11, 20))}
    assert findings == {
        ("王芳", "警告", "plan_short"): "王芳计划服务3个月（2026-03-01至2026-06-30），不足6个月",
        ("赵静", "错误", "service_short"): "赵静2026-03-01到岗，2026-05-15返回，实际服务2个月，不足6个月",
        ("周军", "提示", "no_arrival"): "周军未填写到岗日期",
    }


def test_roster_counts_toward_a_target(work, dispatch):
    office, gudong = work["people"]["office"], work["people"]["gudong"]
    part = dispatch["parts"]["鼓东街道"]
    services.do_apply_list(gudong, upload(gudong, work, [
        talent("李梅"), talent("王芳", arrived=datetime.date(2026, 10, 8)), talent("赵静", arrived=datetime.date(2026, 12, 1)),
    ]))
    services.do_create_person(gudong, plan=work["plan"], sending_unit=work["units"]["鼓东街道"], name="陈刚",
                              kind=Person.Kind.CADRE, arrived_on=datetime.date(2026, 2, 1))
    rule = services.do_set_target_rule(office, part, kind=Person.Kind.TALENT)
    today = datetime.date(2026, 11, 20)
    assert [p.name for p in counted_people(rule, today)] == ["李梅", "王芳"]  # not the cadre, not December's
    months = [datetime.date(2026, m, 1) for m in (9, 10, 11)]
    values = roster_values([work["plan"].pk], months, today)
    assert [values[m][part.pk] for m in months] == [Decimal(1), Decimal(2), Decimal(2)]
    served = services.do_set_target_rule(office, part, kind=Person.Kind.TALENT, basis=TargetRule.Basis.SERVED, min_months=6)
    assert [p.name for p in counted_people(served, today)] == ["李梅"]
    assert served.history.latest().history_user == office
    with pytest.raises(PermissionDenied):
        services.do_set_target_rule(gudong, part)


def test_allowances_by_the_paying_unit(work, registry):
    gudong, office = work["people"]["gudong"], work["people"]["office"]
    services.do_apply_list(gudong, upload(gudong, work, [talent("李梅")]))
    person = Person.objects.get()
    with pytest.raises(PermissionDenied):
        services.do_record_allowance(gudong, person, month=datetime.date(2026, 4, 1), amount="3000",
                                     paid_on=datetime.date(2026, 4, 10))
    finance = work["units"]["区教育局"]  # standing in for 区财政局
    from reporting.tests.conftest import person as make_person
    from accounts.roles import Role
    payer = make_person("payer", finance, Role.REPORTER)
    services.do_update_person(office, person, allowance_unit=finance, reason="指定发放单位")
    person.refresh_from_db()
    payment = services.do_record_allowance(payer, person, month=datetime.date(2026, 4, 15), amount="3000.50",
                                           paid_on=datetime.date(2026, 4, 10))
    assert (payment.month, payment.amount, payment.paying_unit) == (datetime.date(2026, 4, 1), Decimal("3000.50"), finance)
    services.do_record_allowance(payer, person, month=datetime.date(2026, 4, 1), amount="3100",
                                 paid_on=datetime.date(2026, 4, 12), reason="更正金额")
    assert person.allowances.get().amount == Decimal("3100")
    assert person.allowances.get().history.latest().history_change_reason == "更正金额"
    with pytest.raises(PeopleError):
        services.do_record_allowance(payer, person, month=datetime.date(2026, 5, 1), amount="-1",
                                     paid_on=datetime.date(2026, 5, 10))


def test_template_headers_are_read(work):
    from people.roster_xlsx import TEMPLATE_HEADERS, read_roster, roster_template
    assert TEMPLATE_HEADERS == HEADERS
    rows = read_roster(roster_template(), "模板.xlsx")
    assert rows[0]["name"] == "张三" and rows[0]["arrived_on"] == "2026-03-01"


def test_merging_the_sending_unit_moves_its_people(work, dispatch):
    from orgs.models import Unit
    from registry.merge import do_merge_units

    office, gudong = work["people"]["office"], work["units"]["鼓东街道"]
    twin = Unit.objects.create(name="鼓东街道办事处", kind=gudong.kind, region=gudong.region, parent=gudong.parent)
    services.do_create_person(office, plan=work["plan"], sending_unit=twin, name="李四", kind=Person.Kind.TALENT, field=Person.Field.MEDICAL,
                              reason="补录")
    do_merge_units(office, gudong, twin, reason="同一单位重复录入")
    assert Person.objects.get(name="李四").sending_unit == gudong
