"""Qt models: thin adapters over ``CorpusIndex`` for the views (no logic of their own)."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from explorer.index import CorpusIndex, CountrySummary

CodeRole = Qt.ItemDataRole.UserRole + 1
SearchRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class CountryListModel(QAbstractListModel):
    """The countries of the mentioned places, with mention counts, most mentioned first."""

    def __init__(self, index: CorpusIndex, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CountrySummary] = index.countries()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            # The Arabic name is isolated (FSI…PDI) so it cannot reorder the rest of the line.
            return f"{c.name} \u2068{c.name_ar}\u2069 ({c.count})"
        if role == Qt.ItemDataRole.ToolTipRole:
            # Qt shows tooltips that look like markup as rich text: make it escaped markup.
            text = f"{c.name} · {c.name_ar} ({c.code}): {c.count} place mentions"
            return f"<p>{html.escape(text)}</p>"
        if role == CodeRole:
            return c.code
        if role == SearchRole:
            return f"{c.name} {c.name_ar} {c.code}"
        return None

    def row_of(self, code: str) -> int:
        for i, c in enumerate(self._rows):
            if c.code == code:
                return i
        return -1


class CountryFilterProxy(QSortFilterProxyModel):
    """Filters the country list by what the user types (English, Arabic name or ISO code)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterRole(SearchRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
