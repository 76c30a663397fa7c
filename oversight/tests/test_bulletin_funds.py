"""The bulletin speaks of 协作资金: planned, disbursed and spent by source with a 合计, and the
projects behind a 拨付率 milestone — read back from the published .docx with python-docx."""

import datetime
import io
from decimal import Decimal as D

import docx
import pytest

from funds.queries import funds_summary
from funds.tests.conftest import file_month, projects  # noqa: F401 (fixture)
from oversight.access import scope_for
from oversight.bulletin import bulletin_content, publish_bulletin
from oversight.snapshot import build_snapshot

OCT = datetime.date(2026, 10, 1)
TODAY = datetime.date(2026, 10, 27)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def filed(work, projects):  # noqa: F811
    people = work["people"]
    # 鼓东街道's project: 40 of 80 万元 财政援助资金 disbursed, 10 spent — its 9月30日 80% missed.
    file_month(people["gudong"], projects["own"], 9, {"fiscal": "40"}, {"fiscal": "10"})
    file_month(people["guxi"], projects["other_unit"], 10, {"social": "5"}, {"social": "2.5"})
    return projects


def tables(document) -> list[list[list[str]]]:
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]


def test_the_published_bulletin_states_funds_by_source_and_the_projects_behind(work, filed):
    office = work["people"]["office"]
    bulletin = publish_bulletin(scope_for(office, "plan", work["plan"].pk), OCT, office, TODAY)
    document = docx.Document(io.BytesIO(bulletin.file.read()))
    text = [p.text for p in document.paragraphs]
    assert [t for t in text if t[:2] in {"四、", "五、", "六、"}] == ["四、协作资金", "五、预警指标", "六、下步工作要求"]
    assert ("截至2026年10月27日，2个协作资金项目计划投资112.5万元，已拨付45万元（拨付率40.0%），"
            "已支出12.5万元（支出率11.1%）。") in text
    by_source = next(t for t in tables(document) if t[0][0] == "资金来源")
    assert by_source[1:] == [["财政援助资金", "80", "40", "50.0%", "10", "12.5%"],
                             ["社会帮扶资金", "12.5", "5", "40.0%", "2.5", "20.0%"],
                             ["地方配套", "20", "0", "0.0%", "0", "0.0%"],
                             ["合计", "112.5", "45", "40.0%", "12.5", "11.1%"]]
    assert "（一）未达节点要求的项目" in text and "1个项目未达资金节点要求：" in text
    behind = next(t for t in tables(document) if t[0][:2] == ["序号", "项目名称"] and "节点要求" in t[0])
    assert behind[1:] == [["1", "单家集村肉牛养殖基地", "鼓东街道", "9月30日前拨付率达到80%", "拨付率40.0%",
                           "红色预警·逾期未完成"]]
    stated = bulletin.figures["funds"]
    assert (D(stated["planned"]), D(stated["disbursed"]), D(stated["spent"])) == (D("112.5"), D(45), D("12.5"))
    assert stated["behind"] == [{"project": filed["own"].pk, "measure": "disbursed", "warning": "red"}]


def test_a_scope_without_projects_keeps_its_five_parts(work):
    snapshot = build_snapshot([work["plan"]], OCT, TODAY)
    assert funds_summary([work["plan"]], OCT, TODAY) is None
    content = bulletin_content(snapshot, scope_for(work["people"]["office"], "plan", work["plan"].pk), funds=None)
    assert [s.heading for s in content.sections] == ["一、总体进展", "二、各单位完成情况", "三、报送情况", "四、预警指标",
                                                     "五、下步工作要求"]
    assert "funds" not in content.figures
