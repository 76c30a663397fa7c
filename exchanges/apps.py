from django.apps import AppConfig


class ExchangesConfig(AppConfig):
    """Pairings at every level and the exchanges (互访交流) between paired sides, with the rules
    they must meet. After `ledgers`, before `oversight`."""

    name = "exchanges"
    verbose_name = "结对与互访"
