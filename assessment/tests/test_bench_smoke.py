"""scripts/bench_assessment.py run tiny on the test database, so the script cannot rot: its
generator makes a small city, and the four pages are timed through the test client, writing
nothing, in a number of queries that does not grow with the units."""

from conftest import load_script


def test_the_assessment_pages_are_timed_and_write_nothing(db):
    script = load_script("bench_assessment")
    scheme = script.generate(script.Shape.smoke())
    lines = []
    results = script.measure(scheme, repeat=2, log=lines.append)
    assert len(results) == 4 and len(lines) == 5
    for result in results:
        assert len(result.runs) == 2 and all(ms > 0 for ms in result.runs) and result.writes == []
        assert result.queries < 40
    bigger = script.generate(script.Shape(units=24, items=3), seed=2)
    again = script.measure(bigger, repeat=1)
    # The plan page and the score table: the same number of queries for twice the units.
    assert [r.queries for r in again][:2] == [r.queries for r in results][:2]
