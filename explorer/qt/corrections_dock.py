"""The Corrections dock: every stored correction (what, where, scope, when), filtered by text
and scope, each one taken back with a button or the Delete key (a real deletion in the index:
it stays undone after a restart); and the review queue (``review_queue``).

It reads the index through ``Corrections.ask`` (on the corrections thread, after the edits
sent before) and reloads whenever a correction is stored or taken back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from explorer.corrections import ACCEPTED, SCOPES, Scope, folded_name
from explorer.qt.corrections_ui import Corrections
from explorer.qt.names import FSI, PDI, both, ltr
from explorer.qt.review_queue import ReviewQueue
from explorer.review import Listed, listed
from explorer.session import Change
from explorer.workspace import Index


def isolated(text: str) -> str:
    """``text`` (a name, a title, a passage: Arabic or not) kept in one piece in any line:
    the bidirectional algorithm cannot move it or its neighbours' punctuation."""
    return f"{FSI}{text}{PDI}" if text else ""


def scope_text(scope: Scope) -> str:
    """A scope as the dock names it."""
    return {"mention": QCoreApplication.translate("CorrectionsList", "this mention"),
            "article": QCoreApplication.translate("CorrectionsList", "this article"),
            "corpus": QCoreApplication.translate("CorrectionsList", "the whole corpus"),
            }[scope]


def what_text(item: Listed) -> str:
    """«name» → place, «name»: not a place, «name» accepted as place."""
    c = item.correction
    if c.action == "reject":
        return QCoreApplication.translate("CorrectionsList", "«{name}»: not a place").format(
            name=isolated(c.surface))
    place = both(item.place.name, item.place.name_ar) if item.place else ltr(c.target or "")
    if c.note == ACCEPTED:
        return QCoreApplication.translate("CorrectionsList", "«{name}» accepted as {place}"
                                          ).format(name=isolated(c.surface), place=place)
    return f"«{isolated(c.surface)}» → {place}"


def where_text(item: Listed) -> str:
    """The article (its title, else its file) and, for one mention, its passage."""
    c = item.correction
    if c.scope == "corpus":
        return QCoreApplication.translate("CorrectionsList", "every article")
    article = isolated(item.title or c.doc or "")
    return f"{article} — {isolated(item.passage)}" if item.passage else article


class CorrectionsList(QWidget):
    """The stored corrections, newest first. A double click (or Return) on one opens its
    article in the reader (``articleRequested``: its file)."""

    articleRequested = Signal(str)
    COLUMNS = ("What", "Where", "Scope", "When")

    def __init__(self, corrections: Corrections, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.corrections = corrections
        self.items: list[Listed] = []  # every stored correction, as last read
        self.shown: list[Listed] = []  # the rows of the table (filtered)
        self.loads = 0  # answers received (tests wait on it)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("correctionsFilter")
        self.search.setPlaceholderText(self.tr("Filter corrections (name, place, article)…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.refill())
        bar.addWidget(self.search, 1)
        self.scope = QComboBox(self)
        self.scope.setObjectName("correctionsScope")
        self.scope.addItem(self.tr("Every scope"), "")
        for key in SCOPES:
            self.scope.addItem(scope_text(key), key)
        self.scope.currentIndexChanged.connect(lambda _i: self.refill())
        bar.addWidget(self.scope)
        layout.addLayout(bar)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setObjectName("correctionsTable")
        self.table.setHorizontalHeaderLabels([self.tr("What"), self.tr("Where"),
                                              self.tr("Scope"), self.tr("When")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_button)
        layout.addWidget(self.table, 1)
        foot = QHBoxLayout()
        self.count = QLabel(self)
        self.count.setObjectName("correctionsCount")
        foot.addWidget(self.count, 1)
        self.undo = QPushButton(self.tr("Undo the selected corrections"), self)
        self.undo.setObjectName("undoCorrection")
        self.undo.setToolTip(self.tr("Take the selected corrections back for good (Delete)"))
        self.undo.clicked.connect(self.undo_selected)
        foot.addWidget(self.undo)
        layout.addLayout(foot)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.undo_selected)
        self.table.itemDoubleClicked.connect(lambda item: self.open_row(item.row()))
        self.table.itemActivated.connect(lambda item: self.open_row(item.row()))
        self._update_button()
        corrections.changed.connect(self.reload)

    def reload(self) -> None:
        """Read the stored corrections again (on the corrections thread)."""

        place_of = self.corrections.known_place

        def read(db: Index) -> object:
            return listed(db, place_of)

        if not self.corrections.ask(read, self._loaded):
            self._loaded([])

    def _loaded(self, value: object) -> None:
        self.loads += 1
        if isinstance(value, Exception):
            self.items = []
            self.count.setText(str(value))
        else:
            self.items = [x for x in value if isinstance(x, Listed)] \
                if isinstance(value, list) else []
        self.refill()

    def refill(self) -> None:
        """The table: the corrections the filter text and scope keep."""
        text = folded_name(self.search.text())
        scope = self.scope.currentData()
        rows = []
        for item in self.items:
            if scope and item.correction.scope != scope:
                continue
            cells = (what_text(item), where_text(item), scope_text(item.correction.scope),
                     ltr(item.correction.created.replace("T", " ")))  # date, time in order
            if text and text not in folded_name(" ".join((*cells, item.correction.doc or ""))):
                continue
            rows.append((item, cells))
        self.shown = [item for item, _cells in rows]
        self.table.setRowCount(len(rows))
        for r, (item, cells) in enumerate(rows):
            for k, cell in enumerate(cells):
                cell_item = QTableWidgetItem(cell)
                cell_item.setToolTip(cell)
                cell_item.setData(Qt.ItemDataRole.UserRole, item.correction.id)
                self.table.setItem(r, k, cell_item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        self.table.resizeColumnToContents(3)
        n, total = len(rows), len(self.items)
        self.count.setText(self.tr("{n} of {total} corrections").format(n=f"{n:,}",
                                                                      total=f"{total:,}"))
        self._update_button()

    def _update_button(self) -> None:
        self.undo.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def open_row(self, row: int) -> None:
        """Open the article of the correction on ``row`` (none for the whole corpus)."""
        if 0 <= row < len(self.shown) and (doc := self.shown[row].correction.doc):
            self.articleRequested.emit(doc)

    def undo_selected(self) -> None:
        """Take back the selected corrections (deleted from the index)."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        for row in rows:
            if 0 <= row < len(self.shown):
                self.corrections.remove(self.shown[row].correction)


class CorrectionsDock(QDockWidget):
    """View → Corrections: the stored corrections and the review queue, as two tabs; either
    asks for an article to be opened in the reader (``articleRequested``)."""

    articleRequested = Signal(str)

    def __init__(self, corrections: Corrections, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Corrections"), parent)
        self.setObjectName("correctionsDock")
        self.tabs = QTabWidget(self)
        self.list = CorrectionsList(corrections, self.tabs)
        self.queue = ReviewQueue(corrections, self.tabs)
        self.tabs.addTab(self.list, self.tr("Stored"))
        self.tabs.addTab(self.queue, self.tr("Review queue"))
        self.setWidget(self.tabs)
        self.list.articleRequested.connect(self.articleRequested)
        self.queue.articleRequested.connect(self.articleRequested)
        self.corrections = corrections
        self._path = corrections.workspace.index_path  # the index the tabs were read from
        self.visibilityChanged.connect(self._shown)
        self.tabs.currentChanged.connect(lambda _i: self._shown(self.isVisible()))
        corrections.workspace.session.changed.connect(self._on_change)

    @classmethod
    def docked(cls, window: QMainWindow, corrections: Corrections, view_menu: QMenu,
               open_article: Callable[[str], object]) -> CorrectionsDock:
        """The dock, hidden on the window's right, shown from the view menu's list of docks."""
        dock = cls(corrections, window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.hide()
        dock.articleRequested.connect(open_article)
        docks_end = next(a for a in view_menu.actions() if a.isSeparator())
        view_menu.insertAction(docks_end, dock.toggleViewAction())
        return dock

    def _on_change(self, change: Change) -> None:
        """Another folder's index: what the tabs show is read again (now if shown)."""
        path = self.corrections.workspace.index_path
        if not change.data or path == self._path:
            return
        self._path = path
        self.queue.loaded = False
        self._shown(self.isVisible())

    def _shown(self, visible: bool) -> None:
        """Read what the visible tab shows when it is shown (the folder may have changed)."""
        if not visible:
            return
        self._path = self.corrections.workspace.index_path
        if self.tabs.currentWidget() is self.list:
            self.list.reload()
        else:
            self.queue.setFocus()  # its keys (A, C, N, J, K) work at once
            if not self.queue.loaded:
                self.queue.reload()


__all__ = ["CorrectionsDock", "CorrectionsList"]
