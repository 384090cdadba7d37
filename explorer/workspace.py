"""The open folder's index, as the window uses it: the one place (with the CLI) that opens it.

Qt-free. The window and its views (``explorer.qt``) reach the SQLite index only through this
module (an import-linter contract in pyproject.toml keeps them off the ``explorer.index``
package): opening it read-only or for writing (under the writer lock), its problems, the
filter saved with it, other settings kept in it, indexing and rebuilding.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, closing, contextmanager
from pathlib import Path

from explorer import filter_store
from explorer.article import Problem
from explorer.index.build import Indexer, writer_lock
from explorer.index.db import IndexDB
from explorer.index.errors import IndexUnavailable
from explorer.index.freshness import index_problems
from explorer.index.location import default_index_path
from explorer.index.rebuild import Rebuilt, rebuild_index
from explorer.query import Filter

__all__ = [
    "Index",
    "IndexUnavailable",
    "Indexer",
    "Problems",
    "Rebuilt",
    "closing_opener",
    "default_index_path",
    "index_problems",
    "make_indexer",
    "open_index",
    "opener",
    "read_saved_filter",
    "rebuild",
    "save_filter",
    "save_setting",
    "writing",
]

log = logging.getLogger(__name__)

#: The open index as the views read it (``explorer.index.db.IndexDB``).
Index = IndexDB


def open_index(path: Path) -> IndexDB:
    """The index at ``path``, read-only (the caller closes it). Raises ``IndexUnavailable``."""
    return IndexDB(path, readonly=True)


def opener(path: Path) -> Callable[[], IndexDB]:
    """A function opening the index at ``path`` read-only: each worker thread its own."""
    return lambda: IndexDB(path, readonly=True)


def closing_opener(path: Path) -> Callable[[], AbstractContextManager[IndexDB]]:
    """Like ``opener``, for ``with``: the index is closed at the end of the block."""
    return lambda: closing(IndexDB(path, readonly=True))


@contextmanager
def writing(path: Path) -> Iterator[IndexDB]:
    """The index at ``path`` open for writing, under the writer lock (one writer at a time)."""
    with writer_lock(path), IndexDB(path) as db:
        yield db


def save_setting(path: Path, key: str, value: str | None) -> None:
    """Keep ``value`` under ``key`` in the index (None: forget it). Raises ``IndexUnavailable``."""
    with IndexDB(path) as db:
        db.set_setting(key, value)


def read_saved_filter(db: IndexDB) -> Filter | None:
    """The filter saved with this corpus, or None. Raises ``filter_store.BadFilter`` or
    ``IndexUnavailable`` when the stored value cannot be used."""
    text = db.get_setting(filter_store.KEY)
    return filter_store.from_json(text) if text is not None else None


def save_filter(path: Path, f: Filter) -> None:
    """Keep the filter with the corpus, in its index (the default one: nothing kept); a
    failure is logged, never raised (closing the window must not fail on it)."""
    try:
        save_setting(path, filter_store.KEY, None if f == Filter() else filter_store.to_json(f))
    except IndexUnavailable as exc:
        log.warning("the filter was not saved: %s", exc)


def make_indexer(
    root: Path, index_path: Path, jobs: int, gazetteer_files: Sequence[Path], max_bytes: int
) -> Indexer:
    """The indexer bringing ``index_path`` up to date with the folder ``root``."""
    return Indexer(root, index_path, jobs, gazetteer_files=gazetteer_files, max_bytes=max_bytes)


def rebuild(path: Path) -> Rebuilt:
    """Set the damaged index at ``path`` aside (backed up) and start a new one with its
    analyst data. Raises ``IndexUnavailable`` or ``OSError``."""
    return rebuild_index(path)




class Problems:
    """What could not be read or used, as the Problems list shows it, each said once: the
    settings' own, the saved filter's and layers' (kept until another folder is opened), the
    index's (files refused, replaced at each indexing run)."""

    def __init__(self, of_settings: Callable[[], Sequence[Problem]]) -> None:
        self._of_settings = of_settings
        self.saved: list[Problem] = []
        self.all: list[Problem] = list(of_settings())

    def add(self, problems: Sequence[Problem]) -> None:
        known = set(self.all)
        self.all.extend(p for p in problems if p not in known)

    def add_saved(self, problems: Sequence[Problem]) -> None:
        """A problem of what was saved with the corpus (its filter, its layers)."""
        self.saved += problems
        self.add(problems)

    def indexed(self, problems: Sequence[Problem]) -> None:
        """An indexing run's problems replace the last run's."""
        self.all = [*self._of_settings(), *self.saved]
        self.add(problems)

    def new_folder(self) -> None:
        self.all = list(self._of_settings())
        self.saved = []

    def refused(self) -> int:
        """How many are not the settings' own (files refused, mostly)."""
        of_settings = self._of_settings()
        return len([p for p in self.all if p not in of_settings])
