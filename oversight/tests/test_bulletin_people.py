"""The bulletin speaks of 选派人员 (in post by kind, field and sending unit; those short of the
6-month rule) and of 结对互访 (the year's exchanges by pairing, rules met or not) — read back from
the published .docx with python-docx; a scope without them keeps its parts."""

import datetime
import io

import docx
import pytest

from exchanges import services as exchange_services
from exchanges.tests.conftest import paired  # noqa: F401 (fixture)
from oversight.access import scope_for
from oversight.bulletin import bulletin_content, publish_bulletin
from oversight.bulletin_people import pairings, roster
from oversight.snapshot import build_snapshot
from oversight.tests.test_bulletin_funds import tables
from people import services as people_services
from people.models import Person

OCT = datetime.date(2026, 10, 1)
TODAY = datetime.date(2026, 10, 27)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _person(office, plan, unit, name, kind, field="", **dates):
    return people_services.do_create_person(office, plan=plan, sending_unit=unit, name=name, kind=kind, field=field,
                                            gender="female", phone="13805910001", **dates)


@pytest.fixture
def dispatched(work, paired):  # noqa: F811
    office, plan, units = work["people"]["office"], work["plan"], work["units"]
    d = datetime.date
    people = {
        "li": _person(office, plan, units["鼓东街道"], "李梅", Person.Kind.TALENT, Person.Field.MEDICAL,
                      arrived_on=d(2026, 3, 1), planned_return_on=d(2026, 12, 31)),
        "zhang": _person(office, plan, units["鼓西街道"], "张伟", Person.Kind.CADRE, arrived_on=d(2026, 1, 5)),
        # back after 4 months: short of 帮扶时限6个月以上
        "wang": _person(office, plan, units["鼓东街道"], "王芳", Person.Kind.TALENT, Person.Field.EDUCATION,
                        arrived_on=d(2026, 2, 1), returned_on=d(2026, 6, 15), status="early"),
        "zhao": _person(office, plan, units["鼓东街道"], "赵静", Person.Kind.TALENT, Person.Field.AGRICULTURE,
                        arrived_on=d(2026, 12, 1)),  # not yet arrived on the day
    }
    record = exchange_services.do_record_exchange
    record(paired["hongshan"], paired["towns"], date=d(2025, 11, 3), direction="to_helped", leader_name="林强",
           delegation_size=3, topic="去年的对接")  # another year: not counted
    record(paired["hongshan"], paired["towns"], date=d(2026, 4, 1), direction="to_helped", leader_name="林强",
           delegation_size=3, topic="产业对接")
    record(office, paired["county"], date=d(2026, 5, 10), direction="to_helped", leader_name="陈书记",
           leader_post="区委书记", is_principal=True, delegation_size=8, topic="工作对接")
    return people


def test_the_published_bulletin_states_people_and_exchanges(work, paired, dispatched):  # noqa: F811
    office = work["people"]["office"]
    bulletin = publish_bulletin(scope_for(office, "plan", work["plan"].pk), OCT, office, TODAY)
    document = docx.Document(io.BytesIO(bulletin.file.read()))
    text = [p.text for p in document.paragraphs]
    assert [t for t in text if t[:2] in {"四、", "五、", "六、", "七、"}] == [
        "四、选派人员", "五、结对互访", "六、预警指标", "七、下步工作要求"]
    assert ("截至2026年10月27日，在岗选派人员2人，其中党政挂职干部1人、专业技术人才1人（医疗1人）；"
            "已返回1人，其中提前返回1人。") in text
    by_unit = next(t for t in tables(document) if t[0][0] == "派出单位")
    assert by_unit[1:] == [["鼓东街道", "1", "1", "1"], ["鼓西街道", "1", "0", "0"]]  # 赵静 not yet counted
    assert "（一）不足6个月服务期限的人员" in text and "1人服务期限不足6个月：" in text
    short = next(t for t in tables(document) if t[0][:2] == ["序号", "姓名"])
    assert short[1:] == [["1", "王芳", "鼓东街道", "专业技术人才·教育", "2026-02-01到岗，2026-06-15返回，实际服务4个月，不足6个月"]]
    assert not any("1380591" in t for t in text) and not any("1380591" in c for t in tables(document)
                                                              for row in t for c in row)
    assert "2026年1月1日至2026年10月27日，2个结对关系开展互访交流2次；结对规则2项，已达到1项，未达到1项。" in text
    by_pairing = next(t for t in tables(document) if t[0][:2] == ["序号", "结对双方"])
    assert by_pairing[1:] == [
        ["1", "鼓楼区—隆德县", "县级", "1", "党委或政府主要负责同志赴结对县（区）开展工作对接：已1次，应至少1次，已达到"],
        ["2", "洪山镇—沙塘镇", "乡镇级", "1", "每个结对乡镇每年至少开展互访交流2次：已1次，应至少2次，未达到"]]
    stated = bulletin.figures
    assert stated["people"]["in_post"] == 2 and stated["people"]["by_kind"] == {"talent/medical": 1, "cadre": 1}
    assert stated["people"]["short"] == [{"person": dispatched["wang"].pk, "code": "service_short"}]
    assert stated["exchanges"]["pairings"] == [
        {"pairing": paired["county"].pk, "count": 1, "unmet": []},
        {"pairing": paired["towns"].pk, "count": 1, "unmet": ["town_twice"]}]


def test_a_scope_without_people_or_pairings_keeps_its_five_parts(work):
    snapshot = build_snapshot([work["plan"]], OCT, TODAY)
    assert roster([work["plan"]], snapshot.as_of) is None and pairings([work["plan"]], snapshot.as_of) is None
    office = work["people"]["office"]
    bulletin = publish_bulletin(scope_for(office, "plan", work["plan"].pk), OCT, office, TODAY)
    text = [p.text for p in docx.Document(io.BytesIO(bulletin.file.read())).paragraphs]
    assert [t for t in text if t[:2] in {"一、", "二、", "三、", "四、", "五、", "六、"}] == [
        "一、总体进展", "二、各单位完成情况", "三、报送情况", "四、预警指标", "五、下步工作要求"]
    assert "people" not in bulletin.figures and "exchanges" not in bulletin.figures
    content = bulletin_content(snapshot, scope_for(office, "plan", work["plan"].pk))
    assert [s.heading for s in content.sections][3:] == ["四、预警指标", "五、下步工作要求"]
