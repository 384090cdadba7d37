"""The places table (issue 10): every place the session's filter shows, sortable, searchable,
linked both ways with the session (a row selects its place; a place selected anywhere else
selects its row).

``PlacesTableModel`` is a thin table adapter over ``IndexReader.places(filter)``; it reloads
when the filter or the index's data change, and never selects anything itself.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLineEdit,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from explorer.qt.counts import counts, number
from explorer.qt.feed import Feed
from explorer.qt.names import arabic_interface, both, english
from explorer.qt.session_model import SessionModel
from explorer.query import Filter, PlaceSummary
from explorer.session import Change

PlaceIdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
SearchRole = Qt.ItemDataRole.UserRole + 3

#: The column headings, marked for translation (``headerData`` translates them).
COLUMNS = tuple(str(c) for c in (
    QT_TRANSLATE_NOOP("PlacesTableModel", "Place"),
    QT_TRANSLATE_NOOP("PlacesTableModel", "Arabic"),
    QT_TRANSLATE_NOOP("PlacesTableModel", "Country"),
    QT_TRANSLATE_NOOP("PlacesTableModel", "Kind"),
    QT_TRANSLATE_NOOP("PlacesTableModel", "Mentions"),
    QT_TRANSLATE_NOOP("PlacesTableModel", "Articles"),
    QT_TRANSLATE_NOOP("PlacesTableModel", "Confidence")))
MENTIONS, ARTICLES, CONFIDENCE = 4, 5, 6
COUNTRY, KIND = 2, 3
#: The place-name columns' width at least (the English one stretches to fill the rest).
NAME_WIDTH = 120
# The kinds of place as the table names them (gazetteer.model.PlaceKind values), translated.
KIND_NAMES = {
    "country": QT_TRANSLATE_NOOP("PlacesTableModel", "country"),
    "admin1": QT_TRANSLATE_NOOP("PlacesTableModel", "first-level division"),
    "admin2": QT_TRANSLATE_NOOP("PlacesTableModel", "second-level division"),
    "region": QT_TRANSLATE_NOOP("PlacesTableModel", "region"),
    "city": QT_TRANSLATE_NOOP("PlacesTableModel", "city or town"),
    "feature": QT_TRANSLATE_NOOP("PlacesTableModel", "feature"),
}
# A feed's index is asked for the places' confidences once its data stop changing this long
# (a pass over every mention: never once per indexing batch).
CONFIDENCE_DELAY_MS = 2000

_Index = QModelIndex | QPersistentModelIndex


class PlacesTableModel(QAbstractTableModel):
    """The places of the session's filter with their counts, most mentioned first.

    Confidence is a place's figure over the whole index, not the filter: the mean of the
    geoparser's confidence for its place-name mentions (``IndexReader.confidences``).

    While the table is hidden (``set_active(False)``) it does not query the index: it reloads
    once when shown again. The rows come from the view feed's answers (``set_rows``), the
    confidences from the feed too: the table never queries the index itself.
    """

    def __init__(self, model: SessionModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = model
        self.rows: list[PlaceSummary] = []
        self._row_of: dict[str, int] = {}
        self.active = True
        self._stale = False
        self._fed_rows: list[PlaceSummary] = []
        self.confidence: dict[str, float] = {}
        self._sort_column = MENTIONS  # the table's order (``sort``), most mentioned first
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._feed: Feed | None = None
        self._confidence_timer = QTimer(self)
        self._confidence_timer.setSingleShot(True)
        self._confidence_timer.setInterval(CONFIDENCE_DELAY_MS)
        self._confidence_timer.timeout.connect(self._ask_confidences)
        model.changed.connect(self._on_change)

    def set_feed(self, feed: Feed | None) -> None:
        """Confidences from ``feed`` (None: no index, none)."""
        if self._feed is not None:
            self._feed.confidences.disconnect(self._on_confidences)
        self._feed = feed
        self.confidence = {}
        if feed is not None:
            feed.confidences.connect(self._on_confidences)

    def _ask_confidences(self) -> None:
        if self._feed is not None:
            self._feed.request_confidences()
        else:
            self._on_confidences({})

    def _on_confidences(self, found: dict[str, float]) -> None:
        self.confidence = found
        if self.rows and self._sort_column == CONFIDENCE:
            self.sort(self._sort_column, self._sort_order)
        if self.rows:
            self.dataChanged.emit(self.index(0, CONFIDENCE),
                                  self.index(len(self.rows) - 1, CONFIDENCE))

    def reload(self) -> None:
        self._stale = False
        self._show(self._fed_rows)

    def _show(self, rows: list[PlaceSummary]) -> None:
        self.beginResetModel()
        self.rows = self._sorted(rows)
        self._row_of = {s.place.id: i for i, s in enumerate(self.rows)}
        self.endResetModel()

    def _sort_value(self, s: PlaceSummary) -> Any:
        p, col = s.place, self._sort_column
        if col == MENTIONS:
            return s.count
        if col == ARTICLES:
            return s.articles
        if col == CONFIDENCE:
            return self.confidence.get(p.id, -1.0)
        return (p.name, p.name_ar, p.country or "", p.kind)[col]

    def _sorted(self, rows: list[PlaceSummary]) -> list[PlaceSummary]:
        """The rows in the table's order, sorted here in one pass (a sort by the proxy asks
        ``data`` of every row some log(n) times: a filter change of thousands of places
        spent most of its time there)."""
        if self._sort_column < 0:
            return list(rows)
        return sorted(rows, key=self._sort_value,
                      reverse=self._sort_order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        self.rows = self._sorted(self.rows)
        self._row_of = {s.place.id: i for i, s in enumerate(self.rows)}
        self.layoutChanged.emit()

    def set_rows(self, rows: list[PlaceSummary], f: Filter) -> None:
        """Rows computed elsewhere (off the GUI thread) for filter ``f``."""
        if f != self.session.filter:
            return  # an answer for a filter that is no longer on
        self._fed_rows = rows
        if self.active:
            self._show(rows)
        else:
            self._stale = True

    def _on_change(self, change: Change) -> None:
        # The rows for the new filter or data come from the feed (``set_rows``).
        if change.data and self._feed is not None and not self._feed.threaded:
            self._ask_confidences()  # an index in memory answers at once
        elif change.data:
            self._confidence_timer.start()  # restarted by every batch while indexing

    def set_active(self, on: bool) -> None:
        self.active = on
        if on and self._stale:
            self.reload()

    def row_of(self, place_id: str) -> int:
        return self._row_of.get(place_id, -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMNS)):
            return self.tr(COLUMNS[section])
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole
                and section == CONFIDENCE):
            return self.tr("The geoparser's mean confidence (0 to 1) over this place's "
                           "place-name mentions in the whole index")
        return None

    def kind_name(self, kind: str) -> str:
        name = KIND_NAMES.get(kind)
        return self.tr(str(name)) if name is not None else kind

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        s = self.rows[index.row()]
        p = s.place
        col = index.column()
        confidence = self.confidence.get(p.id)
        values = (p.name, p.name_ar, p.country or "", p.kind, s.count, s.articles,
                  -1.0 if confidence is None else confidence)
        if role == Qt.ItemDataRole.DisplayRole:
            value = values[col]
            if col == CONFIDENCE:
                return "" if confidence is None else f"{confidence:.2f}"
            if col == KIND:
                return self.kind_name(p.kind)
            if col in (0, COUNTRY):  # a Latin name or code, whole inside an Arabic row
                return english(str(value))
            return number(value) if isinstance(value, int) else value
        if role == SortRole:
            return values[col]
        if role == PlaceIdRole:
            return p.id
        if role == SearchRole:
            return f"{p.name} {p.name_ar} {p.country or ''} {p.kind} {self.kind_name(p.kind)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (MENTIONS, ARTICLES, CONFIDENCE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            mentions = counts().mentions(s.count)
            articles = counts().articles(s.articles)
            text = self.tr("{name}: {mentions} in {articles}").format(
                name=both(p.name, p.name_ar), mentions=mentions, articles=articles)
            return f"<p>{html.escape(text)}</p>"
        return None


class PlacesProxy(QSortFilterProxyModel):
    """Sorts by the columns' values (numbers as numbers); filters on any name, the country
    code or the kind."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setFilterRole(SearchRole)
        self.setFilterKeyColumn(0)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted by the source model, in Python, at once; the proxy only filters."""
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)


class PlacesTable(QWidget):
    """A filter box over the sortable table of places."""

    def __init__(self, model: SessionModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = model
        self.model = PlacesTableModel(model, self)
        self.proxy = PlacesProxy(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit(self)
        self.search.setObjectName("placeSearch")
        self.search.setPlaceholderText(self.tr("Find a place…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        layout.addWidget(self.search)
        self.view = QTableView(self)
        self.view.setObjectName("placesTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(MENTIONS, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        layout.addWidget(self.view)
        self.fit_columns()
        self._following = False  # the table is being made to show the session's selection
        self.view.selectionModel().selectionChanged.connect(self._on_rows_selected)
        model.changed.connect(self._on_change)
        self.model.modelReset.connect(self.show_selection)

    def fit_columns(self) -> None:
        """Every column wide enough for its heading and its values (counts up to 9,999,999,
        the longest kind). The counts come right after the name in the interface's language
        and the table never gets narrower than the name and the counts: however narrow the
        dock, Mentions, Articles and Confidence stay whole in view (the other name, the
        country and the kind follow, scrolled to if need be)."""
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        bold = QFontMetrics(header.font())
        pad = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 24  # the arrow

        def heading(col: int) -> int:
            text = self.model.headerData(col, Qt.Orientation.Horizontal)
            return bold.horizontalAdvance(str(text)) + pad

        samples = {MENTIONS: counts().number(9_999_999), ARTICLES: counts().number(9_999_999),
                   CONFIDENCE: "0.00",
                   KIND: max((self.model.kind_name(k) for k in KIND_NAMES),
                             key=metrics.horizontalAdvance),
                   COUNTRY: "WW"}
        numbers = 0
        for col, sample in samples.items():
            width = max(heading(col), metrics.horizontalAdvance(sample) + pad)
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, width)
            if col in (MENTIONS, ARTICLES, CONFIDENCE):
                numbers += width
        for col in (0, 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, max(NAME_WIDTH, heading(col)))
        header.setStretchLastSection(True)
        # The name in the interface's language first (Arabic in the Arabic interface), then
        # the counts, then the rest.
        first, other = (1, 0) if arabic_interface() else (0, 1)
        for visual, logical in enumerate((first, MENTIONS, ARTICLES, CONFIDENCE, other,
                                          COUNTRY, KIND)):
            header.moveSection(header.visualIndex(logical), visual)
        self.view.setMinimumWidth(numbers + header.sectionSize(first)
                                  + self.view.frameWidth() * 2
                                  + self.view.verticalScrollBar().sizeHint().width())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.FontChange):
            self.fit_columns()

    def _on_rows_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._following:
            return
        rows = self.view.selectionModel().selectedRows()
        if rows:
            pid = self.proxy.data(rows[0], PlaceIdRole)
            if isinstance(pid, str):
                self.session.select(pid)

    def _on_change(self, change: Change) -> None:
        if change.selection:
            self.show_selection()

    def show_selection(self) -> None:
        """Select (and scroll to) the session's selected place's row; none when it has none."""
        pid = self.session.selected_place
        row = self.model.row_of(pid) if pid is not None else -1
        selection = self.view.selectionModel()
        self._following = True
        try:
            if row < 0:
                selection.clearSelection()
                return
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if not index.isValid():  # hidden by the filter box
                selection.clearSelection()
                return
            selection.select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                             | QItemSelectionModel.SelectionFlag.Rows)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.view.scrollTo(index)
        finally:
            self._following = False

    def selected_place(self) -> str | None:
        """The place of the selected row (None: no row selected)."""
        rows = self.view.selectionModel().selectedRows()
        pid = self.proxy.data(rows[0], PlaceIdRole) if rows else None
        return pid if isinstance(pid, str) else None


class PlacesDock(QDockWidget):
    def __init__(self, model: SessionModel, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Places"), parent)
        self.setObjectName("placesDock")
        self.table = PlacesTable(model, self)
        self.setWidget(self.table)
        self.visibilityChanged.connect(self.table.model.set_active)
