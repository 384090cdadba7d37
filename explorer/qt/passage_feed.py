"""The passage panel's first page and its counts, computed off the GUI thread.

A marker click, a filter change or a search shows the passages of the selection (or of the
filter) under a heading with counts: on a large index these queries take long enough to hold
up the map's painting. ``PassageFeed`` asks a worker thread, with its own read-only connection
to the index, and passes on only the answer to the latest question (questions asked while one
is computed wait, and only the newest waiting one is computed).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QObject, Signal, Slot

from explorer.qt.latest_only import LatestOnly
from explorer.query import (
    MENTIONS_PER_PASSAGE,
    CountrySummary,
    Filter,
    IndexReader,
    MentionedWith,
    PassageHit,
    PlaceSummary,
)
from explorer.workspace import IndexUnavailable

#: The places mentioned with the selection shown at most (the panel's list, the map's lines).
MENTIONED_WITH = 20


@dataclass(frozen=True, slots=True)
class PassageQuery:
    filter: Filter
    place_id: str | None
    page_size: int


@dataclass(frozen=True, slots=True)
class PassageAnswer:
    query: PassageQuery
    # The selected place, counted under the filter (None: no place, or not in the index).
    summary: PlaceSummary | None
    passages: int  # passages of the selection (or of the filter) under the filter
    hits: list[PassageHit] = field(default_factory=list)  # the first page
    # The filter's countries, for the heading (only when no place is selected).
    countries: list[CountrySummary] = field(default_factory=list)
    # The places sharing passages with the selected place under the filter, most first.
    mentioned_with: list[MentionedWith] = field(default_factory=list)
    compute_ms: float = 0.0  # the worker's time (``benchmarks/window_scale.py`` reports it)


def answer(reader: IndexReader, q: PassageQuery) -> PassageAnswer:
    """What the panel shows for ``q``: the place's counts, the first page, the places
    mentioned with it, the countries."""
    f, pid = q.filter, q.place_id
    summary = reader.place(pid) if pid is not None else None
    if pid is not None and summary is not None:
        if f != Filter():
            summary = next((s for s in reader.places(f) if s.place.id == pid), summary)
        return PassageAnswer(
            q, summary, reader.count_passages(f, pid),
            reader.passages(f, pid, 0, q.page_size, MENTIONS_PER_PASSAGE),
            mentioned_with=reader.mentioned_with(f, pid, MENTIONED_WITH))
    if f == Filter():
        return PassageAnswer(q, None, 0)
    return PassageAnswer(
        q, None, reader.count_passages(f),
        reader.passages(f, None, 0, q.page_size, MENTIONS_PER_PASSAGE),
        reader.countries(f) if f.countries else [])


class _Worker(QObject):
    done = Signal(object)  # PassageAnswer
    failed = Signal(object)  # IndexUnavailable or sqlite3.Error

    def __init__(self, open_reader: Callable[[], IndexReader]) -> None:
        super().__init__()
        self.open_reader = open_reader
        self.reader: IndexReader | None = None

    @Slot(object)
    def compute(self, q: PassageQuery) -> None:
        try:
            if self.reader is None:
                self.reader = self.open_reader()
            start = time.perf_counter()
            data = answer(self.reader, q)
        except (IndexUnavailable, sqlite3.Error) as exc:
            self.failed.emit(exc)
            return
        self.done.emit(replace(data, compute_ms=(time.perf_counter() - start) * 1000))

    @Slot()
    def close(self) -> None:
        close = getattr(self.reader, "close", None)
        if close is not None:
            close()
        self.reader = None


class PassageFeed(LatestOnly):
    ready = Signal(object)  # PassageAnswer, to the latest question only
    failed = Signal(object)

    def __init__(
        self, open_reader: Callable[[], IndexReader], parent: QObject | None = None,
        *, threaded: bool = True,
    ) -> None:
        worker = _Worker(open_reader)
        super().__init__(worker, "passage-feed", parent, threaded=threaded)
        worker.done.connect(self._on_done)
        worker.failed.connect(self._on_failed)
        self._latest: PassageQuery | None = None
        self._start()

    def request(self, f: Filter, place_id: str | None, page_size: int) -> None:
        q = PassageQuery(f, place_id, page_size)
        self._latest = q
        self._submit(q)

    def _on_done(self, data: PassageAnswer) -> None:
        self._next()
        if data.query == self._latest:
            self.ready.emit(data)

    def _on_failed(self, exc: object) -> None:
        if self._busy:
            self._next()
        self.failed.emit(exc)
