from django.apps import AppConfig


class RegistryConfig(AppConfig):
    """The office's registry pages: its units, their people's accounts, pairings and each
    plan's reporting schedule. After `oversight`: merging units moves rows of every app."""

    name = "registry"
    verbose_name = "单位与账号"
