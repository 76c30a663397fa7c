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
