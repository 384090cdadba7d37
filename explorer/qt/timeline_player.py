"""Playing the timeline (issue 20, periods): each bar in turn (a day or a week, by the
timeline's bucket) becomes the filter's date range, at the chosen speed, and the map and
views follow the filter as they always do. It stops after the last bar; Pause keeps the range
shown; Play again goes on from there. The analyst changing the dates while it plays pauses it.

Tied to a map (``wait_for_page``, the page's ``painted`` report), a bar is left only once the
page has painted its data and the speed's time has passed: a slow page (or a slow count) makes
the bars last longer, it never skips one.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, SignalInstance
from PySide6.QtWidgets import QComboBox, QPushButton, QWidget

from explorer.query import Filter
from explorer.session import Change

if TYPE_CHECKING:
    from explorer.qt.timeline import Timeline

# The speeds offered: a bar every this many milliseconds (the first is the default).
SPEEDS_MS = (1500, 3000, 600)


class Player(QObject):
    """The Play/Pause button and the speed choice of a ``Timeline``."""

    def __init__(self, timeline: Timeline) -> None:
        super().__init__(timeline)
        self.timeline = timeline
        parent: QWidget = timeline
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)  # started again at each bar
        self._playing = False
        self._waits = False  # for the page to paint each bar (``wait_for_page``)
        self._due = False  # the bar's time has passed
        self._painted = False  # the page has painted the bar
        self.button = QPushButton(self.tr("Play"), parent)
        self.button.setObjectName("timelinePlay")
        self.button.setToolTip(self.tr(
            "Show each day or week in turn: the map and the lists follow (Pause keeps the "
            "range shown)"))
        self.button.clicked.connect(self.toggle)
        self.speed = QComboBox(parent)
        self.speed.setObjectName("timelineSpeed")
        self.speed.setToolTip(self.tr("How long each day or week is shown while playing"))
        for ms, label in zip(SPEEDS_MS, (self.tr("Normal"), self.tr("Slow"), self.tr("Fast")),
                             strict=True):
            self.speed.addItem(label, ms)
        self.speed.currentIndexChanged.connect(lambda _i: self.timer.setInterval(self.step_ms()))
        self.timer.setInterval(self.step_ms())
        self.timer.timeout.connect(self._on_timeout)
        # The range this player set last (``None`` before it set one).
        self._set: tuple[str, str] | None = None
        timeline.session.changed.connect(self._on_change)

    def step_ms(self) -> int:
        ms = self.speed.currentData()
        return ms if isinstance(ms, int) and ms > 0 else SPEEDS_MS[0]

    @property
    def playing(self) -> bool:
        return self._playing

    def wait_for_page(self, painted: SignalInstance) -> None:
        """Leave each bar only once the page has painted its data: ``painted`` says the
        filter whose data the page painted (``MapSync.painted``)."""
        self._waits = True
        painted.connect(self._on_painted)

    def toggle(self) -> None:
        if self.playing:
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        """Start from the bar after the range shown (the first bar when the range is no bar,
        or the last one)."""
        if not self.timeline.buckets:
            return
        self.timer.setInterval(self.step_ms())
        self.button.setText(self.tr("Pause"))
        self._playing = True
        self.advance()

    def pause(self) -> None:
        self._playing = False
        self.timer.stop()
        self.button.setText(self.tr("Play"))

    def _bar_range(self, start: date) -> tuple[str, str]:
        end = start + timedelta(days=self.timeline.step - 1)
        return start.isoformat(), end.isoformat()

    def current(self) -> int | None:
        """The bar whose days are the filter's date range, if one is."""
        f = self.timeline.session.filter
        for i, (start, _n) in enumerate(self.timeline.buckets):
            if self._bar_range(start) == (f.date_from, f.date_to):
                return i
        return None

    def advance(self) -> None:
        """The next bar's days become the filter's range; after the last one, stop."""
        buckets = self.timeline.buckets
        at = self.current()
        nxt = 0 if at is None or at + 1 >= len(buckets) else at + 1
        if not buckets:
            self.pause()
            return
        start, end = self._bar_range(buckets[nxt][0])
        self._set = (start, end)
        session = self.timeline.session
        self._due, self._painted = False, not self._waits
        session.set_filter(replace(session.filter, date_from=start, date_to=end))
        if nxt + 1 >= len(buckets):
            self.pause()  # the end: the last bar stays shown
        elif self._playing:
            self.timer.start()

    def _on_timeout(self) -> None:
        self._due = True
        self._next_if_shown()

    def _on_painted(self, f: Filter) -> None:
        if self._playing and (f.date_from, f.date_to) == self._set \
                and f == self.timeline.session.filter:
            self._painted = True
            self._next_if_shown()

    def _next_if_shown(self) -> None:
        """The next bar, once this one's time has passed and the page has painted it."""
        if self._playing and self._due and self._painted:
            self.advance()

    def _on_change(self, change: Change) -> None:
        """Dates changed by the analyst while playing: pause (the player follows no one)."""
        f = self.timeline.session.filter
        if change.filter and self.playing and (f.date_from, f.date_to) != self._set:
            self.pause()
