"""The window's side panels: the country filter, the status bar, the notice, the problems."""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from explorer.article import Problem
from explorer.qt.counts import number
from explorer.qt.models import CodeRole, CountryFilterProxy, CountryListModel
from explorer.qt.session_model import SessionModel

#: The rate and the time left are said once batches have come in for this long.
RATE_AFTER_S = 1.0


class ProblemsDialog(QDialog):
    def __init__(self, problems: Sequence[Problem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Problems while reading"))
        self.setObjectName("problemsDialog")
        layout = QVBoxLayout(self)
        self.list = QListWidget(self)
        self.list.addItems([str(p) for p in problems])
        layout.addWidget(QLabel(self.tr("{count} files or entries could not be used:").format(
            count=len(problems)), self))
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(700, 300)


class CountryFilter(QWidget):
    """Country list with mention counts; a click checks or unchecks a country in the
    session's filter; "All countries" clears the countries and the selection."""

    def __init__(self, model: SessionModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = model
        self.model = CountryListModel(model, self)
        self.proxy = CountryFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Countries"), self))
        self.search = QLineEdit(self)
        self.search.setObjectName("countrySearch")
        self.search.setPlaceholderText(self.tr("Find a country…"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(self.tr("Shorten the list to the countries whose English or "
                                       "Arabic name holds these letters"))
        self.search.textChanged.connect(self.proxy.set_query)
        layout.addWidget(self.search)
        self.view = QListView(self)
        self.view.setObjectName("countryList")
        self.view.setModel(self.proxy)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # Long names ("United Arab Emirates الإمارات العربية المتحدة") wrap between words
        # instead of running off the side.
        self.view.setWordWrap(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.clicked.connect(self._toggle)
        self.view.setToolTip(self.tr("Tick countries to show only their places (click, or "
                                     "Enter or Space on the current one)"))
        self.view.installEventFilter(self)  # Enter or Space ticks the current country
        layout.addWidget(self.view)
        self.all_button = QPushButton(self.tr("All countries"), self)
        self.all_button.setToolTip(self.tr("Untick every country: places everywhere"))
        self.all_button.clicked.connect(model.clear)
        layout.addWidget(self.all_button)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter, Return or Space on the country list ticks or unticks the current country."""
        if (watched is self.view and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
                and self.view.currentIndex().isValid()):
            self._toggle(self.view.currentIndex())
            return True
        return super().eventFilter(watched, event)

    def _toggle(self, index: QModelIndex) -> None:
        code = self.proxy.data(index, CodeRole)
        if isinstance(code, str):
            self.session.set_countries(self.session.filter.countries ^ {code})

    def selected(self) -> list[str]:
        return sorted(self.session.filter.countries)

    def select(self, codes: Sequence[str]) -> None:
        """Filter on exactly ``codes``."""
        self.session.set_countries(frozenset(codes))

    def clear(self) -> None:
        self.session.clear()


def duration(seconds: float) -> str:
    """"45 s", "3 min 05 s", "2 h 10 min": how long, in the interface's language."""
    s = max(0, round(seconds))
    if s < 60:
        return QCoreApplication.translate("StatusBar", "{s} s").format(s=s)
    if s < 3600:
        return QCoreApplication.translate("StatusBar", "{m} min {s:02d} s").format(
            m=s // 60, s=s % 60)
    return QCoreApplication.translate("StatusBar", "{h} h {m:02d} min").format(
        h=s // 3600, m=s % 3600 // 60)


class StatusBar:
    """The status line, the indexing progress bar (done / total, rate, time left), its Cancel
    button, and the note that indexing was cancelled (kept until indexing starts again)."""

    def __init__(self, window: QMainWindow) -> None:
        bar = window.statusBar()
        self.label = QLabel(window)
        self.label.setObjectName("statusText")
        bar.addWidget(self.label, 1)
        self.cancelled_note = QLabel(QCoreApplication.translate(
            "StatusBar", "Indexing cancelled: the map shows what was indexed. Reload (F5) "
            "indexes the rest."), window)
        self.cancelled_note.setObjectName("indexingCancelled")
        self.cancelled_note.setStyleSheet("color: #8a4b00;")
        self.cancelled_note.hide()
        bar.addPermanentWidget(self.cancelled_note)
        self.progress = QProgressBar(window)
        self.progress.setObjectName("indexProgress")
        self.progress.hide()
        bar.addPermanentWidget(self.progress)
        self.cancel = QPushButton(QCoreApplication.translate("StatusBar", "Cancel"), window)
        self.cancel.setObjectName("cancelIndexing")
        self.cancel.hide()
        bar.addPermanentWidget(self.cancel)
        self._started = 0.0
        self._first: tuple[float, int] | None = None  # (time, done) at the first batch
        self._set_format(QCoreApplication.translate("StatusBar", "indexing %v / %m"))

    def _set_format(self, text: str) -> None:
        """One line, as wide as it needs (never wrapped or cut)."""
        self.progress.setFormat(text)
        shown = self.progress.text() or text
        width = self.progress.fontMetrics().horizontalAdvance(shown) + 40
        self.progress.setMinimumWidth(max(200, width))

    def indexing(self, on: bool) -> None:
        self.progress.setVisible(on)
        self.cancel.setVisible(on)
        self.cancel.setEnabled(on)
        if on:
            self.cancelled_note.hide()
            self._started = time.monotonic()
            self._first = None
            self.progress.setRange(0, 0)

    def progressed(self, done: int, total: int) -> None:
        """A batch was indexed: ``done`` of ``total`` articles."""
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        now = time.monotonic()
        counted = QCoreApplication.translate("StatusBar", "indexing {done} / {total}").format(
            done=number(done), total=number(total))
        if self._first is None:
            self._first = (now, done)
        t0, d0 = self._first
        if now - t0 >= RATE_AFTER_S and done > d0:
            rate = (done - d0) / (now - t0)
            left = max(total - done, 0) / rate
            counted = QCoreApplication.translate(
                "StatusBar", "{counted} · {rate}/s · {left} left").format(
                counted=counted, rate=number(round(rate)), left=duration(left))
        self._set_format(counted.replace("%", "%%"))

    def show_cancelled(self) -> None:
        self.cancelled_note.show()


class Notice(QWidget):
    """A line above the map saying what cannot be shown and why, with *Rebuild the index*
    when that would cure it. Hidden when all is well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setStyleSheet("#notice { background:#fff3cd; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QHBoxLayout(self)
        self.text = QLabel(self)
        self.text.setObjectName("noticeText")
        self.text.setWordWrap(True)
        layout.addWidget(self.text, 1)
        self.rebuild = QPushButton(self.tr("Rebuild the index"), self)
        self.rebuild.setObjectName("rebuildIndex")
        layout.addWidget(self.rebuild)
        self.hide()
