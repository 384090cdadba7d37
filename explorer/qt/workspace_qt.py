"""The open folder's index for the window: where it is, the indexing worker thread, the
connection the views read and the feeds that read it off the GUI thread.

The Qt side of ``explorer.workspace``: it says what happens (``progressed``, ``indexed``,
``failed``) and the window decides what to show.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from explorer.corpus import DEFAULT_MAX_BYTES
from explorer.qt.exports import Opener
from explorer.qt.feed import Feed
from explorer.qt.indexing_thread import Indexing, IndexWorker
from explorer.qt.passage_feed import PassageFeed
from explorer.query import IndexReader
from explorer.workspace import (
    Index,
    Indexer,
    Rebuilt,
    closing_opener,
    default_index_path,
    make_indexer,
    open_index,
    opener,
    rebuild,
)


class WorkspaceQt(QObject):
    """One folder's index at a time; a worker that was replaced says nothing more."""

    progressed = Signal(int, int)  # done, total
    indexed = Signal(object)  # what the indexer's run returned
    failed = Signal(object)  # CorpusError, IndexUnavailable or IndexingStopped

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root: Path | None = None
        self.index_path: Path | None = None
        self.indexer: Indexer | None = None
        self.worker: IndexWorker | None = None
        self.indexing_done = False
        self.db: Index | None = None
        self.gazetteer_files: Sequence[Path] = ()
        self.max_bytes = DEFAULT_MAX_BYTES
        self.jobs = 1

    def locate(self, root: Path, index_path: Path | None, gazetteer_files: Sequence[Path],
               max_bytes: int, jobs: int) -> None:
        """The folder ``root`` and where its index is; raises ``CorpusError`` when the
        folder's path does not resolve (then there is no index and no indexer)."""
        self.root = Path(root)
        self.gazetteer_files, self.max_bytes, self.jobs = gazetteer_files, max_bytes, jobs
        self.indexer = self.index_path = None
        self.index_path = Path(index_path) if index_path else default_index_path(self.root)
        self.indexer = make_indexer(self.root, self.index_path, jobs, gazetteer_files,
                                    max_bytes)

    def open_db(self) -> Index:
        """The index opened read-only for the views (kept until ``close_db``); raises
        ``IndexUnavailable``."""
        assert self.index_path is not None
        self.db = open_index(self.index_path)
        return self.db

    def close_db(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    def feeds(self, parent: QObject) -> tuple[Feed, PassageFeed]:
        """A view feed and a passage feed, each with its own connection to the index."""
        assert self.index_path is not None
        return (Feed(opener(self.index_path), parent),
                PassageFeed(opener(self.index_path), parent))

    @staticmethod
    def memory_feeds(reader: IndexReader, parent: QObject) -> tuple[Feed, PassageFeed]:
        """The same two feeds over an index in memory (``explorer.index.Index``): it is read
        on the GUI thread (it fills caches as it is asked, with no lock), answering at once."""
        return (Feed(lambda: reader, parent, threaded=False),
                PassageFeed(lambda: reader, parent, threaded=False))

    def export_opener(self) -> Opener | None:
        """How an export's thread reads the index (None: none is open)."""
        if self.db is not None and self.index_path is not None:
            return closing_opener(self.index_path)
        return None

    @property
    def indexing(self) -> bool:
        return self.worker is not None and not self.indexing_done

    def start_indexing(self, indexer: Indexing) -> None:
        """Index on a worker thread; its signals come back as this object's."""
        self.indexing_done = False
        worker = IndexWorker(indexer, self)
        # A worker that was stopped (rebuild) may still deliver its last signals: ignored.
        worker.progressed.connect(
            lambda d, t, _b: self.progressed.emit(d, t) if worker is self.worker else None)
        worker.finished.connect(lambda r: self.indexed.emit(r) if worker is self.worker else None)
        worker.failed.connect(lambda e: self.failed.emit(e) if worker is self.worker else None)
        self.worker = worker
        worker.start()

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def stop_indexing(self) -> None:
        """Stop the worker (waiting for it) and forget it."""
        if self.worker is not None:
            self.worker.stop()
            self.worker = None

    def rebuild(self) -> Rebuilt:
        """Stop indexing, close the index, set it aside (backed up) and start a new one;
        raises ``IndexUnavailable`` or ``OSError``."""
        assert self.index_path is not None
        if self.worker is not None:
            self.worker.stop()
        self.close_db()
        return rebuild(self.index_path)
