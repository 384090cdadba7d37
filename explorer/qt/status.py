"""The status bar's words: what the index holds and what the filter shows, from the view
feed's answers only (``ViewData``: counting a large index takes a while), never asked of the
index on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from explorer.qt.feed import ViewData
from explorer.qt.mapsync import MapSync
from explorer.qt.panels import StatusBar
from explorer.qt.session_model import SessionModel
from explorer.qt.status_text import status_text
from explorer.query import Filter


class StatusLine(QObject):
    def __init__(self, bar: StatusBar, session: SessionModel, map_sync: MapSync,
                 region_name: Callable[[str], str], indexing: Callable[[], bool],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bar, self.session, self.map_sync = bar, session, map_sync
        self._region_name, self._indexing = region_name, indexing
        self.stats: dict[str, int] = {}  # the index's, from the feed's last answer
        session.changed.connect(lambda _change: self.update())

    def show_data(self, data: ViewData) -> None:
        self.stats = data.stats
        self.update()

    def clear(self) -> None:
        self.stats = {}

    def update(self) -> None:
        f = self.session.filter
        self.bar.label.setText(status_text(
            self.stats, f, self.map_sync.shown_under(f) if f != Filter() else None,
            self._region_name, indexing=self._indexing()))
