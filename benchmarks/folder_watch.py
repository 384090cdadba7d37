"""A folder that grows: how soon what lands in the open folder is on the map.

The window (offscreen, the real web view) opens a synthetic corpus (``make_corpus.py``) and
indexes it; then, with nothing else going on: one new Arabic article is written into the
folder (the time until its place is in the index the window reads, and until the map has
painted it), and a burst of ``--burst`` articles is written at once (the indexing runs it
made, and the time until the last is indexed).

    python benchmarks/folder_watch.py [--articles 1000] [--burst 100] [--work DIR]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

ARTICLE = ("قافلة مساعدات تصل نواكشوط\n\nنشرة محلية\nتاريخ النشر 2024/05/02 08:00\n\n"
           "بلغت قافلة تحمل أدوية ومعدات طبية مدينة نواكشوط مساء أمس بعد رحلة استمرت يومين.\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--burst", type=int, default=100)
    ap.add_argument("--work", type=Path,
                    default=Path(tempfile.gettempdir()) / "explorer-folder-watch")
    args = ap.parse_args()
    from make_corpus import corpus_once

    from explorer.qt.env import prepare_environment

    prepare_environment(offscreen=True)
    import PySide6.QtWebEngineWidgets  # noqa: F401
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from explorer.qt.app import start

    app = QApplication([sys.argv[0]])

    source = corpus_once(args.work / "source", args.articles)
    corpus = args.work / "live"
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.copytree(source, corpus)
    window = start(corpus, index_path=args.work / "live.sqlite", jobs=1)
    window.show()

    def wait(cond: object, timeout: float = 600) -> float:
        t = time.perf_counter()
        while not cond():  # type: ignore[operator]
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if time.perf_counter() - t > timeout:
                raise SystemExit("timed out")
        return time.perf_counter() - t

    def has(name: str) -> bool:
        reader = window.reader
        return reader is not None and any(s.place.name == name for s in reader.places())

    try:
        took = wait(lambda: window.indexing_done and window.map_ready and window.map_up_to_date)
        print(f"opened and indexed {args.articles:,} articles: {took:.1f} s")
        runs: list[bool] = []
        window.indexingFinished.connect(runs.append)
        (corpus / "landed.txt").write_text(ARTICLE, encoding="utf-8")
        t = time.perf_counter()
        wait(lambda: has("Nouakchott"))
        indexed = time.perf_counter() - t
        wait(lambda: window.indexing_done and window.map_up_to_date)
        drawn = time.perf_counter() - t
        print(f"one article: indexed after {indexed:.2f} s, on the map after {drawn:.2f} s "
              f"(debounce 1 s included)")
        runs.clear()
        t = time.perf_counter()
        for i in range(args.burst):
            (corpus / f"burst{i:04d}.txt").write_text(ARTICLE.replace("يومين", f"{i} أيام"),
                                                      encoding="utf-8")
        wrote = time.perf_counter() - t
        want = args.articles + 1 + args.burst
        wait(lambda: window.indexing_done and window.reader is not None
             and window.reader.stats()["articles"] >= want)
        settled = time.perf_counter() - t
        end = time.perf_counter() + 1.5  # a second run would have started by now
        wait(lambda: time.perf_counter() > end)
        print(f"burst of {args.burst} files (written in {wrote:.2f} s): {len(runs)} indexing "
              f"run(s), all indexed after {settled:.2f} s")
    finally:
        window.dispose()


if __name__ == "__main__":
    main()
