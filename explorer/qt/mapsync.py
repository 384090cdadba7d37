"""Keeps the map page in step with the session: places, counts, selection, over the channel.

Every change reaches the page as one message on the bridge's ``update`` signal (see
``resources/web/explorer/map.js``); the page is never reloaded. New data from indexing are
sent as the session passes them on (a few times a second at most, see ``SessionModel``);
filter and selection changes at once. Each message has a sequence number the page echoes once
it has painted it (``drawn``); once the page has painted the message carrying the view's
data for a filter, ``painted`` says which filter (the data's version).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Signal

from explorer.areas import Area, outline
from explorer.map_layers import DEFAULT as DEFAULT_LAYERS
from explorer.map_layers import NAMES as LAYER_NAMES
from explorer.map_layers import layer_data
from explorer.qt.bridge import MapBridge
from explorer.qt.feed import Feed, ViewData, nothing
from explorer.qt.session_model import SessionModel
from explorer.query import Filter, MentionedWith
from explorer.session import Change


class MapSync(QObject):
    drawn = Signal(int)  # the sequence number of the last message the page painted
    #: The filter whose data the page has painted (the message carrying them echoed drawn).
    painted = Signal(object)
    #: ViewData from the feed: what every view (country list, places table, timeline, chips,
    #: status bar) shows; none of them asks the index itself.
    viewData = Signal(object)

    def __init__(self, model: SessionModel, bridge: MapBridge, parent: QObject | None = None):
        super().__init__(parent)
        self.model = model
        self.bridge = bridge
        self.feed: Feed | None = None
        self._want_fit = False
        self._fresh: ViewData | None = None  # the feed's last answer, while still current
        self._asked = False  # a question to the feed for the current data is unanswered
        self.known: set[str] = set()  # place ids the page has records of
        self.shown = 0  # places the last message showed
        self.shown_for: Filter | None = None  # the filter ``shown`` counts the places of
        self.sent_seq = 0
        self.drawn_seq = 0
        #: The last message of view data sent: its sequence number and its filter.
        self._data_sent: tuple[int, Filter] | None = None
        self._fitted = False
        self._filter = model.filter  # the filter last shown: an area alone does not refit
        self.layers: frozenset[str] = DEFAULT_LAYERS  # the map's layers shown
        self._view_layers: dict[str, Any] = {}  # the layers' data from the view's last data
        #: The layer "together"'s data: the places mentioned with the selection (None: none).
        self.together: dict[str, Any] | None = None
        #: Whether an area is the map's view itself ("only what is in view"): not outlined.
        self.is_view: Callable[[Area], bool] = lambda area: False
        model.changed.connect(self._on_change)
        model.fitRequested.connect(self.fit_places)
        bridge.events.ready.connect(self._on_ready)
        # The map → the session: a marker click selects its place, one elsewhere nothing.
        bridge.events.clicked.connect(model.select)
        bridge.events.background.connect(lambda: model.select(None))
        bridge.events.drawn.connect(self._on_drawn)

    def shown_under(self, f: Filter) -> int | None:
        """The places the map shows under filter ``f``; None while they are being counted."""
        return self.shown if self.shown_for == f else None

    @property
    def latest(self) -> ViewData | None:
        """The feed's last answer, while it is still current (None: one is on its way)."""
        return self._fresh

    @property
    def up_to_date(self) -> bool:
        """The page has painted the last message sent (and there is none pending)."""
        return (self.bridge.is_ready and self.drawn_seq >= self.sent_seq
                and not self.model.data_pending and (self.feed is None or self.feed.idle))

    def new_corpus(self) -> None:
        """Another folder is opened: the map fits its places once they come."""
        self._fitted = False
        self._fresh = None
        self._want_fit = True

    def set_feed(self, feed: Feed | None) -> None:
        """Compute what the page shows off the GUI thread (a large index), or not (None)."""
        if self.feed is not None:
            self.feed.ready.disconnect(self._on_view_data)
        self.feed = feed
        if feed is not None:
            feed.ready.connect(self._on_view_data)

    def _on_drawn(self, seq: int) -> None:
        if seq > self.sent_seq:  # not a message sent: the page cannot have painted it
            return
        self.drawn_seq = max(self.drawn_seq, seq)
        self.drawn.emit(seq)
        sent = self._data_sent
        if sent is not None and seq >= sent[0]:
            self._data_sent = None
            self.painted.emit(sent[1])

    def _on_ready(self) -> None:
        fresh = self._fresh
        if fresh is not None and fresh.filter == self.model.filter:
            self._want_fit = True
            self._on_view_data(fresh)  # computed while the page was loading
        elif self._asked:
            self._want_fit = True  # the answer on its way is sent when it comes
        else:
            self.refresh(fit=True)

    def _on_change(self, change: Change) -> None:
        if change.filter or change.data:
            self._fresh = None
        gone = (change.selection and self.together is not None
                and self.together["from"] != self.model.selected_place)
        if gone:
            self.together = None  # the lines of the place selected before go
        if change.filter:
            before, self._filter = self._filter, self.model.filter
            # A new area (the view itself, a drawn box) keeps the view where the analyst is.
            self.refresh(fit=replace(before, area=None) != replace(self._filter, area=None))
        elif change.data:
            self.refresh(fit=not self._fitted)
        elif change.selection:
            message: dict[str, Any] = {"selected": self.model.selected_place}
            if gone and "together" in self.layers:
                message["layerData"] = self._layer_data()
            self.send(message)

    def set_mentioned_with(self, place_id: str | None, found: Sequence[MentionedWith]) -> None:
        """The places mentioned with the selected place (the passage panel's answer): the
        layer "together" draws them, when shown."""
        data = None if place_id is None else {
            "from": place_id, "places": [[m.place.id, m.passages] for m in found]}
        if data == self.together:
            return
        self.together = data
        if "together" in self.layers:
            self.send({"layerData": self._layer_data()})

    def _layer_data(self) -> dict[str, Any]:
        """``layerData`` of a message: the view's layers' data and the selection's."""
        out = {name: d for name, d in self._view_layers.items() if name in self.layers}
        if "together" in self.layers and self.together is not None:
            out["together"] = self.together
        return out

    def fit_places(self, place_ids: list[str]) -> None:
        """Fit the page's view to these places (those it has records of)."""
        self.send({"fitPlaces": list(place_ids)})

    def set_layers(self, on: frozenset[str]) -> None:
        """Show the layers ``on`` (their page modules draw them); their data come with the
        view's data, asked for again."""
        if on == self.layers:
            return
        self.layers = on
        self.refresh(fit=False)

    def _layers(self) -> list[str]:
        return [name for name in LAYER_NAMES if name in self.layers]

    def refresh(self, *, fit: bool) -> None:
        """Ask the feed for what the current filter shows (its answer is sent when it comes;
        every view takes it from ``viewData``); with no index open, nothing is shown."""
        self._want_fit = self._want_fit or fit
        if self.feed is None:
            self._on_view_data(nothing(self.model.filter))
            return
        self._asked = True
        self.feed.request(self.model.filter, frozenset(self.known))

    def set_picking(self, picking: bool) -> None:
        """The analyst is placing a new place (True): a click on the map then only says where
        it fell; it selects and deselects nothing."""
        self.send({"pick": picking})

    def set_drawing(self, drawing: bool) -> None:
        """The analyst draws an area (True): a drag on the map draws a box, not pans."""
        self.send({"drawBox": drawing})

    def set_polygon_drawing(self, drawing: bool) -> None:
        """The analyst draws a polygon (True): a click on the map adds a vertex."""
        self.send({"drawPolygon": drawing})

    def _on_view_data(self, data: ViewData) -> None:
        self._fresh = data
        self._asked = self.feed is not None and not self.feed.idle
        if self.bridge.is_ready:
            # Before the views hear of the data: the status bar counts what the map shows.
            self.shown, self.shown_for = data.shown, data.filter
        self.viewData.emit(data)
        if not self.bridge.is_ready:
            return  # the page asks for everything when it is ready
        self.known.update(data.added)
        fit = self._want_fit and data.shown > 0
        self._want_fit = self._want_fit and not fit
        self._fitted = self._fitted or fit
        # The feed's JSON, completed here without parsing it again.
        self._view_layers = layer_data(self.layers, data.places, data.countries)
        extra = json.dumps({"fit": fit, "selected": self.model.selected_place,
                            "types": sorted(data.filter.types), "layers": self._layers(),
                            "layerData": self._layer_data(),
                            "area": self.outline_of(data.filter)},
                           ensure_ascii=False, separators=(",", ":"))
        self.send_json(data.message[:-1] + "," + extra[1:])
        self._data_sent = (self.sent_seq, data.filter)

    def outline_of(self, f: Filter) -> dict[str, Any] | None:
        """The outline of the filter's area the page draws (``area`` of a message), None
        for none: no area, or the view itself."""
        if f.area is None or self.is_view(f.area):
            return None
        return outline(f.area)

    def send(self, message: dict[str, Any]) -> None:
        message.setdefault("selected", self.model.selected_place)
        self.send_json(json.dumps(message, ensure_ascii=False, separators=(",", ":")))

    def send_json(self, text: str) -> None:
        """Send a message (a JSON object) with the next sequence number."""
        if not self.bridge.is_ready:
            return  # the whole state is sent when the page says it is ready
        self.sent_seq += 1
        self.bridge.update.emit(text[:-1] + f',"seq":{self.sent_seq}}}')
