from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = "进度填报"

    def ready(self):
        from plans import hooks
        from reporting.services import open_cycles_of

        # An imported plan gets this month's and earlier months' reports at once; the daily
        # `open_cycles` command does the same for every plan. Pages never open cycles.
        hooks.PLAN_SAVED.append(open_cycles_of)
