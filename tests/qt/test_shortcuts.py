"""Issue 17, B4: Ctrl+E (export) works while a text field has the focus. Real window.

On X11 a line edit claims Ctrl+E ("end of line") through its ShortcutOverride; the offscreen
platform's key bindings do not, so the field here claims it as X11's QLineEdit does."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit

pytestmark = pytest.mark.e2e


class X11Keys(QObject):
    """Accepts Ctrl+E's ShortcutOverride for the field, as QLineEdit does under X11."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and QKeySequence(event.keyCombination()) == QKeySequence("Ctrl+E")):
            event.accept()
        return False


@pytest.mark.qt_log_ignore("This plugin does not support")  # the menu's popup, offscreen
@pytest.mark.parametrize("field", ["search", "country", "places", "new"])
def test_ctrl_e_opens_export_from_a_text_field(qtbot: Any, window: Any, field: str) -> None:
    edit = {"search": window.search, "country": window.filter.search,
            "places": window.places.table.search,
            "new": QLineEdit(window.filter)}[field]  # a field made after the window
    edit.show()
    x11 = X11Keys(edit)
    edit.installEventFilter(x11)  # first in, last to see the event: the window's goes first
    window.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.setText("abc")
    opened: list[bool] = []
    window.exports.choose.triggered.connect(lambda *_: opened.append(True))
    qtbot.keyClick(edit, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert opened == [True]
    assert edit.text() == "abc"
    window.exports.menu.hide()
