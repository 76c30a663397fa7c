"""Places on the plan pages where later layers add sections of their own.

plans comes before checks, reporting and oversight and so cannot import
them; each registers a function here from its AppConfig.ready(). A panel
takes the request and what the page shows and returns HTML, or "" for none.
"""

from typing import Callable

from django.utils.safestring import SafeString

PLAN_PAGE: list[Callable[..., str]] = []  # panel(request, plan)
IMPORT_REVIEW: list[Callable[..., str]] = []  # panel(request, plan_json, scope)


def render(panels: list[Callable[..., str]], request, *args) -> list[SafeString]:
    return [SafeString(html) for panel in panels if (html := panel(request, *args))]
