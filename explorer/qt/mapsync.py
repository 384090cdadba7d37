"""Keeps the map page in step with the session: places, counts, selection, over the channel.

Every change reaches the page as one message on the bridge's ``update`` signal (see
``resources/web/explorer/map.js``); the page is never reloaded. New data from indexing are
sent as the session passes them on (a few times a second at most, see ``SessionModel``);
filter and selection changes at once. Each message has a sequence number the page echoes once
it has painted it (``drawn``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from explorer.mapdata import map_message
from explorer.qt.bridge import MapBridge
from explorer.qt.session_model import SessionModel
from explorer.session import Change


class MapSync(QObject):
    drawn = Signal(int)  # the sequence number of the last message the page painted

    def __init__(self, model: SessionModel, bridge: MapBridge, parent: QObject | None = None):
        super().__init__(parent)
        self.model = model
        self.bridge = bridge
        self.known: set[str] = set()  # place ids the page has records of
        self.shown = 0  # places the last message showed
        self.sent_seq = 0
        self.drawn_seq = 0
        self._fitted = False
        model.changed.connect(self._on_change)
        bridge.events.ready.connect(lambda: self.push(fit=True))
        bridge.events.drawn.connect(self._on_drawn)

    @property
    def up_to_date(self) -> bool:
        """The page has painted the last message sent (and there is none pending)."""
        return (self.bridge.is_ready and self.drawn_seq >= self.sent_seq
                and not self.model.data_pending)

    def _on_drawn(self, seq: int) -> None:
        self.drawn_seq = max(self.drawn_seq, seq)
        self.drawn.emit(seq)

    def _on_change(self, change: Change) -> None:
        if change.filter:
            self.push(fit=True)
        elif change.data:
            self.push(fit=not self._fitted)
        elif change.selection:
            self.send({"selected": self.model.selected_place})

    def push(self, *, fit: bool) -> None:
        """Send the places the current filter shows, and the selection."""
        if not self.bridge.is_ready:
            return  # the whole state is sent when the page says it is ready
        reader = self.model.reader
        places = reader.places(self.model.filter) if reader is not None else []
        message = map_message(places, self.known)
        self.known.update(rec["id"] for rec in message["add"])
        self.shown = len(places)
        message["selected"] = self.model.selected_place
        message["fit"] = fit and bool(places)
        self._fitted = self._fitted or message["fit"]
        self.send(message)

    def send(self, message: dict[str, Any]) -> None:
        if not self.bridge.is_ready:
            return  # the whole state is sent when the page says it is ready
        self.sent_seq += 1
        message["seq"] = self.sent_seq
        self.bridge.send(message)
