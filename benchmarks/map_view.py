"""The map page's cost of changing the view: how long one setView (pan or zoom) takes in the
page, with the labelled basemap (1:110m shapes up to zoom 4, 1:50m from zoom 5, world copies
across the date line, labels placed).

    python benchmarks/map_view.py [--corpus seeds] [--runs 5]

Offscreen, the real web view; prints the median time of each view change (milliseconds of
JavaScript, the page's own work; painting comes after).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

VIEWS = [(30, 50, 2), (30, 50, 3), (30, 50, 4), (34, 40, 5), (34, 40, 6), (34, 40, 8),
         (40, 175, 2), (40, -175, 3), (40, 175, 6)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "seeds")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from explorer.qt.env import prepare_environment

    prepare_environment(offscreen=True)
    import PySide6.QtWebEngineWidgets  # noqa: F401
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from explorer.pipeline import open_corpus
    from explorer.qt.app import wait_for_map
    from explorer.qt.window import MainWindow

    app = QApplication([sys.argv[0]])
    index = open_corpus(args.corpus)
    window = MainWindow(index.corpus.root)
    window.show_index(index, index.corpus.problems)
    window.resize(1400, 860)
    window.show()
    if not wait_for_map(window, 60_000):
        print("the map did not draw", file=sys.stderr)
        return 1

    def js(code: str) -> Any:
        box: dict[str, Any] = {}
        loop = QEventLoop()
        window.run_js(f"JSON.stringify(eval({json.dumps(code)}))",
                      lambda v: (box.setdefault("v", v), loop.quit()))
        QTimer.singleShot(30_000, loop.quit)
        loop.exec()
        if not box.get("v"):
            raise SystemExit(f"the page did not answer {code!r}")
        return json.loads(box["v"])

    timings: dict[tuple[int, int, int], list[float]] = {v: [] for v in VIEWS}
    for _ in range(args.runs):
        for view in VIEWS:
            ms = js(f"(function () {{ var t = performance.now(); explorer.setView{view};"
                    " return performance.now() - t; })()")
            timings[view].append(ms)
    size = js("[explorer._map.getSize().x, explorer._map.getSize().y]")
    print(f"map {size[0]}x{size[1]} px, {len(index.places())} places; median of {args.runs}:")
    for view, values in timings.items():
        print(f"  setView lat {view[0]:>3} lon {view[1]:>4} zoom {view[2]:>2}: "
              f"{statistics.median(values):6.1f} ms")
    window.dispose()
    window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
