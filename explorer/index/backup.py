"""Copies of an index file set beside it (before a migration, before a rebuild)."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

from explorer.index.errors import NotAFile
from explorer.index.location import refusal


def backup(path: Path, label: str, *, raw: bool = False) -> Path | None:
    """Copy the database beside it, the copy's path: a consistent SQLite snapshot (WAL
    included), or with ``raw`` (a damaged file) its bytes as they are, WAL beside. Refuses
    (``IndexUnavailable``) what is not a regular file: a copy of ``/dev/zero`` never ends."""
    if why := refusal(path):
        raise NotAFile(path, why)
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
