"""Strict readers for settings taken from the environment.

A typo in a production variable must stop the server at start-up, not be
silently read as a default, so booleans accept exactly "True" or "False"
(or "1" / "0", as in XIEZUO_DEBUG=1).
"""

import os

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return default if value in (None, "") else value


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    if value in ("True", "1"):
        return True
    if value in ("False", "0"):
        return False
    raise ImproperlyConfigured(f"环境变量 {name} 只能是 True 或 False（也可写 1 或 0），实际为 {value!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_required(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"生产模式必须设置环境变量 {name}")
    return value
