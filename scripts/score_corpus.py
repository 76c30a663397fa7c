#!/usr/bin/env python
"""Import every document of the corpus and score it against its answer.

    .venv/bin/python scripts/score_corpus.py [--split tune|held_out|all] [--format txt ...]
                                             [--doc ID ...] [--json OUT] [-v]

Reads corpus/real/manifest.json and corpus/written/manifest.json (whichever
exist); each document is imported in every format its manifest lists, through
the project's importer with the sample registry (as scripts/score_seeds.py
does), and scored with ../shared/tools/score_import.py's rules (XIEZUO_SHARED
points elsewhere). Prints F1 per document, per format, per field and overall,
the tune and held_out parts separately. A refused document counts F1 0 and its
message is printed. --doc narrows to documents (manifest id or folder name);
-v adds each document's per-field figures. --raise-floors raises the
per-file floors that intake/tests/test_corpus_scores.py holds (never lowers).
"""

import argparse
import json
import sys
from pathlib import Path

from importer_setup import ROOT, SHARED, sample_registry

SPLIT_NAMES = {"tune": "调优部分（tune）", "held_out": "留出部分（held_out，不得用于调优）"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=["tune", "held_out", "all"], default="all")
    parser.add_argument("--format", action="append", choices=["txt", "docx", "pdf", "xlsx"], dest="formats")
    parser.add_argument("--doc", action="append", dest="ids", help="manifest id or folder name (repeatable)")
    parser.add_argument("--json", dest="json_out", help="write the results as JSON to this file")
    parser.add_argument("--raise-floors", action="store_true",
                        help="raise intake/tests/corpus_floors.json to today's figures (never lowers one; adds new files)")
    parser.add_argument("--corpus", default=str(ROOT / "corpus"), help=argparse.SUPPRESS)
    parser.add_argument("-v", action="store_true", dest="verbose")
    args = parser.parse_args()

    scorer_path = SHARED / "tools" / "score_import.py"
    if not scorer_path.exists():
        print(f"找不到评分程序 {scorer_path}：shared 目录不在仓库旁边，设置 XIEZUO_SHARED 指向它", file=sys.stderr)
        return 2
    corpus = Path(args.corpus)
    if not any((corpus / group / "manifest.json").exists() for group in ("real", "written")):
        print(f"找不到语料清单：{corpus}/real/manifest.json 和 {corpus}/written/manifest.json 都不存在", file=sys.stderr)
        return 2

    registry = sample_registry()
    from intake.corpus import as_json, score_corpus
    from intake.seeds import load_scorer

    splits = ("tune", "held_out") if args.split == "all" else (args.split,)
    summaries = score_corpus(corpus, load_scorer(scorer_path), registry, splits, args.formats, args.ids)
    results = as_json(summaries)
    for split in splits:
        print_split(SPLIT_NAMES[split], results[split], args.verbose)
    if args.raise_floors:
        from intake.corpus import FLOORS_FILE, Summary, file_key, load_floors, raised_floors

        old = load_floors()
        new = raised_floors(old, summaries)
        FLOORS_FILE.write_text(json.dumps(new, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        changed = [k for k, v in new.items() if old.get(k) != v]
        held_out = {file_key(r) for r in summaries.get("held_out", Summary()).results}
        shown = [f"{k}: {old.get(k, '—')} → {new[k]}" for k in changed if k not in held_out]
        print(f"每个文件的下限（{FLOORS_FILE.name}）：{len(changed)} 处提高或新增，其中留出部分 {len(changed) - len(shown)} 处"
              "（留出部分的逐份数字不打印，免得据它调规则）" + "".join(f"\n  {c}" for c in shown))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


def line(label: str, f: dict, width: int = 48) -> str:
    return f"  {label:<{width}} P={f['precision']:.3f} R={f['recall']:.3f} F1={f['f1']:.3f}  (tp {f['tp']}, fp {f['fp']}, fn {f['fn']})"


def print_split(title: str, part: dict, verbose: bool) -> None:
    print(f"== {title}：{part['documents']} 份文件，{part['files']} 个文件格式，{part['refused']} 个被拒绝")
    if not part["files"]:
        print("  （没有文件）\n")
        return
    print("-- 每份文件")
    for r in part["results"]:
        label = f"{r['document']} .{r['format']}  任务 {r['tasks_found']}/{r['tasks_expected']}"
        print(line(label, r, 64))
        if r["error"]:
            print(f"      导入失败：{r['error']}")
        if verbose:
            for kind, f in r["fields"].items():
                print("    " + line(kind, f, 60))
    print("-- 按格式")
    for fmt, f in part["formats"].items():
        print(line(f".{fmt}", f))
    print("-- 按来源（real 真实 / written 自拟）")
    for group, f in part["groups"].items():
        print(line(group, f))
    print("-- 按字段")
    for kind, f in part["fields"].items():
        print(line(kind, f))
    print(line("overall", part["overall"]))
    print(f"overall F1 = {part['overall']['f1']:.3f}\n")


if __name__ == "__main__":
    sys.exit(main())
