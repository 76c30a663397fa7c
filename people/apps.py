from django.apps import AppConfig


class PeopleConfig(AppConfig):
    """The roster of dispatched people (选派人员: 挂职干部, 专技人才), their name lists and allowance
    payments; counts toward 选派 targets. After `reporting`, before `oversight` (dashboards read it)."""

    name = "people"
    verbose_name = "选派人员"

    def ready(self):
        from people.counting import roster_values, shown_for_report
        from reporting import derived

        derived.register(roster_values)  # the dashboards, the bulletin, the ledger, the API
        derived.register_explainer(shown_for_report)  # the report page: the count in place of an input
