"""Who each quantity is for: subjects, 各, 每个 and group units."""

from decimal import Decimal

from intake.interpret.targets import Context, extract_targets

STREETS = ["鼓东街道", "鼓西街道", "洪山镇"]
CONTEXT = Context(known_units={"区直有关部门", "软件园", "十街镇"}, groups={"十街镇": STREETS}, parties=["仓山区", "临洮县"])


def found(text, context=CONTEXT):
    return [(f.quantity.value, f.quantity.unit, f.assignee) for f in extract_targets(text, context)]


def test_breakdown_by_unit_keeps_total_and_parts():
    assert found("落实社会帮扶资金2700万元。马尾区、闽侯县各300万。") == [
        (2700, "万元", None), (300, "万元", "马尾区"), (300, "万元", "闽侯县")]


def test_unit_figure_pairs_and_a_trailing_condition():
    assert found("具体任务是：马尾区12名，鼓楼区11名，帮扶时限6个月以上。") == [
        (12, "人", "马尾区"), (11, "人", "鼓楼区"), (6, "个月", None)]


def test_subject_carries_through_the_paragraph():
    assert found("鼓东街道2023年完成任务4.8万元，差额20.7万元。2024年下达总任务数为46.2万元") == [
        (Decimal("4.8"), "万元", "鼓东街道"), (Decimal("20.7"), "万元", "鼓东街道"), (Decimal("46.2"), "万元", "鼓东街道")]


def test_group_unit_expands_to_members():
    assert found("十街镇统计各自辖区单位，数据各不低于350万元") == [(350, "万元", s) for s in STREETS]
    assert found("十街镇2024年任务按照2023年标准下达，每个街镇25.5万元") == [(Decimal("25.5"), "万元", s) for s in STREETS]


def test_each_of_the_towns_named_before():
    text = "安排城门镇、盖山镇、建新镇与隆德县三个乡镇开展结对帮扶，每个镇帮扶资金不低于10万元"
    assert found(text) == [(3, "个", None)] + [(10, "万元", t) for t in ("城门镇", "盖山镇", "建新镇")]


def test_each_county_named_in_brackets():
    text = "与固原2个国家级乡村振兴重点帮扶县（西吉县、原州区）开展对接，确保每个重点帮扶县至少有5家以上福州民营企业参与"
    assert found(text) == [(5, "家", "西吉县"), (5, "家", "原州区")]


def test_object_of_a_verb_is_not_the_assignee():
    assert found("实施教育帮扶，资助市中区380名贫困学生") == [(380, "人", None)]
    assert found("协调区级以上主流媒体发表协作帮扶报道不少于1篇") == [(1, "篇", None)]


def test_alias_in_brackets_after_the_subject():
    assert found("具体发改局（科技局）负责筹集4万") == [(4, "万元", "发改局")]


def test_both_sides_each():
    assert found("双方从县区、乡镇街两级各选派2名党政干部互派挂职") == [(2, "人", "仓山区"), (2, "人", "临洮县")]


def test_restated_quota_is_not_counted_again():
    assert found("水部街道2024年原任务25.5万元。现需负责筹集38万元") == [(38, "万元", "水部街道")]


def metrics(text):
    return [f.metric for f in extract_targets(text, CONTEXT)]


def test_metric_is_what_is_counted():
    assert metrics("落实社会帮扶资金2700万元。马尾区、闽侯县各300万。") == ["社会帮扶资金"] * 3
    assert metrics("2023年帮助宁夏3000名以上农村劳动力就业") == ["农村劳动力"]
    assert metrics("建设8所“希望小屋”") == ["希望小屋"]
    assert metrics("鼓东街道2023年完成任务4.8万元，差额20.7万元") == ["完成任务", "差额"]


def test_breakdown_parts_point_at_their_total():
    from intake.interpret.tasks import targets_for

    targets = targets_for([["落实社会帮扶资金2700万元。马尾区、鼓楼区各300万。"],
                           ["鼓楼区2024年社会帮扶资金任务300万元。区工商联负责筹集5万元；十街镇2024年任务按照2023年标准下达，每个街镇25.5万元"]],
                          CONTEXT)
    shown = [(t["value"], t["assignee"], t.get("part_of"), t.get("each")) for t in targets]
    # The district's measures restate its 300 (kept once) and break it down further.
    assert shown == [
        (2700, None, None, None), (300, "马尾区", 0, 2), (300, "鼓楼区", 0, 2),
        (5, "区工商联", 2, None), *[(Decimal("25.5"), street, 2, 3) for street in STREETS],
    ]


def test_peers_listed_together_are_no_breakdown():
    from intake.interpret.tasks import targets_for

    targets = targets_for([["具体任务是：马尾区12名，鼓楼区11名"]], CONTEXT)
    assert all("part_of" not in t for t in targets)


def test_a_word_merely_ending_like_a_unit_is_no_subject():
    # 局 ends "科学确定村庄布局", 部门 ends "发挥政府部门", 村 ends "行政村": none is a unit.
    assert found("科学确定村庄布局，评估率达到60%") == [(60, "%", None)]
    assert found("更好地发挥政府部门作用，帮助800名以上残疾人就业") == [(800, "人", None)]
    assert found("行政村覆盖率达到100%") == [(100, "%", None)]
    assert found("全年城镇新增就业岗位2万个以上") == [(2, "万个", None)]


def test_names_in_the_shapes_units_have_still_take_their_figure():
    assert found("县财政局落实资金50万元") == [(50, "万元", "县财政局")]
    assert found("西湖市东城区选派干部6名") == [(6, "人", "西湖市东城区")]
    assert found("白龙县新增就业300人") == [(300, "人", "白龙县")]


def test_a_verb_before_a_place_is_no_subject():
    # "完善镇(街)…规划", "修编村庄规划", "会同石门县建立…", "赴云山区开展…": the verb's object is no unit.
    assert found("完善镇(街)国土空间总体规划，评估率达到50%") == [(50, "%", None)]
    assert found("修编村庄规划518个") == [(518, "个", None)]
    assert found("会同石门县建立协作项目库，确保年内项目开工率达到100%") == [(100, "%", None)]
    assert found("赴云山区开展招商推介活动2场") == [(2, "场", None)]
    assert found("实现全县农村人居环境得到明显改善，力争90%以上的村生活垃圾得到治理") == [(90, "%", None)]


def test_common_nouns_and_phrases_over_several_units_are_no_name():
    assert found("卫生厕所普及率达85%左右") == [(85, "%", None)]
    assert found("市政府东西部扶贫协作工作专题会议研究决定追加资金4000万元") == [(4000, "万元", None)]
    assert found("接收白龙县干部、专业技术人员到我县跟岗学习40人次") == [(40, "人次", None)]
    assert found("县直各单位工会采购帮扶产品比例不低于30%") == [(30, "%", None)]
    assert found("西安市灞桥区等省内20个经济强区将对口帮扶") == [(20, "个", None)]
    assert found("设立展销中心1个、专柜专区50个") == [(1, "个", None), (50, "个", None)]


def test_a_news_agency_in_the_byline_is_no_subject():
    assert found("新华社天津7月17日电(记者王井怀)摘帽不摘责，帮扶不停歇。今年投入资金4000万元") == [(4000, "万元", None)]


def test_a_place_and_its_predicate_is_no_name():
    assert found("黔川州将组织技能培训2500人次") == [(2500, "人次", None)]
    assert found("新增村企结对60对，每对投入资金5000万元") == [(5000, "万元", None)]
