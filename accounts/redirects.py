"""Where a form's `next` may send the person afterwards: only somewhere on this site.

A `next` is written by whoever made the link or the form, so a crafted one
(`next=https://evil.example/`, `//evil.example`, `/\\evil.example`) would otherwise
bounce a signed-in reviewer to another site that looks like this one.
"""

from django.utils.http import url_has_allowed_host_and_scheme


def local_next(request, default: str = "") -> str:
    """The request's `next` (POST, else GET) when it is a path on this host, else `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                 require_https=request.is_secure()):
        return target
    return default
