#!/usr/bin/env python3
"""Add one document to real_docs.json: register.py DIR TITLE ISSUER LAYOUT SPLIT (url from DIR/.url)."""
import json
import sys
from pathlib import Path

tools = Path(__file__).resolve().parent
d, title, issuer, layout, split = sys.argv[1:6]
url_file = tools.parent / "real" / d / ".url"
reg = tools / "real_docs.json"
docs = [e for e in json.loads(reg.read_text(encoding="utf-8")) if e["dir"] != d]
docs.append({"dir": d, "title": title, "issuer": issuer, "url": url_file.read_text().strip(),
             "layout": layout, "split": split})
docs.sort(key=lambda e: e["dir"])
reg.write_text(json.dumps(docs, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
url_file.unlink()
