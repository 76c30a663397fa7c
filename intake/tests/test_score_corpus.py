"""scripts/score_corpus.py on two small written documents: the shape of what it
prints and writes, not thresholds (the importer's work on the corpus comes
later). Needs ../shared for the scorer; skips without it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import shared_path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "score_corpus.py"
# w011: an Excel ledger (tune); w013: glued cells in its .txt, a real table in its .docx (held_out).
ARGS = ["--doc", "w011", "--doc", "w013", "--format", "txt", "--format", "xlsx", "--format", "docx"]


def run(*args: str, shared: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "XIEZUO_SHARED": str(shared)}
    env.pop("DATABASE_URL", None)
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=300)


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    shared = shared_path("tools/score_import.py").parents[1]
    out = tmp_path_factory.mktemp("corpus") / "results.json"
    done = run(*ARGS, "--json", str(out), shared=shared)
    assert done.returncode == 0, done.stderr
    return done.stdout, json.loads(out.read_text(encoding="utf-8"))


def test_json_has_both_splits_with_overall_format_and_field_figures(scored):
    _, results = scored
    assert set(results) == {"tune", "held_out"}
    for part in results.values():
        assert set(part["overall"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}
        assert 0.0 <= part["overall"]["f1"] <= 1.0
        assert {"task", "lead_unit", "target"} <= set(part["fields"])
    assert set(results["tune"]["formats"]) == {"txt", "xlsx"}
    assert set(results["held_out"]["formats"]) == {"txt", "docx"}
    assert set(results["tune"]["groups"]) == {"written"}


def test_every_listed_format_of_the_chosen_documents_is_scored_in_its_own_split(scored):
    _, results = scored
    tune = {(r["document"], r["format"]) for r in results["tune"]["results"]}
    held = {(r["document"], r["format"]) for r in results["held_out"]["results"]}
    assert tune == {("written/011_excel_ledger", "txt"), ("written/011_excel_ledger", "xlsx")}
    assert held == {("written/013_glued_table_cells", "txt"), ("written/013_glued_table_cells", "docx")}
    assert results["tune"]["documents"] == 1 and results["held_out"]["files"] == 2


def test_a_refused_document_scores_zero_and_keeps_the_importers_message(scored):
    stdout, results = scored
    for part in results.values():
        assert part["refused"] == sum(1 for r in part["results"] if r["error"])
        for r in part["results"]:
            assert r["tasks_expected"] > 0
            if r["error"]:
                assert r["f1"] == 0.0 and r["tp"] == 0
                assert f"导入失败：{r['error']}" in stdout
            else:
                assert r["error"] is None and r["tasks_found"] > 0


def test_printed_report_separates_the_splits_and_ends_each_with_overall_f1(scored):
    stdout, results = scored
    tune, held = stdout.index("== 调优部分（tune）"), stdout.index("== 留出部分（held_out")
    assert tune < held
    for section, part in ((stdout[tune:held], results["tune"]), (stdout[held:], results["held_out"])):
        assert "-- 每份文件" in section and "-- 按格式" in section and "-- 按字段" in section
        assert f"overall F1 = {part['overall']['f1']:.3f}" in section


def test_split_option_prints_only_that_part(tmp_path):
    shared = shared_path("tools/score_import.py").parents[1]
    done = run("--split", "held_out", "--doc", "w013", "--format", "docx", shared=shared)
    assert done.returncode == 0, done.stderr
    assert "留出部分" in done.stdout and "调优部分" not in done.stdout


def test_without_the_shared_scorer_it_says_so_in_chinese(tmp_path):
    done = run(*ARGS, shared=tmp_path / "nowhere")
    assert done.returncode == 2
    assert "找不到评分程序" in done.stderr and "XIEZUO_SHARED" in done.stderr


def test_a_listed_format_whose_file_is_missing_scores_zero_with_a_message(tmp_path):
    """intake.corpus directly, on a one-document corpus whose .docx was never built."""
    from intake.corpus import as_json, score_corpus
    from intake.seeds import load_scorer

    scorer = load_scorer(shared_path("tools/score_import.py"))
    source = ROOT / "corpus" / "written" / "011_excel_ledger"
    folder = tmp_path / "written" / "011_excel_ledger"
    folder.mkdir(parents=True)
    for name in ("source.txt", "gold.json"):
        (folder / name).write_bytes((source / name).read_bytes())
    manifest = [{"id": "w011", "dir": folder.name, "formats": ["txt", "docx"], "split": "held_out", "layout": ""}]
    (tmp_path / "written" / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")

    results = as_json(score_corpus(tmp_path, scorer, None))
    assert results["tune"]["files"] == 0
    by_format = {r["format"]: r for r in results["held_out"]["results"]}
    assert by_format["docx"]["error"] == "source.docx：清单列出了此格式，但文件不存在"
    assert by_format["docx"]["f1"] == 0.0 and by_format["docx"]["fn"] > 0
    assert by_format["txt"]["error"] is None and by_format["txt"]["tasks_found"] > 0
    assert results["held_out"]["refused"] == 1
