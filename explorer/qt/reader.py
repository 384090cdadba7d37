"""An index reader for the GUI thread that never raises: a failing index becomes a notice.

The SQLite index can fail under the window at any query (another program damaged it, the disk
went away). ``SafeReader`` answers such a query with nothing and tells ``on_failure`` once, so
the window can say so and offer to rebuild, instead of a traceback in a slot.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from explorer.article import Article
from explorer.query import (
    ArticleInfo,
    CountrySummary,
    Filter,
    IndexReader,
    MentionedWith,
    PassageHit,
    PlaceSummary,
)
from explorer.workspace import IndexUnavailable
from gazetteer.model import Mention

T = TypeVar("T")


class SafeReader:
    """Wraps an ``IndexReader``; every query that fails returns ``default`` instead."""

    def __init__(
        self, reader: IndexReader, on_failure: Callable[[Exception], None]
    ) -> None:
        self.inner = reader
        self.on_failure = on_failure
        #: The failure, an ``IndexUnavailable`` or another SQLite error (a query that
        #: failed: the window takes its search back and clears this).
        self.failed: Exception | None = None

    def _call(self, query: Callable[[], T], default: T) -> T:
        if self.failed is not None:
            return default
        try:
            return query()
        except (IndexUnavailable, sqlite3.Error) as exc:
            self.failed = exc
            self.on_failure(exc)
            return default

    def places(self, f: Filter = Filter()) -> list[PlaceSummary]:  # noqa: B008
        return self._call(lambda: self.inner.places(f), [])

    def place(self, place_id: str) -> PlaceSummary | None:
        return self._call(lambda: self.inner.place(place_id), None)

    def countries(self, f: Filter = Filter()) -> list[CountrySummary]:  # noqa: B008
        return self._call(lambda: self.inner.countries(f), [])

    def count_passages(self, f: Filter, place_id: str | None = None) -> int:
        return self._call(lambda: self.inner.count_passages(f, place_id), 0)

    def passages(
        self, f: Filter, place_id: str | None = None, offset: int = 0, limit: int = 100,
        mentions: int | None = None,
    ) -> list[PassageHit]:
        return self._call(lambda: self.inner.passages(f, place_id, offset, limit, mentions),
                          [])

    def mentioned_with(
        self, f: Filter, place_id: str, limit: int = 20
    ) -> list[MentionedWith]:
        return self._call(lambda: self.inner.mentioned_with(f, place_id, limit), [])

    def article(self, doc: str) -> Article | None:
        return self._call(lambda: self.inner.article(doc), None)

    def confidences(self) -> dict[str, float]:
        return self._call(self.inner.confidences, {})

    def copies(self, doc: str) -> list[ArticleInfo]:
        return self._call(lambda: self.inner.copies(doc), [])

    def article_facets(self) -> dict[str, list[tuple[str, int]]]:
        return self._call(self.inner.article_facets, {})

    def mentions_in(self, doc: str) -> list[Mention]:
        return self._call(lambda: self.inner.mentions_in(doc), [])
    def timeline(self, f: Filter, bucket: str = "day") -> list[tuple[date, int]]:
        return self._call(lambda: self.inner.timeline(f, bucket), [])

    def stats(self) -> dict[str, int]:
        return self._call(self.inner.stats, {})
