#!/usr/bin/env python3
"""The register of the real documents: writes each SOURCE.md and corpus/real/manifest.json.

Usage: python3 corpus/tools/real_index.py
Every entry: dir, title, issuer, url (the address the search tool gave for the stored copy),
layout (one line: what makes it different), split ("tune" or "held_out")."""
import json
from pathlib import Path

REAL = Path(__file__).resolve().parent.parent / "real"
RETRIEVED = "2026-12-03"
DOCS = json.loads((Path(__file__).resolve().parent / "real_docs.json").read_text(encoding="utf-8"))


def main():
    manifest = []
    for e in DOCS:
        d = REAL / e["dir"]
        formats = ["txt"] + [f for f in ("docx", "pdf", "xlsx") if (d / f"source.{f}").exists()]
        (d / "SOURCE.md").write_text(
            f"# {e['title']}\n\n"
            f"- 发文/发布单位: {e['issuer'] or '（原文未载）'}\n"
            f"- 地址: {e['url']}\n"
            f"- 取自检索工具的存储副本（pages 语料），取用日期 {RETRIEVED}；只存页面开头，截在一项任务结束处。\n"
            f"- 版式: {e['layout']}\n"
            f"- 文件: {', '.join('source.' + f for f in formats)}；gold.json 由 gold.py 生成（人工逐项阅读写成）。\n",
            encoding="utf-8")
        manifest.append({"id": e["dir"].split("_")[0], "dir": e["dir"], "formats": formats,
                         "split": e["split"], "source": e["url"], "layout": e["layout"]})
    (REAL / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n",
                                        encoding="utf-8")
    held = sum(m["split"] == "held_out" for m in manifest)
    print(f"{len(manifest)} documents, {held} held out")


if __name__ == "__main__":
    main()
