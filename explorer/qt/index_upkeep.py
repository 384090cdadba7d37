"""Keeping the open folder's index up to date: the indexer's runs and what they say.

``IndexUpkeep`` runs the indexer on its worker thread (``WorkspaceQt``), shows its progress
and Cancel in the status bar, rebuilds a damaged index, watches the open folder (what lands in
it is indexed) and, once a run ends, says what happened: problems, a failure's notice, "no
readable article". Opening the folder is ``explorer.qt.opening``, the ``OpenFolder`` it serves.
Its words keep the ``MainWindow`` translation context.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from explorer.article import Problem
from explorer.corpus import merge_ocr_problems
from explorer.qt.counts import counts
from explorer.qt.feed import Feed, ViewData
from explorer.qt.indexing_thread import Indexing, IndexingStopped
from explorer.qt.mapsync import MapSync
from explorer.qt.notices import Notices
from explorer.qt.panels import StatusBar
from explorer.qt.problems_shown import ProblemsShown
from explorer.qt.session_model import SessionModel
from explorer.qt.status import StatusLine
from explorer.qt.watcher import FolderWatcher
from explorer.qt.workspace_qt import WorkspaceQt
from explorer.workspace import IndexUnavailable

log = logging.getLogger(__name__)


class OpenFolder(Protocol):
    """What the upkeep needs of the folder opened (``explorer.qt.opening.Opening``)."""

    @property
    def root(self) -> Path | None: ...

    @property
    def feed(self) -> Feed | None: ...

    @property
    def disposed(self) -> bool: ...

    def open_reader(self) -> bool: ...

    def set_feed(self, feed: Feed | None) -> None: ...


class IndexUpkeep(QObject):
    finished = Signal(bool)  # True: ran to the end; False: cancelled or failed

    def __init__(self, folder: OpenFolder, ws: WorkspaceQt, *, session: SessionModel,
                 map_sync: MapSync, status: StatusBar, status_line: StatusLine,
                 notices: Notices, problems: ProblemsShown, parent: QObject) -> None:
        super().__init__(parent)
        self.folder, self.ws, self.session, self.map_sync = folder, ws, session, map_sync
        self.status, self.status_line = status, status_line
        self.notices, self.problems = notices, problems
        ws.progressed.connect(self._on_progress)
        ws.indexed.connect(self._on_indexed)
        ws.failed.connect(self._on_failed)
        # The open folder, watched: what lands in it is indexed (explorer.qt.watcher).
        self.watcher = FolderWatcher(self)
        self.watcher.changed.connect(self.folder_changed)
        self._empty_check = False  # "no readable article?" waits for the view feed's answer
        map_sync.viewData.connect(self._on_view_data)
        self._changed_while_indexing = False
        status.cancel.clicked.connect(self.cancel_indexing)

    def start_indexing(self, indexer: Indexing) -> None:
        """Index on a worker thread; each batch it commits fills in the window."""
        self.ws.start_indexing(indexer)
        self.status.indexing(True)
        self.status_line.update()

    def cancel_indexing(self) -> None:
        if self.ws.worker is not None:
            self.ws.cancel()
            self.status.cancel.setEnabled(False)

    def reload(self) -> None:
        """View → Reload: bring the open folder's index up to date again."""
        if self.ws.indexer is not None and (self.ws.worker is None or self.ws.indexing_done):
            self.start_indexing(self.ws.indexer)

    def folder_changed(self) -> None:
        """Files landed in (or left) the open folder: index them, with the usual progress
        and cancel; while a run goes on, once more after it."""
        if self.folder.disposed or self.ws.indexer is None:
            return
        if self.ws.worker is not None and not self.ws.indexing_done:
            self._changed_while_indexing = True
            return
        self.start_indexing(self.ws.indexer)

    def _on_progress(self, done: int, total: int) -> None:
        if self.folder.disposed:
            return
        self.status.progressed(done, total)
        if self.session.reader is None:
            self.folder.open_reader()
        else:
            self.session.data_landed()

    def _on_indexed(self, summary: Any) -> None:
        if self.folder.disposed:
            return
        if self.session.reader is None:
            self.folder.open_reader()
        elif getattr(summary, "deleted", 0):
            self.session.data_landed()  # files gone, none read: no batch told the views
        problems = getattr(summary, "problems", None)
        root = self.folder.root
        if problems is not None and not getattr(summary, "cancelled", False):
            said = [Problem(p.path, p.message, p.line) for p in problems]
            self.problems.indexed(merge_ocr_problems(said, root) if root else said)
        self.finish(not getattr(summary, "cancelled", False))

    def _on_failed(self, exc: Exception) -> None:
        if self.folder.disposed:
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
        self.finish(False)

    def rebuild_index(self) -> None:
        """Set the damaged index aside (backed up), start a new one, and index again."""
        indexer = self.ws.indexer
        if self.ws.index_path is None or indexer is None:
            return
        self.session.set_reader(None)
        self.folder.set_feed(None)
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

    def finish(self, complete: bool) -> None:
        """A run (or an opening without one) ended: watch the folder, say what happened."""
        if self.folder.disposed:
            return
        self.ws.indexing_done = True
        self.status.indexing(False)
        self.session.flush()
        root, feed = self.folder.root, self.folder.feed
        if self.ws.indexer is not None and root is not None:
            self.watcher.watch(root)  # its new folders and files too
            if self._changed_while_indexing and complete:
                QTimer.singleShot(0, self, self.folder_changed)
            self._changed_while_indexing = False
        # Whether any article was read: the view feed's statistics say, now or once computed.
        latest = self.map_sync.latest
        self._empty_check = False
        if feed is None:
            self._say_if_empty({})
        elif feed.idle and latest is not None:
            self._say_if_empty(latest.stats)
        else:
            self._empty_check = True
            if feed.idle:
                self.map_sync.refresh(fit=False)
        if not complete and self.notices.notice.isHidden():
            self.status.show_cancelled()  # said until indexing starts again
        self.status_line.update()
        self.finished.emit(complete)

    def _on_view_data(self, data: ViewData) -> None:
        """The view feed's answer: once indexing has ended, the first one computed since."""
        feed = self.folder.feed
        if self._empty_check and not self.folder.disposed and feed is not None and feed.idle:
            self._empty_check = False
            self._say_if_empty(data.stats)

    def _say_if_empty(self, stats: dict[str, int]) -> None:
        """Say so when the folder indexed has no readable article."""
        root = self.folder.root
        if root is not None and not stats.get("articles") and self.notices.notice.isHidden():
            refused = self.problems.list.refused()
            files = counts().files(refused)
            why = (QCoreApplication.translate("MainWindow", " ({files} refused, see Problems)")
                   .format(files=files)) if refused else ""
            self.notices.show(QCoreApplication.translate("MainWindow",
                "No readable article (.txt) in {folder}{why}. Open a folder of .txt "
                "articles.").format(folder=root, why=why))

    def stop(self) -> None:
        """Stop watching and indexing (the worker kept: a late signal of it is still ignored)."""
        self.watcher.stop()
        if self.ws.worker is not None:
            self.ws.worker.stop()
