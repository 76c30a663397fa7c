"""A city's bulletin names the first and last units and the furthest behind, not thousands of rows."""

import dataclasses
import datetime

from oversight import status as st
from oversight.access import scope_for
from oversight.bulletin import BEHIND_LISTED, NAMES_LISTED, RANKED_LISTED, bulletin_content
from oversight.snapshot import ReportingRate, build_snapshot
from oversight.tests.conftest import NOV30


def grown(snapshot, units: int, lagging: int, unreported: int):
    """The fixture's snapshot with as many units, lagging targets and silent units as a city has."""
    [first, *_] = snapshot.by_unit
    snapshot.by_unit = [dataclasses.replace(first, unit_id=n, name=f"单位{n:04d}", rank=n) for n in range(1, units + 1)]
    [behind] = [s for s in snapshot.statuses.values() if s.warning == st.WARN_YELLOW][:1]
    snapshot.statuses = {n: dataclasses.replace(behind, target=dataclasses.replace(behind.target, id=n))
                         for n in range(1, lagging + 1)}
    snapshot.unreported = [ReportingRate(f"未报单位{n}", 2, 0, key=n) for n in range(unreported)]
    return snapshot


def test_a_large_scope_lists_the_first_and_last_units_and_the_furthest_behind(reported):
    scope = scope_for(reported["people"]["office"], "plan", reported["plan"].pk)
    snapshot = grown(build_snapshot(scope.plans, datetime.date(2026, 11, 1), NOV30), 500, 200, 80)
    content = bulletin_content(snapshot, scope)
    ranking, reporting, behind = content.sections[1], content.sections[2], content.sections[3]
    [table] = ranking.tables
    half = RANKED_LISTED // 2
    assert [row[1] for row in table.rows[:2]] == ["单位0001", "单位0002"]
    assert table.rows[half][0] == "…" and f"第{half + 1}至{500 - half}位略" in table.rows[half][1]
    assert [row[0] for row in table.rows[-2:]] == ["499", "500"] and len(table.rows) == RANKED_LISTED + 1
    assert any("共500个单位参与排名" in p for p in ranking.paragraphs)
    assert sum(len(t.rows) for t in behind.tables) == BEHIND_LISTED
    assert any(f"共200项，下表列出差距最大的{BEHIND_LISTED}项" in p for p in behind.paragraphs)
    missing = next(p for p in reporting.paragraphs if "仍未报送" in p)
    assert f"未报单位{NAMES_LISTED - 1}（2份）等80个" in missing and f"未报单位{NAMES_LISTED}（" not in missing
