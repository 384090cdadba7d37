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
    QDate,
    QEvent,
    QIODevice,
    QObject,
    QPoint,
    QStandardPaths,
    Qt,
    QThread,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QImage, QKeyEvent, QKeySequence, QPixmap
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
    Scope,
    corpus_files,
    index_files,
    output_problem,
    write_export,
)
from explorer.filter_words import file_stem
from explorer.qt.chips import FilterChips, chips
from explorer.qt.map_image import GRAB_READY_JS, HIDE_CONTROLS_JS, SHOW_CONTROLS_JS, captioned
from explorer.query import Filter, IndexReader
from explorer.workspace import IndexUnavailable

log = logging.getLogger(__name__)

STATUS_MS = 8000
# After the page has painted without its zoom buttons: time for the frame to reach the widget
# (as ``--screenshot`` waits).
GRAB_DELAY_MS = 300

#: Opens a reader for the export's thread: a connection of its own, closed afterwards, or the
#: window's in-memory reader as it is (``contextlib.nullcontext``).
Opener = Callable[[], AbstractContextManager[IndexReader]]


class ExportJob(QThread):
    """Writes one export file on its own thread; ``failed`` says why in one line."""

    failed = Signal(str)

    def __init__(self, open_reader: Opener, f: Filter, fmt: str, out: Path,
                 parent: QObject | None = None,
                 protected: Callable[[], list[Path]] = list,
                 scope: Scope | None = None) -> None:
        super().__init__(parent)
        self._open_reader, self.filter, self.fmt, self.out = open_reader, f, fmt, out
        self.scope = scope or Scope()
        self._protected = protected  # listed on this thread (a corpus may be large)
        self.error: str | None = None

    def run(self) -> None:
        try:
            with self._open_reader() as reader:
                write_export(reader, self.filter, self.fmt, self.out, self._protected(),
                             self.scope)
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
        self.menu.addSeparator()
        self.only_selection = self.menu.addAction(self.tr("Export only the selected place"))
        self.only_selection.setObjectName("export-selection")
        self.only_selection.setCheckable(True)
        self.only_selection.setToolTip(self.tr(
            "GeoJSON, CSV and HTML hold only the place selected on the map; the PNG is the map "
            "as shown"))
        self.menu.setToolTipsVisible(True)
        self.menu.aboutToShow.connect(self._offer_selection)
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

    def _offer_selection(self) -> None:
        """"Only the selected place" is there to tick while a place is selected."""
        selected = self.selected() is not None
        self.only_selection.setEnabled(selected)
        if not selected:
            self.only_selection.setChecked(False)

    def selected(self) -> str | None:
        place = getattr(self.window, "selected_place", None)
        return place if isinstance(place, str) else None

    def filter_words(self, f: Filter) -> list[str]:
        """The filter as the chips above the map say it (translated, names as shown)."""
        bar = self.window.findChild(FilterChips)
        if bar is not None:
            return [c.label for c in chips(f, bar.region_name, bar.country_name)]
        return [c.label for c in chips(f)]

    def scope(self, f: Filter) -> Scope:
        """What the export holds beyond the filter (the selection, if asked) and says."""
        folder = self._folder()
        corpus = folder.name if folder is not None else ""
        today = QDate.currentDate().toString(Qt.DateFormat.ISODate)
        only = self.selected() if self.only_selection.isChecked() else None
        return Scope(place=only,
                     title=self.tr("Places mentioned in {corpus}").format(corpus=corpus),
                     filter_words=tuple(self.filter_words(f)),
                     made=self.tr("{corpus}, exported {date}").format(corpus=corpus, date=today),
                     words=(("noFilter", self.tr("No filter: every place")),
                            ("more", self.tr("{shown} of {total} passages shown")),
                            ("none", self.tr("No passage"))))

    def proposed_path(self, fmt: str) -> Path:
        """The dialog's first proposal: a name from the corpus and the filter, in the user's
        documents folder (their home if there is none)."""
        _open, f = self._state()
        folder = self._folder()
        words = self.filter_words(f)
        if self.only_selection.isChecked() and (place := self.selected()) is not None:
            words.append(place.rsplit(":", 1)[-1])
        stem = file_stem(folder.name if folder is not None else "explorer", words)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        where = Path(documents) if documents and Path(documents).is_dir() else Path.home()
        return where / f"{stem}.{fmt}"

    def ask(self, fmt: str) -> None:
        """Ask where to save the ``fmt`` export (the dialog is left open, not run modally)."""
        names = {"geojson": self.tr("GeoJSON (*.geojson *.json)"),
                 "csv": self.tr("CSV (*.csv)"),
                 "html": self.tr("HTML (*.html)"),
                 "png": self.tr("PNG image (*.png)")}
        start = self.proposed_path(fmt)
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
            if (why := output_problem(out, self._index_files())) is not None or (
                    (why := output_problem(out, self._articles_named(out))) is not None):
                self._failed(out, why)
                return
            self._grab_png(out, f)
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
            lambda: index + (corpus_files(folder) if folder is not None else []),
            self.scope(f))
        self._enable(False)
        self.window.statusBar().showMessage(self.tr("Exporting to {path}…").format(path=out))
        job.finished.connect(lambda: self._job_ended(job))
        job.start()

    def _grab_png(self, out: Path, f: Filter) -> None:
        """The map without its zoom buttons (hidden in the page, then painted), grabbed, with
        the caption strip below; then the buttons shown again."""
        page = getattr(self._view, "page", None)
        if page is None:  # not a web view (tests of the menus): the widget as it is
            self._write_png(out, f)
            return
        tries = [0]

        def ready(value: object) -> None:
            tries[0] += 1
            if value is True or tries[0] > 40:  # painted, or 2 s: grab what there is
                QTimer.singleShot(GRAB_DELAY_MS, lambda: self._write_png(out, f))
            else:
                QTimer.singleShot(50, lambda: page().runJavaScript(GRAB_READY_JS, 0, ready))

        page().runJavaScript(HIDE_CONTROLS_JS, 0, ready)

    def _write_png(self, out: Path, f: Filter) -> None:
        try:
            image = self._view.grab().toImage()
            page = getattr(self._view, "page", None)
            if page is not None:
                page().runJavaScript(SHOW_CONTROLS_JS, 0)
            data = _png_bytes(captioned(image, self.caption(f)))
            out.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(out, data)
        except (ExportError, OSError) as exc:
            self._failed(out, str(getattr(exc, "strerror", None) or exc))
            return
        self._done("png", out)

    def caption(self, f: Filter) -> list[str]:
        """The PNG's caption: the corpus and the date, then the filter."""
        scope = self.scope(f)
        words = " · ".join(scope.filter_words or ()) or self.tr("No filter: every place")
        return [scope.title, self.tr("Filter: {filter}").format(filter=words), scope.made]

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


def _png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not QPixmap.fromImage(image).save(buffer, "PNG"):
        raise ExportError("the map could not be encoded as PNG")
    return bytes(data.data())


__all__ = ["Exports"]
