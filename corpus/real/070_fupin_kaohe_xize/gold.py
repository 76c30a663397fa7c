import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A 考核细则 copied as plain lines (the page's table is gone): sections "1、组织领导(20分)" and
# "二、精准扶贫精准脱贫(120分)" (the first printed with an arabic 1), sub-sections "一)…(30分)",
# "2)…(10分)" (the half-bracket numbers as printed), items "1、要求。(6分) 评分标准". Per NOTES 考核表/056:
# the requirement → text, "(6分)" → score (not kept in text), what follows → evidence_required, the
# nearest section/sub-section name → category. 4) has one unnumbered item → the task is 二.4 itself.
# Section scores add up: 6+4+10=20; 5×6=30, 5+5=10, 5+5=10, 10 (二's 120 also counts parts not
# stored). Targets only where the requirement sets a number: "不少于2个", "知晓率100%", "每月在岗不少于
# 20天" (per month). "每周召开一次" has no arabic numeral (as 047's 半天) → no target. Evidence's
# "至少2种宣传方式" is how points are given, not a target. No title, issuer or date in the stored part.
def item(ref, start, pts, evidence, category, targets=()):
    return task(ref, span(start, upto="(%d分)" % pts), score=pts, evidence=evidence, category=category,
                targets=targets)
G, S = "组织领导", "扶贫手册填写"
E30 = "发现一处错误扣2分,扣完30分为止。"
E10 = "发现一处错误扣2分,扣完10分为止。"
write(__file__, {}, [
    item("1.1", "建立有扶贫工作组织机构", 6, "每缺少一项扣2分,扣完20分为止。", G),
    item("1.2", "有独立的扶贫工作室", 4, "每缺少一项扣2分,扣完20分为止。", G,
         [tg("扶贫档案柜", 2, "个", ">=")]),
    item("1.3", "每月定期召开扶贫专题工作会议", 10, "每缺少一项扣2分,扣完20分为止。", G),
    item("二.一.1", "基础信息正确填写", 6, E30, S),
    item("二.一.2", "帮扶措施要按照要求填写", 6, E30, S),
    item("二.一.3", "帮扶成效按要求填写", 6, E30, S),
    item("二.一.4", "帮扶人和贫困户签字不得漏签", 6, E30, S),
    item("二.一.5", "扶贫手册填写整洁", 6, E30, S),
    item("二.2.1", "基础信息与扶贫手册", 5, E10, "信息系统"),
    item("二.2.2", "按要求及时进行信息更新", 5, E10, "信息系统"),
    item("二.3.1", "通过村民代表大会", 5, "发现一例政策不知晓情况扣1分,扣完10分为止。", "政策宣传",
         [tg("群众政策知晓率", 100, "%")]),
    item("二.3.2", "通过扶贫宣传栏", 5, "至少2种宣传方式,否则不得分。", "政策宣传"),
    item("二.4", "驻村工作队管理规范", 10, "“十个一”有一个完成不了,扣10分。", "扶贫工作队管理",
         [tg("驻村工作队每月在岗", 20, "天", ">=", per="month")]),
])
