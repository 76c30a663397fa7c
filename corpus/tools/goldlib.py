"""Helpers for writing a document's hand-checked answer (gold.json) in Plan JSON.

A per-document script (gold.py next to source.txt) states every field by hand; `span()` only
copies the task text out of source.txt between two markers the annotator chose, so the text is
the printed one (whitespace removed, as in seeds/gold) and not retyped."""
import json
import re
from pathlib import Path

_src = None


def load(path):
    global _src
    _src = Path(path).read_text(encoding="utf-8")


def span(start, end=None, upto=None):
    """The source text from `start` up to and including `end` (or just `start`), or up to but
    excluding `upto`, whitespace removed."""
    i = _src.index(start)
    if upto:
        j = _src.index(upto, i)
    else:
        j = _src.index(end, i) + len(end) if end else i + len(start)
    return re.sub(r"\s+", "", _src[i:j])


def tg(metric, value, unit, comparator="=", assignee=None, **extra):
    d = {"metric": metric, "value": value, "unit": unit, "comparator": comparator, "assignee": assignee}
    d.update(extra)
    return d


def task(ref, text, lead=(), partner=(), deadline_text=None, deadline=None, targets=(), lst=None,
         category=None, measures=None, score=None, evidence=None, optional=False):
    return {"ref": str(ref), "list": lst, "category": category, "text": text, "measures": measures,
            "lead_units": list(lead), "partner_units": list(partner), "deadline_text": deadline_text,
            "deadline": deadline, "score": score, "evidence_required": evidence, "optional": optional,
            "targets": list(targets)}


def write(here, plan, tasks):
    gold = {"format": "plan/1", "plan": {"title": None, "doc_number": None, "issuer": None,
                                          "issued_on": None, "year": None, "references": [], **plan},
            "tasks": tasks}
    refs = [(t["list"], t["ref"]) for t in tasks]
    assert len(refs) == len(set(refs)), "duplicate task refs"
    out = Path(here).parent / "gold.json"
    out.write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(out, len(tasks), "tasks", sum(len(t["targets"]) for t in tasks), "targets")
