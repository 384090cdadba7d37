"""Fixtures for the Qt tests: the seeds' index, a main window whose map has drawn, JS calls."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from explorer.memory_index import CorpusIndex
from explorer.pipeline import open_corpus
from tests.conftest import SEEDS


@pytest.fixture(scope="session")
def seeds_index() -> CorpusIndex:
    return open_corpus(SEEDS)


def run_js(qtbot: Any, window: Any, code: str, timeout: int = 10_000) -> Any:
    """Evaluate ``code`` in the window's map page and return its result (through JSON)."""
    box: dict[str, Any] = {}
    wrapped = f"JSON.stringify(eval({json.dumps(code)}))"
    window.run_js(wrapped, lambda value: box.setdefault("value", value))
    qtbot.waitUntil(lambda: "value" in box, timeout=timeout)
    value = box["value"]
    return None if value in (None, "") else json.loads(value)


def open_window(qtbot: Any, index: CorpusIndex, **kwargs: Any) -> Any:
    """A main window showing a built index, once its map has drawn all of it."""
    from explorer.qt.window import MainWindow

    window = MainWindow(index.corpus.root, **kwargs)
    qtbot.addWidget(window)
    window.show_index(index, index.corpus.problems)
    window.show()
    wait_drawn(qtbot, window)
    return window


def wait_drawn(qtbot: Any, window: Any, timeout: int = 60_000) -> None:
    """Wait until the page has painted every message the window sent it."""
    qtbot.waitUntil(lambda: window.map_ready and window.map_up_to_date, timeout=timeout)


@pytest.fixture
def window(qtbot: Any, seeds_index: CorpusIndex) -> Iterator[Any]:
    """A window of its own on the seeds, for a test that changes what it shows."""
    win = open_window(qtbot, seeds_index)
    yield win
    win.dispose()


@pytest.fixture(scope="session")
def _one_window(qapp: Any, seeds_index: CorpusIndex) -> Iterator[Any]:
    from explorer.qt.app import wait_for_map
    from explorer.qt.window import MainWindow

    win = MainWindow(seeds_index.corpus.root)
    win.show_index(seeds_index, seeds_index.corpus.problems)
    win.show()
    assert wait_for_map(win, 60_000), "the seeds' map did not draw"
    yield win
    win.dispose()


@pytest.fixture
def shared_window(qtbot: Any, _one_window: Any) -> Iterator[Any]:
    """One window on the seeds shared by every read-only test (opening one costs ~0.7 s).

    A test that takes it must leave it as it found it: nothing selected, no country filter,
    and its page still listening to the window (a second QWebChannel opened in the page takes
    the transport from the page's own channel: it would never hear the window again).
    """
    win = _one_window
    assert win.selected_place is None and win.countries == []
    yield win
    assert win.selected_place is None, "a test changed the shared window: use `window`"
    assert win.countries == [], "a test changed the shared window: use `window`"
    assert run_js(qtbot, win, "explorer.hearsQt()") is True, \
        "a test left the shared window's page deaf to the window: use `window`"
