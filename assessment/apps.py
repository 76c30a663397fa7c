from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "assessment"
    verbose_name = "年度考核"

    def ready(self):
        from assessment import panels  # noqa: F401  (the plan page links to its assessment)
