from django.apps import AppConfig


class IssuanceConfig(AppConfig):
    """Issuing a plan (交办/下达): versions, the 通知 .docx and .xlsx, units' sign-off (签收),
    reminders and adjustments (调整). After `planning`."""

    name = "issuance"
    verbose_name = "交办下达"

    def ready(self):
        from issuance import panels  # noqa: F401  (the plan page and 我的填报 link to issuance)
