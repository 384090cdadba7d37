"""The main window: it composes the docks, the bars and the menus, and does nothing else.

Opening a folder is ``explorer.qt.opening``, indexing it ``explorer.qt.index_upkeep``; every
view observes one ``SessionModel`` and takes its data from the view feed's answers
(``ViewData``, through ``MapSync.viewData``); none of them changes another directly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from explorer.qt import window_state
from explorer.qt.area_filter import in_view_for
from explorer.qt.article_view import ReaderDock
from explorer.qt.bridge import MapBridge
from explorer.qt.chips import FilterChips
from explorer.qt.compare import in_timeline
from explorer.qt.corrections_dock import CorrectionsDock
from explorer.qt.corrections_ui import Corrections
from explorer.qt.exports import Exports
from explorer.qt.filter_bar import FilterBar
from explorer.qt.layers_menu import LayersMenu
from explorer.qt.map_texts import MapTexts
from explorer.qt.mapsync import MapSync
from explorer.qt.mentioned_with import under_passages
from explorer.qt.menus import Menus
from explorer.qt.notices import Notices
from explorer.qt.opening import Opening, dropped_folder, forget_folder
from explorer.qt.panels import CountryFilter, Notice, StatusBar
from explorer.qt.panes import column, side_by_side
from explorer.qt.passages import PassagePanel
from explorer.qt.passages_shown import PassagesShown
from explorer.qt.places_table import PlacesDock
from explorer.qt.problems_shown import ProblemsShown
from explorer.qt.scheme import app_url
from explorer.qt.search_box import SearchBox
from explorer.qt.session_model import SessionModel
from explorer.qt.status import StatusLine
from explorer.qt.timeline import TimelineDock
from explorer.qt.webview import WINDOW_PAGE, MapView
from explorer.resources import resources_dir
from explorer.settings import Settings

# The map and its side panels never get smaller than this: whole Arabic words stay whole.
MINIMUM_SIZE = (900, 420)


class MainWindow(QMainWindow):
    """Map in the middle, country filter on the left, passages on the right."""

    mapReady = Signal()  # the page is loaded and connected
    mapDrawn = Signal()  # the page has painted everything sent to it
    placeSelected = Signal(str)
    indexingFinished = Signal(bool)  # True: ran to the end; False: cancelled or failed

    def __init__(self, root: Path | None = None, parent: QWidget | None = None, *,
                 settings: Settings | None = None, view: MapView | None = None) -> None:
        """``view``: a map view already loading ``WINDOW_PAGE`` (see ``explorer.qt.app``)."""
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(f"explorer — {root}" if root else "explorer")
        self.session = session = SessionModel(self)
        self.problem_list = ProblemsShown(settings, self)
        self.problems_button = self.problem_list.button
        self.filter = CountryFilter(session, self)
        self.view = view or MapView(resources_dir())
        self.view.setParent(self)
        # A click counts on a marker the page was sent (never asked of the index here).
        self.bridge = MapBridge(lambda pid: pid in self.map_sync.known, self)
        self.bridge.events.ready.connect(self.mapReady.emit)
        self.view.channel.registerObject("bridge", self.bridge)
        self.map_sync = MapSync(session, self.bridge, self)
        self.map_texts = MapTexts(self)
        self.bridge.events.ready.connect(self.send_map_texts)

        self.search = SearchBox(session, self)
        self.passages = PassagePanel(self)
        self.passages.setMinimumWidth(300)
        self.passages_shown = PassagesShown(session, self.passages,
                                            lambda code: self.chips.region_name(code),
                                            lambda: self.notices.blocked)
        self.passage_split, self.mentioned_with = under_passages(
            self.passages, self.passages_shown, session, self.map_sync)
        self.splitter = side_by_side(self, [
            (column(self, self.filter, self.problem_list.button), 0, 260), (self.view, 3, 680),
            (column(self, self.search, self.passage_split, margins=0), 2, 460)])

        self.notice = Notice(self)
        self.notice_text, self.rebuild_button = self.notice.text, self.notice.rebuild
        self.filter_bar = FilterBar(session, self)
        self.chips = FilterChips(session, self)
        central = column(self, self.notice, self.filter_bar, self.chips, self.splitter,
                         margins=4, stretch=self.splitter)  # the bars keep their height
        central.setMinimumSize(*MINIMUM_SIZE)  # on the central widget: docks and bars add
        self.setCentralWidget(central)
        self.notices = Notices(self.notice, session, self.search, self.passages,
                               self.passages_shown.refresh, lambda: self.ws.db is not None, self)
        self.show_notice, self.hide_notice = self.notices.show, self.notices.hide
        self.refresh_passages = self.passages_shown.refresh

        self.status = StatusBar(self)
        self.places = PlacesDock(session, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.places)
        self.article = ReaderDock(session, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.article)
        self.article.hide()
        self.passages.articleRequested.connect(self.article.open)
        self.timeline = TimelineDock(session, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.timeline)
        self.status_line = StatusLine(self.status, session, self.map_sync, self.chips.region_name,
                                      lambda: self.ws.indexing, self)
        # Every view shows the view feed's answers (never asks the index itself).
        data = self.map_sync.viewData
        data.connect(lambda d: self.filter.model.set_rows(d.countries, d.filter))
        data.connect(lambda d: self.places.table.model.set_rows(d.places, d.filter))
        data.connect(lambda d: self.timeline.timeline.set_days(d.timeline, d.filter))
        data.connect(lambda d: self.chips.learn_names(d.countries, d.regions))
        data.connect(self.filter_bar.show_data)
        data.connect(self.status_line.show_data)

        self.menus = Menus(
            self, open_folder=lambda: self.opening.choose_folder(),
            open_recent=lambda f: self.opening.switch_folder(f), find=self.search.focus,
            clear_selection=lambda: session.select(None),
            reload=lambda: self.opening.upkeep.reload(),
            docks=[self.places.toggleViewAction(), self.article.toggleViewAction(),
                   self.timeline.toggleViewAction()],
            count_once=lambda on: session.set_filter(replace(session.filter, once=on)))
        self.menus.set_recent(settings.recent_corpora if settings else [])
        # "Within N km": the places table's context menu, of the place the panel shows.
        self.in_view = in_view_for(session, self.menus.view, self.bridge.events, self.map_sync,
                                   self.places.table.view, lambda: self.passages_shown.summary)
        self.layers_menu = LayersMenu(self.menuBar(), self.menus.help.menuAction(),
                                      self.map_sync, lambda: self.index_path, self)
        saved_problem = self.problem_list.saved_setting(lambda: self.index_path)
        self.layers_menu.problem.connect(saved_problem)
        self.exports = Exports(
            self, self.menus.file, self.menus.after_recent(),
            lambda: (self.opening.export_reader(), session.filter), self.view, lambda: self.root)
        self.comparison = in_timeline(
            session, self.map_sync.send, lambda: self.opening.export_reader(), self.timeline,
            self.bridge.events.ready, self.chips, self, lambda: self.index_path, saved_problem,
            painted=self.map_sync.painted)  # and Play waits for the page to paint each step
        self.setAcceptDrops(True)
        self.view.setAcceptDrops(False)  # a folder dropped on the map opens, not navigates

        self.opening = Opening(
            self, settings=settings, menus=self.menus, session=session, map_sync=self.map_sync,
            status=self.status, status_line=self.status_line, notices=self.notices,
            problems=self.problem_list, passages_shown=self.passages_shown,
            layers_menu=self.layers_menu, places=self.places.table.model,
            new_folder=lambda: forget_folder(session, self.search, self.article))
        self.opening.root = Path(root) if root is not None else None
        self.opening.mapDrawn.connect(self.mapDrawn)
        self.opening.indexingFinished.connect(self.indexingFinished)
        self.ws, self.watcher = self.opening.ws, self.opening.upkeep.watcher
        self.rebuild_button.clicked.connect(self.opening.upkeep.rebuild_index)
        self.show_index, self.open_folder = self.opening.show_index, self.opening.open_folder
        self.start_indexing, self.switch_folder = (self.opening.upkeep.start_indexing,
                                                   self.opening.switch_folder)
        self.select_place, self.apply_search = session.select, self.search.apply
        self.set_countries: Callable[[Sequence[str]], None] = (
            lambda codes: session.set_countries(frozenset(codes)))
        self._save_filter: Callable[[], None] = (
            lambda: self.opening.saved_filter.save(self.index_path))
        self.update_status = self.status_line.update

        session.changed.connect(lambda _c: self.menus.show_once(session.filter.once))
        session.changed.connect(lambda c: self.placeSelected.emit(self.selected_place) if
                                c.selection and self.selected_place is not None else None)
        self.corrections = Corrections(self.opening, self)  # Edit → Undo/Redo, context menus
        self.corrections.attach(edit=self.menus.edit, file=self.menus.file,
                                passages=self.passages, reader=self.article.view,
                                points=self.bridge.events.point,
                                cancel=self.menus.clear_selection.triggered)
        self.corrections_dock = CorrectionsDock.docked(self, self.corrections, self.menus.view,
                                                       self.article.open)
        self.resize(1400, 860)
        if settings is not None:
            window_state.restore(settings, self, self.splitter, session, self.root)
        self.refresh_passages()
        self.update_status()
        if view is None:  # the page is loaded once; all it shows comes through the channel
            self.view.setUrl(app_url(WINDOW_PAGE))

    root = property(lambda self: self.opening.root)
    reader = property(lambda self: self.session.reader)
    index_path = property(lambda self: self.ws.index_path)
    worker = property(lambda self: self.ws.worker)
    indexing_done = property(lambda self: self.ws.indexing_done)
    feed = property(lambda self: self.opening.feed)
    passage_feed = property(lambda self: self.passages_shown.feed)
    problems = property(lambda self: self.problem_list.all)
    selected_place = property(lambda self: self.session.selected_place)
    countries = property(lambda self: sorted(self.session.filter.countries))
    map_ready = property(lambda self: self.bridge.is_ready)
    map_up_to_date = property(lambda self: self.map_sync.up_to_date)
    disposed = property(lambda self: self.opening.disposed)

    def save_settings(self) -> None:
        if self.settings is not None:
            window_state.save(self.settings, self, self.splitter, self.countries, self.root)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_folder(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        folder = dropped_folder(event)
        if folder is not None:
            event.acceptProposedAction()
            self.switch_folder(folder)

    def run_js(self, code: str, callback: Callable[[Any], None] | None = None) -> None:
        """Evaluate ``code`` in the page (tests and screenshots; data go through the channel)."""
        if not self.disposed:
            self.view.page().runJavaScript(code, 0, *([callback] if callback else []))

    def send_map_texts(self) -> None:
        """The map's labels and legend in the interface's language."""
        self.map_sync.send(self.map_texts.message(self.layers_menu.legends()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.map_ready:
            self.send_map_texts()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.dispose()
        super().closeEvent(event)

    def dispose(self) -> None:
        if self.disposed:
            return
        self.opening.dispose()  # watching and indexing stopped
        self.corrections.wait()  # the edits made are written before the window goes
        self._save_filter()
        self.session.dispose()
        self.exports.wait()
        self.opening.close()
        self.view.dispose()

