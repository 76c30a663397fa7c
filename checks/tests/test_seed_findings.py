"""The checks on the seed documents, finding by finding (../shared/seeds/gold/NOTES.md).

Every inconsistency listed there is found, with its numbers; the breakdowns
listed as consistent are not flagged.
"""

from decimal import Decimal

import pytest

from checks.crossplan import compare_plans
from checks.services import findings_for_import
from conftest import shared_path
from intake.api import parse_document
from orgs.models import Region

BREAKDOWN_CODES = {"each_count", "breakdown_over", "breakdown_remainder", "carry_over_last_year",
                   "carry_over_this_year", "shortfall_sum", "carry_over_breakdown"}


@pytest.fixture
def seeds(db):
    from samples.registry import load_registry
    from orgs.services import intake_registry

    load_registry()
    registry = intake_registry()
    folder = shared_path("seeds")
    return {path.name[:3]: parse_document(path.read_bytes(), path.name, registry) for path in sorted(folder.glob("*.txt"))}


@pytest.fixture
def findings(seeds):
    scopes = {"000": "鼓楼区", "001": "福州市"}
    return {number: findings_for_import(plan, Region.objects.filter(name=scopes.get(number, "")).first())
            for number, plan in seeds.items()}


def one(findings, code, ref=None, **numbers):
    matches = [f for f in findings if f.code == code and (ref is None or f.ref == ref)
               and all(getattr(f, k) == Decimal(v) for k, v in numbers.items())]
    assert len(matches) == 1, f"{code} {ref} {numbers}: {[str(f) for f in findings if f.code == code]}"
    return matches[0]


def test_1_each_300_for_eight_districts_against_2700(findings):
    finding = one(findings["000"], "each_count", "3", expected="2700", found="2400")
    assert "“各300万元”共列出8个单位" in finding.message and finding.severity == "error"


def test_2_antai_done_plus_shortfall_is_not_its_quota(findings):
    finding = one(findings["000"], "carry_over_last_year", "3", expected="25.5", found="26.1")
    assert finding.message.startswith("安泰街道：上年完成2.8 + 差额23.3 = 26.1万元")
    # The other eight streets with figures reconcile, and every 2024 total is quota + shortfall.
    assert [f.code for f in findings["000"]].count("carry_over_last_year") == 1
    assert "carry_over_this_year" not in {f.code for f in findings["000"]}


def test_3_street_shortfalls_against_the_district_shortfall(findings):
    finding = one(findings["000"], "shortfall_sum", "3", expected="141.832", found="144.06")
    assert "相差2.228万元" in finding.message


def test_4_this_years_parts_against_quota_plus_shortfall(findings):
    finding = one(findings["000"], "carry_over_breakdown", "3", expected="441.832", found="444.06")
    assert "300 + 缺口141.832" in finding.message


def test_5_consumption_breakdown_leaves_2570_unassigned(findings):
    finding = one(findings["000"], "breakdown_remainder", "4", expected="8500", found="5930")
    assert "尚有2570万元未分配" in finding.message and "福州定有福电子商务有限公司" in finding.message


def test_6_specialists_swapped_between_the_two_plans(seeds):
    cross = compare_plans(seeds["000"], seeds["001"])
    finding = one(cross, "plan_swap", "2")
    assert "本方案连江县9人、闽侯县15人" in finding.message and "第18项为连江县15人、闽侯县9人" in finding.message
    # Going beyond a quota is at most a note, never a conflict.
    assert one(cross, "plan_beyond_quota", "4").severity == "note"
    assert not [f for f in cross if f.code == "plan_conflict"]


@pytest.mark.parametrize("ref", ["8", "11", "18", "23"])
def test_7_taijiang_has_a_quota_but_no_place_in_the_unit_lists(findings, ref):
    assert one(findings["001"], "quota_unit_not_assigned", ref).message.startswith("台江区有指标")


def test_7_no_other_unit_is_said_to_be_missing(findings):
    assert {f.message[:3] for f in findings["001"] if f.code == "quota_unit_not_assigned"} == {"台江区"}


@pytest.mark.parametrize("printed", ["闽侯区委、政府", "福清市区委、政府", "晋安区区党工委、政府", "市工党工委、政府"])
def test_8_unit_names_not_matching_the_registry_exactly(findings, printed):
    flagged = [f for f in findings["001"] if f.code in {"unit_loose", "unit_unknown", "unit_ambiguous"} and f"“{printed}”" in f.message]
    assert len(flagged) == 1


def test_8_close_misprint_names_its_likely_unit(findings):
    finding = next(f for f in findings["001"] if "“闽侯区委、政府”" in f.message)
    assert finding.code == "unit_loose" and "闽侯县" in finding.message


def test_9_same_unit_lead_and_partner(findings):
    assert "区人社局既是牵头单位又是责任（配合）单位" in one(findings["002"], "lead_and_partner", "三").message


def test_10_one_unit_scores_50_where_all_others_score_100(findings):
    finding = one(findings["004"], "score_total", expected="100", found="50")
    assert "教育和体育局各项分值合计50分" in finding.message and "2250" in finding.message


def test_11_text_says_at_least_350_where_the_list_says_350(findings):
    finding = one(findings["004"], "statement_comparator", "11.1")
    assert "不低于350万元" in finding.message and "“350万元”" in finding.message


def test_consistent_breakdowns_are_not_flagged(findings):
    # 001 rows 8 (75000), 11 (10亿), 18 (100), 23 (9 × 300); 002 (二) 3 towns × 2 villages.
    assert not [f for f in findings["001"] if f.code in BREAKDOWN_CODES]
    assert not [f for f in findings["002"] if f.code in BREAKDOWN_CODES]
    # 000 row 2 (4 + 4 + 3 = 11) and row 3's departments 45 + 10 × 25.5 = 300 are consistent:
    # only the four listed problems of row 3 and the remainder of row 4 are reported.
    flagged = sorted((f.ref, f.code) for f in findings["000"] if f.code in BREAKDOWN_CODES)
    assert flagged == [("3", "carry_over_breakdown"), ("3", "carry_over_last_year"), ("3", "each_count"),
                       ("3", "shortfall_sum"), ("4", "breakdown_remainder")]
