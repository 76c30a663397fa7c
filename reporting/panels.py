"""Places on 我的填报 where later layers add sections of their own (as plans.panels for the plan
page): issuance's pending 签收, for one. A panel takes the request and returns HTML or ""."""

from typing import Callable

MY_WORK: list[Callable[..., str]] = []  # panel(request)
