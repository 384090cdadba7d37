"""The one object the map page may talk to: it says what was clicked and what it has drawn.

The page only reports clicks; it never selects on its own. What to show comes back to it as
messages on the ``update`` signal (JSON text, see ``resources/web/explorer/map.js``).

Nothing the page sends can keep the window busy (issue 21, W6): calls that replace one another
(a click, the place a click fell, ``mapReady``) are merged, the first passed on at once and the
last of those that follow within ``COALESCE_MS`` at the end of it, so a flood of 20,000 clicks
is a few selections a second and ends on the last click; and each kind of call refused is
logged five times, then only at its 10th, 100th, 1000th... time.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Callable
from typing import TypeGuard

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot

from explorer.areas import MAX_VERTICES, BBox, Polygon

log = logging.getLogger(__name__)

MAX_ID_LENGTH = 200
#: The largest sequence number the page may echo (``drawn``): a Qt ``int``.
MAX_SEQ = 2**31 - 1
#: Milliseconds over which calls from the page that replace one another are merged.
COALESCE_MS = 100
#: Milliseconds the view must rest before its bounds are told (a pan is many moves).
VIEW_SETTLE_MS = 250
#: Times each kind of refused call is logged before only its 10th, 100th... time is.
WARN_FIRST = 5


class _Latest(QObject):
    """Calls ``deliver`` for the first call at once and, for the calls that come within
    ``interval_ms`` after it, once more at the end of the interval (leading and trailing
    edge): a flood is a few deliveries a second, and the last call is always delivered."""

    def __init__(self, interval_ms: int, deliver: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._deliver = deliver
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._end)

    def __call__(self) -> None:
        if self._timer.isActive():
            self._pending = True
            return
        self._timer.start()
        self._deliver()

    def _end(self) -> None:
        if self._pending:
            self._pending = False
            self._timer.start()
            self._deliver()


class _Warnings:
    """Logs each kind of refused call ``WARN_FIRST`` times, then at its 10th, 100th... time,
    with the count."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def __call__(self, kind: str, *args: object) -> None:
        self.counts[kind] += 1
        n = self.counts[kind]
        if n <= WARN_FIRST:
            log.warning("map bridge: " + kind, *args)
        elif n >= 10 and str(n).strip("0") == "1":
            log.warning("map bridge: " + kind + " (%d times so far)", *args, n)


def _is_whole(value: object, low: int, high: int) -> TypeGuard[int | float]:
    """``value`` is a number from the page (JSON: int or float, never bool) that is a whole
    number in [low, high]: no NaN, no infinity, nothing a Qt ``int`` cannot hold."""
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and math.isfinite(value) and low <= value <= high and value == int(value))


class BridgeEvents(QObject):
    """What the bridge tells the Qt side. Kept off the bridge so the page cannot see it."""

    clicked = Signal(str)
    background = Signal()
    point = Signal(float, float)  # a click on the map: latitude, longitude
    ready = Signal()
    drawn = Signal(int)
    view = Signal(object)  # the map's view moved: its explorer.areas.BBox (debounced)
    box = Signal(object)  # the analyst drew a box on the map: its explorer.areas.BBox
    polygon = Signal(object)  # the analyst drew a polygon: its explorer.areas.Polygon
    refused = Signal(str)  # a polygon drawn that is none: why (explorer.areas)


class MapBridge(QObject):
    """Registered with the page's QWebChannel as ``bridge``: eight slots and one signal of
    use.

    Slots validate their arguments: a place id must be a string of bounded length naming a
    known place; anything else is logged and dropped. The window, models and index are never
    exposed to the page.

    QWebChannel also publishes what every QObject has: the ``deleteLater`` slot, the
    ``objectName`` property and the ``destroyed``/``objectNameChanged`` signals. They are made
    inert: a deferred delete is refused (the bridge goes with its parent, which deletes it
    directly), and a name set from the page is put back at once. The signals tell the page
    nothing it does not know.
    """

    update = Signal(str)  # a message for the page (JSON)

    def __init__(self, is_known_place: Callable[[str], bool], parent: QObject | None = None):
        super().__init__(parent)
        self._warn = _Warnings()
        self._is_known = is_known_place
        self.events = BridgeEvents(self)
        self.is_ready = False
        self.objectNameChanged.connect(self._keep_name)
        self._selection: str | None = None  # the last click: a place id, None the background
        self._point = (0.0, 0.0)
        self._select = _Latest(COALESCE_MS, self._emit_selection, self)
        self._at_point = _Latest(COALESCE_MS, lambda: self.events.point.emit(*self._point),
                                 self)
        self._ready = _Latest(COALESCE_MS, self.events.ready.emit, self)
        self._view: BBox | None = None
        self._view_timer = QTimer(self)  # trailing edge only: the view where it came to rest
        self._view_timer.setSingleShot(True)
        self._view_timer.setInterval(VIEW_SETTLE_MS)
        self._view_timer.timeout.connect(lambda: self.events.view.emit(self._view))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DeferredDelete:
            self._warn("ignored a request to delete it")
            return True
        return super().event(event)

    def _keep_name(self, name: str) -> None:
        if name:
            self._warn("ignored a new object name")
            self.setObjectName("")

    @Slot("QVariant")
    def placeClicked(self, place_id: object) -> None:
        if not isinstance(place_id, str) or not 0 < len(place_id) <= MAX_ID_LENGTH:
            self._warn("ignored a click with an invalid id")
            return
        if not self._is_known(place_id):
            self._warn("ignored a click on unknown place id %r", place_id[:80])
            return
        self._selection = place_id
        self._select()

    @Slot()
    def backgroundClicked(self) -> None:
        self._selection = None
        self._select()

    def _emit_selection(self) -> None:
        if self._selection is None:
            self.events.background.emit()
        else:
            self.events.clicked.emit(self._selection)

    @Slot("QVariant", "QVariant")
    def mapClicked(self, lat: object, lon: object) -> None:
        """Where a click on the map fell (every click on the map, markers aside): used only
        while the analyst places a new place; the page decides nothing."""
        if (isinstance(lat, (int, float)) and isinstance(lon, (int, float))
                and not isinstance(lat, bool) and not isinstance(lon, bool)
                and -90 <= lat <= 90 and -180 <= lon <= 180):
            self._point = (float(lat), float(lon))
            self._at_point()
        else:
            self._warn("ignored a map click with invalid coordinates")

    @Slot("QVariant", "QVariant", "QVariant", "QVariant")
    def viewMoved(self, west: object, south: object, east: object, north: object) -> None:
        """The map's view came to rest at these bounds (Leaflet's: longitudes may run past
        ±180); told to the window ``VIEW_SETTLE_MS`` after the last move."""
        values = (west, south, east, north)
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
            self._warn("ignored a view with invalid bounds")
            return
        try:
            self._view = BBox.of_view(*(float(v) for v in values))  # type: ignore[arg-type]
        except ValueError:
            self._warn("ignored a view with invalid bounds")
            return
        self._view_timer.start()

    @Slot("QVariant", "QVariant", "QVariant", "QVariant")
    def boxDrawn(self, west: object, south: object, east: object, north: object) -> None:
        """The analyst drew a box on the map (asked for by the window: the page decides
        nothing); Python makes it the filter's area."""
        values = (west, south, east, north)
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
            self._warn("ignored a box with invalid bounds")
            return
        try:
            box = BBox.of_view(*(float(v) for v in values))  # type: ignore[arg-type]
        except ValueError:
            self._warn("ignored a box with invalid bounds")
            return
        self.events.box.emit(box)

    @Slot("QVariant")
    def polygonDrawn(self, points: object) -> None:
        """The analyst drew a polygon on the map (asked for by the window): its vertices,
        ``[[lat, lon], …]`` as clicked; Python makes it the filter's area, or refuses it."""
        if not (isinstance(points, list) and 3 <= len(points) <= MAX_VERTICES and all(
                isinstance(p, list) and len(p) == 2 and all(
                    isinstance(v, (int, float)) and not isinstance(v, bool) for v in p)
                for p in points)):
            self._warn("ignored a polygon that is not 3 to %d points", MAX_VERTICES)
            return
        try:
            polygon = Polygon.of_points([(float(a), float(b)) for a, b in points])
        except ValueError as exc:
            self._warn("ignored a polygon: %s", exc)
            self.events.refused.emit(str(exc))
            return
        self.events.polygon.emit(polygon)

    @Slot()
    def mapReady(self) -> None:
        self.is_ready = True
        self._ready()

    @Slot("QVariant")
    def drawn(self, seq: object) -> None:
        """The page painted message ``seq`` (a number it was sent: 1 up to ``MAX_SEQ``)."""
        if _is_whole(seq, 0, MAX_SEQ):
            self.events.drawn.emit(int(seq))
        else:
            self._warn("ignored an invalid sequence number")
