"""Indexing off the GUI thread: a worker in a ``QThread`` running an indexer's ``run``.

An indexer is anything with ``run(progress, cancelled)`` (``explorer.index.build.Indexer``): it
calls ``progress(done, total, batch)`` from the worker thread after each committed batch and
stops early when ``cancelled()`` is true. The worker turns those calls into queued Qt signals,
so the window, on the GUI thread, only hears of batches already in the index.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QThread, Signal, Slot

from explorer.corpus import CorpusError
from explorer.workspace import IndexUnavailable

Progress = Callable[[int, int, Any], None]
log = logging.getLogger(__name__)


class IndexingStopped(Exception):
    """Indexing ended on an unexpected error; ``str()`` says it in one line (the traceback
    goes to the log)."""

    def __init__(self, cause: BaseException) -> None:
        detail = " ".join(str(cause).split())[:300] or "no detail"
        super().__init__(f"Indexing stopped on an unexpected error ({type(cause).__name__}: "
                         f"{detail})")
        self.cause = cause


class Indexing(Protocol):
    def run(self, progress: Progress | None, cancelled: Callable[[], bool] | None) -> Any: ...


#: How much nicer than the window indexing runs (its thread and the processes it forks).
NICENESS = 10


def lower_priority() -> None:
    """Make the calling thread (on Linux, a thread has its own nice value; processes it forks
    inherit it) yield the CPU to the window: the event loop stays responsive while indexing
    keeps every core busy."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            tid = threading.get_native_id()
            os.setpriority(os.PRIO_PROCESS, tid, os.getpriority(os.PRIO_PROCESS, tid) + NICENESS)


class IndexWorker(QObject):
    """Runs one indexer on its own thread; its signals arrive on the GUI thread."""

    progressed = Signal(int, int, object)  # done, total, batch
    finished = Signal(object)  # what run returned (explorer.index.build.Summary)
    failed = Signal(object)  # CorpusError, IndexUnavailable or IndexingStopped: one line

    def __init__(self, indexer: Indexing, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.indexer = indexer
        self._cancel = threading.Event()
        self._thread = QThread(self)
        self._thread.setObjectName("indexing")
        self._runner = _Runner(self)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def running(self) -> bool:
        return self._thread.isRunning()

    def stop(self, ms: int = 60_000) -> bool:
        """Cancel and wait for the thread to end (the window is closing)."""
        self.cancel()
        return bool(self._thread.wait(ms))


class _Runner(QObject):
    def __init__(self, worker: IndexWorker) -> None:
        super().__init__()
        self.worker = worker

    @Slot()
    def run(self) -> None:
        w = self.worker
        lower_priority()
        try:
            result = w.indexer.run(
                lambda done, total, batch: w.progressed.emit(done, total, batch),
                w._cancel.is_set)
        except (CorpusError, IndexUnavailable) as exc:
            w.failed.emit(exc)
        except Exception as exc:  # a bug: said in the window, never a silent stall
            log.exception("indexing stopped")
            w.failed.emit(IndexingStopped(exc))
        else:
            w.finished.emit(result)
        finally:
            QThread.currentThread().quit()
