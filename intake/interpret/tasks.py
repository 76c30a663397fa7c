"""Building Plan JSON tasks: deadlines, units, targets and the source kept."""

import re

from intake.interpret import deadlines
from intake.interpret.targets import Context, extract_targets
from intake.interpret.text import squash, tidy
from intake.interpret.units import split_units


def plain_number(value):
    """Decimal → int when whole, else the Decimal itself (serialised as a JSON number)."""
    return int(value) if value == value.to_integral_value() else value


def targets_for(sources: list[list[str]], context: Context) -> list[dict]:
    """Targets from each source (task text, then measures), paragraph by paragraph.

    A later source restating a target an earlier one set (the district's
    measures repeating the city's quota for it) does not count it twice.
    """
    result: list[dict] = []
    seen_before: set[tuple] = set()
    metrics: dict[str, str] = {}  # last metric per unit, for figures that name only their unit
    for paragraphs in sources:
        here: list[dict] = []
        for paragraph in paragraphs:
            for found in extract_targets(paragraph, context, metrics):
                if found.metric != "数量":
                    metrics[found.quantity.unit] = found.metric
                q = found.quantity
                target = {
                    "metric": found.metric, "value": plain_number(q.value), "unit": q.unit,
                    "comparator": q.comparator, "assignee": found.assignee, "printed": q.printed,
                }
                if q.max is not None:
                    target["max"] = plain_number(q.max)
                if q.per:
                    target["per"] = q.per
                here.append(target)
        for target in here:
            key = (target["value"], target["unit"], target["assignee"])
            if key not in seen_before:
                result.append(target)
        seen_before |= {(t["value"], t["unit"], t["assignee"]) for t in here}
    return result


def make_task(*, ref, list_name, category, text, measures, lead, partner, deadline_text, year,
              score=None, evidence=None, optional=False, targets=(), location="", source_text="") -> dict:
    deadline_text = _deadline_text(deadline_text)
    resolved = deadlines.resolve(deadline_text, year) if deadline_text and year else None
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
        "source": {"location": location, "text": source_text},
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
