"""The document's own number, date and year, as documents and web pages print them.

Every example is written here for the rule it tests; none is copied from the corpus.
"""

import pytest

from intake.document import Document, Paragraph
from intake.interpret.facts import extract_facts


def facts(*lines: str) -> dict:
    return extract_facts(Document(name="x.txt", kind="txt", blocks=[Paragraph(line) for line in lines]))


@pytest.mark.parametrize("line, number", [
    ("(北政办发〔2026〕12号)", "北政办发〔2026〕12号"),
    ("文 号: | 北府办发〔2026〕7号 | 是否有效: |", "北府办发〔2026〕7号"),
    ("南府〔2026〕31號", "南府〔2026〕31號"),
])
def test_own_number_bracketed_labelled_or_traditional(line, number):
    assert facts("北山市工作方案", line, "一、做好工作。")["doc_number"] == number


@pytest.mark.parametrize("line, date", [
    ("二○二六年三月五日", "2026-03-05"),
    ("（2026年3月5日）", "2026-03-05"),
    ("二〇二六年十二月三十一日", "2026-12-31"),
    ("2026年3月5日????????", "2026-03-05"),  # characters the page lost trail the date
])
def test_own_date_line_in_chinese_numerals_or_brackets(line, date):
    assert facts("北山市工作方案", "一、做好工作。", line)["issued_on"] == date


@pytest.mark.parametrize("line", ["发布时间: 2026-03-05 字体: [大 中 小]", "2026-03-05 08:30:12   来源:北山日报",
                                  "发布机构: | 生成日期: | 2026-03-05 09:12:00 |"])
def test_a_web_pages_publication_date_when_the_document_prints_none(line):
    assert facts("北山市工作方案", line, "一、做好工作。")["issued_on"] == "2026-03-05"


def test_the_documents_own_date_wins_over_the_pages():
    assert facts("北山市工作方案", "发布日期:2026-04-01", "一、做好工作。", "2026年3月20日")["issued_on"] == "2026-03-20"


def test_a_span_of_years_starts_the_plan_in_its_first():
    assert facts("北山市新基建三年行动方案(2026—2028年)")["year"] == 2026


@pytest.mark.parametrize("lines, year", [
    (("北山市2026年工作要点", "2025年12月28日"), 2026),  # the title names the plan's year, issued the year before
    (("北山市协作新闻", "发布时间: 2026-03-05", "到2030年，实现全覆盖。"), 2026),  # a goal year is not the plan's
    (("北山市协作新闻", "为贯彻《规划（2021—2030年）》，做好工作。"), None),  # a cited period is not the plan's
    (("北山县2025年度考核反馈问题整改方案", "发布时间: 2026-03-05"), 2026),  # the year assessed, not the plan's
    (("北山网协作新闻", "2026-03-05 08:30", "从2010年开始，北山市累计选派干部，2026年将再选派。"), 2026),  # history
    (("北山网协作新闻", "2025-12-20 08:30", "北山市2026年计划选派干部，到2030年实现全覆盖。"), 2026),
])
def test_the_plans_year(lines, year):
    assert facts(*lines)["year"] == year


def test_a_news_sites_own_dateline_takes_the_plans_year():
    found = facts("北山网讯 1月20日，北山县确定2026年十件实事。", "1.新建学校。")
    assert (found["issued_on"], found["year"]) == ("2026-01-20", 2026)
    assert facts("新华社北山1月20日电 北山县确定2026年十件实事。")["issued_on"] is None  # a wire's date


def test_a_metadata_tables_issuing_date():
    assert facts("发布单位 | 区政府 | 发文日期 | 2026-07-14 |", "序号 | 实事项目")["issued_on"] == "2026-07-14"


@pytest.mark.parametrize("lines, number", [
    (("北山县第五届人民代表大会第一次会议公告（第3号）", "一、新建学校。"), "第3号"),
    (("北山区人民代表大会常务委员会公告", "（第12号）", "一、新建学校。"), "第12号"),
    (("文號: | 北府辦函〔2026〕14號 | 成文日期: |", "一、做好工作。"), "北府辦函〔2026〕14號"),
])
def test_an_announcements_series_number_and_a_traditional_label(lines, number):
    assert facts(*lines)["doc_number"] == number


def test_a_numbered_item_is_no_series_number():
    assert facts("北山市工作方案", "（1）新建学校。")["doc_number"] is None


def test_undated_running_text_takes_the_year_it_names_most():
    lines = ("人才公寓", "【完成情况】公寓于2024年6月开工，2026年建成。", "【实事剪影】2026年，村民搬进新房。")
    assert facts(*lines)["year"] == 2026
