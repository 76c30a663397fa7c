#!/usr/bin/env python3
"""Store one document's stored-copy text: add_doc.py DIR URL < excerpt-as-JSON-string.

The search tool answers with the stored text as a JSON string; it is decoded here unchanged
(optionally cut with --cut-after TEXT, at the end of a task) and written as source.txt."""
import json, sys, pathlib, argparse
ap = argparse.ArgumentParser()
ap.add_argument("dir"); ap.add_argument("url"); ap.add_argument("--cut-after"); ap.add_argument("--cut-before")
a = ap.parse_args()
raw = sys.stdin.read().strip()
pathlib.Path("/tmp/raw").mkdir(exist_ok=True); pathlib.Path("/tmp/raw/" + a.dir + ".json").write_text(raw)
text = json.loads(raw)
if a.cut_after:
    i = text.index(a.cut_after)
    text = text[: i + len(a.cut_after)]
if a.cut_before:
    text = text[: text.index(a.cut_before)]
d = pathlib.Path(__file__).resolve().parent.parent / "real" / a.dir
d.mkdir(parents=True, exist_ok=True)
(d / "source.txt").write_text(text.rstrip() + "\n", encoding="utf-8")
(d / ".url").write_text(a.url + "\n")
print(d, len(text))
