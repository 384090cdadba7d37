"""The one object the map page may talk to: it says what was clicked and what it has drawn.

The page only reports clicks; it never selects on its own. What to show comes back to it as
messages on the ``update`` signal (JSON text, see ``resources/web/explorer/map.js``).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from typing import TypeGuard

from PySide6.QtCore import QEvent, QObject, Signal, Slot

log = logging.getLogger(__name__)

MAX_ID_LENGTH = 200
#: The largest sequence number the page may echo (``drawn``): a Qt ``int``.
MAX_SEQ = 2**31 - 1


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


class MapBridge(QObject):
    """Registered with the page's QWebChannel as ``bridge``: five slots and one signal of
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
        self._is_known = is_known_place
        self.events = BridgeEvents(self)
        self.is_ready = False
        self.objectNameChanged.connect(self._keep_name)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DeferredDelete:
            log.warning("map bridge: ignored a request to delete it")
            return True
        return super().event(event)

    def _keep_name(self, name: str) -> None:
        if name:
            log.warning("map bridge: ignored a new object name")
            self.setObjectName("")

    @Slot("QVariant")
    def placeClicked(self, place_id: object) -> None:
        if not isinstance(place_id, str) or not 0 < len(place_id) <= MAX_ID_LENGTH:
            log.warning("map bridge: ignored a click with an invalid id")
            return
        if not self._is_known(place_id):
            log.warning("map bridge: ignored a click on unknown place id %r", place_id[:80])
            return
        self.events.clicked.emit(place_id)

    @Slot()
    def backgroundClicked(self) -> None:
        self.events.background.emit()

    @Slot("QVariant", "QVariant")
    def mapClicked(self, lat: object, lon: object) -> None:
        """Where a click on the map fell (every click on the map, markers aside): used only
        while the analyst places a new place; the page decides nothing."""
        if (isinstance(lat, (int, float)) and isinstance(lon, (int, float))
                and not isinstance(lat, bool) and not isinstance(lon, bool)
                and -90 <= lat <= 90 and -180 <= lon <= 180):
            self.events.point.emit(float(lat), float(lon))
        else:
            log.warning("map bridge: ignored a map click with invalid coordinates")

    @Slot()
    def mapReady(self) -> None:
        self.is_ready = True
        self.events.ready.emit()

    @Slot("QVariant")
    def drawn(self, seq: object) -> None:
        """The page painted message ``seq`` (a number it was sent: 1 up to ``MAX_SEQ``)."""
        if _is_whole(seq, 0, MAX_SEQ):
            self.events.drawn.emit(int(seq))
        else:
            log.warning("map bridge: ignored an invalid sequence number")
