from django.apps import AppConfig


class LedgersConfig(AppConfig):
    """Detail ledgers (明细台账): rows a unit records for a metric (date, counterpart, amount,
    evidence) whose sum is its monthly figure. After `funds`, before `oversight`."""

    name = "ledgers"
    verbose_name = "明细台账"
