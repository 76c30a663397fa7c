"""manage.py restore FILE: bring a backup back into an empty database and MEDIA_ROOT (xiezuo.backup)."""

from pathlib import Path

import dj_database_url
from django.core.management.base import BaseCommand, CommandError

from xiezuo.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "从 manage.py backup 的备份文件恢复数据库和上传文件（只写入空数据库，校验每个文件的 SHA-256）"

    def add_arguments(self, parser):
        parser.add_argument("file", help="备份文件（backups/xiezuo-….tar.gz）")
        parser.add_argument("--database-url", help="恢复到这个数据库（默认：当前配置的数据库）")
        parser.add_argument("--media-root", help="上传文件恢复到这个目录（默认：MEDIA_ROOT）")
        parser.add_argument("--overwrite", action="store_true",
                            help="目标数据库或上传目录不是空的时，先清空再恢复（会删除其中的全部数据）")

    def handle(self, *args, file, database_url=None, media_root=None, overwrite=False, **options):
        database = dj_database_url.parse(database_url) if database_url else None
        try:
            manifest = restore_backup(Path(file), database=database,
                                      media_root=Path(media_root) if media_root else None, overwrite=overwrite)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        self.stdout.write(self.style.SUCCESS(f"恢复完成：{file}（备份于 {manifest['created_at']}）"))
        self.stdout.write(f"  {len(manifest['tables'])} 张表、{rows} 行，行数与清单一致；"
                          f"上传文件 {len(manifest['files'])} 个，SHA-256 均已校验")
        self.stdout.write("  如本程序比备份更新，请接着运行 manage.py migrate（make restore 会自动运行）")
