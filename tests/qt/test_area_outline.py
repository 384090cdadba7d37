"""The filter's area outlined on the map (issue 20): a box (across the antimeridian too), a
polygon and a circle of N km around a place, drawn by the real page as Python sends it,
redrawn when the area changes, gone when it is removed; never for "only what is in view" (the
view itself), never clickable, below the markers."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from explorer.areas import Area, BBox, Near, Polygon
from tests.qt.conftest import run_js, wait_drawn

pytestmark = pytest.mark.e2e

KABUL = (34.53, 69.17)


def set_area(qtbot: Any, window: Any, area: Area | None) -> Any:
    """Set the filter's area through the session; the page's outline once it has painted."""
    window.session.set_filter(replace(window.session.filter, area=area))
    wait_drawn(qtbot, window)
    return run_js(qtbot, window, "explorer.areaOutline()")


def close(a: list[Any], b: list[Any]) -> bool:
    return len(a) == len(b) and all(
        abs(x - y) < 1e-6 for p, q in zip(a, b, strict=True) for x, y in zip(p, q, strict=True))


def test_each_kind_of_area_is_outlined_and_cleared(qtbot: Any, window: Any) -> None:
    assert run_js(qtbot, window, "explorer.areaOutline()") is None
    drawn = set_area(qtbot, window, BBox(60.5, 29.4, 74.9, 38.5))  # around Afghanistan
    assert drawn["kind"] == "box" and close(drawn["bounds"], [[29.4, 60.5], [38.5, 74.9]])
    # Drawn in its own pane below the markers, not clickable, in the page's document.
    assert drawn["pane"] == "explorerArea" and drawn["interactive"] is False and drawn["inDom"]
    z = run_js(qtbot, window, "[+explorer._map.getPane('explorerArea').style.zIndex, "
                              "+getComputedStyle(explorer._map.getPane('overlayPane')).zIndex, "
                              "explorer._map.getPane('explorerArea').style.pointerEvents]")
    assert z[0] < z[1] and z[2] == "none"
    # The point under the outline's middle is not the outline's: a click there reaches the map.
    hit = run_js(qtbot, window, "(function () { var p = explorer.pointOf(34, 67.7); "
                                "var e = document.elementFromPoint(p[0], p[1]); "
                                "return !!e.closest('.leaflet-explorerArea-pane'); })()")
    assert hit is False
    # Across the antimeridian: one rectangle over it (east past 180), not one round the world.
    drawn = set_area(qtbot, window, BBox(170, -20, -170, 10))
    assert drawn["kind"] == "box" and close(drawn["bounds"], [[-20, 170], [10, 190]])
    polygon = Polygon.of_points([(32.3, 35.0), (34.7, 35.6), (37.3, 42.4), (32.3, 36.9)])
    drawn = set_area(qtbot, window, polygon)
    assert drawn["kind"] == "polygon"
    assert close(drawn["vertices"], [list(p) for p in polygon.points])
    over = Polygon.of_points([(-10, 170), (10, 175), (0, -175)])  # its last edge crosses
    drawn = set_area(qtbot, window, over)
    assert close(drawn["vertices"], [[-10, 170], [10, 175], [0, 185]])
    drawn = set_area(qtbot, window, Near(*KABUL, 50, "Kabul"))
    assert drawn["kind"] == "circle" and close([drawn["center"]], [list(KABUL)])
    assert drawn["radius"] == 50_000 and drawn["interactive"] is False
    assert run_js(qtbot, window, "explorer._map.getPane('explorerArea')"
                                 ".querySelectorAll('path').length") == 1  # the last one only
    assert set_area(qtbot, window, None) is None
    assert run_js(qtbot, window, "explorer._map.getPane('explorerArea')"
                                 ".querySelectorAll('path').length") == 0
    assert window.session.filter.area is None


def test_the_outline_goes_with_the_chip_and_never_outlines_the_view(
    qtbot: Any, window: Any
) -> None:
    drawn = set_area(qtbot, window, Near(*KABUL, 300, "Kabul"))
    assert drawn["radius"] == 300_000
    # Markers stay clickable with an outline over them: a click on one inside selects it.
    inside = [s.place.id for s in window.session.reader.places(window.session.filter)]
    assert inside and set(run_js(qtbot, window, "explorer.visibleIds()")) == set(inside)
    pid = inside[0]
    where = run_js(qtbot, window, f"explorer.place({pid!r})")
    x, y = run_js(qtbot, window, f"explorer.pointOf({where['lat']}, {where['lon']})")
    assert 0 < x < window.view.width() and 0 < y < window.view.height()
    # A real click (Chromium, Leaflet, the bridge) on the marker, inside the outline.
    QTest.mouseClick(window.view.focusProxy(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, QPoint(round(x), round(y)))
    qtbot.waitUntil(lambda: window.session.selected_place == pid, timeout=5_000)
    wait_drawn(qtbot, window)
    assert run_js(qtbot, window, "explorer.areaOutline()")["radius"] == 300_000  # still there
    window.chips.buttons["area"].click()  # the chip's ×
    qtbot.waitUntil(lambda: window.session.filter.area is None, timeout=5_000)
    wait_drawn(qtbot, window)
    assert run_js(qtbot, window, "explorer.areaOutline()") is None
    # "Only what is in view": the area is the view itself, nothing is drawn.
    window.in_view.action.trigger()
    run_js(qtbot, window, "explorer.fitBounds(29.4, 60.5, 38.5, 74.9)")
    qtbot.waitUntil(lambda: isinstance(window.session.filter.area, BBox), timeout=10_000)
    wait_drawn(qtbot, window)
    assert run_js(qtbot, window, "explorer.areaOutline()") is None
    # A box drawn then is the area, and is outlined.
    window.in_view.draw_action.trigger()
    qtbot.waitUntil(lambda: run_js(qtbot, window, "explorer.drawing()") is True)
    run_js(qtbot, window, "explorer.dragBox(36, 62, 31, 70)")
    qtbot.waitUntil(lambda: window.session.filter.area == BBox(62, 31, 70, 36), timeout=5_000)
    wait_drawn(qtbot, window)
    drawn = run_js(qtbot, window, "explorer.areaOutline()")
    assert drawn["kind"] == "box" and close(drawn["bounds"], [[31, 62], [36, 70]])
    assert not window.in_view.action.isChecked()
