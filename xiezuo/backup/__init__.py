"""One archive of everything Xiezuo keeps: the database and the uploaded files.

`create_backup` writes `xiezuo-<time>.tar.gz` holding the database (PostgreSQL: pg_dump's
custom format; SQLite: a copy made through sqlite3's backup API, never a file copy), every file
under MEDIA_ROOT, and `manifest.json` (when, which database, the applied migrations, each table's
row count, each file's size and sha256). `restore_backup` puts it back into an empty database
and an empty MEDIA_ROOT, checking every checksum and row count. `manage.py backup` / `restore`
(and `make backup` / `make restore`) call them.
"""

from xiezuo.backup.archive import BackupError, create_backup, read_manifest, restore_backup

__all__ = ["BackupError", "create_backup", "read_manifest", "restore_backup"]
