"""The status bar counts what the map shows after every filter change (issue 17, bug 1), and
placing a new place on the map keeps the selection (bug 10). Real web view, real SQLite."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from explorer.qt.app import install_language
from explorer.qt.corrections_ui import Target
from explorer.qt.counts import counts
from explorer.query import ALL_TYPES
from tests.conftest import SEEDS
from tests.qt.conftest import run_js, wait_drawn
from tests.qt.test_window_first import open_folder, wait_indexed

pytestmark = pytest.mark.e2e

HELSINKI = "gn:658225"


@pytest.fixture
def language(request: Any, qapp: Any) -> Iterator[str]:
    translators = install_language(qapp, request.param) if request.param == "ar" else []
    yield request.param
    for t in translators:
        QCoreApplication.removeTranslator(t)
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def showing(n: int) -> str:
    """The status bar's "showing N places for" in the interface's language."""
    return showing_text(counts().places(n))


def showing_text(places: str) -> str:
    template = QCoreApplication.translate("MainWindow", "showing {places} for {what}")
    return template.split("{what}")[0].format(places=places)


@pytest.mark.parametrize("language", ["en", "ar"], indirect=True)
def test_the_status_bar_counts_the_places_the_map_shows_after_every_filter(
    qtbot: Any, tmp_path: Path, language: str
) -> None:
    window = open_folder(qtbot, SEEDS, tmp_path / "i.db")
    try:
        wait_indexed(qtbot, window)
        assert window.feed is not None  # the data come from the feed, off the GUI thread
        s = window.session
        steps: list[Callable[[], None]] = [
            lambda: window.set_countries(["TJ"]),
            lambda: window.set_countries(["TJ", "FI"]),
            lambda: window.set_countries(["FI"]),
            lambda: s.set_filter(replace(s.filter, kinds=frozenset({"city"}))),
            lambda: s.set_filter(replace(s.filter, countries=frozenset(),
                                         kinds=frozenset({"country"}))),
            lambda: s.set_filter(replace(s.filter, types=ALL_TYPES)),
            lambda: s.set_filter(replace(s.filter, kinds=frozenset(), min_confidence=0.9)),
            lambda: s.set_filter(replace(s.filter, min_confidence=0.0, date_from="2021-08-01")),
            lambda: window.set_countries(["TJ"]),
        ]
        for i, step in enumerate(steps):
            step()
            # Until the feed has counted the places of the new filter (its answer comes
            # through the event loop), no number is said: the last filter's would be wrong.
            pending = QCoreApplication.translate("MainWindow", "… places")
            assert showing_text(pending) in window.status.label.text(), i
            wait_drawn(qtbot, window)
            n = len(run_js(qtbot, window, "explorer.visibleIds()"))
            status = window.status.label.text()
            assert showing(n) in status, (i, n, status)
    finally:
        window.dispose()


def test_placing_a_new_place_keeps_the_selection(qtbot: Any, window: Any) -> None:
    assert run_js(qtbot, window, f"explorer.clickPlace({HELSINKI!r})") is True
    qtbot.waitUntil(lambda: window.selected_place == HELSINKI)
    hit = window.passages.hits[0]
    target = Target(hit.article.doc, hit.article.sha256, hit.mentions[0])
    window.corrections.start_pick(target)
    wait_drawn(qtbot, window)
    with qtbot.waitSignal(window.bridge.events.point, timeout=5000):
        run_js(qtbot, window, "explorer.clickBackground()")
    qtbot.wait(300)  # a click on the background would have been passed on by now
    assert window.selected_place == HELSINKI
    assert run_js(qtbot, window, "explorer.selected()") == HELSINKI
    qtbot.waitUntil(lambda: window.corrections.dialog is not None, timeout=60_000)
    window.corrections.dialog.reject()
    wait_drawn(qtbot, window)
    assert run_js(qtbot, window, "explorer.picking()") is False
    # Once placed, a click on the background deselects again.
    run_js(qtbot, window, "explorer.clickBackground()")
    qtbot.waitUntil(lambda: window.selected_place is None)
