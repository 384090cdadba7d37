"""The feed computes what the map shows off the GUI thread; a failing index is a notice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from explorer.index.build import Indexer
from explorer.memory_index import CorpusIndex
from explorer.qt.feed import Feed, ViewData
from explorer.query import Filter
from tests.qt.conftest import run_js
from tests.qt.synthetic import write_corpus


def test_only_answers_for_the_latest_filter_are_passed_on(
    qtbot: Any, seeds_index: CorpusIndex
) -> None:
    feed = Feed(lambda: seeds_index)
    got: list[ViewData] = []
    feed.ready.connect(got.append)
    try:
        tj, fi = Filter(frozenset({"TJ"})), Filter(frozenset({"FI"}))
        feed.request(Filter(), frozenset())
        feed.request(tj, frozenset())
        feed.request(fi, frozenset())  # replaces the TJ request, which never runs
        qtbot.waitUntil(lambda: feed.idle, timeout=30_000)
        assert got and {d.filter for d in got} == {fi}
        last = got[-1]
        assert last.shown == len(seeds_index.places(fi))
        assert set(last.added) == {s.place.id for s in seeds_index.places(fi)}
        assert last.stats == seeds_index.stats()
        assert [c.code for c in last.countries] == [c.code for c in seeds_index.countries(fi)]
        # Places the page already has are not sent again.
        feed.request(fi, frozenset(last.added))
        qtbot.waitUntil(lambda: feed.idle and len(got) > 1, timeout=30_000)
        assert got[-1].added == ()
    finally:
        feed.stop()


@pytest.mark.e2e
def test_an_index_damaged_while_the_window_is_open_is_reported(
    qtbot: Any, tmp_path: Path
) -> None:
    from tests.qt.test_window_first import open_folder, wait_indexed

    corpus = write_corpus(tmp_path / "c", 60)
    index = tmp_path / "i.db"
    Indexer(corpus, index).run()
    window = open_folder(qtbot, corpus, index)
    try:
        wait_indexed(qtbot, window)
        top = window.reader.places()[0].place.id
        size = index.stat().st_size
        with index.open("r+b") as fh:  # another program scribbles over the file
            fh.write(b"\xff" * size)
        run_js(qtbot, window, f"explorer.clickPlace({top!r})")
        qtbot.waitUntil(lambda: window.notice.isVisible(), timeout=30_000)
        assert "damaged" in window.notice_text.text() and window.rebuild_button.isVisible()
        qtbot.mouseClick(window.rebuild_button, Qt.MouseButton.LeftButton)
        wait_indexed(qtbot, window)
        assert window.reader.stats()["articles"] == 60
        assert not window.notice.isVisible(), window.notice_text.text()
    finally:
        window.dispose()
