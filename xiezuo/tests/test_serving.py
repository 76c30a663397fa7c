"""Production serving, for real: gunicorn with settings_production, WhiteNoise and /healthz.

gunicorn runs as a subprocess on a free port against the suite's database kind: on PostgreSQL
the test database itself; on SQLite (whose test database lives in this process's memory) a
database file of its own — /healthz's SELECT 1 and the login page need no tables. Static files
are collected into a temporary STATIC_ROOT by the production settings (hashed names).
"""

import http.client
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from xiezuo.urls import PUBLIC_URL_NAMES

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "xiezuo.settings_production",
    "SECRET_KEY": "a-long-random-production-key-" + "k3Wd" * 12,
    "ALLOWED_HOSTS": "127.0.0.1",
}
HTTPS = {"X-Forwarded-Proto": "https"}  # what the TLS-ending reverse proxy adds


def _database_url(tmp_path) -> str:
    settings = connection.settings_dict
    if connection.vendor != "postgresql":
        return f"sqlite:///{tmp_path / 'serve.sqlite3'}"
    user = urllib.parse.quote(settings["USER"] or "")
    password = f":{urllib.parse.quote(settings['PASSWORD'])}" if settings["PASSWORD"] else ""
    return f"postgres://{user}{password}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}"


def _environment(**overrides) -> dict:
    inherited = {"DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE", "XIEZUO_DEBUG",
                 "SECURE_SSL_REDIRECT"}
    env = {k: v for k, v in os.environ.items() if k not in inherited}
    return {**env, **PRODUCTION, **overrides}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(port: int, path: str, headers=None, method="GET"):
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        client.request(method, path, headers=headers or {})
        response = client.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        client.close()


class Gunicorn:
    def __init__(self, env: dict, log: Path):
        self.port = _free_port()
        self.log = log
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "xiezuo/gunicorn.conf.py", "--workers", "1",
             "--bind", f"127.0.0.1:{self.port}", "xiezuo.wsgi"],
            cwd=ROOT, env=env, stdout=open(log, "wb"), stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"gunicorn 退出了（{self.process.returncode}）：{log.read_text()}")
            try:
                _get(self.port, "/healthz")
                return
            except OSError:
                time.sleep(0.3)
        self.stop()
        pytest.fail(f"gunicorn 90 秒内没有响应：{log.read_text()}")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("static")
    env = _environment(STATIC_ROOT=str(root), DATABASE_URL="sqlite:///unused.sqlite3")
    result = subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return root


def test_gunicorn_serves_healthz_static_files_and_the_login_page(db, tmp_path, static_root):
    server = Gunicorn(_environment(DATABASE_URL=_database_url(tmp_path), STATIC_ROOT=str(static_root)),
                      tmp_path / "gunicorn.log")
    try:
        # The probe over plain HTTP inside the network is answered, not redirected to HTTPS.
        status, headers, body = _get(server.port, "/healthz")
        assert (status, json.loads(body)) == (200, {"status": "ok"})
        assert "no-store" in headers["Cache-Control"]

        hashed = json.loads((static_root / "staticfiles.json").read_text())["paths"]["xiezuo/app.css"]
        assert re.fullmatch(r"xiezuo/app\.[0-9a-f]{12}\.css", hashed)
        status, headers, body = _get(server.port, f"/static/{hashed}", HTTPS)
        assert status == 200 and headers["Content-Type"].startswith("text/css")
        assert body == (static_root / hashed).read_bytes()
        assert "immutable" in headers["Cache-Control"]  # WhiteNoise: hashed names cached for good

        status, _, body = _get(server.port, "/accounts/login/", HTTPS)
        page = body.decode()
        assert status == 200
        assert "<title>登录 · 协作 Xiezuo</title>" in page and f"/static/{hashed}" in page

        status, headers, _ = _get(server.port, "/accounts/login/")
        assert status == 301 and headers["Location"].startswith("https://")  # everything else: HTTPS only

        _get(server.port, "/no-such-page/", HTTPS)
    finally:
        server.stop()
    log = (tmp_path / "gunicorn.log").read_text()
    assert '"GET /healthz HTTP/1.1" 200' in log  # gunicorn's access log
    assert re.search(r"WARNING django\.request: Not Found: /no-such-page/", log)  # Django's, on stdout


def test_healthz_answers_503_with_the_reason_when_the_database_is_down(tmp_path, static_root):
    broken = ("postgres://postgres@127.0.0.1:1/nothing" if connection.vendor == "postgresql"
              else f"sqlite:///{tmp_path / 'missing-directory' / 'x.sqlite3'}")
    server = Gunicorn(_environment(DATABASE_URL=broken, STATIC_ROOT=str(static_root)), tmp_path / "gunicorn.log")
    try:
        status, _, body = _get(server.port, "/healthz")
    finally:
        server.stop()
    answer = json.loads(body)
    assert status == 503 and answer["status"] == "error"
    assert answer["reason"].startswith("数据库无法连接：")


def test_healthz_needs_no_login_writes_nothing_and_only_reads(client, db):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert [q["sql"] for q in queries.captured_queries] == ["SELECT 1"]
    assert client.post("/healthz").status_code == 405
    assert "sessionid" not in response.cookies


def test_healthz_is_listed_as_public():
    assert "healthz" in PUBLIC_URL_NAMES
