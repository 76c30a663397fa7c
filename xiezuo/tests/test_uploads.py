"""Uploads leave no temporary file behind: not when the import fails, not when the upload is cut
off, not even when the worker is killed in the middle of it (xiezuo/uploads.py)."""

import io
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadhandler import load_handler
from django.http.multipartparser import MultiPartParser

from conftest import shared_path
from plans.models import PendingImport
from plans.tests.test_importing_views import admin, upload  # noqa: F401  (fixture)
from xiezuo.uploads import AnonymousTemporaryUploadedFile

MB = 1024 * 1024
ROOT = Path(__file__).resolve().parents[2]
BOUNDARY = "XZBOUNDARY"
HEAD = (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"方案.docx\"\r\n"
        "Content-Type: application/octet-stream\r\n\r\n").encode()
TAIL = f"\r\n--{BOUNDARY}--\r\n".encode()

# Parses a multipart body from stdin with the handlers named, as a worker would.
CHILD = """
import sys
import django
django.setup()
from django.conf import settings
from django.core.files.uploadhandler import load_handler
from django.http.multipartparser import MultiPartParser
temp_dir, handlers, length = sys.argv[1], sys.argv[2].split(","), sys.argv[3]
settings.FILE_UPLOAD_TEMP_DIR = temp_dir
meta = {"CONTENT_TYPE": "multipart/form-data; boundary=XZBOUNDARY", "CONTENT_LENGTH": length}
MultiPartParser(meta, sys.stdin.buffer, [load_handler(h) for h in handlers]).parse()
"""


@pytest.fixture
def temp_dirs(settings, tmp_path, monkeypatch):
    """Django's upload directory and Python's temporary directory, both ours to inspect."""
    uploads, general = tmp_path / "uploads", tmp_path / "tmp"
    uploads.mkdir()
    general.mkdir()
    settings.FILE_UPLOAD_TEMP_DIR = str(uploads)
    monkeypatch.setattr(tempfile, "tempdir", str(general))
    settings.MEDIA_ROOT = tmp_path / "media"
    return uploads, general


def left_in(*folders) -> list[str]:
    return [str(path) for folder in folders for path in Path(folder).iterdir()]


def kill_mid_upload(temp_dir: Path, handlers: list[str]) -> None:
    """Send 7 of 8 MB to a worker process, then kill it with SIGKILL, as a timeout would."""
    body = HEAD + bytes(8 * MB) + TAIL
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "xiezuo.settings", "TMPDIR": str(temp_dir)}
    worker = subprocess.Popen([sys.executable, "-c", CHILD, str(temp_dir), ",".join(handlers), str(len(body))],
                              stdin=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env)
    try:
        worker.stdin.write(body[:7 * MB])  # returns once the worker has read nearly all of it
        worker.stdin.flush()
    except BrokenPipeError:
        pytest.fail(worker.stderr.read().decode())
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=30)
    assert worker.returncode == -signal.SIGKILL


def test_a_worker_killed_mid_upload_leaves_no_file(tmp_path):
    kill_mid_upload(tmp_path, django_settings.FILE_UPLOAD_HANDLERS)
    assert left_in(tmp_path) == []


def test_djangos_named_temporary_file_is_what_a_kill_would_leave(tmp_path):
    # The hazard the handler removes, shown with Django's default: the previous test would fail with it.
    kill_mid_upload(tmp_path, ["django.core.files.uploadhandler.TemporaryFileUploadHandler"])
    assert [Path(name).name.endswith(".upload.docx") for name in left_in(tmp_path)] == [True]


def parse(body: bytes, length: int | None = None):
    meta = {"CONTENT_TYPE": f"multipart/form-data; boundary={BOUNDARY}", "CONTENT_LENGTH": str(length or len(body))}
    handlers = [load_handler(h) for h in django_settings.FILE_UPLOAD_HANDLERS]
    return MultiPartParser(meta, io.BytesIO(body), handlers).parse()


def test_a_large_upload_has_no_name_on_disk_while_it_is_handled(temp_dirs):
    data = os.urandom(6 * MB)
    _, files = parse(HEAD + data + TAIL)
    upload = files["file"]
    assert isinstance(upload, AnonymousTemporaryUploadedFile) and upload.size == 6 * MB
    assert left_in(*temp_dirs) == []  # a kill at this moment would leave nothing
    assert upload.read() == data and b"".join(upload.chunks()) == data
    upload.close()
    assert left_in(*temp_dirs) == []


def test_an_upload_cut_off_leaves_no_file(temp_dirs):
    body = HEAD + bytes(8 * MB) + TAIL
    _, files = parse(body[:7 * MB], length=len(body))  # the client went away after 7 MB
    assert "file" not in files and left_in(*temp_dirs) == []


def test_an_import_that_fails_leaves_no_temporary_file(client, admin, temp_dirs):  # noqa: F811
    client.force_login(admin)
    response = upload(client, b"\x00\x01" * (3 * MB), "方案.txt")  # 6 MB: above the in-memory limit
    assert response.status_code == 200 and "无法导入“方案.txt”" in response.content.decode()
    assert not PendingImport.objects.exists()
    assert left_in(*temp_dirs) == []


def test_a_large_import_is_stored_whole_without_a_temporary_file(client, admin, temp_dirs):  # noqa: F811
    seed = sorted(shared_path("seeds/docx").parent.glob("000_*.txt"))[0].read_bytes()
    data = seed + b"\r\n" * (3 * MB)  # blank lines: the same tasks, a file too large to keep in memory
    assert len(data) > django_settings.FILE_UPLOAD_MAX_MEMORY_SIZE
    client.force_login(admin)
    response = upload(client, data, "大方案.txt")
    assert response.status_code == 302, response.content.decode()[:2000]
    pending = PendingImport.objects.get()
    with pending.uploaded_file.open("rb") as stored:
        assert stored.read() == data
    assert left_in(*temp_dirs) == []
