from django.apps import AppConfig


class PlanningConfig(AppConfig):
    """The office's plan workbench: edit a plan in place, break a quota down (预分解), implement
    an upper plan (承接), units' proposed 自选动作. After `assessment`: it reads reports to guard them."""

    name = "planning"
    verbose_name = "计划编制"

    def ready(self):
        from planning import proposal_panel  # noqa: F401  (the plan page's 自选动作 section)
        from planning import edit_panels  # noqa: F401  the plan page's 编辑方案 link
        from planning import breakdown_panels  # noqa: F401  (预分解 and 承接 links on the plan page)
