"""Help → Keyboard shortcuts: every shortcut of the window, read from its actions when the dialog
opens (so the list cannot drift from what the keys do), with the menu each action is in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)


def _plain(text: str) -> str:
    """An action's text without its mnemonic ``&`` and trailing ``…``."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…. ").strip()


def _menu_of(action: QAction) -> str:
    """The menus an action is in (``File › Export``), "" when it is in none."""
    for widget in action.associatedObjects():
        if isinstance(widget, QMenu):
            path = [_plain(widget.title())]
            parent = widget.parent()
            while isinstance(parent, QMenu):
                path.insert(0, _plain(parent.title()))
                parent = parent.parent()
            return " › ".join(p for p in path if p)
    return ""


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(action, keys, menu) for every action of ``window`` that has a shortcut, sorted by
    menu then action; an action's several keys are listed together."""
    rows: set[tuple[str, str, str]] = set()
    for action in window.findChildren(QAction):
        keys = [k for k in action.shortcuts() if not k.isEmpty()]
        if not keys or not action.text():
            continue
        text = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        rows.add((_plain(action.text()), text, _menu_of(action)))
    return sorted(rows, key=lambda r: (r[2] == "", r[2], r[0]))


class ShortcutsDialog(QDialog):
    """The table of the window's shortcuts."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Action"), self.tr("Keys"), self.tr("Menu")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(value)
                if c == 1:  # keys read left to right in an Arabic interface too
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 420)


__all__ = ["ShortcutsDialog", "shortcut_rows"]
