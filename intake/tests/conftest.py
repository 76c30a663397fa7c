"""Fixtures for the reader tests: the shared seed files, and LibreOffice to
turn Word files made in a test into PDF the way the seed PDFs were made."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import shared_path


@pytest.fixture(scope="session")
def seeds() -> Path:
    """The seed documents (../shared/seeds beside the repository)."""
    return shared_path("seeds/docx").parent


def seed(seeds: Path, fmt: str, number: str) -> Path:
    """The seed file of one format whose name starts with `number` ("000")."""
    folder = seeds if fmt == "txt" else seeds / fmt
    matches = sorted(folder.glob(f"{number}_*.{fmt}"))
    assert matches, f"种子文件 {number}*.{fmt} 不在 {folder}"
    return matches[0]


@pytest.fixture(scope="session")
def to_pdf(tmp_path_factory):
    """Convert a .docx to PDF with LibreOffice, as the seed PDFs were made."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        message = "找不到 LibreOffice（soffice）：请运行 make test（会安装 Debian 的 libreoffice-writer-nogui）"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    # Its own profile: a LibreOffice already running for the user would
    # otherwise take the job and the command would return at once.
    profile = tmp_path_factory.mktemp("lo-profile")

    def convert(docx: Path, export_filter: str = "pdf") -> Path:
        out = docx.parent
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
             "--convert-to", export_filter, "--outdir", str(out), str(docx)],
            check=True, capture_output=True, timeout=180,
        )
        pdf = out / (docx.stem + ".pdf")
        assert pdf.exists(), f"LibreOffice 没有生成 {pdf}"
        return pdf

    return convert
