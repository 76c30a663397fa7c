"""Project-wide guarantees: migrations match the models, settings are strict,
and the production mode passes Django's deployment checklist."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from xiezuo.env import env_bool

ROOT = Path(__file__).resolve().parents[2]


def test_models_and_migrations_agree(db):
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def _manage(*args, env_overrides):
    # A clean environment: only what a deployment would set, nothing from the test run.
    inherited = {"DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in inherited}
    env.update(env_overrides)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "xiezuo.settings_production",
    "SECRET_KEY": "a-long-random-production-key-" + "x9Qz" * 12,
    "ALLOWED_HOSTS": "xiezuo.example.gov.cn",
    "DATABASE_URL": "postgres://xiezuo@db.example/xiezuo",
}


def test_production_mode_passes_deploy_checks_without_warnings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_mode_refuses_to_start_without(missing):
    env = {**PRODUCTION, missing: ""}
    result = _manage("check", env_overrides=env)
    assert result.returncode != 0
    assert f"生产模式必须设置环境变量 {missing}" in result.stderr


def test_env_bool_rejects_anything_but_true_or_false(monkeypatch):
    monkeypatch.setenv("XIEZUO_FLAG", "yes")
    with pytest.raises(ImproperlyConfigured, match="只能是 True 或 False"):
        env_bool("XIEZUO_FLAG", False)
    monkeypatch.setenv("XIEZUO_FLAG", "False")
    assert env_bool("XIEZUO_FLAG", True) is False


def test_chinese_locale_and_timezone(settings):
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert settings.TIME_ZONE == "Asia/Shanghai"


def test_admin_speaks_chinese(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "协作 Xiezuo 管理后台" in html
    assert "单位与结对" in html and "任务分工方案" in html and "进度填报" in html
