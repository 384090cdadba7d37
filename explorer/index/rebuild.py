"""Rebuilding an index without losing the analyst's work, and checking an index for damage.

``rebuild_index`` never touches the live file until the new one is whole: the analyst's tables
(``corrections``, ``settings``: the saved filter) are read from the old file table by table
(what a damaged page leaves readable), written into a new, empty index built beside it, read
back and compared, and only then is the new file swapped in with one atomic rename. The old
file is kept beside it under a named backup (a hard link: no copy, whatever its size). What
could not be carried (a table on a damaged page, rows or columns a newer explorer made that
this one's schema cannot hold) is counted and said, with the backup that still holds it.

``damage`` runs SQLite's ``PRAGMA quick_check`` (every page and record, not the indexes'
agreement with their tables): 3 to 5 s for a 1.1 GB index (2 million mentions) whose pages
are cached, 25 s when they are read from the disk. ``explorer index`` runs it only when the file
changed since an explorer last left it checked (``mark_checked``: its size and modification time
in ``<index>.checked``), so an index nobody else touched is not read whole at every run.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from explorer.atomic import TEMP_SUFFIX, _umask, temp_prefix
from explorer.index.db import IndexDB
from explorer.index.errors import IndexUnavailable, NotAFile
from explorer.index.location import refusal
from explorer.index.schema import USER_TABLES

#: How a table of the analyst's is named in messages.
_WHAT = {"corrections": "corrections", "settings": "settings (the saved filter)"}


@dataclass(frozen=True, slots=True)
class Carried:
    """One of the analyst's tables through a rebuild: ``found`` rows read in the old file
    (None: the table could not be read at all), ``carried`` of them in the new one, and
    ``problem``, why some were not, in words (None: all were)."""

    table: str
    found: int | None
    carried: int
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class Rebuilt:
    """What ``rebuild_index`` did: the old file's backup (None: there was no old file) and
    each of the analyst's tables."""

    path: Path
    backup: Path | None
    tables: tuple[Carried, ...]

    @property
    def complete(self) -> bool:
        """Everything the analyst made was carried."""
        return all(t.problem is None for t in self.tables)

    def lines(self) -> list[str]:
        """One line per table not wholly carried, saying how many and where they are."""
        where = f"; the old index is kept as {self.backup}" if self.backup else ""
        out = []
        for t in self.tables:
            if t.problem is None:
                continue
            what = _WHAT.get(t.table, t.table)
            if t.found is None and t.carried:
                out.append(f"{self.path}: {t.carried} {what} carried to the rebuilt index; the "
                           f"rest could not be read ({t.problem}){where}")
            elif t.found is None:
                out.append(f"{self.path}: the {what} could not be read ({t.problem}) and were "
                           f"not carried to the rebuilt index{where}")
            else:
                out.append(f"{self.path}: {t.carried} of {t.found} {what} carried to the "
                           f"rebuilt index ({t.problem}){where}")
        return out

    def summary(self) -> str:
        """One line: what was carried, and where the old file is."""
        parts = []
        for t in self.tables:
            found = "?" if t.found is None else str(t.found)
            parts.append(f"{t.carried} of {found} {t.table}")
        kept = f"; the old index is kept as {self.backup}" if self.backup else ""
        return f"{self.path}: index rebuilt, {', '.join(parts)} carried{kept}"


@dataclass(slots=True)
class _Table:
    columns: list[str]
    rows: list[tuple[Any, ...]]
    problem: str | None  # why the rows are not all there
    whole: bool  # every row was read (``problem`` may still say something was not)


def rebuild_index(path: Path) -> Rebuilt:
    """Replace the index at ``path`` by a new, empty one holding the analyst's tables of the
    old one (see the module's text). Raises ``IndexUnavailable`` (nothing changed) when the
    new index cannot be built, checked or swapped in, or when ``path`` is not a regular file."""
    from explorer.index.build import writer_lock  # the indexer imports this module's neighbours

    path = Path(path)
    if why := refusal(path):  # a FIFO, a device, a folder (or such a side file): never read
        raise NotAFile(path, f"{why}: not rebuilt (choose another --index)")
    target = Path(os.path.realpath(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    with writer_lock(path):
        old = _read_user_tables(target) if target.exists() else {}
        tmp = _new_index_beside(target)
        try:
            tables, written = _carry(path, tmp, old)
            _verify(path, tmp, written)
            backup = _swap(target, tmp)
        except BaseException:
            for suffix in ("", "-wal", "-shm", "-journal"):
                with contextlib.suppress(OSError):
                    os.unlink(f"{tmp}{suffix}")
            raise
    return Rebuilt(path, backup, tuple(tables))


def rebuild(path: Path) -> Path | None:
    """``rebuild_index(path)``, the old file's backup path (None: there was none)."""
    if why := refusal(path):  # a FIFO, /dev/zero: never read nor copied
        raise NotAFile(path, why)
    return rebuild_index(path).backup


def _read_user_tables(target: Path) -> dict[str, _Table]:
    """What can be read of the analyst's tables in the old file, table by table."""
    out: dict[str, _Table] = {}
    try:
        with open(target, "rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                return {}  # not an SQLite database (or empty): no analyst data in it
    except OSError as exc:
        return {t: _Table([], [], exc.strerror or str(exc), False) for t in USER_TABLES}
    try:
        conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return {t: _Table([], [], _why(exc), False) for t in USER_TABLES}
    # A damaged page may hold bytes that are not UTF-8 in a TEXT column: carried, replaced.
    conn.text_factory = lambda b: b.decode("utf-8", "replace")
    try:
        try:
            names = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.Error as exc:
            return {t: _Table([], [], _why(exc), False) for t in USER_TABLES}
        for table in USER_TABLES:
            if table not in names:
                out[table] = _Table([], [], None, True)
                continue
            rows: list[tuple[Any, ...]] = []
            columns: list[str] = []
            try:
                cur = conn.execute(f'SELECT * FROM "{table}"')
                columns = [d[0] for d in cur.description]
                for row in cur:
                    rows.append(row)
            except sqlite3.Error as exc:
                out[table] = _Table(columns, rows, _why(exc), False)
                continue
            out[table] = _Table(columns, rows, None, True)
    finally:
        conn.close()
    return out


def _why(exc: sqlite3.Error) -> str:
    msg = str(exc)
    low = msg.lower()
    if "malformed" in low or "not a database" in low or "corrupt" in low:
        return "that part of the old file is damaged"
    return msg


def _new_index_beside(target: Path) -> Path:
    """An empty file beside ``target`` (skipped by globs for it, see ``explorer.atomic``)."""
    fd, name = tempfile.mkstemp(prefix=temp_prefix(target) + "rebuild.", suffix=TEMP_SUFFIX,
                                dir=target.parent)
    os.close(fd)
    return Path(name)


def _carry(
    path: Path, tmp: Path, old: dict[str, _Table]
) -> tuple[list[Carried], dict[str, tuple[list[str], list[tuple[Any, ...]]]]]:
    """Create the schema in ``tmp`` and insert the rows of ``old`` it can hold; what was
    carried of each table, and the columns and rows written to it."""
    out: list[Carried] = []
    written: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
    try:
        db = IndexDB(tmp)
    except IndexUnavailable as exc:
        raise IndexUnavailable(path, exc.reason,
                               f"cannot be rebuilt ({exc}); it is unchanged") from None
    try:
        with db.transaction():
            for table in USER_TABLES:
                t = old.get(table, _Table([], [], None, True))
                mine = [r[1] for r in db.conn.execute(f'PRAGMA table_info("{table}")')]
                common = [c for c in t.columns if c in mine]
                extra = [c for c in t.columns if c not in mine]
                keep = [t.columns.index(c) for c in common]
                carried = 0
                rows: list[tuple[Any, ...]] = []
                written[table] = (common, rows)
                refused: str | None = None
                if t.rows and common:
                    names = ",".join(f"[{c}]" for c in common)
                    q = f'INSERT INTO "{table}" ({names}) VALUES ({",".join("?" * len(common))})'
                    back = f'SELECT {names} FROM "{table}" WHERE rowid = last_insert_rowid()'
                    for row in t.rows:
                        try:
                            db.conn.execute(q, [row[i] for i in keep])
                            carried += 1
                            # As stored (SQLite may convert a value to its column's type).
                            rows.append(db.conn.execute(back, ()).fetchone())
                        except sqlite3.Error as exc:
                            refused = refused or f"{exc}"
                elif t.rows:
                    refused = "none of its columns are this explorer's"
                problems = [p for p in (
                    t.problem,
                    refused and f"{len(t.rows) - carried} refused by this explorer's "
                                f"schema: {refused}",
                    extra and t.rows and "their columns "
                    f"{', '.join(extra)} (from a newer explorer) were left out",
                ) if p]
                found = len(t.rows) if t.whole else None  # unknown: not all were read
                out.append(Carried(table, found, carried, "; ".join(problems) or None))
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    return out, written


def _verify(path: Path, tmp: Path,
            written: dict[str, tuple[list[str], list[tuple[Any, ...]]]]) -> None:
    """The new file is whole and holds what was written to it, read back from the disk."""
    if Path(f"{tmp}-wal").exists() and os.path.getsize(f"{tmp}-wal"):
        raise IndexUnavailable(path, "unavailable", "cannot be rebuilt: the new index was not "
                               "written whole; the index is unchanged")
    conn = sqlite3.connect(f"file:{tmp}?mode=ro", uri=True)
    conn.text_factory = lambda b: b.decode("utf-8", "replace")
    try:
        same = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for table, (columns, rows) in written.items():
            names = ",".join(f"[{c}]" for c in columns) or "1"
            back = conn.execute(f'SELECT {names} FROM "{table}" ORDER BY rowid').fetchall()
            same = same and (back == rows if columns else not back)
    finally:
        conn.close()
    if not same:
        raise IndexUnavailable(path, "unavailable", "cannot be rebuilt: the new index did not "
                               "read back as written; the index is unchanged")


def _swap(target: Path, tmp: Path) -> Path | None:
    """Keep the old file as a backup and put ``tmp`` in its place in one rename; the
    backup's path (None: there was no old file)."""
    backup: Path | None = None
    wal, shm = Path(f"{target}-wal"), Path(f"{target}-shm")
    moved_wal = False
    if target.exists():
        os.chmod(tmp, stat.S_IMODE(os.stat(target).st_mode))  # the old file's permissions
        backup = _backup_name(target)
        try:
            os.link(target, backup)  # the same bytes under a second name: instant
        except OSError:
            shutil.copy2(target, backup)
        if wal.exists() and wal.stat().st_size:  # the old file's last transactions go
            os.replace(wal, f"{backup}-wal")  # with it, never to the new one
            moved_wal = True
        else:
            wal.unlink(missing_ok=True)
    else:
        os.chmod(tmp, 0o666 & ~_umask())
    try:
        with contextlib.suppress(FileNotFoundError):
            shm.unlink()
        os.replace(tmp, target)
    except BaseException:
        if moved_wal and backup is not None:
            with contextlib.suppress(OSError):
                os.replace(f"{backup}-wal", wal)
        raise
    _fsync_dir(target.parent)
    return backup


def _backup_name(target: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    backup = target.with_name(f"{target.name}.rebuild-{stamp}.bak")
    n = 1
    while backup.exists() or Path(f"{backup}-wal").exists():
        n += 1
        backup = target.with_name(f"{target.name}.rebuild-{stamp}-{n}.bak")
    return backup


def _fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# -- damage ----------------------------------------------------------------------------------


#: SQLITE_CORRUPT and SQLITE_NOTADB (the primary codes of the extended ones too).
_DAMAGED = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def damage(path: Path) -> str | None:
    """None when SQLite's ``quick_check`` finds the index whole, else its first complaint
    (one line). A file that is not an SQLite database at all (perhaps not an index: never
    replaced unasked) or cannot be opened is left to the caller's open, which says so."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO would block the read below
            return None
        with open(path, "rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                return None
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except (OSError, sqlite3.Error):
        return None
    try:
        rows = [str(r[0]) for r in _first(conn.execute("PRAGMA quick_check(3)"), 3)]
    except sqlite3.Error as exc:
        if (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF not in _DAMAGED:
            return None  # locked, unreadable, ...: not damage; the caller's open says so
        rows = [str(exc)]
    finally:
        conn.close()
    if rows == ["ok"]:
        return None
    return "; ".join(r.replace("\n", " ") for r in rows)[:300]


def _first(rows: Iterator[Any], n: int) -> list[Any]:
    out = []
    for row in rows:
        out.append(row)
        if len(out) >= n:
            break
    return out


def _stamp_path(path: Path) -> Path:
    return Path(f"{path}.checked")


def _stamp(path: Path) -> str:
    st = os.stat(path)
    return f"{st.st_size} {st.st_mtime_ns}\n"


def checked_since(path: Path) -> bool:
    """The file is as it was when ``mark_checked`` last saw it whole."""
    try:
        return _stamp_path(path).read_text(encoding="ascii") == _stamp(path)
    except (OSError, UnicodeDecodeError):
        return False


def mark_checked(path: Path) -> None:
    """Remember the file as checked whole (after a check, or a run that read it); quietly
    nothing when that cannot be written (a read-only folder)."""
    from explorer.atomic import atomic_write_text

    with contextlib.suppress(OSError):
        atomic_write_text(_stamp_path(path), _stamp(path))
