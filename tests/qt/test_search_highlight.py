"""What the search found is marked in the passage panel and the reader (issue 17, item 3):
every match, with its Arabic prefixes, phrases and prefix searches; the reader follows a new
search. Real window, real SQLite index, real web view."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTextBrowser

from tests.qt.test_search_failures import search
from tests.qt.test_window_first import open_folder, wait_indexed

pytestmark = pytest.mark.e2e

ARTICLE = ("الحدود الجديدة\n\n"
           "التزم الطرفان وبالحدود المتفق عليها في بيروت، وأرسلت تعزيزات للحدود.\n\n"
           "دعا المجلس في بيروت إلى وقف إطلاق النار على الحُدُودِ.\n\n"
           "قال مسؤول في دمشق إن المسؤولين اجتمعوا.\n")
GREEN = QColor("#b8ecb0")


def marked(browser: QTextBrowser) -> list[str]:
    """The runs of text drawn with the search's background, in document order."""
    out: list[str] = []
    end = -1
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.charFormat().background().color() == GREEN:
                if out and frag.position() == end:
                    out[-1] += frag.text()
                else:
                    out.append(frag.text())
                end = frag.position() + frag.length()
            it += 1
        block = block.next()
    return out


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_every_match_is_marked_in_the_passages_and_the_reader(
    qtbot: Any, corpus: Path, tmp_path: Path
) -> None:
    window = open_folder(qtbot, corpus, tmp_path / "i.db")
    try:
        wait_indexed(qtbot, window)
        search(qtbot, window, "حدود")
        beirut = next(s.place.id for s in window.reader.places(window.session.filter)
                      if s.place.name_ar == "بيروت")
        window.select_place(beirut)
        qtbot.waitUntil(lambda: len(window.passages.hits) == 2, timeout=10_000)
        assert marked(window.passages) == ["وبالحدود", "للحدود", "الحُدُودِ"]
        assert window.article.open("a.txt")
        # The title's «الحدود» too: every match in the whole article.
        assert marked(window.article.view) == ["الحدود", "وبالحدود", "للحدود", "الحُدُودِ"]
        # A new search: the reader marks what it finds, and nothing else.
        search(qtbot, window, '"وقف إطلاق النار" OR مسؤول* -دمشق')
        qtbot.waitUntil(lambda: window.article.view.query == window.session.filter.text,
                        timeout=10_000)
        assert marked(window.article.view) == ["وقف إطلاق النار", "مسؤول", "المسؤولين"]
        window.select_place(beirut)
        qtbot.waitUntil(lambda: len(window.passages.hits) == 1, timeout=10_000)
        assert marked(window.passages) == ["وقف إطلاق النار"]
        # User text that is FTS5 syntax: searched as words, no notice.
        search(qtbot, window, '(بيروت "* -')
        assert window.notice.isHidden(), window.notice_text.text()
        assert window.reader.count_passages(window.session.filter) == 2
        assert "OR" in window.search.toolTip() and "*" in window.search.toolTip()
    finally:
        window.dispose()
