"""Issue 20: the rivers, lakes and first-level borders layers, toggled from the Layers menu,
drawn only when zoomed in, labelled in the interface's language, saved with the corpus. Real
window and web view."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from explorer import map_layers
from explorer.index.db import IndexDB
from explorer.memory_index import CorpusIndex
from explorer.qt.app import install_language
from explorer.settings import Settings
from tests.qt.conftest import open_window, run_js, wait_drawn
from tests.qt.synthetic import write_corpus
from tests.qt.test_window_first import wait_indexed

pytestmark = pytest.mark.e2e

# Views of the map: (lat, lon) and what a layer draws there.
MESOPOTAMIA = (33.5, 41.0)  # the Euphrates and the Tigris
JORDAN_VALLEY = (31.6, 35.5)  # the Dead Sea
KANSAS = (39.0, -98.0)  # the borders of the United States' states


#: The physical layers' data scripts the page has loaded, in order.
LOADED = ("Array.from(document.querySelectorAll('script[src*=\"/physical/\"]'))"
          ".map(function (s) { return s.src.split('/').pop(); })")


def label_boxes(qtbot: Any, window: Any, name: str) -> list[list[float]]:
    """The page boxes [left, top, right, bottom] of a layer's labels drawn now."""
    boxes = run_js(qtbot, window, "Array.from(document.querySelectorAll("
                   f"'.explorer-physical-label-{name}')).map(function (s) {{"
                   " var r = s.getBoundingClientRect();"
                   " return [r.left, r.top, r.right, r.bottom]; })")
    assert isinstance(boxes, list)
    return boxes


def no_overlap(boxes: list[list[float]]) -> bool:
    return not any(a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
                   for i, a in enumerate(boxes) for b in boxes[i + 1:])


def toggle(qtbot: Any, window: Any, name: str) -> None:
    window.layers_menu.actions[name].trigger()
    wait_drawn(qtbot, window)


def look(qtbot: Any, window: Any, where: tuple[float, float], zoom: int) -> None:
    run_js(qtbot, window, f"explorer.setView({where[0]}, {where[1]}, {zoom})")
    assert run_js(qtbot, window, "explorer.zoom()") == zoom


def info(qtbot: Any, window: Any, name: str) -> dict[str, Any]:
    value = run_js(qtbot, window, f"explorer.layerInfo({name!r})")
    assert isinstance(value, dict)
    return value


def test_rivers_lakes_and_borders_drawn_only_when_zoomed_in(qtbot: Any, window: Any) -> None:
    assert run_js(qtbot, window, "document.querySelector('.leaflet-explorerPhysical-pane')") \
        is None
    # Their data are not part of the page: loaded when a layer is first shown.
    assert run_js(qtbot, window, "typeof window.EXPLORER_PHYSICAL") == "undefined"
    assert run_js(qtbot, window, LOADED) == []
    for name in ("rivers", "lakes", "borders"):
        assert not window.layers_menu.actions[name].isChecked()
        toggle(qtbot, window, name)
        assert window.layers_menu.actions[name].isChecked()
        assert name in run_js(qtbot, window, "explorer.layers()")
        assert info(qtbot, window, name)["loaded"]  # reported drawn once loaded
    assert run_js(qtbot, window, LOADED) == [
        "rivers.js", "lakes.js", "borders.js", "borders_labels.js"]
    assert run_js(qtbot, window, "explorer.layers()") == ["markers", "rivers", "lakes", "borders"]
    # The whole world: nothing drawn yet.
    look(qtbot, window, MESOPOTAMIA, 3)
    for name in ("rivers", "lakes", "borders"):
        shown = info(qtbot, window, name)
        assert shown["total"] > 100
        assert not shown["drawn"] and shown["features"] == 0 and shown["labels"] == []
    # Closer: the large rivers first (Natural Earth's zoom of each), then the others.
    look(qtbot, window, MESOPOTAMIA, 4)
    first = info(qtbot, window, "rivers")["features"]
    assert 0 < first < info(qtbot, window, "rivers")["total"]
    look(qtbot, window, MESOPOTAMIA, 6)
    rivers = info(qtbot, window, "rivers")
    assert rivers["drawn"] and rivers["features"] > first
    # The rivers of Iraq, named in English.
    assert {"Euphrates", "Tigris"} <= set(rivers["labels"])
    legend = run_js(qtbot, window, "explorer.legendText()")
    assert "Rivers (when zoomed in)" in legend and "Lakes (when zoomed in)" in legend
    look(qtbot, window, JORDAN_VALLEY, 7)
    lakes = info(qtbot, window, "lakes")
    assert lakes["drawn"] and "Dead Sea" in lakes["labels"]
    look(qtbot, window, KANSAS, 4)
    assert not info(qtbot, window, "borders")["drawn"]
    assert info(qtbot, window, "borders")["labels"] == []
    look(qtbot, window, KANSAS, 5)
    borders = info(qtbot, window, "borders")
    assert borders["features"] > 150  # the countries with divisions
    # Labelled by the names of the divisions in view, in English; none over another.
    assert {"Kansas", "Nebraska", "Oklahoma"} <= set(borders["labels"])
    assert no_overlap(label_boxes(qtbot, window, "borders"))
    # Drawn in their own pane, under the markers (400) and over the country shapes (250).
    z = run_js(qtbot, window, "Number(getComputedStyle(document.querySelector("
               "'.leaflet-explorerPhysical-pane')).zIndex)")
    assert 250 < z < 400
    # Hidden again: nothing drawn, at any zoom.
    for name in ("rivers", "lakes", "borders"):
        toggle(qtbot, window, name)
        assert info(qtbot, window, name)["features"] == 0
    look(qtbot, window, MESOPOTAMIA, 6)
    assert info(qtbot, window, "rivers")["labels"] == []
    assert run_js(qtbot, window, "explorer.layers()") == ["markers"]


@pytest.fixture
def arabic_window(qtbot: Any, seeds_index: CorpusIndex, qapp: Any) -> Iterator[Any]:
    translators = install_language(qapp, "ar")
    window = open_window(qtbot, seeds_index)
    try:
        yield window
    finally:
        window.dispose()
        for t in translators:
            QCoreApplication.removeTranslator(t)
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_labels_in_arabic_when_the_interface_is_arabic(qtbot: Any, arabic_window: Any) -> None:
    window = arabic_window
    assert window.layers_menu.actions["rivers"].text() == "الأنهار"
    toggle(qtbot, window, "rivers")
    toggle(qtbot, window, "lakes")
    look(qtbot, window, MESOPOTAMIA, 6)
    rivers = info(qtbot, window, "rivers")
    assert rivers["lang"] == "ar" and rivers["features"] > 0
    assert {"الفرات", "دجلة"} <= set(rivers["labels"])
    look(qtbot, window, JORDAN_VALLEY, 7)
    assert "البحر الميت" in info(qtbot, window, "lakes")["labels"]
    # The borders: the divisions' Arabic names, upright, none over another.
    toggle(qtbot, window, "borders")
    look(qtbot, window, MESOPOTAMIA, 6)
    borders = info(qtbot, window, "borders")
    assert {"الأنبار", "بغداد"} <= set(borders["labels"])
    boxes = label_boxes(qtbot, window, "borders")
    assert len(boxes) == len(borders["labels"]) > 5 and no_overlap(boxes)
    transforms = run_js(qtbot, window, "Array.from(document.querySelectorAll("
                        "'.explorer-physical-label-borders')).map(function (s) {"
                        " return getComputedStyle(s).transform; })")
    assert all(t.startswith("matrix(1, 0, 0, 1,") for t in transforms)  # not turned
    # The labels on the page are those words, written right to left.
    texts = run_js(qtbot, window, "Array.from(document.querySelectorAll("
                   "'.explorer-physical-label')).map(function (s) { return s.textContent; })")
    assert "البحر الميت" in texts
    assert "الأنهار" in run_js(qtbot, window, "explorer.legendText()")


def test_the_physical_layers_are_saved_with_the_corpus(qtbot: Any, tmp_path: Path) -> None:
    from explorer.qt.app import start

    corpus = write_corpus(tmp_path / "c", 8)
    settings = Settings(tmp_path / "settings.json")

    def open_corpus_window() -> Any:
        window = start(corpus, settings=settings, jobs=1)
        qtbot.addWidget(window)
        window.show()
        wait_indexed(qtbot, window)
        return window

    window = open_corpus_window()
    try:
        toggle(qtbot, window, "rivers")
        toggle(qtbot, window, "borders")
        path = window.index_path
        window.close()
    finally:
        window.dispose()
    with IndexDB(path, readonly=True) as db:
        assert db.get_setting(map_layers.KEY) == '["markers", "rivers", "borders"]'
    window = open_corpus_window()
    try:
        assert window.layers_menu.shown() == frozenset({"markers", "rivers", "borders"})
        assert run_js(qtbot, window, "explorer.layers()") == ["markers", "rivers", "borders"]
        look(qtbot, window, MESOPOTAMIA, 6)
        assert info(qtbot, window, "rivers")["drawn"]
        assert not info(qtbot, window, "lakes")["drawn"]
    finally:
        window.dispose()
