"""Startup benchmark: process start to map drawn, the explorer vs a bare Leaflet page.

    python benchmarks/startup.py [--corpus seeds] [--runs 3] [--no-warmup]

Each measurement is a fresh process (offscreen Qt). "explorer" opens the main window on the
corpus and stops when the page reports the map drawn with everything the index holds (after
the first run, which indexes the corpus, the index is warm); "bare
view" is a QWebEngineView loading resources/web/empty.html, an empty Leaflet map, and stops
when that map is ready. The ratio explorer / bare view is what we track. Peak RSS of each
child is printed too.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child(kind: str, corpus: str) -> int:
    sys.path.insert(0, str(ROOT))
    from explorer.qt.env import prepare_environment

    prepare_environment(offscreen=True)
    from PySide6.QtCore import QTimer, QUrl
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    done = {"t": 0.0}

    def finish() -> None:
        done["t"] = time.time()
        app.quit()

    if kind == "explorer":
        from explorer.qt.app import start  # what `explorer CORPUS` does, minus settings

        window = start(Path(corpus))

        def drawn(*_: object) -> None:
            if window.indexing_done and window.map_up_to_date:
                finish()

        window.mapDrawn.connect(drawn)
        window.indexingFinished.connect(drawn)
        window.show()
    else:
        view = QWebEngineView()
        view.resize(1400, 860)

        def poll() -> None:
            view.page().runJavaScript(
                "window.emptyReady === true", 0, lambda ok: finish() if ok else None
            )

        timer = QTimer()
        timer.timeout.connect(poll)
        view.loadFinished.connect(lambda _ok: timer.start(5))
        view.setUrl(QUrl.fromLocalFile(str(ROOT / "resources" / "web" / "empty.html")))
        view.show()
    QTimer.singleShot(120_000, app.quit)
    app.exec()
    import resource

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"READY {done['t']:.6f} RSS {rss_mb:.1f}", flush=True)
    if kind == "explorer":
        window.dispose()
    return 0 if done["t"] else 1


def measure(kind: str, corpus: str) -> tuple[float, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # The corpus' index goes to a scratch folder, never the user's data folder.
    env.setdefault("EXPLORER_DATA_DIR", os.path.join(tempfile.gettempdir(), "explorer-startup"))
    start = time.time()
    proc = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--corpus", corpus],
        capture_output=True, text=True, env=env, timeout=300,
    )
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("READY")), "")
    if proc.returncode != 0 or not line:
        raise SystemExit(f"{kind} run failed:\n{proc.stdout}\n{proc.stderr}")
    parts = line.split()
    return float(parts[1]) - start, float(parts[3])


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    ap.add_argument("--child", choices=["explorer", "empty"])
    ap.add_argument("--corpus", default=str(ROOT / "seeds"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-warmup", action="store_true",
                    help="skip the first, unmeasured run (it indexes the corpus)")
    args = ap.parse_args()
    if args.child:
        return child(args.child, args.corpus)
    results: dict[str, list[tuple[float, float]]] = {"explorer": [], "empty": []}
    if not args.no_warmup:
        measure("explorer", args.corpus)  # warm the gazetteer cache and the OS file cache
    for _ in range(args.runs):
        for kind in results:
            results[kind].append(measure(kind, args.corpus))
    rows = {
        k: (statistics.median(t for t, _ in v), max(r for _, r in v)) for k, v in results.items()
    }
    print(f"startup to map drawn, median of {args.runs} fresh processes (offscreen):")
    t, rss = rows["explorer"]
    print(f"  explorer on {args.corpus}: {t:.2f} s  peak RSS {rss:.0f} MB")
    print(f"  bare QWebEngineView + empty Leaflet page: {rows['empty'][0]:.2f} s  "
          f"peak RSS {rows['empty'][1]:.0f} MB")
    print(f"  ratio explorer / bare view: {rows['explorer'][0] / rows['empty'][0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
