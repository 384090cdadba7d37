"""A worker on a thread of its own that answers the newest question only.

The view's feed and the passage feed ask the index off the GUI thread the same way: one
question is computed at a time; a question asked meanwhile waits, and only the newest waiting
one is computed when the worker is free (an analyst typing or clicking fast never queues
work that nobody will see).

A worker over an index that only one thread may read (the in-memory ``explorer.index.Index``
builds caches as it is asked, with no lock) runs on the GUI thread instead (``threaded``
False): each question is answered at once, through the same signals, so every view still
takes its data from the feed's answer and never asks the index itself."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QObject, QThread, Signal


class Worker(Protocol):
    """What the thread runs: ``compute(question)`` answers, ``close()`` lets go of the index."""

    def compute(self, question: Any) -> None: ...

    def close(self) -> None: ...


class LatestOnly(QObject):
    _ask = Signal(object)
    _close = Signal()

    def __init__(self, worker: QObject, thread_name: str, parent: QObject | None = None,
                 *, threaded: bool = True) -> None:
        super().__init__(parent)
        self._thread = QThread(self)
        self._thread.setObjectName(thread_name)
        self._worker = worker
        self.threaded = threaded
        if threaded:
            worker.moveToThread(self._thread)
        runs: Worker = worker  # type: ignore[assignment]  # a QObject with the two slots
        self._ask.connect(runs.compute)
        self._close.connect(runs.close)
        self._busy = False
        self._pending: object | None = None

    @property
    def idle(self) -> bool:
        return not self._busy and self._pending is None

    def _submit(self, question: object) -> None:
        """Compute ``question`` now, or when the worker is free if it is still the newest."""
        if self._busy:
            self._pending = question
            return
        self._busy = True
        self._ask.emit(question)

    def _next(self) -> None:
        """The worker is free: the newest waiting question, if any."""
        self._busy = False
        if self._pending is not None:
            question, self._pending = self._pending, None
            self._busy = True
            self._ask.emit(question)

    def _start(self) -> None:
        if self.threaded:
            self._thread.start()

    def stop(self) -> None:
        self._close.emit()
        if self.threaded:
            self._thread.quit()
            self._thread.wait(30_000)
