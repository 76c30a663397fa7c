"""Backup → delete → restore gives back the same rows and files, on the database the suite runs on.

The restore goes into a real separate database (a new SQLite file, or a PostgreSQL database
created here and dropped afterwards) and every table's rows are compared by checksum, read
through the driver itself on both sides, with every uploaded file's sha256.
"""

import hashlib
import io
import shutil
import sqlite3
import tarfile
import urllib.parse
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from PIL import Image

from reporting.evidence_actions import add_file
from accounts.models import User
from reporting.models import ProgressReport
from xiezuo.backup import BackupError, create_backup, restore_backup
from xiezuo.backup.databases import check_pg_dump_can_dump
from samples.steps import BASE

POSTGRES = connection.vendor == "postgresql"


def _raw(settings_dict: dict):
    """A driver connection without Django's type conversions, the same way on both sides."""
    if settings_dict["ENGINE"].endswith("sqlite3"):
        name = str(settings_dict["NAME"])
        return sqlite3.connect(name, uri=name.startswith("file:"))
    import psycopg

    return psycopg.connect(dbname=settings_dict["NAME"], user=settings_dict["USER"] or None,
                           password=settings_dict["PASSWORD"] or None, host=settings_dict["HOST"] or None,
                           port=settings_dict["PORT"] or None)


def table_checksums(settings_dict: dict) -> dict[str, tuple[int, str]]:
    """Every table: (rows, sha256 of all its rows ordered by every column)."""
    raw = _raw(settings_dict)
    try:
        cursor = raw.cursor()
        if settings_dict["ENGINE"].endswith("sqlite3"):
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        else:
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        tables = sorted(name for (name,) in cursor.fetchall())
        sums = {}
        for table in tables:
            cursor.execute(f'SELECT * FROM "{table}" LIMIT 0')
            order = ", ".join(str(i + 1) for i in range(len(cursor.description)))
            cursor.execute(f'SELECT * FROM "{table}" ORDER BY {order}')
            rows = cursor.fetchall()
            sums[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
        return sums
    finally:
        raw.close()


def file_checksums(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def empty_database(tmp_path):
    """A new, empty database of the suite's kind: a SQLite file, or a PostgreSQL database."""
    source = connection.settings_dict
    if not POSTGRES:
        yield {**source, "NAME": str(tmp_path / "restored.sqlite3")}
        return
    name = f"{source['NAME']}_restore"  # test_xz_<who>_restore: one per person running the suite
    admin = _raw({**source, "NAME": "postgres"})
    admin.autocommit = True
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield {**source, "NAME": name}
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _url(settings_dict: dict) -> str:
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings_dict['NAME']}"
    user = urllib.parse.quote(settings_dict["USER"] or "")
    password = f":{urllib.parse.quote(settings_dict['PASSWORD'])}" if settings_dict["PASSWORD"] else ""
    return f"postgres://{user}{password}@{settings_dict['HOST']}:{settings_dict['PORT'] or 5432}/{settings_dict['NAME']}"


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_backup_delete_restore_gives_back_every_row_and_file(transactional_db, media, tmp_path, empty_database):
    call_command("load_sample_data", "--only", *BASE, "reports", verbosity=0, stdout=io.StringIO())
    report = ProgressReport.objects.filter(status=ProgressReport.Status.PENDING).first()
    uploaded, _ = add_file(report, user=User.objects.get(username="gudong_reporter"), name="现场照片.png", data=_png(), caption="入户走访")
    rows_before = table_checksums(connection.settings_dict)
    files_before = file_checksums(media)
    assert uploaded.file.name in files_before
    assert rows_before["reporting_progressreport"][0] > 100 and rows_before["reporting_evidence"][0] >= 3

    call_command("backup", "--dir", str(tmp_path / "backups"), stdout=io.StringIO())
    [archive] = (tmp_path / "backups").glob("xiezuo-*.tar.gz")

    shutil.rmtree(media)  # every uploaded file gone; the database is restored into a new, empty one
    out = io.StringIO()
    call_command("restore", str(archive), "--database-url", _url(empty_database), stdout=out)

    assert "恢复完成" in out.getvalue()
    assert table_checksums(empty_database) == rows_before
    assert file_checksums(media) == files_before


def test_restore_refuses_a_database_with_tables(transactional_db, media, tmp_path):
    (media / "bulletins").mkdir(parents=True)
    archive, _ = create_backup(tmp_path / "backups")
    with pytest.raises(CommandError, match=r"目标数据库 .* 不是空的：已有 \d+ 张数据表.*请加 --overwrite"):
        call_command("restore", str(archive))


def test_restore_refuses_files_already_in_media(transactional_db, media, tmp_path, empty_database):
    archive, _ = create_backup(tmp_path / "backups")
    (media / "evidence").mkdir(parents=True)
    (media / "evidence" / "a.png").write_bytes(_png())
    with pytest.raises(BackupError, match=r"上传文件目录 .* 不是空的：已有 1 个文件"):
        restore_backup(archive, database=empty_database)


def test_a_damaged_file_is_refused_before_anything_is_written(transactional_db, media, tmp_path, empty_database):
    (media / "evidence").mkdir(parents=True)
    (media / "evidence" / "a.png").write_bytes(_png())
    archive, manifest = create_backup(tmp_path / "backups")
    assert manifest["files"] == [{"path": "evidence/a.png", "size": len(_png()),
                                  "sha256": hashlib.sha256(_png()).hexdigest()}]
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "media/evidence/a.png":
                data = data[:-1] + b"!"
            target.addfile(member, io.BytesIO(data))
    shutil.rmtree(media)

    with pytest.raises(BackupError, match="media/evidence/a.png 的 SHA-256 与清单不符，未做任何恢复"):
        restore_backup(damaged, database=empty_database)
    assert not media.exists()
    if not POSTGRES:
        assert table_checksums(empty_database) == {}


def test_a_backup_restores_only_into_the_same_kind_of_database(transactional_db, media, tmp_path):
    archive, manifest = create_backup(tmp_path / "backups")
    other = ({"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "x.sqlite3")} if POSTGRES else
             {"ENGINE": "django.db.backends.postgresql", "NAME": "x"})
    with pytest.raises(BackupError, match="只能恢复到同一种数据库"):
        restore_backup(archive, database=other)
    assert ["reporting", "0001_initial"] in manifest["migrations"]


def test_pg_dump_older_than_the_server_says_which_client_to_install():
    with pytest.raises(Exception, match="不能备份 PostgreSQL 99 服务器：请安装 postgresql-client-99"):
        check_pg_dump_can_dump(990002)


def test_an_archive_that_is_not_a_backup_is_refused(tmp_path):
    bad = tmp_path / "x.tar.gz"
    bad.write_bytes(b"not an archive")
    with pytest.raises(BackupError, match="不是完整的协作备份文件"):
        restore_backup(bad)


def test_no_backup_inside_an_open_transaction(db, tmp_path):
    # pg_dump would not see the transaction's writes; SQLite's backup would wait on them for ever.
    with pytest.raises(BackupError, match="不能在未提交的数据库事务中备份"):
        create_backup(tmp_path / "backups")
    assert not (tmp_path / "backups").exists() or not any((tmp_path / "backups").iterdir())


def test_overwrite_replaces_a_database_and_files_that_are_not_empty(transactional_db, media, tmp_path, empty_database):
    (media / "evidence").mkdir(parents=True)
    (media / "evidence" / "a.png").write_bytes(_png())
    archive, _ = create_backup(tmp_path / "backups")
    rows = table_checksums(connection.settings_dict)
    shutil.rmtree(media)
    restore_backup(archive, database=empty_database)
    # Someone worked on in the restored copy: a changed row, a new table, a new file.
    raw = _raw(empty_database)
    raw.cursor().execute("UPDATE django_content_type SET model = model || '_changed'")
    raw.cursor().execute("CREATE TABLE leftover (id integer)")
    raw.commit()
    raw.close()
    (media / "evidence" / "b.png").write_bytes(b"new")
    assert table_checksums(empty_database) != rows

    with pytest.raises(BackupError, match="不是空的"):
        restore_backup(archive, database=empty_database)
    restore_backup(archive, database=empty_database, overwrite=True)
    assert table_checksums(empty_database) == rows
    assert file_checksums(media) == {"evidence/a.png": hashlib.sha256(_png()).hexdigest()}
