"""Building Plan JSON tasks: deadlines, units, targets and the source kept."""

import re

from intake.interpret import deadlines
from intake.interpret.metrics import QUOTA, metric_kind
from intake.interpret.parts import link_qizhong
from intake.interpret.targets import Context, extract_targets
from intake.interpret.text import squash, tidy
from intake.interpret.units import split_units, unit_level


def plain_number(value):
    """Decimal → int when whole, else the Decimal itself (serialised as a JSON number)."""
    return int(value) if value == value.to_integral_value() else value


def targets_for(sources: list[list[str]], context: Context) -> list[dict]:
    """Targets from each source (task text, then measures), paragraph by paragraph.

    A later source restating a target an earlier one set (the district's
    measures repeating the city's quota for it) does not count it twice, but
    it may still head a breakdown there: its parts then point at the first.
    """
    result: list[dict] = []
    first_index: dict[tuple, int] = {}
    metrics: dict[str, str] = {}  # last quota metric per unit, for figures that name only their unit
    for paragraphs in sources:
        here = []
        for paragraph in paragraphs:
            for found in extract_targets(paragraph, context, metrics):
                if not found.inherited and metric_kind(found.metric) == QUOTA:
                    metrics[found.quantity.unit] = found.metric
                here.append((_target_json(found), found))
        added_from = len(result)
        where: list[int] = []
        for target, _ in here:
            key = (target["value"], target["unit"], target["assignee"])
            if key in first_index and first_index[key] < added_from:
                where.append(first_index[key])
                continue
            first_index.setdefault(key, len(result))
            where.append(len(result))
            result.append(target)
        for part, total in {**link_qizhong(paragraphs, here), **link_parts(here)}.items():
            if where[part] >= added_from and where[part] != where[total]:
                result[where[part]]["part_of"] = where[total]
    return result


def _target_json(found) -> dict:
    q = found.quantity
    target = {
        "metric": found.metric, "value": plain_number(q.value), "unit": q.unit,
        "comparator": q.comparator, "assignee": found.assignee, "printed": q.printed,
    }
    if q.max is not None:
        target["max"] = plain_number(q.max)
    if q.per:
        target["per"] = q.per
    if found.each:
        target["each"] = found.each
    return target


def link_parts(found: list[tuple[dict, object]]) -> dict[int, int]:
    """Which figures of one cell break down the first: part index -> total index.

    The total is the cell's first quota; a part is a later quota in the same
    unit for another, lower unit, counting the same thing ("落实社会帮扶资金
    2700万元。马尾区、闽侯县…各300万"). "马尾区12名，鼓楼区11名" lists peers.
    """
    links: dict[int, int] = {}
    total = None
    for index, (target, item) in enumerate(found):
        if metric_kind(target["metric"]) != QUOTA:
            continue
        if total is None:
            total = index
            continue
        head = found[total][0]
        if target["unit"] != head["unit"] or target["assignee"] in (None, head["assignee"]):
            continue
        if not (item.inherited or target["metric"] == head["metric"]):
            continue
        if head["assignee"] is None or unit_level(head["assignee"]) < unit_level(target["assignee"]):
            links[index] = total
    return links


def make_task(*, ref, list_name, category, text, measures, lead, partner, deadline_text, year,
              score=None, evidence=None, optional=False, targets=(), location: str | None = "",
              source_text: str | None = "") -> dict:
    """One task of Plan JSON. A source part left None is left out: saving keeps what the task had."""
    deadline_text = _deadline_text(deadline_text)
    resolved = deadlines.resolve(deadline_text, year) if deadline_text else None
    return {
        "ref": ref,
        "list": list_name,
        "category": category or None,
        "text": squash(text) or None,
        "measures": squash(measures) or None,
        "lead_units": lead,
        "partner_units": partner,
        "deadline_text": deadline_text or None,
        "deadline": resolved.isoformat() if resolved else None,
        "score": score,
        "evidence_required": squash(evidence) or None,
        "optional": optional,
        "targets": list(targets),
        "source": {key: value for key, value in (("location", location), ("text", source_text)) if value is not None},
    }


def _deadline_text(text: str | None) -> str:
    # "10 月底前 12 月底前": spaces inside a step go, the space between steps stays.
    text = re.sub(r"\s+", " ", text or "").strip()
    return re.sub(r"(?<=[\d年月日])\s+(?=[\d月日底前])|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", text)


def units_of(paragraphs: list[str], aliases: dict[str, str]) -> list[str]:
    units: list[str] = []
    for paragraph in paragraphs:
        units.extend(split_units(paragraph, aliases))
    return units


def clean_category(text: str) -> str:
    return re.sub(r"^[一二三四五六七八九十]+[、.．]\s*", "", tidy(text))
