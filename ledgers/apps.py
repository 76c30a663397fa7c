from django.apps import AppConfig


class LedgersConfig(AppConfig):
    """Detail ledgers (明细台账): rows a unit records for a metric (date, counterpart, amount,
    evidence) whose sum is its monthly figure. After `funds`, before `oversight`."""

    name = "ledgers"
    verbose_name = "明细台账"

    def ready(self):
        from ledgers.sums import ledger_values, shown_for_report
        from reporting import derived

        derived.register(ledger_values)  # the dashboards, the bulletin, the ledger export, the API
        derived.register_explainer(shown_for_report)  # the report page: the sum in place of an input
