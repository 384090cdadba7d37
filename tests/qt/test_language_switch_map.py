"""Switching the interface's language with two windows open (issue 17): each map page takes
the new language, and a filter change afterwards is still drawn, in both windows. Real web
views (the shared window and one of its own), real translators."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from explorer.qt.app import install_language
from tests.qt.conftest import run_js, wait_drawn

pytestmark = pytest.mark.e2e


@pytest.fixture
def translators(qapp: Any) -> Iterator[list[Any]]:
    """The translators a test installs: taken out after it, the layout left to right."""
    installed: list[Any] = []
    yield installed
    for t in installed:
        QCoreApplication.removeTranslator(t)
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def filter_change_is_drawn(qtbot: Any, window: Any, code: str) -> None:
    """Show only country ``code``, then everything again; the page paints each change."""
    before = run_js(qtbot, window, "explorer.visibleIds()")
    window.set_countries([code])
    wait_drawn(qtbot, window, timeout=15_000)
    only = run_js(qtbot, window, "explorer.visibleIds()")
    assert only and set(only) < set(before)
    assert run_js(qtbot, window, "explorer.appliedSeq()") == window.map_sync.sent_seq
    window.set_countries([])
    wait_drawn(qtbot, window, timeout=15_000)
    assert run_js(qtbot, window, "explorer.visibleIds()") == before


def test_after_a_language_switch_both_windows_draw_a_filter_change(
    qtbot: Any, shared_window: Any, window: Any, translators: list[Any]
) -> None:
    windows = (shared_window, window)
    translators += install_language(QCoreApplication.instance(), "ar")
    for win in windows:
        qtbot.waitUntil(lambda win=win: run_js(qtbot, win, "explorer.language()") == "ar")
        wait_drawn(qtbot, win, timeout=15_000)
    filter_change_is_drawn(qtbot, window, "FI")
    filter_change_is_drawn(qtbot, shared_window, "FI")
    for t in translators:
        QCoreApplication.removeTranslator(t)
    translators.clear()
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    for win in windows:
        qtbot.waitUntil(lambda win=win: run_js(qtbot, win, "explorer.language()") == "en")
        wait_drawn(qtbot, win, timeout=15_000)
    filter_change_is_drawn(qtbot, shared_window, "TJ")
    filter_change_is_drawn(qtbot, window, "TJ")
