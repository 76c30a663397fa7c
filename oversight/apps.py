from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "oversight"
    verbose_name = "督查通报"

    def ready(self):
        from oversight import panels  # noqa: F401  (each task's progress on the plan page)
