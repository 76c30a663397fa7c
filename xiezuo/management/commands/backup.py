"""manage.py backup: one archive of the database and the uploaded files (xiezuo.backup)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from xiezuo.backup import BackupError, create_backup
from xiezuo.backup.databases import VENDOR_NAMES


class Command(BaseCommand):
    help = "备份数据库和上传文件，写成一个 .tar.gz 归档（含清单：时间、数据库、迁移状态、每个文件的 SHA-256）"

    def add_arguments(self, parser):
        parser.add_argument("--dir", default=str(Path(settings.BASE_DIR) / "backups"),
                            help="备份文件写入的目录（默认：项目目录下的 backups/）")

    def handle(self, *args, dir, **options):
        try:
            archive, manifest = create_backup(Path(dir))
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        size = archive.stat().st_size / 1024 / 1024
        self.stdout.write(self.style.SUCCESS(f"备份完成：{archive}（{size:.1f} MB）"))
        self.stdout.write(f"  数据库 {VENDOR_NAMES[manifest['database']['vendor']]}：{len(manifest['tables'])} 张表，{rows} 行；"
                          f"上传文件 {len(manifest['files'])} 个")
        if manifest["missing_files"]:
            self.stderr.write(self.style.WARNING(
                f"注意：数据库中记录的 {len(manifest['missing_files'])} 个文件在上传目录中找不到，未能备份："))
            for name in manifest["missing_files"][:20]:
                self.stderr.write(f"  {name}")
