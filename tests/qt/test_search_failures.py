"""The window's search (issue 21, B3 and W8): a word SQLite splits is searched, not refused;
a search the index cannot run is taken back (not saved, not shown again at the next open)
and the map settles; a query of too many words says what it left out. Real SQLite, real
web view."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from explorer import filter_store
from explorer.index.db import IndexDB
from explorer.query import MAX_QUERY_WORDS
from tests.qt.conftest import wait_drawn
from tests.qt.test_window_first import open_folder, wait_indexed

pytestmark = pytest.mark.e2e

ARTICLE = ("زيارة رسمية\n\nوصل وزير الخارجية الفرنسي إلى بيروت صباح اليوم.\n\n"
           "قال المراسل إن الكلمة ab\u19b0cd وردت في دمشق.\n")


def saved_filter(index: Path) -> str | None:
    with IndexDB(index, readonly=True) as db:
        return db.get_setting(filter_store.KEY)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def search(qtbot: Any, window: Any, text: str) -> None:
    window.search.setText(text)
    window.apply_search()
    qtbot.wait(50)  # what a failure defers
    wait_drawn(qtbot, window)


def test_a_word_sqlite_splits_is_searched_and_the_map_settles(
    qtbot: Any, corpus: Path, tmp_path: Path
) -> None:
    window = open_folder(qtbot, corpus, tmp_path / "i.db")
    try:
        wait_indexed(qtbot, window)
        search(qtbot, window, "ab\u19b0cd")
        assert window.notice.isHidden(), window.notice_text.text()
        assert window.session.filter.text == "ab\u19b0cd"
        assert window.reader.count_passages(window.session.filter) == 1
        assert [s.place.name_ar for s in window.reader.places(window.session.filter)] == ["دمشق"]
    finally:
        window.dispose()


def test_a_search_the_index_cannot_run_is_not_saved_and_the_map_settles(
    qtbot: Any, corpus: Path, tmp_path: Path
) -> None:
    index = tmp_path / "i.db"
    window = open_folder(qtbot, corpus, index)
    try:
        wait_indexed(qtbot, window)
        # A full-text table that is no longer one: every search fails, nothing else does.
        with sqlite3.connect(index) as con:
            con.execute("DROP TABLE passages_fts")
            con.execute("CREATE TABLE passages_fts (words TEXT)")
        con.close()
        search(qtbot, window, "بيروت")
        qtbot.waitUntil(lambda: window.session.filter.text == "", timeout=10_000)
        wait_drawn(qtbot, window)
        assert window.search.text() == ""
        assert not window.notice.isHidden() and "بيروت" in window.notice_text.text()
        assert not window.rebuild_button.isVisible()
        assert window.reader.places()  # the reader still answers
        assert window.map_sync.shown == len(window.reader.places())
    finally:
        window.close()
    assert saved_filter(index) is None  # not saved: not shown again at the next open


def test_too_many_words_are_said_to_be_left_out(
    qtbot: Any, corpus: Path, tmp_path: Path
) -> None:
    window = open_folder(qtbot, corpus, tmp_path / "i.db")
    try:
        wait_indexed(qtbot, window)
        words = " ".join(f"w{i}" for i in range(MAX_QUERY_WORDS + 3))
        search(qtbot, window, f"{words} {words}")
        assert len(window.session.filter.words) == MAX_QUERY_WORDS
        assert not window.notice.isHidden() and "3 left out" in window.notice_text.text()
        search(qtbot, window, "بيروت")
        assert window.notice.isHidden()
    finally:
        window.dispose()
