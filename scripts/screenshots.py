"""Render the README's screenshots of the window, headless, with the real web view.

    python scripts/screenshots.py [--out docs/screenshots] [--corpus seeds]   (make screenshots)

Writes, for the seed articles:
  window-en.png        the window in English as it opens
  window-ar.png        the window in Arabic (right to left, Arabic map labels)
  selected-place.png   a place selected on the map: shaded country, its passages
  passages.png         the passage panel alone, the selected place's passages
  map-labels.png       the map zoomed in: capitals and the finer (1:50m) country shapes
  layer-heat.png, layer-choropleth.png   the map with each of those layers
  layer-together.png   the places mentioned with a selected place: lines, and the list
  layer-physical.png   rivers, lakes and borders, zoomed in on the Tigris and the Euphrates
  area-polygon.png     a polygon drawn on the map as the area filter, and its chip
  area-near.png        the places within 300 km of a place, and the chip
  periods-compare.png  two periods compared: the difference layer, its legend and chip
  timeline-play.png    the timeline playing week by week (mid-play), the map following it
Each image is saved as an 8-bit palette PNG with maximum compression (well under 300 KB).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SIZE = (1280, 780)
MAX_BYTES = 300_000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--corpus", type=Path, default=ROOT / "seeds")
    args = parser.parse_args(argv)

    from explorer.qt.env import prepare_environment

    prepare_environment(offscreen=True)
    import PySide6.QtWebEngineWidgets  # noqa: F401  (before the QApplication)
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtGui import QImage, QPixmap
    from PySide6.QtWidgets import QApplication, QWidget

    from explorer.areas import great_circle_km
    from explorer.pipeline import open_corpus
    from explorer.qt.app import install_language, wait_for_map
    from explorer.qt.window import MainWindow

    app = QApplication([sys.argv[0], "--style", "Fusion"])
    index = open_corpus(args.corpus)
    top = index.places()[0].place.id  # the most mentioned place
    args.out.mkdir(parents=True, exist_ok=True)

    def pause(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def js(window: MainWindow, code: str) -> Any:
        box: dict[str, Any] = {}
        loop = QEventLoop()

        def done(value: Any) -> None:
            box["value"] = value
            loop.quit()

        window.run_js(f"JSON.stringify(eval({json.dumps(code)}))", done)
        QTimer.singleShot(10_000, loop.quit)
        loop.exec()
        return json.loads(box["value"]) if box.get("value") else None

    def settle(window: MainWindow) -> None:
        pause(200)
        wait_for_map(window, 30_000)
        pause(500)

    def wait_until(ready: Callable[[], bool], what: str, ms: int = 30_000) -> None:
        waited = 0
        while not ready():
            if waited >= ms:
                raise SystemExit(f"screenshots: {what} did not happen")
            pause(50)
            waited += 50

    def chip_shown(window: MainWindow, name: str, words: str) -> None:
        chip = window.chips.buttons.get(name)
        if chip is None or not chip.isVisible() or words not in chip.text():
            raise SystemExit(f"screenshots: no chip saying {words!r}")

    def save(widget: QWidget, name: str) -> None:
        pixmap: QPixmap = widget.grab()
        image = pixmap.toImage().convertToFormat(QImage.Format.Format_Indexed8,
                                                  Qt.ImageConversionFlag.AvoidDither)
        path = args.out / name
        if not image.save(str(path), "PNG", 0):
            raise SystemExit(f"screenshots: cannot write {path}")
        size = path.stat().st_size
        print(f"{path} ({size // 1000} KB)")
        if size > MAX_BYTES:
            raise SystemExit(f"screenshots: {path} is over {MAX_BYTES // 1000} KB")

    def open_window() -> MainWindow:
        window = MainWindow(index.corpus.root)
        window.show_index(index, index.corpus.problems)
        window.resize(*SIZE)
        window.show()
        if not wait_for_map(window, 60_000):
            raise SystemExit("screenshots: the map did not draw")
        # The pictures show the legend even where a small map folds it (a click opens it).
        js(window, "explorer.legendShown() || explorer.clickLegendTitle()")
        settle(window)
        return window

    english = open_window()
    save(english, "window-en.png")
    js(english, f"explorer.clickPlace({json.dumps(top)})")
    settle(english)
    save(english, "selected-place.png")
    save(english.passage_split.parentWidget(), "passages.png")
    english.select_place(None)
    js(english, "explorer.setView(33.5, 38.5, 6)")
    settle(english)
    save(english.view, "map-labels.png")
    # The layers (Layers menu): the heatmap of mentions, then the countries by mentions.
    js(english, "explorer.setView(35, 55, 3)")
    for layer in ("heat", "choropleth"):
        english.layers_menu.actions[layer].trigger()
        settle(english)
        save(english.view, f"layer-{layer}.png")
        english.layers_menu.actions[layer].trigger()
        settle(english)
    # The places mentioned with the selection: the lines on the map, the list under the
    # passages (the whole window).
    english.layers_menu.actions["together"].trigger()
    js(english, f"explorer.clickPlace({json.dumps(top)})")
    settle(english)
    js(english, "explorer.setView(36, 22, 3)")
    settle(english)
    save(english, "layer-together.png")
    english.layers_menu.actions["together"].trigger()
    english.select_place(None)
    settle(english)
    # Rivers, lakes and borders, zoomed in on the Tigris and the Euphrates.
    physical = ("rivers", "lakes", "borders")
    for layer in physical:
        english.layers_menu.actions[layer].trigger()
    js(english, "explorer.setView(34.2, 42.5, 6)")
    settle(english)
    rivers = js(english, "explorer.layerInfo('rivers')") or {}
    if not {"Tigris", "Euphrates"} <= set(rivers.get("labels", [])):
        raise SystemExit("screenshots: the Tigris and the Euphrates are not drawn")
    if not all((js(english, f"explorer.layerInfo('{n}')") or {}).get("drawn") for n in physical):
        raise SystemExit("screenshots: rivers, lakes or borders are not drawn")
    save(english.view, "layer-physical.png")
    for layer in physical:
        english.layers_menu.actions[layer].trigger()
    # Areas as filters: a polygon drawn on the map (View menu, then clicks; a double click
    # closes it), then the places within 300 km of a place (the places table's menu).
    js(english, "explorer.setView(34, 40, 5)")
    settle(english)
    english.in_view.polygon_action.trigger()
    wait_until(lambda: js(english, "explorer.polygonDrawing()") == [], "drawing a polygon")
    outline = [(32.3, 35.0), (34.7, 35.6), (37.3, 36.0), (37.3, 42.4), (35.0, 38.2),
               (32.3, 36.9)]
    for i, (lat, lon) in enumerate(outline):
        double = "true" if i == len(outline) - 1 else "false"  # the last: a double click
        js(english, f"explorer.clickMap({lat}, {lon}, {double})")
    wait_until(lambda: english.session.filter.area is not None, "the polygon's filter")
    settle(english)
    chip_shown(english, "area", "polygon")
    save(english, "area-polygon.png")
    english.chips.buttons["area"].click()
    wait_until(lambda: english.session.filter.area is None, "clearing the area")
    # The city or town with the most places of the corpus within 300 km of it.
    placed = [s.place for s in index.places()]
    city = max((p for p in placed if p.kind not in ("country", "region", "admin1", "admin2")),
               key=lambda c: sum(great_circle_km(c.lat, c.lon, p.lat, p.lon) <= 300
                                 for p in placed))
    english.session.select(city.id)
    wait_until(english.in_view.near_action.isEnabled, "selecting a place")
    english.in_view.near_action.trigger()
    dialog = english.in_view.dialog
    if dialog is None:
        raise SystemExit("screenshots: no distance dialog")
    dialog.setIntValue(300)
    dialog.accept()
    wait_until(lambda: english.session.filter.area is not None, "the distance filter")
    english.select_place(None)
    js(english, f"explorer.setView({city.lat}, {city.lon}, 5)")
    settle(english)
    chip_shown(english, "area", "within 300 km")
    save(english, "area-near.png")
    english.chips.buttons["area"].click()
    wait_until(lambda: english.session.filter.area is None, "clearing the area")
    # Periods: the timeline (View menu) with the two halves of the dates compared, the
    # difference layer and its legend; then playing week by week.
    timeline_dock = english.timeline
    if not timeline_dock.isVisible():
        timeline_dock.toggleViewAction().trigger()
    timeline = timeline_dock.timeline
    wait_until(lambda: timeline.buckets != [], "the timeline")
    js(english, "explorer.setView(35, 40, 3)")
    english.comparison.ask()
    periods = english.comparison.dialog
    if periods is None:
        raise SystemExit("screenshots: no periods to compare")
    shown: list[bool] = []
    english.comparison.shown.connect(lambda: shown.append(True))
    periods.accept()
    wait_until(lambda: bool(shown), "the comparison")
    settle(english)
    if not (js(english, "explorer.layerInfo('compare')") or {}).get("drawn") or \
            "only in A" not in (js(english, "explorer.legendText()") or ""):
        raise SystemExit("screenshots: the comparison is not drawn with its legend")
    chip_shown(english, "compare", "comparing")
    save(english, "periods-compare.png")
    english.chips.buttons["compare"].click()
    settle(english)
    timeline.bucket.setCurrentIndex(timeline.bucket.findData("week"))
    wait_until(lambda: timeline.step == 7, "weeks on the timeline")
    player = timeline.player
    player.play()  # the first week at once; the next would come after the speed's delay
    player.timer.setInterval(600_000)  # held on the first week, still playing, for the picture
    wait_until(lambda: english.session.filter.dated, "the first week")
    js(english, "explorer.setView(42, 55, 3)")
    settle(english)
    if not player.playing or not js(english, "explorer.visibleIds()"):
        raise SystemExit("screenshots: the timeline is not playing a week with places")
    save(english, "timeline-play.png")
    player.pause()
    english.dispose()
    english.close()

    install_language(app, "ar")
    arabic = open_window()
    save(arabic, "window-ar.png")
    arabic.dispose()
    arabic.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
