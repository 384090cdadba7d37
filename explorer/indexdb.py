"""The persistent index: one SQLite database per corpus folder (stdlib ``sqlite3``, WAL).

Tables: ``articles`` (identity and metadata), ``passages`` and ``passages_fts`` (FTS5 over the
passages' words folded as the geoparser folds, see ``explorer.query.fold_words``), ``mentions``
(offsets, type, place, confidence, reason, alternatives as JSON), ``places`` (every field of
the places as resolved: reading needs no gazetteer), ``passage_places`` (one row per passage
and place it names: the click → passages page is one index range), ``place_stats`` (counts kept
up to date as articles come and go), ``countries``, ``problems`` (files refused), ``meta``,
and the analyst's own tables, ``corrections`` and ``settings``, which indexing never touches.

The schema version is ``PRAGMA user_version``; ``MIGRATIONS[v]`` takes a database from version
``v`` to ``v + 1``, after a backup copy of the file is made. An SQLite failure that says the
index cannot be used surfaces as one ``IndexUnavailable`` with a one-line message, its kind
chosen by SQLite's result code (locked, read-only, corrupt, disk full, cannot be opened, I/O
error); any other SQLite error is a bug and propagates as it is.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import time
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

from explorer.areas import install as install_km
from explorer.article import Article, Passage
from explorer.corrections import (
    Applied,
    Correction,
    CorrectionError,
    NewPlace,
    apply,
    folded_name,
    mentions_from_json,
    mentions_to_json,
    relevant,
)
from explorer.filenames import loaded, loaded_or_none, stored
from explorer.index.location import refusal
from explorer.mention_rows import MentionRows
from explorer.query import (
    TOPONYMS,
    ArticleInfo,
    CountrySummary,
    Filter,
    PassageHit,
    PlaceSummary,
    bucketed,
    country_order,
    fold_words_text,
    region_members,
    regions_holding,
    summary_order,
)
from explorer.search import SQL_FUNCTION, sql_condition
from explorer.search import install as install_search
from explorer.index.stale_wal import foreign_wal, new_index_id, set_aside, stamp
from gazetteer.model import Candidate, Mention, Place

log = logging.getLogger(__name__)

SCHEMA_VERSION = 6
BUSY_TIMEOUT_S = 5.0
#: The full-text index is merged by indexing when it is in more segments than this.
SEARCH_SEGMENTS = 8
CACHE_KIB = 64 * 1024  # page cache per connection, at most (allocated as used)
ALL = Filter()


class IndexUnavailable(Exception):
    """The index cannot be used: ``str(exc)`` says why in one line; ``reason`` is one of
    ``locked``, ``read-only``, ``corrupt``, ``full``, ``cannot-open``, ``io``, ``newer``,
    ``unavailable``, ``not-a-file`` (a FIFO, a device, a folder: see ``explorer.index.location``),
    ``foreign`` (an SQLite database explorer did not make).
    """

    def __init__(self, path: Path, reason: str, detail: str) -> None:
        super().__init__(f"{path}: index {detail}")
        self.path = path
        self.reason = reason


class OlderIndex(IndexUnavailable):
    """An index made by an older explorer: opening it for writing (``explorer index``)
    brings it up to date, after a backup copy."""

    def __init__(self, path: Path, version: int) -> None:
        super().__init__(path, "unavailable",
                         f"was made by an older explorer (version {version} of "
                         f"{SCHEMA_VERSION}); `explorer index` on its folder brings it up to "
                         "date (a copy of it is kept)")
        self.version = version


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


def default_index_path(corpus_dir: Path) -> Path:
    """The index of ``corpus_dir`` in the user's data directory, keyed by its resolved path.

    ``$EXPLORER_DATA_DIR`` overrides the data directory (tests, portable installs). Raises
    ``CorpusError`` when the folder's path cannot be resolved (a symbolic link loop)."""
    try:
        root = Path(corpus_dir).resolve()
    except (RuntimeError, OSError) as exc:  # RuntimeError: Python < 3.13's "Symlink loop"
        from explorer.corpus import CorpusError

        loop = isinstance(exc, RuntimeError) or exc.errno == errno.ELOOP
        why = "a symbolic link loop, not a folder" if loop else f"cannot be resolved: {exc}"
        raise CorpusError(f"{corpus_dir}: {why}") from None
    if env := os.environ.get("EXPLORER_DATA_DIR"):
        base = Path(env)
    else:
        from platformdirs import user_data_dir

        base = Path(user_data_dir("explorer", appauthor=False))
    key = hashlib.sha256(os.fsencode(root)).hexdigest()[:16]
    name = "".join(c if c.isalnum() else "_" for c in root.name)[:40] or "root"
    return base / "indexes" / f"{name}-{key}.sqlite"


# -- schema and migrations -----------------------------------------------------------------

_SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    doc TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    title TEXT NOT NULL,
    outlet TEXT,
    published TEXT,
    updated TEXT,
    encoding TEXT NOT NULL,
    sortkey TEXT NOT NULL,          -- reading order: date (undated last), then file
    gazetteer TEXT NOT NULL         -- fingerprint of the gazetteer its mentions come from
);
CREATE INDEX articles_by_date ON articles(sortkey);
CREATE TABLE passages (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX passages_by_article ON passages(article, start);
-- Words only (detail=none): queries ask for passages holding every word, not for phrases.
CREATE VIRTUAL TABLE passages_fts USING fts5(
    words, detail = none, tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TABLE places (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL, name_ar TEXT NOT NULL, kind TEXT NOT NULL,
    lat REAL NOT NULL, lon REAL NOT NULL, country TEXT, geonameid INTEGER,
    population INTEGER NOT NULL, capital INTEGER NOT NULL,
    extra TEXT NOT NULL,            -- the other fields of gazetteer.model.Place, as JSON
    refs INTEGER NOT NULL DEFAULT 0 -- articles referring to it; the place goes at 0
);
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    passage INTEGER,
    seq INTEGER NOT NULL,           -- order the geoparser returned it in
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    place_id TEXT NOT NULL,
    confidence REAL NOT NULL,
    reason TEXT NOT NULL,
    alternatives TEXT NOT NULL      -- JSON [[place id, score, [reasons]], ...]
);
CREATE INDEX mentions_by_article ON mentions(article, start, seq);
CREATE TABLE passage_places (
    place_id TEXT NOT NULL,
    country TEXT,
    sortkey TEXT NOT NULL,
    pstart INTEGER NOT NULL,
    passage INTEGER NOT NULL,
    article INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (place_id, sortkey, pstart, passage)
) WITHOUT ROWID;
CREATE INDEX passage_places_by_country ON passage_places(country, sortkey, pstart);
CREATE INDEX passage_places_by_order ON passage_places(sortkey, pstart);
-- Covering: a full-text filter's places and countries are read from this index alone.
CREATE INDEX passage_places_by_passage
    ON passage_places(passage, place_id, country, mentions, article);
CREATE TABLE place_stats (
    place_id TEXT PRIMARY KEY, country TEXT, count INTEGER NOT NULL, articles INTEGER NOT NULL
);
CREATE INDEX place_stats_by_country ON place_stats(country);
CREATE TABLE countries (code TEXT PRIMARY KEY, name TEXT NOT NULL, name_ar TEXT NOT NULL);
CREATE TABLE problems (              -- files refused: not read again while their stat holds
    path TEXT NOT NULL, message TEXT NOT NULL, line INTEGER,
    doc TEXT, size INTEGER, mtime_ns INTEGER
);
-- The analyst's data: never written by indexing, kept through migrations and rebuilds.
-- Corrections are keyed by what they correct (file, offsets, surface form), never by row ids,
-- so they survive re-indexing. scope: 'mention' (doc, start, end), 'article' (doc + surface),
-- 'corpus' (surface); action: 'reject' or 'resolve' (to place_id, or to the place in JSON).
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    scope TEXT NOT NULL CHECK (scope IN ('mention', 'article', 'corpus')),
    doc TEXT,
    start INTEGER,
    "end" INTEGER,
    surface TEXT,
    action TEXT NOT NULL CHECK (action IN ('reject', 'resolve')),
    place_id TEXT,
    place TEXT,
    sha256 TEXT,                    -- the article's content when the correction was made
    note TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);
CREATE INDEX corrections_by_doc ON corrections(doc);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

# Version 2: the row counts of the big tables, kept by the writer in the transactions that
# change them (``stats()`` was three COUNT(*) scans, 2.5 million mentions at 100,000 articles).
_TOTALS_V2 = """
CREATE TABLE totals (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO totals VALUES
    ('articles', (SELECT COUNT(*) FROM articles)),
    ('passages', (SELECT COUNT(*) FROM passages)),
    ('mentions', (SELECT COUNT(*) FROM mentions)),
    ('demonyms', (SELECT COUNT(*) FROM mentions WHERE type = 'demonym'));
"""

# Version 3: the geoparser's own mentions of the articles a correction changed (JSON, see
# ``explorer.corrections.mentions_to_json``), so that a correction undone brings them back.
_UNCORRECTED_V3 = """
CREATE TABLE uncorrected (
    article INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    mentions TEXT NOT NULL
);
"""

# Version 4: the reading-order index of ``passage_places`` also holds the mention counts, so
# a timeline (mentions per day) is read from the index alone (5x quicker on the whole corpus).
_TIMELINE_V4 = """
DROP INDEX passage_places_by_order;
CREATE INDEX passage_places_by_order ON passage_places(sortkey, pstart, mentions);
"""

# Version 5: what a document states of itself (explorer.formats): author, canonical URL,
# language, format; and the PDF page of each passage.
_DOCUMENT_META_V5 = """
ALTER TABLE articles ADD COLUMN author TEXT;
ALTER TABLE articles ADD COLUMN url TEXT;
ALTER TABLE articles ADD COLUMN language TEXT;
ALTER TABLE articles ADD COLUMN format TEXT NOT NULL DEFAULT 'txt';
ALTER TABLE passages ADD COLUMN page INTEGER;
"""

# Version 6: wire copies (explorer.wire): each article's MinHash sketch and band keys, and its
# group of copies (``wire``: a group number, shared by the copies; NULL: none found). Filled
# as articles are stored (the fingerprint of the sources, explorer.wire among them, changed:
# every article is read again).
_WIRE_V6 = """
ALTER TABLE articles ADD COLUMN wire INTEGER;
CREATE INDEX articles_by_wire ON articles(wire) WHERE wire IS NOT NULL;
CREATE TABLE wire_sketches (
    article INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    minhash BLOB NOT NULL
);
CREATE TABLE wire_bands (
    key INTEGER NOT NULL,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (key, article)
) WITHOUT ROWID;
CREATE INDEX wire_bands_by_article ON wire_bands(article);
"""

#: ``MIGRATIONS[v]``: the SQL script taking the database from ``user_version`` v to v + 1
#: (run in one transaction, after a backup copy of the file was made). A new database runs
#: them all.
MIGRATIONS: dict[int, str] = {0: _SCHEMA_V1, 1: _TOTALS_V2, 2: _UNCORRECTED_V3,
                               3: _TIMELINE_V4, 4: _DOCUMENT_META_V5, 5: _WIRE_V6}
#: Tables holding the analyst's work: carried over by ``rebuild``.
USER_TABLES = ("corrections", "settings")
#: Tables every version of the index has: a database without them is not an index.
_OWN_TABLES = ("meta", "articles", "passages", "mentions", "places", *USER_TABLES)

_PLACE_COLUMNS = ("id", "name", "name_ar", "kind", "lat", "lon", "country", "geonameid",
                  "population", "capital")
_PLACE_EXTRA = tuple(f.name for f in fields(Place) if f.name not in _PLACE_COLUMNS)
_PLACE_INSERT = ", ".join((*_PLACE_COLUMNS, "extra"))


#: SQLite's primary result codes (``sqlite_errorcode & 0xff``) that say the index cannot be
#: used, by the ``IndexUnavailable.reason`` they stand for. Any other code (a syntax error, a
#: constraint, a misuse) is a bug of explorer's and propagates as it is.
_REASONS = {
    sqlite3.SQLITE_BUSY: "locked", sqlite3.SQLITE_LOCKED: "locked",
    sqlite3.SQLITE_PROTOCOL: "locked",
    sqlite3.SQLITE_READONLY: "read-only", sqlite3.SQLITE_PERM: "read-only",
    sqlite3.SQLITE_CORRUPT: "corrupt", sqlite3.SQLITE_NOTADB: "corrupt",
    sqlite3.SQLITE_FULL: "full",
    sqlite3.SQLITE_CANTOPEN: "cannot-open",
    sqlite3.SQLITE_IOERR: "io",
}


def _classify(path: Path, exc: sqlite3.Error) -> IndexUnavailable | None:
    """What ``exc`` says of the index at ``path``, by SQLite's result code; None when it is
    not about the index (a bug: the caller lets it propagate)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        # Python's own error for bytes that are not UTF-8 in a TEXT column: a damaged page
        # (it has no SQLite code; the message is Python's, fixed in _sqlite/cursor.c).
        if (isinstance(exc, sqlite3.OperationalError)
                and str(exc).startswith("Could not decode to UTF-8")):
            return IndexUnavailable(path, "corrupt", "is damaged (not a valid SQLite database)")
        return None
    reason = _REASONS.get(code & 0xFF)
    if reason == "locked":
        return IndexUnavailable(path, "locked", "is locked by another explorer; try again later")
    if reason == "read-only":
        return IndexUnavailable(path, "read-only", "cannot be written (read-only file or folder)")
    if reason == "corrupt":
        return IndexUnavailable(path, "corrupt", "is damaged (not a valid SQLite database)")
    if reason == "full":
        return IndexUnavailable(path, "full", "cannot grow: the disk is full")
    if reason == "cannot-open":
        if path.is_file() and os.access(path, os.R_OK):
            # The file is there and readable: what cannot be opened is it for writing, or
            # the log beside it (a folder that cannot be written): read-only, still read.
            return IndexUnavailable(path, "read-only",
                                    "cannot be written (read-only file or folder)")
        return IndexUnavailable(path, "cannot-open", f"cannot be opened: {_cannot_open(path)}")
    if reason == "io":
        return IndexUnavailable(path, "io", "cannot be read or written: the disk reported an "
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
    read-only, damaged, full, cannot be opened, I/O error) into one ``IndexUnavailable``;
    any other (a bug) propagates as it is."""
    try:
        yield
    except sqlite3.Error as exc:
        unavailable = _classify(path, exc)
        if unavailable is None:
            raise
        raise unavailable from None


def backup(path: Path, label: str, *, raw: bool = False) -> Path | None:
    """Copy the database beside it, the copy's path: a consistent SQLite snapshot (WAL
    included), or with ``raw`` (a damaged file) its bytes as they are, WAL beside. Refuses
    (``IndexUnavailable``) what is not a regular file: a copy of ``/dev/zero`` never ends."""
    if why := refusal(path):
        raise IndexUnavailable(path, "not-a-file", why)
    if not path.exists():
        return None
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}.bak")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.{label}-{stamp}-{n}.bak")
    if raw:
        shutil.copy2(path, target)
        wal = Path(f"{path}-wal")
        if wal.exists():
            shutil.copy2(wal, f"{target}-wal")
        return target
    try:
        src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(target)
            with dst:
                src.backup(dst)
            dst.close()
        finally:
            src.close()
    except sqlite3.Error:
        target.unlink(missing_ok=True)
        shutil.copy2(path, target)  # unreadable as a database: keep the bytes
    return target


def backup_once(path: Path, label: str) -> Path | None:
    """``backup(path, label)`` unless a backup under that label is already as new as the file
    (a migration failing again and again copies the file once, not at every attempt)."""
    try:
        st = path.stat()
        wal = Path(f"{path}-wal")
        pending = wal.stat().st_size if wal.exists() else 0
        for old in sorted(path.parent.glob(f"{glob_escape(path.name)}.{label}-*.bak"),
                          reverse=True):
            if old.stat().st_mtime_ns >= st.st_mtime_ns and not pending:
                return old
    except OSError:
        pass
    return backup(path, label)


def glob_escape(name: str) -> str:
    """``name`` matched literally by ``Path.glob``."""
    return "".join(f"[{c}]" if c in "*?[]" else c for c in name)
def _stored_or_none(name: str | None) -> str | None:
    return None if name is None else stored(name)


def _sortkey(published: str | None, doc: str) -> str:
    return ("0" + published if published else "1") + "\x01" + doc


def _place_row(p: Place) -> tuple[Any, ...]:
    extra = {name: getattr(p, name) for name in _PLACE_EXTRA}
    return (p.id, p.name, p.name_ar, p.kind, p.lat, p.lon, p.country, p.geonameid,
            p.population, int(p.capital), json.dumps(extra, ensure_ascii=False))


def _place_from_row(row: Sequence[Any]) -> Place:
    extra = json.loads(row[10])
    for name in ("names_ar", "names_en", "demonyms_ar", "members"):
        if name in extra:
            extra[name] = tuple(extra[name])
    return Place(id=row[0], name=row[1], name_ar=row[2], kind=row[3], lat=row[4], lon=row[5],
                 country=row[6], geonameid=row[7], population=row[8], capital=bool(row[9]),
                 **extra)


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """What the index knows of a file, to decide whether it must be read again."""

    id: int
    doc: str
    size: int
    mtime_ns: int
    sha256: str
    gazetteer: str


@dataclass(frozen=True, slots=True)
class StoredProblem:
    """A problem met while indexing; for a refused file, its stat then (to skip it while
    it stays as it was)."""

    path: str
    message: str
    line: int | None = None
    doc: str | None = None
    size: int | None = None
    mtime_ns: int | None = None

    def __str__(self) -> str:
        """``FILE: what is wrong`` (``FILE:LINE: …`` with a line), as ``Problem`` says it."""
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


class IndexDB:
    """An open index database: the writer's methods and the ``IndexReader`` queries."""

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
        #: Read as an immutable file (its folder cannot be written: see ``_read_only``).
        self.immutable = False
        if why := refusal(self.path):
            raise IndexUnavailable(self.path, "not-a-file", why)
        #: Where a ``-wal`` that was not the index's own was set aside (see stale_wal).
        self.wal_set_aside: Path | None = None
        if (why := foreign_wal(self.path)) is not None:
            self._set_wal_aside(why)
        self._unreadable: list[tuple[int, str]] = []  # corrections rows, and why
        self._alternatives: dict[str, tuple[Candidate, ...]] = {}  # by their JSON
        self._strings: dict[str, str] = {}
        with guarded(self.path):
            if readonly:
                if not self.path.exists():
                    raise IndexUnavailable(self.path, "unavailable", "is not built yet")
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
                raise IndexUnavailable(self.path, "read-only",
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
            raise IndexUnavailable(
                self.path, "foreign", f"has a log beside it that is not its own ({why}): "
                f"{wal} cannot be moved away: {exc.strerror or exc}") from None
        log.warning("%s: the log beside the index was not its own (%s): set aside as %s",
                    wal, why, self.wal_set_aside)

    def _version(self) -> int:
        row = self.conn.execute("PRAGMA user_version").fetchone()
        return int(row[0])

    def _check_version(self, version: int, *, readonly: bool) -> None:
        if version > SCHEMA_VERSION:
            raise IndexUnavailable(self.path, "newer", "was made by a newer explorer")
        if readonly and version == 0:
            raise IndexUnavailable(self.path, "unavailable", "is not built yet")
        if readonly and version < SCHEMA_VERSION:
            raise OlderIndex(self.path, version)

    def _check_ours(self, version: int) -> None:
        """Refuse (``foreign``) a database explorer did not make, before anything changes it:
        a negative version, tables at version 0, or the index's own tables missing."""
        if version < 0:
            raise IndexUnavailable(self.path, "foreign", "is not an explorer index (its "
                                   f"schema version is {version})")
        if version > SCHEMA_VERSION:
            return  # a newer explorer's: said by _check_version
        names = {r[0] for r in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version == 0:
            if names:
                raise IndexUnavailable(self.path, "foreign", "is not an explorer index (an "
                                       "SQLite database of something else)")
            return
        missing = [t for t in _OWN_TABLES if t not in names]
        if missing:
            raise IndexUnavailable(self.path, "foreign", "is not an explorer index (no table "
                                   f"{', '.join(missing)})")

    def _open_for_writing(self) -> None:
        conn = self.conn
        version = self._version()
        # Nothing is changed (not even the journal mode) until the file is known to be ours.
        self._check_ours(version)
        self._check_version(version, readonly=False)
        conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        conn.execute("PRAGMA foreign_keys=ON")
        kept = backup_once(self.path, f"v{version}") if 0 < version < SCHEMA_VERSION else None
        while version < SCHEMA_VERSION:
            try:
                conn.executescript(f"BEGIN IMMEDIATE; {MIGRATIONS[version]}\n"
                                   f"PRAGMA user_version = {version + 1}; COMMIT;")
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if not isinstance(exc, sqlite3.Error):
                    raise
                said = _classify(self.path, exc)
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

    def __enter__(self) -> IndexDB:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing --------------------------------------------------------------------------

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

    def stored(self) -> dict[str, StoredArticle]:
        with guarded(self.path):
            rows = self.conn.execute(
                "SELECT id, doc, size, mtime_ns, sha256, gazetteer FROM articles").fetchall()
        return {loaded(r[1]): StoredArticle(r[0], loaded(r[1]), *r[2:]) for r in rows}

    def touch(self, article_id: int, size: int, mtime_ns: int) -> None:
        """The file was touched but its content is the same: remember its new stat."""
        self.conn.execute("UPDATE articles SET size = ?, mtime_ns = ? WHERE id = ?",
                          (size, mtime_ns, article_id))

    def delete(self, doc: str) -> None:
        """Remove an article, its passages and mentions, and its share of the counts."""
        conn = self.conn
        row = conn.execute("SELECT id FROM articles WHERE doc = ?", (stored(doc),)).fetchone()
        if row is None:
            return
        aid = row[0]
        self._add_totals(-1, *conn.execute(
            "SELECT -(SELECT COUNT(*) FROM passages WHERE article = ?1), "
            "-(SELECT COUNT(*) FROM mentions WHERE article = ?1), "
            "-(SELECT COUNT(*) FROM mentions WHERE article = ?1 AND type = 'demonym')",
            (aid,)).fetchone())
        for pid, n in conn.execute(
            "SELECT place_id, COUNT(*) FROM mentions WHERE article = ? AND type = 'toponym' "
            "GROUP BY place_id", (aid,)).fetchall():
            conn.execute("UPDATE place_stats SET count = count - ?, articles = articles - 1 "
                         "WHERE place_id = ?", (n, pid))
        conn.execute("DELETE FROM place_stats WHERE count <= 0")
        referred = [r[0] for r in conn.execute(
            "SELECT place_id FROM mentions WHERE article = ?1 UNION SELECT "
            "json_extract(j.value, '$[0]') FROM mentions, json_each(mentions.alternatives) AS j "
            "WHERE mentions.article = ?1", (aid,))]
        conn.executemany("UPDATE places SET refs = refs - 1 WHERE id = ?",
                         [(pid,) for pid in referred])
        gone = [r[0] for r in conn.execute(
            f"SELECT id FROM places WHERE refs <= 0 AND id IN ({','.join('?' * len(referred))})",
            referred)] if referred else []
        conn.executemany("DELETE FROM places WHERE id = ?", [(pid,) for pid in gone])
        self._known.difference_update(gone)
        for pid in gone:
            self._places.pop(pid, None)
        conn.execute("DELETE FROM passages_fts WHERE rowid IN "
                     "(SELECT id FROM passages WHERE article = ?)", (aid,))
        conn.execute(  # by its primary key: the article's places and reading-order key
            "DELETE FROM passage_places WHERE place_id IN (SELECT place_id FROM mentions "
            "WHERE article = ?) AND sortkey = (SELECT sortkey FROM articles WHERE id = ?)",
            (aid, aid))
        conn.execute("DELETE FROM mentions WHERE article = ?", (aid,))
        conn.execute("DELETE FROM passages WHERE article = ?", (aid,))
        conn.execute("DELETE FROM wire_bands WHERE article = ?", (aid,))
        conn.execute("DELETE FROM wire_sketches WHERE article = ?", (aid,))
        conn.execute("DELETE FROM articles WHERE id = ?", (aid,))

    def put(
        self,
        article: Article,
        mentions: Sequence[Mention],
        gazetteer: str,
        words: Sequence[str] | None = None,
    ) -> None:
        """Store an article with its passages and mentions (replacing any older version).
        Inside a transaction."""
        places = {m.place.id: m.place for m in mentions}
        places.update((c.place.id, c.place) for m in mentions for c in m.alternatives)
        self.put_rows(prepare(article, mentions, gazetteer, words), places.__getitem__)

    def put_rows(self, rows: ArticleRows, place: Callable[[str], Place],
                 replace: bool = True) -> None:
        """Store what ``prepare`` made of an article (``place(id)`` gives the places the index
        does not hold yet). ``replace``: the article may be in the index already. Inside a
        transaction."""
        conn = self.conn
        if replace:
            self.delete(rows.article[0])
        a = rows.article  # the file name (and the sort key ending with it) as stored text
        aid = conn.execute(
            "INSERT INTO articles (doc, size, mtime_ns, sha256, title, outlet, published, "
            "updated, encoding, sortkey, gazetteer, author, url, language, format) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (stored(a[0]), *a[1:9], stored(a[9]), *a[10:])).lastrowid
        self._add_totals(1, len(rows.passages), len(rows.mentions),
                         rows.mentions.count_type("demonym"))
        base = conn.execute("SELECT IFNULL(MAX(id), 0) + 1 FROM passages").fetchone()[0]
        # Generators, not lists: the rows of a huge article are not copied once more.
        conn.executemany('INSERT INTO passages (id, article, start, "end", kind, text, page) '
                         "VALUES (?,?,?,?,?,?,?)",
                         ((base + i, aid, *p[:4], p[5]) for i, p in enumerate(rows.passages)))
        conn.executemany("INSERT INTO passages_fts (rowid, words) VALUES (?, ?)",
                         ((base + i, p[4]) for i, p in enumerate(rows.passages)))
        conn.executemany(
            "INSERT INTO mentions (article, passage, seq, start, \"end\", text, type, place_id, "
            "confidence, reason, alternatives) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            ((aid, None if m[0] is None else base + m[0], *m[1:]) for m in rows.mentions))
        fresh = [pid for pid in rows.places if pid not in self._known]
        if fresh:
            conn.executemany(f"INSERT INTO places ({_PLACE_INSERT}) VALUES "
                             "(?,?,?,?,?,?,?,?,?,?,?)", [_place_row(place(pid)) for pid in fresh])
            self._known.update(fresh)
        conn.executemany("UPDATE places SET refs = refs + 1 WHERE id = ?",
                         [(pid,) for pid in rows.places])
        sortkey = stored(a[9])
        conn.executemany("INSERT INTO passage_places VALUES (?,?,?,?,?,?,?)",
                         [(pid, country, sortkey, pstart, base + i, aid, n)
                          for pid, country, pstart, i, n in rows.passage_places])
        conn.executemany(
            "INSERT INTO place_stats VALUES (?, ?, ?, 1) ON CONFLICT (place_id) DO UPDATE "
            "SET count = count + excluded.count, articles = articles + 1", rows.counts)
        if rows.sketch is not None and aid is not None:
            self._join_copies(aid, rows.sketch)

    def _join_copies(self, aid: int, sketch: bytes) -> None:
        """Store the article's sketch and put it in the group of its copies (``explorer.wire``):
        the articles sharing a band key with it are compared, one per group at most; the
        groups it matches become one."""
        from explorer.wire import THRESHOLD, band_keys, similarity

        conn = self.conn
        keys = band_keys(sketch)
        marks = ",".join("?" * len(keys))
        # The groups it is a copy in: a group's number (the lowest article id it had), or an
        # article alone's id negated.
        found: set[int] = set()
        for other, theirs, wire in conn.execute(
                "SELECT DISTINCT b.article, s.minhash, a.wire FROM wire_bands AS b "
                "JOIN wire_sketches AS s ON s.article = b.article "
                f"JOIN articles AS a ON a.id = b.article WHERE b.key IN ({marks}) "
                "ORDER BY b.article", keys).fetchall():
            group = -other if wire is None else wire
            if group not in found and similarity(sketch, theirs) >= THRESHOLD:
                found.add(group)
        conn.execute("INSERT INTO wire_sketches VALUES (?, ?)", (aid, sketch))
        conn.executemany("INSERT OR IGNORE INTO wire_bands VALUES (?, ?)",
                         [(k, aid) for k in keys])
        if not found:
            return
        groups = sorted(g for g in found if g >= 0)
        alone = sorted(-g for g in found if g < 0)
        gid = min([*groups, *alone, aid])
        conn.execute(
            f"UPDATE articles SET wire = ? WHERE id IN ({','.join('?' * (len(alone) + 1))}) "
            f"OR wire IN ({','.join('?' * len(groups))})", (gid, aid, *alone, *groups))

    def _add_totals(self, articles: int, passages: int, mentions: int, demonyms: int) -> None:
        self.conn.execute(
            "UPDATE totals SET n = n + CASE name WHEN 'articles' THEN ?1 WHEN 'passages' "
            "THEN ?2 WHEN 'mentions' THEN ?3 ELSE ?4 END",
            (articles, passages, mentions, demonyms))

    def optimize_search(self) -> None:
        """Merge the full-text index into one segment (inside a transaction): a search asks
        for each word with its Arabic prefixes (``explorer.search.forms``, 24 terms or more),
        each term a lookup in every segment (1.3 ms for 24 terms at 3,000 articles, 0.14 ms
        once merged; the merge took 60 ms)."""
        self.conn.execute("INSERT INTO passages_fts (passages_fts) VALUES ('optimize')")

    def search_segments(self) -> int:
        """How many segments the full-text index is in (see ``optimize_search``)."""
        row = self.conn.execute("SELECT COUNT(DISTINCT segid) FROM passages_fts_idx").fetchone()
        return int(row[0])

    def set_countries(self, countries: Iterable[Place]) -> None:
        self.conn.execute("DELETE FROM countries")
        self.conn.executemany("INSERT OR REPLACE INTO countries VALUES (?, ?, ?)",
                              [(p.country, p.name, p.name_ar) for p in countries if p.country])

    def set_problems(self, problems: Iterable[StoredProblem]) -> None:
        self.conn.execute("DELETE FROM problems")
        self.conn.executemany("INSERT INTO problems VALUES (?, ?, ?, ?, ?, ?)",
                              [(stored(p.path), p.message, p.line, _stored_or_none(p.doc),
                                p.size, p.mtime_ns) for p in problems])

    def problems(self) -> list[StoredProblem]:
        with guarded(self.path):
            return [StoredProblem(loaded(r[0]), r[1], r[2], loaded_or_none(r[3]), r[4], r[5])
                    for r in self.conn.execute(
                "SELECT path, message, line, doc, size, mtime_ns FROM problems ORDER BY rowid")]

    # -- reading: IndexReader -------------------------------------------------------------

    def _place(self, pid: str) -> Place:
        p = self._places.get(pid)
        if p is None:
            row = self.conn.execute("SELECT * FROM places WHERE id = ?", (pid,)).fetchone()
            p = self._places[pid] = _place_from_row(row)
        return p

    def _load_places(self, ids: Iterable[str]) -> None:
        missing = [i for i in set(ids) if i not in self._places]
        if len(missing) > 2000:  # one pass over the table beats thousands of lookups
            for row in self.conn.execute("SELECT * FROM places"):
                if row[0] not in self._places:
                    self._places[row[0]] = _place_from_row(row)
            return
        for k in range(0, len(missing), 500):
            chunk = missing[k:k + 500]
            q = ",".join("?" * len(chunk))
            for row in self.conn.execute(f"SELECT * FROM places WHERE id IN ({q})", chunk):
                self._places[row[0]] = _place_from_row(row)

    def _summaries(self, sql: str, args: Sequence[Any]) -> list[PlaceSummary]:
        rows = self.conn.execute(sql, args).fetchall()
        self._load_places(r[0] for r in rows)
        out = [PlaceSummary(self._places[r[0]], r[1], r[2]) for r in rows]
        return sorted(out, key=summary_order)

    def _members(self, f: Filter) -> frozenset[str]:
        """The member countries of ``f``'s regions (the regions the index knows)."""
        if not f.regions:
            return frozenset()
        self._load_places(f.regions)
        return region_members(self._places[r] for r in f.regions if r in self._places)

    def _holding(self, f: Filter) -> frozenset[str]:
        """The regions of the index that hold one of ``f``'s countries."""
        if not f.countries:
            return frozenset()
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        if self._regions is None or self._regions[0] != version:
            ids = [r[0] for r in self.conn.execute(
                "SELECT id FROM places WHERE kind = 'region'")]
            self._load_places(ids)
            self._regions = (version, ids)
        return regions_holding(f.countries, (self._places[r] for r in self._regions[1]))

    def _where(self, f: Filter) -> _Where:
        if f.text and not self._searchable:
            install_search(self.conn)
            self._searchable = True
        if f.area is not None and not self._measuring:
            install_km(self.conn)
            self._measuring = True
        return _Where(f, self._members(f), self._holding(f))

    def places(self, f: Filter = ALL) -> list[PlaceSummary]:
        with guarded(self.path):
            w = self._where(f)
            if _by_place(f) and f.somewhere:  # the places of a few countries: their rows
                cond, args = w.stats()
                return self._summaries("SELECT place_id, count, articles FROM place_stats "
                                       f"WHERE {cond}", args)
        # A place's rows all carry its country: the places of ``f`` are those of the rest of
        # it in every country, of the countries asked for.
        found = self._remembered(f.anywhere())
        if not f.somewhere:
            return list(found)
        return [s for s in found if w.keeps(s.place)]

    def _remembered(self, f: Filter) -> list[PlaceSummary]:
        """The places of ``f`` (no countries): ``place_stats`` for every article, else one
        pass over the rows of ``passage_places`` (or of ``mentions``) that ``f`` matches. The
        last few answers are kept until the data changes: views ask for them again and again,
        and a filter's countries are its places' countries."""
        with guarded(self.path):
            version = self.conn.execute("PRAGMA data_version").fetchone()[0]
            hit = self._memo.get(f)
            if hit is not None and hit[0] == version:
                return hit[1]
            w = self._where(f)
            if _by_place(f):
                cond, args = w.stats()
                found = self._summaries(
                    f"SELECT place_id, count, articles FROM place_stats WHERE {cond}", args)
            elif w.by_mention:
                cond, args = w.mentions()
                found = self._summaries(
                    "SELECT m.place_id, COUNT(*), COUNT(DISTINCT m.article) FROM mentions AS m "
                    f"WHERE {cond} GROUP BY m.place_id", args)
            else:
                cond, args = w.passage_places()
                found = self._summaries(
                    "SELECT place_id, SUM(mentions), COUNT(DISTINCT article) FROM "
                    f"passage_places WHERE {cond} GROUP BY place_id", args)
        if len(self._memo) >= 4:
            self._memo.pop(next(iter(self._memo)))
        self._memo[f] = (version, found)
        return found

    def forget(self) -> None:
        """Drop the places kept from earlier answers (to time a filter asked afresh)."""
        self._memo.clear()
        self._timelines.clear()

    def place(self, place_id: str) -> PlaceSummary | None:
        with guarded(self.path):
            row = self.conn.execute("SELECT count, articles FROM place_stats WHERE place_id = ?",
                                    (place_id,)).fetchone()
            if row is None:
                return None
            return PlaceSummary(self._place(place_id), row[0], row[1])

    def countries(self, f: Filter = ALL) -> list[CountrySummary]:
        base = f.anywhere()
        with guarded(self.path):
            names: dict[str, tuple[str, str]] = {
                r[0]: (r[1], r[2]) for r in self.conn.execute("SELECT * FROM countries")}
            w = self._where(base)
            if _by_place(base):
                cond, args = w.stats()
                totals = dict(self.conn.execute(
                    "SELECT country, SUM(count) FROM place_stats WHERE country IS NOT NULL "
                    f"AND {cond} GROUP BY country", args))
            elif (hit := self._memo.get(base)) is not None and \
                    hit[0] == self.conn.execute("PRAGMA data_version").fetchone()[0]:
                totals = {}  # the places of the filter, which the map asked for already
                for s in hit[1]:
                    if s.place.country is not None:
                        totals[s.place.country] = totals.get(s.place.country, 0) + s.count
            elif w.by_mention:
                cond, args = w.mentions()
                totals = dict(self.conn.execute(
                    "SELECT p.country, COUNT(*) FROM mentions AS m JOIN places AS p "
                    f"ON p.id = m.place_id WHERE {cond} AND p.country IS NOT NULL "
                    "GROUP BY p.country", args))
            else:
                cond, args = w.passage_places()
                totals = dict(self.conn.execute(
                    "SELECT country, SUM(mentions) FROM passage_places "
                    f"WHERE {cond} AND country IS NOT NULL GROUP BY country", args))
        out = []
        for code, n in totals.items():
            name, name_ar = names.get(code, (code, code))
            out.append(CountrySummary(code, name, name_ar, n))
        return sorted(out, key=country_order)

    def count_passages(self, f: Filter, place_id: str | None = None) -> int:
        with guarded(self.path):
            sql, args = self._where(f).passing_passages(place_id)
            q = f.query
            if _plain(f) and q.positive and place_id is None and f.doc is None:
                # Each passage the full-text index matches, if it names a place of the
                # filter: one index probe per match, no sorting them to drop duplicates.
                where, args = _Where(Filter(countries=f.countries),
                                     holding=self._holding(f)).passage_places()
                exact = "" if q.exact else f" AND {SQL_FUNCTION}(words, ?)"
                sql = (f"SELECT 1 FROM passages_fts WHERE passages_fts MATCH ?{exact} AND "
                       "EXISTS (SELECT 1 FROM passage_places WHERE passage = passages_fts.rowid "
                       f"AND {where})")
                args = [q.fts_match(), *([] if q.exact else [f.text]), *args]
            elif _plain(f) and not q and f.countries and place_id is None and f.doc is None:
                # The passages of some countries: their rows of the country index, no sort
                # (and those of the regions holding them, by place).
                marks = ",".join("?" * len(f.countries))
                sql = ("SELECT passage FROM passage_places INDEXED BY "
                       f"passage_places_by_country WHERE country IN ({marks})")
                args = sorted(f.countries)
                holding = sorted(self._holding(f))
                if holding:
                    sql += (" UNION SELECT passage FROM passage_places WHERE place_id IN "
                            f"({','.join('?' * len(holding))})")
                    args += holding
                else:
                    sql = sql.replace("SELECT passage", "SELECT DISTINCT passage", 1)
            row = self.conn.execute(f"SELECT COUNT(*) FROM ({sql})", args).fetchone()
        return int(row[0])

    def passages(
        self, f: Filter, place_id: str | None = None, offset: int = 0, limit: int = 100,
        mentions: int | None = None,
    ) -> list[PassageHit]:
        with guarded(self.path):
            w = self._where(f)
            sql, args = w.passing_passages(place_id, self._page_index(f, place_id))
            ids = [r[0] for r in self.conn.execute(
                f"{sql} ORDER BY sortkey, pstart LIMIT ? OFFSET ?", [*args, limit, offset])]
            if not ids:
                return []
            q = ",".join("?" * len(ids))
            prow = {r[0]: r for r in self.conn.execute(
                f'SELECT id, article, start, "end", kind, text, page FROM passages '
                f"WHERE id IN ({q})",
                ids)}
            aids = sorted({r[1] for r in prow.values()})
            qa = ",".join("?" * len(aids))
            infos = {r[0]: _info(r) for r in self.conn.execute(
                f"SELECT {_INFO_COLUMNS} FROM articles WHERE id IN ({qa})", aids)}
            by_passage = {pid: self._passage_mentions(w, prow[pid], place_id, mentions)
                          for pid in ids}
        out = []
        for pid in ids:
            r = prow[pid]
            passage = Passage(r[2], r[3], r[5], r[4], r[6])
            found, more = by_passage[pid]
            out.append(PassageHit(infos[r[1]], passage, found, more))
        return out

    def _passage_mentions(
        self, w: _Where, prow: Sequence[Any], place_id: str | None, cap: int | None
    ) -> tuple[tuple[Mention, ...], int]:
        """The first ``cap`` (None: all) mentions of a passage (a row of ``passages``)
        passing ``w`` (of ``place_id``), in text order, and how many others pass: memory
        and time bounded whatever the passage holds (one index range of its article)."""
        f = w.f
        types = sorted(f.types)
        cond = (f'article = ? AND start >= ? AND start <= ? AND passage = ? AND type IN '
                f'({",".join("?" * len(types))}) AND confidence >= ?')
        args: list[Any] = [prow[1], prow[2], prow[3], prow[0], *types, f.min_confidence]
        if place_id is not None:
            cond += " AND place_id = ?"
            args.append(place_id)
        kept: list[Mention] = []
        full = False
        cur = self.conn.execute('SELECT start, "end", text, type, place_id, confidence, reason, '
                                f"alternatives FROM mentions WHERE {cond} ORDER BY start, seq",
                                args)
        try:
            for r in cur:
                if w.keeps(self._place(r[4])):
                    if len(kept) == cap:
                        full = True
                        break
                    kept.append(self._mention(r))
        finally:
            cur.close()
        if not full:
            return tuple(kept), 0
        per_place = self.conn.execute(
            f"SELECT place_id, COUNT(*) FROM mentions WHERE {cond} GROUP BY place_id",
            args).fetchall()
        self._load_places(pid for pid, _ in per_place)
        total = sum(n for pid, n in per_place if w.keeps(self._places[pid]))
        return tuple(kept), total - len(kept)

    def timeline(self, f: Filter, bucket: str = "day") -> list[tuple[date, int]]:
        """Passing mentions of dated articles per day or week (``explorer.query``); the
        answers per day of the last few filters are kept until the data changes."""
        with guarded(self.path):
            version = self.conn.execute("PRAGMA data_version").fetchone()[0]
            hit = self._timelines.get(f)
            if hit is not None and hit[0] == version:
                days = hit[1]
            else:
                w = self._where(f)
                if w.by_mention:
                    cond, args = w.mentions()
                    sql = ("SELECT substr(a.sortkey, 2, 10), COUNT(*) FROM mentions AS m JOIN "
                           f"articles AS a ON a.id = m.article WHERE {cond} AND "
                           "a.sortkey < '1' GROUP BY a.sortkey")
                else:
                    cond, args = w.passage_places()
                    sql = ("SELECT substr(sortkey, 2, 10), SUM(mentions) FROM passage_places "
                           f"WHERE {cond} AND sortkey < '1' GROUP BY sortkey")
                days = self.conn.execute(sql, args).fetchall()
                if len(self._timelines) >= 4:
                    self._timelines.pop(next(iter(self._timelines)))
                self._timelines[f] = (version, days)
        return bucketed(days, bucket)

    def _page_index(self, f: Filter, place_id: str | None) -> str | None:
        """For countries or words without a place: walk the passages in reading order and
        keep the matching ones (quick when they are common), or take the matching passages
        and sort them (quick when they are rare). ``place_stats`` or the full-text index
        tells which."""
        if place_id is not None or f.doc is not None or not _plain(f):
            return None
        if f.query.positive and not f.countries:  # the same choice by the number of matches
            n = self.conn.execute("SELECT COUNT(*) FROM passages_fts WHERE passages_fts "
                                  "MATCH ?", (f.query.fts_match(),)).fetchone()[0]
            total = self.conn.execute("SELECT IFNULL(MAX(id), 0) FROM passages").fetchone()[0]
            # Walking costs ~50 * total / n rows, sorting ~n seeks (each ~10 rows' worth).
            return "passage_places_by_order" if n * n >= 5 * total else None
        if not f.countries or self._holding(f):  # a region's rows have no country
            return None
        q = ",".join("?" * len(f.countries))
        mine, total = self.conn.execute(
            f"SELECT IFNULL(SUM(count * (country IN ({q}))), 0), IFNULL(SUM(count), 0) "
            "FROM place_stats", sorted(f.countries)).fetchone()
        return "passage_places_by_order" if mine * 50 >= total else "passage_places_by_country"

    def _mention(self, r: Sequence[Any]) -> Mention:
        # A name said a million times has one alternatives JSON: its candidates are made
        # once and shared by its mentions (memory per mention stays small).
        alts = self._alternatives.get(r[7])
        if alts is None:
            parsed = json.loads(r[7])
            self._load_places(a[0] for a in parsed)
            alts = tuple(Candidate(self._places[a[0]], a[1], tuple(a[2])) for a in parsed)
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
        same = self._strings.setdefault  # its surface form and reason too
        return Mention(r[0], r[1], same(r[2], r[2]), r[3], place, r[5],
                       same(r[6], r[6]), alts)

    def article_mentions(self) -> Iterator[tuple[str, list[Mention]]]:
        """Every article (in file order) with its mentions in text order."""
        with guarded(self.path):
            arts = self.conn.execute("SELECT id, doc FROM articles ORDER BY doc").fetchall()
            for aid, doc in arts:
                rows = self.conn.execute(
                    'SELECT start, "end", text, type, place_id, confidence, reason, '
                    "alternatives FROM mentions WHERE article = ? ORDER BY start, seq", (aid,))
                yield loaded(doc), [self._mention(r) for r in rows]

    def confidences(self) -> dict[str, float]:
        """One pass over the mentions (1.6 s at 2.5 million): the window asks off the GUI
        thread, once indexing pauses. Kept until the data change."""
        with guarded(self.path):
            version = self.conn.execute("PRAGMA data_version").fetchone()[0]
            if self._confidences is not None and self._confidences[0] == version:
                return self._confidences[1]
            found = dict(self.conn.execute(
                "SELECT place_id, AVG(confidence) FROM mentions WHERE type = 'toponym' "
                "GROUP BY place_id"))
        self._confidences = (version, found)
        return found

    def mentions_in(self, doc: str) -> list[Mention]:
        """Every mention of article ``doc`` in text order (demonyms too)."""
        with guarded(self.path):
            rows = self.conn.execute(
                'SELECT m.start, m."end", m.text, m.type, m.place_id, m.confidence, m.reason, '
                "m.alternatives FROM mentions AS m JOIN articles AS a ON a.id = m.article "
                "WHERE a.doc = ? ORDER BY m.start, m.seq", (stored(doc),)).fetchall()
            return [self._mention(r) for r in rows]

    def article(self, doc: str) -> Article | None:
        """The article re-read from its file (None when it is gone or unreadable, or is no
        article of the index: a doc is a name inside the corpus, never another path)."""
        from explorer.corpus import ArticleError, read_article

        root = self.get_meta("corpus_root")
        if root is None:
            return None
        with guarded(self.path):
            found = self.conn.execute("SELECT 1 FROM articles WHERE doc = ?",
                                      (stored(doc),)).fetchone()
        if found is None:
            return None
        try:
            return read_article(Path(root) / doc, Path(root))
        except ArticleError:
            return None

    def article_facets(self) -> dict[str, list[tuple[str, int]]]:
        """Articles per outlet, format and language (the filter chips' choices), most first."""
        with guarded(self.path):
            out: dict[str, list[tuple[str, int]]] = {}
            for column in ("outlet", "format", "language"):
                out[column] = [(v, n) for v, n in self.conn.execute(
                    f"SELECT {column}, COUNT(*) AS n FROM articles WHERE {column} IS NOT NULL "
                    f"AND {column} != '' GROUP BY {column} ORDER BY n DESC, {column}")]
            return out

    def fill_languages(self, detect: Callable[[str], str | None]) -> int:
        """Give the articles stored without a language (by an explorer before issue 19) the
        one their passages are in, '' when they say too little (not asked again); how many
        got one. In the caller's transaction."""
        with guarded(self.path):
            todo = [r[0] for r in self.conn.execute(
                "SELECT id FROM articles WHERE language IS NULL")]
            found = 0
            for article in todo:
                text = "\n".join(r[0] for r in self.conn.execute(
                    "SELECT text FROM passages WHERE article = ? ORDER BY start LIMIT 40",
                    (article,)))
                code = detect(text)
                self.conn.execute("UPDATE articles SET language = ? WHERE id = ?",
                                  (code or "", article))
                found += code is not None
            return found

    def stats(self) -> dict[str, int]:
        with guarded(self.path):
            out = dict(self.conn.execute("SELECT name, n FROM totals").fetchall())
            out["places"] = self.conn.execute("SELECT COUNT(*) FROM place_stats").fetchone()[0]
            out["copies"], out["copy_mentions"], out["copy_demonyms"] = self._copies_totals()
            return {k: out[k] for k in ("articles", "passages", "mentions", "demonyms", "places",
                                        "copies", "copy_mentions", "copy_demonyms")}

    def _copies_totals(self) -> tuple[int, int, int]:
        """The articles that are a second or later copy of a story (``explorer.wire``; the
        first by file is not), and their mentions and demonyms; kept until the data change."""
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        if self._copy_totals is not None and self._copy_totals[0] == version:
            return self._copy_totals[1]
        copies = ("SELECT id FROM articles WHERE wire IS NOT NULL AND doc != (SELECT MIN(b.doc) "
                  "FROM articles AS b WHERE b.wire = articles.wire)")
        n = self.conn.execute(f"SELECT COUNT(*) FROM ({copies})").fetchone()[0]
        m, d = self.conn.execute(
            "SELECT COUNT(*), IFNULL(SUM(type = 'demonym'), 0) FROM mentions "
            f"WHERE article IN ({copies})").fetchone() if n else (0, 0)
        self._copy_totals = (version, (n, m, d))
        return n, m, d

    def copies(self, doc: str) -> list[ArticleInfo]:
        """The other copies of article ``doc``'s story (``explorer.wire``), in reading
        order; empty when none was found."""
        with guarded(self.path):
            return [_info(r) for r in self.conn.execute(
                f"SELECT {_INFO_COLUMNS} FROM articles WHERE wire = (SELECT wire FROM articles "
                "WHERE doc = ?1) AND doc != ?1 ORDER BY sortkey", (stored(doc),))]

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every indexed table's rows, without row ids and in a set order (for comparing two
        indexes of one corpus)."""
        with guarded(self.path):
            return self._dump()

    def _dump(self) -> dict[str, list[tuple[Any, ...]]]:
        c = self.conn
        docs = dict(c.execute("SELECT id, doc FROM articles"))
        out: dict[str, list[tuple[Any, ...]]] = {
            "articles": sorted(c.execute(
                "SELECT doc, size, sha256, title, outlet, published, updated, encoding, sortkey,"
                " gazetteer, author, url, language, format FROM articles")),
            "passages": sorted((docs[a], *rest) for a, *rest in c.execute(
                'SELECT article, start, "end", kind, text, page FROM passages')),
            "fts": sorted(c.execute("SELECT p.start, f.words FROM passages_fts AS f "
                                    "JOIN passages AS p ON p.id = f.rowid")),
            "mentions": sorted((docs[a], *rest) for a, *rest in c.execute(
                'SELECT article, seq, start, "end", text, type, place_id, confidence, reason, '
                "alternatives FROM mentions")),
            "places": sorted(c.execute("SELECT * FROM places")),
            "passage_places": sorted((pl, co, sk, ps, docs[a], n) for pl, co, sk, ps, a, n in
                                     c.execute("SELECT place_id, country, sortkey, pstart, "
                                               "article, mentions FROM passage_places")),
            "place_stats": sorted(c.execute("SELECT * FROM place_stats")),
            "totals": sorted(c.execute("SELECT * FROM totals")),
            "wire": sorted(tuple(sorted(docs[int(a)] for a in ids.split(","))) for (ids,) in
                           c.execute("SELECT group_concat(id) FROM articles WHERE wire IS NOT "
                                     "NULL GROUP BY wire")),
            "wire_sketches": sorted((docs[a], m) for a, m in c.execute(
                "SELECT article, minhash FROM wire_sketches")),
        }
        return out

    # -- the analyst's corrections (``explorer.corrections``) ------------------------------

    def corrections(self) -> list[Correction]:
        """Every stored correction, oldest first. A row that is not a correction (a number
        where text belongs, a blob, nested JSON, hand-edited) is kept in the table and not
        applied; ``unreadable_corrections`` says which and why."""
        with guarded(self.path):
            rows = self.conn.execute(
                'SELECT id, scope, doc, start, "end", surface, action, place_id, place, sha256, '
                "note, created FROM corrections ORDER BY id").fetchall()
        out = []
        bad: list[tuple[int, str]] = []
        for r in rows:
            try:
                out.append(_correction_from_row(r))
            except CorrectionError as exc:  # kept in the table, not applied
                log.debug("%s: correction %s is unreadable, not applied: %s",
                          self.path, r[0], exc)
                bad.append((r[0], str(exc)))
        self._unreadable = bad
        return out

    def unreadable_corrections(self) -> list[StoredProblem]:
        """The rows of the corrections table the last ``corrections()`` could not read, as
        problems naming the row (kept in the table, not applied)."""
        return [StoredProblem(f"{self.path}", f"correction {cid} (row of the corrections "
                              f"table) is unreadable, kept but not applied: {why}")
                for cid, why in self._unreadable]

    def add_correction(
        self, c: Correction, place_of: Callable[[str], Place | None] = lambda _pid: None
    ) -> tuple[Correction, list[Applied]]:
        """Store ``c`` and rewrite the mentions of the articles it touches, in one transaction.
        ``place_of``: places the index may not hold (the gazetteer's). The stored correction
        (with its id) and what applying changed. Raises ``CorrectionError`` for a correction
        an exported gazetteer file could not bring back (``Correction.problem``)."""
        if (why := c.problem()) is not None:
            raise CorrectionError(why)
        with self.transaction():
            cur = self.conn.execute(
                'INSERT INTO corrections (scope, doc, start, "end", surface, action, place_id, '
                "place, sha256, note, created) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (c.scope, _stored_or_none(c.doc), c.start, c.end, c.surface, c.action, c.target,
                 c.new_place.to_json() if c.new_place else None, c.sha256, c.note,
                 time.strftime("%Y-%m-%dT%H:%M:%S")))
            stored = dataclasses.replace(c, id=cur.lastrowid)
            return stored, self._reapply(stored, place_of)

    def delete_correction(
        self, correction_id: int, place_of: Callable[[str], Place | None] = lambda _pid: None
    ) -> list[Applied]:
        """Remove a correction and rewrite the mentions of the articles it touched."""
        with self.transaction():
            gone = next((c for c in self.corrections() if c.id == correction_id), None)
            if gone is None:
                return []
            self.conn.execute("DELETE FROM corrections WHERE id = ?", (correction_id,))
            return self._reapply(gone, place_of)

    def _reapply(self, c: Correction, place_of: Callable[[str], Place | None]) -> list[Applied]:
        corrections = self.corrections()
        docs = [c.doc] if c.doc is not None else self._docs_naming(c.key)
        return [self._rewrite(doc, relevant(corrections, doc), place_of) for doc in docs]

    def _docs_naming(self, key: str) -> list[str]:
        """Articles with a mention (corrected or not) of the folded name ``key``."""
        texts = [t for (t,) in self.conn.execute("SELECT DISTINCT text FROM mentions")
                 if folded_name(t) == key]
        found = {loaded(doc) for (doc,) in self.conn.execute(
            "SELECT DISTINCT a.doc FROM mentions AS m JOIN articles AS a ON a.id = m.article "
            f"WHERE m.text IN ({','.join('?' * len(texts))})", texts)} if texts else set()
        for doc, raw in self.conn.execute("SELECT a.doc, u.mentions FROM uncorrected AS u "
                                          "JOIN articles AS a ON a.id = u.article"):
            doc = loaded(doc)
            if doc not in found and any(folded_name(m.text) == key
                                        for m in mentions_from_json(raw)):
                found.add(doc)
        return sorted(found)

    def _rewrite(
        self, doc: str, corrections: list[Correction], place_of: Callable[[str], Place | None]
    ) -> Applied:
        """Article ``doc``'s mentions again: the geoparser's, with ``corrections`` applied."""
        conn = self.conn
        row = conn.execute(
            "SELECT id, size, mtime_ns, sha256, title, outlet, published, updated, encoding, "
            "gazetteer, author, url, language, format FROM articles WHERE doc = ?",
            (stored(doc),)).fetchone()
        if row is None:
            return Applied([], False)
        aid, sha, gazetteer = row[0], row[3], row[9]
        kept = conn.execute("SELECT mentions FROM uncorrected WHERE article = ?",
                            (aid,)).fetchone()
        if kept is not None:
            raw = mentions_from_json(kept[0])
        else:
            raw = [self._mention(r) for r in conn.execute(
                'SELECT start, "end", text, type, place_id, confidence, reason, alternatives '
                "FROM mentions WHERE article = ? ORDER BY start, seq", (aid,))]
        passages = tuple(Passage(*r) for r in conn.execute(
            'SELECT start, "end", text, kind, page FROM passages WHERE article = ? '
            "ORDER BY start",
            (aid,)))
        # The article's text where it is shown (what a correction's offsets may refer to).
        pieces: list[str] = []
        pos = 0
        for p in passages:  # in text order, apart
            pieces += (" " * (p.start - pos), p.text)
            pos = p.end
        article = Article(doc, Path(doc), "".join(pieces), row[4], row[5], row[6], row[7],
                          passages, encoding=row[8], size=row[1], mtime_ns=row[2], sha256=sha,
                          author=row[10], url=row[11], language=row[12], format=row[13])

        def place(pid: str) -> Place | None:
            found = place_of(pid)
            if found is None and pid in self._known:
                found = self._place(pid)
            return found

        applied = apply(doc, sha, article.text, raw, corrections, place)
        self.put(article, applied.mentions, gazetteer)
        if applied.changed:
            self.set_uncorrected(doc, mentions_to_json(raw))
        return applied

    def set_uncorrected(self, doc: str, mentions_json: str) -> None:
        """Keep the geoparser's own mentions of ``doc`` (stored corrected). In a transaction."""
        self.conn.execute("INSERT OR REPLACE INTO uncorrected SELECT id, ? FROM articles "
                          "WHERE doc = ?", (mentions_json, stored(doc)))


#: The type each column of a corrections row must have (None: may be NULL).
_CORRECTION_COLUMNS: tuple[tuple[str, type, bool], ...] = (
    ("id", int, False), ("scope", str, False), ("doc", str, True), ("start", int, True),
    ("end", int, True), ("surface", str, True), ("action", str, False),
    ("place_id", str, True), ("place", str, True), ("sha256", str, True), ("note", str, True),
    ("created", str, True),
)
_KINDS = {int: "a whole number", str: "text"}


def _correction_from_row(r: Sequence[Any]) -> Correction:
    """A row of the corrections table; ``CorrectionError`` for anything else."""
    for (name, kind, nullable), value in zip(_CORRECTION_COLUMNS, r, strict=True):
        if value is None and nullable:
            continue
        if type(value) is not kind:
            got = "empty" if value is None else {bytes: "a blob", float: "a number",
                                                 int: "a number", str: "text"}.get(
                type(value), type(value).__name__)
            raise CorrectionError(f"{name} is {got}, not {_KINDS[kind]}")
    try:
        new = NewPlace.from_json(r[8]) if r[8] else None
    except RecursionError:
        raise CorrectionError("place is not a new place (JSON nested too deep)") from None
    return Correction(r[1], r[6], r[5] or "", loaded_or_none(r[2]), r[3], r[4], r[7], new,
                      r[9], r[10] or "", id=r[0], created=r[11] or "")


@dataclass(frozen=True, slots=True)
class ArticleRows:
    """An article as the index stores it, ready to insert (made where it was geoparsed, so
    the one writer only writes). Passages are referred to by their index in ``passages``."""

    article: tuple[Any, ...]  # doc, size, mtime_ns, sha256, title, outlet, published,
    #                           updated, encoding, sortkey, gazetteer, author, url, language,
    #                           format
    passages: list[tuple[int, int, str, str, str, int | None]]  # start, end, kind, text,
    #                                                              folded words, page
    mentions: MentionRows  # passage index or None, seq, start, end, text, type,
    #                        place id, confidence, reason, alternatives JSON
    passage_places: list[tuple[str, str | None, int, int, int]]  # place id, country,
    #                                                            passage start, index, count
    counts: list[tuple[str, str | None, int]]  # place id, country, toponym mentions
    places: list[str]  # every place id referred to (alternatives too)
    sketch: bytes | None = None  # its MinHash (explorer.wire); None: too short to be a copy


def prepare(
    article: Article, mentions: Iterable[Mention], gazetteer: str,
    words: Sequence[str] | None = None,
) -> ArticleRows:
    """The rows of one article (see ``ArticleRows``), from its mentions in text order (read
    once: a stream of them is never held whole)."""
    from explorer.wire import sketch_folded  # numpy and datasketch: the writer's only

    if words is None:
        words = passage_words(article.passages)
    sortkey = _sortkey(article.published, article.doc)
    passages = article.passages
    places: dict[str, str | None] = {}
    per_passage: dict[tuple[int, str], int] = {}
    counts: dict[str, int] = {}
    rows = MentionRows()
    # A name said a million times: its alternatives' JSON and its surface form are made once
    # and shared by its rows, not a million times (by value: mentions read back from JSON
    # have tuples of their own; the geoparser's share one, checked first).
    by_value: dict[tuple[tuple[str, float, tuple[str, ...]], ...], str] = {}
    last: tuple[Candidate, ...] | None = None
    alts = "[]"
    texts: dict[str, str] = {}
    starts = [p.start for p in passages]
    for m in mentions:
        if m.place.id not in places:
            places[m.place.id] = m.place.country
        if m.alternatives is not last:
            last = m.alternatives
            value = tuple((c.place.id, c.score, c.reasons) for c in last)
            made = by_value.get(value)
            if made is None:
                for c in last:
                    places.setdefault(c.place.id, c.place.country)
                made = by_value[value] = json.dumps(
                    [[c.place.id, c.score, list(c.reasons)] for c in last],
                    ensure_ascii=False) if last else "[]"
            alts = made
        i = _passage_at(passages, starts, m)
        text = texts.setdefault(m.text, m.text)
        rows.append(i, m.start, m.end, (text, m.type, m.place.id, m.confidence, m.reason, alts))
        if m.type == "toponym":
            counts[m.place.id] = counts.get(m.place.id, 0) + 1
            if i is not None:
                per_passage[(i, m.place.id)] = per_passage.get((i, m.place.id), 0) + 1
    return ArticleRows(
        (article.doc, article.size, article.mtime_ns, article.sha256, article.title,
         article.outlet, article.published, article.updated, article.encoding, sortkey,
         gazetteer, article.author, article.url, article.language, article.format),
        [(p.start, p.end, p.kind, p.text, w, p.page)
         for p, w in zip(passages, words, strict=True)],
        rows,
        [(pid, places[pid], passages[i].start, i, n) for (i, pid), n in per_passage.items()],
        [(pid, places[pid], n) for pid, n in counts.items()],
        list(places),
        sketch_folded(words),
    )


def passage_words(passages: Sequence[Passage]) -> tuple[str, ...]:
    """What the full-text index stores of each passage: its folded words."""
    return tuple(fold_words_text(p.text) for p in passages)


_INFO_COLUMNS = ("id, doc, title, outlet, published, updated, encoding, size, mtime_ns, "
                 "sha256, author, url, language, format")


def _info(r: Sequence[Any]) -> ArticleInfo:
    doc = loaded(r[1])
    return ArticleInfo(doc=doc, path=Path(doc), title=r[2], outlet=r[3], published=r[4],
                       updated=r[5], encoding=r[6], size=r[7], mtime_ns=r[8], sha256=r[9],
                       author=r[10], url=r[11], language=r[12], format=r[13])


def _passage_at(passages: Sequence[Passage], starts: Sequence[int], m: Mention) -> int | None:
    """The passage holding ``m`` (passages in text order, ``starts`` their starts): a
    binary search, not a walk over an article's thousands of passages for each mention."""
    i = bisect_right(starts, m.start) - 1
    if i >= 0 and passages[i].start <= m.start and m.end <= passages[i].end:
        return i
    return None


def _plain(f: Filter) -> bool:
    """``f`` asks only for countries, words and an article (the fast paths' filters)."""
    return f == Filter(countries=f.countries, text=f.text, doc=f.doc)


def _by_place(f: Filter) -> bool:
    """``f`` asks only for countries, regions, kinds and an area: ``place_stats`` answers it."""
    return f == Filter(countries=f.countries, regions=f.regions, kinds=f.kinds, area=f.area)


def _in(column: str, values: Iterable[str]) -> tuple[str, list[Any]]:
    vals = sorted(values)
    return f"{column} IN ({','.join('?' * len(vals))})", vals


class _Where:
    """The conditions of a filter in SQL, on ``passage_places``, ``place_stats`` or
    ``mentions`` (aliased ``m``); ``members``: the countries of its regions."""

    def __init__(self, f: Filter, members: frozenset[str] = frozenset(),
                 holding: frozenset[str] = frozenset()) -> None:
        self.f = f
        self.codes = f.countries | members
        #: Places kept by id: the filter's regions and those holding one of its countries.
        self.ids = f.regions | holding
        #: Mention types or confidence: only the mentions table knows them.
        self.by_mention = f.types != TOPONYMS or f.min_confidence > 0

    def keeps(self, p: Place) -> bool:
        """The place passes the filter's kinds, countries and regions."""
        f = self.f
        if f.kinds and p.kind not in f.kinds:
            return False
        if f.area is not None and not f.area.contains(p.lat, p.lon):
            return False
        return not f.somewhere or p.country in self.codes or p.id in self.ids

    def _place(self, country: str, place_id: str) -> tuple[list[str], list[Any]]:
        """Conditions on a place by its country and id columns."""
        f = self.f
        conds: list[str] = []
        args: list[Any] = []
        if f.somewhere:
            c, a = _in(country, self.codes)
            r, b = _in(place_id, self.ids)
            conds.append(f"({c} OR {r})")
            args += [*a, *b]
        if f.kinds:
            c, a = _in("kind", f.kinds)
            conds.append(f"{place_id} IN (SELECT id FROM places WHERE {c})")
            args += a
        if f.area is not None:
            c, a = f.area.sql("lat", "lon")
            conds.append(f"{place_id} IN (SELECT id FROM places WHERE {c})")
            args += a
        return conds, args

    def _dates(self, sortkey: str) -> tuple[list[str], list[Any]]:
        f = self.f
        if not f.dated:
            return [], []
        # sortkey: "0" + the ISO date (and time) + "\x01" + file; undated: "1..."
        lo = "0" + (f.date_from or "")
        hi = "0" + f.date_to + "\x7f" if f.date_to else "1"
        return [f"{sortkey} >= ? AND {sortkey} < ?"], [lo, hi]

    def _articles(self) -> tuple[list[str], list[Any]]:
        """Conditions on ``articles`` rows: the filter's outlets, formats and languages, and with
        ``once`` (one article): the first copy (by file) of its group passing them."""
        f = self.f
        conds, args = self._kept_articles("articles")
        if f.once and f.doc is None:
            bc, ba = self._kept_articles("b")
            bc += self._dates("b.sortkey")[0]
            ba += self._dates("b.sortkey")[1]
            conds.append("(articles.wire IS NULL OR articles.doc = (SELECT MIN(b.doc) FROM "
                         "articles AS b WHERE " + " AND ".join(["b.wire = articles.wire", *bc])
                         + "))")
            args += ba
        return conds, args

    def _kept_articles(self, table: str) -> tuple[list[str], list[Any]]:
        f = self.f
        conds: list[str] = []
        args: list[Any] = []
        for column, values in (("outlet", f.outlets), ("format", f.formats),
                               ("language", f.languages)):
            if values:
                c, a = _in(f"{table}.{column}", values)
                conds.append(c)
                args += a
        return conds, args

    def stats(self) -> tuple[str, list[Any]]:
        """On ``place_stats`` (countries, regions and kinds only)."""
        conds, args = self._place("country", "place_id")
        return " AND ".join(["1", *conds]), args

    def passage_places(self) -> tuple[str, list[Any]]:
        f = self.f
        conds, args = self._place("country", "place_id")
        if f.doc is not None:
            conds.append("sortkey = (SELECT sortkey FROM articles WHERE doc = ?)")
            args.append(stored(f.doc))
        c, a = self._dates("sortkey")
        conds += c
        args += a
        c, a = self._articles()
        if c:
            conds.append(f"article IN (SELECT id FROM articles WHERE {' AND '.join(c)})")
            args += a
        if f.query:
            sc, sa = sql_condition("passage", f.text)
            conds.append(sc)
            args += sa
        return " AND ".join(["1", *conds]), args

    def mentions(self) -> tuple[str, list[Any]]:
        f = self.f
        conds, args = _in("m.type", f.types)
        conds_list = [conds]
        if f.min_confidence > 0:
            conds_list.append("m.confidence >= ?")
            args.append(f.min_confidence)
        pc, pa = self._place("country", "id")
        if pc:
            conds_list.append(f"m.place_id IN (SELECT id FROM places WHERE {' AND '.join(pc)})")
            args += pa
        ac, aa = self._dates("sortkey")
        if f.doc is not None:
            ac.append("doc = ?")
            aa.append(stored(f.doc))
        c, a = self._articles()
        ac += c
        aa += a
        if ac:
            conds_list.append(f"m.article IN (SELECT id FROM articles WHERE {' AND '.join(ac)})")
            args += aa
        if f.query:
            sc, sa = sql_condition("m.passage", f.text)
            conds_list.append(sc)
            args += sa
        return " AND ".join(conds_list), args

    def passing_passages(
        self, place_id: str | None, index: str | None = None
    ) -> tuple[str, list[Any]]:
        """SELECT DISTINCT passage, sortkey, pstart of the passages holding mentions passing
        the filter (of ``place_id``), optionally through the named index of
        ``passage_places``."""
        if self.by_mention:
            where, args = self.mentions()
            if place_id is not None:
                where += " AND m.place_id = ?"
                args.append(place_id)
            return ("SELECT DISTINCT m.passage AS passage, a.sortkey AS sortkey, p.start AS "
                    "pstart FROM mentions AS m JOIN articles AS a ON a.id = m.article JOIN "
                    f"passages AS p ON p.id = m.passage WHERE {where}", args)
        where, args = self.passage_places()
        if place_id is not None:
            where += " AND place_id = ?"
            args.append(place_id)
        hint = f" INDEXED BY {index}" if index else ""
        return ("SELECT DISTINCT passage, sortkey, pstart FROM passage_places"
                f"{hint} WHERE {where}", args)


def rebuild(path: Path) -> Path | None:
    """Rebuild the index at ``path`` keeping the analyst's tables (``explorer.index.rebuild``); the
    old file's backup path. ``explorer.index.rebuild.rebuild_index`` also says what was carried."""
    if why := refusal(path):  # a FIFO, /dev/zero: never read nor copied
        raise IndexUnavailable(path, "not-a-file", why)
    from explorer.index.rebuild import rebuild_index

    return rebuild_index(path).backup
