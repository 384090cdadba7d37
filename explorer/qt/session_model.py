"""The Qt face of the analyst's ``Session``: one object the map, lists and panel all observe.

``SessionModel`` owns the Qt-free ``explorer.session.Session`` and the index it reads, and
re-emits every session change as the ``changed`` signal. Views never change each other: they
ask the session to select or filter and redraw when it says so.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from explorer.query import Filter, IndexReader, PlaceSummary
from explorer.session import Change, Session

#: New data from indexing reach the views at most this often.
DATA_INTERVAL_MS = 500


class SessionModel(QObject):
    changed = Signal(object)  # explorer.session.Change
    #: A view asks the map to show these places (a passage was clicked); not a state change.
    fitRequested = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = Session()
        self.reader: IndexReader | None = None
        # Check a selected place in the index here (False: the passage feed checks it off
        # the GUI thread and the window clears a selection the index does not hold).
        self.check_selection = True
        #: The selected place a filter change kept unchecked (``check_selection`` False): the
        #: first passage answer under the filter says whether it still has passages.
        self.unchecked: str | None = None
        self._unsubscribe = self.session.subscribe(self.changed.emit)
        self._data_timer = QTimer(self)
        self._data_timer.setSingleShot(True)
        self._data_timer.setInterval(DATA_INTERVAL_MS)
        self._data_timer.timeout.connect(self.session.data_changed)

    @property
    def filter(self) -> Filter:
        return self.session.filter

    @property
    def selected_place(self) -> str | None:
        return self.session.selected_place

    def place(self, place_id: str) -> PlaceSummary | None:
        return self.reader.place(place_id) if self.reader is not None else None

    def set_reader(self, reader: IndexReader | None) -> None:
        """A new index to read: every observer refreshes now."""
        self._data_timer.stop()
        self.reader = reader
        self.session.data_changed()

    def data_landed(self) -> None:
        """The index has new data (a batch was committed): observers refresh soon, once for
        however many batches land meanwhile."""
        if not self._data_timer.isActive():
            self._data_timer.start()

    @property
    def data_pending(self) -> bool:
        return self._data_timer.isActive()

    def flush(self) -> None:
        """Tell the observers of pending data now (indexing has ended)."""
        if self._data_timer.isActive():
            self._data_timer.stop()
            self.session.data_changed()

    def select(self, place_id: str | None) -> None:
        if place_id is not None and self.check_selection and self.place(place_id) is None:
            return
        self.unchecked = None
        self.session.select(place_id)

    def fit_places(self, place_ids: list[str]) -> None:
        """Ask the map to fit its view to these places (nothing is selected or filtered)."""
        if place_ids:
            self.fitRequested.emit(list(place_ids))

    def set_filter(self, f: Filter) -> None:
        """Change the filter. A change of countries is a new view: the selection is cleared;
        otherwise the selected place stays if the new filter still shows it."""
        old = self.session.filter
        selected = self.session.selected_place
        self.session.set_filter(f)
        if selected is None or self.reader is None:
            return
        if f.countries != old.countries:
            self.session.select(None)
        elif self.check_selection:
            if not self.reader.count_passages(f, selected):
                self.session.select(None)
        else:
            self.unchecked = selected  # the passage feed counts it, the window clears it

    def set_countries(self, codes: frozenset[str]) -> None:
        self.set_filter(replace(self.filter, countries=codes))

    def set_doc(self, doc: str | None) -> None:
        """One article only (``doc``), or every article again (None)."""
        self.set_filter(replace(self.filter, doc=doc))

    def set_text(self, text: str) -> None:
        self.set_filter(replace(self.filter, text=text.strip()))

    def clear(self) -> None:
        """Back to everything: no country, no selection (the text search stays)."""
        self.session.select(None)
        self.set_countries(frozenset())

    def dispose(self) -> None:
        self._data_timer.stop()
        self._unsubscribe()
        self.reader = None  # the window closes its index next: nothing reads it any more


__all__ = ["Change", "SessionModel"]
