"""A folder that grows (issue 18, item 4): the open corpus folder, its subfolders and its
article files watched while the window is open; ``changed`` once a burst of changes has
settled (``DEBOUNCE_MS`` without a new one), so a hundred files copied in make one
incremental indexing run.

Folders tell of files added, removed or renamed; files of their content rewritten in place,
or replaced (an editor's save by renaming a new file over the old). A folder's event counts
only when the names of its articles or subfolders differ from what was last seen: an index, a
log or a temporary file written beside the articles does not start a run (the index's own
writes would otherwise start one after another). Names only: the walk after each run reads
folders, not every file's size and time. At most
``MAX_WATCHED`` paths are watched (folders first; inotify's limit is per user): beyond, the
files of the deepest folders are seen through their folder only.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from explorer.corpus import SUFFIX
from explorer.formats import format_of

log = logging.getLogger(__name__)

#: Quiet time after the last change before ``changed`` is said (milliseconds).
DEBOUNCE_MS = 1000
#: Paths watched at most (folders and files).
MAX_WATCHED = 8000

Snapshot = dict[str, bool]  # name -> is a folder


def _article_name(name: str) -> bool:
    return name.lower().endswith(SUFFIX) or format_of(name) is not None


def snapshot(folder: str) -> Snapshot:
    """The subfolders and article files of ``folder`` (names, from the folder alone)."""
    out: Snapshot = {}
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return out
    for e in entries:
        try:
            is_dir = e.is_dir(follow_symlinks=False)
        except OSError:
            continue
        if is_dir or _article_name(e.name):
            out[e.name] = is_dir
    return out


class FolderWatcher(QObject):
    """Watches one folder tree; ``changed`` when its articles changed (debounced)."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None, *, delay_ms: int = DEBOUNCE_MS,
                 limit: int = MAX_WATCHED) -> None:
        super().__init__(parent)
        self.root: Path | None = None
        self.limit = limit
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._on_folder)
        self._watcher.fileChanged.connect(self._on_file)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.changed)
        self._seen: dict[str, Snapshot] = {}
        self._watched: set[str] = set()

    @property
    def pending(self) -> bool:
        """A change was seen and ``changed`` is still to come."""
        return self._timer.isActive()

    def watched(self) -> set[str]:
        return set(self._watched)

    def watch(self, root: Path | None) -> None:
        """Watch ``root``'s tree as it is now (None: nothing). Called again after each
        indexing run, so new subfolders and files are watched too."""
        if root is None or root != self.root or not root.is_dir():
            self._clear()
        self.root = root
        if root is None or not root.is_dir():
            return
        self._seen.clear()
        folders: list[str] = []
        files: list[str] = []
        stack = [str(root)]
        while stack and len(folders) < self.limit:
            folder = stack.pop()
            folders.append(folder)
            seen = self._seen[folder] = snapshot(folder)
            for name, is_dir in sorted(seen.items()):
                (stack if is_dir else files).append(os.path.join(folder, name))
        paths = folders + files[:max(0, self.limit - len(folders))]
        gone = self._watched.difference(paths)  # watched already: kept as they are
        if gone:
            self._watcher.removePaths(sorted(gone))
            self._watched -= gone
        self._add(paths)

    def _add(self, paths: list[str]) -> None:
        paths = [p for p in paths if p not in self._watched]
        if not paths:
            return
        failed = set(self._watcher.addPaths(paths))
        if failed:
            log.warning("%s: %d paths cannot be watched (the system's limit?); changes to "
                        "them show at the next reload", self.root, len(failed))
        self._watched.update(p for p in paths if p not in failed)

    def _clear(self) -> None:
        current = self._watcher.files() + self._watcher.directories()
        if current:
            self._watcher.removePaths(current)
        self._watched.clear()
        self._seen.clear()

    def stop(self) -> None:
        self._timer.stop()
        self._clear()
        self.root = None

    def _on_folder(self, folder: str) -> None:
        now = snapshot(folder)
        before = self._seen.get(folder)
        if before == now:
            return  # not an article nor a folder: the index, a log, a temporary file
        self._seen[folder] = now
        if not os.path.isdir(folder):
            self._watched.discard(folder)
        # New subfolders and files are watched at once (a burst may fill them meanwhile).
        new = [os.path.join(folder, n) for n in now if before is None or n not in before]
        if len(self._watched) + len(new) <= self.limit:
            for path in new:
                if now[os.path.basename(path)]:
                    self._seen[path] = snapshot(path)
            self._add(new)
        self._timer.start()

    def _on_file(self, path: str) -> None:
        if not os.path.exists(path):
            self._watched.discard(path)  # removed (or replaced: its folder says so)
        elif path not in self._watcher.files():
            self._watched.discard(path)
            self._add([path])  # replaced by a rename: watched again
        self._timer.start()


__all__ = ["DEBOUNCE_MS", "MAX_WATCHED", "FolderWatcher", "snapshot"]
