from django.apps import AppConfig


class HistoryConfig(AppConfig):
    """The audit history's foundation: a common base for every model's history rows.

    It comes first among the domain apps (it imports none of them) so that every
    app's models can use `audited()`; the pages that read the history live in
    `audit`, last, which may import from all.
    """

    name = "history"
    verbose_name = "修改记录"

    def ready(self):
        from history import records  # noqa: F401  (connects the signal that fills the IP address)
