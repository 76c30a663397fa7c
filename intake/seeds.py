"""Running the importer over the seed documents (../shared/seeds) and the
corpus (corpus/), for the score tests, scripts/score_seeds.py and
scripts/score_corpus.py. Pure: the registry is passed in."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from intake.api import Registry, dumps, parse_document

FORMATS = ("txt", "docx", "pdf", "xlsx")


def seed_files(seed_dir: Path, fmt: str) -> list[Path]:
    folder = seed_dir if fmt == "txt" else seed_dir / fmt
    return sorted(folder.glob(f"*.{fmt}"))


def import_file(path: Path, registry: Registry | None = None) -> dict:
    """One file through the importer, as Plan JSON with plain JSON numbers
    (what the scorer reads). Raises IntakeError when the file is refused."""
    return json.loads(dumps(parse_document(path.read_bytes(), path.name, registry)))


def write_plan_json(seed_dir: Path, fmt: str, out_dir: Path, registry: Registry | None = None) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path in seed_files(seed_dir, fmt):
        plan = import_file(path, registry)
        target = out_dir / f"{path.stem}.json"
        target.write_text(json.dumps(plan, ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(target)
    return written


def load_scorer(scorer: Path) -> ModuleType:
    """The shared scorer (score_import.py) as a module, to tally documents one
    by one and sum them by format and by field with its own rules."""
    spec = importlib.util.spec_from_file_location("score_import", scorer)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(scorer: Path, gold_dir: Path, produced: list[Path]) -> tuple[float, str]:
    """Overall F1 over the produced files, scored against their gold answers."""
    lines, text = [], ""
    args = [sys.executable, str(scorer)]
    if len(produced) == len(list(gold_dir.glob("*.json"))):
        args += ["--gold-dir", str(gold_dir), "--produced-dir", str(produced[0].parent)]
        text = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    else:
        # Only some seeds come in this format: score those files together.
        from tempfile import TemporaryDirectory

        with TemporaryDirectory() as gold_subset:
            for path in produced:
                (Path(gold_subset) / path.name).write_bytes((gold_dir / path.name).read_bytes())
            args += ["--gold-dir", gold_subset, "--produced-dir", str(produced[0].parent)]
            text = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    lines = text.strip().splitlines()
    return float(lines[-1].rsplit("=", 1)[1]), text
