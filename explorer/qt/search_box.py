"""The passage search box: what is typed reaches the session's filter after a pause (or at
Return), and the box shows the filter's words when they change elsewhere.

Its words keep the ``MainWindow`` translation context (they were the window's).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from explorer.qt.session_model import SessionModel
from explorer.query import tidy_query

SEARCH_DELAY_MS = 300


class SearchBox(QLineEdit):
    applied = Signal(int)  # the search reached the filter; how many words were left out

    def __init__(self, session: SessionModel, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("passageSearch")
        self.setPlaceholderText(QCoreApplication.translate("MainWindow", "Search passages…"))
        self.setToolTip(QCoreApplication.translate(
            "MainWindow",
            "Words: passages holding every one (an Arabic word also with و ف ب ك ل ال "
            "attached)\n\"a phrase\": its words in this order\nword*: words starting so\n"
            "a OR b (or أو): either\n-word: passages without it"))
        self.setClearButtonEnabled(True)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.apply)
        self.textChanged.connect(lambda _t: self.timer.start())
        self.returnPressed.connect(self.apply)
        session.changed.connect(lambda c: self.show_text(session.filter.text) if c.filter
                                else None)

    def focus(self) -> None:
        """Edit → Find…: the cursor to the box, its words selected."""
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    def apply(self) -> None:
        """The box's words to the filter (at most ``MAX_QUERY_WORDS`` different ones)."""
        self.timer.stop()
        text, dropped = tidy_query(self.text())
        self.session.set_text(text)
        self.applied.emit(dropped)

    def show_text(self, text: str) -> None:
        """Show ``text`` without searching again (none while the user is typing)."""
        if not self.timer.isActive() and self.text().strip() != text:
            self.blockSignals(True)
            self.setText(text)
            self.blockSignals(False)

    def take_back(self) -> None:
        """Empty the box without searching (a search that failed is taken back)."""
        self.timer.stop()
        self.blockSignals(True)
        self.clear()
        self.blockSignals(False)
