"""The Layers menu: the map's layers (``explorer.map_layers``) shown or hidden, saved with the
corpus.

Each layer has a checkable action here, its title and legend in the interface's language
(``LayersMenu.titles``, ``legends``: the words a new layer needs). A toggle tells ``MapSync``,
which sends the page the layers shown and their data; the choice is kept in the open folder's
index (``settings`` table, like the filter) and read again when the folder is opened.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar

from explorer import map_layers
from explorer.qt.mapsync import MapSync
from explorer.workspace import Index, IndexUnavailable, save_setting

log = logging.getLogger(__name__)


class LayersMenu(QObject):
    """The menu bar's Layers menu, before ``before`` (an action of the bar, or None: last)."""

    problem = Signal(str)  # a saved choice that cannot be used, in a few words

    def __init__(
        self, bar: QMenuBar, before: QAction | None, sync: MapSync,
        index_path: Callable[[], Path | None], parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.sync = sync
        self.index_path = index_path
        self.menu = QMenu(self.tr("&Layers"), bar)
        self.menu.setObjectName("layersMenu")
        if before is None:
            bar.addMenu(self.menu)
        else:
            bar.insertMenu(before, self.menu)
        self.actions: dict[str, QAction] = {}
        titles = self.titles()
        for layer in map_layers.LAYERS:
            action = QAction(titles[layer.name], self.menu)
            action.setObjectName(f"layer-{layer.name}")
            action.setCheckable(True)
            action.setChecked(layer.name in sync.layers)
            action.toggled.connect(self._on_toggled)
            self.menu.addAction(action)
            self.actions[layer.name] = action
        self._restored = False

    def titles(self) -> dict[str, str]:
        """Each layer's name in the menu."""
        return {
            "markers": self.tr("Markers and groups of places"),
            "heat": self.tr("Heatmap of mentions"),
            "choropleth": self.tr("Countries by mentions"),
            "together": self.tr("Places mentioned with the selection"),
            "rivers": self.tr("Rivers"),
            "lakes": self.tr("Lakes"),
            "borders": self.tr("Borders of states and provinces"),
        }

    def legends(self) -> dict[str, str]:
        """Each layer's line in the map's legend (sent with the legend's other words)."""
        return {
            "heat": self.tr("Heat: where the mentions gather"),
            "choropleth": self.tr("Country colour: mentions of the places in it"),
            "together": self.tr("Lines: places named in the same passages as the selection"),
            "rivers": self.tr("Rivers (when zoomed in)"),
            "lakes": self.tr("Lakes (when zoomed in)"),
            "borders": self.tr("Borders of states and provinces (when zoomed in)"),
        }

    def shown(self) -> frozenset[str]:
        return frozenset(name for name, a in self.actions.items() if a.isChecked())

    def set_shown(self, on: frozenset[str]) -> None:
        """Check exactly the layers ``on`` (as the user would: the map follows)."""
        for name, action in self.actions.items():
            action.blockSignals(True)
            action.setChecked(name in on)
            action.blockSignals(False)
        self.sync.set_layers(self.shown())

    def _on_toggled(self, _checked: bool) -> None:
        self.sync.set_layers(self.shown())
        self.save()

    def new_folder(self) -> None:
        """Another folder is opened: its own saved layers are read when its index is."""
        self._restored = False

    def restore(self, db: Index) -> None:
        """The layers saved with this corpus, once per folder opened (the default if none)."""
        if self._restored:
            return
        self._restored = True
        on = map_layers.DEFAULT
        try:
            text = db.get_setting(map_layers.KEY)
            if text is not None:
                on = map_layers.from_json(text)
        except (map_layers.BadLayers, IndexUnavailable) as exc:
            self.problem.emit(self.tr(
                "the saved map layers cannot be used ({why}); the default ones are shown"
            ).format(why=exc))
        self.set_shown(on)

    def save(self) -> None:
        """Keep the layers shown with the corpus: in its index, if there is one."""
        path = self.index_path()
        if path is None or not path.exists() or not self._restored:
            return
        on = self.shown()
        try:
            save_setting(path, map_layers.KEY,
                         None if on == map_layers.DEFAULT else map_layers.to_json(on))
        except IndexUnavailable as exc:
            log.warning("the map layers were not saved: %s", exc)
