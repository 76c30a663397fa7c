"""The backup archive: write it, read its manifest, restore it (see the package docstring)."""

import hashlib
import io
import json
import shutil
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from xiezuo.backup import databases
from xiezuo.backup.databases import VENDOR_NAMES, DatabaseError

FORMAT = 1
MANIFEST = "manifest.json"
DUMP_NAMES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
MEDIA = "media"


class BackupError(Exception):
    """A backup or restore refused or failed; the message says why, in Chinese."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _media_files(media_root: Path) -> list[Path]:
    if not media_root.is_dir():
        return []
    return sorted(p for p in media_root.rglob("*") if p.is_file() and not p.is_symlink())


def _archive_name(directory: Path) -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    path, n = directory / f"xiezuo-{stamp}.tar.gz", 1
    while path.exists() or path.with_name(path.name + ".part").exists():
        n += 1
        path = directory / f"xiezuo-{stamp}-{n}.tar.gz"
    return path


def create_backup(directory: Path, *, using: str = "default", media_root: Path | None = None) -> tuple[Path, dict]:
    """Dump the database, then add every uploaded file; returns the archive and its manifest.

    The database comes first: a file uploaded meanwhile is only an extra in the archive, while
    a file the dumped rows name but that was deleted before it could be copied is listed in the
    manifest's `missing_files` (and by the command), never silently absent. The archive is written
    as `….part` and renamed when complete, so an interrupted backup never looks like a good one.
    """
    connection = connections[using]
    if connection.in_atomic_block:
        # pg_dump would not see this transaction's writes, and SQLite's backup would wait on it.
        raise BackupError("不能在未提交的数据库事务中备份：请在事务之外调用 create_backup")
    media_root = Path(media_root or settings.MEDIA_ROOT)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    vendor = databases.vendor_of(connection.settings_dict)
    archive = _archive_name(directory)
    partial = archive.with_name(archive.name + ".part")
    created_at = timezone.now()
    try:
        with tempfile.TemporaryDirectory(prefix="xiezuo-backup-") as work:
            dump = Path(work) / DUMP_NAMES[vendor]
            if vendor == "postgresql":
                state, versions = databases.dump_postgresql(connection.settings_dict, dump)
            else:
                state, versions = databases.dump_sqlite(connection, dump)
            with tarfile.open(partial, "w:gz") as tar:
                tar.add(dump, arcname=dump.name)
                files = [_add_file(tar, path, media_root) for path in _media_files(media_root)]
                stored = {entry["path"] for entry in files}
                manifest = {
                    "format": FORMAT,
                    "created_at": created_at.isoformat(),
                    "database": {"vendor": vendor, **versions, "dump": dump.name, "sha256": sha256_of(dump),
                                 "size": dump.stat().st_size},
                    "migrations": state.migrations,
                    "tables": state.tables,
                    "files": files,
                    "missing_files": sorted(state.referenced_files - stored),
                }
                data = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime = len(data), int(created_at.timestamp())
                tar.addfile(info, io.BytesIO(data))
        partial.rename(archive)
    except DatabaseError as error:
        partial.unlink(missing_ok=True)
        raise BackupError(str(error)) from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return archive, manifest


def _add_file(tar: tarfile.TarFile, path: Path, media_root: Path) -> dict:
    # Read once, hash what is added: a file changing during the backup cannot get a wrong checksum.
    data = path.read_bytes()
    relative = path.relative_to(media_root).as_posix()
    info = tarfile.TarInfo(f"{MEDIA}/{relative}")
    info.size, info.mtime = len(data), int(path.stat().st_mtime)
    tar.addfile(info, io.BytesIO(data))
    return {"path": relative, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def read_manifest(archive: Path) -> dict:
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"找不到备份文件 {archive}")
    try:
        with tarfile.open(archive, "r:gz") as tar:
            member = tar.extractfile(MANIFEST)
            manifest = json.loads(member.read())
    except (tarfile.TarError, KeyError, OSError, EOFError, ValueError) as error:
        raise BackupError(f"{archive} 不是完整的协作备份文件（读不到 {MANIFEST}）：{error}") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{archive} 的备份格式版本为 {manifest.get('format')}，本程序只能恢复版本 {FORMAT}")
    return manifest


def _safe_relative(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise BackupError(f"备份文件中的文件名不安全，拒绝恢复：{name}")
    return path


def _check_migrations(manifest: dict) -> None:
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = [f"{app}.{name}" for app, name in manifest["migrations"] if (app, name) not in known]
    if unknown:
        raise BackupError(
            f"备份中的数据库用到了本程序没有的 {len(unknown)} 个迁移（{'、'.join(unknown[:5])}）："
            "备份来自较新的版本，请用那个版本（或更新的版本）恢复")


def _check_target_empty(vendor: str, target: dict, media_root: Path, overwrite: bool) -> None:
    tables = (databases.postgresql_tables if vendor == "postgresql" else databases.sqlite_tables)(target)
    if tables and not overwrite:
        listed = "、".join(sorted(tables)[:3])
        raise BackupError(
            f"目标数据库 {target['NAME']} 不是空的：已有 {len(tables)} 张数据表（{listed} 等）。"
            "恢复只写入空数据库（新建、未迁移的数据库）；确定要用备份覆盖其中的全部数据，请加 --overwrite")
    present = _media_files(media_root)
    if present and not overwrite:
        raise BackupError(
            f"上传文件目录 {media_root} 不是空的：已有 {len(present)} 个文件。"
            "恢复只写入空目录；确定要用备份替换其中的全部文件，请加 --overwrite")


def _stage(tar: tarfile.TarFile, manifest: dict, work: Path) -> Path:
    """Extract the dump and files named in the manifest, each checked against its sha256."""
    database = manifest["database"]
    entries = [(database["dump"], database["sha256"], work / "dump")]
    entries += [(f"{MEDIA}/{_safe_relative(f['path'])}", f["sha256"], work / MEDIA / _safe_relative(f["path"]))
                for f in manifest["files"]]
    for name, expected, destination in entries:
        try:
            member = tar.extractfile(name)
        except KeyError:
            member = None
        if member is None:
            raise BackupError(f"备份文件不完整：缺少 {name}")
        destination.parent.mkdir(parents=True, exist_ok=True)
        with open(destination, "wb") as out:
            shutil.copyfileobj(member, out)
        if sha256_of(destination) != expected:
            raise BackupError(f"备份已损坏：{name} 的 SHA-256 与清单不符，未做任何恢复")
    return work / "dump"


def _place_files(manifest: dict, staged: Path, media_root: Path, overwrite: bool) -> None:
    if overwrite and media_root.is_dir():
        for child in media_root.iterdir():
            shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
    for entry in manifest["files"]:
        relative = _safe_relative(entry["path"])
        destination = media_root / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(staged / relative, destination)
        if sha256_of(destination) != entry["sha256"]:
            raise BackupError(f"写入 {destination} 后校验失败：SHA-256 与清单不符（磁盘已满或被同时修改？）")


def restore_backup(archive: Path, *, database: dict | None = None, media_root: Path | None = None,
                   overwrite: bool = False) -> dict:
    """Restore an archive into an empty database and MEDIA_ROOT; returns its manifest.

    `database` is a Django settings dict (default: the project's database). Everything is
    checked before anything is written: the same kind of database, migrations this code knows,
    an empty target (unless `overwrite`), and every file's and the dump's sha256. After the
    restore, each table's row count is compared with the manifest's.
    """
    manifest = read_manifest(archive)
    target = database or connections["default"].settings_dict
    media_root = Path(media_root or settings.MEDIA_ROOT)
    vendor = manifest["database"]["vendor"]
    try:
        target_vendor = databases.vendor_of(target)
        if target_vendor != vendor:
            raise BackupError(f"备份来自 {VENDOR_NAMES[vendor]} 数据库，目标是 {VENDOR_NAMES[target_vendor]}："
                              "只能恢复到同一种数据库")
        _check_migrations(manifest)
        _check_target_empty(vendor, target, media_root, overwrite)
        with tempfile.TemporaryDirectory(prefix="xiezuo-restore-") as work, tarfile.open(archive, "r:gz") as tar:
            dump = _stage(tar, manifest, Path(work))
            if vendor == "postgresql":
                state = databases.restore_postgresql(target, dump, overwrite=overwrite)
            else:
                state = databases.restore_sqlite(target, dump)
            _place_files(manifest, Path(work) / MEDIA, media_root, overwrite)
    except DatabaseError as error:
        raise BackupError(str(error)) from error
    differing = [t for t in sorted(set(state.tables) | set(manifest["tables"]))
                 if state.tables.get(t) != manifest["tables"].get(t)]
    if differing:
        raise BackupError(f"恢复后 {len(differing)} 张表的行数与清单不符（{'、'.join(differing[:5])}）")
    return manifest
