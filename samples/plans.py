"""Sample plans: a 福州市 task-division plan and the 鼓楼区 plan that implements it.

Demonstration data written in the style of real 分工方案 (not real documents).
The wording, figures and one deliberate inconsistency (the 资金 carry-over
parts add up to 144.06万元 against a printed 141.832万元) exist so pages and
checks have something true-to-life to show.

Conventions in the data below:
- Quantities are decimal strings ("25.5"), never floats; the loader refuses floats.
- Units are the printed names; the loader resolves each through
  orgs.services.resolve_unit within the plan's scope and fails if one does not
  resolve: it never creates units. Run samples.registry.load_registry() first.
- A target's "parts" are its breakdown; parts inherit metric, unit and
  location from their parent. "each_member": True gives one part per member
  of a group unit (十街镇 → ten streets), each with the same figure.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import Q

from intake.interpret.deadlines import resolve as resolve_deadline
from orgs.models import Programme, Region, Unit
from orgs.services import expand_group, resolve_unit
from plans.models import Assignment, Plan, Target, Task

YEAR = 2026
UPPER_DOC = "榕委振兴组〔2026〕3号"
DISTRICT_DOC = "鼓委振兴办〔2026〕1号"

# Printed order of the nine 福州 districts/counties in the upper plan's lists.
LEAD_COUNTIES = ["马尾区区委、政府", "闽侯县县委、政府", "福清市市委、政府"]
PARTNER_COUNTIES = ["鼓楼区区委、政府", "晋安区区委、政府", "仓山区区委、政府",
                    "台江区区委、政府", "长乐区区委、政府", "连江县县委、政府"]

TALENT_QUOTAS = [("马尾区", "12"), ("鼓楼区", "11"), ("长乐区", "11"), ("福清市", "17"), ("台江区", "7"),
                 ("连江县", "9"), ("闽侯县", "15"), ("仓山区", "9"), ("晋安区", "9")]
FUND_COUNTIES = ["马尾区", "闽侯县", "福清市", "鼓楼区", "长乐区", "仓山区", "晋安区", "台江区", "连江县"]
CONSUMPTION_QUOTAS = [("马尾区", "9000"), ("闽侯县", "9000"), ("福清市", "9000"), ("鼓楼区", "8000"),
                      ("长乐区", "8000"), ("仓山区", "8000"), ("晋安区", "8000"), ("台江区", "8000"),
                      ("连江县", "8000")]

# Each street owes 25.5万元 this year plus last year's shortfall (差额).
# These carry-overs sum to 144.06, while the district total prints 141.832:
# kept on purpose, as in the real documents, for the checks to find.
STREET_FUNDS = [
    # (street, carried_over, printed wording)
    ("鼓东街道", "20.7", "鼓东街道2025年完成4.8万元，差额20.7万元，2026年下达总任务数为46.2万元"),
    ("鼓西街道", "14.5", "鼓西街道2025年完成11万元，差额14.5万元，2026年下达总任务数为40万元"),
    ("温泉街道", "15.5", "温泉街道2025年完成10万元，差额15.5万元，2026年下达总任务数为41万元"),
    ("东街街道", "13.3", "东街街道2025年完成12.2万元，差额13.3万元，2026年下达总任务数为38.8万元"),
    ("南街街道", "15", "南街街道2025年完成10.5万元，差额15万元，2026年下达总任务数为40.5万元"),
    ("安泰街道", "23.3", "安泰街道2025年完成2.2万元，差额23.3万元，2026年下达总任务数为48.8万元"),
    ("华大街道", "8.77", "华大街道2025年完成16.73万元，差额8.77万元，2026年下达总任务数为34.27万元"),
    ("水部街道", "12.5", "水部街道2025年完成13万元，差额12.5万元，2026年下达总任务数为38万元"),
    ("五凤街道", "20.49", "五凤街道2025年完成5.01万元，差额20.49万元，2026年下达总任务数为45.99万元"),
    ("洪山镇", None, "洪山镇2025年完成筹集任务，2026年下达总任务数为25.5万元"),
]

UPPER_PLAN = {
    "doc_number": UPPER_DOC,
    "title": "2026年闽宁协作福州市重点工作任务分工方案",
    "issuer": "中共福州市委扶贫开发成果巩固与乡村振兴工作领导小组",
    "issued_on": datetime.date(2026, 3, 10),
    "year": YEAR,
    "kind": Programme.EAST_WEST,
    "scope": "福州市",
    "office": "市乡村振兴局",
    "parent": None,
    "references": ["闽扶协〔2026〕2号"],
    "tasks": [
        {
            "list": "附件", "ref": "1", "location": "附件 第1行", "deadline_text": "全年",
            "text": "参加闽宁协作第30次联席会议，市委、市政府领导赴宁夏调研对接。",
            "source": "参加闽宁协作第30次联席会议，市委、市政府领导赴宁夏调研对接",
            "leads": ["市委办公厅", "市政府办公厅"], "partners": ["市乡村振兴局"],
        },
        {
            "list": "附件", "ref": "8", "location": "附件 第8行", "deadline_text": "11月底前",
            "text": "推动消费帮扶，拓宽销售渠道，建立健全消费帮扶工作进展情况定期调度通报制度。"
                    "2026年帮助宁夏销售农副产品7.5亿元以上，具体任务是：马尾区、闽侯县、福清市各9000万元，"
                    "鼓楼区、长乐区、仓山区、晋安区、台江区、连江县各8000万元。",
            "source": "2026年帮助宁夏销售农副产品7.5亿元以上",
            "leads": LEAD_COUNTIES, "partners": PARTNER_COUNTIES,
            "targets": [{
                "metric": "消费帮扶销售额", "qty": "75000", "unit": "万元", "cmp": ">=",
                "printed": "7.5亿元以上", "source": "帮助宁夏销售农副产品7.5亿元以上",
                "parts": [
                    {"who": county, "qty": qty, "printed": f"{qty}万元", "source": f"{county}…各{qty}万元"}
                    for county, qty in CONSUMPTION_QUOTAS
                ],
            }],
        },
        {
            "list": "附件", "ref": "18", "location": "附件 第18行", "deadline_text": "10月底前",
            "text": "承担对口帮扶任务的县（市、区）选派教师、医生、农业、科技、商务、文旅、管理等各类专业技术人员"
                    "100名赴固原结对县（区）开展专业帮扶工作，并加强对专技人员的关心和关爱。具体任务是："
                    "马尾区12名，鼓楼区11名，长乐区11名，福清市17名，台江区7名，连江县9名，闽侯县15名，"
                    "仓山区9名，晋安区9名，帮扶时限6个月以上。",
            "source": "选派……各类专业技术人员100名赴固原结对县（区）开展专业帮扶工作",
            "leads": ["前方工作组", *LEAD_COUNTIES], "partners": PARTNER_COUNTIES,
            "targets": [{
                "metric": "选派专技人才", "qty": "100", "unit": "人",
                "printed": "100名", "source": "各类专业技术人员100名",
                "parts": [
                    {"who": county, "qty": qty, "printed": f"{qty}名", "source": f"{county}{qty}名"}
                    for county, qty in TALENT_QUOTAS
                ],
            }],
        },
        {
            "list": "附件", "ref": "23", "location": "附件 第23行", "deadline_text": "10月底前",
            "text": "落实社会帮扶资金2700万元。马尾区、闽侯县、福清市、鼓楼区、长乐区、仓山区、晋安区、台江区、"
                    "连江县各300万。加强社会帮扶资金管理，提高帮扶实效。",
            "source": "落实社会帮扶资金2700万元",
            # Printed with other party-committee forms than rows 8 and 18, as documents do.
            "leads": ["马尾区党委、政府", "闽侯县委、政府", "福清市党委、政府"],
            "partners": ["鼓楼区党委、政府", "晋安区委、政府", "仓山区委、政府", "台江区委、政府",
                         "长乐区委、政府", "连江县党委、政府", "前方工作组"],
            "targets": [{
                "metric": "社会帮扶资金", "qty": "2700", "unit": "万元",
                "printed": "2700万元", "source": "落实社会帮扶资金2700万元",
                "parts": [
                    {"who": county, "qty": "300", "printed": "300万", "source": f"{county}…各300万"}
                    for county in FUND_COUNTIES
                ],
            }],
        },
    ],
}

DISTRICT_PLAN = {
    "doc_number": DISTRICT_DOC,
    "title": "2026年鼓楼区闽宁协作任务分工方案",
    "issuer": "中共福州市鼓楼区委扶贫开发成果巩固与乡村振兴工作领导小组办公室",
    "issued_on": datetime.date(2026, 4, 8),
    "year": YEAR,
    "kind": Programme.EAST_WEST,
    "scope": "鼓楼区",
    "office": "区民政局",
    "parent": UPPER_DOC,
    "references": [UPPER_DOC],
    "tasks": [
        # ---- 附件1 闽宁协作任务分工表 ----
        {
            "list": "附件1", "ref": "1", "location": "附件1 第1行", "category": "组织领导",
            "deadline_text": "12月底前",
            "text": "各牵头县（市、区）召开闽宁协作工作会议和专题会议，研究闽宁协作具体事项。承担对口协作任务的"
                    "县（市、区）党委或政府主要负责同志赴宁夏结对县（区）开展工作对接，商定帮扶措施，签订帮扶协议，"
                    "并逐项落实到位。",
            "measures": "召开工作推进会和专题会议研究闽宁协作具体事项，区党政主要领导每年至少赴固原市原州区"
                        "开展工作对接1次。",
            "source": "召开工作推进会和专题会议研究闽宁协作具体事项，赴宁夏固原市原州区开展工作对接",
            # 区民政局 printed by its 挂牌 name, resolved through the alias.
            "leads": ["区委办", "区政府办", "区乡村振兴局"],
            "targets": [{
                "metric": "党政主要领导赴原州区对接", "qty": "1", "unit": "次", "cmp": ">=", "per": "year",
                "who": "鼓楼区", "printed": "每年至少1次", "source": "区党政主要领导每年至少赴固原市原州区开展工作对接1次",
            }],
        },
        {
            "list": "附件1", "ref": "2", "location": "附件1 第2行", "category": "人才支援",
            "deadline_text": "10月底前", "upper": ("附件", "18"),
            "text": "承担对口帮扶任务的县（市、区）选派教师、医生、农业、科技、商务、文旅、管理等各类专业技术人员"
                    "赴固原结对县（区）开展专业帮扶工作。具体任务是：……鼓楼区11名……帮扶时限6个月以上。",
            "measures": "区教育局、区卫健局各选派4人，区直有关部门选派3人。区财政局负责发放选派的专业技术人员"
                        "生活补助。",
            "source": "区教育局、区卫健局各选派4人。区直有关部门选派3人。",
            "leads": ["区委组织部"], "partners": ["区财政局", "区教育局", "区卫健局", "区直有关部门"],
            "targets": [{
                "metric": "选派专技人才", "qty": "11", "unit": "人", "who": "鼓楼区",
                "printed": "11名", "source": "鼓楼区11名",
                "parts": [
                    {"who": "区教育局", "qty": "4", "printed": "4人", "source": "区教育局、区卫健局各选派4人"},
                    {"who": "区卫健局", "qty": "4", "printed": "4人", "source": "区教育局、区卫健局各选派4人"},
                    {"who": "区直有关部门", "qty": "3", "printed": "3人", "source": "区直有关部门选派3人"},
                ],
            }],
        },
        {
            "list": "附件1", "ref": "3", "location": "附件1 第3行", "category": "资金支持",
            "deadline_text": "12月底前", "upper": ("附件", "23"),
            "text": "落实社会帮扶资金2700万元。马尾区、闽侯县、福清市、鼓楼区、长乐区、仓山区、晋安区、台江区、"
                    "连江县各300万。加强社会帮扶资金管理，提高帮扶实效。",
            "measures": "鼓楼区2026年社会帮扶资金任务300万元及2025年社会帮扶资金缺口141.832万元。区管委会负责"
                        "捐赠资金的拨付，区民政局积极发动社会各界爱心企业，做好捐赠资金的接收和使用管理。具体分解如下："
                        "发改局（科技局）负责筹集4万元；区工商联负责筹集5万元；区妇联负责筹集3万元；区侨联负责筹集6万元；"
                        "区科协负责筹集2万元；软件园负责筹集25万元；十街镇2026年任务按照2025年标准下达，每个街镇"
                        "25.5万元，并补足2025年差额。",
            "source": "鼓楼区2026年社会帮扶资金任务300万元及2025年社会帮扶资金缺口141.832万元",
            "leads": ["区民政局"],
            "partners": ["区管委会", "发改局", "区工商联", "区妇联", "区侨联", "区科协", "软件园", "十街镇"],
            "targets": [{
                "metric": "社会帮扶资金", "qty": "300", "unit": "万元", "carried": "141.832", "who": "鼓楼区",
                "printed": "300万元及2025年社会帮扶资金缺口141.832万元",
                "source": "鼓楼区2026年社会帮扶资金任务300万元及2025年社会帮扶资金缺口141.832万元",
                "parts": [
                    # "发改局" is how the row prints 区发改局 (resolved by alias).
                    {"who": "发改局", "qty": "4", "printed": "4万", "source": "发改局（科技局）负责筹集4万元"},
                    {"who": "区工商联", "qty": "5", "printed": "5万元", "source": "区工商联负责筹集5万元"},
                    {"who": "区妇联", "qty": "3", "printed": "3万元", "source": "区妇联负责筹集3万元"},
                    {"who": "区侨联", "qty": "6", "printed": "6万元", "source": "区侨联负责筹集6万元"},
                    {"who": "区科协", "qty": "2", "printed": "2万元", "source": "区科协负责筹集2万元"},
                    {"who": "软件园", "qty": "25", "printed": "25万元", "source": "软件园负责筹集25万元"},
                    *[
                        {"who": street, "qty": "25.5", "carried": carried, "printed": "25.5万元", "source": wording}
                        for street, carried, wording in STREET_FUNDS
                    ],
                ],
            }],
        },
        {
            "list": "附件1", "ref": "4", "location": "附件1 第4行", "category": "消费帮扶",
            "deadline_text": "12月底前", "upper": ("附件", "8"),
            "text": "推动消费帮扶，拓宽销售渠道，建立健全消费帮扶工作进展情况定期调度通报制度。2026年帮助宁夏销售"
                    "农副产品7.5亿元以上，具体任务是：……鼓楼区……各8000万元。",
            "measures": "鼓楼区帮助宁夏销售消费帮扶产品8500万元以上。区民政局负责汇总数据，具体金额分解如下："
                        "区发改局统计数据不低于100万元；区商务局统计超市、电商、专区，数据不低于900万元；区财政局统计"
                        "832平台，数据不低于30万元；区总工会统计工会会员，数据不低于700万元；区工商联统计辖区会员企业，"
                        "数据不低于500万元；软件园统计园区内企业，数据不低于200万元；十街镇统计各自辖区单位，数据各"
                        "不低于350万元；福州定有福电子商务有限公司统计数据以与区民政局签订的任务数为准。",
            "source": "鼓楼区帮助宁夏销售消费帮扶产品8500万元以上",
            "leads": ["区民政局"],
            "partners": ["区发改局", "区商务局", "区财政局", "区总工会", "区工商联", "软件园", "十街镇",
                         "福州定有福电子商务有限公司"],
            # 福州定有福电子商务有限公司 has no figure ("以…签订的任务数为准"), so it
            # is a partner but not a target; 2570万元 stays unassigned.
            "targets": [{
                "metric": "消费帮扶销售额", "qty": "8500", "unit": "万元", "cmp": ">=", "who": "鼓楼区",
                "printed": "8500万元以上", "source": "鼓楼区帮助宁夏销售消费帮扶产品8500万元以上",
                "parts": [
                    {"who": "区发改局", "qty": "100", "cmp": ">=", "printed": "不低于100万元",
                     "source": "区发改局统计数据不低于100万元"},
                    {"who": "区商务局", "qty": "900", "cmp": ">=", "printed": "不低于900万元",
                     "source": "区商务局统计超市、电商、专区，数据不低于900万元"},
                    {"who": "区财政局", "qty": "30", "cmp": ">=", "printed": "不低于30万元",
                     "source": "区财政局统计832平台，数据不低于30万元"},
                    {"who": "区总工会", "qty": "700", "cmp": ">=", "printed": "不低于700万元",
                     "source": "区总工会统计工会会员，数据不低于700万元"},
                    {"who": "区工商联", "qty": "500", "cmp": ">=", "printed": "不低于500万元",
                     "source": "区工商联统计辖区会员企业，数据不低于500万元"},
                    {"who": "软件园", "qty": "200", "cmp": ">=", "printed": "不低于200万元",
                     "source": "软件园统计园区内企业，数据不低于200万元"},
                    {"who": "十街镇", "each_member": True, "qty": "350", "cmp": ">=", "printed": "各不低于350万元",
                     "source": "十街镇统计各自辖区单位，数据各不低于350万元"},
                ],
            }],
        },
        {
            "list": "附件1", "ref": "5", "location": "附件1 第5行", "category": "劳务协作",
            "deadline_text": "12月底前",
            "text": "支持宁夏在榕建立劳务输出基地，对在榕就业的宁夏脱贫人口落实就业补助政策，加强员工教育培训、"
                    "人文关怀和权益保护，切实提高稳定就业率。",
            "measures": "配合支持原州区在榕建立劳务输出基地，2026年帮助原州区农村劳动力转移就业200人以上；举办劳务"
                        "技能培训班2-3期，培训100人以上，加强在榕务工人员的教育培训、人文关怀和权益保护。",
            "source": "帮助原州区农村劳动力转移就业200人以上；举办劳务技能培训班2-3期，培训100人以上",
            "leads": ["区人社局"],
            "targets": [
                {"metric": "帮助原州区农村劳动力转移就业", "qty": "200", "unit": "人", "cmp": ">=", "who": "区人社局",
                 "printed": "200人以上", "source": "帮助原州区农村劳动力转移就业200人以上"},
                {"metric": "劳务技能培训", "qty": "2", "max": "3", "unit": "期", "cmp": ">=", "who": "区人社局",
                 "printed": "2-3期", "source": "举办劳务技能培训班2-3期"},
                {"metric": "培训人数", "qty": "100", "unit": "人", "cmp": ">=", "who": "区人社局",
                 "printed": "100人以上", "source": "培训100人以上"},
            ],
        },
        {
            "list": "附件1", "ref": "6", "location": "附件1 第6行", "category": "产业合作",
            "deadline_text": "持续推进",
            "text": "深化拓展“福州企业+固原资源”“福州总部+固原基地”“固原企业+福州资源”等协作模式，大力引进"
                    "“建链延链补链强链”项目，推动福州与固原地域间产业融合发展。",
            "measures": "组织区内企业赴原州区考察对接，推动“福州企业+固原资源”“福州市场+固原产品”协作模式落地。",
            "source": "推动“福州企业+固原资源”“福州市场+固原产品”协作模式落地",
            "leads": ["区商务局"], "partners": ["软件园", "十街镇"],
        },
        {
            "list": "附件1", "ref": "7", "location": "附件1 第7行", "category": "宣传报道",
            "deadline_text": "全年",
            "text": "将我市乡村振兴经验、做法复制推广到固原，加强闽宁协作典型宣传。",
            "measures": "依托“家在鼓楼”公众号等平台加大原州区乡村振兴及闽宁协作宣传力度，全年在各级媒体刊发宣传"
                        "报道10篇以上。",
            "source": "全年在各级媒体刊发宣传报道10篇以上",
            "leads": ["区委宣传部"], "partners": ["区民政局"],
            "targets": [{
                "metric": "宣传报道", "qty": "10", "unit": "篇", "cmp": ">=", "who": "区委宣传部",
                "printed": "10篇以上", "source": "刊发宣传报道10篇以上",
            }],
        },
        {
            "list": "附件1", "ref": "8", "location": "附件1 第8行", "category": "自选动作", "optional": True,
            "deadline_text": "12月底前",
            "text": "",  # 自选动作 have no upper task: the column prints "/"
            "measures": "引导和支持区内企业赴原州区投资兴业，力争招商引资实际到资额1亿元。",
            "source": "力争招商引资实际到资额1亿元",
            "leads": ["区商务局"], "partners": ["软件园"],
            "targets": [{
                "metric": "招商引资到资额", "qty": "10000", "unit": "万元", "who": "鼓楼区",
                "printed": "1亿元", "source": "招商引资实际到资额1亿元",
            }],
        },
        # ---- 附件2 山海协作（武夷山市）工作任务清单 ----
        {
            "list": "附件2", "ref": "1", "location": "附件2 第1行", "category": "调研互访",
            "deadline_text": "根据市级工作文件要求安排",
            "text": "双方党政主要领导开展互访调研。",
            "source": "双方党政主要领导开展互访调研",
            "leads": ["区委办", "区政府办", "区民政局"],
        },
        {
            "list": "附件2", "ref": "2", "location": "附件2 第2行", "category": "研学交流",
            "deadline_text": "2026年12月",
            "text": "推动鼓楼区优质教育资源与武夷山市学校结对帮扶，加强两地优秀师资人才互访交流，实现优质教育资源"
                    "共建共享。",
            "source": "推动鼓楼区优质教育资源与武夷山市学校结对帮扶",
            "leads": ["区教育局"],
        },
        {
            "list": "附件2", "ref": "3", "location": "附件2 第3行", "category": "消费帮扶",
            "deadline_text": "2026年12月",
            "text": "拓宽武夷山优质农特产品销售渠道。积极争取和引导鼓楼大型商超、品牌供应商、企业参与销售优质"
                    "农特产品。",
            "source": "拓宽武夷山优质农特产品销售渠道",
            "leads": ["区商务局"], "partners": ["福州定有福电子商务有限公司"],
        },
    ],
}

SAMPLE_PLANS = [UPPER_PLAN, DISTRICT_PLAN]  # upper first: the district plan links to its tasks


# ---------------------------------------------------------------------------
# Loader
# ---------------------------------------------------------------------------

class SampleDataError(ValueError):
    """The sample data does not fit the registry; the message names the problem in Chinese."""


def _decimal(value) -> Decimal | None:
    if value is None:
        return None
    if not isinstance(value, str):  # a float here would carry binary rounding into the database
        raise SampleDataError(f"样例数量须写成字符串：{value!r}")
    return Decimal(value)


def _resolve(printed: str, scope: Region, plan_title: str) -> Unit:
    result = resolve_unit(printed, scope=scope)
    if result.unit is None:
        why = "对应多个单位：" + "、".join(u.name for u in result.candidates) if result.is_ambiguous else "单位库中没有该单位"
        raise SampleDataError(f"样例方案《{plan_title}》中的单位“{printed}”无法识别（{why}），请核对名称或先在单位库中登记该单位。")
    return result.unit


def _save(obj):
    obj.full_clean()
    obj.save()
    return obj


def _load_targets(task: Task, specs: list, scope: Region, parent: Target | None, counter: list) -> None:
    for spec in specs:
        metric = spec.get("metric") or parent.metric
        unit_name = spec.get("unit") or parent.unit
        printed_who = spec.get("who")
        assignee = _resolve(printed_who, scope, task.plan.title) if printed_who else None
        # A figure given "各" to a group applies to each member separately.
        assignees = expand_group(assignee) if spec.get("each_member") else [assignee]
        for who in assignees:
            counter[0] += 1
            target = _save(Target(
                task=task, parent=parent, position=counter[0], metric=metric, unit=unit_name,
                quantity=_decimal(spec["qty"]), max_quantity=_decimal(spec.get("max")),
                carried_over=_decimal(spec.get("carried")),
                comparator=spec.get("cmp", Target.Comparator.EQUAL), per=spec.get("per", ""),
                assignee=who,
                assignee_printed=printed_who if who is not None and printed_who != who.name else "",
                printed_text=spec.get("printed", ""),
                source_location=spec.get("location") or (parent.source_location if parent else task.source_location),
                source_text=spec.get("source", ""),
            ))
            _load_targets(task, spec.get("parts", []), scope, target, counter)


def _load_task(plan: Plan, spec: dict, position: int, scope: Region) -> Task:
    upper = None
    if spec.get("upper"):
        list_name, ref = spec["upper"]
        upper = Task.objects.get(plan=plan.parent, list_name=list_name, ref=ref)
    task = _save(Task(
        plan=plan, list_name=spec["list"], ref=spec["ref"], position=position,
        category=spec.get("category", ""), text=spec.get("text", ""), measures=spec.get("measures", ""),
        deadline_text=spec["deadline_text"], deadline=resolve_deadline(spec["deadline_text"], plan.year),
        optional=spec.get("optional", False), upper_task=upper,
        source_location=spec["location"], source_text=spec["source"],
    ))
    for role, key in ((Assignment.Role.LEAD, "leads"), (Assignment.Role.PARTNER, "partners")):
        for index, printed in enumerate(spec.get(key, []), start=1):
            unit = _resolve(printed, scope, plan.title)
            _save(Assignment(task=task, unit=unit, role=role, position=index,
                             printed_name=printed if printed != unit.name else ""))
    _load_targets(task, spec.get("targets", []), scope, None, [0])
    return task


def _has_reports(plan: Plan) -> bool:
    """Reloading replaces a plan's tasks, and their progress reports would cascade with
    them; reloading an upper plan would also cut the links of the plans implementing it.
    So a plan whose tasks, or whose implementing plans' tasks, have reports is kept."""
    return Task.objects.filter(Q(plan=plan) | Q(plan__parent=plan), progress_reports__isnull=False).exists()


def _load_plan(spec: dict) -> tuple[Plan, bool]:
    """The plan, written from `spec`; or, with True, the plan left as it is because it has reports."""
    try:
        scope = Region.objects.get(name=spec["scope"], level__in=[Region.Level.CITY, Region.Level.COUNTY])
    except Region.DoesNotExist:
        raise SampleDataError(f"找不到区划“{spec['scope']}”，请先载入样例单位库。") from None
    office = _resolve(spec["office"], scope, spec["title"])
    existing = Plan.objects.filter(office=office, doc_number=spec["doc_number"]).first()  # 文号 are per office
    if existing is not None and _has_reports(existing):
        return existing, True
    plan = existing or Plan(doc_number=spec["doc_number"])
    plan.title, plan.issuer, plan.issued_on = spec["title"], spec["issuer"], spec["issued_on"]
    plan.year, plan.kind, plan.references = spec["year"], spec["kind"], spec["references"]
    plan.office = office
    # The upper document as first kept (a district may keep its own copy under the same 文号).
    plan.parent = Plan.objects.filter(doc_number=spec["parent"]).order_by("pk").first() if spec["parent"] else None
    if spec["parent"] and plan.parent is None:
        raise SampleDataError(f"找不到上级方案“{spec['parent']}”，请按顺序载入样例方案。")
    _save(plan)

    # Re-running replaces the tasks (their assignments and targets cascade);
    # _has_reports above keeps any plan where that would lose someone's work.
    plan.tasks.all().delete()
    for position, task_spec in enumerate(spec["tasks"], start=1):
        _load_task(plan, task_spec, position, scope)
    return plan, False


@transaction.atomic
def load_plans() -> dict:
    """Write the sample plans, keyed by 文号; safe to run again. Returns counts, and in
    "kept" the titles of plans left as they were because they already have progress reports."""
    loaded = [_load_plan(spec) for spec in SAMPLE_PLANS]
    plans = [plan for plan, _ in loaded]
    return {
        "plans": len(plans),
        "tasks": Task.objects.filter(plan__in=plans).count(),
        "assignments": Assignment.objects.filter(task__plan__in=plans).count(),
        "targets": Target.objects.filter(task__plan__in=plans).count(),
        "kept": [plan.title for plan, kept in loaded if kept],
    }
