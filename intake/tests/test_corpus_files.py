"""The corpus is whole: every manifest entry has its folder, the files of every
format it lists and a well-formed answer; the written set keeps the spread the
issue asks for (≥ 10 documents, each binary format at least three times, about
a third held out) and its one deliberate error."""

import json
from collections import Counter
from pathlib import Path

import pytest

from intake.corpus import SPLITS, entries, source_file

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
ENTRIES = entries(CORPUS)


def test_manifests_exist_and_ids_are_unique_within_each():
    assert (CORPUS / "written" / "manifest.json").exists()
    for group in {e.group for e in ENTRIES}:
        ids = [e.id for e in ENTRIES if e.group == group]
        assert len(ids) == len(set(ids)), f"{group}: 清单 id 重复"


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_each_document_has_its_files_and_a_well_formed_answer(entry):
    assert entry.split in SPLITS
    assert "txt" in entry.formats
    for fmt in entry.formats:
        assert source_file(entry, fmt).is_file(), f"{entry.name}: 缺少 source.{fmt}"
    gold = json.loads((entry.folder / "gold.json").read_text(encoding="utf-8"))
    assert gold["format"] == "plan/1" and gold["tasks"]
    refs = [(t.get("list"), str(t["ref"])) for t in gold["tasks"]]
    assert len(refs) == len(set(refs)), f"{entry.name}: 任务编号重复"
    for task in gold["tasks"]:
        for target in task["targets"]:
            assert isinstance(target["value"], (int, float)) and target["unit"]
            assert target["comparator"] in ("=", ">=", "<=")  # <= for 控制在…以内 (real documents)


def test_written_set_keeps_its_spread():
    written = [e for e in ENTRIES if e.group == "written"]
    assert len(written) >= 10
    formats = Counter(fmt for e in written for fmt in e.formats)
    assert min(formats[fmt] for fmt in ("docx", "pdf", "xlsx")) >= 3, formats
    held = sum(e.split == "held_out" for e in written)
    assert len(written) / 4 <= held <= len(written) / 2


def test_written_008_keeps_its_deliberate_error():
    """附表 消费帮扶: the towns add to 1390 while the 合计 row and the text say 1400 (NOTES.md)."""
    folder = CORPUS / "written" / "008_annex_town_breakdown_total_row"
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    consumption = next(t for t in gold["tasks"] if t["ref"] == "二")
    towns = [t["value"] for t in consumption["targets"] if t["metric"] == "消费帮扶"]
    assert len(towns) == 10 and sum(towns) == 1390
    assert "合计\t\t380\t1400\t320" in (folder / "source.txt").read_text(encoding="utf-8")
