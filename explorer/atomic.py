"""Atomic file writes: a crash mid-write leaves the old file or the new one, never a torn one.

The data goes to a temporary file in the target's directory (named ``.<name>.<random>``, so
directory listings and globs for the real file skip it), is flushed and fsynced, and then
renamed onto the target with ``os.replace``, which is atomic on POSIX and Windows. On POSIX the
directory is fsynced too, so the rename itself survives a power cut. If anything fails, the
temporary file is removed and the target is left untouched.

No Qt here: everything the user creates (settings, corrections, the index) is written this way.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from pathlib import Path

__all__ = [
    "atomic_write_bytes",
    "atomic_write_text",
    "remove_stray_temp_files",
    "stray_temp_files",
    "temp_prefix",
]

#: The suffix of the temporary files (after the random part).
TEMP_SUFFIX = ".tmp"


def temp_prefix(path: Path | str) -> str:
    """The prefix of the temporary files written next to ``path``: ``.<name>.``."""
    return f".{Path(path).name}."


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permission bits if it exists.

    A symbolic link is followed: the file it points to is replaced and the link kept.
    """
    target = Path(os.path.realpath(path))
    directory = target.parent
    try:
        mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix(target), suffix=TEMP_SUFFIX, dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
            if mode is not None:
                os.chmod(tmp, mode)
            else:
                # mkstemp creates 0600; a new file gets the usual umask-derived bits instead.
                os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(directory)


def atomic_write_text(path: Path | str, text: str, encoding: str = "utf-8") -> None:
    """Replace ``path`` with ``text`` atomically (see ``atomic_write_bytes``).

    The text is written as is: no newline translation, so what is read back is what was given.
    """
    atomic_write_bytes(path, text.encode(encoding))


def stray_temp_files(path: Path | str) -> list[Path]:
    """Temporary files left next to ``path`` by writers that were killed mid-write."""
    target = Path(os.path.realpath(path))
    prefix = temp_prefix(target)
    try:
        names = os.listdir(target.parent)
    except OSError:
        return []
    return sorted(
        target.parent / n for n in names if n.startswith(prefix) and n.endswith(TEMP_SUFFIX)
    )


def remove_stray_temp_files(path: Path | str, older_than: float = 0.0) -> int:
    """Remove those of ``stray_temp_files(path)`` last modified over ``older_than`` seconds ago.

    How many were removed. A write in progress elsewhere would lose its temporary file (and
    fail, leaving the target as it was): call it at start-up, or with a generous ``older_than``.
    """
    removed = 0
    now = time.time()
    for tmp in stray_temp_files(path):
        with contextlib.suppress(OSError):
            if older_than <= 0 or now - tmp.stat().st_mtime > older_than:
                tmp.unlink()
                removed += 1
    return removed


def _umask() -> int:
    """The process umask, read without changing it where the OS allows (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    # Elsewhere the only way to read it is to set it; set it back at once.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable (POSIX); a no-op where directories cannot be opened."""
    if os.name != "posix":
        return
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
