from django.apps import AppConfig


class ExchangesConfig(AppConfig):
    """Pairings at every level and the exchanges (互访交流) between paired sides, with the rules
    they must meet. After `ledgers`, before `oversight`."""

    name = "exchanges"
    verbose_name = "结对与互访"

    def ready(self):
        from exchanges.counting import exchange_values, shown_for_report
        from reporting import derived

        derived.register(exchange_values)
        derived.register_explainer(shown_for_report)  # the report page: the count in place of an input
