"""Notification moved to the notifications app, rows and all.

The table is renamed (reporting_notification → notifications_notification)
rather than kept under its old name, so the table is named after the app
that owns it and no one later wonders why reporting holds it. This migration
only forgets the model (state) and renames the table (database);
notifications 0001 takes the model up in state without creating anything.
On a fresh database the table is created once, by 0002_workflow, then
renamed here.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("reporting", "0003_evidence_policy_withdraw"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(name="notification", table="notifications_notification"),
            ],
            state_operations=[
                migrations.DeleteModel(name="Notification"),
            ],
        ),
    ]
