"""Totals a heading states over its items, recorded for the checks."""

from intake.interpret.headings import category_totals


def test_a_heading_with_a_score_or_one_quantity_is_recorded():
    tasks = [{"list": None, "category": "产业协作（20分）"}, {"list": None, "category": "产业协作（20分）"},
             {"list": "附件1", "category": "（二）消费帮扶2000万元"}, {"list": None, "category": "组织领导"},
             {"list": None, "category": "覆盖率达到90%"}]
    assert category_totals(tasks) == [
        {"field": "score", "value": 20, "list": None, "category": "产业协作（20分）"},
        {"field": "target", "metric": "（二）消费帮扶", "value": 2000, "unit": "万元", "comparator": "=",
         "list": "附件1", "category": "（二）消费帮扶2000万元"},
    ]
