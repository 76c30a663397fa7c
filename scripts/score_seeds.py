#!/usr/bin/env python
"""Import the seed documents and score the result against the gold answers.

    .venv/bin/python scripts/score_seeds.py [txt|docx|pdf|xlsx ...] [--out DIR]

Uses the sample registry (loaded into a throw-away in-memory database) so
group units such as 十街镇 expand to their members, as they would in use.
"""

import argparse
import sys
from pathlib import Path

from importer_setup import ROOT, SHARED, sample_registry


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("formats", nargs="*", default=["txt", "docx", "pdf", "xlsx"])
    parser.add_argument("--out", default=str(ROOT / "var" / "seed-output"))
    args = parser.parse_args()
    if not (SHARED / "seeds").is_dir():
        print(f"找不到种子文件目录 {SHARED / 'seeds'}（设置 XIEZUO_SHARED 指向 shared 目录）", file=sys.stderr)
        return 2

    registry = sample_registry()
    from intake.seeds import score, write_plan_json

    for fmt in args.formats:
        produced = write_plan_json(SHARED / "seeds", fmt, Path(args.out) / fmt, registry)
        f1, report = score(SHARED / "tools" / "score_import.py", SHARED / "seeds" / "gold", produced)
        print(f"== {fmt}: {len(produced)} 个文件，overall F1 = {f1:.3f}")
        print(report if "-v" in sys.argv else "", end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
