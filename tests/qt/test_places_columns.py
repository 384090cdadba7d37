"""Issue 17, B3: the places table shows every column whole (Mentions, Articles and Confidence
were clipped or off the side) and its dock widens for them. Real window."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from explorer.qt.places_table import ARTICLES, CONFIDENCE, MENTIONS

pytestmark = pytest.mark.e2e


def test_counts_and_confidence_are_shown_whole(qtbot: Any, window: Any) -> None:
    dock = window.places
    if not dock.isVisible():
        dock.toggleViewAction().trigger()
    table = dock.table
    qtbot.waitUntil(lambda: table.model.rowCount() > 0)
    # The narrowest the window lets it be: the dock cannot hide a column.
    window.resizeDocks([dock], [10], Qt.Orientation.Horizontal)
    qtbot.wait(50)
    view = table.view
    header = view.horizontalHeader()
    metrics = view.fontMetrics()
    for col in (MENTIONS, ARTICLES, CONFIDENCE):
        left = header.sectionViewportPosition(col)
        width = header.sectionSize(col)
        assert not header.isSectionHidden(col)
        assert left >= 0 and left + width <= view.viewport().width(), (col, left, width)
        title = str(table.model.headerData(col, Qt.Orientation.Horizontal))
        assert header.fontMetrics().horizontalAdvance(title) < width, title
        for row in range(table.proxy.rowCount()):
            text = str(table.proxy.index(row, col).data() or "")
            assert metrics.horizontalAdvance(text) < width, (col, text)
        assert metrics.horizontalAdvance("9,999,999") < width
    # The counts come after the name; the window can still be made as small as before.
    assert [header.logicalIndex(v) for v in range(4)] == [0, MENTIONS, ARTICLES, CONFIDENCE]
    assert window.minimumSizeHint().width() <= 1000
