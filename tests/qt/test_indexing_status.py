"""Issue 17, B5 and B17: the status bar says indexing was cancelled (and keeps saying it), and
the progress shows done / total, the rate and the time left on one line. Real window, real
indexing on a worker thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from explorer.qt.panels import duration
from tests.qt.conftest import wait_drawn
from tests.qt.synthetic import write_corpus

pytestmark = pytest.mark.e2e


def open_folder(qtbot: Any, corpus: Path, index: Path) -> Any:
    from explorer.qt.app import start

    window = start(corpus, index_path=index, jobs=1)
    qtbot.addWidget(window)
    window.show()
    return window


def test_progress_says_rate_and_time_left_on_one_line_and_cancel_is_said(
    qtbot: Any, tmp_path: Path
) -> None:
    corpus = write_corpus(tmp_path / "c", 3000)
    window = open_folder(qtbot, corpus, tmp_path / "i.db")
    try:
        bar = window.status.progress
        qtbot.waitUntil(lambda: "left" in bar.text(), timeout=60_000)
        text = bar.text()
        assert "/s" in text and " / 3,000" in text, text
        assert bar.fontMetrics().horizontalAdvance(text) <= bar.width(), (text, bar.width())
        with qtbot.waitSignal(window.indexingFinished, timeout=60_000):
            qtbot.mouseClick(window.status.cancel, Qt.MouseButton.LeftButton)
        wait_drawn(qtbot, window)
        qtbot.wait(300)  # late batches and redraws do not take it back
        note = window.status.cancelled_note
        assert note.isVisible() and "cancelled" in note.text().lower()
        window.session.select(window.reader.places()[0].place.id)
        assert note.isVisible()
    finally:
        window.dispose()


def test_durations() -> None:
    assert duration(4.4) == "4 s"
    assert duration(65) == "1 min 05 s"
    assert duration(7500) == "2 h 05 min"
