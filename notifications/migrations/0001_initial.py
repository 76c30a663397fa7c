"""Notifications take over reporting's Notification table and add group robots.

Notification is created in state only: its table already exists, renamed to
notifications_notification by reporting 0004 (on a fresh database too, since
reporting 0002 creates it first). Its content type moves with it, so the
permissions groups were given on it and the admin's history keep pointing at it.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models



def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label="notifications", model="notification").exists():
        ContentType.objects.using(db).filter(app_label="reporting", model="notification").update(app_label="notifications")


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label="reporting", model="notification").exists():
        ContentType.objects.using(db).filter(app_label="notifications", model="notification").update(app_label="reporting")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("orgs", "0001_initial"),
        ("reporting", "0004_notification_moved"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Notification",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="时间")),
                        ("message", models.TextField(verbose_name="内容")),
                        ("url", models.CharField(blank=True, max_length=255, verbose_name="链接")),
                        ("read_at", models.DateTimeField(blank=True, null=True, verbose_name="已读时间")),
                        ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="notifications",
                                                   to=settings.AUTH_USER_MODEL, verbose_name="接收人")),
                    ],
                    options={
                        "verbose_name": "通知",
                        "verbose_name_plural": "通知",
                        "ordering": ["-created_at", "-id"],
                        "indexes": [models.Index(fields=["user", "read_at"], name="notification_unread_idx")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
