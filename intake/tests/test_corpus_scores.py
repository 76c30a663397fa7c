"""The importer on the corpus (corpus/real, corpus/written), scored by the shared scorer.

The issue's target is ≥ 0.95 overall on the held-apart part in every format; it is
NOT reached yet (docs/benchmarks.md has the figures). What this test holds is
that the work so far is not lost: each part's overall F1 stays at or above the
last figure measured, and no document is refused that was read then. Raise the
floors as the importer improves; never lower them. Needs ../shared; skips without it.
"""

from pathlib import Path

import pytest

from conftest import shared_path
from intake.corpus import overall, score_corpus
from intake.seeds import load_scorer

ROOT = Path(__file__).resolve().parents[2]
# Last measured (docs/benchmarks.md, step 11): tune 0.922, held_out 0.548.
FLOORS = {"tune": 0.92, "held_out": 0.545}
MOST_REFUSED = {"tune": 6, "held_out": 6}


@pytest.fixture
def registry(db):
    from samples.registry import load_registry
    from orgs.services import intake_registry

    load_registry()
    return intake_registry()


def test_corpus_scores_hold_their_floors(registry):
    scorer = load_scorer(shared_path("tools/score_import.py"))
    summaries = score_corpus(ROOT / "corpus", scorer, registry)
    for split, summary in summaries.items():
        f1 = overall(summary.overall)["f1"]
        refused = [f"{r.entry.name}.{r.fmt}: {r.error}" for r in summary.results if r.error]
        assert f1 >= FLOORS[split], f"{split}: overall F1 {f1} < {FLOORS[split]}"
        assert len(refused) <= MOST_REFUSED[split], "\n".join(refused)
        for line in refused:
            assert "没有找到" in line or "找不到" in line or "不存在" in line, line  # the refusal names what is missing
