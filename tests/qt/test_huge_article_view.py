"""B2 in the window: a click on the marker of a place an article names tens of thousands of
times in one paragraph fills the passage panel with a bounded document and a note."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.explorer.test_huge_article import make_article
from tests.qt.conftest import wait_drawn

pytestmark = pytest.mark.e2e


def test_a_click_on_a_huge_articles_marker_shows_a_bounded_panel(
    qtbot: Any, tmp_path: Path
) -> None:
    from explorer.qt.app import start

    make_article(tmp_path / "c", 0.3)
    window = start(tmp_path / "c", index_path=tmp_path / "i.db", jobs=1)
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.indexing_done, timeout=120_000)
        wait_drawn(qtbot, window)
        top = window.reader.places()[0]
        assert top.count > 20_000
        window.session.select(top.place.id)  # what a click on its marker does
        qtbot.waitUntil(lambda: bool(window.passages.hits), timeout=30_000)
        panel = window.passages
        assert len(panel.toHtml()) < 300_000
        text = panel.toPlainText()
        assert "more mentions" in text and "more characters" in text
        assert sum(len(h.mentions) for h in panel.hits) <= 200
    finally:
        window.dispose()
