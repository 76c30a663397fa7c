from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = "任务分工方案"
