"""The setting the scoring scripts import documents in: Django on a throw-away
in-memory database holding the sample registry, so that group units such as
十街镇 expand to their members as they would in use.

    from importer_setup import ROOT, SHARED, sample_registry
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("XIEZUO_SHARED", ROOT.parent / "shared"))


def sample_registry():
    """Set Django up on SQLite in memory, load the sample registry and return
    it in the importer's form (intake.api.Registry)."""
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = "sqlite://:memory:"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xiezuo.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from samples.registry import load_registry
    from orgs.services import intake_registry

    call_command("migrate", verbosity=0)
    load_registry()
    return intake_registry()
