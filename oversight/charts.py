"""Chart specs for the dashboard (drawn by static/oversight/charts.js with ECharts).

Every value comes from the Snapshot and every bar, slice and point carries
the URL of the list or page behind it, so a figure clicks through to the
reports and evidence it was added up from.
"""

from decimal import Decimal
from urllib.parse import urlencode

from django.urls import reverse

from intake.interpret.numbers import printed

from oversight import status as st
from oversight.snapshot import Snapshot, month_label, month_text

TREND_CHARTS = 4  # the metrics reported most; the rest are in the table below the charts
RANKED_BARS = 40


def _pct(value: Decimal | None) -> str | None:
    """The chart's figure, rounded exactly as the cards and the bulletin print it."""
    return None if value is None else str(st.percent_value(value))


def targets_url(scope, snapshot: Snapshot, **filters) -> str:
    query = {"month": month_text(snapshot.month), **{k: v for k, v in filters.items() if v not in (None, "")}}
    return reverse("oversight:targets", args=[scope.kind, scope.pk]) + "?" + urlencode(query)


def ranked_shown(units: list) -> list:
    """A county's units all; a city's thousands as the first and the last RANKED_BARS // 2."""
    if len(units) <= RANKED_BARS:
        return units
    return units[:RANKED_BARS // 2] + units[-RANKED_BARS // 2:]


def dashboard_charts(scope, snapshot: Snapshot) -> dict:
    overall = snapshot.overall
    charts = {
        "gauge": {"type": "gauge", "value": _pct(overall.completion) or "0",
                  "schedule": _pct(overall.time_progress), "name": "总体完成率"},
        # Lights of the totals only, named as everywhere (红灯·严重滞后), not the warnings' words.
        "lights": {"type": "pie", "title": "总指标亮灯", "items": [
            {"name": st.light_text(light), "value": overall.lights[light], "light": light,
             "url": targets_url(scope, snapshot, light=light, level="root")}
            for light in st.LIGHT_ORDER]},
        "units": {"type": "bar", "title": "各单位完成率排名", "marker": {
            "name": "时序进度", "value": _pct(overall.time_progress)} if overall.time_progress is not None else None,
            "items": [{"name": f"{u.rank}. {u.name}", "value": _pct(u.summary.completion), "light": u.summary.light,
                       "url": targets_url(scope, snapshot, unit=u.unit_id)} for u in ranked_shown(snapshot.by_unit)]},
        "trends": [],
    }
    labels = [f"{m.month}月" if m.year == snapshot.month.year else month_label(m) for m in snapshot.months]
    for index, series in enumerate(snapshot.trend[:TREND_CHARTS]):
        charts["trends"].append({
            "id": f"trend-{index}",
            "spec": {"type": "line", "title": f"{series.metric}（{series.measure}）", "unit": "", "months": labels,
                     "series": [{"name": "累计完成", "values": [printed(v) for _, v in series.points],
                                 "urls": [targets_url(scope, snapshot, metric=series.metric, level="root",
                                                      month=month_text(m)) for m, _ in series.points]}],
                     "target": {"name": f"目标 {printed(series.target)}", "values": [printed(series.target)] * len(labels)}},
        })
    return charts
