"""File → Export ▸ GeoJSON, CSV, HTML map, PNG: what the window shows, under its filter.

The files are those of ``explorer export`` (``explorer.export``: the same functions, the
session's current ``Filter``); the PNG is the map view as it is on screen (its own grab). A save
dialog (Qt's own, not the platform's, so that it looks and behaves the same everywhere) asks
where; the file is written atomically, and a failure is said in one line without touching the
old file. Ctrl+E opens the choice of format over the map.

GeoJSON, CSV and HTML are written on a worker thread (a large index takes seconds: the window
stays responsive), reading the index through a connection of its own (``open_reader``) or, for
an index held in memory, the window's reader itself (read-only).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QObject,
    QPoint,
    QThread,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QWidget,
)

from explorer.atomic import atomic_write_bytes
from explorer.export import (
    ExportError,
    corpus_files,
    index_files,
    output_problem,
    write_export,
)
from explorer.indexdb import IndexUnavailable
from explorer.query import Filter, IndexReader

log = logging.getLogger(__name__)

STATUS_MS = 8000

#: Opens a reader for the export's thread: a connection of its own, closed afterwards, or the
#: window's in-memory reader as it is (``contextlib.nullcontext``).
Opener = Callable[[], AbstractContextManager[IndexReader]]


class ExportJob(QThread):
    """Writes one export file on its own thread; ``failed`` says why in one line."""

    failed = Signal(str)

    def __init__(self, open_reader: Opener, f: Filter, fmt: str, out: Path,
                 parent: QObject | None = None,
                 protected: Callable[[], list[Path]] = list) -> None:
        super().__init__(parent)
        self._open_reader, self.filter, self.fmt, self.out = open_reader, f, fmt, out
        self._protected = protected  # listed on this thread (a corpus may be large)
        self.error: str | None = None

    def run(self) -> None:
        try:
            with self._open_reader() as reader:
                write_export(reader, self.filter, self.fmt, self.out, self._protected())
        except (ExportError, OSError) as exc:
            self.error = str(getattr(exc, "strerror", None) or exc)
        except (IndexUnavailable, sqlite3.Error) as exc:  # the index failed under it
            self.error = str(exc) or type(exc).__name__


class ShortcutFirst(QObject):
    """Lets ``keys`` reach the shortcuts of ``window`` while a text field in it has the focus
    (on X11 a line edit claims Ctrl+E, "end of line", for itself). Watches the window's text
    fields: those there now, and any other when it takes the focus."""

    def __init__(self, window: QWidget, keys: list[QKeySequence],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._keys = keys
        for edit in window.findChildren(QLineEdit):
            edit.installEventFilter(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focused)

    def _focused(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QLineEdit) and new.window() is self._window:
            new.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and QKeySequence(event.keyCombination()) in self._keys):
            event.ignore()
            return True  # not accepted by the field: the window's shortcut gets the key
        return False


class Exports(QObject):
    """The Export submenu and its Ctrl+E shortcut, for ``window``'s reader and filter."""

    written = Signal(str, str)  # format, path of a file written
    failed = Signal(str)  # the message shown

    def __init__(
        self,
        window: QMainWindow,
        file_menu: QMenu,
        before: QAction | None,
        state: Callable[[], tuple[Opener | None, Filter]],
        map_view: QWidget,
        folder: Callable[[], Path | None],
    ) -> None:
        """``state``: how to open a reader of what the window shows (None: nothing yet), and
        the window's filter."""
        super().__init__(window)
        self.window = window
        self._state = state
        self.job: ExportJob | None = None
        self._view = map_view
        self._folder = folder
        self.dialog: QFileDialog | None = None
        self.error: QMessageBox | None = None
        self.menu = QMenu(self.tr("Export"), window)
        self.menu.setObjectName("exportMenu")
        self.actions: dict[str, QAction] = {}
        for fmt, label in (("geojson", self.tr("GeoJSON (places, for QGIS)…")),
                           ("csv", self.tr("CSV (mentions, for Excel)…")),
                           ("html", self.tr("HTML map (one file, offline)…")),
                           ("png", self.tr("PNG image of the map…"))):
            action = self.menu.addAction(label)
            action.setObjectName(f"export-{fmt}")
            action.triggered.connect(lambda _c=False, f=fmt: self.ask(f))
            self.actions[fmt] = action
        if before is not None:
            file_menu.insertMenu(before, self.menu)
        else:
            file_menu.addMenu(self.menu)
        self.choose = QAction(self.tr("Export…"), window)
        self.choose.setShortcut(QKeySequence("Ctrl+E"))
        self.choose.triggered.connect(lambda _c=False: self.popup())
        window.addAction(self.choose)
        # A text field takes Ctrl+E itself (end of line, on X11): the export wins over it.
        self._first = ShortcutFirst(window, [self.choose.shortcut()], self)

    def popup(self) -> None:
        """Ctrl+E: the choice of format, over the middle of the map."""
        self.menu.popup(self._view.mapToGlobal(QPoint(self._view.width() // 2,
                                                      self._view.height() // 3)))

    def ask(self, fmt: str) -> None:
        """Ask where to save the ``fmt`` export (the dialog is left open, not run modally)."""
        names = {"geojson": self.tr("GeoJSON (*.geojson *.json)"),
                 "csv": self.tr("CSV (*.csv)"),
                 "html": self.tr("HTML (*.html)"),
                 "png": self.tr("PNG image (*.png)")}
        folder = self._folder()
        start = (folder.parent if folder is not None else Path.home()) / f"explorer.{fmt}"
        dialog = QFileDialog(self.window, self.tr("Export"), str(start), names[fmt])
        dialog.setObjectName("exportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setDefaultSuffix(fmt)
        dialog.fileSelected.connect(lambda path: self.export(fmt, Path(path)))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def export(self, fmt: str, out: Path) -> None:
        """Write the ``fmt`` export of what the window shows to ``out``: ``written`` when done;
        a failure is said in a message box (an old ``out`` is left as it was)."""
        open_reader, f = self._state()
        if fmt == "png":
            try:
                if (why := output_problem(out, self._index_files())) is not None or (
                        (why := output_problem(out, self._articles_named(out))) is not None):
                    raise ExportError(why)
                data = _png_bytes(self._view.grab())
                out.parent.mkdir(parents=True, exist_ok=True)
                atomic_write_bytes(out, data)
            except (ExportError, OSError) as exc:
                self._failed(out, str(getattr(exc, "strerror", None) or exc))
                return
            self._done(fmt, out)
            return
        if open_reader is None:
            self._failed(out, self.tr("nothing is indexed yet"))
            return
        if self.job is not None:
            self.job.wait()  # one export at a time
        folder = self._folder()
        index = self._index_files()
        job = self.job = ExportJob(
            open_reader, f, fmt, out, self,
            lambda: index + (corpus_files(folder) if folder is not None else []))
        self._enable(False)
        self.window.statusBar().showMessage(self.tr("Exporting to {path}…").format(path=out))
        job.finished.connect(lambda: self._job_ended(job))
        job.start()

    def _index_files(self) -> list[Path]:
        """The open folder's index and the files SQLite keeps beside it (never replaced)."""
        index = getattr(self.window, "index_path", None)
        return index_files(index) if isinstance(index, Path) else []

    def _articles_named(self, out: Path) -> list[Path]:
        """``out`` if it is one of the open folder's articles (a quick check, no listing)."""
        folder = self._folder()
        if folder is None or not out.name.lower().endswith(".txt"):
            return []
        return [out] if out.exists() and out.resolve().is_relative_to(folder.resolve()) else []

    def _job_ended(self, job: ExportJob) -> None:
        if job is self.job:
            self.job = None
        self._enable(True)
        if job.error is not None:
            self._failed(job.out, job.error)
        else:
            self._done(job.fmt, job.out)

    def _enable(self, on: bool) -> None:
        for action in self.actions.values():
            action.setEnabled(on)
        self.choose.setEnabled(on)

    def _done(self, fmt: str, out: Path) -> None:
        self.window.statusBar().showMessage(
            self.tr("Exported to {path}").format(path=out), STATUS_MS)
        self.written.emit(fmt, str(out))

    def _failed(self, out: Path, error: str) -> None:
        message = self.tr("Cannot export to {path}: {error}").format(path=out, error=error)
        log.warning("%s", message)
        self.window.statusBar().clearMessage()
        self.error = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export"), message,
                                 QMessageBox.StandardButton.Close, self.window)
        self.error.setObjectName("exportError")
        self.error.open()
        self.failed.emit(message)

    def wait(self) -> None:
        """Let a running export finish (the window is closing)."""
        if self.job is not None:
            self.job.wait()


def _png_bytes(image: QPixmap) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ExportError("the map could not be encoded as PNG")
    return bytes(data.data())


__all__ = ["Exports"]
