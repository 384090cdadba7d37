"""The main window: country filter, map, passage panel, problems."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QCloseEvent
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
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from explorer.article import Problem
from explorer.index import CorpusIndex
from explorer.mapdoc import map_html
from explorer.passage_view import explanation_html
from explorer.qt.bridge import MapBridge
from explorer.qt.models import CodeRole, CountryFilterProxy, CountryListModel
from explorer.qt.passages import PassagePanel
from explorer.qt.webview import MapView
from explorer.query import Filter
from explorer.resources import resources_dir
from explorer.settings import Settings, decode_bytes, encode_bytes

log = logging.getLogger(__name__)


class ProblemsDialog(QDialog):
    def __init__(self, problems: Sequence[Problem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Problems while reading")
        self.setObjectName("problemsDialog")
        layout = QVBoxLayout(self)
        self.list = QListWidget(self)
        self.list.addItems([str(p) for p in problems])
        layout.addWidget(QLabel(f"{len(problems)} files or entries could not be used:", self))
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(700, 300)


class CountryFilter(QWidget):
    """Country list with mention counts; several can be selected; "All countries" clears."""

    changed = Signal(list)  # ISO codes; [] means all

    def __init__(self, index: CorpusIndex, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CountryListModel(index, self)
        self.proxy = CountryFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Countries", self))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Find a country…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        layout.addWidget(self.search)
        self.view = QListView(self)
        self.view.setObjectName("countryList")
        self.view.setModel(self.proxy)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.view.selectionModel().selectionChanged.connect(self._emit)
        layout.addWidget(self.view)
        self.all_button = QPushButton("All countries", self)
        self.all_button.clicked.connect(self.clear)
        layout.addWidget(self.all_button)
        self._selected: list[str] = []

    def _emit(self, *_: Any) -> None:
        codes = sorted(
            {self.proxy.data(i, CodeRole) for i in self.view.selectionModel().selectedIndexes()}
        )
        if codes != self._selected:
            self._selected = codes
            self.changed.emit(codes)

    def selected(self) -> list[str]:
        return list(self._selected)

    def select(self, codes: Sequence[str]) -> None:
        """Select exactly ``codes`` (unknown codes are ignored)."""
        sel = self.view.selectionModel()
        sel.clearSelection()
        for code in codes:
            row = self.model.row_of(code)
            if row >= 0:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if index.isValid():
                    sel.select(index, QItemSelectionModel.SelectionFlag.Select)
        self._emit()

    def clear(self) -> None:
        self.view.selectionModel().clearSelection()
        self._emit()


class MainWindow(QMainWindow):
    """Map in the middle, country filter on the left, passages on the right."""

    mapReady = Signal()
    placeSelected = Signal(str)

    def __init__(
        self,
        index: CorpusIndex,
        parent: QWidget | None = None,
        *,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self._disposed = False
        self.index = index
        self.settings = settings
        self.selected_place: str | None = None
        self.countries: list[str] = []
        self.map_ready = False
        self.setWindowTitle(f"explorer — {index.corpus.root}")

        self.filter = CountryFilter(index, self)
        self.filter.changed.connect(self.set_countries)
        problems = list(index.corpus.problems) + (settings.problems if settings else [])
        self.problems = problems
        self.problems_button = QPushButton(f"Problems ({len(problems)})", self)
        self.problems_button.setObjectName("problemsButton")
        self.problems_button.setEnabled(bool(problems))
        self.problems_button.clicked.connect(self.show_problems)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.problems_button)

        self.view = MapView(resources_dir(), self)
        self.bridge = MapBridge(lambda pid: index.place(pid) is not None, self)
        self.bridge.events.clicked.connect(self.select_place)
        self.bridge.events.ready.connect(self._on_map_ready)
        self.view.channel.registerObject("bridge", self.bridge)

        self.passages = PassagePanel(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.passages)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([260, 680, 460])
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.setCentralWidget(central)
        n = len(index.articles)
        self.statusBar().showMessage(
            f"{n} article{'s' * (n != 1)} · {len(index.places())} places · "
            f"{len(problems)} problem{'s' * (len(problems) != 1)}"
        )
        self.resize(1400, 860)
        self._restore_settings()
        self.refresh_passages()
        self.view.load_html(map_html(index, for_qt=True))

    # -- settings -------------------------------------------------------------------------------

    def _same_corpus(self) -> bool:
        s = self.settings
        return bool(s and s.last_corpus_dir == str(self.index.corpus.root.resolve()))

    def _restore_settings(self) -> None:
        s = self.settings
        if s is None:
            return
        geometry = decode_bytes(s.window_geometry)
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        splitter = decode_bytes(s.splitter_state)
        if splitter:
            self.splitter.restoreState(QByteArray(splitter))
        if self._same_corpus() and s.countries:
            self.filter.select(s.countries)

    def save_settings(self) -> None:
        s = self.settings
        if s is None:
            return
        s.last_corpus_dir = str(self.index.corpus.root.resolve())
        s.countries = list(self.countries)
        s.window_geometry = encode_bytes(bytes(self.saveGeometry().data()))
        s.splitter_state = encode_bytes(bytes(self.splitter.saveState().data()))
        problem = s.save()
        if problem is not None:
            log.warning("%s", problem)

    # -- map ------------------------------------------------------------------------------

    def _on_map_ready(self) -> None:
        self.map_ready = True
        if self.countries:
            self._push_countries()
        self.mapReady.emit()

    def run_js(self, code: str, callback: Callable[[Any], None] | None = None) -> None:
        if self._disposed:
            return
        page = self.view.page()
        if callback is None:
            page.runJavaScript(code, 0)
        else:
            page.runJavaScript(code, 0, callback)

    def _push_countries(self) -> None:
        self.run_js(f"explorer.setCountries({json.dumps(self.countries)})")

    # -- selection ----------------------------------------------------------------------------

    def select_place(self, place_id: str) -> None:
        if self.index.place(place_id) is None:
            return
        self.selected_place = place_id
        self.refresh_passages()
        self.placeSelected.emit(place_id)

    def set_countries(self, codes: Sequence[str]) -> None:
        self.countries = sorted(codes)
        if self.selected_place is not None:
            summary = self.index.place(self.selected_place)
            if self.countries and summary and summary.place.country not in self.countries:
                self.selected_place = None
        if self.map_ready and not self._disposed:
            self._push_countries()
            if self.selected_place is None:
                self.run_js("explorer.select(null)")
        self.refresh_passages()

    def refresh_passages(self) -> None:
        countries = self.countries or None
        if self.selected_place is not None:
            summary = self.index.place(self.selected_place)
            assert summary is not None
            p = summary.place
            hits = self.index.passages(Filter(frozenset(self.countries)), p.id, 0, sys.maxsize)
            articles = len({h.article.doc for h in hits})
            mentions = [m for h in hits for m in h.mentions if m.place.id == p.id]
            self.passages.show_hits(
                hits,
                p.name,
                heading_ar=p.name_ar,
                summary=f"{len(mentions)} mentions in {len(hits)} passages of {articles} "
                f"article{'s' * (articles != 1)}",
                explanation=explanation_html(mentions),
            )
        elif countries:
            hits = self.index.passages(Filter(frozenset(countries)), None, 0, sys.maxsize)
            known = {c.code: c for c in self.index.countries()}
            names = ", ".join(
                f"{known[c].name} · {known[c].name_ar}" if c in known else c for c in countries
            )
            self.passages.show_hits(hits, f"Passages naming places in: {names}")
        else:
            self.passages.show_hits(
                [], "Click a place on the map",
                "Its passages appear here, grouped by article. Choose countries on the left to "
                "narrow the map and the passages.",
            )

    # -- problems, closing ------------------------------------------------------------------

    def show_problems(self) -> None:
        ProblemsDialog(self.problems, self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.dispose()
        super().closeEvent(event)

    def dispose(self) -> None:
        if self._disposed:
            return
        self._disposed = True
        self.view.dispose()
