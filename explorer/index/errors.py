"""Why an index cannot be used: ``IndexUnavailable`` and its kinds, one class each.

An SQLite failure is typed by its result code (``sqlite3.Error.sqlite_errorcode``, primary code
``& 0xFF``): busy or locked, read-only, corrupt or not a database, full, cannot be opened, I/O
error. Any other SQLite error (a syntax error, no such column, a constraint, a misuse) is a bug
of explorer's: ``classify`` gives None and ``guarded`` lets it propagate as it is, never said as
"rebuild your index".
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from explorer.index import schema


class IndexUnavailable(Exception):
    """The index cannot be used: ``str(exc)`` says why in one line; ``reason`` is one of
    ``locked``, ``read-only``, ``corrupt``, ``full``, ``cannot-open``, ``io``, ``newer``,
    ``unavailable``, ``not-a-file`` (a FIFO, a device, a folder: see ``explorer.index.location``),
    ``foreign`` (an SQLite database explorer did not make). The subclasses below are those
    kinds, one each.
    """

    def __init__(self, path: Path, reason: str, detail: str) -> None:
        super().__init__(f"{path}: index {detail}")
        self.path = path
        self.reason = reason


class IndexLocked(IndexUnavailable):
    """Another connection or another explorer holds it (SQLITE_BUSY, _LOCKED, _PROTOCOL)."""

    def __init__(self, path: Path,
                 detail: str = "is locked by another explorer; try again later") -> None:
        super().__init__(path, "locked", detail)


class IndexReadOnly(IndexUnavailable):
    """It cannot be written: a read-only file or folder (SQLITE_READONLY, SQLITE_PERM)."""

    def __init__(self, path: Path,
                 detail: str = "cannot be written (read-only file or folder)") -> None:
        super().__init__(path, "read-only", detail)


class IndexCorrupt(IndexUnavailable):
    """Its bytes are not a valid SQLite database (SQLITE_CORRUPT, SQLITE_NOTADB)."""

    def __init__(self, path: Path,
                 detail: str = "is damaged (not a valid SQLite database)") -> None:
        super().__init__(path, "corrupt", detail)


class IndexFull(IndexUnavailable):
    """It cannot grow (SQLITE_FULL)."""

    def __init__(self, path: Path, detail: str = "cannot grow: the disk is full") -> None:
        super().__init__(path, "full", detail)


class IndexCannotOpen(IndexUnavailable):
    """SQLite cannot open the file (SQLITE_CANTOPEN): a folder that is not there, no
    permission."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(path, "cannot-open", detail)


class IndexDiskError(IndexUnavailable):
    """The disk reported an input/output error (SQLITE_IOERR)."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(path, "io", detail)


class IndexNewer(IndexUnavailable):
    """Made by a newer explorer (a schema version above ``schema.SCHEMA_VERSION``)."""

    def __init__(self, path: Path, detail: str = "was made by a newer explorer") -> None:
        super().__init__(path, "newer", detail)


class IndexMissing(IndexUnavailable):
    """Not built yet: no file, or an empty database (read-only opening)."""

    def __init__(self, path: Path, detail: str = "is not built yet") -> None:
        super().__init__(path, "unavailable", detail)


class OlderIndex(IndexUnavailable):
    """An index made by an older explorer: opening it for writing (``explorer index``)
    brings it up to date, after a backup copy."""

    def __init__(self, path: Path, version: int) -> None:
        super().__init__(path, "unavailable",
                         f"was made by an older explorer (version {version} of "
                         f"{schema.SCHEMA_VERSION}); `explorer index` on its folder brings it "
                         "up to date (a copy of it is kept)")
        self.version = version


class ForeignIndex(IndexUnavailable):
    """An SQLite database explorer did not make, or a log beside it that is not its own."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(path, "foreign", detail)


class NotAFile(IndexUnavailable):
    """Not a regular file (a FIFO, a device, a folder: ``explorer.index.location``)."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(path, "not-a-file", detail)


def classify(path: Path, exc: sqlite3.Error) -> IndexUnavailable | None:
    """What ``exc`` says of the index at ``path``, by SQLite's result code; None when it is
    not about the index (a bug: the caller lets it propagate)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        # Python's own error for bytes that are not UTF-8 in a TEXT column: a damaged page.
        # It has no SQLite code (CPython's _sqlite/cursor.c raises it, the UnicodeDecodeError
        # cleared), so its fixed wording is the only way to tell it.
        if (isinstance(exc, sqlite3.OperationalError)
                and str(exc).startswith("Could not decode to UTF-8")):
            return IndexCorrupt(path)
        return None
    primary = code & 0xFF
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_PROTOCOL):
        return IndexLocked(path)
    if primary in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM):
        return IndexReadOnly(path)
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return IndexCorrupt(path)
    if primary == sqlite3.SQLITE_FULL:
        return IndexFull(path)
    if primary == sqlite3.SQLITE_CANTOPEN:
        if path.is_file() and os.access(path, os.R_OK):
            # The file is there and readable: what cannot be opened is it for writing, or
            # the log beside it (a folder that cannot be written): read-only, still read.
            return IndexReadOnly(path)
        return IndexCannotOpen(path, f"cannot be opened: {_cannot_open(path)}")
    if primary == sqlite3.SQLITE_IOERR:
        return IndexDiskError(path, "cannot be read or written: the disk reported an "
                              f"input/output error ({exc.sqlite_errorname})")
    return None


def _cannot_open(path: Path) -> str:
    """Why SQLite could not open ``path`` (SQLITE_CANTOPEN), as the file system says."""
    folder = path.parent
    if not folder.is_dir():
        return f"its folder {folder} does not exist"
    if path.exists():
        if not os.access(path, os.R_OK):
            return "permission denied"
        if not os.access(path, os.W_OK):
            return "the file is read-only"
    elif not os.access(folder, os.W_OK | os.X_OK):
        return f"its folder {folder} cannot be written"
    return "the file or its folder is not accessible"


@contextlib.contextmanager
def guarded(path: Path) -> Iterator[None]:
    """Turn every SQLite failure inside that says the index cannot be used (locked,
    read-only, damaged, full, cannot be opened, I/O error) into its ``IndexUnavailable``;
    any other (a bug) propagates as it is."""
    try:
        yield
    except sqlite3.Error as exc:
        unavailable = classify(path, exc)
        if unavailable is None:
            raise
        raise unavailable from None
