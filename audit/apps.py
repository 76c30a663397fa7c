from django.apps import AppConfig


class AuditConfig(AppConfig):
    """Reading the history: per object and the office's log. Last of the domain apps,
    so it may import from all of them; the history itself is written by `history`."""

    name = "audit"
    verbose_name = "操作日志"

    def ready(self):
        from audit import panels  # noqa: F401  (the plan page's link to its history)
