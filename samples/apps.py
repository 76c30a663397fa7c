from django.apps import AppConfig


class SamplesConfig(AppConfig):
    """The sample data `make run` loads (`manage.py load_sample_data`): units, plans, users,
    months of reports, an issued plan. Kept out of the product apps, after all of them: it
    only calls their models and actions, as the people in the sample would."""

    name = "samples"
    verbose_name = "样例数据"
