"""What the map, the country list, the places table, the timeline and the status bar show
(``ViewData``), computed off the GUI thread: the one way data reach these views.

On a large index, listing every place (and its counts under a filter) takes long enough to
freeze the window, worst while indexing, when every batch changes the data. ``Feed`` asks a
worker thread, with its own read-only connection to the index, for the map message (JSON),
the countries and the statistics; results come back as a queued signal, and only the answer
to the latest request is passed on.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QObject, Signal, Slot

from explorer.mapdata import map_message
from explorer.qt.latest_only import LatestOnly
from explorer.query import CountrySummary, Filter, IndexReader, PlaceSummary
from explorer.workspace import IndexUnavailable
from gazetteer.model import PlaceKind

#: The regions the index knows (few: their rows of ``place_stats``).
REGIONS = Filter(kinds=frozenset({PlaceKind.REGION.value}))


@dataclass(frozen=True, slots=True)
class Request:
    filter: Filter
    known: frozenset[str]  # place ids the page already has


@dataclass(frozen=True, slots=True)
class ViewData:
    """The answer to one request."""

    filter: Filter
    message: str  # the map message as JSON, without "seq" and "selected"
    added: tuple[str, ...]  # place ids the message adds to the page
    shown: int  # places the filter shows
    countries: list[CountrySummary] = field(default_factory=list)
    places: list[PlaceSummary] = field(default_factory=list)  # what the filter shows
    stats: dict[str, int] = field(default_factory=dict)
    #: Mentions per day of the filter without its dates (``explorer.qt.timeline``).
    timeline: list[tuple[date, int]] = field(default_factory=list)
    #: Every region the index knows, whatever the filter (the region box, the region chips).
    regions: list[PlaceSummary] = field(default_factory=list)
    #: Articles per outlet, format and language, whatever the filter (the sources menu).
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    # How long the worker took to compute it (``benchmarks/window_scale.py`` reports it).
    compute_ms: float = 0.0


def nothing(f: Filter) -> ViewData:
    """What every view shows with no index open: no place, no country, no count."""
    return ViewData(filter=f, message='{"add":[],"counts":[]}', added=(), shown=0)


def compute(reader: IndexReader, request: Request) -> ViewData:
    start = time.perf_counter()
    f = request.filter
    places = reader.places(f)
    message = map_message(places, request.known)
    return ViewData(
        filter=f,
        message=json.dumps(message, ensure_ascii=False, separators=(",", ":")),
        added=tuple(rec["id"] for rec in message["add"]),
        shown=len(places),
        countries=reader.countries(f),
        places=places,
        stats=reader.stats(),
        timeline=reader.timeline(f.undated()),
        regions=reader.places(REGIONS),
        facets=reader.article_facets(),
        compute_ms=(time.perf_counter() - start) * 1000,
    )


class _Worker(QObject):
    done = Signal(object)  # ViewData
    confidences = Signal(object)  # dict[str, float]
    failed = Signal(object)  # IndexUnavailable

    def __init__(self, open_reader: Callable[[], IndexReader]) -> None:
        super().__init__()
        self.open_reader = open_reader
        self.reader: IndexReader | None = None

    @Slot(object)
    def compute(self, request: Request) -> None:
        try:
            if self.reader is None:
                self.reader = self.open_reader()
            data = compute(self.reader, request)
        except (IndexUnavailable, sqlite3.Error) as exc:  # a query that failed, too
            self.failed.emit(exc)
            return
        self.done.emit(data)  # out of the try: a view's failure is not the query's

    @Slot()
    def compute_confidences(self) -> None:
        try:
            if self.reader is None:
                self.reader = self.open_reader()
            found = self.reader.confidences()
        except (IndexUnavailable, sqlite3.Error) as exc:
            self.failed.emit(exc)
            return
        self.confidences.emit(found)

    @Slot()
    def close(self) -> None:
        close = getattr(self.reader, "close", None)
        if close is not None:
            close()
        self.reader = None


class Feed(LatestOnly):
    ready = Signal(object)  # ViewData, the answer to the latest request only
    failed = Signal(object)  # IndexUnavailable
    confidences = Signal(object)  # dict[str, float]: each place's mean confidence
    _ask_confidences = Signal()

    def __init__(
        self, open_reader: Callable[[], IndexReader], parent: QObject | None = None,
        *, threaded: bool = True,
    ) -> None:
        worker = _Worker(open_reader)
        super().__init__(worker, "view-feed", parent, threaded=threaded)
        self._ask_confidences.connect(worker.compute_confidences)
        worker.confidences.connect(self.confidences)
        worker.done.connect(self._on_done)
        worker.failed.connect(self._on_failed)
        self._filter = Filter()
        self._start()

    def request(self, f: Filter, known: frozenset[str]) -> None:
        """Ask for what ``f`` shows; a request made while one is computed waits for it, and
        only the newest waiting one is computed."""
        self._filter = f
        self._submit(Request(f, known))

    def request_confidences(self) -> None:
        """Ask for every place's confidence (``confidences`` answers): one pass over the
        mentions, so the places table asks once the data have stopped changing."""
        self._ask_confidences.emit()

    def _on_done(self, data: ViewData) -> None:
        self._next()
        # An older answer for the same filter is still news (indexing moves on meanwhile);
        # one for another filter is not. Places sent twice are ignored by the page.
        if data.filter == self._filter:
            self.ready.emit(data)

    def _on_failed(self, exc: object) -> None:
        """A failed request (a failed search, say) does not stop the next ones."""
        if self._busy:
            self._next()
        self.failed.emit(exc)

