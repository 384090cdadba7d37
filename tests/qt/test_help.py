"""Issue 17 item 6, help: Help → Keyboard shortcuts built from the window's actions, a tooltip on
every filter and on confidence, the keyboard's focus seen, the map's places reached from the
keyboard (the country list ticks with Enter; the places table's arrows select the marker).
Real window and web view (the seeds)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from explorer.qt.places_table import PlacesTableModel
from tests.qt.conftest import run_js

pytestmark = pytest.mark.e2e


def _table_rows(dialog: Any) -> list[tuple[str, str, str]]:
    t = dialog.table
    return [tuple(t.item(r, c).text() for c in range(3))  # type: ignore[misc]
            for r in range(t.rowCount())]


def test_the_shortcuts_dialog_lists_every_shortcut_from_the_actions(
    qtbot: Any, window: Any
) -> None:
    window.menus.shortcuts.trigger()
    dialog = window.menus.shortcuts_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    rows = _table_rows(dialog)
    keys = {k for _, k, _ in rows}
    native = QKeySequence.SequenceFormat.NativeText
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            if not key.isEmpty() and action.text():
                assert any(key.toString(native) in k.split(", ") for k in keys), action.text()
    by_action = {a: (k, m) for a, k, m in rows}
    assert by_action["Export"][0] == "Ctrl+E"
    assert by_action["Keyboard shortcuts"] == (
        QKeySequence(QKeySequence.StandardKey.HelpContents).toString(native), "Help")
    assert by_action["Open folder"][1] == "File"
    dialog.close()
    # an action added later is listed the next time: the list is read, not written down
    extra = QAction("Jump to the moon", window)
    extra.setShortcut(QKeySequence("Ctrl+Shift+M"))
    window.addAction(extra)
    window.menus.shortcuts.trigger()
    dialog = window.menus.shortcuts_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert ("Jump to the moon", "Ctrl+Shift+M", "") in _table_rows(dialog)
    dialog.close()


def test_every_filter_and_confidence_has_a_tooltip(window: Any) -> None:
    bar = window.filter_bar
    timeline = window.timeline.widget()
    widgets = {
        "search": window.search, "country search": window.filter.search,
        "country list": window.filter.view, "all countries": window.filter.all_button,
        "region": bar.region, "kinds": bar.kinds_button, "sources": bar.sources_button,
        "place names": bar.toponyms, "demonyms": bar.demonyms,
        "confidence": bar.confidence,
        "bucket": timeline.findChild(QWidget, "dateFrom").parent().bucket,
        "from": timeline.findChild(QWidget, "dateFrom"),
        "to": timeline.findChild(QWidget, "dateTo"),
        "all dates": timeline.findChild(QWidget, "allDates"),
    }
    missing = [name for name, w in widgets.items() if len(w.toolTip()) < 15]
    assert missing == []
    assert "confidence" in bar.confidence.toolTip()
    model = window.places.table.view.model()
    column = next(c for c in range(model.columnCount())
                  if model.headerData(c, Qt.Orientation.Horizontal) == "Confidence")
    tip = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert isinstance(tip, str) and "confidence" in tip
    assert isinstance(window.places.table.model, PlacesTableModel)


def test_the_country_list_ticks_with_enter_and_space(qtbot: Any, window: Any) -> None:
    view = window.filter.view
    window.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.setCurrentIndex(view.model().index(0, 0))
    code = view.model().data(view.currentIndex(), Qt.ItemDataRole.UserRole + 1)
    assert window.session.filter.countries == frozenset()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.session.filter.countries == {code}
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert window.session.filter.countries == frozenset()


def test_the_places_tables_arrows_select_the_marker_on_the_map(
    qtbot: Any, window: Any
) -> None:
    view = window.places.table.view
    window.places.show()
    window.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.selected_place is not None)
    chosen = window.selected_place
    qtbot.waitUntil(lambda: run_js(qtbot, window, "explorer.selected()") == chosen)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.selected_place not in (None, chosen))
    then = window.selected_place
    qtbot.waitUntil(lambda: run_js(qtbot, window, "explorer.selected()") == then)


@pytest.mark.parametrize("name", ["chip", "search", "country list", "places table",
                                  "demonyms", "confidence", "all countries"])
def test_the_keyboard_focus_is_seen(qtbot: Any, window: Any, name: str) -> None:
    """A widget looks different with the keyboard's focus than without it."""
    if name == "chip":
        window.session.set_countries(frozenset({"TJ"}))
        qtbot.waitUntil(lambda: "country:TJ" in window.chips.buttons)
    widget = {
        "chip": lambda: window.chips.buttons["country:TJ"],
        "search": lambda: window.search,
        "country list": lambda: window.filter.view,
        "places table": lambda: window.places.table.view,
        "demonyms": lambda: window.filter_bar.demonyms,
        "confidence": lambda: window.filter_bar.confidence,
        "all countries": lambda: window.filter.all_button,
    }[name]()
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(lambda: not widget.hasFocus())
    QApplication.processEvents()
    without = widget.grab().toImage()
    # focused from the keyboard (as by a shortcut or Tab: Qt then draws focus frames)
    widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    QApplication.processEvents()
    with_focus = widget.grab().toImage()
    assert with_focus != without, f"{name}: the focus cannot be seen"


def test_the_maps_keyboard_focus_is_seen(qtbot: Any, window: Any) -> None:
    """Tab reaches the map (its arrows pan, +/- zoom): a focus ring is drawn round it."""
    outline = ("(function () { var m = document.querySelector('.leaflet-container');"
               " return getComputedStyle(m).outlineStyle + ' ' + getComputedStyle(m).outlineWidth;"
               " })()")
    assert run_js(qtbot, window, outline).startswith("none")
    window.activateWindow()
    window.view.setFocus()
    # focused as the keyboard focuses it (focus-visible), in the real page
    run_js(qtbot, window, "document.querySelector('.leaflet-container').focus("
                          "{focusVisible: true}), true")
    qtbot.waitUntil(lambda: run_js(qtbot, window, outline) == "solid 3px")
