"""The apps in data-flow order: each imports only from those before it in INSTALLED_APPS.

Read from the source (no import runs), tests and migrations left out. The project package
`xiezuo` is also the last app; its plain helpers that every layer may use are listed in
SHARED_HELPERS (they import no app).
"""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
SHARED_HELPERS = {"xiezuo.xlsx"}  # list pages' Excel downloads: openpyxl only


def domain_apps() -> list[str]:
    apps = list(settings.INSTALLED_APPS)
    return apps[apps.index("history"):]


def imports(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module, node.lineno


def test_each_app_imports_only_from_the_apps_before_it():
    order = domain_apps()
    assert order.index("oversight") < order.index("assessment") < order.index("audit") < order.index("samples") < order.index("xiezuo")
    wrong = []
    for position, app in enumerate(order):
        for path in sorted((ROOT / app).rglob("*.py")):
            if {"tests", "migrations"} & set(path.relative_to(ROOT).parts):
                continue
            for module, line in imports(path):
                top = module.split(".")[0]
                if top in order and order.index(top) > position and module not in SHARED_HELPERS:
                    wrong.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert not wrong, "an app imports from a later layer:\n" + "\n".join(wrong)


def test_the_check_sees_a_later_import(tmp_path):
    # The reader finds both forms of import; the check above is only as good as this.
    probe = tmp_path / "probe.py"
    probe.write_text("import audit.kinds\nfrom assessment.models import Scheme\nfrom . import x\n", encoding="utf-8")
    assert list(imports(probe)) == [("audit.kinds", 1), ("assessment.models", 2)]
