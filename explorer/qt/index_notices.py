"""What the notice above the map says when the index fails, and whether it offers a rebuild.

Its words keep the ``MainWindow`` translation context (they were the window's).
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QCoreApplication

from explorer.workspace import IndexUnavailable

# Index failures a rebuild can cure (a locked or read-only index cannot be cured so).
REBUILDABLE = ("corrupt", "newer", "unavailable")


class IndexNotice(NamedTuple):
    message: str
    rebuild: bool = False  # the notice offers to rebuild the index
    blocking: bool = True  # there is nothing to show besides


def index_notice(exc: Exception, *, shown: bool) -> IndexNotice:
    """The notice for ``exc``; ``shown``: an index is open and shown (a read-only one is)."""
    if not isinstance(exc, IndexUnavailable) or exc.reason == "locked":
        return IndexNotice(QCoreApplication.translate(
            "MainWindow", "{error}. The map shows what is indexed so far.").format(error=exc),
            blocking=False)
    if exc.reason == "not-a-file":  # a FIFO, a device, a folder: a rebuild cannot help
        return IndexNotice(QCoreApplication.translate(
            "MainWindow", "{error}. Point the index at a regular file.").format(error=exc))
    if exc.reason == "foreign":  # another program's database: left as it is
        return IndexNotice(QCoreApplication.translate(
            "MainWindow", "{error}. It is left as it is: point the index at another "
            "file.").format(error=exc))
    if exc.reason == "read-only" and shown:
        return IndexNotice(QCoreApplication.translate(
            "MainWindow", "{error}. The map shows the index as it was last built, "
            "corrections included; it cannot be updated.").format(error=exc), blocking=False)
    return IndexNotice(QCoreApplication.translate(
        "MainWindow", "{error}. Rebuild it? Its analyst data are kept and the old file "
        "is backed up beside it.").format(error=exc), rebuild=exc.reason in REBUILDABLE)
