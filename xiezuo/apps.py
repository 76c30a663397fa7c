from django.apps import AppConfig


class XiezuoConfig(AppConfig):
    name = "xiezuo"
    verbose_name = "协作"

    def ready(self):
        # Runs after django.contrib.admin's ready() has loaded every app's admin module.
        from django.contrib import admin

        from orgs.admin_scope import superuser_only_unless_scoped

        superuser_only_unless_scoped(admin.site)
