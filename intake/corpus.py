"""Scoring the importer on the corpus (corpus/real, corpus/written): every
document in every format it comes in, against its hand-checked answer, with
the shared scorer's rules (score_import.py, passed in as a module). Pure: the
registry and the scorer are passed in; scripts/score_corpus.py prints.

A document the importer refuses scores F1 0 (every fact of its answer is
missed) and keeps the importer's message, which must name what was missing.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from intake.api import Registry
from intake.errors import IntakeError
from intake.seeds import import_file

GROUPS = ("real", "written")
SPLITS = ("tune", "held_out")


@dataclass
class Entry:
    group: str  # "real" or "written"
    id: str
    folder: Path
    formats: list[str]
    split: str
    layout: str = ""

    @property
    def name(self) -> str:
        return f"{self.group}/{self.folder.name}"


@dataclass
class Result:
    entry: Entry
    fmt: str
    tally: object  # the scorer's Tally for this one file
    error: str | None = None
    tasks_found: int = 0
    tasks_expected: int = 0


@dataclass
class Summary:
    """The results of one split, and the scorer's tallies summed three ways."""

    results: list[Result] = field(default_factory=list)
    overall: object = None
    by_format: dict = field(default_factory=dict)
    by_group: dict = field(default_factory=dict)


def entries(corpus_dir: Path) -> list[Entry]:
    """The documents listed in corpus/<group>/manifest.json, for the groups present."""
    found = []
    for group in GROUPS:
        manifest = corpus_dir / group / "manifest.json"
        if not manifest.exists():
            continue
        for item in json.loads(manifest.read_text(encoding="utf-8")):
            found.append(Entry(group, str(item["id"]), corpus_dir / group / item["dir"], list(item["formats"]),
                               item["split"], item.get("layout", "")))
    return found


def source_file(entry: Entry, fmt: str) -> Path:
    """Each format of a document is `source.<fmt>` in its folder (both groups)."""
    return entry.folder / f"source.{fmt}"


def score_file(entry: Entry, fmt: str, scorer: ModuleType, registry: Registry | None) -> Result:
    gold = json.loads((entry.folder / "gold.json").read_text(encoding="utf-8"))
    path = source_file(entry, fmt)
    error = None
    if not path.exists():
        produced, error = {"plan": {}, "tasks": []}, f"{path.name}：清单列出了此格式，但文件不存在"
    else:
        try:
            produced = import_file(path, registry)
        except IntakeError as refused:
            produced, error = {"plan": {}, "tasks": []}, str(refused)
    tally = scorer.Tally()
    scorer.score(gold, produced, tally)
    return Result(entry, fmt, tally, error, len(produced.get("tasks", [])), len(gold.get("tasks", [])))


def score_corpus(corpus_dir: Path, scorer: ModuleType, registry: Registry | None, splits=SPLITS,
                 formats=None, ids=None) -> dict[str, Summary]:
    """Score every listed document of the chosen splits and formats; `ids`
    (manifest id or folder name) narrows to some documents."""
    summaries = {split: Summary(overall=scorer.Tally()) for split in splits}
    for entry in entries(corpus_dir):
        if entry.split not in summaries:
            continue
        if ids and not ({entry.id, entry.folder.name, entry.name} & set(ids)):
            continue
        summary = summaries[entry.split]
        for fmt in entry.formats:
            if formats and fmt not in formats:
                continue
            result = score_file(entry, fmt, scorer, registry)
            summary.results.append(result)
            add(summary.overall, result.tally)
            add(summary.by_format.setdefault(fmt, scorer.Tally()), result.tally)
            add(summary.by_group.setdefault(entry.group, scorer.Tally()), result.tally)
    return summaries


def add(total, part) -> None:
    """Sum one file's tally into a larger one (the scorer's counters)."""
    total.tp.update(part.tp)
    total.fp.update(part.fp)
    total.fn.update(part.fn)


def figures(tp: int, fp: int, fn: int) -> dict:
    """Precision, recall and F1 as the scorer computes them."""
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3), "tp": tp, "fp": fp, "fn": fn}


def overall(tally) -> dict:
    return figures(sum(tally.tp.values()), sum(tally.fp.values()), sum(tally.fn.values()))


def by_field(tally) -> dict:
    kinds = sorted(set(tally.tp) | set(tally.fp) | set(tally.fn))
    return {kind: figures(tally.tp[kind], tally.fp[kind], tally.fn[kind]) for kind in kinds}


FLOORS_FILE = Path(__file__).resolve().parent / "tests" / "corpus_floors.json"


def file_key(result: "Result") -> str:
    """How a scored file is named in the floors file: real/<dir>.<fmt>."""
    return f"{result.entry.name}.{result.fmt}"


def load_floors(path: Path = FLOORS_FILE) -> dict[str, float]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def raised_floors(floors: dict[str, float], summaries: dict[str, "Summary"]) -> dict[str, float]:
    """Each scored file's floor becomes the higher of its old floor and its F1 now;
    a file without a floor gets its F1 now. A floor is never lowered."""
    new = dict(floors)
    for summary in summaries.values():
        for result in summary.results:
            key, f1 = file_key(result), overall(result.tally)["f1"]
            new[key] = max(new.get(key, 0.0), f1)
    return dict(sorted(new.items()))


def as_json(summaries: dict[str, Summary]) -> dict:
    """Machine-readable results: per split, overall, per format, per group
    (real / written), per field, per document."""
    out = {}
    for split, summary in summaries.items():
        out[split] = {
            "documents": len({r.entry.name for r in summary.results}),
            "files": len(summary.results),
            "refused": sum(1 for r in summary.results if r.error),
            "overall": overall(summary.overall),
            "formats": {fmt: overall(t) for fmt, t in sorted(summary.by_format.items())},
            "groups": {group: overall(t) for group, t in sorted(summary.by_group.items())},
            "fields": by_field(summary.overall),
            "results": [
                {"document": r.entry.name, "id": r.entry.id, "format": r.fmt, "layout": r.entry.layout,
                 "tasks_expected": r.tasks_expected, "tasks_found": r.tasks_found,
                 "error": r.error, **overall(r.tally), "fields": by_field(r.tally)}
                for r in summary.results
            ],
        }
    return out
