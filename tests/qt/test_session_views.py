"""One session, many views (issue 9), and the selection bugs of issue 10 (1-4, 9).

The page only reports clicks; the session selects and filters; map, country list, passages
and status bar all follow it. Real web view; clicks go through the page's own handlers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView

from explorer.index.build import Indexer
from explorer.memory_index import CorpusIndex
from explorer.qt.passages import PAGE_SIZE
from explorer.query import Filter
from tests.qt.conftest import run_js, wait_drawn
from tests.qt.synthetic import KEYWORD, KEYWORD_EVERY, write_corpus

pytestmark = pytest.mark.e2e

ALEPPO = "gn:170063"


def visible(qtbot: Any, window: Any) -> list[str]:
    wait_drawn(qtbot, window)
    return list(run_js(qtbot, window, "explorer.visibleIds()"))


def click_country(qtbot: Any, window: Any, code: str) -> None:
    """Click the country's row in the list, as the user would."""
    view = window.filter.view
    proxy = window.filter.proxy
    row = next(r for r in range(proxy.rowCount())
               if proxy.data(proxy.index(r, 0), Qt.ItemDataRole.UserRole + 1) == code)
    index = proxy.index(row, 0)
    view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_filter_change_reaches_the_page_without_a_reload(
    qtbot: Any, window: Any, seeds_index: CorpusIndex
) -> None:
    loads: list[bool] = []
    window.view.loadStarted.connect(lambda: loads.append(True))
    run_js(qtbot, window, "window.__sentinel = 'still the same page'; true")
    click_country(qtbot, window, "TJ")
    expected = sorted(s.place.id for s in seeds_index.places(Filter(frozenset({"TJ"}))))
    qtbot.waitUntil(lambda: visible(qtbot, window) == expected)
    assert window.countries == ["TJ"]
    assert run_js(qtbot, window, "window.__sentinel") == "still the same page"
    assert loads == []
    # The country list shows the check, the status bar the filter.
    row = window.filter.model.row_of("TJ")
    check = window.filter.model.data(window.filter.model.index(row, 0),
                                     Qt.ItemDataRole.CheckStateRole)
    assert check == Qt.CheckState.Checked
    assert "TJ" in window.status.label.text() and "showing" in window.status.label.text()


def test_searching_the_country_list_keeps_the_filter(qtbot: Any, window: Any) -> None:
    """Issue 10, bug 1: typing in "Find a country…" cleared the filter."""
    click_country(qtbot, window, "TJ")
    qtbot.keyClicks(window.filter.search, "Fin")
    assert window.countries == ["TJ"]
    assert window.filter.proxy.rowCount() < window.filter.model.rowCount()
    window.filter.search.clear()
    assert window.countries == ["TJ"]
    click_country(qtbot, window, "FI")
    assert window.countries == ["FI", "TJ"]


def test_the_selection_can_always_be_cleared(qtbot: Any, window: Any) -> None:
    """Issue 10, bug 2: Escape, a click on the empty map and "All countries" clear it, and
    choosing a country after a marker shows the country."""
    helsinki = "gn:658225"
    for clear in ("escape", "background", "all"):
        assert run_js(qtbot, window, f"explorer.clickPlace({helsinki!r})") is True
        qtbot.waitUntil(lambda: window.selected_place == helsinki)
        qtbot.waitUntil(lambda: run_js(qtbot, window, "explorer.selected()") == helsinki)
        if clear == "escape":
            qtbot.keyClick(window, Qt.Key.Key_Escape)
        elif clear == "background":
            run_js(qtbot, window, "explorer.clickBackground()")
        else:
            qtbot.mouseClick(window.filter.all_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.selected_place is None)
        qtbot.waitUntil(lambda: run_js(qtbot, window, "explorer.selected()") is None)
        assert "Click a place" in window.passages.toPlainText()
    run_js(qtbot, window, f"explorer.clickPlace({helsinki!r})")
    qtbot.waitUntil(lambda: window.selected_place == helsinki)
    click_country(qtbot, window, "TJ")
    assert window.selected_place is None
    assert "Passages for Tajikistan" in window.passages.toPlainText()


def test_the_page_never_selects_on_its_own(qtbot: Any, window: Any) -> None:
    """A click is only reported: with the session refusing it, the page shows no selection."""
    window.session.select = lambda _pid: None  # the session says no
    run_js(qtbot, window, "explorer.clickPlace('gn:658225')")
    qtbot.wait(300)
    assert run_js(qtbot, window, "explorer.selected()") is None


def test_the_most_mentioned_and_the_selected_place_are_never_hidden_in_a_cluster(
    qtbot: Any, tmp_path: Path
) -> None:
    """Issue 10, bugs 3 and 4, on a map crowded enough to cluster."""
    from tests.qt.test_window_first import open_folder, wait_indexed

    corpus = write_corpus(tmp_path / "c", 40)
    # Many small towns around one city: they cluster at any zoom the map starts at.
    towns = ["حلب", "حمص", "حماة", "اللاذقية", "طرطوس", "إدلب", "درعا", "السويداء", "دير الزور"]
    for i, town in enumerate(towns):
        (corpus / f"t{i}.txt").write_text(f"خبر\n\nوصل الوفد إلى {town} ثم إلى دمشق.\n",
                                          encoding="utf-8")
    window = open_folder(qtbot, corpus, tmp_path / "i.db")
    try:
        wait_indexed(qtbot, window)
        top = window.reader.places()[0].place.id
        assert top in run_js(qtbot, window, "explorer.drawnIds()")
        shown = set(run_js(qtbot, window, "explorer.visibleIds()"))
        drawn = set(run_js(qtbot, window, "explorer.drawnIds()"))
        hidden = sorted(shown - drawn)
        assert hidden, "nothing clustered: the test map is not crowded enough"
        pid = hidden[0]
        # Bug 4: a cluster click zooms in a little (or spreads its markers), no big jump.
        zoom = run_js(qtbot, window, "explorer.zoom()")
        assert run_js(qtbot, window, f"explorer.clickClusterOf({pid!r})") is True
        qtbot.wait(600)
        assert run_js(qtbot, window, "explorer.zoom()") <= zoom + 3
        # Bug 3: the selected place stays drawn on its own, also after "All countries".
        window.select_place(pid)
        qtbot.waitUntil(lambda: pid in run_js(qtbot, window, "explorer.drawnIds()"))
        window.set_countries(["SY"])
        window.session.select(pid)
        qtbot.mouseClick(window.filter.all_button, Qt.MouseButton.LeftButton)
        window.session.select(pid)
        wait_drawn(qtbot, window)
        assert pid in run_js(qtbot, window, "explorer.drawnIds()")
    finally:
        window.dispose()


@pytest.fixture(scope="module")
def big_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """1,200 articles, 3,600 passages naming Aleppo."""
    root = tmp_path_factory.mktemp("big")
    corpus = write_corpus(root / "c", 1200, every="حلب")
    index = root / "i.db"
    Indexer(corpus, index, jobs=2).run()
    return corpus, index


def test_a_place_with_thousands_of_passages_shows_its_first_page_at_once(
    qtbot: Any, tmp_path: Path, big_index: tuple[Path, Path]
) -> None:
    from tests.qt.test_window_first import open_folder, wait_indexed

    corpus, index = big_index
    window = open_folder(qtbot, corpus, index)
    try:
        wait_indexed(qtbot, window)
        total = window.reader.count_passages(Filter(), ALEPPO)
        assert total == 3600
        assert run_js(qtbot, window, f"explorer.clickPlace({ALEPPO!r})") is True
        qtbot.waitUntil(lambda: window.selected_place == ALEPPO)
        model = window.passages.model
        # Read off the GUI thread (an index on disk): shown as soon as the worker answers.
        qtbot.waitUntil(lambda: model.place_id == ALEPPO and bool(model.hits))
        assert PAGE_SIZE <= len(model.hits) < total
        assert model.canFetchMore(QModelIndex())
        assert "3,600 mentions in 3,600 passages of 1,200 articles" in window.passages.toPlainText()
        first = len(model.hits)
        # Scrolling to the end loads the next page, and the panel shows it.
        bar = window.passages.verticalScrollBar()
        bar.setValue(bar.maximum())
        qtbot.waitUntil(lambda: len(model.hits) > first)
        last = model.hits[-1]
        assert last.passage.text in window.passages.toPlainText()
        assert all(any(m.place.id == ALEPPO for m in h.mentions) for h in model.hits)
    finally:
        window.dispose()


def test_full_text_search_narrows_passages_and_markers(
    qtbot: Any, tmp_path: Path, big_index: tuple[Path, Path]
) -> None:
    from tests.qt.test_window_first import open_folder, wait_indexed

    corpus, index = big_index
    window = open_folder(qtbot, corpus, index)
    try:
        wait_indexed(qtbot, window)
        every = visible(qtbot, window)
        run_js(qtbot, window, "window.__sentinel = 1; true")
        window.search.insert(KEYWORD)  # as typed (QTest cannot type Arabic letters)
        qtbot.keyClick(window.search, Qt.Key.Key_Return)
        f = Filter(text=KEYWORD)
        assert window.session.filter == f
        expected = sorted(s.place.id for s in window.reader.places(f))
        qtbot.waitUntil(lambda: visible(qtbot, window) == expected)
        assert len(expected) < len(every)
        hits = window.passages.hits
        assert hits and all(KEYWORD in h.passage.text for h in hits)
        assert f"{1200 // KEYWORD_EVERY:,} passages" in window.passages.toPlainText()
        assert KEYWORD in window.status.label.text()
        assert run_js(qtbot, window, "window.__sentinel") == 1
        window.search.clear()
        qtbot.keyClick(window.search, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: visible(qtbot, window) == every)
    finally:
        window.dispose()
