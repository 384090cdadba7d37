"""Where a folder's index is (``default_index_path``), and what may stand at an index's path:
a regular file, or nothing yet (issue 21: B4, B5, W5).

SQLite opens what it is given: a FIFO blocks it forever, ``/dev/zero`` reads as an endless
empty database ("disk I/O error" on the first write) and a copy of it fills the disk. So, as
for articles and settings (``explorer.bounded_read``), anything that is not a regular file is
refused before SQLite or a copy touches it, and the message says what is there: the index
file, and the ``-wal``, ``-shm`` and ``-journal`` files SQLite opens beside it. A link is
followed (an index reached through a link is fine) and named in the message.

What is checked here is the path just before SQLite opens it: a file swapped for a FIFO in
between still blocks (SQLite cannot be handed an open descriptor).
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

#: The files SQLite opens beside a database.
COMPANIONS = ("-wal", "-shm", "-journal")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _refusal_of(path: str) -> str | None:
    """Why ``path`` itself cannot be a file SQLite opens: "is …", or None (a regular file, or
    nothing there yet)."""
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a symbolic link loop"
        return None  # missing (to be created), or a folder that cannot be read: SQLite says
    if stat.S_ISREG(st.st_mode):
        return None
    what = _kind(st.st_mode)
    if os.path.islink(path):
        return f"is a link to {os.path.realpath(path)}, {what}, not a regular file"
    return f"is {what}, not a regular file" if what.startswith("a ") else f"is {what}"


def refusal(path: Path | str) -> str | None:
    """Why ``path`` cannot be an index, to follow "PATH: index …" (e.g. "is a named pipe
    (FIFO), not a regular file"); None when it can (a regular file, or nothing there yet)."""
    why = _refusal_of(str(path))
    if why is not None:
        return why
    for suffix in COMPANIONS:
        companion = f"{path}{suffix}"
        if (why := _refusal_of(companion)) is not None:
            return f"cannot be opened: {companion} beside it {why}"
    return None


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
