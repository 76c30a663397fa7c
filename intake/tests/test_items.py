"""Numbered items in running text proposed as tasks, and the unit clauses around them.

Every example is written here for the rule it tests; none is copied from the corpus.
"""

from decimal import Decimal

import pytest

from intake.api import IntakeError, parse_document
from intake.interpret.clauses import in_text_units, parse_unit_clause, trailing_clause, unit_line
from intake.interpret.units import split_units


def _parse(text: str) -> dict:
    return parse_document(text.encode("utf-8"), "要点.txt")


def _task(plan: dict, ref: str) -> dict:
    return next(t for t in plan["tasks"] if t["ref"] == ref)


@pytest.mark.parametrize("clause, lead, partner", [
    ("(责任单位:县教育局,县卫健局)", ["县教育局", "县卫健局"], []),
    ("（牵头单位：县文旅局；责任单位：县商务局、县交通局）", ["县文旅局"], ["县商务局", "县交通局"]),
    ("【牵头单位:县水利局;配合单位:县林业局】", ["县水利局"], ["县林业局"]),
    ("(县民政局牵头,县残联、县妇联分工负责)", ["县民政局"], ["县残联", "县妇联"]),
    ("(县残联、县妇联分工负责)", ["县残联", "县妇联"], []),
    ("(县科协牵头,县工信局及县市场监管局按职责分工负责)", ["县科协"], ["县工信局", "县市场监管局"]),
])
def test_closing_bracket_names_the_units(clause, lead, partner):
    text, units = trailing_clause("开展科普进村活动不少于5场。" + clause)
    assert text == "开展科普进村活动不少于5场。"
    assert units == (lead, partner)


def test_a_bare_bracket_counts_only_after_the_sentence_ends():
    assert trailing_clause("整治河道。(县水利局)") == ("整治河道。", (["县水利局"], []))
    # Mid-sentence, "县水利局（县河长办）" is a unit and its other name, not a clause.
    assert trailing_clause("会同县水利局（县河长办）") is None


def test_units_inside_the_sentence():
    assert in_text_units("建成冷链仓储中心1个，由县商务局负责，8月底前完成") == (["县商务局"], [])
    assert in_text_units("由县农业农村局牵头，县财政局、县审计局配合，年底前完成") == (
        ["县农业农村局"], ["县财政局", "县审计局"])
    assert in_text_units("由县教育局、县卫健局分别负责") == (["县教育局", "县卫健局"], [])
    assert in_text_units("由此带动就业") is None


def test_units_on_their_own_line():
    assert unit_line("责任单位：县人社局（牵头），县总工会、县妇联，各乡镇") == (
        ["县人社局"], ["县总工会", "县妇联", "各乡镇"])
    assert unit_line("配合单位:县财政局、县审计局等县级有关部门") == (
        [], ["县财政局", "县审计局", "县级有关部门"])
    assert unit_line("牵头单位:县发改局、县统计局分别牵头") == (["县发改局", "县统计局"], [])
    assert unit_line("完成时限：6月底前") is None


def test_parse_unit_clause_with_no_units_is_none():
    assert parse_unit_clause("详见附表") is None


@pytest.mark.parametrize("printed, units", [
    ("东坪县、西坪县人民政府", ["东坪县人民政府", "西坪县人民政府"]),
    ("北湖区、南湖区、县工信局", ["北湖区", "南湖区", "县工信局"]),
    ("各县（市、区）人民政府", ["各县（市、区）人民政府"]),
    ("县委宣传部（县网信办）", ["县委宣传部"]),
    ("各乡、镇人民政府,人民大垸、荒湖管理区", ["各乡、镇人民政府", "人民大垸管理区", "荒湖管理区"]),
    ("县财政局、县发改局", ["县财政局", "县发改局"]),
])
def test_split_units_shared_suffixes_and_bracketed_names(printed, units):
    assert split_units(printed) == units


TWO_LEVELS = """东坪县乡村振兴局
东乡振〔2026〕4号
东坪县2026年协作工作要点
2026年2月10日
一、总体要求
坚持问题导向，推动协作走深走实。
二、重点任务
（一）产业协作
1.建设帮扶车间。新建帮扶车间3个，吸纳就业120人以上，9月底前建成。(责任单位:县人社局,县工信局)
2.引进企业。引进协作企业2家，由县商务局牵头，县招商中心配合，年底前完成。
（二）消费协作
1.扩大采购。采购农特产品800万元以上。（牵头单位：县农业农村局；责任单位：县供销社）
三、保障措施
（一）加强督查。县委督查室定期通报进展。
"""


def test_two_levels_of_numbering_become_tasks_with_categories_and_refs():
    plan = _parse(TWO_LEVELS)
    assert [t["ref"] for t in plan["tasks"]] == ["一.1", "一.2", "二.1"]  # 二、重点任务 is shared by all
    first = _task(plan, "一.1")
    assert first["category"] == "产业协作"
    assert first["text"] == "建设帮扶车间。新建帮扶车间3个，吸纳就业120人以上，9月底前建成。"
    assert first["lead_units"] == ["县人社局", "县工信局"]
    assert first["deadline"] == "2026-09-30"
    assert {(t["value"], t["unit"]) for t in first["targets"]} == {(3, "个"), (120, "人")}
    second = _task(plan, "一.2")
    assert (second["lead_units"], second["partner_units"]) == (["县商务局"], ["县招商中心"])
    assert second["deadline"] == "2026-12-31"
    assert "由县商务局牵头" in second["text"]  # words inside the sentence stay in it
    third = _task(plan, "二.1")
    assert (third["lead_units"], third["partner_units"]) == (["县农业农村局"], ["县供销社"])
    assert third["unsure"] == ["deadline"]


RUNNING_NUMBERS = """西坪县2026年重点工作分工
（一）基础设施
1.修建通村道路30公里。
责任单位：县交通局（牵头），县财政局
完成时限：2026年10月底前
2.改造危房50户。
责任单位：县住建局
（二）公共服务
3.新建幼儿园2所。
责任单位：县教育局
"""


def test_numbers_running_across_sections_are_the_ref_and_own_lines_give_units():
    plan = _parse(RUNNING_NUMBERS)
    assert [t["ref"] for t in plan["tasks"]] == ["1", "2", "3"]
    first = _task(plan, "1")
    assert (first["lead_units"], first["partner_units"]) == (["县交通局"], ["县财政局"])
    assert first["deadline_text"] == "2026年10月底前" and first["deadline"] == "2026-10-31"
    assert _task(plan, "3")["category"] == "公共服务"
    assert _task(plan, "2")["unsure"] == ["deadline"]


INLINE = """北湖区2026年协作要点
（一）强化资金支持。一是落实财政援助资金500万元，由区财政局负责，4月底前拨付；二是开展项目督导2次以上，由区审计局负责，年底前完成。
（二）推进劳务协作。一是举办招聘会3场，由区人社局负责；二是帮助就业200人以上，由区人社局牵头，各街道配合。
"""


def test_yishi_ershi_clauses_are_tasks_of_their_item():
    plan = _parse(INLINE)
    assert [t["ref"] for t in plan["tasks"]] == ["一.一", "一.二", "二.一", "二.二"]
    first = _task(plan, "一.一")
    assert first["category"] == "强化资金支持"
    assert first["text"] == "落实财政援助资金500万元，由区财政局负责，4月底前拨付"
    assert first["lead_units"] == ["区财政局"] and first["deadline"] == "2026-04-30"
    assert (_task(plan, "二.二")["lead_units"], _task(plan, "二.二")["partner_units"]) == (["区人社局"], ["各街道"])


def test_a_task_without_units_or_deadline_is_kept_and_marked_unsure():
    plan = _parse("南湖区工作安排\n一、做好信息报送。每月报送协作信息1篇。\n二、做好总结。形成年度总结。\n")
    assert [t["ref"] for t in plan["tasks"]] == ["一", "二"]
    assert _task(plan, "二")["unsure"] == ["units", "deadline"]


def test_the_latest_deadline_in_the_text_counts():
    plan = _parse("东湖区工作安排\n1.项目5月底前开工，9月底前完成投资80%。(区发改局)\n")
    assert _task(plan, "1")["deadline_text"] == "9月底前"


def test_first_named_leads_after_a_note_saying_so():
    text = """东湖区2026年工作分工
1.地区生产总值增长6%。
责任单位:区发改局、区统计局(列第一位为牵头单位,下同)
2.工业增加值增长7%。
责任单位:区经信局、区发改局
3.居民收入增长6%。
责任单位:区人社局、区农业农村局分别牵头
"""
    plan = _parse(text)
    assert (_task(plan, "1")["lead_units"], _task(plan, "1")["partner_units"]) == (["区发改局"], ["区统计局"])
    assert (_task(plan, "2")["lead_units"], _task(plan, "2")["partner_units"]) == (["区经信局"], ["区发改局"])
    assert _task(plan, "3")["lead_units"] == ["区人社局", "区农业农村局"]


def test_a_document_without_numbered_items_says_what_is_missing():
    with pytest.raises(IntakeError) as error:
        _parse("关于协作工作的情况说明\n今年以来，两地协作稳步推进，成效明显。\n")
    message = str(error.value)
    assert "没有找到任务" in message and "编号的条目" in message and "任务表" in message


FLAT_TABLE = """西坪县2026年民生工作分工
发布时间：2026-03-02
序号
工作任务
牵头单位
配合单位
完成时限
1
新建村级养老服务站6个
县民政局
各乡镇
9月底前
2
改造农村公路40公里
县交通局
县财政局
县自然资源局
12月底前
3
开展义诊活动10场
县卫健局
/
全年
西坪县人民政府办公室
"""


def test_a_table_flattened_to_one_cell_per_line_is_read_as_a_table():
    plan = _parse(FLAT_TABLE)
    assert [t["ref"] for t in plan["tasks"]] == ["1", "2", "3"]
    first = _task(plan, "1")
    assert first["text"] == "新建村级养老服务站6个"
    assert (first["lead_units"], first["partner_units"], first["deadline"]) == (["县民政局"], ["各乡镇"], "2026-09-30")
    # Two partner units, each on a line of its own, stay in their one cell.
    assert _task(plan, "2")["partner_units"] == ["县财政局", "县自然资源局"]
    assert _task(plan, "3")["partner_units"] == [] and _task(plan, "3")["deadline"] == "2026-12-31"


def test_full_width_numbers_and_a_deadline_inside_the_unit_bracket():
    text = """北湖区2026年行动方案
一、主要任务
（一）结对帮扶
１．村企结对。
（１）新增结对企业12家。（责任单位：区工商联、各街道（镇）；完成时限：2026年6月底前）
（２）开展走访对接20次。（牵头单位：区工商联；配合单位：区民政局；完成时限：2026年10月底前）
二、保障措施
加强领导。
"""
    plan = _parse(text)
    assert [t["ref"] for t in plan["tasks"]] == ["一.1.1", "一.1.2"]
    first = _task(plan, "一.1.1")
    assert first["text"] == "新增结对企业12家。"
    assert first["lead_units"] == ["区工商联", "各街道"] and first["deadline"] == "2026-06-30"
    second = _task(plan, "一.1.2")
    assert (second["lead_units"], second["partner_units"], second["deadline"]) == (["区工商联"], ["区民政局"], "2026-10-31")


TWO_ROW_HEADER = (
    "东湖区2026年协作任务分工表\n"
    "序号\t工作任务\t目标任务\t\t\t责任单位\t\t完成时限\n"
    "\t\t指标\t目标值\t计量单位\t牵头单位\t配合单位\t\n"
    "1\t新建帮扶车间\t帮扶车间\t4\t个\t区人社局\t各街道\t8月底前\n"
    "2\t销售农特产品\t销售额\t0.6\t亿元\t区商务局\t区供销社、区总工会\t12月底前\n"
)


def test_a_two_row_header_with_a_unit_column_gives_targets_and_units():
    plan = _parse(TWO_ROW_HEADER)
    assert [t["ref"] for t in plan["tasks"]] == ["1", "2"]
    second = _task(plan, "2")
    assert (second["lead_units"], second["partner_units"]) == (["区商务局"], ["区供销社", "区总工会"])
    # The value column is read as printed, with its 计量单位 (the scorer and saving convert 亿元).
    assert [(float(t["value"]), t["unit"]) for t in second["targets"]] == [(0.6, "亿元")]
    assert _task(plan, "1")["deadline"] == "2026-08-31"


def test_a_header_read_as_upper_slash_lower_takes_the_lower_name():
    from intake.interpret.tables import header_roles

    assert header_roles(["序号", "工作任务", "目标任务/目标值", "目标任务/计量单位", "责任单位/牵头单位", "责任单位/配合单位"]) == [
        "ref", "text", "target_value", "target_unit", "lead", "partner"]


SCORED_LIST = (
    "北湖区2026年协作工作考核细则\n"
    "序号\t考核项目\t考核内容\t分值\t评分标准\t评分部门\n"
    "1\t组织领导\t召开党政联席会议，研究部署协作工作\t6\t召开1次得3分，未召开不得分\t区委办\n"
    "2\t资金支持\t按时足额拨付财政援助资金\t10\t按时拨付得10分，每延迟1个月扣2分\t区财政局\n"
    "合计\t\t\t16\t\t\n"
)


def test_an_assessment_table_gives_scores_criteria_and_the_scoring_department():
    plan = _parse(SCORED_LIST)
    assert [t["ref"] for t in plan["tasks"]] == ["1", "2"]  # the 合计 row is no task
    first = _task(plan, "1")
    assert first["category"] == "组织领导"
    assert first["text"] == "召开党政联席会议，研究部署协作工作"
    assert first["score"] == 6 and first["evidence_required"] == "召开1次得3分，未召开不得分"
    assert first["lead_units"] == ["区委办"]
    assert _task(plan, "2")["score"] == 10


NEWS = """东湖省与西岭省签署2026年协作协议
近日，记者从西岭省乡村振兴局获悉，东湖省与西岭省签署2026年协作协议，双方将深化协作。
在资金支持方面，协议明确，东湖省向西岭省提供财政援助资金12亿元，东湖省选派挂职干部40名，西岭省选派干部30名到东湖省挂职。
去年以来，两省共实施协作项目300个，累计投入资金20亿元。
在产业协作方面，协议明确，双方共建产业园区，引导企业50家到西岭省投资，年底前完成。
"""


def test_a_news_item_without_numbering_proposes_its_committing_paragraphs():
    plan = _parse(NEWS)
    assert [t["ref"] for t in plan["tasks"]] == ["1", "2"]  # the lede and last year's results are not tasks
    first = _task(plan, "1")
    assert first["unsure"] == ["task", "units", "deadline"]
    assert {(t["value"], t["unit"], t["assignee"]) for t in first["targets"]} == {
        (120000, "万元", "东湖省"), (40, "人", "东湖省"), (30, "人", "西岭省")}
    assert _task(plan, "2")["deadline"] == "2026-12-31"


SECTION_ROWS = (
    "北湖区2026年重点工作分工\n"
    "序号\t主要任务\t具体内容\t责任单位\n"
    "一、\t民生实事\t\t\n"
    "1.\t新建养老服务站。\t年内新建村级养老服务站6个。\t区民政局\n"
    "2.\t改造农村公路。\t改造农村公路40公里，10月底前完工。\t区交通局\n"
    "二、\t产业发展\t\t\n"
    "1.\t培育龙头企业。\t新增市级龙头企业3家。\t区农业农村局\n"
)


def test_section_rows_in_a_task_table_number_their_items():
    plan = _parse(SECTION_ROWS)
    assert [t["ref"] for t in plan["tasks"]] == ["一.1", "一.2", "二.1"]
    assert _task(plan, "一.2")["lead_units"] == ["区交通局"]
    assert _task(plan, "二.1")["category"] == "产业发展"


def test_a_figure_for_a_unit_named_in_a_unit_clause_is_that_units():
    text = ("南湖区工作安排\n"
            "一、募集帮扶资金300万元，其中各乡镇（街道）负责200万元。（牵头单位：区工商联；责任单位：各乡镇（街道））\n")
    targets = _task(_parse(text), "一")["targets"]
    assert [(t["value"], t["assignee"]) for t in targets] == [(300, None), (200, "各乡镇")]


def test_items_run_together_in_one_paragraph_are_split_at_each_number():
    text = ("林业站2026年工作计划 一、抓好森林防火。 完善巡护队伍，开展演练3次。 二、推进植树造林。"
            " 完成造林1200亩。 三、加强林木管护。 落实护林员责任。\n")
    plan = _parse(text)
    assert [t["ref"] for t in plan["tasks"]] == ["一", "二", "三"]
    assert [(t["value"], t["unit"]) for t in _task(plan, "二")["targets"]] == [(1200, "亩")]
    assert _task(plan, "三")["text"].startswith("加强林木管护")


def test_paragraphs_opening_with_yishi_ershi_are_items():
    text = ("西坪镇2026年农业工作\n"
            "一是稳定粮食生产。\n全年播种粮食4万亩。\n"
            "二是发展畜牧养殖。\n年出栏生猪1.5万头以上。\n")
    plan = _parse(text)
    assert [t["ref"] for t in plan["tasks"]] == ["一", "二"]
    assert [(t["value"], t["unit"], t["comparator"]) for t in _task(plan, "二")["targets"]] == [(1.5, "万头", ">=")]
    assert _task(plan, "一")["category"] == "稳定粮食生产"


def test_a_two_character_word_ending_like_a_unit_assigns_no_figure():
    text = "蔬菜工作要点\n一、抓好质量安全。上市蔬菜抽检合格率达98%以上。\n二、扩大种植。新增大棚50个。\n"
    targets = _task(_parse(text), "一")["targets"]
    assert [(t["value"], t["assignee"]) for t in targets] == [(98, None)]


def test_a_head_summing_up_its_body_counts_each_figure_once():
    text = ("北山市2026年主要目标分解\n"
            "1.地区生产总值增长7%，其中工业增加值增长8%。\n"
            "全市生产总值增长7%，规模以上工业增加值增长8%，达到900亿元。(市发改委)\n"
            "2.港口货物吞吐量增长5%。\n"
            "集装箱吞吐量120万标箱。(市交通局)\n")
    plan = _parse(text)
    assert sorted((t["value"], t["unit"]) for t in _task(plan, "1")["targets"]) == [(7, "%"), (8, "%"), (9000000, "万元")]
    assert sorted((t["value"], t["unit"]) for t in _task(plan, "2")["targets"]) == [(5, "%"), (120, "万标箱")]


def test_a_month_under_a_later_year_named_before_it_is_that_years_and_a_policy_term_is_no_deadline():
    text = ("南川县村庄规划三年行动(2026—2028年)\n"
            "一、完成村庄分类。2026年任务：完成分类。2027年任务：完成新编规划30个，10月底前完成。\n"
            "二、减轻企业负担。降低缴费费率，实施期限至2026年12月31日。\n")
    plan = _parse(text)
    assert plan["plan"]["year"] == 2026
    assert _task(plan, "一")["deadline"] == "2027-10-31"
    assert _task(plan, "二")["deadline"] is None


def test_a_document_in_traditional_script_reads_its_units_figures_and_deadlines_as_printed():
    text = ("北山市穩定就業若干措施\n"
            "一、減輕企業負擔\n"
            "1.落實社會保險補貼政策,幫助1200人就業,實施期限至2027年6月30日。(市人力資源社會保障局、市財政局負責)\n"
            "2.新建就業驛站12個,10月底前完成。(市人力資源社會保障局牽頭,各鎮街配合)\n")
    plan = _parse(text)
    first, second = _task(plan, "一.1"), _task(plan, "一.2")
    assert first["lead_units"] == ["市人力資源社會保障局", "市財政局"]
    assert first["deadline"] is None  # how long the policy runs, not a deadline
    assert [(t["value"], t["unit"]) for t in first["targets"]] == [(1200, "人")]
    assert (second["lead_units"], second["partner_units"]) == (["市人力資源社會保障局"], ["各鎮街"])
    assert second["deadline"].endswith("-10-31")


def test_a_unit_heading_its_group_in_a_table_cell_gives_both():
    assert split_units("市水利局、市住建局等市级有关部门,北山海关,人民银行北山分行") == [
        "市水利局", "市住建局", "市级有关部门", "北山海关", "人民银行北山分行"]


def test_an_item_over_sub_items_that_sets_figures_of_its_own_is_a_task_too():
    text = ("北山县肉牛产业方案\n"
            "一、肉牛产业\n"
            "（一）发展方向\n坚持规模化养殖。\n"
            "（二）重点工作。年内新增肉牛1.2万头，打造良种核心群，建成育肥基地2个。\n"
            "1.扩建养殖场。新扩建规模养殖场12个。\n"
            "2.盘活闲置圈舍。由所在乡镇负责盘活闲置圈舍。\n")
    refs = [t["ref"] for t in _parse(text)["tasks"]]
    assert "一.二" in refs and "一.二.1" in refs and "一.二.2" in refs
    own = _task(_parse(text), "一.二")
    assert [(t["value"], t["unit"]) for t in own["targets"]] == [(Decimal("1.2"), "万头"), (2, "个")]


def test_pairing_lines_of_a_news_item_are_tasks_led_by_the_helpers():
    text = ("东川省确定省内对口帮扶名单\n"
            "通知要求，每个帮扶区每年在本级财政预算中安排不少于200万元的帮扶资金，重点用于产业发展和公共服务。\n"
            "北山市东城区、高新区帮扶南岭市白石县\n"
            "北山市西城区帮扶南岭市青河县\n")
    plan = _parse(text)
    assert [t["ref"] for t in plan["tasks"]] == ["1", "2", "3"]
    assert _task(plan, "2")["lead_units"] == ["北山市东城区", "高新区"]
    assert _task(plan, "3")["lead_units"] == ["北山市西城区"]


def test_arabic_items_run_together_with_labelled_fields_are_split():
    # A progress notice whose line breaks were lost: items 1. 2. after a gap, each followed by
    # labelled fields; who oversees it and how far it got are no part of the task's wording.
    plan = _parse(
        "2014年民生实事项目进展情况。 1.轨道交通1号线一期工程投入试运营。 牵头领导:林静国 "
        "责任单位:市轨道交通工程建设指挥部 项目责任人:尹文德 实际完成情况:已于5月30日通车。 "
        "2.新增安装300套视频采集设备。 牵头领导:王仁洲 责任单位:市公安局 项目责任人:王伟标 "
        "配合单位:市城管局、市财政局 实际完成情况:已完成55%。\n")
    assert [t["ref"] for t in plan["tasks"]] == ["1", "2"]
    first, second = plan["tasks"]
    assert first["text"] == "轨道交通1号线一期工程投入试运营。"
    assert first["lead_units"] == ["市轨道交通工程建设指挥部"]
    assert second["lead_units"] == ["市公安局"] and second["partner_units"] == ["市城管局", "市财政局"]
    assert [(t["value"], t["unit"]) for t in second["targets"]] == [(300, "套")]


def test_a_label_inside_the_closing_bracket_does_not_split_the_item():
    plan = _parse("南湖区工作安排\n1.做好信息报送。每月报送1篇。（牵头单位：区委办； 责任单位：区发改局）\n2.做好总结。\n")
    assert _task(plan, "1")["lead_units"] == ["区委办"] and _task(plan, "1")["partner_units"] == ["区发改局"]


def test_a_column_of_figures_is_no_task_column():
    # An annex breaking figures down per town: "任务数" and "（万元）" head figures, not the task's wording.
    from intake.interpret.tables import header_roles

    roles = header_roles(["序号", "镇（街道）", "社会帮扶资金（万元）", "消费帮扶（万元）/任务数", "劳务协作（人）"])
    assert "text" not in roles
    assert header_roles(["序号", "工作任务", "责任单位"])[1] == "text"


def test_sub_points_closed_by_the_items_unit_lines_are_its_wording():
    plan = _parse("""云岭县2026年协作工作方案
一、产业协作
1.推进协作产业园建设。
（1）新建标准化厂房2万平方米，6月底前完成主体工程；
（2）新引进企业入园5家。
牵头单位：县工业园区管委会
配合单位：县发改局、县自然资源局
完成时限：2026年11月底前
2.发展特色产业。建设茶园基地1万亩。
牵头单位：县农业农村局
""")
    assert [t["ref"] for t in plan["tasks"]] == ["一.1", "一.2"]
    first = plan["tasks"][0]
    assert first["text"].startswith("推进协作产业园建设。（1）新建标准化厂房2万平方米")
    assert "（2）新引进企业入园5家" in first["text"]
    assert first["lead_units"] == ["县工业园区管委会"] and first["partner_units"] == ["县发改局", "县自然资源局"]
    assert first["deadline"] == "2026-11-30"
    assert [(t["value"], t["unit"]) for t in first["targets"]] == [(2, "万平方米"), (5, "家")]


def test_sub_points_with_units_of_their_own_stay_tasks():
    plan = _parse("""云岭县2026年协作工作方案
1.推进协作产业园建设。
（1）新建标准化厂房2万平方米。
牵头单位：县工业园区管委会
（2）新引进企业入园5家。
牵头单位：县投资促进局
""")
    assert [t["ref"] for t in plan["tasks"]] == ["1.1", "1.2"]


def test_items_run_on_after_a_colon_are_split():
    # A news item listing the year's projects after "…是:" in one paragraph, items 1. 2. 3. with no units.
    plan = _parse(
        "东湖县确定今年八件民生实事\n县人代会确定了今年的民生实事。"
        "这八件实事是:1.新建乡镇卫生院3所。2.改造农村公路45公里,新增公交站台12个。3.完成城区供水管网改造。\n")
    assert [t["ref"] for t in plan["tasks"]] == ["1", "2", "3"]
    assert _task(plan, "1")["text"] == "新建乡镇卫生院3所。"
    assert [(t["value"], t["unit"]) for t in _task(plan, "2")["targets"]] == [(45, "公里"), (12, "个")]


def test_chinese_items_run_on_after_a_colon_are_split():
    plan = _parse("西湖镇2024年工作要点\n今年重点抓好三项工作：一、修缮村级活动场所5处。二、培训致富带头人80人。三、整治河道2条。\n")
    assert [t["ref"] for t in plan["tasks"]] == ["一", "二", "三"]
    assert _task(plan, "二")["text"] == "培训致富带头人80人。"


def test_clauses_yi_shi_er_shi_in_a_text_with_no_numbering_are_items():
    # A news item whose list is one paragraph of 一是…二是… clauses, its line broken mid-clause.
    plan = _parse(
        "北川镇确定今年四件实事\n北川讯 镇里确定了今年的四件实事。\n"
        "这四件实事分别为:一是新建村级卫生室6个;二是改造农村公路30公里;三是实施饮水安全巩固提升\n"
        "工程,新增受益人口2000人;四是建成镇敬老院。\n")
    assert [t["ref"] for t in plan["tasks"]] == ["一", "二", "三", "四"]
    assert _task(plan, "三")["text"].startswith("实施饮水安全巩固提升工程")
    assert [(t["value"], t["unit"]) for t in _task(plan, "二")["targets"]] == [(30, "公里")]


def test_a_line_broken_inside_run_together_items_stays_with_its_item():
    # Extracted text broke an item's line mid-clause; the items after the break count on from it.
    plan = _parse(
        "南山县民生实事\n今年办好五件实事:\n1.新建幼儿园4所。\n2.改造老旧小区12个,完成\n"
        "雨污分流管网8公里。3.新增停车位600个。4.建成养老服务中心1个。5.培训农民工1500人次。\n")
    assert [t["ref"] for t in plan["tasks"]] == ["1", "2", "3", "4", "5"]
    assert _task(plan, "2")["text"] == "改造老旧小区12个,完成雨污分流管网8公里。"
    assert [(t["value"], t["unit"]) for t in _task(plan, "3")["targets"]] == [(600, "个")]


def test_a_semicolon_list_of_as_many_parts_as_announced_is_one_item_each():
    plan = _parse(
        "县人大票决民生实事\n代表们投票票决出今年4项民生实事项目。\n"
        "最终票决出:新建城区公园2个;实施老旧小区改造;建设15所村级幼儿园;开展义诊下乡活动。\n")
    assert [t["ref"] for t in plan["tasks"]] == ["1", "2", "3", "4"]
    assert _task(plan, "2")["text"] == "实施老旧小区改造"
    assert [(t["value"], t["unit"]) for t in _task(plan, "3")["targets"]] == [(15, "所")]


def test_a_semicolon_list_of_another_count_than_announced_is_left_alone():
    with pytest.raises(IntakeError):
        _parse("县人大票决民生实事\n代表们投票票决出今年5项民生实事项目。\n"
               "最终票决出:新建城区公园2个;实施老旧小区改造;建设15所村级幼儿园;开展义诊下乡活动。\n")
