"""Issue 17, B15: in the English interface, menus and scroll bars are left to right (the passage
panel was a right-to-left widget: its scroll bar on the left, its menu right to left); the
Arabic passages still read right to left. Real window."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt

LTR = Qt.LayoutDirection.LeftToRight


def test_english_window_is_left_to_right_with_arabic_passages(shared_window: Any) -> None:
    window = shared_window
    window.session.select("gn:524901")
    try:
        panel = window.passages
        assert panel.hits
        assert panel.layoutDirection() == LTR
        bar = panel.verticalScrollBar()
        assert panel.isRightToLeft() is False
        if bar.isVisible():  # on the right of the text
            assert bar.mapTo(panel, QPoint(0, 0)).x() > panel.viewport().mapTo(
                panel, QPoint(0, 0)).x()
        menu = panel.context_menu(QPoint(5, 5))
        assert menu.layoutDirection() == LTR and not menu.isRightToLeft()
        menu.deleteLater()
        for m in (window.menus.file, window.menus.edit, window.menus.view, window.menus.help):
            assert not m.isRightToLeft()
        # The passages themselves: right to left.
        doc = panel.document()
        block = doc.findBlock(doc.find(panel.hits[0].passage.text[:20]).selectionStart())
        assert block.textDirection() == Qt.LayoutDirection.RightToLeft
    finally:
        window.session.select(None)
