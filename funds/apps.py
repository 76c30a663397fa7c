from django.apps import AppConfig


class FundsConfig(AppConfig):
    """Projects funded by paired-assistance money (协作资金项目库) and their monthly 拨付/支出
    reports against dated milestones. After `people`, before `oversight`."""

    name = "funds"
    verbose_name = "协作资金项目"
