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
Each image is saved as an 8-bit palette PNG with maximum compression (well under 300 KB).
"""

from __future__ import annotations

import argparse
import json
import sys
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
