"""Qt models: thin adapters over the index and the session for the views."""

from __future__ import annotations

import html
import json
import logging
from dataclasses import replace
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from explorer.qt.counts import number
from explorer.qt.names import both
from explorer.qt.session_model import SessionModel
from explorer.query import CountrySummary, Filter
from explorer.resources import resource
from explorer.session import Change
from gazetteer.normalize import fold

log = logging.getLogger(__name__)

CodeRole = Qt.ItemDataRole.UserRole + 1
SearchRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class CountryListModel(QAbstractListModel):
    """The countries of the mentioned places, with mention counts, most mentioned first.

    A country is checked when the session's filter holds it. The check marks are the
    session's, not the view's: hiding rows (the search box) never changes the filter.
    """

    def __init__(self, model: SessionModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = model
        self._rows: list[CountrySummary] = []
        self._checked: frozenset[str] = frozenset()
        #: Every country seen, for a ticked one the current query does not find.
        self._known: dict[str, CountrySummary] = {}
        # The rows come from the view's feed (``set_rows``), never from the index here.
        model.changed.connect(self._on_change)

    def _with_checked(self, rows: list[CountrySummary]) -> list[CountrySummary]:
        """``rows`` and, at the end with no mention, every ticked country they lack (the
        search matches nothing there): a ticked country never leaves the list, so it can be
        unticked."""
        self._known.update((c.code, c) for c in rows)
        have = {c.code for c in rows}
        missing = [replace(self._known.get(code) or CountrySummary(code, code, code, 0),
                           count=0)
                   for code in sorted(self._checked - have)]
        return rows + missing

    def set_rows(self, rows: list[CountrySummary], f: Filter) -> None:
        """Rows computed elsewhere (off the GUI thread) for filter ``f``."""
        if _query(f) != _query(self.session.filter):
            return  # computed for a query that is no longer on
        ticked = self._checked ^ self.session.filter.countries
        self._checked = self.session.filter.countries
        self._replace_rows(self._with_checked(rows), ticked)

    def _replace_rows(self, rows: list[CountrySummary], ticked: frozenset[str]) -> None:
        """Show ``rows`` by updating the list in place: rows past the new end removed, new
        ones added at the end, and only the rows whose country or count changed repainted
        (no reset: the view keeps its scroll position and lays out again only the rows that
        changed); ``ticked``: countries whose check mark changed."""
        old = self._rows
        if len(rows) < len(old):
            self.beginRemoveRows(QModelIndex(), len(rows), len(old) - 1)
            self._rows = old[:len(rows)]
            self.endRemoveRows()
        elif len(rows) > len(old):
            self.beginInsertRows(QModelIndex(), len(old), len(rows) - 1)
            self._rows = old + rows[len(old):]
            self.endInsertRows()
        self._rows = rows
        changed = [i for i in range(min(len(old), len(rows)))
                   if old[i] != rows[i] or rows[i].code in ticked]
        if changed:
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], 0))

    def _on_change(self, change: Change) -> None:
        if change.filter:  # the counts under the new filter come with the feed's answer
            self._recheck()

    def _recheck(self) -> None:
        checked = self.session.filter.countries
        if checked - {c.code for c in self._rows} or any(
                c.count == 0 and c.code not in checked for c in self._rows):
            self.beginResetModel()  # a ticked country the list lacks, or one to drop
            self._checked = checked
            self._rows = self._with_checked([c for c in self._rows if c.count or
                                             c.code in checked])
            self.endResetModel()
            return
        changed = checked ^ self._checked
        self._checked = checked
        for i, c in enumerate(self._rows):
            if c.code in changed:
                idx = self.index(i, 0)
                self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.CheckStateRole])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        # Checked by a click on the row (see CountryFilter), not by the check box alone.
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            # The Arabic name is isolated (FSI…PDI) so it cannot reorder the rest of the line.
            return f"{both(c.name, c.name_ar, ' ')} ({number(c.count)})"
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = c.code in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            # Qt shows tooltips that look like markup as rich text: make it escaped markup.
            text = self.tr("{country} ({code}): {count} mentions of places in it (the country "
                           "and its towns, regions, features; each marker counts its own)").format(
                country=both(c.name, c.name_ar), code=c.code, count=number(c.count))
            return f"<p>{html.escape(text)}</p>"
        if role == CodeRole:
            return c.code
        if role == SearchRole:
            return searchable(c.code, c.name, c.name_ar)
        return None

    def row_of(self, code: str) -> int:
        for i, c in enumerate(self._rows):
            if c.code == code:
                return i
        return -1


@cache
def country_aliases() -> dict[str, list[str]]:
    """ISO2 -> the country's other names in the gazetteer ("USA", "أمريكا", "طاجكستان"), from
    ``resources/basemap/country_names.json`` (made by ``make assets``); none if unreadable."""
    path = resource("basemap", "country_names.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("%s: cannot read the countries' other names (%s)", path, exc)
        return {}
    return data if isinstance(data, dict) else {}


def searchable(code: str, *names: str) -> str:
    """The folded text a country is found by: its names, other names and code."""
    every = [*names, code, *country_aliases().get(code, [])]
    return "\n".join(fold(n).casefold() for n in every)


class CountryFilterProxy(QSortFilterProxyModel):
    """Filters the country list by what the user types: English or Arabic names, other names
    (USA, أمريكا), the ISO code; Arabic folded (الامارات finds الإمارات)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = fold(text.strip()).casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:
        if not self._needle:
            return True
        source = self.sourceModel()
        text = source.data(source.index(row, 0, parent), SearchRole)
        return isinstance(text, str) and self._needle in text


def _query(f: Filter) -> tuple[object, ...]:
    """What the country list's counts follow: the text, the article and the map's area."""
    return (f.text, f.doc, f.area)
