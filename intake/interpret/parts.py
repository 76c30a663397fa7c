"""其中: the figures after it are parts of the figure before it.

"社会帮扶资金500万元，其中各乡镇（街道）380万元", "就业500人，其中脱贫劳动力150人",
"秋冬种面积4.2万亩以上，其中油菜1.78万亩、绿肥0.9万亩…": every later figure in the
same measure, up to the end of the sentence, is a part of the last figure before 其中.
The checks hold the parts to their whole (never more; less only noted, since a list
after 其中 need not be complete).
"""

import re

from intake.interpret import hant
from intake.interpret.metrics import DONE, SHORTFALL, metric_kind
from intake.interpret.quantities import find_quantities
from intake.interpret.text import tidy

_SENTENCE_END = "。；;\n"
# Rates and shares do not add up; 完成/差额 figures belong to the carry-over checks.
_NOT_SUMMED = {"%", "个百分点"}
_NOT_PARTS = {DONE, SHORTFALL}
# A clause opening with a verb states something else: "其中…1.2万亩，完成高标准农田建设0.41万亩".
_NEW_STATEMENT = re.compile(r"[，,](?:要|并|还|再)?(?:完成|确保|实现|力争|新增|建成|建设|开展|推进|组织|落实|争取|保持|达到|稳定|提高|"
                            r"引导|带动|帮助|培训|选派|举办|打造|推动|支持|加强|全面|积极)")


def link_qizhong(paragraphs: list[str], found: list[tuple[dict, object]]) -> dict[int, int]:
    """Part index -> whole index among `found` (the targets read from `paragraphs`, in order)."""
    text = "\n".join(hant.fold(tidy(p)) for p in paragraphs)
    if "其中" not in text:
        return {}
    at, ends_at = _positions(text, found)
    links: dict[int, int] = {}
    for match in re.finditer("其中", text):
        start = max(text.rfind(c, 0, match.start()) for c in _SENTENCE_END) + 1
        ends = [text.find(c, match.end()) for c in _SENTENCE_END] + [text.find("其中", match.end())]
        ends.append(next((m.start() for m in _NEW_STATEMENT.finditer(text, match.end())), -1))
        end = min([e for e in ends if e >= 0] or [len(text)])
        before = [i for i in at if start <= at[i] < match.start()]
        if not before:
            continue
        last = max(at[i] for i in before)
        wholes = [i for i in before if at[i] == last]
        if len(wholes) != 1:
            continue  # "马尾区、闽侯县各300万元，其中…": which of them is meant is unclear
        whole = found[wholes[0]][0]
        if whole["unit"] in _NOT_SUMMED or metric_kind(whole["metric"]) in _NOT_PARTS:
            continue
        for index in sorted((i for i in at if match.end() <= at[i] < end), key=lambda i: (at[i], i)):
            part = found[index][0]
            if text.startswith("的", ends_at[index]):
                continue  # "其中50万元以上的村达到20个": a threshold describing what is counted
            if part["unit"] != whole["unit"] or part.get("per") != whole.get("per"):
                break  # another measure starts another statement
            if metric_kind(part["metric"]) not in _NOT_PARTS:
                links[index] = wholes[0]
    return links


def _positions(text: str, found: list[tuple[dict, object]]) -> tuple[dict[int, int], dict[int, int]]:
    """Where each target's figure is printed in `text`: the targets are in printed order,
    so each is the next quantity of its value and measure (several targets may share one
    figure, "各300万元")."""
    printed = find_quantities(text)
    positions: dict[int, int] = {}
    ends: dict[int, int] = {}
    cursor, previous, place, end = 0, None, None, None
    for index, (target, item) in enumerate(found):
        quantity = getattr(item, "quantity", None)
        if quantity is None:
            break
        if quantity is not previous:
            while cursor < len(printed) and (printed[cursor].value, printed[cursor].unit) != (quantity.value, quantity.unit):
                cursor += 1
            if cursor == len(printed):
                break
            place, end, previous = printed[cursor].start, printed[cursor].end, quantity
            cursor += 1
        positions[index], ends[index] = place, end
    return positions, ends
