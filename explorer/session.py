"""The analyst's session: which place is selected and which filter is on. Qt-free.

The map, the lists, the passage panel and the tables observe one ``Session``; the page only
reports clicks, and only the session selects. Observers get a ``Change`` saying what changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from explorer.query import Filter


@dataclass(frozen=True, slots=True)
class Change:
    """What changed: the selected place, the filter, or the index's data (a batch landed)."""

    selection: bool = False
    filter: bool = False
    data: bool = False


Observer = Callable[[Change], None]


class Session:
    """Selection and filter, and the observers told when either changes."""

    def __init__(self, f: Filter | None = None) -> None:
        self._filter = f or Filter()
        self._selected: str | None = None
        self._observers: list[Observer] = []

    @property
    def filter(self) -> Filter:
        return self._filter

    @property
    def selected_place(self) -> str | None:
        return self._selected

    def subscribe(self, callback: Observer) -> Callable[[], None]:
        """Call ``callback(change)`` on every change; returns a function that unsubscribes."""
        self._observers.append(callback)

        def unsubscribe() -> None:
            if callback in self._observers:
                self._observers.remove(callback)

        return unsubscribe

    def select(self, place_id: str | None) -> None:
        """Select a place (None: no place). Nothing happens when it is already selected."""
        if place_id == self._selected:
            return
        self._selected = place_id
        self._notify(Change(selection=True))

    def set_filter(self, f: Filter) -> None:
        """Change the filter; the selection is kept (observers decide what to show)."""
        if f == self._filter:
            return
        self._filter = f
        self._notify(Change(filter=True))

    def data_changed(self) -> None:
        """The index behind the session has new data (an indexing batch was committed)."""
        self._notify(Change(data=True))

    def _notify(self, change: Change) -> None:
        for callback in list(self._observers):
            callback(change)
