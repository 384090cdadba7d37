"""The timeline dock: mentions per day or week of the filter (all of it but its dates), as bars.

A click on a bar sets the filter's date range to that day or week; dragging across bars sets
it to the days they span; the date fields set either end, and *All dates* clears it. The bars
inside the range are highlighted; *Play* shows each bar in turn (``timeline_player``). The
counts come from the index (``IndexReader.timeline``), or, for the SQLite index, from the
feed's worker thread (``ViewData.timeline``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QDate, QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from explorer.qt.counts import counts
from explorer.qt.names import ltr
from explorer.qt.session_model import SessionModel
from explorer.qt.timeline_player import Player
from explorer.query import Filter, bucketed
from explorer.session import Change

# More day bars than this are shown as weeks.
MAX_DAY_BARS = 400
# Dates under the bars up to this many bars (and while they fit whole under their bars);
# past it, the first and last date only.
MAX_LABELS = 14
#: The most ticks on the count axis (0 included); each a whole number.
MAX_TICKS = 5
# The date fields' "no date": their minimum, shown as "any".
NO_DATE = QDate(1900, 1, 1)


def filled(buckets: list[tuple[date, int]], step: int) -> list[tuple[date, int]]:
    """The buckets with the empty ones between them (every ``step`` days) added as zeros."""
    if not buckets:
        return []
    have = dict(buckets)
    out = []
    d, last = buckets[0][0], buckets[-1][0]
    while d <= last:
        out.append((d, have.get(d, 0)))
        d += timedelta(days=step)
    return out


def count_ticks(top: int) -> tuple[int, int]:
    """(axis maximum, tick step) for counts up to ``top``: whole-number ticks 0, step, …,
    at most ``MAX_TICKS`` of them, the step 1, 2 or 5 times a power of ten."""
    top = max(top, 1)
    power = 1
    while True:
        for m in (1, 2, 5):
            step = m * power
            if step * (MAX_TICKS - 1) >= top:
                return math.ceil(top / step) * step, step
        power *= 10


class _ChartView(QChartView):
    """Reports the bar under a press and under the release (a click, or a drag across)."""

    def __init__(self, chart: QChart, timeline: Timeline) -> None:
        super().__init__(chart)
        self.timeline = timeline
        self._pressed: int | None = None
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRubberBand(QChartView.RubberBand.NoRubberBand)

    def bar_at(self, pos: QPointF) -> int | None:
        """The bar under ``pos`` (view coordinates), if any."""
        n = len(self.timeline.buckets)
        if not n:
            return None
        chart = self.chart()
        value = chart.mapToValue(chart.mapFromScene(self.mapToScene(pos.toPoint()))).x()
        i = round(value)
        return i if 0 <= i < n and abs(value - i) <= 0.5 else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed = self.bar_at(event.position())
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._pressed is not None:
            end = self.bar_at(event.position())
            self.timeline.select_bars(self._pressed, self._pressed if end is None else end)
        self._pressed = None
        super().mouseReleaseEvent(event)


class _DateField(QDateEdit):
    """A date field whose "any" (``NO_DATE``) gives way to a real date as soon as the user
    types or opens it (``start()``: the first date in view), so a typed date lands in
    sections that parse; left untouched, it goes back to "any" without changing the filter."""

    def __init__(self, start: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start = start
        self._placeholder = False  # showing start() for "any", nothing chosen yet
        self.dateChanged.connect(self._chosen)

    def _chosen(self, _d: QDate) -> None:
        self._placeholder = False

    def leave_any(self) -> None:
        if self.date() == NO_DATE:
            d = self._start()
            self.blockSignals(True)
            self.setDate(QDate(d.year, d.month, d.day))
            self.blockSignals(False)
            self._placeholder = True

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.leave_any()
        super().focusInEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.leave_any()  # the calendar opens on the data's month, not on 1900
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.date() == NO_DATE and event.text().isdigit():
            self.leave_any()
            self.selectAll()
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if (self._placeholder and not self.lineEdit().isModified()
                and event.reason() != Qt.FocusReason.PopupFocusReason):  # its calendar
            self.blockSignals(True)
            self.setDate(NO_DATE)
            self.blockSignals(False)
            self._placeholder = False
        super().focusOutEvent(event)


class Timeline(QWidget):
    """The chart, its bucket (day or week) and the date range's fields."""

    def __init__(self, model: SessionModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.session = model
        # The view feed brings the counts (``set_days``): never asked of the index here.
        self.days: list[tuple[date, int]] = []
        self.buckets: list[tuple[date, int]] = []
        self.step = 1  # days per bar

        self.chart = QChart()
        self.chart.legend().hide()
        self.chart.setMargins(self.chart.margins() * 0)
        self.series = QBarSeries()
        self.chart.addSeries(self.series)
        self.x_axis = QBarCategoryAxis()
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%d")
        # Whole-number ticks from 0 (a fixed count of 5 ticks labels 0..3 "0,0,1,2,3").
        self.y_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        self.y_axis.setTickAnchor(0)
        self.y_axis.setMinorTickCount(0)
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.x_axis)
        self.series.attachAxis(self.y_axis)
        self.view = _ChartView(self.chart, self)
        self.chart.plotAreaChanged.connect(lambda _r: self._fit_labels())
        self.view.setObjectName("timelineChart")
        self.view.setMinimumHeight(120)

        self.bucket = QComboBox(self)
        self.bucket.setObjectName("timelineBucket")
        self.bucket.addItem(self.tr("Per day"), "day")
        self.bucket.addItem(self.tr("Per week"), "week")
        self.bucket.currentIndexChanged.connect(lambda _i: self.redraw())
        self.date_from = self._date_edit("dateFrom")
        self.date_to = self._date_edit("dateTo")
        self.all_dates = QPushButton(self.tr("All dates"), self)
        self.all_dates.setObjectName("allDates")
        self.all_dates.setToolTip(self.tr("Forget the date range: articles of every date"))
        self.bucket.setToolTip(self.tr("Count the articles per day or per week"))
        self.date_from.setToolTip(self.tr(
            "Only articles published on or after this day (type it, or pick it; "
            "“any”: no limit)"))
        self.date_to.setToolTip(self.tr(
            "Only articles published on or before this day (type it, or pick it; "
            "“any”: no limit)"))
        self.all_dates.clicked.connect(
            lambda: self.session.set_filter(self.session.filter.undated()))
        self.note = QLabel(self)
        self.note.setObjectName("timelineNote")
        self.span = QLabel(self)
        self.span.setObjectName("timelineSpan")
        self.span.setAlignment(Qt.AlignmentFlag.AlignCenter)
        #: Said instead of an empty chart when nothing in view has a date.
        self.empty = QLabel(self.tr(
            "No article in view has a date, so there is nothing to draw: the timeline counts "
            "the articles whose page gives a date (such as 28/09/2021 or "
            "“Published: 2021-09-28”)."), self)
        self.empty.setObjectName("timelineEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        self.series.hovered.connect(self._hovered)

        self.player = Player(self)
        # Two rows, so the dock stays narrow: playing and comparing, then the dates.
        self.controls = controls = QHBoxLayout()
        controls.addWidget(self.player.button)
        controls.addWidget(self.player.speed)
        controls.addStretch(1)  # the comparison's button goes before it
        dates = QHBoxLayout()
        dates.addWidget(self.bucket)
        dates.addWidget(QLabel(self.tr("From"), self))
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("to"), self))
        dates.addWidget(self.date_to)
        dates.addWidget(self.all_dates)
        dates.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(controls)
        layout.addLayout(dates)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.span)

        model.changed.connect(self._on_change)
        self.follow_dates()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = _DateField(self.calendar_start, self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(NO_DATE)
        # A date typed is taken when it is complete (Enter, or leaving the field): taken at
        # each key, every partial date reset the field under the typing.
        edit.setKeyboardTracking(False)
        edit.dateChanged.connect(lambda _d: self._dates_edited())
        return edit

    def calendar_start(self) -> date:
        """The month a calendar with no date opens on: the first date in view, or today."""
        return self.days[0][0] if self.days else date.today()

    # -- data ---------------------------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        if change.filter:
            self.follow_dates()
        if change.filter:
            self.redraw()  # the highlighted range; the counts come with the feed's answer

    def set_days(self, days: list[tuple[date, int]], f: Filter) -> None:
        """The mentions per day of filter ``f`` (ignored unless it is the session's, dates
        aside)."""
        if f.undated() != self.session.filter.undated():
            return
        self.days = days
        self.redraw()

    def redraw(self) -> None:
        bucket = self.bucket.currentData() or "day"
        pairs = [(d.isoformat(), n) for d, n in self.days]
        buckets = filled(bucketed(pairs, bucket), 7 if bucket == "week" else 1)
        self.note.setText("")
        if bucket == "day" and len(buckets) > MAX_DAY_BARS:
            buckets = filled(bucketed(pairs, "week"), 7)
            self.note.setText(self.tr("too many days: shown per week"))
            bucket = "week"
        self.step = 7 if bucket == "week" else 1
        self.buckets = buckets
        self.series.clear()
        bars = QBarSet(self.tr("mentions"))
        bars.setColor(QColor("#4a7fb0"))
        bars.setSelectedColor(QColor("#e0803a"))
        bars.append([float(n) for _, n in buckets])
        self.series.append(bars)
        self.x_axis.clear()
        # Month and day under the bars (whole, never "2021-0…"); the years in the span.
        self.x_axis.append([d.strftime("%m-%d") for d, _ in buckets] or [""])
        self._fit_labels()
        # Left to right, as the bars are, in an Arabic interface too (an isolate).
        self.span.setText(f"\u2066{buckets[0][0].isoformat()} … {buckets[-1][0].isoformat()}"
                          "\u2069" if buckets else "")
        top, step = count_ticks(max((n for _, n in buckets), default=1))
        self.y_axis.setRange(0, top)
        self.y_axis.setTickInterval(step)
        self.player.button.setEnabled(bool(buckets) or self.player.playing)
        self.view.setVisible(bool(buckets))
        self.empty.setVisible(not buckets)
        f = self.session.filter
        if f.dated:
            bars.selectBars([i for i, (d, _) in enumerate(buckets) if self._in_range(d, f)])

    def _fit_labels(self) -> None:
        """Dates under the bars only while each fits whole under its bar."""
        n = len(self.buckets)
        widest = QFontMetrics(self.x_axis.labelsFont()).horizontalAdvance("00-00") + 8
        width = self.chart.plotArea().width() or self.view.width() - 40
        self.x_axis.setLabelsVisible(0 < n <= MAX_LABELS and n * widest <= width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_labels()

    def _hovered(self, on: bool, i: int, _bars: QBarSet) -> None:
        if on and 0 <= i < len(self.buckets):
            d, n = self.buckets[i]
            self.note.setText(self.tr("{date}: {mentions}").format(
                date=ltr(d.isoformat()), mentions=counts().mentions(n)))
        else:
            self.note.setText("")

    def _in_range(self, start: date, f: Filter) -> bool:
        end = start + timedelta(days=self.step - 1)
        return ((f.date_from is None or end.isoformat() >= f.date_from)
                and (f.date_to is None or start.isoformat() <= f.date_to))

    # -- the date range -----------------------------------------------------------------------

    def select_bars(self, i: int, j: int) -> None:
        """Set the date range to the days of bars ``i`` to ``j`` (either order)."""
        lo, hi = sorted((i, j))
        start = self.buckets[lo][0]
        end = self.buckets[hi][0] + timedelta(days=self.step - 1)
        self.session.set_filter(replace(self.session.filter, date_from=start.isoformat(),
                                        date_to=end.isoformat()))

    def bar_center(self, i: int) -> QPointF:
        """Where bar ``i`` is drawn, in the chart view's coordinates (tests)."""
        n = self.buckets[i][1]
        inside = self.chart.mapToPosition(QPointF(i, n / 2), self.series)
        return self.view.mapFromScene(self.chart.mapToScene(inside)).toPointF()

    def _dates_edited(self) -> None:
        def iso(edit: QDateEdit) -> str | None:
            d = edit.date()
            return None if d == NO_DATE else d.toString("yyyy-MM-dd")

        start, end = iso(self.date_from), iso(self.date_to)
        if start and end and start > end:
            start, end = end, start
        self.session.set_filter(replace(self.session.filter, date_from=start, date_to=end))

    def follow_dates(self) -> None:
        """Show the filter's range in the date fields (without changing it back)."""
        f = self.session.filter
        for edit, value in ((self.date_from, f.date_from), (self.date_to, f.date_to)):
            edit.blockSignals(True)
            edit.setDate(QDate.fromString(value, "yyyy-MM-dd") if value else NO_DATE)
            edit.blockSignals(False)
        self.all_dates.setEnabled(f.dated)


class TimelineDock(QDockWidget):
    def __init__(self, model: SessionModel, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Timeline"), parent)
        self.setObjectName("timelineDock")
        self.timeline = Timeline(model, self)
        self.setWidget(self.timeline)
