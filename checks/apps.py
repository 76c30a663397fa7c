from django.apps import AppConfig


class ChecksConfig(AppConfig):
    name = "checks"
    verbose_name = "数字核查"

    def ready(self):
        from checks import panels  # noqa: F401  (adds the findings to the plan and review pages)
