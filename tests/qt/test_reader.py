"""Passage → map and the reader (issue 10): place links in passages select on the map, a
passage fits the map to its places, the whole article with every mention, the one-article
filter, escaping. Real web view: the page's own state is read back through ``runJavaScript``."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser

from explorer.article_html import DEMONYM, TOPONYM
from explorer.memory_index import CorpusIndex
from explorer.pipeline import open_corpus
from explorer.qt.article_view import READING_WIDTH
from explorer.query import Filter
from tests.qt.conftest import open_window, run_js, wait_drawn

pytestmark = pytest.mark.e2e


def links(browser: QTextBrowser, prefix: str) -> list[tuple[str, int, int]]:
    """The links of a rich-text view whose href starts with ``prefix``: (href, start, end),
    fragments of one link merged, in document order (the passage panel's whole page: it
    renders the rest of it after its first screenful)."""
    deadline = time.monotonic() + 10
    while getattr(browser, "rendering", False) and time.monotonic() < deadline:
        QCoreApplication.processEvents()
    out: list[tuple[str, int, int]] = []
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            href = frag.charFormat().anchorHref()
            if href.startswith(prefix):
                end = frag.position() + frag.length()
                if out and out[-1][0] == href and out[-1][2] == frag.position():
                    out[-1] = (href, out[-1][1], end)
                else:
                    out.append((href, frag.position(), end))
            it += 1
        block = block.next()
    return out


def point_at(browser: QTextBrowser, position: int) -> QPoint:
    """Scroll ``position`` into view; the viewport point of the character after it."""
    cursor = QTextCursor(browser.document())
    cursor.setPosition(position)
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    rect = browser.cursorRect(cursor)
    return QPoint(rect.right() + 2 if rect.right() + 2 < browser.viewport().width() else
                  rect.left() - 2, rect.center().y())


def click_link(qtbot: Any, browser: QTextBrowser, link: tuple[str, int, int],
               double: bool = False) -> None:
    href, start, end = link
    pos = point_at(browser, start + min(1, end - start - 1))
    assert browser.anchorAt(pos) == href, (browser.anchorAt(pos), href)
    # A double click is delivered as a press and release, then a double-click event and a
    # release (QTest's mouseDClick sends only the second half).
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    if double:
        qtbot.mouseDClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def contains(bounds: list[list[float]], lat: float, lon: float) -> bool:
    (south, west), (north, east) = bounds
    # The map may show a copy of the world: longitudes compared modulo 360.
    shifted = [lon + k * 360 for k in (-1, 0, 1)]
    return south <= lat <= north and any(west <= x <= east for x in shifted)


def test_place_link_in_a_passage_selects_it_on_the_map(
    qtbot: Any, window: Any, seeds_index: CorpusIndex
) -> None:
    window.set_countries(["TJ"])
    wait_drawn(qtbot, window)
    panel = window.passages
    hits = panel.hits
    assert window.selected_place is None and hits
    place_links = links(panel, "place:")
    # Every highlighted mention of the page is a link to its place.
    assert len(place_links) == sum(len(h.mentions) for h in hits)
    link = place_links[len(place_links) // 2]
    row, k = (int(x) for x in link[0].split(":")[1:])
    pid = hits[row].mentions[k].place.id
    click_link(qtbot, panel, link)
    qtbot.waitUntil(lambda: window.selected_place == pid)
    qtbot.waitUntil(lambda: run_js(qtbot, window, "explorer.selected()") == pid)
    assert window.places.table.selected_place() == pid
    # The panel now shows that place's passages.
    assert {m.place.id for h in panel.hits for m in h.mentions} == {pid}


def test_clicking_a_passage_fits_the_map_to_its_places(
    qtbot: Any, window: Any, seeds_index: CorpusIndex
) -> None:
    # A place whose passages name other places too, far apart.
    top = seeds_index.places()[0].place.id
    window.select_place(top)
    wait_drawn(qtbot, window)
    panel = window.passages
    row, ids = next((r, ids) for r, h in enumerate(panel.hits)
                    if len(ids := panel.passage_places(h)) >= 2)
    coords = [(seeds_index.place(i).place.lat, seeds_index.place(i).place.lon)
              for i in ids if seeds_index.place(i) is not None]
    assert len(coords) >= 2
    # Look elsewhere first: the south Pacific, zoomed in.
    run_js(qtbot, window, "explorer.setView(-45, -140, 7)")
    bounds = run_js(qtbot, window, "explorer.bounds()")
    assert not all(contains(bounds, *c) for c in coords)
    link = next(x for x in links(panel, "passage:") if x[0] == f"passage:{row}")
    click_link(qtbot, panel, link)
    qtbot.waitUntil(lambda: all(contains(run_js(qtbot, window, "explorer.bounds()"), *c)
                                for c in coords))
    assert window.selected_place == top  # fitting selects nothing
    assert run_js(qtbot, window, "explorer.selected()") == top


def test_a_passage_fits_the_map_to_the_places_the_filter_shows(
    qtbot: Any, window: Any, seeds_index: CorpusIndex
) -> None:
    """Under a country filter, a passage's places in other countries (hidden markers) are
    left out of the fit."""
    window.set_countries(["RU"])
    wait_drawn(qtbot, window)
    panel = window.passages

    def where(pid: str) -> tuple[float, float]:
        p = seeds_index.place(pid).place
        return p.lat, p.lon

    def far(pid: str, shown: list[str]) -> bool:
        lat, lon = where(pid)
        return all(abs(lat - where(s)[0]) > 25 or abs(lon - where(s)[1]) > 40 for s in shown)

    found = None
    for row, hit in enumerate(panel.hits):
        ids = [i for i in panel.passage_places(hit) if seeds_index.place(i) is not None]
        shown = [i for i in ids if seeds_index.place(i).place.country == "RU"]
        hidden = [i for i in ids if i not in shown and far(i, shown)]
        if shown and hidden:
            found = (row, shown, hidden)
            break
    assert found is not None
    row, shown, hidden = found
    link = next(x for x in links(panel, "passage:") if x[0] == f"passage:{row}")
    click_link(qtbot, panel, link)
    qtbot.waitUntil(lambda: all(contains(run_js(qtbot, window, "explorer.bounds()"), *where(i))
                                for i in shown))
    bounds = run_js(qtbot, window, "explorer.bounds()")
    assert not any(contains(bounds, *where(i)) for i in hidden)


def _article_with_demonyms(index: CorpusIndex) -> str:
    return next(a.doc for a in index.articles
                if any(m.type == "demonym" for m in index.mentions_in(a.doc))
                and sum(m.type == "toponym" for m in index.mentions_in(a.doc)) >= 3)


def test_reader_shows_every_mention_toponyms_and_demonyms_apart(
    qtbot: Any, window: Any, seeds_index: CorpusIndex
) -> None:
    doc = _article_with_demonyms(seeds_index)
    mentions = seeds_index.mentions_in(doc)
    toponym = next(m for m in mentions if m.type == "toponym")
    window.select_place(toponym.place.id)
    panel = window.passages
    # "Open article" on the article's heading in the passage panel.
    row = next(r for r, h in enumerate(panel.hits) if h.article.doc == doc)
    assert not window.article.isVisible()
    click_link(qtbot, panel, next(x for x in links(panel, "article:")
                                  if x[0] == f"article:{row}"))
    qtbot.waitUntil(lambda: window.article.isVisible())
    view = window.article.view
    assert window.article.doc == doc
    qtbot.waitUntil(lambda: window.article.width() >= READING_WIDTH - 10)  # wide enough
    # Every mention is a link, in its style: place names and demonyms told apart.
    found = links(view, "mention:")
    assert sorted(int(h.split(":")[1]) for h, _, _ in found) == list(range(len(mentions)))
    text = view.toPlainText()
    for href, start, end in found:
        m = mentions[int(href.split(":")[1])]
        assert text[start:end] == m.text
    backgrounds: dict[str, set[str]] = {"toponym": set(), "demonym": set()}
    for href, start, _ in found:
        cursor = QTextCursor(view.document())
        cursor.setPosition(start + 1)
        backgrounds[mentions[int(href.split(":")[1])].type].add(
            cursor.charFormat().background().color().name())
    assert backgrounds == {"toponym": {"#ffe08a"}, "demonym": {"#cfe3f7"}}
    # Arabic passages read right to left; the file · date · outlet line left to right.
    for _, start, _ in found:
        block = view.document().findBlock(start)
        assert block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
    meta = view.document().find(doc).block()
    assert meta.blockFormat().layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert "#ffe08a" in TOPONYM and "#cfe3f7" in DEMONYM
    demonyms = sum(m.type == "demonym" for m in mentions)
    assert "Place name" in text and "Demonym (adjective of a place)" in text
    assert f"{len(mentions) - demonyms:,} place-name mention" in text
    assert f"{demonyms:,} demonym mention" in text
    # The selected place's mention is selected in the reader and scrolled into view.
    cursor = view.textCursor()
    assert cursor.selectedText() == toponym.text
    assert view.viewport().rect().intersects(view.cursorRect(cursor))
    # Its context menu: Copy and Select All, even on a mention's link, then the mention's
    # corrections (a submenu).
    pos = point_at(view, found[0][1] + 1)
    entries = view.context_menu(pos).actions()
    assert [a.objectName() for a in entries if not a.isSeparator() and a.menu() is None] == \
        ["edit-copy", "select-all"]
    assert [a.menu().objectName() for a in entries if a.menu() is not None] == \
        ["correctionMenu"]
    assert "link-copy" in [a.objectName() for a in view.createStandardContextMenu(
        pos + QPoint(0, view.verticalScrollBar().value())).actions()]
    # A click on another mention selects its place on the map.
    other = next(m for m in mentions
                 if m.type == "toponym" and m.place.id != toponym.place.id)
    k = mentions.index(other)
    click_link(qtbot, view, next(x for x in found if x[0] == f"mention:{k}"))
    qtbot.waitUntil(lambda: window.selected_place == other.place.id)
    qtbot.waitUntil(lambda: run_js(qtbot, window, "explorer.selected()") == other.place.id)
    # A demonym selects its place too (when the place is on the map).
    demonym = next(m for m in mentions if m.type == "demonym"
                   and seeds_index.place(m.place.id) is not None)
    k = mentions.index(demonym)
    window.select_place(None)
    click_link(qtbot, view, next(x for x in found if x[0] == f"mention:{k}"))
    qtbot.waitUntil(lambda: window.selected_place == demonym.place.id)
    qtbot.waitUntil(lambda: run_js(qtbot, window, "explorer.selected()") == demonym.place.id)
    # A place selected elsewhere (the map) brings its mention into view in the reader.
    last = max((m for m in mentions if m.type == "toponym"), key=lambda m: m.start)
    view.verticalScrollBar().setValue(0)
    assert run_js(qtbot, window, f"explorer.clickPlace({last.place.id!r})") is True
    qtbot.waitUntil(lambda: window.selected_place == last.place.id)
    first = min((m for m in mentions if m.place.id == last.place.id), key=lambda m: m.start)
    assert view.textCursor().selectedText() == first.text
    assert view.viewport().rect().intersects(view.cursorRect(view.textCursor()))
    # New data in the index (an indexing batch) leave the reader where it is.
    bar = view.verticalScrollBar()
    view.resize(view.width(), 120)
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    middle = bar.value()
    window.session.session.data_changed()
    assert bar.value() == middle and view.textCursor().selectedText() == first.text


def test_double_click_opens_the_article_and_one_article_filter(
    qtbot: Any, window: Any, seeds_index: CorpusIndex
) -> None:
    everything = run_js(qtbot, window, "explorer.visibleIds()")
    top = seeds_index.places()[0].place.id
    window.select_place(top)
    panel = window.passages
    hit = panel.hits[-1]
    doc = hit.article.doc
    link = next(x for x in links(panel, "passage:") if x[0] == f"passage:{len(panel.hits) - 1}")
    click_link(qtbot, panel, link, double=True)
    qtbot.waitUntil(lambda: window.article.isVisible() and window.article.doc == doc)
    # "Show only this article": passages and map narrow to it.
    only = window.article.only
    assert only.isEnabled() and not only.isChecked()
    qtbot.mouseClick(only, Qt.MouseButton.LeftButton)
    assert window.session.filter.doc == doc
    wait_drawn(qtbot, window)
    assert panel.docs() == [doc]
    expected = sorted(s.place.id for s in seeds_index.places(Filter(doc=doc)))
    assert run_js(qtbot, window, "explorer.visibleIds()") == expected
    assert len(expected) < len(everything)
    assert window.places.table.model.rowCount() == len(expected)
    # Unchecked, every article again.
    qtbot.mouseClick(only, Qt.MouseButton.LeftButton)
    assert window.session.filter.doc is None
    wait_drawn(qtbot, window)
    assert run_js(qtbot, window, "explorer.visibleIds()") == everything
    # A double click on a place's link opens the article it is in, though the first click
    # selected the place and the panel now shows that place's passages.
    window.article.hide()
    window.select_place(None)
    window.set_countries(["RU"])
    before = len(panel.hits)

    def place_of(href: str) -> str:
        row, k = (int(x) for x in href.split(":")[1:])
        return str(panel.hits[row].mentions[k].place.id)

    link = next(x for x in links(panel, "place:")
                if panel.model.reader.count_passages(window.session.filter, place_of(x[0]))
                != before)
    doc = panel.hit_at(link[0]).article.doc
    click_link(qtbot, panel, link, double=True)
    assert window.selected_place is not None and len(panel.hits) != before  # re-rendered
    qtbot.waitUntil(lambda: window.article.isVisible())
    assert window.article.doc == doc
    window.set_countries([])
    # The passage panel's context menu sets it too.
    window.select_place(None)
    window.set_countries(["TJ"])
    hit = panel.hits[0]
    link = next(x for x in links(panel, "passage:") if x[0] == "passage:0")
    pos = point_at(panel, link[1] + 1)
    menu = panel.context_menu(pos)
    names = [a.objectName() for a in menu.actions()]
    assert "open-article" in names and "only-article" in names
    next(a for a in menu.actions() if a.objectName() == "only-article").trigger()
    assert window.session.filter == Filter(countries=frozenset({"TJ"}), doc=hit.article.doc)
    assert panel.docs() == [hit.article.doc]


TRAPS = "<b>bold</b> {{7*7}} &amp; <i>"


def test_reader_and_passages_escape_article_text(qtbot: Any, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "trap.txt").write_text(
        f"خبر طويل عن زيارة الوفد الرسمي إلى دمشق {TRAPS}\n\n"
        f"وصل الوفد السوري {TRAPS} إلى دمشق ثم بيروت.\n",
        encoding="utf-8")
    index = open_corpus(corpus)
    window = open_window(qtbot, index)
    try:
        damascus = next(s.place.id for s in index.places() if s.place.country == "SY")
        window.select_place(damascus)
        assert TRAPS in window.passages.toPlainText()
        assert window.article.open("trap.txt")
        view = window.article.view
        text = view.toPlainText()
        assert text.count(TRAPS) == 2 and "49" not in text
        cursor = QTextCursor(view.document())
        cursor.setPosition(text.rindex("bold") + 1)  # in the paragraph
        assert cursor.charFormat().fontWeight() < 600  # "<b>" is text, not bold
        mentions = index.mentions_in("trap.txt")
        assert {m.type for m in mentions} == {"toponym", "demonym"}
        assert len(links(view, "mention:")) == len(mentions)
    finally:
        window.dispose()


def test_places_table_confidence_and_map_marker_scrolls_to_its_row(
    qtbot: Any, window: Any, seeds_index: CorpusIndex
) -> None:
    from explorer.qt.places_table import CONFIDENCE, PlaceIdRole, SortRole

    table = window.places.table
    proxy = table.proxy
    assert proxy.headerData(CONFIDENCE, Qt.Orientation.Horizontal) == "Confidence"
    expected = seeds_index.confidences()
    # Kinds are named in the interface's language, and found by that name too.
    kinds = {proxy.data(proxy.index(r, 3)) for r in range(proxy.rowCount())}
    assert "country" in kinds and "city or town" in kinds and "city" not in kinds
    for r in range(proxy.rowCount()):
        pid = proxy.data(proxy.index(r, 0), PlaceIdRole)
        shown = proxy.data(proxy.index(r, CONFIDENCE))
        assert shown == f"{expected[pid]:.2f}"
    table.view.sortByColumn(CONFIDENCE, Qt.SortOrder.AscendingOrder)
    values = [proxy.data(proxy.index(r, CONFIDENCE), SortRole) for r in range(proxy.rowCount())]
    assert values == sorted(values) and values[0] < values[-1]
    # A marker clicked on the map selects its row and scrolls the table to it: the drawn
    # marker (not inside a cluster) whose row is furthest down.
    table.view.scrollToTop()
    drawn = set(run_js(qtbot, window, "explorer.drawnIds()"))
    row = max(r for r in range(proxy.rowCount())
              if proxy.data(proxy.index(r, 0), PlaceIdRole) in drawn)
    last = proxy.data(proxy.index(row, 0), PlaceIdRole)
    rect = table.view.visualRect(proxy.index(row, 0))
    assert not table.view.viewport().rect().intersects(rect)
    assert run_js(qtbot, window, f"explorer.clickPlace({last!r})") is True
    qtbot.waitUntil(lambda: window.selected_place == last)
    assert table.selected_place() == last
    rect = table.view.visualRect(proxy.index(row, 0))
    assert table.view.viewport().rect().intersects(rect)


def test_confidence_and_reader_on_the_sqlite_index(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from explorer.qt.app import start
    from explorer.qt.places_table import CONFIDENCE
    from tests.qt.synthetic import write_corpus
    from tests.qt.test_window_first import wait_indexed

    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    window = start(write_corpus(tmp_path / "corpus", 8), jobs=1)
    qtbot.addWidget(window)
    window.show()
    try:
        wait_indexed(qtbot, window)
        model = window.places.table.model
        assert window.feed is not None and window.feed.threaded
        expected = window.reader.confidences()
        assert expected and set(expected) == {s.place.id for s in model.rows}
        qtbot.waitUntil(lambda: model.confidence == expected, timeout=20_000)
        proxy = window.places.table.proxy
        assert all(proxy.data(proxy.index(r, CONFIDENCE)) for r in range(proxy.rowCount()))
        # The reader on the index: the article re-read from its file, or a clear message.
        assert window.article.open("a00001.txt")
        found = links(window.article.view, "mention:")
        assert len(found) == len(window.reader.mentions_in("a00001.txt")) > 0
        (tmp_path / "corpus" / "a00002.txt").unlink()
        assert not window.article.open("a00002.txt")
        assert window.article.isVisible() and not window.article.only.isEnabled()
        assert window.article.view.toPlainText().startswith("a00002.txt: cannot be read")
        # Another folder opened: the one-article filter and the reader were the old one's.
        assert window.article.open("a00003.txt")
        qtbot.mouseClick(window.article.only, Qt.MouseButton.LeftButton)
        assert window.session.filter.doc == "a00003.txt"
        window.switch_folder(write_corpus(tmp_path / "second", 3))
        wait_indexed(qtbot, window)
        assert window.session.filter.doc is None and window.article.doc is None
        assert not window.article.isVisible()
        wait_drawn(qtbot, window)
        assert run_js(qtbot, window, "explorer.visibleIds()")
    finally:
        window.dispose()
