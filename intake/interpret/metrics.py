"""What kind of figure a metric names, for breakdowns and carry-over.

"2023年完成任务4.8万元，差额20.7万元。2024年下达总任务数为46.2万元": one
street's figures — last year's result, its shortfall, and this year's total
(quota plus shortfall) — beside the plain quota (每个街镇25.5万元).
"""

import re
from functools import lru_cache

DONE, SHORTFALL, TOTAL, QUOTA = "done", "shortfall", "total", "quota"

_SHORTFALL = re.compile(r"差额|缺口|未完成|欠")
_TOTAL = re.compile(r"总任务|下达总|合计|现需|共计")
# "2023年完成任务4.8万元" (the year is stripped from the metric); "招商引资实际到资额
# 完成10亿元" is a quota: 完成 there means "achieve".
_DONE = re.compile(r"^(?:已|实际)?(?:完成|筹集)(?:任务|筹集任务)?$|^已筹")


@lru_cache(maxsize=8192)  # a plan repeats a few metric names thousands of times
def metric_kind(metric: str | None) -> str:
    metric = metric or ""
    if _SHORTFALL.search(metric):
        return SHORTFALL
    if _TOTAL.search(metric):
        return TOTAL
    if _DONE.search(metric):
        return DONE
    return QUOTA
