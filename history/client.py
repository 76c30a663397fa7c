"""The client's address of a request: one rule for the audit history and the login lockout.

Behind TRUSTED_PROXY_COUNT reverse proxies, each appending to X-Forwarded-For, the client is
the entry that many places from the right; anything further left the client wrote itself,
so it is not evidence. With no proxy declared the header is ignored: a guesser could otherwise
claim a new address with every try and never be locked out, and a history could be told lies.
"""

from django.conf import settings


def client_address(request) -> str | None:
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR") or None
