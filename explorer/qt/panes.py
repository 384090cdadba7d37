"""How the window's panes are laid out: widgets in a column, columns side by side."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget


def column(parent: QWidget, *widgets: QWidget, margins: int | None = None,
           stretch: QWidget | None = None) -> QWidget:
    """``widgets`` one under the other (``stretch``: the one that takes the height left)."""
    pane = QWidget(parent)
    layout = QVBoxLayout(pane)
    if margins is not None:
        layout.setContentsMargins(margins, margins, margins, margins)
    for widget in widgets:
        layout.addWidget(widget)
    if stretch is not None:
        layout.setStretchFactor(stretch, 1)
    return pane


def side_by_side(parent: QWidget, panes: Sequence[tuple[QWidget, int, int]]) -> QSplitter:
    """The panes left to right, each ``(pane, stretch, width)``: the analyst moves the edges."""
    splitter = QSplitter(Qt.Orientation.Horizontal, parent)
    for i, (pane, stretch, _width) in enumerate(panes):
        splitter.addWidget(pane)
        splitter.setStretchFactor(i, stretch)
    splitter.setSizes([width for _pane, _stretch, width in panes])
    return splitter
