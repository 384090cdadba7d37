"""explorer.qt.workspace_qt: the open folder's index for the window, with a real worker thread
and a real SQLite index."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from explorer.qt.workspace_qt import WorkspaceQt
from explorer.workspace import IndexUnavailable
from tests.qt.synthetic import write_corpus


class Gated:
    """An indexing run that reports one step, then waits for its gate and returns ``name``."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.gate = threading.Event()

    def run(self, progress: Callable[[int, int, object], None] | None,
            cancelled: Callable[[], bool] | None) -> Any:
        if progress is not None:
            progress(1, 2, None)
        self.gate.wait(30)
        return self.name


def test_a_replaced_worker_says_nothing_more(qtbot: Any) -> None:
    ws = WorkspaceQt()
    said: list[object] = []
    ws.indexed.connect(said.append)
    first, second = Gated("first"), Gated("second")
    ws.start_indexing(first)
    old = ws.worker
    assert ws.indexing
    ws.start_indexing(second)
    first.gate.set()
    assert old is not None
    qtbot.waitUntil(lambda: not old.running(), timeout=10_000)
    second.gate.set()
    qtbot.waitUntil(lambda: said == ["second"], timeout=10_000)
    qtbot.wait(50)
    assert said == ["second"]
    ws.stop_indexing()
    assert ws.worker is None


def test_a_folder_is_located_indexed_and_opened(qtbot: Any, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 3)
    ws = WorkspaceQt()
    ws.locate(corpus, tmp_path / "index.sqlite", (), 1 << 20, 1)
    assert ws.indexer is not None and ws.index_path == tmp_path / "index.sqlite"
    with pytest.raises(IndexUnavailable):
        ws.open_db()  # not built yet
    assert ws.export_opener() is None
    done: list[object] = []
    ws.indexed.connect(done.append)
    ws.start_indexing(ws.indexer)
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)
    db = ws.open_db()
    assert db.stats()["articles"] == 3
    opener = ws.export_opener()
    assert opener is not None
    with opener() as other:
        assert other is not db and other.stats()["articles"] == 3
    ws.close_db()
    assert ws.db is None and ws.export_opener() is None
