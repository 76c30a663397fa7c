import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, task, write
load(Path(__file__).parent / "source.txt")
# A news page carrying a district congress announcement (公告第1号): "确定区政府2023年民生实事项目为10项,
# 分别是:一、A;…十、J。" — one line each, project names only (no quantities, units or dates). The
# spam words "365bet账号被限制_beat365在线_beat365体育登陆网址" are glued before the district name in
# three lines (as 036's replaced name): the issuer is read past them. Items' closing ";"/"。" are list
# punctuation, left out. Year 2023 (the projects' year); the announcement's date 2022-12-27. The news
# lead and the closing "下一步,区人大常委会将组织…监督" (the congress's oversight, not a 实事) are no tasks.
NUM = "一二三四五六七八九十"
lines = [ln for ln in Path(__file__).parent.joinpath("source.txt").read_text(encoding="utf-8").splitlines()
         if ln[:2] in {c + "、" for c in NUM}]
assert len(lines) == 10
write(__file__, {"title": "荆州区第七届人民代表大会第二次会议公告", "doc_number": "第1号",
                 "issuer": "荆州区第七届人民代表大会第二次会议主席团", "issued_on": "2022-12-27",
                 "year": 2023},
      [task(ln[0], span(ln[2:].rstrip(";。"))) for ln in lines])
