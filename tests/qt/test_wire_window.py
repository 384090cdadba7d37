"""Wire copies in the window (issue 18, item 3), with the real web view: the reader says
"Also in 4 outlets" and opens a copy from its link; View → "Count each story once" makes
the map's markers, the country list, the places table and the status count each story
once, shows as a chip, and is saved with the corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from explorer.index.db import IndexDB
from tests.explorer.wire_texts import COPIES, OUTLETS, write_wire_folder
from tests.qt.conftest import run_js, wait_drawn
from tests.qt.test_window_first import open_folder, wait_indexed

pytestmark = pytest.mark.e2e

CAIRO = "gn:360630"


def _country(window: Any, code: str) -> str:
    model = window.filter.model
    return str(model.data(model.index(model.row_of(code), 0)))


def _cairo_row(window: Any) -> Any:
    return next(r for r in window.places.table.model.rows if r.place.id == CAIRO)


def test_copies_in_the_reader_and_each_story_once(qtbot: Any, tmp_path: Path) -> None:
    corpus = write_wire_folder(tmp_path / "c")
    window = open_folder(qtbot, corpus, tmp_path / "i.db")
    try:
        wait_indexed(qtbot, window)
        # The reader: the other four outlets, each a link to its copy.
        assert window.article.open("ahram.txt")
        label = window.article.copies
        assert label.isVisible() and label.text().startswith("Also in 4 outlets:")
        for _, outlet, *_rest in OUTLETS[1:]:
            assert outlet in label.text()
        assert sorted(window.article.copy_docs) == sorted(COPIES[1:])
        target = window.article.copy_docs[0]
        label.linkActivated.emit("copy:0")
        assert window.article.doc == target
        assert "ahram.txt" in window.article.copy_docs
        assert window.article.open("book_fair.txt") and not label.isVisible()

        # Every copy counted: Cairo named by six articles (five copies, the other story).
        assert run_js(qtbot, window, f"explorer.shownCounts('{CAIRO}')")[1] == 6
        everyone = _cairo_row(window)
        egypt = _country(window, "EG")
        assert "7 articles" in window.status.label.text()
        said = window.status.label.text()

        window.menus.count_once.trigger()
        assert window.session.filter.once
        wait_drawn(qtbot, window)
        assert run_js(qtbot, window, f"explorer.shownCounts('{CAIRO}')")[1] == 2
        qtbot.waitUntil(lambda: _cairo_row(window).articles == 2)
        assert _cairo_row(window).count < everyone.count
        assert _country(window, "EG") != egypt
        assert "3 articles" in window.status.label.text()
        stats = window.reader.stats()
        mentions = stats["mentions"] - stats["demonyms"]
        once = mentions - (stats["copy_mentions"] - stats["copy_demonyms"])
        assert f"{mentions} place-name mentions" in said
        assert f"{once} place-name mentions" in window.status.label.text() and once < mentions
        assert window.chips.buttons["once"].text().startswith("each story once")
        # The passages: one copy of the story (the first by file).
        window.select_place(CAIRO)
        wait_drawn(qtbot, window)
        docs = {h.article.doc for h in window.passages.hits}
        assert docs == {"ahram.txt", "ahram_business.txt"}
        window.select_place(None)

        # Saved with the corpus: the index's settings hold it.
        window._save_filter()
        with IndexDB(tmp_path / "i.db", readonly=True) as db:
            assert json.loads(db.get_setting("filter") or "{}") == {"once": True}

        # The chip's removal unticks the menu and counts every copy again.
        window.chips.buttons["once"].click()
        assert not window.session.filter.once and not window.menus.count_once.isChecked()
        wait_drawn(qtbot, window)
        assert run_js(qtbot, window, f"explorer.shownCounts('{CAIRO}')")[1] == 6
    finally:
        window.dispose()
