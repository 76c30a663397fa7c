"""A text with no numbering at all (a news item summing up an agreement): each paragraph that
commits someone to something is proposed as a task, numbered by position."""

import re

from intake.document import Paragraph
from intake.interpret import hant
from intake.interpret.items import deadline_in, split_units_of
from intake.interpret.quantities import find_quantities
from intake.interpret.targets import Context
from intake.interpret.tasks import make_task, targets_for
from intake.interpret.text import tidy
from intake.interpret.units import looks_like_unit

# A paragraph saying what someone will do ("协议明确", "将…", "每年…不少于") rather than what was done.
_COMMITS = re.compile(r"协议明确|提出|通知明确|通知要求|协议约定|根据.{0,8}协议|将|要求|计划|力争|确保|拟|每年|不少于|不低于")
_PAST = re.compile(r"累计|截至|以来|去年|上年|已经|已[^经]")
_REPORTS = re.compile(r"获悉|签署|签订|举行|记者")
# A pairing line of a news item: "西安市灞桥区、国际港务区帮扶汉中市略阳县" (the helpers lead).
_PAIR = re.compile(r"^(?:由)?([^，。；,;：:\d]{2,60}?)(?:结对|对口)?帮扶([^，。；,;：:\d]{2,30})[。]?$")
_NOT_BODY = re.compile(r"^(?:来源|编辑|责任编辑|发布|浏览|点击|【|首页|当前位置)|版权所有|ICP")


def tasks_from_paragraphs(paragraphs: list[Paragraph], *, year, context: Context, aliases) -> list[dict]:
    """A text with no numbering at all (a news item summing up an agreement): each paragraph
    that commits someone to something is proposed as a task, numbered by position, every
    field marked for the clerk to confirm."""
    tasks = []
    for paragraph in paragraphs:
        text = tidy(paragraph.full_text)
        cues = hant.fold(text)
        pair = _PAIR.match(cues)
        helpers = [u.strip() for u in re.split(r"[、和及与]", text[:pair.end(1)])] if pair else []
        if pair and len(text) < 60 and helpers and looks_like_unit(helpers[0]) and looks_like_unit(text[pair.start(2):].rstrip("。")):
            task = make_task(
                ref=str(len(tasks) + 1), list_name=None, category=None, text=text, measures=None,
                lead=helpers, partner=[], deadline_text="", year=year, targets=[],
                location=paragraph.location, source_text=text,
            )
            task["unsure"] = ["task", "deadline"]
            tasks.append(task)
            continue
        if len(text) < 40 or _NOT_BODY.search(cues) or not re.search(r"[，。；,;]", text):
            continue
        if not _COMMITS.search(cues) or (_PAST.search(cues) and not re.search(r"将|协议|要求|计划", cues)):
            continue
        if _REPORTS.search(cues) and not find_quantities(text):
            continue  # the lede: "记者获悉，两省签署协议……", no commitment of its own
        text, units = split_units_of(text, aliases)
        deadline_text = deadline_in(text, year)
        task = make_task(
            ref=str(len(tasks) + 1), list_name=None, category=None, text=text, measures=None,
            lead=units[0] if units else [], partner=units[1] if units else [],
            deadline_text=deadline_text or "", year=year, targets=targets_for([[text]], context),
            location=paragraph.location, source_text=text,
        )
        task["unsure"] = ["task"] + ([] if units else ["units"]) + ([] if deadline_text else ["deadline"])
        tasks.append(task)
    return tasks
