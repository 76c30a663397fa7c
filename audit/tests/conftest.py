"""The reporting fixtures (a plan of 区民政局, its streets' reports and people), and a way
to submit a Django admin change form as a person would: every field as the page shows
it, then the few changed."""

from html.parser import HTMLParser

import pytest

from reporting.tests.conftest import person, work  # noqa: F401  (fixtures)


class _Form(HTMLParser):
    def __init__(self):
        super().__init__()
        self.data, self._select, self._textarea = {}, None, None
        self.in_form = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id", "").endswith("_form"):
            self.in_form = True
        if not self.in_form:
            return
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") in ("checkbox", "radio"):
                if "checked" in a:
                    self.data.setdefault(name, []).append(a.get("value", "on"))
            else:
                self.data.setdefault(name, []).append(a.get("value", ""))
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in a:
            self.data[self._select].append(a.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = [""]

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self.in_form = False

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][0] += data


def admin_change(client, url: str, changes: dict, **extra):
    """GET the admin change page, POST it back with `changes` applied."""
    page = client.get(url, **extra)
    assert page.status_code == 200, page.status_code
    form = _Form()
    form.feed(page.content.decode())
    data = dict(form.data)
    for key, value in changes.items():
        data[key] = value if isinstance(value, list) else [value]
    data["_save"] = ["保存"]
    # A textarea's first newline is the template's, not the value's.
    data = {k: [v.removeprefix("\n") for v in vs] for k, vs in data.items()}
    return client.post(url, data, **extra)


@pytest.fixture
def admin_change_form():
    return admin_change
