from django.apps import AppConfig


class FundsConfig(AppConfig):
    """Projects funded by paired-assistance money (协作资金项目库) and their monthly 拨付/支出
    reports against dated milestones. After `people`, before `oversight`."""

    name = "funds"
    verbose_name = "协作资金项目"

    def ready(self):
        from funds.reminders import send_funds_reminders
        from reporting.reminders import EXTRA_REMINDERS

        if send_funds_reminders not in EXTRA_REMINDERS:
            EXTRA_REMINDERS.append(send_funds_reminders)  # manage.py send_reminders chases the funds months too
