"""Figures a unit does not type: a later app computes a target's value from rows it keeps (the
roster of dispatched people, detail ledgers) instead of a report carrying it.

`plans` → `reporting` come before those apps, so they register here, in their
`AppConfig.ready()`, a function `source(plan_ids, months, today) -> {month: {target_id: value}}`
giving, for each month (its first day) the value of every target it computes as of that
month's end (or today, within the month). oversight's snapshot lays these values over the
reported ones, so the dashboard, the bulletin, the ledger and the API count them alike, and
rolls them up through breakdowns like any unit's figure. A target is either computed or
reported, never both: where a source gives a value, it is the target's own value.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

Source = Callable[[list[int], list[datetime.date], datetime.date], dict[datetime.date, dict[int, Decimal]]]

SOURCES: list[Source] = []


def register(source: Source) -> None:
    if source not in SOURCES:
        SOURCES.append(source)


def derived_values(plan_ids, months: list[datetime.date], today: datetime.date) -> dict[datetime.date, dict[int, Decimal]]:
    """Every registered source's values, merged month by month."""
    merged: dict[datetime.date, dict[int, Decimal]] = {}
    for source in SOURCES:
        for month, values in source(list(plan_ids), months, today).items():
            merged.setdefault(month, {}).update(values)
    return merged


def overlay(reported: dict[datetime.date, dict[int, Decimal]], plan_ids, months, today) -> None:
    """Lay the computed values over the reported ones (in place), month by month."""
    for month, values in derived_values(plan_ids, months, today).items():
        if month in reported:
            reported[month].update(values)


# -- on the report page --------------------------------------------------------------------------
# A computed target has nothing to type: the report page shows its value, what it was computed
# from and where the rows are listed, in place of the input, and saving stores no figure for it.

@dataclass(frozen=True)
class Shown:
    value: Decimal
    text: str  # “由明细台账计算：截至11月30日共3条”
    url: str  # the rows behind the value


Explainer = Callable[..., dict[int, Shown]]  # (report, targets, today) -> {target_id: Shown}

EXPLAINERS: list[Explainer] = []


def register_explainer(explainer: Explainer) -> None:
    if explainer not in EXPLAINERS:
        EXPLAINERS.append(explainer)


def shown_on_report(report, targets, today: datetime.date) -> dict[int, Shown]:
    """The report's targets some app computes, each with its value as of the report's month."""
    shown: dict[int, Shown] = {}
    for explainer in EXPLAINERS:
        shown.update(explainer(report, targets, today))
    return shown
