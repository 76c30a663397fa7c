#!/usr/bin/env python3
"""Check the real corpus is whole: every manifest entry has source.txt, SOURCE.md, gold.json of the
Plan JSON shape, the binaries it lists, and each gold parses with the shared scorer (gold vs gold = 1.0).

Usage: python3 corpus/tools/check_real.py [--scorer /work/shared/tools/score_import.py]"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

REAL = Path(__file__).resolve().parent.parent / "real"
PLAN_KEYS = {"title", "doc_number", "issuer", "issued_on", "year", "references"}
TASK_KEYS = {"ref", "list", "category", "text", "measures", "lead_units", "partner_units", "deadline_text",
             "deadline", "score", "evidence_required", "optional", "targets"}
TARGET_KEYS = {"metric", "value", "unit", "comparator", "assignee"}


def problems(entry):
    d = REAL / entry["dir"]
    for name in ["source.txt", "SOURCE.md", "gold.json"] + [f"source.{f}" for f in entry["formats"] if f != "txt"]:
        if not (d / name).exists():
            yield f"missing {name}"
    gold = json.loads((d / "gold.json").read_text(encoding="utf-8"))
    if gold.get("format") != "plan/1" or set(gold["plan"]) != PLAN_KEYS:
        yield "plan keys"
    if not gold["tasks"]:
        yield "no tasks"
    for t in gold["tasks"]:
        if set(t) != TASK_KEYS:
            yield f"task {t.get('ref')}: keys {sorted(set(t) ^ TASK_KEYS)}"
        for g in t["targets"]:
            if not TARGET_KEYS <= set(g) or g["comparator"] not in {"=", ">=", "<="}:
                yield f"task {t['ref']}: target {g}"
            if not isinstance(g["value"], (int, float)):
                yield f"task {t['ref']}: value {g['value']!r}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scorer", default="/work/shared/tools/score_import.py")
    a = ap.parse_args()
    manifest = json.loads((REAL / "manifest.json").read_text(encoding="utf-8"))
    bad = 0
    for e in manifest:
        found = list(problems(e))
        g = REAL / e["dir"] / "gold.json"
        out = subprocess.run([sys.executable, a.scorer, str(g), str(g)], capture_output=True, text=True).stdout
        if not out.strip().endswith("overall F1 = 1.000"):
            found.append("scorer does not read it")
        for p in found:
            print(f"{e['dir']}: {p}")
        bad += bool(found)
    held = sum(e["split"] == "held_out" for e in manifest)
    fmts = {f: sum(f in e["formats"] for e in manifest) for f in ("docx", "pdf", "xlsx")}
    print(f"{len(manifest)} documents ({held} held out), binaries {fmts}, {bad} with problems")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
