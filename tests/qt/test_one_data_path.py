"""Issue 17: one data path. With an index in memory too, the views (map, country list, places
table, timeline, chips, region box, sources menu, status bar) never ask the index themselves:
the view feed asks it once per change (on the GUI thread, the in-memory index being safe to
read from one thread only) and every view shows that one answer (``ViewData``)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from explorer.memory_index import CorpusIndex
from explorer.qt.status_text import status_text
from explorer.query import Filter
from tests.qt.conftest import open_window, wait_drawn


class Counted:
    """An ``IndexReader`` that counts the queries it is asked."""

    def __init__(self, inner: CorpusIndex) -> None:
        self.inner = inner
        self.calls: Counter[str] = Counter()
        self.corpus = inner.corpus

    def __getattr__(self, name: str) -> Any:
        value = getattr(self.inner, name)
        if not callable(value):
            return value

        def call(*args: Any, **kwargs: Any) -> Any:
            self.calls[name] += 1
            return value(*args, **kwargs)

        return call


def test_a_filter_change_asks_the_index_in_memory_once_and_every_view_shows_it(
    qtbot: Any, seeds_index: CorpusIndex
) -> None:
    reader = Counted(seeds_index)
    window = open_window(qtbot, reader)  # type: ignore[arg-type]
    try:
        assert window.feed is not None and not window.feed.threaded
        country = seeds_index.countries()[0].code
        reader.calls.clear()
        window.set_countries([country])
        f = Filter(countries=frozenset({country}))
        # One answer of the feed, computed at once: one query of each kind, not one a view.
        # Places twice: the filter's and the regions' (the region box and chips name them).
        assert reader.calls["places"] == 2
        assert reader.calls["timeline"] == 1
        assert reader.calls["stats"] == 1
        assert reader.calls["article_facets"] == 1
        places = seeds_index.places(f)
        assert {s.place.id for s in window.places.table.model.rows} == {
            s.place.id for s in places}
        assert window.timeline.timeline.days == seeds_index.timeline(f.undated())
        rows = {c.code: c.count for c in window.filter.model._rows}
        assert rows == {c.code: c.count for c in seeds_index.countries(f)}
        assert window.map_sync.shown_under(f) == len(places)
        assert window.status.label.text() == status_text(
            seeds_index.stats(), f, len(places), window.chips.region_name, indexing=False)
        wait_drawn(qtbot, window)
        assert window.map_sync.shown == len(places)
    finally:
        window.dispose()
