"""An open index database: opening it (read-only, or for writing after its migrations), the
checks that it is an index of this explorer's, transactions, meta and settings, and the places
and mentions read back from rows (shared by the reader, the writer and the corrections)."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Self

from explorer.filenames import loaded, stored
from explorer.index import schema
from explorer.index.backup import backup_once
from explorer.index.errors import (
    ForeignIndex,
    IndexMissing,
    IndexNewer,
    IndexReadOnly,
    IndexUnavailable,
    NotAFile,
    OlderIndex,
    classify,
    guarded,
)
from explorer.index.location import refusal
from explorer.index.rows import place_from_row
from explorer.index.stale_wal import foreign_wal, new_index_id, set_aside, stamp
from explorer.query import (
    Filter,
    PlaceSummary,
)
from explorer.stored_reasons import decode, from_pairs
from gazetteer.model import Candidate, Mention, Place
from gazetteer.reasons import Reason

log = logging.getLogger(__name__)

BUSY_TIMEOUT_S = 5.0
CACHE_KIB = 64 * 1024  # page cache per connection, at most (allocated as used)


def _read_only(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    flags = "mode=ro&immutable=1" if immutable else "mode=ro"
    return sqlite3.connect(f"file:{path}?{flags}", uri=True, timeout=BUSY_TIMEOUT_S,
                           isolation_level=None, check_same_thread=False)


def _readable_as_immutable(path: Path, exc: sqlite3.OperationalError) -> bool:
    """A read-only open failed because the folder cannot be written (SQLite could not make
    the ``-shm`` file), and no ``-wal`` holds transactions that reading as immutable would
    miss."""
    if (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF not in (sqlite3.SQLITE_CANTOPEN,
                                                                 sqlite3.SQLITE_READONLY):
        return False
    if os.access(path.parent, os.W_OK):
        return False
    wal = Path(f"{path}-wal")
    return not wal.exists() or wal.stat().st_size == 0

class IndexConnection:
    """An open index database; ``explorer.index.db.IndexDB`` adds the reads and writes."""

    _searchable = False  # the search's SQL function is installed on ``conn``
    _measuring = False  # the areas' distance function is installed on ``conn``

    def __init__(self, path: Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self._places: dict[str, Place] = {}
        self._known: set[str] = set()  # place ids the places table holds (writer)
        # The places of the last filters asked (by text and article, every country), with
        # the data_version they were computed at: views ask for them again and again.
        self._memo: dict[Filter, tuple[int, list[PlaceSummary]]] = {}
        self._confidences: tuple[int, dict[str, float]] | None = None
        self._copy_totals: tuple[int, tuple[int, int, int]] | None = None  # see stats()
        self._timelines: dict[Filter, tuple[int, list[tuple[str, int]]]] = {}
        self._regions: tuple[int, list[str]] | None = None  # the region ids, by data_version
        #: Articles per outlet, format and language, by data_version.
        self._facets: tuple[int, dict[str, list[tuple[str, int]]]] | None = None
        #: Read as an immutable file (its folder cannot be written: see ``_read_only``).
        self.immutable = False
        if why := refusal(self.path):
            raise NotAFile(self.path, why)
        #: Where a ``-wal`` that was not the index's own was set aside (see stale_wal).
        self.wal_set_aside: Path | None = None
        if (why := foreign_wal(self.path)) is not None:
            self._set_wal_aside(why)
        self._unreadable: list[tuple[int, str]] = []  # corrections rows, and why
        self._alternatives: dict[str, tuple[Candidate, ...]] = {}  # by their JSON
        self._strings: dict[str, str] = {}
        #: Reasons read back, by their column's text: shared by the mentions that repeat them.
        self._reasons: dict[str, tuple[Reason, ...]] = {}
        with guarded(self.path):
            if readonly:
                if not self.path.exists():
                    raise IndexMissing(self.path)
                self.conn = _read_only(self.path)
                try:
                    version = self._version()
                except sqlite3.OperationalError as exc:
                    if not _readable_as_immutable(self.path, exc):
                        self.conn.close()
                        raise
                    # A folder that cannot be written: SQLite cannot make the shared-memory
                    # file a WAL reader needs. Nobody can write there either, and there is no
                    # -wal to miss: the file is read as it is.
                    self.conn.close()
                    self.conn = _read_only(self.path, immutable=True)
                    self.immutable = True
                    version = self._version()
                self._check_ours(version)
                self._check_version(version, readonly=True)
                self.conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
                return
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise IndexReadOnly(self.path,
                                    f"cannot be created: {exc.strerror or exc}") from None
            self.conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S,
                                        isolation_level=None, check_same_thread=False)
            try:
                self._open_for_writing()
                self._known = {r[0] for r in self.conn.execute("SELECT id FROM places")}
            except BaseException:
                self.conn.close()
                raise

    def _set_wal_aside(self, why: str) -> None:
        wal = f"{self.path}-wal"
        try:
            self.wal_set_aside = set_aside(self.path)
        except OSError as exc:
            raise ForeignIndex(
                self.path, f"has a log beside it that is not its own ({why}): "
                f"{wal} cannot be moved away: {exc.strerror or exc}") from None
        log.warning("%s: the log beside the index was not its own (%s): set aside as %s",
                    wal, why, self.wal_set_aside)

    def _version(self) -> int:
        row = self.conn.execute("PRAGMA user_version").fetchone()
        return int(row[0])

    def _check_version(self, version: int, *, readonly: bool) -> None:
        if version > schema.SCHEMA_VERSION:
            raise IndexNewer(self.path)
        if readonly and version == 0:
            raise IndexMissing(self.path)
        if readonly and version < schema.SCHEMA_VERSION:
            raise OlderIndex(self.path, version)

    def _check_ours(self, version: int) -> None:
        """Refuse (``foreign``) a database explorer did not make, before anything changes it:
        a negative version, tables at version 0, or the index's own tables missing."""
        if version < 0:
            raise ForeignIndex(self.path, "is not an explorer index (its "
                               f"schema version is {version})")
        if version > schema.SCHEMA_VERSION:
            return  # a newer explorer's: said by _check_version
        names = {r[0] for r in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version == 0:
            if names:
                raise ForeignIndex(self.path, "is not an explorer index (an "
                                   "SQLite database of something else)")
            return
        missing = [t for t in schema.OWN_TABLES if t not in names]
        if missing:
            raise ForeignIndex(self.path, "is not an explorer index (no table "
                               f"{', '.join(missing)})")

    def _open_for_writing(self) -> None:
        conn = self.conn
        version = self._version()
        # Nothing is changed (not even the journal mode) until the file is known to be ours.
        self._check_ours(version)
        self._check_version(version, readonly=False)
        conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        conn.execute("PRAGMA foreign_keys=ON")
        current = schema.SCHEMA_VERSION
        kept = backup_once(self.path, f"v{version}") if 0 < version < current else None
        while version < current:
            try:
                conn.executescript(f"BEGIN IMMEDIATE; {schema.MIGRATIONS[version]}\n"
                                   f"PRAGMA user_version = {version + 1}; COMMIT;")
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if not isinstance(exc, sqlite3.Error):
                    raise
                said = classify(self.path, exc)
                if said is not None and said.reason != "unavailable":  # locked, full, ...
                    raise said from None
                # Otherwise the index is not as its version says: it cannot be upgraded.
                copy = f"; a copy of it is kept as {kept}" if kept else ""
                raise IndexUnavailable(
                    self.path, "unavailable",
                    f"could not be brought up to date from version {version} to "
                    f"{version + 1} (SQLite said: {exc}); it is left as it was{copy}; "
                    "rebuilding it keeps the corrections and the saved filter") from None
            version += 1
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")  # WAL: consistent after a power cut
        if conn.execute("SELECT 1 FROM meta WHERE key = 'index_id'").fetchone() is None:
            with self.transaction():  # its id, from the start (see explorer.index.stale_wal)
                pass

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions, meta and settings -------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction (BEGIN IMMEDIATE: one writer at a time, others wait)."""
        with guarded(self.path):
            self.conn.execute("BEGIN IMMEDIATE")
            self._memo.clear()  # this connection's own writes do not change data_version
            self._confidences = None
            self._copy_totals = None
            self._timelines.clear()
            self._regions = None
            self._facets = None
            try:
                stamp(self.conn, new_index_id())  # the index's id in every log it writes
                yield
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    @contextlib.contextmanager
    def savepoint(self) -> Iterator[None]:
        """Inside a transaction: what the block wrote is undone if it raises."""
        self.conn.execute("SAVEPOINT one")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK TO one")
            self.conn.execute("RELEASE one")
            self._known = {r[0] for r in self.conn.execute("SELECT id FROM places")}
            raise
        self.conn.execute("RELEASE one")

    def get_meta(self, key: str) -> str | None:
        with guarded(self.path):
            row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else loaded(str(row[0]))

    def get_setting(self, key: str) -> str | None:
        """A value of the analyst's ``settings`` table (None when absent)."""
        with guarded(self.path):
            row = self.conn.execute("SELECT value FROM settings WHERE key = ?",
                                    (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_setting(self, key: str, value: str | None) -> None:
        """Store (None: remove) a value of the analyst's ``settings`` table, in its own
        transaction."""
        with self.transaction():
            if value is None:
                self.conn.execute("DELETE FROM settings WHERE key = ?", (key,))
            else:
                self.conn.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)", (key, value))

    def set_meta(self, key: str, value: str) -> None:
        """Inside a transaction."""
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, stored(value)))

    def _place(self, pid: str) -> Place:
        p = self._places.get(pid)
        if p is None:
            row = self.conn.execute("SELECT * FROM places WHERE id = ?", (pid,)).fetchone()
            p = self._places[pid] = place_from_row(row)
        return p

    def _load_places(self, ids: Iterable[str]) -> None:
        missing = [i for i in set(ids) if i not in self._places]
        if len(missing) > 2000:  # one pass over the table beats thousands of lookups
            for row in self.conn.execute("SELECT * FROM places"):
                if row[0] not in self._places:
                    self._places[row[0]] = place_from_row(row)
            return
        for k in range(0, len(missing), 500):
            chunk = missing[k:k + 500]
            q = ",".join("?" * len(chunk))
            for row in self.conn.execute(f"SELECT * FROM places WHERE id IN ({q})", chunk):
                self._places[row[0]] = place_from_row(row)

    def _mention(self, r: Sequence[Any]) -> Mention:
        # A name said a million times has one alternatives JSON: its candidates are made
        # once and shared by its mentions (memory per mention stays small).
        alts = self._alternatives.get(r[7])
        if alts is None:
            parsed = json.loads(r[7])
            self._load_places(a[0] for a in parsed)
            alts = tuple(Candidate(self._places[a[0]], a[1], from_pairs(a[2])) for a in parsed)
            if len(self._alternatives) >= 4096:
                self._alternatives.clear()
                self._strings.clear()
            self._alternatives[r[7]] = alts
        place = self._places.get(r[4])
        if place is None:
            self._load_places([r[4]])
            place = self._places[r[4]]
        if len(self._strings) >= 100_000:
            self._strings.clear()
            self._reasons.clear()
        same = self._strings.setdefault  # its surface form too
        reasons = self._reasons.get(r[6])
        if reasons is None:  # its reasons too, made once for the mentions repeating them
            reasons = self._reasons[r[6]] = decode(r[6])
        return Mention(r[0], r[1], same(r[2], r[2]), r[3], place, r[5], reasons, alts)
