"""“Only what is in view” (issue 20, item 4): while it is on, the filter's area is the map's
view, told by the page (``MapBridge.viewMoved``, debounced) and decided here, not by the page:
passages, places, counts, countries and timeline follow the map as it moves. A box or a
polygon drawn on the map (the page reports its corners or vertices) is the area too."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Qt, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QInputDialog,
    QMainWindow,
    QMenu,
    QWidget,
)

from explorer.areas import MAX_KM, BBox, Near, Polygon
from explorer.qt.names import arabic_interface
from explorer.qt.session_model import SessionModel
from explorer.query import PlaceSummary
from explorer.session import Change


class InView(QObject):
    """A checkable action in ``menu``; ``view`` is the bridge's signal of the view's bounds,
    ``box`` of a drawn box's, ``polygon`` of a drawn polygon (``refused``: why one drawn is
    none); ``draw`` and ``draw_polygon`` ask the page to let the analyst draw one."""

    def __init__(self, model: SessionModel, menu: QMenu, view: SignalInstance,
                 box: SignalInstance, draw: Callable[[bool], None],
                 polygon: SignalInstance | None = None,
                 draw_polygon: Callable[[bool], None] | None = None,
                 refused: SignalInstance | None = None,
                 selected: Callable[[], PlaceSummary | None] | None = None) -> None:
        super().__init__(menu)
        self.model = model
        # The selected place as the passage panel last showed it (None: asked of the index).
        self._selected = selected
        self.last: BBox | None = None  # the view's bounds last told
        self.action = QAction(self.tr("Only what is in &view"), menu)
        self.action.setObjectName("onlyInView")
        self.action.setCheckable(True)
        self.action.setToolTip(self.tr(
            "Passages, places, counts and timeline follow the map's view"))
        self.action.toggled.connect(self._toggled)
        menu.addAction(self.action)
        self.draw_action = QAction(self.tr("&Draw an area on the map"), menu)
        self.draw_action.setObjectName("drawArea")
        self.draw_action.setToolTip(self.tr(
            "Drag a box on the map: only the places inside it are shown"))
        self.draw_action.triggered.connect(lambda: draw(True))
        menu.addAction(self.draw_action)
        self.polygon_action = QAction(self.tr("Draw a &polygon on the map"), menu)
        self.polygon_action.setObjectName("drawPolygon")
        self.polygon_action.setToolTip(self.tr(
            "Click the polygon's corners on the map, double-click or press Enter to close it "
            "(Esc gives it up): only the places inside it are shown"))
        if draw_polygon is not None:
            self.polygon_action.triggered.connect(lambda: draw_polygon(True))
        menu.addAction(self.polygon_action)
        self.near_action = QAction(self.tr("&Within a distance of the selected place…"), menu)
        self.near_action.setObjectName("nearPlace")
        self.near_action.triggered.connect(self.ask_near)
        self.near_action.setEnabled(model.selected_place is not None)
        menu.addAction(self.near_action)
        self.dialog: QInputDialog | None = None  # the distance asked, while it is open
        view.connect(self._on_view)
        box.connect(self._on_box)
        if polygon is not None:
            polygon.connect(self._on_box)
        if refused is not None:
            refused.connect(self._refused)
        model.changed.connect(self._on_change)

    def _toggled(self, on: bool) -> None:
        if on:
            if self.last is not None:
                self._set(self.last)
        elif isinstance(self.model.filter.area, BBox):
            self._set(None)

    def _on_view(self, box: object) -> None:
        if not isinstance(box, BBox):
            return
        self.last = box
        if self.action.isChecked():
            self._set(box)

    def _on_box(self, box: object) -> None:
        """A box or polygon drawn on the map: the filter's area (the view no longer is)."""
        if isinstance(box, BBox | Polygon):
            self.action.blockSignals(True)
            self.action.setChecked(False)
            self.action.blockSignals(False)
            self._set(box)

    def ask_near(self) -> None:
        """Ask how many km around the selected place; the circle becomes the area."""
        pid = self.model.selected_place
        if pid is None:
            return
        summary = self._selected() if self._selected is not None else self.model.place(pid)
        if summary is None or summary.place.id != pid:
            return
        p = summary.place
        label = p.name_ar if arabic_interface() and p.name_ar else p.name
        dialog = QInputDialog(self.parent_widget())
        dialog.setObjectName("nearDialog")
        dialog.setWindowTitle(self.tr("Within a distance"))
        dialog.setLabelText(self.tr("Places within how many km of {place}?").format(place=label))
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setIntRange(1, int(MAX_KM))
        dialog.setIntValue(50)
        dialog.setIntStep(10)

        def done(result: int) -> None:
            self.dialog = None
            if result == QDialog.DialogCode.Accepted:
                near = Near(p.lat, p.lon, float(dialog.intValue()), label)
                self.action.blockSignals(True)
                self.action.setChecked(False)
                self.action.blockSignals(False)
                self.model.set_filter(replace(self.model.filter, area=near))
            dialog.deleteLater()

        dialog.finished.connect(done)
        self.dialog = dialog
        dialog.open()

    def parent_widget(self) -> QWidget | None:
        menu = self.parent()
        return menu.window() if isinstance(menu, QWidget) else None

    def _refused(self, why: str) -> None:
        window = self.parent_widget()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(
                self.tr("The polygon drawn is not used: {why}").format(why=why), 10_000)

    def _set(self, box: BBox | Polygon | None) -> None:
        if self.model.filter.area != box:
            self.model.set_filter(replace(self.model.filter, area=box))

    def _on_change(self, change: Change) -> None:
        """The area's chip removed (or another area chosen): the toggle goes off."""
        if change.selection:
            self.near_action.setEnabled(self.model.selected_place is not None)
        if change.filter and self.action.isChecked() and (
                self.model.filter.area is None or self.model.filter.area != self.last):
            self.action.blockSignals(True)
            self.action.setChecked(False)
            self.action.blockSignals(False)


def in_view_for(model: SessionModel, menu: QMenu, events: Any, map_sync: Any,
                table: QAbstractItemView,
                selected: Callable[[], PlaceSummary | None] | None = None) -> InView:
    """The window's area filter: the page's events (view, box, polygon, refusals), the map's
    drawing modes, and "within N km" in the places table's context menu (of the place
    ``selected`` gives)."""
    in_view = InView(model, menu, events.view, events.box, map_sync.set_drawing,
                     events.polygon, map_sync.set_polygon_drawing, events.refused, selected)
    # The view itself is not outlined on the map: the other areas are.
    map_sync.is_view = lambda area: in_view.action.isChecked() and area == in_view.last
    table.addAction(in_view.near_action)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return in_view
