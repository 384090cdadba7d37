"""The main window's menu bar (File, Edit, View, Help) and its About box.

The menus only call the window's own operations (open a folder, clear the selection, index
again); they hold no state besides the recent-corpora list they show.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox, QWidget

from explorer.qt.names import arabic_interface

ABOUT_HTML = str(QT_TRANSLATE_NOOP("Menus", """
<h3>explorer</h3>
<p>An offline, Arabic-first map-and-document explorer. Code: MIT licence.</p>
<p><b>Data</b></p>
<ul>
<li>Place names and coordinates: GeoNames (geonames.org), CC BY 4.0.</li>
<li>Country and region shapes: Natural Earth (naturalearthdata.com), public domain.</li>
<li>Country names: Unicode CLDR, Unicode licence (Unicode-3.0).</li>
<li>Country shapes packaged by world-atlas (npm): ISC licence.</li>
<li>Arabic word lists built from hunspell-ar (Ayaspell, © Mohamed Kebdani):
GPL 2.0 / LGPL 2.1 / MPL 1.1.</li>
</ul>
<p><b>Code in the map page</b></p>
<ul>
<li>Leaflet: BSD 2-Clause licence.</li>
<li>Leaflet.markercluster: MIT licence.</li>
</ul>
"""))


class Menus:
    """The actions of the menu bar, named for the window and its tests."""

    def __init__(
        self,
        window: QMainWindow,
        *,
        open_folder: Callable[[], None],
        open_recent: Callable[[Path], None],
        find: Callable[[], None],
        clear_selection: Callable[[], None],
        reload: Callable[[], None],
        docks: Sequence[QAction],
        count_once: Callable[[bool], None] | None = None,
    ) -> None:
        self.window = window
        self.shortcuts_dialog: QDialog | None = None
        self._open_recent = open_recent
        bar = window.menuBar()

        self.file = bar.addMenu(QCoreApplication.translate("Menus", "&File"))
        self.open_folder = _action(window, QCoreApplication.translate("Menus", "Open folder…"),
                                   QKeySequence.StandardKey.Open, open_folder)
        self.file.addAction(self.open_folder)
        self.recent = self.file.addMenu(QCoreApplication.translate("Menus", "Recent corpora"))
        self.recent.setObjectName("recentCorpora")
        self._recent: list[str] = []
        # A folder may vanish while the window is open: looked at again before each showing.
        self.recent.aboutToShow.connect(lambda: self.set_recent(self._recent))
        self.file.addSeparator()
        self.quit = _action(window, QCoreApplication.translate("Menus", "Quit"),
                            QKeySequence.StandardKey.Quit, window.close)
        self.quit.setShortcut(QKeySequence("Ctrl+Q"))  # no standard key on some platforms
        self.file.addAction(self.quit)

        self.edit = bar.addMenu(QCoreApplication.translate("Menus", "&Edit"))
        self.find = _action(window, QCoreApplication.translate("Menus", "Find…"),
                            QKeySequence.StandardKey.Find, find)
        self.edit.addAction(self.find)
        self.clear_selection = _action(
            window, QCoreApplication.translate("Menus", "Clear selection"), QKeySequence("Esc"),
            clear_selection)
        self.edit.addAction(self.clear_selection)

        self.view = bar.addMenu(QCoreApplication.translate("Menus", "&View"))
        for dock in docks:
            self.view.addAction(dock)
        self.view.addSeparator()
        # Wire copies (explorer.wire): the map and every count take one copy of each story.
        self.count_once = QAction(
            QCoreApplication.translate("Menus", "Count each story once"), window)
        self.count_once.setObjectName("countOnce")
        self.count_once.setCheckable(True)
        self.count_once.setToolTip(QCoreApplication.translate(
            "Menus", "A story reprinted by several outlets (a wire copy) counts once on the "
            "map and in every count"))
        if count_once is not None:
            self.count_once.toggled.connect(count_once)
        self.view.addAction(self.count_once)
        self.reload = _action(
            window, QCoreApplication.translate("Menus", "Reload (index again)"),
            QKeySequence.StandardKey.Refresh, reload)
        self.reload.setShortcut(QKeySequence("F5"))
        self.view.addAction(self.reload)

        self.help = bar.addMenu(QCoreApplication.translate("Menus", "&Help"))
        self.about = _action(window, QCoreApplication.translate("Menus", "About explorer"), None,
                             self.show_about)
        self.shortcuts = _action(
            window, QCoreApplication.translate("Menus", "Keyboard shortcuts"),
            QKeySequence.StandardKey.HelpContents, self.show_shortcuts)
        self.help.addAction(self.shortcuts)
        self.help.addAction(self.about)

    def set_recent(self, folders: Sequence[str]) -> None:
        """Show ``folders`` (newest first) in File → Recent corpora, those that still are
        folders (a moved or deleted one is left out)."""
        self._recent = list(folders)
        self.recent.clear()
        folders = [f for f in folders if _is_dir(f)]
        for folder in folders:
            path = Path(folder)
            action = self.recent.addAction(folder)
            action.triggered.connect(lambda _c=False, p=path: self._open_recent(p))
        self.recent.setEnabled(bool(folders))

    def after_recent(self) -> QAction | None:
        """The File menu's entry after Open recent (None: it is the last)."""
        actions = self.file.actions()
        after = actions.index(self.recent.menuAction()) + 1
        return actions[after] if after < len(actions) else None

    def show_once(self, on: bool) -> None:
        """Check "Count each story once" as the filter says (without toggling it)."""
        self.count_once.blockSignals(True)
        self.count_once.setChecked(on)
        self.count_once.blockSignals(False)

    def show_about(self) -> None:
        about_box(self.window).exec()

    def show_shortcuts(self) -> None:
        """Help → Keyboard shortcuts: the window's shortcuts, read from its actions now."""
        from explorer.qt.shortcuts_dialog import ShortcutsDialog

        if self.shortcuts_dialog is not None:
            self.shortcuts_dialog.deleteLater()
        self.shortcuts_dialog = ShortcutsDialog(self.window)
        self.shortcuts_dialog.open()


def _is_dir(folder: str) -> bool:
    try:
        return Path(folder).is_dir()
    except (OSError, ValueError):
        return False


def about_text() -> str:
    """The About box's text: the version (and Qt's) first, then the credits."""
    import PySide6
    from PySide6.QtCore import qVersion

    from explorer import __version__

    version = QCoreApplication.translate("Menus", "Version {version} (Qt {qt}, PySide {pyside})")
    line = version.format(version=__version__, qt=qVersion(), pyside=PySide6.__version__)
    about = QCoreApplication.translate("Menus", ABOUT_HTML)
    # Numbers and names left to right inside an Arabic paragraph too (an isolate).
    text = about.replace("</h3>", f"</h3>\n<p>\u2068{line}\u2069</p>", 1)
    if arabic_interface():  # every paragraph right to left, Latin names kept whole
        text = f'<div dir="rtl" align="right">{text}</div>'
    return text


def about_box(parent: QWidget) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.NoIcon,
                      QCoreApplication.translate("Menus", "About explorer"),
                      about_text(),
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("aboutBox")
    return box


def _action(
    window: QWidget,
    text: str,
    key: QKeySequence | QKeySequence.StandardKey | None,
    slot: Callable[[], object],
) -> QAction:
    action = QAction(text, window)
    if key is not None:
        action.setShortcut(key)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)  # shortcuts work with the menu bar hidden too
    return action


__all__ = ["ABOUT_HTML", "Menus", "about_box", "about_text"]
