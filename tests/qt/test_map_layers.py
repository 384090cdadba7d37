"""The map's layers (issue 20): toggled from the Layers menu, drawn by their page modules,
saved with the corpus. Real window and web view."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from explorer import map_layers
from explorer.index.db import IndexDB
from explorer.settings import Settings
from tests.qt.conftest import run_js, wait_drawn
from tests.qt.synthetic import write_corpus
from tests.qt.test_window_first import wait_indexed

pytestmark = pytest.mark.e2e


def toggle(qtbot: Any, window: Any, name: str) -> None:
    """Click the layer's entry in the Layers menu, then wait for the page to paint."""
    window.layers_menu.actions[name].trigger()
    wait_drawn(qtbot, window)


def test_the_layers_menu_sits_before_help_with_markers_shown(qtbot: Any, window: Any) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Layers") == titles.index("&Help") - 1
    menu = window.layers_menu.menu
    assert [a.objectName() for a in menu.actions()] == [
        f"layer-{n}" for n in map_layers.NAMES]
    assert [a.isChecked() for a in menu.actions()] == [n == "markers" for n in map_layers.NAMES]
    assert run_js(qtbot, window, "explorer.layers()") == ["markers"]


def test_markers_and_their_groups_are_one_layer(qtbot: Any, window: Any) -> None:
    drawn = run_js(qtbot, window, "explorer.drawnIds()")
    assert drawn
    assert "Marker size" in run_js(qtbot, window, "explorer.legendText()")
    toggle(qtbot, window, "markers")
    assert not window.layers_menu.actions["markers"].isChecked()
    assert run_js(qtbot, window, "explorer.layers()") == []
    assert run_js(qtbot, window, "explorer.drawnIds()") == []
    assert run_js(qtbot, window, "document.querySelectorAll('.explorer-cluster').length") == 0
    assert "Group of places" not in run_js(qtbot, window, "explorer.legendText()")
    # The places are still there, shown again as they were.
    assert run_js(qtbot, window, "explorer.visibleIds().length") > 0
    toggle(qtbot, window, "markers")
    assert run_js(qtbot, window, "explorer.layers()") == ["markers"]
    assert run_js(qtbot, window, "explorer.drawnIds()") == drawn
    assert "Group of places" in run_js(qtbot, window, "explorer.legendText()")


def test_the_layers_shown_are_saved_with_the_corpus(qtbot: Any, tmp_path: Path) -> None:
    from explorer.qt.app import start

    corpus = write_corpus(tmp_path / "c", 8)
    settings = Settings(tmp_path / "settings.json")

    def open_window() -> Any:
        window = start(corpus, settings=settings, jobs=1)
        qtbot.addWidget(window)
        window.show()
        wait_indexed(qtbot, window)
        return window

    window = open_window()
    try:
        toggle(qtbot, window, "markers")
        path = window.index_path
        window.close()
    finally:
        window.dispose()
    with IndexDB(path, readonly=True) as db:
        assert db.get_setting(map_layers.KEY) == "[]"
    window = open_window()
    try:
        assert window.layers_menu.shown() == frozenset()
        assert not window.layers_menu.actions["markers"].isChecked()
        assert run_js(qtbot, window, "explorer.layers()") == []
        assert run_js(qtbot, window, "explorer.drawnIds()") == []
        toggle(qtbot, window, "markers")  # back to the default: nothing stored
        window.close()
    finally:
        window.dispose()
    with IndexDB(path) as db:
        assert db.get_setting(map_layers.KEY) is None
        db.set_setting(map_layers.KEY, '["planets"]')
    # A stored choice that cannot be used: a problem naming the index, and the default layers.
    window = open_window()
    try:
        assert window.layers_menu.shown() == map_layers.DEFAULT
        problems = [p for p in window.problems if "map layers" in p.message]
        assert problems and problems[0].path == str(path) and "planets" in problems[0].message
        assert run_js(qtbot, window, "explorer.layers()") == ["markers"]
    finally:
        window.dispose()


def test_the_heatmap_of_mentions_is_drawn_on_its_canvas(qtbot: Any, window: Any) -> None:
    assert run_js(qtbot, window, "document.querySelector('.leaflet-heatmap-layer')") is None
    toggle(qtbot, window, "heat")
    assert window.layers_menu.actions["heat"].isChecked()
    assert run_js(qtbot, window, "explorer.layers()") == ["markers", "heat"]
    shown = run_js(qtbot, window, "explorer.visibleIds().length")
    info = run_js(qtbot, window, "explorer.layerInfo('heat')")
    assert info["drawn"] and info["points"] == shown > 0
    assert info["painted"] > 1000  # pixels of the canvas the heat coloured
    assert run_js(qtbot, window, "document.querySelectorAll('.leaflet-heatmap-layer').length") == 1
    assert "where the mentions gather" in run_js(qtbot, window, "explorer.legendText()")
    # A narrower filter: the heat follows it.
    window.set_countries(["SY"])
    wait_drawn(qtbot, window)
    narrow = run_js(qtbot, window, "explorer.layerInfo('heat')")
    assert narrow["points"] == run_js(qtbot, window, "explorer.visibleIds().length") < shown
    # Markers under the heat still take clicks (the heat's pane takes none).
    place = run_js(qtbot, window, "explorer.visibleIds()[0]")
    assert run_js(qtbot, window, f"explorer.clickPlace({place!r})") is True
    qtbot.waitUntil(lambda: window.selected_place == place)
    window.session.select(None)
    window.set_countries([])
    toggle(qtbot, window, "heat")
    assert run_js(qtbot, window, "document.querySelector('.leaflet-heatmap-layer')") is None
    assert run_js(qtbot, window, "explorer.layerInfo('heat').drawn") is False


def test_the_choropleth_colours_countries_by_mentions(qtbot: Any, window: Any) -> None:
    countries = {c.code: c.count for c in window.reader.countries(window.session.filter)}
    top = max(countries, key=lambda c: countries[c])
    plain = run_js(qtbot, window, f"explorer.shapeFill({top!r})")
    toggle(qtbot, window, "choropleth")
    assert run_js(qtbot, window, "explorer.layers()") == ["markers", "choropleth"]
    info = run_js(qtbot, window, "explorer.layerInfo('choropleth')")
    assert info["drawn"] and info["largest"] == countries[top]
    assert info["countries"] == sum(1 for n in countries.values() if n > 0)
    # The most mentioned country in the darkest class, a country with none as before.
    assert run_js(qtbot, window, f"explorer.shapeFill({top!r})") == info["colours"][-1] != plain
    nothing = next(code for code in ("AQ", "GL", "BR", "AU") if not countries.get(code))
    assert run_js(qtbot, window, f"explorer.shapeFill({nothing!r})") == plain
    assert "mentions of the places in it" in run_js(qtbot, window, "explorer.legendText()")
    # The key: one swatch per class, from one mention up.
    keys = run_js(qtbot, window, "Array.from(document.querySelectorAll("
                  "'.explorer-legend-classes span:not(.explorer-legend-dot)'))"
                  ".map(function (s) { return s.textContent; })")
    assert len(keys) == 5 and keys[0] == "1+"
    # Selecting the country highlights it; deselecting gives it its class colour back.
    window.session.select(next(s.place.id for s in window.reader.places(window.session.filter)
                               if s.place.kind == "country" and s.place.country == top))
    wait_drawn(qtbot, window)
    assert top in run_js(qtbot, window, "explorer.highlightedCountries()")
    window.session.select(None)
    wait_drawn(qtbot, window)
    assert run_js(qtbot, window, f"explorer.shapeFill({top!r})") == info["colours"][-1]
    toggle(qtbot, window, "choropleth")
    assert run_js(qtbot, window, f"explorer.shapeFill({top!r})") == plain
    assert run_js(qtbot, window, "explorer.layers()") == ["markers"]
