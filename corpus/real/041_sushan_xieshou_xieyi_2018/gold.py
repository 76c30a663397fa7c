import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# The agreement itself (not a news summary): 一、二、三、 headings on their own line (→ category), each
# followed by one paragraph. No unit clauses; the two provinces are the assignees of their own numbers.
# "力争2017年年内每个结对县(市、区)组织3-5对" is a per-county range. Published on the 江苏 发改委 site
# with no date of signing, so issued_on is the publication date; no plan year is printed.
JS, SX = "江苏省", "陕西省"
write(__file__, {"title": "扶贫协作 携手奔小康协议",
                 "issuer": "江苏省发展和改革委员会 陕西省发展和改革委员会",
                 "issued_on": "2018-05-03"}, [
    task("一", span("按照中央关于实施", "结对开展携手奔小康行动。"), category="实现贫困县(区)结对全覆盖",
         targets=[tg("结对县(市、区)", 51, "个", assignee=JS), tg("结对贫困县(区)", 56, "个", assignee=SX)]),
    task("二", span("按照中央关于“携手奔小康”行动的要求,指导", "项目落地生根。"), category="深化苏陕县县合作"),
    task("三", span("把深度贫困县、贫困乡镇作为帮扶重点", "帮扶绩效的工作考核。"), category="向深度贫困县倾斜",
         deadline_text="2017年年内", deadline="2017-12-31",
         targets=[tg("结对乡镇、行政村", 3, "对", ">=", per="county", max=5)]),
])
