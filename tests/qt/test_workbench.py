"""The analyst's workbench (issue 10): the places table, the menu bar and desktop conventions,
counts that read well (bug 8). Real web view: clicks go through the page's own handlers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextCursor
from PySide6.QtWidgets import QAbstractItemView, QApplication

from explorer.memory_index import CorpusIndex
from explorer.qt.menus import about_box
from explorer.qt.passages_shown import place_counts
from explorer.qt.places_table import ARTICLES, MENTIONS, PlaceIdRole
from explorer.qt.window import MINIMUM_SIZE
from explorer.query import Filter
from explorer.settings import Settings
from tests.qt.conftest import run_js, wait_drawn
from tests.qt.synthetic import write_corpus

pytestmark = pytest.mark.e2e

HELSINKI = "gn:658225"


def table_ids(window: Any) -> list[str]:
    proxy = window.places.table.proxy
    return [proxy.data(proxy.index(r, 0), PlaceIdRole) for r in range(proxy.rowCount())]


def click_row(qtbot: Any, window: Any, place_id: str) -> None:
    view = window.places.table.view
    proxy = window.places.table.proxy
    row = table_ids(window).index(place_id)
    index = proxy.index(row, 0)
    view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())


def test_places_table_lists_sorts_and_filters_the_sessions_places(
    qtbot: Any, window: Any, seeds_index: CorpusIndex
) -> None:
    assert window.places.isVisible()
    table = window.places.table
    places = seeds_index.places()
    assert sorted(table_ids(window)) == sorted(s.place.id for s in places)
    # Most mentioned first, sorted as numbers (not as text: "9" after "10").
    counts = [table.proxy.data(table.proxy.index(r, MENTIONS), Qt.ItemDataRole.UserRole + 2)
              for r in range(table.proxy.rowCount())]
    assert counts == sorted(counts, reverse=True) and counts[0] == places[0].count
    table.view.sortByColumn(ARTICLES, Qt.SortOrder.AscendingOrder)
    articles = [table.proxy.data(table.proxy.index(r, ARTICLES), Qt.ItemDataRole.UserRole + 2)
                for r in range(table.proxy.rowCount())]
    assert articles == sorted(articles)
    # The filter box narrows the rows (English or Arabic names).
    qtbot.keyClicks(table.search, "Helsinki")
    assert table_ids(window) == [HELSINKI]
    table.search.clear()
    table.search.insert("هلسنكي")
    assert table_ids(window) == [HELSINKI]
    table.search.clear()
    # It follows the session's filter.
    window.set_countries(["TJ"])
    expected = sorted(s.place.id for s in seeds_index.places(Filter(frozenset({"TJ"}))))
    assert sorted(table_ids(window)) == expected and len(expected) < len(places)
    # Hidden, it does not query the index; shown again, it has caught up.
    window.places.toggleViewAction().trigger()
    window.set_countries([])
    assert sorted(table_ids(window)) == expected
    window.places.toggleViewAction().trigger()
    assert sorted(table_ids(window)) == sorted(s.place.id for s in places)


def test_places_table_and_map_select_each_other(qtbot: Any, window: Any) -> None:
    table = window.places.table
    click_row(qtbot, window, HELSINKI)
    assert window.selected_place == HELSINKI
    qtbot.waitUntil(lambda: run_js(qtbot, window, "explorer.selected()") == HELSINKI)
    assert "Helsinki" in window.passages.toPlainText()
    # A click on another marker selects its row; a click on the background clears it.
    other = next(pid for pid in table_ids(window) if pid != HELSINKI)
    assert run_js(qtbot, window, f"explorer.clickPlace({other!r})") is True
    qtbot.waitUntil(lambda: window.selected_place == other)
    assert table.selected_place() == other
    run_js(qtbot, window, "explorer.clickBackground()")
    qtbot.waitUntil(lambda: window.selected_place is None)
    assert table.selected_place() is None
    assert run_js(qtbot, window, "explorer.selected()") is None


def test_menus_shortcuts_and_about(qtbot: Any, window: Any) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Layers", "&Help"]
    menus = window.menus
    assert menus.open_folder.shortcut().toString() == "Ctrl+O"
    assert menus.quit.shortcut().toString() == "Ctrl+Q"
    assert menus.find.shortcut().toString() == "Ctrl+F"
    assert menus.reload.shortcut().toString() == "F5"
    # Ctrl+F goes to the full-text search box.
    window.activateWindow()
    window.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search)
    # Esc (Edit → Clear selection) clears a selection made on the map.
    run_js(qtbot, window, f"explorer.clickPlace({HELSINKI!r})")
    qtbot.waitUntil(lambda: window.selected_place == HELSINKI)
    menus.clear_selection.trigger()
    assert window.selected_place is None
    # View lists the places dock's toggle, which hides and shows it.
    toggle = window.places.toggleViewAction()
    assert toggle in menus.view.actions()
    toggle.trigger()
    assert not window.places.isVisible()
    toggle.trigger()
    assert window.places.isVisible()
    text = about_box(window).text()
    for credit in ("GeoNames", "CC BY 4.0", "Natural Earth", "public domain", "Leaflet",
                   "BSD 2-Clause", "markercluster", "MIT", "CLDR", "Unicode",
                   "hunspell-ar", "GPL 2.0"):
        assert credit in text


def test_window_has_a_minimum_size(qtbot: Any, window: Any) -> None:
    window.resize(300, 200)
    qtbot.wait(50)
    assert window.width() >= MINIMUM_SIZE[0] and window.height() >= MINIMUM_SIZE[1]


def test_passage_context_menu_has_no_navigation_entries(qtbot: Any, window: Any) -> None:
    panel = window.passages
    panel.setHtml('<p><a href="https://example.invalid/">a link</a> and text</p>')
    cursor = QTextCursor(panel.document())
    cursor.setPosition(2)
    pos = panel.cursorRect(cursor).center()
    standard = [a.objectName() for a in panel.createStandardContextMenu(
        pos + QPoint(0, panel.verticalScrollBar().value())).actions()]
    assert "link-copy" in standard  # Qt offers it there: the test can see it
    kept = [a.objectName() for a in panel.context_menu(pos).actions()]
    assert kept == ["edit-copy", "select-all"]


def test_counts_read_well_and_agree(qtbot: Any, window: Any, seeds_index: CorpusIndex) -> None:
    """Issue 10, bug 8."""
    assert place_counts(1, 1, 1) == "1 mention in 1 passage"
    assert place_counts(5, 3, 2) == "5 mentions in 3 passages of 2 articles"
    # The country list's count is the sum of its places' markers, and a country's marker
    # says so (the same definition on both sides).
    country = next(c for c in seeds_index.countries()
                   if any(s.place.kind == "country" and s.place.country == c.code
                          and s.count < c.count for s in seeds_index.places()))
    marker = next(s for s in seeds_index.places()
                  if s.place.kind == "country" and s.place.country == country.code)
    assert country.count == sum(s.count for s in seeds_index.places()
                                if s.place.country == country.code)
    tip = run_js(qtbot, window, f"explorer.tooltipText({marker.place.id!r})")
    assert f"{marker.count} mentions" in tip
    assert f"{country.count} mentions of places in it" in tip
    # Demonym mentions are counted in the status bar.
    demonyms = seeds_index.stats()["demonyms"]
    assert demonyms > 0
    assert f"{demonyms:,} demonym mention" in window.status.label.text()
    # The map's legend: marker size is mentions, up to the most mentioned place's count.
    legend = run_js(qtbot, window, "explorer.legendText()")
    assert "Marker size: mentions" in legend
    assert f"{seeds_index.places()[0].count:,}" in legend


def _drop(window: Any, folder: Path) -> bool:
    """Drag ``folder`` onto the window and drop it; whether the drag was accepted.

    QApplication only delivers drop events during a real drag (which a test cannot start
    offscreen), so they go to the window's event handler directly."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(QPoint(100, 100), *args)
    window.event(enter)
    if not enter.isAccepted():
        return False
    window.event(QDropEvent(QPointF(100, 100), *args))
    return True


def test_open_another_folder_by_drop_and_recent_corpora(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from explorer.qt.app import start
    from tests.qt.test_window_first import wait_indexed

    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    first = write_corpus(tmp_path / "first", 12)
    second = tmp_path / "second"
    second.mkdir()
    (second / "a.txt").write_text("خبر\n\nوصل الوفد إلى هلسنكي.\n", encoding="utf-8")
    settings = Settings(tmp_path / "settings.json")
    window = start(first, settings=settings, jobs=1)
    qtbot.addWidget(window)
    window.show()
    try:
        wait_indexed(qtbot, window)
        assert window.reader.stats()["articles"] == 12
        run_js(qtbot, window, "window.__sentinel = 1; true")
        assert not _drop(window, second / "a.txt")  # a file is not a corpus
        assert _drop(window, second)
        assert window.root == second
        wait_indexed(qtbot, window)
        assert window.reader.stats()["articles"] == 1
        assert table_ids(window) == [HELSINKI]
        # On the index, the table's rows come from the feed (off the GUI thread): a filter
        # change never makes the GUI thread list the places itself.
        assert window.feed is not None and window.feed.threaded
        gui_queries: list[object] = []
        window.reader.places = lambda *a: gui_queries.append(a) or []  # counts GUI-thread calls
        window.session.set_filter(Filter(countries=frozenset({"SY"})))
        qtbot.waitUntil(lambda: table_ids(window) == [])
        window.session.set_filter(Filter())
        qtbot.waitUntil(lambda: table_ids(window) == [HELSINKI])
        assert gui_queries == []
        del window.reader.places  # the reader's own method again
        wait_drawn(qtbot, window)
        assert run_js(qtbot, window, "explorer.visibleIds()") == [HELSINKI]
        assert run_js(qtbot, window, "window.__sentinel") == 1  # the same page, not reloaded
        assert "second" in window.windowTitle()
        # Both folders are in File → Recent corpora, newest first, and kept in the settings.
        recent = [a.text() for a in window.menus.recent.actions()]
        assert recent == [str(second.resolve()), str(first.resolve())]
        # View → Reload (F5) indexes the folder again: a new article shows.
        (second / "b.txt").write_text("خبر\n\nوصل الوفد إلى هلسنكي ثم دمشق.\n", encoding="utf-8")
        qtbot.keyClick(window, Qt.Key.Key_F5)
        assert not window.indexing_done
        wait_indexed(qtbot, window)
        assert window.reader.stats()["articles"] == 2
        # Recent corpora reopen a folder.
        window.menus.recent.actions()[1].trigger()
        assert window.root == first
        wait_indexed(qtbot, window)
        assert window.reader.stats()["articles"] == 12
        window.places.toggleViewAction().trigger()  # the Places dock closed…
        window.close()
        saved = Settings.load(tmp_path / "settings.json")
        assert saved.recent_corpora == [str(first.resolve()), str(second.resolve())]
        from explorer.qt.window import MainWindow

        again = MainWindow(settings=saved)  # …stays closed in the next window
        qtbot.addWidget(again)
        again.show()
        assert not again.places.isVisible()
        assert again.places.toggleViewAction().isChecked() is False
        again.dispose()
    finally:
        window.dispose()
