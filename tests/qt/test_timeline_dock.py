"""Issue 17, B8: the timeline's axes, date fields and empty state, in a real window."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QFontMetrics

from explorer.query import Filter

pytestmark = pytest.mark.e2e


def shown_timeline(qtbot: Any, window: Any) -> Any:
    dock = window.timeline
    if not dock.isVisible():
        dock.toggleViewAction().trigger()
    dock.resize(900, 260)
    timeline = dock.timeline
    qtbot.waitUntil(lambda: timeline.buckets != [])
    return timeline


def axis_ticks(axis: Any) -> list[float]:
    """The values the value axis puts a label at."""
    lo, hi = axis.min(), axis.max()
    if axis.tickType() == axis.TickType.TicksDynamic:
        step = axis.tickInterval()
        k = 0
        out = []
        while axis.tickAnchor() + k * step <= hi + 1e-9:
            out.append(axis.tickAnchor() + k * step)
            k += 1
        return [v for v in out if v >= lo - 1e-9]
    n = axis.tickCount()
    return [lo + i * (hi - lo) / (n - 1) for i in range(n)]


def test_count_axis_labels_are_distinct_whole_numbers(qtbot: Any, window: Any) -> None:
    timeline = shown_timeline(qtbot, window)
    for top in (1, 3, 7, 23):
        days = [(date(2021, 3, 1), top), (date(2021, 3, 2), 1)]
        timeline.set_days(days, window.session.filter)
        ticks = axis_ticks(timeline.y_axis)
        assert all(t == int(t) for t in ticks), (top, ticks)
        assert len(set(ticks)) == len(ticks) and ticks[0] == 0 and ticks[-1] >= top
        assert len(ticks) <= 6


def test_week_labels_are_whole(qtbot: Any, window: Any) -> None:
    """Every date under a bar fits under it (Qt Charts cuts one that does not to
    "2021-0…"), or none is shown and the span under the chart says the dates."""
    timeline = shown_timeline(qtbot, window)
    window.timeline.resize(560, 260)
    days = [(date(2021, 1, 4) + timedelta(days=7 * k), k + 1) for k in range(14)]
    timeline.set_days(days, window.session.filter)
    timeline.bucket.setCurrentIndex(timeline.bucket.findData("week"))
    qtbot.waitUntil(lambda: len(timeline.buckets) == 14)
    qtbot.wait(50)
    labels = timeline.x_axis.categories()
    per_bar = timeline.chart.plotArea().width() / len(labels)
    metrics = QFontMetrics(timeline.x_axis.labelsFont())
    if timeline.x_axis.labelsVisible():
        assert max(metrics.horizontalAdvance(t) for t in labels) <= per_bar, labels
    # The years are said once, whole, under the chart.
    assert "2021-01-04" in timeline.span.text() and "2021-04-05" in timeline.span.text()


@pytest.mark.qt_log_ignore("This plugin does not support")  # a popup, offscreen
def test_the_from_calendar_opens_on_the_data_not_1900(qtbot: Any, window: Any) -> None:
    timeline = shown_timeline(qtbot, window)
    edit = timeline.date_from
    assert edit.date() == QDate(1900, 1, 1)  # "any"
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(edit.width() - 6,
                                                                 edit.height() // 2))
    calendar = edit.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    first = timeline.days[0][0]
    assert (calendar.yearShown(), calendar.monthShown()) == (first.year, first.month)
    calendar.window().close()


def test_a_typed_date_is_taken(qtbot: Any, window: Any) -> None:
    timeline = shown_timeline(qtbot, window)
    edit = timeline.date_from
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "2021-09-01")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.session.filter.date_from == "2021-09-01"
    assert edit.date() == QDate(2021, 9, 1)


def test_a_corpus_without_dates_says_why_the_chart_is_empty(qtbot: Any, window: Any) -> None:
    timeline = shown_timeline(qtbot, window)
    timeline.set_days([], window.session.filter)
    assert timeline.empty.isVisible() and "date" in timeline.empty.text()
    assert not timeline.view.isVisible()
    timeline.set_days([(date(2021, 3, 1), 2)], Filter())
    assert not timeline.empty.isVisible() and timeline.view.isVisible()
