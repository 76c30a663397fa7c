"""The two databases Xiezuo runs on, dumped and restored each its own way.

A database is described by a Django settings dict (ENGINE, NAME, USER, PASSWORD, HOST, PORT,
OPTIONS), so a restore can target a database other than the one the project is running on
(`manage.py restore --database-url`). What is read for the manifest (tables and row counts,
migrations, files referenced) comes from the dumped state itself: the SQLite copy, or the
PostgreSQL snapshot pg_dump used, so it matches the dump exactly.
"""

import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.db import models


class DatabaseError(Exception):
    """A dump or restore that cannot go on; the message is for people, in Chinese."""


VENDORS = {"django.db.backends.postgresql": "postgresql", "django.db.backends.sqlite3": "sqlite"}
VENDOR_NAMES = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}


def vendor_of(settings_dict: dict) -> str:
    vendor = VENDORS.get(settings_dict["ENGINE"])
    if vendor is None:
        raise DatabaseError(f"不支持备份这种数据库：{settings_dict['ENGINE']}（只支持 PostgreSQL 和 SQLite）")
    return vendor


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@dataclass
class State:
    """What the manifest says about a database: enough to check a restore against."""

    tables: dict[str, int]  # table → row count
    migrations: list[list[str]]  # [app, name], applied
    referenced_files: set[str]  # FileField values in current (non-history) rows


def read_state(cursor, tables: list[str]) -> State:
    """Row counts, migrations and referenced files, through any DB-API cursor (no parameters)."""
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
        counts[table] = cursor.fetchone()[0]
    migrations = []
    if "django_migrations" in counts:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        migrations = [[app, name] for app, name in cursor.fetchall()]
    files = set()
    for table, column in _file_columns():
        if table in counts:
            cursor.execute(f"SELECT {quote(column)} FROM {quote(table)} WHERE {quote(column)} <> ''")
            files.update(name for (name,) in cursor.fetchall() if name)
    return State(counts, migrations, files)


def _file_columns() -> list[tuple[str, str]]:
    # History rows (django-simple-history's Historical* models) may name a file deleted since;
    # only the live rows must find theirs in the archive.
    return [
        (model._meta.db_table, field.column)
        for model in apps.get_models()
        if not hasattr(model, "instance_type")
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField)
    ]


# --- SQLite -------------------------------------------------------------------

def _sqlite_connect(settings_dict: dict) -> sqlite3.Connection:
    name = str(settings_dict["NAME"])
    if name.startswith("file:"):  # Django's in-memory test database is a shared-cache URI
        return sqlite3.connect(name, uri=True)
    Path(name).parent.mkdir(parents=True, exist_ok=True)
    return sqlite3.connect(name)


def _sqlite_tables(connection: sqlite3.Connection) -> list[str]:
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    return [name for (name,) in rows]


def dump_sqlite(django_connection, target: Path) -> tuple[State, dict]:
    """Copy a live SQLite database page by page with sqlite3's backup API.

    The API copies a consistent state even while others write (it restarts when they do),
    which a file copy does not; Django's own connection is the source, so an in-memory
    database works too.
    """
    django_connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        django_connection.connection.backup(copy)
        state = read_state(copy.cursor(), _sqlite_tables(copy))
    finally:
        copy.close()
    return state, {"sqlite_version": sqlite3.sqlite_version}


def sqlite_tables(settings_dict: dict) -> list[str]:
    connection = _sqlite_connect(settings_dict)
    try:
        return _sqlite_tables(connection)
    finally:
        connection.close()


def restore_sqlite(settings_dict: dict, dump: Path) -> State:
    """Replace the target's whole content with the dump's (the backup API writes every page)."""
    source = sqlite3.connect(dump)
    target = _sqlite_connect(settings_dict)
    try:
        source.backup(target)
        return read_state(target.cursor(), _sqlite_tables(target))
    finally:
        source.close()
        target.close()


# --- PostgreSQL ---------------------------------------------------------------

# Keys of Django's OPTIONS that are Django's own, not libpq connection parameters.
_DJANGO_ONLY_OPTIONS = {"isolation_level", "server_side_binding", "assume_role", "pool", "cursor_factory"}


def _pg_params(settings_dict: dict) -> dict:
    params = {
        "dbname": settings_dict.get("NAME"), "user": settings_dict.get("USER"),
        "password": settings_dict.get("PASSWORD"), "host": settings_dict.get("HOST"),
        "port": str(settings_dict.get("PORT") or ""),
    }
    params.update({k: v for k, v in (settings_dict.get("OPTIONS") or {}).items() if k not in _DJANGO_ONLY_OPTIONS})
    return {k: v for k, v in params.items() if v not in (None, "")}


def _pg_env(settings_dict: dict) -> dict:
    # The password goes through the environment, never the command line other users can read.
    names = {"dbname": "PGDATABASE", "user": "PGUSER", "password": "PGPASSWORD", "host": "PGHOST",
             "port": "PGPORT", "sslmode": "PGSSLMODE", "sslrootcert": "PGSSLROOTCERT",
             "sslcert": "PGSSLCERT", "sslkey": "PGSSLKEY", "connect_timeout": "PGCONNECT_TIMEOUT"}
    env = dict(os.environ)  # PGPASSFILE and the like still apply
    for key, value in _pg_params(settings_dict).items():
        if key in names:
            env[names[key]] = str(value)
    return env


def pg_connect(settings_dict: dict, **kwargs):
    import psycopg

    try:
        return psycopg.connect(**_pg_params(settings_dict), **kwargs)
    except psycopg.OperationalError as error:
        raise DatabaseError(f"无法连接 PostgreSQL 数据库 {settings_dict.get('NAME')}：{error}") from error


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise DatabaseError(
            f"找不到 {name}：请安装 Debian 的 postgresql-client（apt-get install postgresql-client；"
            f"以 root 运行 make backup 或 make restore 时会自动安装）")
    return path


def tool_major_version(name: str) -> int:
    output = subprocess.run([_tool(name), "--version"], capture_output=True, text=True, check=True).stdout
    match = re.search(r"(\d+)(?:\.\d+)?", output)
    if match is None:
        raise DatabaseError(f"看不懂 {name} --version 的输出：{output.strip()}")
    return int(match.group(1))


def check_pg_dump_can_dump(server_version_num: int) -> int:
    """pg_dump refuses a server newer than itself; say which client to install instead."""
    server_major = server_version_num // 10000
    client_major = tool_major_version("pg_dump")
    if client_major < server_major:
        raise DatabaseError(
            f"pg_dump 版本为 {client_major}，不能备份 PostgreSQL {server_major} 服务器："
            f"请安装 postgresql-client-{server_major}（PostgreSQL 官方 apt 源 apt.postgresql.org 提供）")
    return client_major


def _pg_tables(cursor) -> list[str]:
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    return [name for (name,) in cursor.fetchall()]


def _run(command: list[str], env: dict, what: str) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise DatabaseError(f"{what}失败（{Path(command[0]).name} 退出码 {result.returncode}）：{result.stderr.strip()}")


def dump_postgresql(settings_dict: dict, target: Path) -> tuple[State, dict]:
    """pg_dump in custom format from a snapshot this function holds open and reads too.

    The manifest's row counts and referenced files are read in the same snapshot pg_dump
    dumps (pg_export_snapshot + --snapshot), so they describe exactly what is in the dump.
    """
    import psycopg

    with pg_connect(settings_dict) as connection:
        connection.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        server = connection.info.server_version
        client = check_pg_dump_can_dump(server)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            _run([_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges",
                  f"--snapshot={snapshot}", f"--file={target}"], _pg_env(settings_dict), "pg_dump 备份数据库")
            state = read_state(cursor, _pg_tables(cursor))
        connection.rollback()
    return state, {"server_version": server, "pg_dump_version": client}


def postgresql_tables(settings_dict: dict) -> list[str]:
    with pg_connect(settings_dict) as connection, connection.cursor() as cursor:
        return _pg_tables(cursor)


def _drop_everything(settings_dict: dict) -> None:
    """Empty the target's schema: views, then tables (their own sequences go with them), then other sequences."""
    kinds = [("'v'", "VIEW"), ("'m'", "MATERIALIZED VIEW"), ("'r', 'p'", "TABLE"), ("'S'", "SEQUENCE")]
    with pg_connect(settings_dict) as connection, connection.cursor() as cursor:
        for relkinds, kind in kinds:
            cursor.execute(f"""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind IN ({relkinds})""")
            for (name,) in cursor.fetchall():
                cursor.execute(f"DROP {kind} IF EXISTS {quote(name)} CASCADE")


def restore_postgresql(settings_dict: dict, dump: Path, *, overwrite: bool) -> State:
    """pg_restore in one transaction: a failure leaves the target as it was."""
    if overwrite:
        _drop_everything(settings_dict)
    _run([_tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
          f"--dbname={settings_dict['NAME']}", str(dump)], _pg_env(settings_dict), "pg_restore 恢复数据库")
    with pg_connect(settings_dict) as connection, connection.cursor() as cursor:
        return read_state(cursor, _pg_tables(cursor))
