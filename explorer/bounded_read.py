"""Reading a file the user points at without trusting what it is: regular files only, bounded.

A FIFO would block ``open()`` and a device such as ``/dev/zero`` would never end, so the file is
opened non-blocking and checked on the open descriptor (what was checked is what is read, even
if the path was swapped in between), then read in chunks up to a limit: memory follows the
file's real size, never the limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

#: Bytes read at a time.
CHUNK_BYTES = 1024 * 1024
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_CLOEXEC", 0))


def read_regular(path: Path | str, limit: int) -> bytes | None:
    """At most ``limit + 1`` bytes of ``path`` (more than ``limit``: too large), or None if
    what opened is not a regular file. ``OSError`` for files that cannot be opened or read."""
    fd = os.open(path, _OPEN_FLAGS)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(CHUNK_BYTES, left))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
