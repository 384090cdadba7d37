"""Views shown in steps (issue 17): the passage panel renders a first screenful at once and
the rest of the page a few passages per event-loop turn; the country list is updated in
place instead of reset. Real SQLite index, real widgets; the end result must be what one
rendering of the whole page gives."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

import pytest
from PySide6.QtGui import QTextDocument

from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from explorer.passage_view import header_html, hits_html
from explorer.qt.counts import number
from explorer.qt.models import CodeRole, CountryListModel
from explorer.qt.names import both
from explorer.qt.passages import FIRST_SHOWN, PAGE_SIZE, STEP_SHOWN, PassagePanel
from explorer.qt.session_model import SessionModel
from explorer.query import MENTIONS_PER_PASSAGE, Filter
from tests.qt.synthetic import KEYWORD, write_corpus

ALEPPO = "gn:170063"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[IndexDB]:
    """40 articles, 120 passages naming Aleppo."""
    root = tmp_path_factory.mktemp("steps")
    corpus = write_corpus(root / "c", 40, every="حلب")
    Indexer(corpus, root / "i.db", jobs=1).run()
    index = IndexDB(root / "i.db")
    yield index
    index.close()


def rows_linked(panel: PassagePanel) -> list[int]:
    """The rows of the passages in the panel's document, in document order."""
    return [int(r) for r in re.findall(r'href="passage:(\d+)"', panel.toHtml())]


def blocks(doc: QTextDocument) -> list[tuple[str, object, object]]:
    """Each paragraph's text, alignment and direction (rules, with no text, left out)."""
    out: list[tuple[str, object, object]] = []
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if block.text():
            out.append((block.text(), fmt.alignment(), fmt.layoutDirection()))
        block = block.next()
    return out


def test_the_panel_shows_a_screenful_first_then_the_whole_page(qtbot: Any, db: IndexDB) -> None:
    panel = PassagePanel()
    qtbot.addWidget(panel)
    panel.resize(400, 500)
    panel.show()
    first = db.passages(Filter(), ALEPPO, 0, PAGE_SIZE, MENTIONS_PER_PASSAGE)
    assert len(first) == PAGE_SIZE
    panel.show_query(db, Filter(), ALEPPO, heading="Aleppo", summary="counts", first=first)
    # At once: the heading and the first screenful only.
    assert panel.rendering
    assert set(rows_linked(panel)) == set(range(FIRST_SHOWN))
    assert "Aleppo" in panel.toPlainText()
    qtbot.waitUntil(lambda: not panel.rendering)
    # Every passage loaded once, in order (the next page too when the end came in sight).
    assert len(panel.hits) >= PAGE_SIZE
    assert list(dict.fromkeys(rows_linked(panel))) == list(range(len(panel.hits)))
    # The same text as one rendering of the whole page.
    whole = QTextDocument()
    whole.setHtml("<html><body>" + header_html("Aleppo", "", "counts")
                  + hits_html(panel.hits, None, 0, panel._open_label(), panel._more_note, "",
                              panel._page_label()) + "</body></html>")
    assert panel.toPlainText() == whole.toPlainText()
    assert blocks(panel.document()) == blocks(whole)
    # A new query while the rest is still rendering starts over: nothing of the old one.
    panel.show_query(db, Filter(), ALEPPO, heading="Again", first=first)
    panel.show_query(db, Filter(), ALEPPO, heading="Last", first=first[:3])
    qtbot.waitUntil(lambda: not panel.rendering)
    qtbot.wait(50)
    assert list(dict.fromkeys(rows_linked(panel))) == [0, 1, 2]
    assert "Again" not in panel.toPlainText()


def test_the_rest_of_the_page_comes_in_a_few_larger_steps(qtbot: Any, db: IndexDB) -> None:
    """After the first screenful, each turn of the event loop renders the next
    ``STEP_SHOWN`` passages (the last step the remainder): 4 steps for a page, not 11."""
    from PySide6.QtWidgets import QApplication

    panel = PassagePanel()
    qtbot.addWidget(panel)
    panel.resize(400, 300)
    panel.show()
    first = db.passages(Filter(), ALEPPO, 0, PAGE_SIZE, MENTIONS_PER_PASSAGE)
    panel.show_query(db, Filter(), ALEPPO, heading="Aleppo", first=first)
    shown = [len(set(rows_linked(panel)))]
    while panel.rendering:
        QApplication.processEvents()
        now = len(set(rows_linked(panel)))
        if now != shown[-1]:
            shown.append(now)
    assert shown[0] == FIRST_SHOWN
    steps = [b - a for a, b in pairwise(shown)]
    assert steps[:-1] == [STEP_SHOWN] * (len(steps) - 1) and 0 < steps[-1] <= STEP_SHOWN
    assert shown[-1] == PAGE_SIZE and len(steps) == 4


def test_a_first_screenful_shorter_than_the_panel_reads_no_second_page(
        qtbot: Any, db: IndexDB) -> None:
    """A panel taller than its first screenful: the rest of the page fills it, and no second
    page is read (a query on the GUI thread, 50 more passages rendered) until the analyst
    scrolls near the end, as when the page was rendered at once."""
    panel = PassagePanel()
    qtbot.addWidget(panel)
    panel.resize(400, 900)
    panel.show()
    first = db.passages(Filter(), ALEPPO, 0, PAGE_SIZE, MENTIONS_PER_PASSAGE)
    panel.show_query(db, Filter(), ALEPPO, heading="Aleppo", first=first)
    bar = panel.verticalScrollBar()
    assert bar.maximum() - bar.value() <= panel.viewport().height()  # the end is in sight
    qtbot.waitUntil(lambda: not panel.rendering)
    qtbot.wait(100)
    assert len(panel.hits) == PAGE_SIZE
    assert bar.maximum() > panel.viewport().height()  # the page fills the panel
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: len(panel.hits) > PAGE_SIZE)


def test_scrolled_to_the_end_while_rendering_reads_the_next_page_after(
        qtbot: Any, db: IndexDB) -> None:
    panel = PassagePanel()
    qtbot.addWidget(panel)
    panel.resize(400, 200)
    panel.show()
    first = db.passages(Filter(), ALEPPO, 0, PAGE_SIZE, MENTIONS_PER_PASSAGE)
    panel.show_query(db, Filter(), ALEPPO, heading="Aleppo", first=first)
    bar = panel.verticalScrollBar()
    assert panel.rendering and bar.maximum() > 0
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: len(panel.hits) > PAGE_SIZE)
    assert list(dict.fromkeys(rows_linked(panel))) == list(range(len(panel.hits)))


def test_the_country_list_is_updated_in_place(qtbot: Any, db: IndexDB) -> None:
    session = SessionModel()
    session.set_reader(db)
    model = CountryListModel(session)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, *_: changed.append((a.row(), b.row())))
    every = db.countries()
    model.set_rows(every, Filter())
    codes = [model.index(r, 0).data(CodeRole) for r in range(model.rowCount())]
    assert codes == [c.code for c in every]
    changed.clear()
    model.set_rows(every, Filter())  # the same answer again: nothing repainted
    assert not changed
    session.set_text(KEYWORD)
    f = session.filter
    fewer = db.countries(f)
    assert fewer != every
    model.set_rows(fewer, f)
    assert not resets
    assert model.rowCount() == len(fewer)
    assert [model.index(r, 0).data(CodeRole) for r in range(model.rowCount())] == [
        c.code for c in fewer]
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        f"{both(c.name, c.name_ar, ' ')} ({number(c.count)})" for c in fewer]
    session.set_text("")
    model.set_rows(every, session.filter)
    assert not resets
    assert [model.index(r, 0).data(CodeRole) for r in range(model.rowCount())] == [
        c.code for c in every]
