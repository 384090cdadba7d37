"""Indexing off the GUI thread: a worker in a ``QThread`` running an indexer's ``run``.

An indexer is anything with ``run(progress, cancelled)`` (the ``Indexing`` protocol): it calls
``progress(done, total, batch)`` from the worker thread each time a batch of articles is ready
and stops early when ``cancelled()`` is true. The worker turns those calls into queued Qt
signals, so the window (on the GUI thread) only ever sees finished batches.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, QThread, Signal, Slot

from explorer.article import Article, Corpus, Problem
from explorer.corpus import DEFAULT_MAX_BYTES, ArticleError, CorpusError, _walk, read_article
from explorer.index import CorpusIndex
from explorer.pipeline import gazetteer_problems
from gazetteer import load_geoparser
from gazetteer.model import Mention

Progress = Callable[[int, int, Any], None]


class Indexing(Protocol):
    def run(self, progress: Progress, cancelled: Callable[[], bool]) -> None: ...


class PipelineIndexer:
    """Reads and geoparses a folder article by article into an in-memory ``CorpusIndex``.

    Each batch handed to ``progress`` is a fresh ``CorpusIndex`` of everything read so far
    (built on the worker thread, never changed afterwards, so the GUI thread may read it).
    Batches are cut by time, so a large corpus costs a bounded number of rebuilds.
    """

    def __init__(
        self,
        root: Path,
        gazetteer_files: Sequence[Path] = (),
        max_bytes: int = DEFAULT_MAX_BYTES,
        batch_seconds: float = 0.5,
    ) -> None:
        self.root = Path(root)
        self.gazetteer_files = tuple(gazetteer_files)
        self.max_bytes = max_bytes
        self.batch_seconds = batch_seconds

    def run(self, progress: Progress, cancelled: Callable[[], bool]) -> None:
        root = self.root
        if not root.exists():
            raise CorpusError(f"{root}: no such folder")
        if not root.is_dir():
            raise CorpusError(f"{root}: not a folder")
        corpus = Corpus(root=root)
        files: list[Path] = []
        st = root.stat()
        _walk(root, ((st.st_dev, st.st_ino),), {(st.st_dev, st.st_ino)}, files, corpus.problems)
        files.sort(key=lambda p: p.relative_to(root).as_posix())
        geoparser = load_geoparser(self.gazetteer_files)
        corpus.problems.extend(gazetteer_problems(geoparser))
        countries = geoparser.gaz.countries
        found: dict[str, list[Mention]] = {}
        articles: list[Article] = []
        last = time.monotonic()

        def emit(done: int) -> None:
            snapshot = Corpus(root, list(articles), sorted(corpus.problems, key=lambda p: p.path))
            progress(done, len(files), CorpusIndex(snapshot, found, countries))

        for i, path in enumerate(files):
            if cancelled():
                break
            try:
                article = read_article(path, root, self.max_bytes)
            except ArticleError as exc:
                corpus.problems.append(Problem(str(path), str(exc)))
            else:
                spans = [(p.start, p.end) for p in article.passages]
                found[article.doc] = geoparser.parse(article.text, spans)
                articles.append(article)
            if time.monotonic() - last >= self.batch_seconds:
                emit(i + 1)
                last = time.monotonic()
        else:
            emit(len(files))
            return
        emit(i)


class IndexWorker(QObject):
    """Runs one indexer on its own thread; signals arrive on the thread that created it."""

    progressed = Signal(int, int, object)  # done, total, batch
    finished = Signal(bool)  # True when it ran to the end, False when cancelled
    failed = Signal(str)  # one line: why indexing could not run

    def __init__(self, indexer: Indexing, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.indexer = indexer
        self._cancel = threading.Event()
        self._thread: QThread | None = None

    def start(self) -> None:
        thread = QThread()
        thread.setObjectName("indexing")
        self._thread = thread
        runner = _Runner(self)
        runner.moveToThread(thread)
        thread.started.connect(runner.run)
        runner.done.connect(thread.quit)
        thread.finished.connect(runner.deleteLater)
        self._runner = runner
        thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def wait(self, ms: int = 30_000) -> bool:
        """Cancel and wait for the thread to end (on close)."""
        self.cancel()
        if self._thread is None:
            return True
        return bool(self._thread.wait(ms))


class _Runner(QObject):
    done = Signal()

    def __init__(self, worker: IndexWorker) -> None:
        super().__init__()
        self.worker = worker

    @Slot()
    def run(self) -> None:
        w = self.worker
        try:
            w.indexer.run(lambda done, total, batch: w.progressed.emit(done, total, batch),
                          w._cancel.is_set)
        except (CorpusError, OSError) as exc:
            w.failed.emit(str(exc))
        else:
            w.finished.emit(not w._cancel.is_set())
        self.done.emit()
