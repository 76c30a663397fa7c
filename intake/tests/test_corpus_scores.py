"""The importer on the corpus (corpus/real, corpus/written), scored by the shared scorer.

The issue's target is ≥ 0.95 overall on the held-apart part in every format; it is
NOT reached yet (docs/benchmarks.md has the figures). What this test holds is
that the work so far is not lost:

- every file of the corpus keeps at least the F1 recorded for it in
  corpus_floors.json (`scripts/score_corpus.py --raise-floors` raises them and
  adds new files; it never lowers one), so a rule that helps one document may
  not quietly cost another, and a document read once is never refused again;
- over the files the floors were first set on, each part's overall F1 stays at
  or above the last figure measured (a document added later, harder or easier,
  does not move this figure);
- a refused file gets an error naming what is missing.

Never lower a floor. Needs ../shared; skips without it.
"""

from pathlib import Path

import pytest

from conftest import shared_path
from intake.corpus import add, file_key, load_floors, overall, score_corpus
from intake.seeds import load_scorer

ROOT = Path(__file__).resolve().parents[2]
# Over the files the floors were first set on (84 tune and 47 held-out files, listed in
# corpus_floors_first_set.txt): step 11 measured tune 0.922, held_out 0.548; the end of step 13
# (docs/benchmarks.md) tune 0.938, held_out 0.549.
FLOORS = {"tune": 0.935, "held_out": 0.548}
FIRST_SET = Path(__file__).with_name("corpus_floors_first_set.txt")


@pytest.fixture
def registry(db):
    from orgs.services import intake_registry
    from samples.registry import load_registry

    load_registry()
    return intake_registry()


def test_corpus_scores_hold_their_floors(registry):
    scorer = load_scorer(shared_path("tools/score_import.py"))
    summaries = score_corpus(ROOT / "corpus", scorer, registry)
    floors = load_floors()
    first_set = set(FIRST_SET.read_text(encoding="utf-8").split())
    below, refused = [], []
    for split, summary in summaries.items():
        first = scorer.Tally()
        for result in summary.results:
            key, f1 = file_key(result), overall(result.tally)["f1"]
            if f1 < floors.get(key, 0.0):
                below.append(f"{key}: F1 {f1} < {floors[key]}")
            if result.error:
                refused.append(f"{key}: {result.error}")
            if key in first_set:
                add(first, result.tally)
        f1 = overall(first)["f1"]
        assert f1 >= FLOORS[split], f"{split}: overall F1 over the first set {f1} < {FLOORS[split]}"
    assert not below, "files below their floor:\n" + "\n".join(below)
    for line in refused:
        assert "没有找到" in line or "找不到" in line or "不存在" in line, line  # the refusal names what is missing


def test_every_listed_file_has_a_floor():
    """A document added to a manifest gets its floor in the same change
    (`scripts/score_corpus.py --doc ID --raise-floors`), so it is held from then on."""
    from intake.corpus import entries

    floors = load_floors()
    missing = [f"{e.name}.{fmt}" for e in entries(ROOT / "corpus") for fmt in e.formats
               if f"{e.name}.{fmt}" not in floors]
    assert not missing, "no floor in intake/tests/corpus_floors.json for:\n" + "\n".join(missing)
