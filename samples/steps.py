"""The steps `manage.py load_sample_data` runs, in this order: each needs the ones before it."""

STEPS = ("registry", "plans", "users", "reports", "issuance", "people", "exchanges")
# What most pages' tests want: units, plans and users; no reports filled, nothing issued.
BASE = STEPS[:3]
