"""W9: a corpus-wide correction of a place an article names tens of thousands of times is
written on a worker thread: the window's event loop keeps running meanwhile, and the result
is shown when it is done."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from explorer.index.db import IndexDB
from explorer.qt.corrections_ui import Target
from tests.explorer.test_huge_article import make_article
from tests.qt.conftest import wait_drawn

pytestmark = pytest.mark.e2e


def test_a_corpus_wide_correction_runs_off_the_gui_thread(qtbot: Any, tmp_path: Path) -> None:
    from explorer.qt.app import start

    make_article(tmp_path / "c", 0.3)
    window = start(tmp_path / "c", index_path=tmp_path / "i.db", jobs=1)
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.indexing_done, timeout=120_000)
        wait_drawn(qtbot, window)
        top = window.reader.places()[0].place
        window.session.select(top.id)
        qtbot.waitUntil(lambda: bool(window.passages.hits), timeout=30_000)
        hit = next(h for h in window.passages.hits if h.mentions)
        target = Target(hit.article.doc, hit.article.sha256, hit.mentions[0])
        ticks: list[int] = []
        probe = QTimer()
        probe.setInterval(5)
        probe.timeout.connect(lambda: ticks.append(window.corrections.pending))
        probe.start()
        window.corrections.reject(target, "corpus")
        assert window.corrections.pending == 1  # sent to the writer thread, not done here
        assert window.reader.place(top.id) is not None
        qtbot.waitUntil(lambda: window.corrections.pending == 0, timeout=120_000)
        probe.stop()
        assert ticks.count(1) >= 3  # the event loop ran while the correction was written
        qtbot.waitUntil(lambda: window.reader.place(top.id) is None, timeout=30_000)
        with IndexDB(tmp_path / "i.db", readonly=True) as db:
            (c,) = db.corrections()
            assert (c.scope, c.action) == ("corpus", "reject")
        window.corrections.undo.trigger()  # after it, on the same thread: back again
        qtbot.waitUntil(lambda: window.corrections.pending == 0, timeout=120_000)
        qtbot.waitUntil(lambda: window.reader.place(top.id) is not None, timeout=30_000)
    finally:
        window.dispose()
