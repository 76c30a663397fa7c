from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "用户与角色"

    def ready(self):
        from accounts.roles import sync_role_groups

        # Permissions exist only after every app has migrated, so the role
        # groups are (re)built here rather than in a data migration.
        post_migrate.connect(sync_role_groups, dispatch_uid="accounts.sync_role_groups")
