"""Opening a scheme, self-assessing and scoring: who may, what is refused, what the history keeps."""

from decimal import Decimal

import pytest

from accounts.roles import Role
from assessment.errors import AssessmentError
from assessment.models import Item, ItemScore, Scheme
from assessment.queries import score_table
from assessment.scoring import do_open_scheme, do_score, do_self_assess
from orgs.models import Unit
from reporting.tests.conftest import person


def test_nothing_is_scored_before_the_office_opens_the_scheme(scheme):
    people, sheets, items = scheme["people"], scheme["sheets"], scheme["items"]
    with pytest.raises(AssessmentError, match="“编制中”，不能自评或评分"):
        do_self_assess(people["gudong"], sheets["鼓东街道"], items[("2", "鼓东街道")], "40")
    with pytest.raises(AssessmentError, match="只有组织考核的协作办公室管理员可以开始考核"):
        do_open_scheme(people["reviewer"], scheme["scheme"])
    opened = do_open_scheme(people["office"], scheme["scheme"])
    assert opened.state == Scheme.State.OPEN
    assert opened.history.first().history_change_reason == "开始自评和评分"
    with pytest.raises(AssessmentError, match="不能再开始"):
        do_open_scheme(people["office"], opened)


def test_a_unit_self_assesses_only_its_own_sheet(scheme):
    people, sheets, items = scheme["people"], scheme["sheets"], scheme["items"]
    do_open_scheme(people["office"], scheme["scheme"])
    score = do_self_assess(people["gudong"], sheets["鼓东街道"], items[("2", "鼓东街道")], "38.5", " 发表2篇 ")
    assert (score.self_score, score.self_note) == (Decimal("38.5"), "发表2篇")
    with pytest.raises(AssessmentError, match="只能为本单位的评分表自评"):
        do_self_assess(people["guxi"], sheets["鼓东街道"], items[("2", "鼓东街道")], "40")
    with pytest.raises(AssessmentError, match="第2项不是鼓西街道的考核项目"):
        do_self_assess(people["guxi"], sheets["鼓西街道"], items[("2", "鼓东街道")], "40")
    for raw, message in (("41", "超出范围：应在0到40分之间"), ("-1", "超出范围"), ("三十", "不是数字"),
                         ("12.345", "最多保留两位小数"), ("NaN", "不是数字")):
        with pytest.raises(AssessmentError, match=message):
            do_self_assess(people["gudong"], sheets["鼓东街道"], items[("2", "鼓东街道")], raw)
    # Each change is a history row: who, old → new, why.
    first, second = ItemScore.history.order_by("history_id")
    assert second.history_user == people["gudong"] and second.history_change_reason == "自评"
    assert sorted(second.diff_against(first).changed_fields) == ["self_note", "self_score"]


def test_a_scoring_department_scores_only_its_items_and_reasons_are_required(scheme):
    people, sheets, items, units = scheme["people"], scheme["sheets"], scheme["items"], scheme["units"]
    publicity = Unit.objects.create(name="区委宣传部", kind=Unit.Kind.DEPARTMENT, region=units["鼓楼区"].region)
    clerk = person("xuanchuan", publicity, Role.REPORTER)
    item = items[("2", "鼓东街道")]
    Item.objects.filter(pk=item.pk).update(scoring_unit=publicity)
    item.refresh_from_db()
    do_open_scheme(people["office"], scheme["scheme"])

    with pytest.raises(AssessmentError, match="第2项得分30低于满分40分，须写明扣分理由"):
        do_score(clerk, sheets["鼓东街道"], item, "30")
    score = do_score(clerk, sheets["鼓东街道"], item, "30", "省级媒体报道少1篇")
    assert (score.score, score.reason, score.scored_by) == (Decimal(30), "省级媒体报道少1篇", clerk)
    assert score.history.first().history_change_reason == "省级媒体报道少1篇"
    # The department does not score the office's items; the office does not score the department's.
    with pytest.raises(AssessmentError, match="第1项由组织考核的协作办公室评分"):
        do_score(clerk, sheets["鼓东街道"], items[("1", "鼓东街道")], "60")
    with pytest.raises(AssessmentError, match="第2项由区委宣传部评分"):
        do_score(people["office"], sheets["鼓东街道"], item, "40")
    with pytest.raises(AssessmentError, match="由组织考核的协作办公室评分"):
        do_score(people["leader"], sheets["鼓东街道"], items[("1", "鼓东街道")], "60")
    # Full marks need no reason; the table totals once every item is scored.
    do_score(people["reviewer"], sheets["鼓东街道"], items[("1", "鼓东街道")], "60")
    row = next(r for r in score_table(scheme["scheme"]).rows if r.unit.name == "鼓东街道")
    assert (row.total, row.rank) == (Decimal(90), 1)
