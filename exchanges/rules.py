"""The rules exchanges must meet, checked per pairing and year:

- “每个结对乡镇每年至少开展互访交流2次”: every town-level pairing active in the year, at least 2
  exchanges in it (either direction);
- “党委或政府主要负责同志赴结对县（区）开展工作对接”: every county-level pairing active in the year,
  at least one visit to the helped side led by a principal leader (主要负责同志).

Pure over rows already loaded: `check(pairings, exchanges, year)`.
"""

from dataclasses import dataclass

from orgs.models import Pairing
from exchanges.models import Exchange

TOWN_MIN = 2


@dataclass(frozen=True)
class Result:
    pairing: Pairing
    code: str
    rule: str
    required: int
    done: int

    @property
    def met(self) -> bool:
        return self.done >= self.required

    @property
    def message(self) -> str:
        state = "已达到" if self.met else "未达到"
        return f"{self.rule}：已{self.done}次，应至少{self.required}次，{state}"


RULES = {
    "town_twice": (Pairing.Level.TOWN, f"每个结对乡镇每年至少开展互访交流{TOWN_MIN}次", TOWN_MIN),
    "principal_visit": (Pairing.Level.COUNTY, "党委或政府主要负责同志赴结对县（区）开展工作对接", 1),
}


def _counts(code: str, exchange: Exchange) -> bool:
    if code == "principal_visit":
        return exchange.is_principal and exchange.direction == Exchange.Direction.TO_HELPED
    return True


def check(pairings, exchanges, year: int) -> list[Result]:
    """A result per pairing a rule applies to (active in `year`, at the rule's level)."""
    by_pairing: dict[int, list[Exchange]] = {}
    for exchange in exchanges:
        if exchange.date.year == year:
            by_pairing.setdefault(exchange.pairing_id, []).append(exchange)
    results = []
    for pairing in pairings:
        if pairing.start_year > year or (pairing.end_year and pairing.end_year < year):
            continue
        for code, (level, text, required) in RULES.items():
            if pairing.level == level:
                done = sum(1 for e in by_pairing.get(pairing.pk, ()) if _counts(code, e))
                results.append(Result(pairing, code, text, required, done))
    return results
