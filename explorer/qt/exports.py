"""File → Export ▸ GeoJSON, CSV, HTML map, PNG: what the window shows, under its filter.

The files are those of ``explorer export`` (``explorer.export``: the same functions, the
session's current ``Filter``); the PNG is the map view as it is on screen (its own grab). A save
dialog (Qt's own, not the platform's, so that it looks and behaves the same everywhere) asks
where; the file is written atomically, and a failure is said in one line without touching the
old file. Ctrl+E opens the choice of format over the map.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QPoint, Signal
from PySide6.QtGui import QAction, QKeySequence, QPixmap
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QWidget

from explorer.atomic import atomic_write_bytes
from explorer.export import ExportError, write_export
from explorer.query import Filter, IndexReader

log = logging.getLogger(__name__)

STATUS_MS = 8000


class Exports(QObject):
    """The Export submenu and its Ctrl+E shortcut, for ``window``'s reader and filter."""

    written = Signal(str, str)  # format, path of a file written

    def __init__(
        self,
        window: QMainWindow,
        file_menu: QMenu,
        before: QAction | None,
        state: Callable[[], tuple[IndexReader | None, Filter]],
        map_view: QWidget,
        folder: Callable[[], Path | None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self._state = state
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

    def export(self, fmt: str, out: Path) -> bool:
        """Write the ``fmt`` export of what the window shows to ``out``; False if it failed
        (said in a message box; an old ``out`` is left as it was)."""
        reader, f = self._state()
        try:
            if fmt == "png":
                image = self._view.grab()
                data = _png_bytes(image)
                out.parent.mkdir(parents=True, exist_ok=True)
                atomic_write_bytes(out, data)
            elif reader is None:
                raise ExportError(self.tr("nothing is indexed yet"))
            else:
                write_export(reader, f, fmt, out)
        except (ExportError, OSError) as exc:
            message = self.tr("Cannot export to {path}: {error}").format(
                path=out, error=getattr(exc, "strerror", None) or exc)
            log.warning("%s", message)
            self.error = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export"), message,
                                     QMessageBox.StandardButton.Close, self.window)
            self.error.setObjectName("exportError")
            self.error.open()
            return False
        self.window.statusBar().showMessage(
            self.tr("Exported to {path}").format(path=out), STATUS_MS)
        self.written.emit(fmt, str(out))
        return True


def _png_bytes(image: QPixmap) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ExportError("the map could not be encoded as PNG")
    return bytes(data.data())


__all__ = ["Exports"]
