"""The window on an index path that is not a regular file (B4, W5) and on a corpus folder that
is a symbolic link loop (B13): a visible notice at once, never a hang or an empty window.
Real web view, real SQLite."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from explorer.index.build import Indexer
from tests.qt.synthetic import write_corpus

pytestmark = pytest.mark.e2e


def open_folder(qtbot: Any, corpus: Path, index: Path) -> Any:
    from explorer.qt.app import start

    window = start(corpus, index_path=index, jobs=1)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    """A FIFO as the index; should anything block on it, a writer comes after 20 s and the
    test fails instead of hanging."""
    path = tmp_path / "pipe.sqlite"
    os.mkfifo(path)
    opened: list[bool] = []

    def unblock() -> None:
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
            opened.append(True)  # a reader was blocked on it
        except OSError:
            pass

    timer = threading.Timer(20, unblock)
    timer.start()
    yield path
    timer.cancel()
    assert not opened, "the window blocked on the FIFO"


def test_a_fifo_index_is_said_at_once(qtbot: Any, tmp_path: Path, fifo: Path) -> None:
    corpus = write_corpus(tmp_path / "c", 3)
    window = open_folder(qtbot, corpus, fifo)
    try:
        qtbot.waitUntil(lambda: window.notice.isVisible() and window.indexing_done,
                        timeout=10_000)
        text = window.notice_text.text()
        assert str(fifo) in text and "named pipe (FIFO), not a regular file" in text
        assert "Rebuild" not in text and not window.rebuild_button.isVisible()
        assert window.worker is None
    finally:
        window.dispose()


def test_a_folder_that_is_a_link_loop_says_so_at_start_and_when_opened(
    qtbot: Any, tmp_path: Path
) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    window = open_folder(qtbot, loop, tmp_path / "i.db")
    try:
        qtbot.waitUntil(lambda: window.notice.isVisible() and window.indexing_done,
                        timeout=10_000)
        assert f"{loop}: a symbolic link loop, not a folder" in window.notice_text.text()
    finally:
        window.dispose()
    # opened in a running window (File → Open folder…, a drop, a recent folder)
    corpus = write_corpus(tmp_path / "c", 3)
    Indexer(corpus, tmp_path / "c.db").run()
    window = open_folder(qtbot, corpus, tmp_path / "c.db")
    try:
        qtbot.waitUntil(lambda: window.indexing_done and window.map_up_to_date, timeout=60_000)
        assert not window.notice.isVisible()
        window.switch_folder(loop)
        qtbot.waitUntil(lambda: window.notice.isVisible(), timeout=10_000)
        assert "symbolic link loop" in window.notice_text.text()
        assert window.windowTitle().endswith(str(loop))
    finally:
        window.dispose()


def test_a_foreign_database_as_index_is_said_and_left_as_it_was(
    qtbot: Any, tmp_path: Path
) -> None:
    import sqlite3

    other = tmp_path / "notes.db"
    conn = sqlite3.connect(other)
    with conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
        conn.execute("INSERT INTO notes VALUES ('not ours')")
    conn.close()
    before = other.read_bytes()
    corpus = write_corpus(tmp_path / "c", 3)
    window = open_folder(qtbot, corpus, other)
    try:
        qtbot.waitUntil(lambda: window.notice.isVisible() and window.indexing_done,
                        timeout=10_000)
        text = window.notice_text.text()
        assert "not an explorer index" in text and "left as it is" in text
        assert not window.rebuild_button.isVisible() and window.worker is None
    finally:
        window.dispose()
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c", "notes.db"]
