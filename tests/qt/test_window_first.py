"""The window first (issue 9): it opens at once, indexes on a worker thread with progress and
Cancel, fills in as batches land, re-opens an indexed folder without reading it, and says
so when the folder is empty or missing or the index is damaged. Real web view, real SQLite."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

import explorer.index.parse
from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from tests.qt.conftest import run_js, wait_drawn
from tests.qt.synthetic import write_corpus

pytestmark = pytest.mark.e2e


def open_folder(qtbot: Any, corpus: Path, index: Path) -> Any:
    from explorer.qt.app import start

    window = start(corpus, index_path=index, jobs=1)
    qtbot.addWidget(window)
    window.show()
    return window


def wait_indexed(qtbot: Any, window: Any, timeout: int = 120_000) -> None:
    qtbot.waitUntil(lambda: window.indexing_done, timeout=timeout)
    wait_drawn(qtbot, window)


def test_window_is_shown_before_indexing_ends_and_fills_in_as_batches_land(
    qtbot: Any, tmp_path: Path
) -> None:
    corpus = write_corpus(tmp_path / "c", 1500)
    window = open_folder(qtbot, corpus, tmp_path / "i.db")
    try:
        assert window.isVisible() and not window.indexing_done
        assert window.worker is not None and window.worker.running()
        assert window.status.progress.isVisible() and window.status.cancel.isVisible()
        # Markers arrive while indexing still runs.
        seen: list[tuple[bool, int]] = []
        window.map_sync.drawn.connect(
            lambda _s: seen.append((window.indexing_done, len(window.map_sync.known))))
        qtbot.waitUntil(lambda: any(not done and n > 0 for done, n in seen), timeout=60_000)
        assert window.status.progress.value() > 0
        assert "indexing" in window.status.label.text()
        wait_indexed(qtbot, window)
        assert not window.status.progress.isVisible()
        assert window.reader.stats()["articles"] == 1500
        ids = run_js(qtbot, window, "explorer.markerIds()")
        assert ids == sorted(s.place.id for s in window.reader.places())
        assert window.filter.model.rowCount() >= 6  # the countries filled in too
    finally:
        window.dispose()


def test_cancel_stops_indexing_and_the_next_open_resumes(qtbot: Any, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c", 2000)
    index = tmp_path / "i.db"
    window = open_folder(qtbot, corpus, index)
    try:
        qtbot.waitUntil(lambda: window.status.progress.value() > 0, timeout=60_000)
        with qtbot.waitSignal(window.indexingFinished, timeout=60_000) as finished:
            qtbot.mouseClick(window.status.cancel, Qt.MouseButton.LeftButton)
        assert finished.args == [False]
        assert window.status.cancelled_note.isVisible()
        done = window.reader.stats()["articles"]
        assert 0 < done < 2000
        wait_drawn(qtbot, window)
        assert run_js(qtbot, window, "explorer.markerIds().length") > 0
    finally:
        window.close()
    again = open_folder(qtbot, corpus, index)
    try:
        wait_indexed(qtbot, again)
        assert again.reader.stats()["articles"] == 2000
    finally:
        again.dispose()


def test_reopening_an_indexed_folder_reads_no_article_text(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path / "c", 200)
    index = tmp_path / "i.db"
    Indexer(corpus, index).run()
    reads: list[Path] = []
    real = explorer.index.parse.read_articles

    def counting(path: Path, *args: Any, **kwargs: Any) -> Any:
        reads.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(explorer.index.parse, "read_articles", counting)
    window = open_folder(qtbot, corpus, index)
    try:
        # The index is shown before the indexer has even looked at the folder.
        assert window.reader is not None and window.reader.stats()["articles"] == 200
        wait_indexed(qtbot, window)
        assert reads == []
        assert run_js(qtbot, window, "explorer.markerIds().length") == len(
            window.reader.places())
        # A changed file is read again, and only that one.
        (corpus / "a00007.txt").write_text("خبر\n\nوصل الوفد إلى مدريد.\n", encoding="utf-8")
    finally:
        window.close()
    again = open_folder(qtbot, corpus, index)
    try:
        wait_indexed(qtbot, again)
        assert [p.name for p in reads] == ["a00007.txt"]
        assert "gn:3117735" in run_js(qtbot, again, "explorer.markerIds()")  # Madrid
    finally:
        again.dispose()


@pytest.mark.parametrize("kind", ["empty", "missing", "not-text"])
def test_an_unusable_folder_opens_a_window_that_says_so(
    qtbot: Any, tmp_path: Path, kind: str
) -> None:
    corpus = tmp_path / "c"
    if kind != "missing":
        corpus.mkdir()
    if kind == "not-text":
        (corpus / "scan.txt").write_bytes(b"%PDF-1.7\n\x00\x01binary")
    window = open_folder(qtbot, corpus, tmp_path / "i.db")
    try:
        wait_indexed(qtbot, window)
        assert window.isVisible()
        assert window.notice.isVisible() and not window.rebuild_button.isVisible()
        text = window.notice_text.text()
        assert str(corpus) in text
        assert ("no such folder" in text) if kind == "missing" else ("No readable article" in text)
        assert "Nothing to show" in window.passages.toPlainText()
        if kind == "not-text":
            assert window.problems_button.isEnabled() and "refused" in text
    finally:
        window.dispose()


def test_a_corrupt_index_is_reported_and_rebuilt(qtbot: Any, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c", 30)
    index = tmp_path / "i.db"
    Indexer(corpus, index).run()
    index.write_bytes(b"this is not an SQLite database at all" * 100)
    window = open_folder(qtbot, corpus, index)
    try:
        qtbot.waitUntil(lambda: window.notice.isVisible(), timeout=30_000)
        assert "damaged" in window.notice_text.text()
        assert window.rebuild_button.isVisible()
        assert window.worker is None  # nothing indexes into a damaged file
        qtbot.mouseClick(window.rebuild_button, Qt.MouseButton.LeftButton)
        wait_indexed(qtbot, window)
        assert not window.notice.isVisible()
        assert window.reader.stats()["articles"] == 30
        assert run_js(qtbot, window, "explorer.markerIds().length") > 0
        backups = list(tmp_path.glob("i.db.rebuild-*.bak"))
        assert backups and backups[0].read_bytes().startswith(b"this is not an SQLite")
        with IndexDB(index, readonly=True) as db:
            assert db.stats()["articles"] == 30
    finally:
        window.dispose()


def test_an_index_another_explorer_is_updating_is_shown_as_it_is(
    qtbot: Any, tmp_path: Path
) -> None:
    from explorer.index.build import _writer_lock  # the lock a running indexer holds

    corpus = write_corpus(tmp_path / "c", 40)
    index = tmp_path / "i.db"
    Indexer(corpus, index).run()
    with _writer_lock(index):
        window = open_folder(qtbot, corpus, index)
        try:
            qtbot.waitUntil(lambda: window.notice.isVisible(), timeout=60_000)
            assert "another explorer" in window.notice_text.text()
            assert not window.rebuild_button.isVisible()  # nothing to cure
            assert "Nothing to show" not in window.passages.toPlainText()
            wait_indexed(qtbot, window)
            ids = run_js(qtbot, window, "explorer.markerIds()")
            assert ids == sorted(s.place.id for s in window.reader.places())
        finally:
            window.dispose()
