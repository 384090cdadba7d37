"""A polygon drawn on the map as the filter's area (issue 20, areas as filters), in a real
window and web view: the page reports the vertices clicked, Python makes the area, and the
page then shows only the places inside it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from explorer.areas import Polygon
from explorer.memory_index import CorpusIndex
from explorer.query import Filter
from explorer.settings import Settings
from tests.qt.conftest import run_js, wait_drawn
from tests.qt.synthetic import write_corpus
from tests.qt.test_window_first import wait_indexed

pytestmark = pytest.mark.e2e

#: Around Syria and Lebanon, as the analyst would click it (a concave outline).
OUTLINE = [(32.3, 35.0), (34.7, 35.6), (37.3, 36.0), (37.3, 42.4), (35.0, 38.2), (32.3, 36.9)]


def key(qtbot: Any, window: Any, name: str) -> None:
    run_js(qtbot, window,
           f"document.dispatchEvent(new KeyboardEvent('keydown', {{key: '{name}'}})), true")


def start_drawing(qtbot: Any, window: Any) -> None:
    window.in_view.polygon_action.trigger()  # View → Draw a polygon on the map
    qtbot.waitUntil(lambda: run_js(qtbot, window, "explorer.polygonDrawing()") == [])


def test_a_polygon_drawn_keeps_only_the_places_inside(
    qtbot: Any, window: Any, seeds_index: CorpusIndex
) -> None:
    everything = set(run_js(qtbot, window, "explorer.visibleIds()"))
    start_drawing(qtbot, window)
    for i, (lat, lon) in enumerate(OUTLINE):
        double = "true" if i == len(OUTLINE) - 1 else "false"  # the last: a double click
        run_js(qtbot, window, f"explorer.clickMap({lat}, {lon}, {double})")
    qtbot.waitUntil(lambda: isinstance(window.session.filter.area, Polygon), timeout=5_000)
    area = window.session.filter.area
    assert area == Polygon.of_points(OUTLINE)  # the double click added no vertex
    assert run_js(qtbot, window, "explorer.polygonDrawing()") is None  # closed
    assert window.session.selected_place is None  # the clicks selected nothing
    wait_drawn(qtbot, window)
    shown = set(run_js(qtbot, window, "explorer.visibleIds()"))
    expected = {s.place.id for s in seeds_index.places(Filter(area=area))}
    assert shown == expected and shown and shown < everything
    for pid in everything:
        p = window.session.place(pid).place
        assert (pid in shown) == area.contains(p.lat, p.lon)
    chip = window.chips.buttons["area"]
    assert chip.isVisible() and "polygon of 6 corners" in chip.text()
    # Escape gives a polygon up; the area stays what it was.
    start_drawing(qtbot, window)
    run_js(qtbot, window, "explorer.clickMap(10, 10), explorer.clickMap(20, 10)")
    assert run_js(qtbot, window, "explorer.polygonDrawing()") == [[10, 10], [20, 10]]
    key(qtbot, window, "Enter")  # two vertices: not a polygon yet
    assert run_js(qtbot, window, "explorer.polygonDrawing()") is not None
    key(qtbot, window, "Escape")
    assert run_js(qtbot, window, "explorer.polygonDrawing()") is None
    qtbot.wait(300)
    assert window.session.filter.area == area
    # Enter closes one: a triangle around Kabul only.
    start_drawing(qtbot, window)
    run_js(qtbot, window, "explorer.clickMap(33, 68), explorer.clickMap(36, 69), "
                          "explorer.clickMap(34, 71)")
    key(qtbot, window, "Enter")
    qtbot.waitUntil(lambda: window.session.filter.area != area, timeout=5_000)
    assert window.session.filter.area == Polygon.parse("33,68;36,69;34,71")
    # The chip's × returns to everywhere.
    window.chips.buttons["area"].click()
    qtbot.waitUntil(lambda: window.session.filter.area is None, timeout=5_000)
    wait_drawn(qtbot, window)
    assert set(run_js(qtbot, window, "explorer.visibleIds()")) == everything


def test_a_polygon_on_the_sqlite_index_is_saved_with_the_corpus(
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
        start_drawing(qtbot, window)
        for i, (lat, lon) in enumerate(OUTLINE):
            double = "true" if i == len(OUTLINE) - 1 else "false"
            run_js(qtbot, window, f"explorer.clickMap({lat}, {lon}, {double})")
        qtbot.waitUntil(lambda: isinstance(window.session.filter.area, Polygon), timeout=5_000)
        area = window.session.filter.area
        wait_drawn(qtbot, window)
        shown = set(run_js(qtbot, window, "explorer.visibleIds()"))
        assert shown and shown < everything  # the feed's own SQLite connection filtered
        for pid in everything:
            p = window.session.place(pid).place
            assert (pid in shown) == area.contains(p.lat, p.lon)
        window.close()
    finally:
        window.dispose()
    window = open_it()
    try:
        assert window.session.filter.area == area
        assert "polygon" in window.chips.buttons["area"].text()
        assert set(run_js(qtbot, window, "explorer.visibleIds()")) == shown
        # The page, ready after the area was set, outlines it (the full message on ready).
        drawn = run_js(qtbot, window, "explorer.areaOutline()")
        assert drawn["kind"] == "polygon" and len(drawn["vertices"]) == len(OUTLINE)
    finally:
        window.dispose()
