import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, task, write
load(Path(__file__).parent / "source.txt")
# A short news summary of a central guideline, one paragraph per point, numbered by position. The
# guiding-thought paragraph (意见指出,要全面贯彻…) and the closing line are not tasks; the 主要目标
# paragraph is (it sets what must be reached by 2020, though with no number). The pairing sentence
# "A帮扶B;C帮扶D;…" lists several pairs in one paragraph: one task, the helping sides lead (as 028).
# No title, date or year is printed on the page (the date is only in its address).
write(__file__, {}, [
    task(1, span("意见提出,加强东西部扶贫协作的主要目标", "解决区域性整体贫困。"),
         deadline_text="到2020年", deadline="2020-12-31"),
    task(2, span("意见调整了东西部扶贫协作结对关系", "贵州省遵义市。"),
         lead=["北京市", "天津市", "辽宁省大连市", "上海市"]),
    task(3, span("意见提出,要深化对口支援", "向农牧民倾斜。")),
])
