"""“Only what is in view” (issue 20, item 4) on the real window and web view: the page tells
the view's bounds, the window filters by them; the country list, the places and the status
follow the map."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from explorer.areas import BBox
from explorer.qt.models import CodeRole
from explorer.settings import Settings
from tests.qt.conftest import run_js, wait_drawn
from tests.qt.synthetic import write_corpus
from tests.qt.test_window_first import wait_indexed

pytestmark = pytest.mark.e2e

KABUL = (34.53, 69.17)


def listed(window: Any) -> set[str]:
    model = window.filter.proxy
    return {model.index(r, 0).data(CodeRole) for r in range(model.rowCount())}


def test_only_what_is_in_view_follows_the_map(qtbot: Any, window: Any) -> None:
    action = window.in_view.action
    assert action in window.menus.view.actions() and not action.isChecked()
    everywhere = listed(window)
    places = {s.place.id for s in window.session.reader.places(window.session.filter)}
    assert "AF" in everywhere and len(everywhere) > 3
    action.trigger()  # as the analyst would, from the View menu
    run_js(qtbot, window, "explorer.fitBounds(29.4, 60.5, 38.5, 74.9)")  # Afghanistan
    qtbot.waitUntil(lambda: isinstance(window.session.filter.area, BBox)
                    and window.session.filter.area.contains(*KABUL)
                    and not window.session.filter.area.contains(40.7, -74.0), timeout=10_000)
    wait_drawn(qtbot, window)
    area = window.session.filter.area
    qtbot.waitUntil(lambda: "AF" in listed(window) and listed(window) < everywhere,
                    timeout=10_000)
    shown = set(run_js(qtbot, window, "explorer.visibleIds()"))
    assert shown and shown < places
    assert all(area.contains(window.session.place(pid).place.lat,
                             window.session.place(pid).place.lon) for pid in shown)
    assert f"in the area {area.spec()}" in window.status.label.text()
    chip = window.chips.buttons["area"]
    assert chip.isVisible() and area.spec() in chip.text()
    # Moving the map moves the filter; the view is not fitted back to the places.
    view = run_js(qtbot, window, "explorer.view()")
    assert abs(view["lat"] - 34) < 3 and abs(view["lon"] - 67.7) < 3
    # Off: everywhere again.
    action.trigger()
    qtbot.waitUntil(lambda: window.session.filter.area is None, timeout=5_000)
    wait_drawn(qtbot, window)
    qtbot.waitUntil(lambda: listed(window) == everywhere, timeout=10_000)


def test_removing_the_area_chip_turns_the_toggle_off(qtbot: Any, window: Any) -> None:
    action = window.in_view.action
    action.trigger()
    run_js(qtbot, window, "explorer.fitBounds(29.4, 60.5, 38.5, 74.9)")
    qtbot.waitUntil(lambda: window.session.filter.area is not None, timeout=10_000)
    window.chips.buttons["area"].click()
    qtbot.waitUntil(lambda: window.session.filter.area is None, timeout=5_000)
    assert not action.isChecked() and "area" not in window.chips.buttons


def test_a_box_drawn_on_the_map_is_a_chip_saved_with_the_corpus(
    qtbot: Any, tmp_path: Path
) -> None:
    from explorer.qt.app import start

    corpus = write_corpus(tmp_path / "c", 12)
    settings = Settings(tmp_path / "settings.json")

    def open_it() -> Any:
        window = start(corpus, settings=settings, jobs=1)
        qtbot.addWidget(window)
        window.show()
        wait_indexed(qtbot, window)
        wait_drawn(qtbot, window)
        return window

    window = open_it()
    try:
        everything = set(run_js(qtbot, window, "explorer.visibleIds()"))
        passages = window.session.reader.count_passages(window.session.filter)
        window.in_view.draw_action.trigger()
        qtbot.waitUntil(lambda: run_js(qtbot, window, "explorer.drawing()") is True)
        # Damascus and Beirut inside; Cairo, Baghdad and the rest outside.
        assert run_js(qtbot, window, "explorer.dragBox(32, 34.5, 35, 37.5)") is True
        qtbot.waitUntil(lambda: isinstance(window.session.filter.area, BBox), timeout=5_000)
        area = window.session.filter.area
        assert area.contains(33.51, 36.29) and not area.contains(30.04, 31.24)
        assert run_js(qtbot, window, "explorer.drawing()") is False
        wait_drawn(qtbot, window)
        shown = set(run_js(qtbot, window, "explorer.visibleIds()"))
        assert shown and shown < everything
        for pid in shown:
            p = window.session.place(pid).place
            assert area.contains(p.lat, p.lon)
        assert window.session.reader.count_passages(window.session.filter) < passages
        assert window.chips.buttons["area"].isVisible()
        assert f"in the area {area.spec()}" in window.status.label.text()
        window.close()
    finally:
        window.dispose()
    window = open_it()
    try:
        assert window.session.filter.area == area
        assert "area" in window.chips.buttons
        assert set(run_js(qtbot, window, "explorer.visibleIds()")) == shown
    finally:
        window.dispose()


def test_within_a_distance_of_a_place_from_the_places_tables_menu(
    qtbot: Any, window: Any
) -> None:
    from explorer.areas import Near, great_circle_km

    chosen = next(s.place for s in window.session.reader.places()  # the first city or town
                 if s.place.kind not in ("country", "region", "admin1", "admin2"))
    action = window.in_view.near_action
    assert action in window.places.table.view.actions()
    assert not action.isEnabled()  # nothing selected
    window.session.select(chosen.id)
    qtbot.waitUntil(action.isEnabled)
    action.trigger()
    dialog = window.in_view.dialog
    assert dialog is not None and dialog.isVisible() and chosen.name in dialog.labelText()
    dialog.setIntValue(300)
    dialog.accept()
    qtbot.waitUntil(lambda: isinstance(window.session.filter.area, Near), timeout=5_000)
    area = window.session.filter.area
    assert (area.lat, area.lon, area.km) == (chosen.lat, chosen.lon, 300.0)
    wait_drawn(qtbot, window)
    shown = run_js(qtbot, window, "explorer.visibleIds()")
    assert shown
    for pid in shown:
        p = window.session.place(pid).place
        assert great_circle_km(chosen.lat, chosen.lon, p.lat, p.lon) <= 300
    assert "within 300 km of" in window.chips.buttons["area"].text()
