"""Opening a folder and keeping its index up to date: the window's workspace controller.

``Opening`` opens the folder's index (or shows one already in memory), gives the views their
feeds, runs the indexer (``WorkspaceQt``) and says what happened: progress in the status bar,
problems, notices, the filter saved with the folder. It is the ``CorrectionsWorkspace`` the
corrections take (never the window). Its words keep the ``MainWindow`` translation context.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMainWindow, QStatusBar

from explorer.article import Problem
from explorer.corpus import DEFAULT_MAX_BYTES, CorpusError, merge_ocr_problems
from explorer.qt.article_view import ReaderDock
from explorer.qt.counts import counts
from explorer.qt.exports import Opener
from explorer.qt.feed import Feed, ViewData
from explorer.qt.indexing_thread import Indexing, IndexingStopped, IndexWorker
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
from explorer.qt.watcher import FolderWatcher
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
        self.ws.progressed.connect(self._on_progress)
        self.ws.indexed.connect(self._on_indexed)
        self.ws.failed.connect(self._on_failed)
        # The open folder, watched: what lands in it is indexed (explorer.qt.watcher).
        self.watcher = FolderWatcher(self)
        self.watcher.changed.connect(self.folder_changed)
        self._empty_check = False  # "no readable article?" waits for the view feed's answer
        map_sync.viewData.connect(self._on_view_data)
        self._changed_while_indexing = False
        self.saved_filter = SavedFilter(session, problems, lambda: notices.failed_search)
        status.cancel.clicked.connect(self.cancel_indexing)
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
        self._finish(True)

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
        if self.session.reader is None:
            self.start_indexing(indexer)
            return
        # An index to show: the map first, then the check for changed files (which competes
        # for the CPU), once the page has drawn or after a few seconds at most.
        self.status.label.setText(QCoreApplication.translate("MainWindow", "opening the index…"))
        started: list[bool] = []

        def start_once() -> None:
            if not started and not self.disposed and self.worker is None:
                started.append(True)
                self.start_indexing(indexer)

        self.mapDrawn.connect(start_once)
        QTimer.singleShot(INDEX_CHECK_DELAY_MS, self, start_once)

    def switch_folder(self, root: Path) -> None:
        """Close what is open (indexing stopped, index closed) and open ``root`` instead,
        with the options the window was started with."""
        if self.disposed:
            return
        self.ws.stop_indexing()
        self.watcher.stop()
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

    def reload(self) -> None:
        """View → Reload: bring the open folder's index up to date again."""
        if self.ws.indexer is not None and (self.worker is None or self.indexing_done):
            self.start_indexing(self.ws.indexer)

    def folder_changed(self) -> None:
        """Files landed in (or left) the open folder: index them, with the usual progress
        and cancel; while a run goes on, once more after it."""
        if self.disposed or self.ws.indexer is None:
            return
        if self.worker is not None and not self.indexing_done:
            self._changed_while_indexing = True
            return
        self.start_indexing(self.ws.indexer)

    def _open_reader(self) -> bool:
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

    # -- indexing -----------------------------------------------------------------------------

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
        if self.disposed:
            return
        self.status.progressed(done, total)
        if self.session.reader is None:
            self._open_reader()
        else:
            self.session.data_landed()

    def _on_indexed(self, summary: Any) -> None:
        if self.disposed:
            return
        if self.session.reader is None:
            self._open_reader()
        elif getattr(summary, "deleted", 0):
            self.session.data_landed()  # files gone, none read: no batch told the views
        problems = getattr(summary, "problems", None)
        if problems is not None and not getattr(summary, "cancelled", False):
            said = [Problem(p.path, p.message, p.line) for p in problems]
            self.problems.indexed(merge_ocr_problems(said, self.root) if self.root else said)
        self._finish(not getattr(summary, "cancelled", False))

    def _on_failed(self, exc: Exception) -> None:
        if self.disposed:
            return
        if isinstance(exc, IndexUnavailable):
            self.notices.index_failed(exc)
        elif isinstance(exc, IndexingStopped):
            self.notices.show(QCoreApplication.translate("MainWindow",
                "{error}. What was indexed is shown; see the log for details.").format(
                error=exc), blocking=False)
        else:
            self.notices.show(QCoreApplication.translate("MainWindow",
                "{error}. Open a folder of .txt articles.").format(error=exc))
        self._finish(False)

    def rebuild_index(self) -> None:
        """Set the damaged index aside (backed up), start a new one, and index again."""
        indexer = self.ws.indexer
        if self.index_path is None or indexer is None:
            return
        self.session.set_reader(None)
        self.set_feed(None)
        try:
            done = self.ws.rebuild()
        except (IndexUnavailable, OSError) as exc:
            self.notices.show(QCoreApplication.translate("MainWindow",
                "Cannot rebuild the index: {error}").format(error=exc), rebuild=True)
            return
        self.notices.hide()
        log.info("%s", done.summary())
        if not done.complete:  # something the analyst made is only in the backup now: said
            self.notices.show("\n".join(done.lines()), rebuild=False, blocking=False)
        self.start_indexing(indexer)

    def _finish(self, complete: bool) -> None:
        if self.disposed:
            return
        self.ws.indexing_done = True
        self.status.indexing(False)
        self.session.flush()
        if self.ws.indexer is not None and self.root is not None:
            self.watcher.watch(self.root)  # its new folders and files too
            if self._changed_while_indexing and complete:
                QTimer.singleShot(0, self, self.folder_changed)
            self._changed_while_indexing = False
        # Whether any article was read: the view feed's statistics say, now or once computed.
        latest = self.map_sync.latest
        self._empty_check = False
        if self.feed is None:
            self._say_if_empty({})
        elif self.feed.idle and latest is not None:
            self._say_if_empty(latest.stats)
        else:
            self._empty_check = True
            if self.feed.idle:
                self.map_sync.refresh(fit=False)
        if not complete and self.notices.notice.isHidden():
            self.status.show_cancelled()  # said until indexing starts again
        self.update_status()
        self.indexingFinished.emit(complete)
        if self.map_sync.up_to_date:
            self.mapDrawn.emit()

    def _on_view_data(self, data: ViewData) -> None:
        """The view feed's answer: once indexing has ended, the first one computed since."""
        if self._empty_check and not self.disposed and self.feed is not None and self.feed.idle:
            self._empty_check = False
            self._say_if_empty(data.stats)

    def _say_if_empty(self, stats: dict[str, int]) -> None:
        """Say so when the folder indexed has no readable article."""
        if self.root is not None and not stats.get("articles") and self.notices.notice.isHidden():
            refused = self.problems.list.refused()
            files = counts().files(refused)
            why = (QCoreApplication.translate("MainWindow", " ({files} refused, see Problems)")
                   .format(files=files)) if refused else ""
            self.notices.show(QCoreApplication.translate("MainWindow",
                "No readable article (.txt) in {folder}{why}. Open a folder of .txt "
                "articles.").format(folder=self.root, why=why))

    def dispose(self) -> None:
        """Stop watching and indexing; keep the filter with the folder; let go of the index."""
        self.disposed = True
        self.notices.disposed = True
        self.watcher.stop()
        if self.worker is not None:
            self.worker.stop()  # kept: a late signal of it is still ignored

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
