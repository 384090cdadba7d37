"""A ``-wal`` file beside the index that is not the index's own (issue 21, W10).

SQLite applies whatever write-ahead log it finds beside a database: nothing in the format ties
a log to its database. A ``-wal`` left by another database (copied, restored from a backup,
swapped) would be replayed into the index, and checkpointed into it for good.

So the index ties them itself: it holds a random ``index_id`` in its ``meta`` table, and every
write transaction rewrites the ``meta`` page (a ``writes`` counter), so every log an index
writes carries that page with the index's own id. Before SQLite opens the index, when a log
with frames is there, the id is read twice: from the database file alone (``immutable=1``:
the log ignored) and through the log (a read-only connection: it replays the log for itself
and never writes it back). A log is not the index's when the database alone is a readable
index with an id, and through the log the id differs or the index cannot be read (not an
index, damaged) or the page sizes differ. Such a log is set aside beside the index (renamed
``INDEX-wal.stale-STAMP``: nothing is deleted) with the ``-shm`` built from it, and the
index opens as its file holds it.

When there is doubt (no id yet: an index made before this check, or the file alone cannot be
read, e.g. while another process writes it), the log is the index's, as SQLite assumes: a log
in use is never set aside.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
import time
from pathlib import Path

#: Every write transaction runs this first: the ``meta`` page is in every log the index
#: writes (an unchanged row would not be written again), with the index's id.
STAMP_SQL = (
    "INSERT INTO meta VALUES ('index_id', ?) ON CONFLICT (key) DO NOTHING;"
    "INSERT INTO meta VALUES ('writes', '1') ON CONFLICT (key) DO UPDATE SET value = "
    "CAST(value AS INTEGER) + 1"
)
#: A log's header; a log no longer than it holds no frame.
_WAL_HEADER_BYTES = 32
_WAL_MAGIC = (0x377F0682, 0x377F0683)
#: Seconds a read may wait for a lock while checking.
_TIMEOUT_S = 1.0


def new_index_id() -> str:
    return secrets.token_hex(16)


def stamp(conn: sqlite3.Connection, index_id: str) -> None:
    """Mark the transaction open on ``conn`` as the index's (see ``STAMP_SQL``)."""
    first, second = STAMP_SQL.split(";")
    conn.execute(first, (index_id,))
    conn.execute(second)


def _uri(path: Path, query: str) -> str:
    return f"{Path(os.path.abspath(path)).as_uri()}?{query}"


def _read(uri: str) -> tuple[str | None, int]:
    """The ``index_id`` the database at ``uri`` holds (None: none) and its page size. Raises
    ``sqlite3.Error`` when it cannot be read. (Through SQLite only: a file descriptor of the
    database opened and closed here would drop the locks SQLite holds on it in this
    process.)"""
    conn = sqlite3.connect(uri, uri=True, timeout=_TIMEOUT_S)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'index_id'").fetchone()
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        conn.close()
    return (None if row is None else str(row[0])), page_size


def _wal_page_size(wal: Path) -> int | None:
    """The page size a log's header gives (None: not a log). SQLite locks no byte of it."""
    with open(wal, "rb") as f:
        head = f.read(_WAL_HEADER_BYTES)
    if len(head) < _WAL_HEADER_BYTES or int.from_bytes(head[:4], "big") not in _WAL_MAGIC:
        return None
    return int.from_bytes(head[8:12], "big")


def foreign_wal(path: Path) -> str | None:
    """Why the ``-wal`` beside the index at ``path`` is not its own, or None (no log, an
    empty one, the index's own, or no way to tell)."""
    wal = Path(f"{path}-wal")
    try:
        if os.stat(wal).st_size <= _WAL_HEADER_BYTES or not os.path.isfile(path):
            return None
        wal_page = _wal_page_size(wal)
    except OSError:
        return None
    if wal_page is None:
        return None
    try:
        own, page = _read(_uri(path, "immutable=1"))  # the file alone, first
    except sqlite3.Error:
        return None  # the file alone cannot be read: no way to tell
    if own is None:
        return None
    if page != wal_page:
        return f"its pages are of {wal_page} bytes, the index's of {page}"
    try:
        through, _ = _read(_uri(path, "mode=ro"))
    except sqlite3.Error as exc:
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None and code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB,
                                                 sqlite3.SQLITE_ERROR):
            return "with it the index cannot be read"
        return None  # busy, locked: in use, so no way to tell
    if through != own:
        return "it was written by another database"
    return None


def set_aside(path: Path) -> Path:
    """Rename the ``-wal`` beside ``path`` to ``-wal.stale-STAMP`` (kept, not deleted) and
    drop the ``-shm`` built from it; the new name."""
    stamp_ = time.strftime("%Y%m%d-%H%M%S")
    target = Path(f"{path}-wal.stale-{stamp_}")
    n = 1
    while target.exists():
        n += 1
        target = Path(f"{path}-wal.stale-{stamp_}-{n}")
    os.rename(f"{path}-wal", target)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(f"{path}-shm")
    return target
