"""The main window: country filter, map, passage search and panel, indexing in the status bar.

The window is built at once, before anything is read; an indexer then runs on its own thread
(``explorer.qt.indexing_thread``) and every batch it finishes fills in the map, the counts and the
lists. All views observe one ``SessionModel``; none of them changes another directly.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from explorer import filter_store
from explorer.article import Problem
from explorer.corpus import DEFAULT_MAX_BYTES, CorpusError, merge_ocr_problems
from explorer.qt import window_state
from explorer.qt.area_filter import InView
from explorer.qt.article_view import ReaderDock
from explorer.qt.bridge import MapBridge
from explorer.qt.chips import FilterChips
from explorer.qt.corrections_dock import CorrectionsDock
from explorer.qt.corrections_ui import Corrections
from explorer.qt.counts import counts
from explorer.qt.exports import Exports, Opener
from explorer.qt.feed import Feed, ViewData
from explorer.qt.filter_bar import FilterBar
from explorer.qt.index_notices import index_notice
from explorer.qt.indexing_thread import Indexing, IndexingStopped, IndexWorker
from explorer.qt.layers_menu import LayersMenu
from explorer.qt.map_texts import MapTexts
from explorer.qt.mapsync import MapSync
from explorer.qt.menus import Menus
from explorer.qt.panels import CountryFilter, Notice, ProblemsDialog, StatusBar
from explorer.qt.passage_feed import PassageFeed
from explorer.qt.passages import PassagePanel
from explorer.qt.passages_shown import PassagesShown
from explorer.qt.places_table import PlacesDock
from explorer.qt.reader import SafeReader
from explorer.qt.scheme import app_url
from explorer.qt.search_box import SearchBox
from explorer.qt.session_model import SessionModel
from explorer.qt.status_text import status_text
from explorer.qt.timeline import TimelineDock
from explorer.qt.watcher import FolderWatcher
from explorer.qt.webview import WINDOW_PAGE, MapView
from explorer.qt.workspace_qt import WorkspaceQt
from explorer.query import MAX_QUERY_WORDS, Filter, IndexReader
from explorer.resources import resources_dir
from explorer.session import Change
from explorer.settings import Settings
from explorer.workspace import (
    Index,
    IndexUnavailable,
    Problems,
    index_problems,
    read_saved_filter,
    save_filter,
)

log = logging.getLogger(__name__)

# The map and its side panels never get smaller than this: whole Arabic words stay whole.
MINIMUM_SIZE = (900, 420)
# At most this long after opening, the indexer checks the folder even if the map is not drawn.
INDEX_CHECK_DELAY_MS = 3000


class MainWindow(QMainWindow):
    """Map in the middle, country filter on the left, passages on the right."""

    mapReady = Signal()  # the page is loaded and connected
    mapDrawn = Signal()  # the page has painted everything sent to it
    placeSelected = Signal(str)
    indexingFinished = Signal(bool)  # True: ran to the end; False: cancelled or failed

    def __init__(
        self,
        root: Path | None = None,
        parent: QWidget | None = None,
        *,
        settings: Settings | None = None,
        view: MapView | None = None,
    ) -> None:
        """``view``: a map view already loading ``WINDOW_PAGE`` (see ``explorer.qt.app``)."""
        super().__init__(parent)
        self._disposed = False
        self.root = Path(root) if root is not None else None
        self.settings = settings
        self.problem_list = Problems(lambda: list(self.settings.problems) if self.settings else [])
        self.ws = WorkspaceQt(self)
        self.ws.progressed.connect(self._on_progress)
        self.ws.indexed.connect(self._on_indexed)
        self.ws.failed.connect(self._on_failed)
        # The open folder, watched: what lands in it is indexed (explorer.qt.watcher).
        self.watcher = FolderWatcher(self)
        self.watcher.changed.connect(self._on_folder_changed)
        self._changed_while_indexing = False
        self.feed: Feed | None = None
        self._stats: dict[str, int] = {}
        self._blocked = False  # a notice says there is nothing to show
        self.ws.jobs = os.cpu_count() or 1
        self._filter_restored = False  # the filter saved with the open folder was read
        self._search_noticed = False  # the notice is about the search (hidden by the next)
        self._failed_search: str | None = None  # a search the index could not run: not saved
        self._failed_error = ""  # what that search failed with (its echoes are not said again)
        self.setWindowTitle(f"explorer — {self.root}" if self.root else "explorer")
        self.session = SessionModel(self)

        self.filter = CountryFilter(self.session, self)
        self.problems_button = QPushButton(self)
        self.problems_button.setObjectName("problemsButton")
        self.problems_button.clicked.connect(self.show_problems)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.problems_button)

        self.view = view or MapView(resources_dir())
        self.view.setParent(self)
        self.bridge = MapBridge(lambda pid: self.session.place(pid) is not None, self)
        self.bridge.events.clicked.connect(self.session.select)
        self.bridge.events.background.connect(lambda: self.session.select(None))
        self.bridge.events.ready.connect(self.mapReady.emit)
        self.view.channel.registerObject("bridge", self.bridge)
        self.map_sync = MapSync(self.session, self.bridge, self)
        self.map_sync.drawn.connect(self._on_drawn)
        self.map_sync.viewData.connect(self._on_view_data)
        self.map_texts = MapTexts(self)
        self.bridge.events.ready.connect(self.send_map_texts)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.search = SearchBox(self.session, right)
        self.search.applied.connect(self._on_search_applied)
        right_layout.addWidget(self.search)
        self.passages = PassagePanel(right)
        self.passages.setMinimumWidth(300)
        self.passages_shown = PassagesShown(self.session, self.passages,
                                            lambda code: self.chips.region_name(code),
                                            lambda: self._blocked)
        right_layout.addWidget(self.passages)
        # Passage → map: a place's link selects it, a passage fits the map to its places.
        self.passages.placeClicked.connect(self.session.select)
        self.passages.passageClicked.connect(
            lambda hit: self.session.fit_places(self.passages.passage_places(hit)))

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([260, 680, 460])

        self.notice = Notice(self)
        self.notice_text = self.notice.text
        self.rebuild_button = self.notice.rebuild
        self.rebuild_button.clicked.connect(self.rebuild_index)
        central = QWidget(self)
        # On the central widget, so the layout (docks, bars) adds to it.
        central.setMinimumSize(*MINIMUM_SIZE)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.notice)
        self.filter_bar = FilterBar(self.session, central)
        layout.addWidget(self.filter_bar)
        self.chips = FilterChips(self.session, central)
        layout.addWidget(self.chips)
        layout.addWidget(self.splitter)
        layout.setStretchFactor(self.splitter, 1)  # the bars above keep their height
        self.setCentralWidget(central)

        self.status = StatusBar(self)
        self.status.cancel.clicked.connect(self.cancel_indexing)
        self.places = PlacesDock(self.session, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.places)
        self.article = ReaderDock(self.session, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.article)
        self.article.hide()
        self.passages.articleRequested.connect(self.article.open)
        self.passages.onlyArticle.connect(self.session.set_doc)
        self.timeline = TimelineDock(self.session, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.timeline)
        self.menus = Menus(
            self, open_folder=self.choose_folder, open_recent=self.switch_folder,
            find=self.focus_search, clear_selection=lambda: self.session.select(None),
            reload=self.reload,
            docks=[self.places.toggleViewAction(), self.article.toggleViewAction(),
                   self.timeline.toggleViewAction()],
            count_once=lambda on: self.session.set_filter(replace(self.session.filter, once=on)))
        self.menus.set_recent(settings.recent_corpora if settings else [])
        self.in_view = InView(self.session, self.menus.view, self.bridge.events.view,
                              self.bridge.events.box, self.map_sync.set_drawing)
        self.places.table.view.addAction(self.in_view.near_action)  # its context menu
        self.places.table.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.layers_menu = LayersMenu(self.menuBar(), self.menus.help.menuAction(),
                                      self.map_sync, lambda: self.index_path, self)
        self.layers_menu.problem.connect(self._layers_problem)
        file_actions = self.menus.file.actions()
        after_recent = file_actions.index(self.menus.recent.menuAction()) + 1
        self.exports = Exports(
            self, self.menus.file,
            file_actions[after_recent] if after_recent < len(file_actions) else None,
            lambda: (self._export_reader(), self.session.filter), self.view, lambda: self.root)
        self.setAcceptDrops(True)
        self.view.setAcceptDrops(False)  # a folder dropped on the map opens, not navigates

        self.session.changed.connect(self._on_change)
        self.corrections = Corrections(self, self)  # Edit → Undo/Redo, the context menus
        self.corrections.attach(edit=self.menus.edit, file=self.menus.file,
                                passages=self.passages, reader=self.article.view,
                                points=self.bridge.events.point,
                                cancel=self.menus.clear_selection.triggered)
        self.corrections_dock = CorrectionsDock(self.corrections, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.corrections_dock)
        self.corrections_dock.hide()
        self.corrections_dock.articleRequested.connect(self.article.open)
        docks_end = next(a for a in self.menus.view.actions() if a.isSeparator())
        self.menus.view.insertAction(docks_end, self.corrections_dock.toggleViewAction())
        self.resize(1400, 860)
        self._restore_settings()
        self._update_problems()
        self.refresh_passages()
        self.update_status()
        # The page is loaded once; everything it shows arrives through the channel.
        if view is None:
            self.view.setUrl(app_url(WINDOW_PAGE))

    # -- the index ----------------------------------------------------------------------------

    @property
    def reader(self) -> IndexReader | None:
        return self.session.reader

    @property
    def gazetteer_files(self) -> Sequence[Path]:
        """The user's gazetteer files the folder is indexed with."""
        return self.ws.gazetteer_files

    @property
    def index_path(self) -> Path | None:
        return self.ws.index_path

    @property
    def worker(self) -> IndexWorker | None:
        return self.ws.worker

    @property
    def indexing_done(self) -> bool:
        return self.ws.indexing_done

    def show_index(self, reader: IndexReader, problems: Sequence[Problem] = ()) -> None:
        """Show an index that is already built (no indexing)."""
        self._add_problems(problems)
        self.session.set_reader(reader)
        self._finish(True)

    def open_folder(
        self,
        root: Path,
        *,
        index_path: Path | None = None,
        gazetteer_files: Sequence[Path] = (),
        max_bytes: int = DEFAULT_MAX_BYTES,
        jobs: int = 1,
    ) -> None:
        """Show the folder's index as it is, then bring it up to date on a worker thread."""
        self.root = Path(root)
        self.setWindowTitle(f"explorer — {self.root}")
        try:
            self.ws.locate(self.root, index_path, gazetteer_files, max_bytes, jobs)
        except CorpusError as exc:  # the folder's path does not resolve (a link loop)
            self.show_notice(self.tr("{error}. Open a folder of .txt articles.").format(
                error=exc))
            self._finish(False)
            return
        if self.settings is not None:  # a folder that is not there is not remembered
            if self.root.is_dir():
                self.settings.add_recent(str(self.root.resolve()))
            self.menus.set_recent(self.settings.drop_missing_recent())
        indexer = self.ws.indexer
        assert indexer is not None
        if not self._open_reader():
            self._finish(False)  # nothing is indexed into an unusable index: the notice says why
            return
        if self.reader is None:
            self.start_indexing(indexer)
            return
        # An index to show: the map first, then the check for changed files (which competes
        # for the CPU), once the page has drawn or after a few seconds at most.
        self.status.label.setText(self.tr("opening the index…"))
        started: list[bool] = []

        def start_once() -> None:
            if not started and not self._disposed and self.worker is None:
                started.append(True)
                self.start_indexing(indexer)

        self.mapDrawn.connect(start_once)
        QTimer.singleShot(INDEX_CHECK_DELAY_MS, self, start_once)

    def switch_folder(self, root: Path) -> None:
        """Close what is open (indexing stopped, index closed) and open ``root`` instead,
        with the options the window was started with."""
        if self._disposed:
            return
        self.ws.stop_indexing()
        self.watcher.stop()
        self._save_filter()
        self.session.set_reader(None)
        self._set_feed(None)
        self.ws.close_db()
        self.notice.hide()
        self._blocked = False
        self.problem_list.new_folder()
        self._update_problems()
        self._stats = {}
        self.search.clear()
        self.session.clear()
        self.session.set_filter(Filter())  # the one-article filter was the old one's too
        self._filter_restored = False
        self.layers_menu.new_folder()
        self.article.close_article()
        self.map_sync.new_corpus()
        ws = self.ws
        self.open_folder(root, gazetteer_files=ws.gazetteer_files, max_bytes=ws.max_bytes,
                         jobs=ws.jobs)

    def choose_folder(self) -> None:
        """File → Open folder…: ask for a folder and open it."""
        start = str(self.root.parent) if self.root is not None else ""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open a folder of articles"), start)
        if folder:
            self.switch_folder(Path(folder))

    def reload(self) -> None:
        """View → Reload: bring the open folder's index up to date again."""
        if self.ws.indexer is not None and (self.worker is None or self.indexing_done):
            self.start_indexing(self.ws.indexer)

    def _on_folder_changed(self) -> None:
        """Files landed in (or left) the open folder: index them, with the usual progress
        and cancel; while a run goes on, once more after it."""
        if self._disposed or self.ws.indexer is None:
            return
        if self.worker is not None and not self.indexing_done:
            self._changed_while_indexing = True
            return
        self.start_indexing(self.ws.indexer)

    def focus_search(self) -> None:
        """Edit → Find…: to the full-text search box."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_folder(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        folder = _dropped_folder(event)
        if folder is not None:
            event.acceptProposedAction()
            self.switch_folder(folder)

    def _open_reader(self) -> bool:
        """Read the index if there is one; False when it is unusable (the notice says why)."""
        if self.index_path is None or not self.index_path.exists():
            return True
        try:
            db = self.ws.open_db()
        except IndexUnavailable as exc:
            if exc.reason == "unavailable":
                return True  # not built yet: the indexer builds it
            self._index_failed(exc)
            return exc.reason == "locked"
        self._add_problems(index_problems(db))
        self._restore_filter(db)
        self.layers_menu.restore(db)
        feed, passage_feed = self.ws.feeds(self)
        # Failures of a feed or reader already replaced (a rebuild) are old news.
        feed.failed.connect(
            lambda exc: self._index_failed(exc, query=True) if feed is self.feed else None)
        self._set_feed(feed)
        passage_feed.failed.connect(lambda exc: self._index_failed(exc, query=True)
                                    if passage_feed is self.passage_feed else None)
        self.passages_shown.set_feed(passage_feed)
        self.session.check_selection = False
        reader = SafeReader(
            db, lambda exc: self._index_failed(exc, query=True) if reader is self.reader else None)
        self.session.set_reader(reader)
        return True

    def _set_feed(self, feed: Feed | None) -> None:
        if self.feed is not None:
            self.feed.stop()
        self.passages_shown.set_feed(None)
        self.session.check_selection = True
        self.feed = feed
        self.map_sync.set_feed(feed)
        self.filter.model.fed = feed is not None
        self.places.table.model.set_feed(feed)
        self.timeline.timeline.fed = feed is not None
        self.chips.fed = feed is not None

    def _on_view_data(self, data: ViewData) -> None:
        self._stats = data.stats
        self.filter.model.set_rows(data.countries, data.filter)
        self.places.table.model.set_rows(data.places, data.filter)
        self.timeline.timeline.set_days(data.timeline, data.filter)
        self.chips.learn_names(data.countries)
        self.update_status()

    def start_indexing(self, indexer: Indexing) -> None:
        """Index on a worker thread; each batch it commits fills in the window."""
        self.ws.start_indexing(indexer)
        self.status.indexing(True)
        self.update_status()

    def cancel_indexing(self) -> None:
        if self.worker is not None:
            self.ws.cancel()
            self.status.cancel.setEnabled(False)

    def _on_progress(self, done: int, total: int) -> None:
        if self._disposed:
            return
        self.status.progressed(done, total)
        if self.reader is None:
            self._open_reader()
        else:
            self.session.data_landed()

    def _on_indexed(self, summary: Any) -> None:
        if self._disposed:
            return
        if self.reader is None:
            self._open_reader()
        elif getattr(summary, "deleted", 0):
            self.session.data_landed()  # files gone, none read: no batch told the views
        problems = getattr(summary, "problems", None)
        if problems is not None and not getattr(summary, "cancelled", False):
            said = [Problem(p.path, p.message, p.line) for p in problems]
            self.problem_list.indexed(merge_ocr_problems(said, self.root) if self.root else said)
            self._update_problems()
        self._finish(not getattr(summary, "cancelled", False))

    def _on_failed(self, exc: Exception) -> None:
        if self._disposed:
            return
        if isinstance(exc, IndexUnavailable):
            self._index_failed(exc)
        elif isinstance(exc, IndexingStopped):
            self.show_notice(self.tr("{error}. What was indexed is shown; see the log for "
                                     "details.").format(error=exc), blocking=False)
        else:
            self.show_notice(self.tr("{error}. Open a folder of .txt articles.").format(error=exc))
        self._finish(False)

    def _index_failed(self, exc: Exception, *, query: bool = False) -> None:
        """Say what failed; ``query``: a query of the view (with a search, the search may be
        what failed: it is taken back)."""
        if query and self.session.filter.text and getattr(exc, "reason", None) != "locked":
            # Taken back once the query that failed has returned (it may be on this stack).
            QTimer.singleShot(0, self, lambda: self._search_failed(exc))
            self._failed_search = self.session.filter.text
            self._failed_error = str(exc)
            return
        if not isinstance(exc, IndexUnavailable) and str(exc) == self._failed_error:
            return  # another view's query of the search just taken back, failing the same way
        said = index_notice(exc, shown=self.ws.db is not None)
        self.show_notice(said.message, rebuild=said.rebuild, blocking=said.blocking)

    def rebuild_index(self) -> None:
        """Set the damaged index aside (backed up), start a new one, and index again."""
        indexer = self.ws.indexer
        if self.index_path is None or indexer is None:
            return
        self.session.set_reader(None)
        self._set_feed(None)
        try:
            done = self.ws.rebuild()
        except (IndexUnavailable, OSError) as exc:
            self.show_notice(self.tr("Cannot rebuild the index: {error}").format(error=exc),
                             rebuild=True)
            return
        self.hide_notice()
        log.info("%s", done.summary())
        if not done.complete:  # something the analyst made is only in the backup now: said
            self.show_notice("\n".join(done.lines()), rebuild=False, blocking=False)
        self.start_indexing(indexer)

    def _finish(self, complete: bool) -> None:
        if self._disposed:
            return
        self.ws.indexing_done = True
        self.status.indexing(False)
        self.session.flush()
        if self.ws.indexer is not None and self.root is not None:
            self.watcher.watch(self.root)  # its new folders and files too
            if self._changed_while_indexing and complete:
                QTimer.singleShot(0, self, self._on_folder_changed)
            self._changed_while_indexing = False
        stats = self.reader.stats() if self.reader is not None else {}
        if self.root is not None and not stats.get("articles") and self.notice.isHidden():
            refused = self.problem_list.refused()
            files = counts().files(refused)
            why = self.tr(" ({files} refused, see Problems)").format(files=files) if refused else ""
            self.show_notice(self.tr("No readable article (.txt) in {folder}{why}. "
                                     "Open a folder of .txt articles.").format(
                folder=self.root, why=why))
        if not complete and self.notice.isHidden():
            self.status.show_cancelled()  # said until indexing starts again
        self.update_status()
        self.indexingFinished.emit(complete)
        if self.map_sync.up_to_date:
            self.mapDrawn.emit()

    def show_notice(self, message: str, *, rebuild: bool = False, blocking: bool = True) -> None:
        """Say ``message`` above the map; ``blocking``: there is nothing to show besides."""
        self.notice_text.setText(message)
        self._search_noticed = False
        self.rebuild_button.setVisible(rebuild)
        self.notice.show()
        self._blocked = blocking
        if blocking:
            self.passages.show_query(None, Filter(), None, heading=self.tr("Nothing to show"),
                                     empty=message)

    def hide_notice(self) -> None:
        self.notice.hide()
        self._blocked = False
        self.refresh_passages()

    # -- problems -----------------------------------------------------------------------------

    @property
    def problems(self) -> list[Problem]:
        return self.problem_list.all

    def _add_problems(self, problems: Sequence[Problem]) -> None:
        self.problem_list.add(problems)
        self._update_problems()

    def _update_problems(self) -> None:
        self.problems_button.setText(self.tr("Problems ({count})").format(count=len(self.problems)))
        self.problems_button.setEnabled(bool(self.problems))

    def show_problems(self) -> None:
        ProblemsDialog(self.problems, self).exec()

    # -- settings -----------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        if self.settings is not None:
            window_state.restore(self.settings, self, self.splitter, self.session, self.root)

    def _restore_filter(self, db: Index) -> None:
        """The filter saved with this corpus (``explorer.filter_store``), once per folder
        opened; a stored value that cannot be used is a problem, and is ignored."""
        if self._filter_restored:
            return
        self._filter_restored = True
        try:
            saved = read_saved_filter(db)
            if saved is not None:
                self.session.set_filter(saved)
        except (filter_store.BadFilter, IndexUnavailable) as exc:
            self.problem_list.add_saved([Problem(str(db.path), self.tr(
                "the saved filter cannot be used ({why}); all is shown").format(why=exc))])
            self._update_problems()

    def _layers_problem(self, why: str) -> None:
        self.problem_list.add_saved([Problem(str(self.index_path), why)])
        self._update_problems()

    def _save_filter(self) -> None:
        """Keep the filter with the corpus: in its index, if there is one."""
        path = self.index_path
        if path is None or not path.exists() or not self._filter_restored:
            return
        f = self.session.filter
        if f.text and f.text == self._failed_search:
            f = replace(f, text="")
        save_filter(path, f)

    def save_settings(self) -> None:
        if self.settings is not None:
            window_state.save(self.settings, self, self.splitter, self.countries, self.root)

    # -- the session --------------------------------------------------------------------------

    @property
    def selected_place(self) -> str | None:
        return self.session.selected_place

    @property
    def countries(self) -> list[str]:
        return sorted(self.session.filter.countries)

    @property
    def map_ready(self) -> bool:
        return self.bridge.is_ready

    @property
    def map_up_to_date(self) -> bool:
        return self.map_sync.up_to_date

    def select_place(self, place_id: str | None) -> None:
        self.session.select(place_id)

    def set_countries(self, codes: Sequence[str]) -> None:
        self.session.set_countries(frozenset(codes))

    def apply_search(self) -> None:
        self.search.apply()

    def _on_search_applied(self, dropped: int) -> None:
        if dropped:
            self._search_notice(self.tr(
                "Only the first {count} different words are searched; {dropped} left out."
            ).format(count=MAX_QUERY_WORDS, dropped=dropped))
        elif self._search_noticed:
            self.hide_notice()

    def _search_notice(self, message: str) -> None:
        self.show_notice(message, blocking=False)
        self._search_noticed = True

    def _search_failed(self, exc: Exception) -> None:
        """The index failed while a search was shown: the search may be what failed. It is
        taken back (never saved, so not shown again at the next open) and the view asked
        again without it; a failure then is the index's own, said as such."""
        text = self.session.filter.text
        if self._disposed or not text:
            return
        self._failed_search = text
        self.search.take_back()
        if isinstance(self.reader, SafeReader):
            self.reader.failed = None
        self.session.set_text("")
        self._search_notice(self.tr("The search “{text}” could not be run ({error}); it was "
                                    "cleared.").format(text=text[:80], error=exc))

    def _on_change(self, change: Change) -> None:
        text = self.session.filter.text
        self.menus.show_once(self.session.filter.once)
        if change.filter:
            self.search.show_text(text)
        if change.selection and self.selected_place is not None:
            self.placeSelected.emit(self.selected_place)
        if change.selection or change.filter:
            self.refresh_passages()
        elif change.data:
            if self.passages.hits and self.passages.model.reader is self.reader:
                self.passages.model.more_may_exist()
            else:
                self.refresh_passages()
        self.update_status()

    def _on_drawn(self, _seq: int) -> None:
        if self.map_sync.up_to_date:
            self.mapDrawn.emit()

    def update_status(self) -> None:
        if self.feed is not None:
            stats = self._stats  # from the feed: counting a large index takes a while
        else:
            stats = self.reader.stats() if self.reader is not None else {}
        f = self.session.filter
        self.status.label.setText(status_text(
            stats, f, self.map_sync.shown_under(f) if f != Filter() else None,
            self.chips.region_name, indexing=self.ws.indexing))

    @property
    def passage_feed(self) -> PassageFeed | None:
        return self.passages_shown.feed

    def refresh_passages(self) -> None:
        """Show the passages of the selection (or of the filter)."""
        self.passages_shown.refresh()

    # -- map page -----------------------------------------------------------------------------

    def run_js(self, code: str, callback: Callable[[Any], None] | None = None) -> None:
        """Evaluate ``code`` in the page (tests and screenshots; data go through the channel)."""
        if self._disposed:
            return
        page = self.view.page()
        if callback is None:
            page.runJavaScript(code, 0)
        else:
            page.runJavaScript(code, 0, callback)

    def _export_reader(self) -> Opener | None:
        """How an export's thread reads what the window shows (None: nothing to read)."""
        reader, opened = self.reader, self.ws.export_opener()
        if opened is not None:
            return opened
        return (lambda: nullcontext(reader)) if reader is not None else None

    def send_map_texts(self) -> None:
        """The map's labels and legend in the interface's language."""
        message = self.map_texts.message()
        message["strings"]["layers"] = self.layers_menu.legends()
        self.map_sync.send(message)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.map_ready:
            self.send_map_texts()
        super().changeEvent(event)

    # -- closing ------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.dispose()
        super().closeEvent(event)

    @property
    def disposed(self) -> bool:
        return self._disposed

    def dispose(self) -> None:
        if self._disposed:
            return
        self._disposed = True
        self.watcher.stop()
        if self.worker is not None:
            self.worker.stop()  # kept: a late signal of it is still ignored
        self.corrections.wait()  # the edits made are written before the window goes
        self._save_filter()
        self.session.dispose()
        self.exports.wait()
        self._set_feed(None)
        self.ws.close_db()
        self.view.dispose()


def _dropped_folder(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The local folder being dragged, if the drag holds exactly one."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.is_dir() else None
