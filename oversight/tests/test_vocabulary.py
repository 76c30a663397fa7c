"""One vocabulary of lights and warnings: the dashboard and the bulletin use only the words
oversight.status defines, so no word names a light and a warning both."""

import datetime
import re
from zoneinfo import ZoneInfo

import time_machine
from django.urls import reverse

from oversight import status as st
from oversight.access import scope_for
from oversight.bulletin import Table, bulletin_content
from oversight.snapshot import build_snapshot

NOV30_NOON = datetime.datetime(2026, 11, 30, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
# Words a light or a warning might be called by: each may appear only inside a defined label.
STEMS = ("滞后", "落后", "偏慢", "临近", "临期", "逾期", "正常")
# Lateness of reports (not of targets) is reporting's own term.
REPORT_TERMS = ("逾期报送", "逾期提交")


def defined_words() -> list[str]:
    words = [st.light_text(c) for c in st.LIGHT_ORDER] + [st.warning_text(c) for c in st.WARNING_ORDER]
    words += [*st.LIGHT_LABELS.values(), *st.WARNING_LABELS.values(), *st.LIGHT_MEANINGS.values(),
              *st.WARNING_MEANINGS.values(), *REPORT_TERMS]
    return sorted(words, key=len, reverse=True)


def undefined_uses(text: str) -> list[str]:
    """Each stem left once every defined word is taken out, with the words around it."""
    for word in defined_words():
        text = text.replace(word, "▮")
    return [text[max(0, m.start() - 8):m.end() + 8] for stem in STEMS for m in re.finditer(stem, text)]


def visible_text(html: str) -> str:
    html = re.sub(r"<script(?![^>]*application/json)[^>]*>.*?</script>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_the_dashboard_uses_only_the_defined_words(client, reported):
    with time_machine.travel(NOV30_NOON, tick=False):
        client.force_login(reported["people"]["office"])
        response = client.get(reverse("oversight:dashboard", args=["plan", reported["plan"].pk]) + "?month=2026-11")
        listing = client.get(reverse("oversight:targets", args=["plan", reported["plan"].pk]) + "?month=2026-11")
    html = response.content.decode()
    assert undefined_uses(visible_text(html)) == []
    assert undefined_uses(visible_text(listing.content.decode())) == []
    # The donut names lights, the card counts warnings: each in its own words, with a legend beside them.
    donut = [item["name"] for item in response.context["charts"]["lights"]["items"]]
    assert donut == ["红灯·严重滞后", "黄灯·偏慢", "绿灯·正常"]
    snapshot = response.context["snapshot"]
    assert f"落后时序进度 {len(snapshot.lagging)}" in html and "红色预警·逾期未完成" in html
    for item in st.legend()["lights"] + st.legend()["warnings"]:
        assert item.text in html and item.meaning in html
    assert "data-legend" in listing.content.decode()


def test_the_bulletin_uses_only_the_defined_words(reported):
    snapshot = build_snapshot([reported["plan"]], datetime.date(2026, 11, 1), datetime.date(2026, 11, 30))
    content = bulletin_content(snapshot, scope_for(reported["people"]["office"], "plan", reported["plan"].pk))
    words = [content.title, content.opening]
    for section in content.sections:
        words.append(section.heading)
        for block in section.blocks:
            if isinstance(block, Table):
                words += block.header + [cell for row in block.rows for cell in row]
            else:
                words.append(getattr(block, "text", block))
    text = "\n".join(words)
    assert undefined_uses(text) == []
    assert "四、预警指标" in text and "（一）落后时序进度的指标" in text
    # The legend: every light and warning defined where the bulletin counts them.
    for item in st.legend()["lights"] + st.legend()["warnings"]:
        assert f"{item.text}，{item.meaning}" in text


def test_a_stem_outside_the_vocabulary_is_caught():
    """The check itself: an old card label (“滞后 17 · 临期 8”) is found."""
    assert len(undefined_uses("滞后 17 · 临期 8")) == 2
    assert undefined_uses("黄灯·偏慢 2，落后时序进度 17") == []
