"""Fixtures for the Qt tests: the seeds' index, a main window whose map has drawn, JS calls."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from explorer.index import CorpusIndex
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
    win = open_window(qtbot, seeds_index)
    yield win
    win.dispose()
