"""Opening a folder: the window's workspace controller.

``Opening`` opens the folder's index (or shows one already in memory), remembers the folder
among the recent ones, gives the views their feeds, says what an unusable index or folder is
(notices, problems) and keeps the filter saved with the folder. Keeping the index up to date
(the indexer's runs, progress, Cancel, rebuild, the folder watch) is ``explorer.qt.index_upkeep``
(``self.upkeep``). It is the ``CorrectionsWorkspace`` the corrections take (never the window).
Its words keep the ``MainWindow`` translation context.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMainWindow, QStatusBar

from explorer.article import Problem
from explorer.corpus import DEFAULT_MAX_BYTES, CorpusError
from explorer.qt.article_view import ReaderDock
from explorer.qt.exports import Opener
from explorer.qt.feed import Feed
from explorer.qt.index_upkeep import IndexUpkeep
from explorer.qt.indexing_thread import IndexWorker
from explorer.qt.layers_menu import LayersMenu
from explorer.qt.mapsync import MapSync
from explorer.qt.menus import Menus
from explorer.qt.notices import Notices
from explorer.qt.panels import StatusBar
from explorer.qt.passage_feed import PassageFeed
from explorer.qt.passages_shown import PassagesShown
from explorer.qt.places_table import PlacesTableModel
from explorer.qt.problems_shown import ProblemsShown
from explorer.qt.reader import SafeReader
from explorer.qt.saved_filter import SavedFilter
from explorer.qt.search_box import SearchBox
from explorer.qt.session_model import SessionModel
from explorer.qt.status import StatusLine
from explorer.qt.workspace_qt import WorkspaceQt
from explorer.query import Filter, IndexReader
from explorer.settings import Settings
from explorer.workspace import IndexUnavailable, index_problems

log = logging.getLogger(__name__)

# At most this long after opening, the indexer checks the folder even if the map is not drawn.
INDEX_CHECK_DELAY_MS = 3000


class Opening(QObject):
    mapDrawn = Signal()  # the page has painted everything sent to it
    indexingFinished = Signal(bool)  # True: ran to the end; False: cancelled or failed

    def __init__(self, window: QMainWindow, *, settings: Settings | None, menus: Menus,
                 session: SessionModel, map_sync: MapSync, status: StatusBar,
                 status_line: StatusLine, notices: Notices, problems: ProblemsShown,
                 passages_shown: PassagesShown, layers_menu: LayersMenu, places: PlacesTableModel,
                 new_folder: Callable[[], None]) -> None:
        super().__init__(window)
        self.window, self.settings, self.menus = window, settings, menus
        self.session, self.map_sync, self.status = session, map_sync, status
        self.status_line, self.notices, self.problems = status_line, notices, problems
        self.passages_shown, self.layers_menu, self.places = passages_shown, layers_menu, places
        self._new_folder = new_folder
        self.root: Path | None = None
        self.disposed = False
        self.feed: Feed | None = None
        self.ws = WorkspaceQt(self)
        self.ws.jobs = os.cpu_count() or 1
        # Running the indexer, watching the folder, saying what a run did (index_upkeep).
        self.upkeep = IndexUpkeep(
            self, self.ws, session=session, map_sync=map_sync, status=status,
            status_line=status_line, notices=notices, problems=problems, parent=self)
        self.upkeep.finished.connect(self._indexing_finished)
        self.saved_filter = SavedFilter(session, problems, lambda: notices.failed_search)
        map_sync.drawn.connect(lambda _seq: self.mapDrawn.emit() if map_sync.up_to_date
                               else None)

    # -- what the corrections take (``CorrectionsWorkspace``) --------------------------------

    @property
    def index_path(self) -> Path | None:
        return self.ws.index_path

    @property
    def indexing_done(self) -> bool:
        return self.ws.indexing_done

    @property
    def worker(self) -> IndexWorker | None:
        return self.ws.worker

    @property
    def gazetteer_files(self) -> Sequence[Path]:
        """The user's gazetteer files the folder is indexed with."""
        return self.ws.gazetteer_files

    def statusBar(self) -> QStatusBar:
        return self.window.statusBar()

    def refresh_passages(self) -> None:
        """Show the passages of the selection (or of the filter)."""
        self.passages_shown.refresh()

    def update_status(self) -> None:
        self.status_line.update()

    # -- opening ------------------------------------------------------------------------------

    def show_index(self, reader: IndexReader, problems: Sequence[Problem] = ()) -> None:
        """Show an index that is already built, in memory (no indexing)."""
        self.problems.add(problems)
        feed, passage_feed = self.ws.memory_feeds(reader, self)
        self.set_feed(feed)
        self.passages_shown.set_feed(passage_feed)
        self.session.set_reader(reader)
        self.upkeep.finish(True)

    def open_folder(self, root: Path, *, index_path: Path | None = None,
                    gazetteer_files: Sequence[Path] = (), max_bytes: int = DEFAULT_MAX_BYTES,
                    jobs: int = 1) -> None:
        """Show the folder's index as it is, then bring it up to date on a worker thread."""
        self.root = Path(root)
        self.window.setWindowTitle(f"explorer — {self.root}")
        try:
            self.ws.locate(self.root, index_path, gazetteer_files, max_bytes, jobs)
        except CorpusError as exc:  # the folder's path does not resolve (a link loop)
            self.notices.show(QCoreApplication.translate("MainWindow",
                "{error}. Open a folder of .txt articles.").format(error=exc))
            self.upkeep.finish(False)
            return
        if self.settings is not None:  # a folder that is not there is not remembered
            if self.root.is_dir():
                self.settings.add_recent(str(self.root.resolve()))
            self.menus.set_recent(self.settings.drop_missing_recent())
        indexer = self.ws.indexer
        assert indexer is not None
        if not self.open_reader():
            self.upkeep.finish(False)  # nothing indexed into an unusable index: the notice says why
            return
        if self.session.reader is None:
            self.upkeep.start_indexing(indexer)
            return
        # An index to show: the map first, then the check for changed files (which competes
        # for the CPU), once the page has drawn or after a few seconds at most.
        self.status.label.setText(QCoreApplication.translate("MainWindow", "opening the index…"))
        started: list[bool] = []

        def start_once() -> None:
            if not started and not self.disposed and self.worker is None:
                started.append(True)
                self.upkeep.start_indexing(indexer)

        self.mapDrawn.connect(start_once)
        QTimer.singleShot(INDEX_CHECK_DELAY_MS, self, start_once)

    def switch_folder(self, root: Path) -> None:
        """Close what is open (indexing stopped, index closed) and open ``root`` instead,
        with the options the window was started with."""
        if self.disposed:
            return
        self.ws.stop_indexing()
        self.upkeep.watcher.stop()
        self.saved_filter.save(self.index_path)
        self.session.set_reader(None)
        self.set_feed(None)
        self.ws.close_db()
        self.notices.new_folder()
        self.problems.new_folder()
        self.status_line.clear()
        self._new_folder()
        self.saved_filter.restored = False
        self.layers_menu.new_folder()
        self.map_sync.new_corpus()
        ws = self.ws
        self.open_folder(root, gazetteer_files=ws.gazetteer_files, max_bytes=ws.max_bytes,
                         jobs=ws.jobs)

    def choose_folder(self) -> None:
        """File → Open folder…: ask for a folder and open it."""
        start = str(self.root.parent) if self.root is not None else ""
        folder = QFileDialog.getExistingDirectory(self.window, QCoreApplication.translate(
            "MainWindow", "Open a folder of articles"), start)
        if folder:
            self.switch_folder(Path(folder))

    def export_reader(self) -> Opener | None:
        """How an export's thread reads what the window shows (None: nothing to read)."""
        reader, opened = self.session.reader, self.ws.export_opener()
        if opened is not None:
            return opened
        return (lambda: nullcontext(reader)) if reader is not None else None

    def open_reader(self) -> bool:
        """Read the index if there is one; False when it is unusable (the notice says why)."""
        if self.index_path is None or not self.index_path.exists():
            return True
        try:
            db = self.ws.open_db()
        except IndexUnavailable as exc:
            if exc.reason == "unavailable":
                return True  # not built yet: the indexer builds it
            self.notices.index_failed(exc)
            return exc.reason == "locked"
        self.problems.add(index_problems(db))
        self.saved_filter.restore(db)
        self.layers_menu.restore(db)
        feed, passage_feed = self.ws.feeds(self)
        # Failures of a feed or reader already replaced (a rebuild) are old news.
        feed.failed.connect(
            lambda exc: self.notices.index_failed(exc, query=True) if feed is self.feed else None)
        self.set_feed(feed)
        passage_feed.failed.connect(lambda exc: self.notices.index_failed(exc, query=True)
                                    if passage_feed is self.passage_feed else None)
        self.passages_shown.set_feed(passage_feed)
        self.session.check_selection = False
        reader = SafeReader(db, lambda exc: self.notices.index_failed(exc, query=True)
                            if reader is self.session.reader else None)
        self.session.set_reader(reader)
        return True

    @property
    def passage_feed(self) -> PassageFeed | None:
        return self.passages_shown.feed

    def set_feed(self, feed: Feed | None) -> None:
        """The view feed every view takes its data from (None: no index open)."""
        if self.feed is not None:
            self.feed.stop()
        self.passages_shown.set_feed(None)
        self.session.check_selection = True
        self.feed = feed
        self.map_sync.set_feed(feed)
        self.places.set_feed(feed)

    def _indexing_finished(self, complete: bool) -> None:
        self.indexingFinished.emit(complete)
        if self.map_sync.up_to_date:
            self.mapDrawn.emit()

    def dispose(self) -> None:
        """Stop watching and indexing; keep the filter with the folder; let go of the index."""
        self.disposed = True
        self.notices.disposed = True
        self.upkeep.stop()

    def close(self) -> None:
        """After the corrections and exports are written: the feeds stopped, the index closed."""
        self.set_feed(None)
        self.ws.close_db()


def dropped_folder(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The local folder being dragged, if the drag holds exactly one."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.is_dir() else None


def forget_folder(session: SessionModel, search: SearchBox, article: ReaderDock) -> None:
    """Another folder is opened: the views forget the old one's search and article."""
    search.clear()
    session.clear()
    session.set_filter(Filter())  # the one-article filter was the old one's too
    article.close_article()
