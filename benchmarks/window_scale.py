"""The window at scale: warm open of an indexed corpus, clicks, filters, and indexing latency.

    python benchmarks/window_scale.py --corpus DIR [--index DB] [--runs 3] [--repeats 50]
                                      [--latency-corpus DIR2] [--latency-seconds 60]
                                      [--idle-seconds 10] [--work DIR]

Each measurement is a fresh process (offscreen Qt), timed from before it is started:

- "warm open": ``explorer DIR`` with its index already built, until the map has painted every
  place (and, separately, until the indexer has checked that the folder is unchanged); in
  the same run, a bare QWebEngineView loading resources/web/empty.html (an empty Leaflet
  map) until it is ready: the ratio of the two is the target (≤ 1.5);
- in the warm window: click → first passages in the panel for the most mentioned places
  (p50/p95), a country filter change and a full-text query until the page has painted them;
  then, ``--repeats`` times each (p50/p95; the issue's target: p95 ≤ 100 ms over 50), a
  marker click (another place each time) until its passages are shown and the page has
  painted the selection, a filter change (another three countries each time) and a search
  (another word each time) until every view has its data and the page has painted them;
  peak RSS of the main process;
- "indexing latency": the window indexing ``--latency-corpus`` from scratch while a 10 ms
  QTimer probe measures how late the event loop runs it (p50/p99/max).

``--corpus`` defaults to a synthetic corpus made by benchmarks/make_corpus.py in /tmp.
Every run opens the corpus as it is with no filter: a filter the index had saved is put aside
for the measurements and put back before the window closes (the window saves its filter in
the index), so one run never leaves the next a search to start from.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def spin_until(app: Any, done: Any, timeout_s: float = 600.0) -> bool:
    from PySide6.QtCore import QEventLoop

    end = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > end:
            return False
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    return True


class PanelClock:
    """The passage panel's time on the GUI thread: its ``show_query``, each later step of the
    first page and each page appended, summed until taken (installed before the window is
    made: the panel's timers connect to the methods timed)."""

    def __init__(self) -> None:
        from explorer.qt.passages import PassagePanel

        self.ms = 0.0
        for name in ("show_query", "_render_rest", "_append"):
            setattr(PassagePanel, name, self._timed(getattr(PassagePanel, name)))

    def _timed(self, fn: Any) -> Any:
        def timed(*args: Any, **kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.ms += (time.perf_counter() - t) * 1000

        return timed

    def take(self) -> float:
        ms, self.ms = self.ms, 0.0
        return ms


def child_warm(corpus: Path, index: Path, repeats: int, step: int = 0) -> dict[str, Any]:
    from explorer.qt.env import prepare_environment

    prepare_environment(offscreen=True)
    import PySide6.QtWebEngineWidgets  # noqa: F401
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    from explorer.qt import passages
    from explorer.qt.app import start

    if step:  # --panel-step: the passages rendered in each step after the first screenful
        passages.STEP_SHOWN = step
    global PANEL
    PANEL = PanelClock()
    window = start(corpus, index_path=index)
    # The filter saved in the index, restored as the window opened (a search the last session
    # left): put back before the window closes (and saves its filter), however the run ends.
    saved = window.session.filter
    window.show()
    try:
        return measure_warm(app, window, repeats, saved)
    finally:
        window.session.set_filter(saved)
        close(app, window)


def close(app: Any, window: Any) -> None:
    """Close the window as the user does (its threads end, the index is closed)."""
    window.close()
    app.processEvents()


def passages_shown(window: Any, place_id: str) -> bool:
    """The passage panel shows the passages of ``place_id`` (its first page is in)."""
    panel = window.passages
    return panel.model.place_id == place_id and bool(panel.hits)


def wait(app: Any, done: Any, what: str, timeout_s: float = 600.0) -> None:
    if not spin_until(app, done, timeout_s):
        raise SystemExit(f"the window did not get there in {timeout_s:.0f} s: {what}")


def measure_warm(app: Any, window: Any, repeats: int, saved: Any) -> dict[str, Any]:
    from explorer import filter_store
    from explorer.query import Filter

    out: dict[str, Any] = {}
    ok = spin_until(app, lambda: window.map_ready and window.map_up_to_date
                    and window.map_sync.known)
    out["map_drawn"] = time.time() if ok else None
    ok = spin_until(app, lambda: window.indexing_done and window.map_up_to_date)
    out["index_checked"] = time.time() if ok else None
    reader = window.reader
    assert reader is not None
    # A filter saved in the index is put aside: every figure below is of the whole corpus.
    out["saved_filter"] = filter_store.to_json(saved) if saved != Filter() else None
    if saved != Filter():
        window.session.set_filter(Filter())
        wait(app, lambda: window.map_up_to_date, "the saved filter cleared")
    stats = reader.stats()
    out["stats"] = stats
    places = reader.places()
    out["places_shown"] = len(window.map_sync.known)
    clicks = []
    for i in range(20):
        pid = places[i % 4].place.id
        window.session.select(None)
        app.processEvents()
        t = time.perf_counter()
        window.session.select(pid)  # what a click on the marker does
        app.processEvents()
        wait(app, lambda pid=pid: passages_shown(window, pid), f"the passages of {pid}")
        clicks.append((time.perf_counter() - t) * 1000)
    out["click_ms"] = (statistics.median(clicks), percentile(clicks, 0.95))
    out["top"] = (places[0].place.name, places[0].count,
                  reader.count_passages(Filter(), places[0].place.id))
    window.session.select(None)

    def painted(change: Any, done: Any = lambda: True) -> float:
        t = time.perf_counter()
        change()
        wait(app, lambda: window.map_up_to_date and done(), "the page painted the change")
        return (time.perf_counter() - t) * 1000

    countries = [c.code for c in reader.countries()]
    codes = frozenset(countries[:3])
    out["filter_ms"] = painted(lambda: window.session.set_countries(codes))
    painted(lambda: window.session.set_countries(frozenset()))
    word = _word(reader)
    out["text_ms"] = painted(lambda: window.session.set_text(word))
    out["text_word"] = word
    painted(lambda: window.session.set_text(""))

    # Where the time goes: the feeds' workers (their own timing) and the page's handling of
    # the last message (its own timing), for each change below.
    last: dict[str, float] = {}
    if window.feed is not None:
        window.feed.ready.connect(lambda d: last.__setitem__("feed", d.compute_ms))
    if window.passage_feed is not None:
        window.passage_feed.ready.connect(lambda d: last.__setitem__("passages", d.compute_ms))

    def parts(key: str) -> None:
        page = page_timing(app, window)
        out.setdefault(key + "_parts", []).append(
            [last.get("feed", 0.0), last.get("passages", 0.0), page])
        last.clear()

    # The target, each change another one (nothing answered from a memo).
    out["click_painted_ms"] = []
    for i in range(repeats):
        pid = places[i % len(places)].place.id
        painted(lambda: window.session.select(None))
        out["click_painted_ms"].append(painted(
            lambda pid=pid: window.session.select(pid),
            lambda pid=pid: passages_shown(window, pid)))
        parts("click")
    painted(lambda: window.session.select(None))
    out["filter_painted_ms"] = []
    for i in range(repeats):
        three = frozenset(countries[(i + k) % len(countries)] for k in range(3))
        out["filter_painted_ms"].append(painted(lambda c=three: window.session.set_countries(c)))
        parts("filter")
    painted(lambda: window.session.set_countries(frozenset()))
    words = _words(reader, repeats)
    out["search_painted_ms"], out["search_panel_ms"] = [], []
    assert PANEL is not None
    for w in words:
        PANEL.take()
        out["search_painted_ms"].append(painted(lambda w=w: window.session.set_text(w)))
        parts("search")
        # The panel's GUI-thread time for this search: its first page rendered to the end.
        wait(app, lambda: not window.passages.rendering, "the passages rendered")
        out["search_panel_ms"].append(PANEL.take())
    out["search_words"] = len(words)
    painted(lambda: window.session.set_text(""))

    out["rss_mb"] = rss_mb()
    out["page_20k"] = page_with_places(app, window, 20_000)
    return out


PANEL: PanelClock | None = None


def page_timing(app: Any, window: Any) -> float:
    """The page's own time to parse and apply the last message it was sent (ms)."""
    box: dict[str, Any] = {}
    window.run_js("JSON.stringify(explorer.timing())", lambda v: box.setdefault("t", v))
    spin_until(app, lambda: "t" in box)
    page = json.loads(box["t"]) if box["t"] else None
    return float(page["parseMs"] + page["applyMs"]) if page else 0.0


def page_with_places(app: Any, window: Any, n: int) -> dict[str, float]:
    """Put ``n`` places (random, all shown) on the page in one message: the time until it is
    painted, and the page's own time to handle it and to zoom in with them all on the map."""
    import random

    rng = random.Random(n)
    records = [{"id": f"bench:{i}", "name": f"Place {i}", "name_ar": f"مكان {i}", "kind": "city",
                "country": "", "members": [], "lat": rng.uniform(-55, 70),
                "lon": rng.uniform(-170, 170)} for i in range(n)]
    counts = [[r["id"], n - i, 1] for i, r in enumerate(records)]
    t = time.perf_counter()
    window.map_sync.send({"add": records, "counts": counts, "fit": True})
    spin_until(app, lambda: window.map_up_to_date)
    painted = (time.perf_counter() - t) * 1000
    box: dict[str, Any] = {}
    window.run_js("JSON.stringify(explorer.timing())", lambda v: box.setdefault("t", v))
    spin_until(app, lambda: "t" in box)
    page = json.loads(box["t"])
    return {"painted_ms": painted, "page_ms": page["parseMs"] + page["applyMs"],
            "zoom_ms": zoom_time(app, window)}


def zoom_time(app: Any, window: Any) -> float:
    """Milliseconds from a zoom-in to the next painted frame, markers re-clustered."""
    box: dict[str, Any] = {}
    code = ("(function(){var t=performance.now(); explorer.zoomIn(); requestAnimationFrame("
            "function(){requestAnimationFrame(function(){window.__zoomMs=performance.now()-t;})"
            "}); return true;})()")
    window.run_js(code)

    def done() -> bool:
        window.run_js("window.__zoomMs || null", lambda v: box.__setitem__("z", v))
        return box.get("z") not in (None, "")

    spin_until(app, done)
    return float(box["z"])


def _word(reader: Any) -> str:
    """A word of the first passage of the most mentioned place: a realistic query."""
    from explorer.query import Filter, fold_words

    hit = reader.passages(Filter(), reader.places()[0].place.id, 0, 1)[0]
    words = [w for w in fold_words(hit.passage.text) if len(w) >= 5]
    return words[len(words) // 2] if words else fold_words(hit.passage.text)[0]


def _words(reader: Any, n: int) -> list[str]:
    """``n`` different words (5 letters or more) of the first passages of the most mentioned
    places, in their order: searches a reader has not answered before."""
    from explorer.query import Filter, fold_words

    found: dict[str, None] = {}
    for summary in reader.places()[:50]:
        for hit in reader.passages(Filter(), summary.place.id, 0, 5):
            for w in fold_words(hit.passage.text):
                if len(w) >= 5:
                    found.setdefault(w)
                    if len(found) >= n:
                        return list(found)
    return list(found)


def child_empty() -> dict[str, Any]:
    from startup import child

    child("empty", "")
    return {}


class Probe:
    """A 10 ms QTimer that records how late the event loop runs it."""

    INTERVAL_MS = 10

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.late: list[float] = []
        self.start = self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        now = time.perf_counter()
        self.late.append(max(0.0, (now - self.last) * 1000 - self.INTERVAL_MS))
        if self.late[-1] > 100 and os.environ.get("WINDOW_BENCH_TRACE"):
            print(f"  late {self.late[-1]:.0f} ms at {now - self.start:.1f} s", file=sys.stderr)
        self.last = now

    def stop(self) -> dict[str, float]:
        self.timer.stop()
        return {"p50": percentile(self.late, 0.5), "p99": percentile(self.late, 0.99),
                "max": max(self.late), "samples": len(self.late)}


def child_latency(corpus: Path, index: Path, seconds: float,
                  idle_seconds: float) -> dict[str, Any]:
    from explorer.qt.env import prepare_environment

    prepare_environment(offscreen=True)
    import PySide6.QtWebEngineWidgets  # noqa: F401
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    from explorer.qt.app import start

    # The machine's own noise: the same probe in an idle event loop.
    idle = Probe()
    t0 = time.monotonic()
    spin_until(app, lambda: time.monotonic() - t0 > idle_seconds)
    floor = idle.stop()
    window = start(corpus, index_path=index)
    window.show()
    try:
        probe = Probe()
        t0 = time.monotonic()
        spin_until(app, lambda: window.indexing_done or time.monotonic() - t0 > seconds,
                   seconds + 60)
        result = probe.stop()
        reader = window.reader
        done = reader.stats()["articles"] if reader is not None else 0
        return {"late": result, "idle": floor, "articles": done,
                "seconds": time.monotonic() - t0, "finished": window.indexing_done,
                "rss_mb": rss_mb()}
    finally:
        close(app, window)


def run_child(*args: str) -> tuple[float, dict[str, Any], str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start = time.time()
    proc = subprocess.run([sys.executable, __file__, "--child", *args],
                          capture_output=True, text=True, env=env, timeout=3600)
    lines = proc.stdout.splitlines()
    result = next((json.loads(ln[7:]) for ln in lines if ln.startswith("RESULT ")), None)
    ready = next((ln for ln in lines if ln.startswith("READY")), "")
    if proc.returncode != 0 or (result is None and not ready):
        raise SystemExit(f"{args[0]} run failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return start, result or {}, ready


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--child", nargs="+")
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--index", type=Path)
    ap.add_argument("--articles", type=int, default=100_000,
                    help="size of the generated corpus when --corpus is not given")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--latency-corpus", type=Path)
    ap.add_argument("--latency-seconds", type=float, default=60.0)
    ap.add_argument("--idle-seconds", type=float, default=10.0,
                    help="how long the probe runs in an idle event loop first (latency run)")
    ap.add_argument("--repeats", type=int, default=50,
                    help="marker clicks, filter changes and searches painted, in each run")
    ap.add_argument("--panel-step", type=int, default=0,
                    help="passages the panel renders in each step after its first screenful "
                         "(default: explorer.qt.passages.STEP_SHOWN), to compare step sizes")
    ap.add_argument("--work", type=Path, default=Path("/tmp/explorer-window-bench"),
                    help="where the generated corpus, its index and the data folder go")
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "warm":
            result = child_warm(Path(rest[0]), Path(rest[1]), int(rest[2]), int(rest[3]))
        elif kind == "latency":
            result = child_latency(Path(rest[0]), Path(rest[1]), float(rest[2]),
                                   float(rest[3]))
        else:
            child_empty()
            return 0
        print("RESULT " + json.dumps(result), flush=True)
        return 0

    work = args.work
    work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("EXPLORER_DATA_DIR", str(work / "data"))
    corpus = args.corpus
    if corpus is None:
        from make_corpus import corpus_once

        corpus = corpus_once(work, args.articles, seed=args.articles)
    index = args.index or work / f"index-{corpus.name}.sqlite"
    if not index.exists():
        print(f"indexing {corpus} into {index} (once)…", flush=True)
        from explorer.index.build import Indexer

        print("  " + Indexer(corpus, index, os.cpu_count() or 1).run().line(), flush=True)
    print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}", flush=True)
    warm: list[dict[str, Any]] = []
    bare: list[float] = []
    warm_args = ("warm", str(corpus), str(index), str(args.repeats), str(args.panel_step))
    run_child(*warm_args[:-2], "0", "0")  # warm the OS file cache and the gazetteer
    for _ in range(args.runs):
        t0, result, _ = run_child(*warm_args)
        result["map_s"] = result["map_drawn"] - t0
        result["checked_s"] = result["index_checked"] - t0
        warm.append(result)
        t0, _, ready = run_child("empty")
        bare.append(float(ready.split()[1]) - t0)
    last = warm[-1]
    s = last["stats"]
    map_s = statistics.median(r["map_s"] for r in warm)
    bare_s = statistics.median(bare)
    print(f"corpus: {s['articles']:,} articles, {s['passages']:,} passages, "
          f"{s['mentions']:,} mentions, {s['places']:,} places "
          f"({last['places_shown']:,} markers)")
    saved = {r["saved_filter"] for r in warm if r["saved_filter"]}
    if saved:
        print(f"  the index holds a saved filter {', '.join(saved)}: the window opened on it "
              f"(warm open below); cleared for the other figures and saved again at the end")
    print(f"warm open to map drawn (median of {args.runs}): {map_s:.2f} s; bare QWebEngineView "
          f"+ empty Leaflet page: {bare_s:.2f} s; ratio {map_s / bare_s:.2f}")
    print(f"  folder checked unchanged by the indexer: "
          f"{statistics.median(r['checked_s'] for r in warm):.2f} s")
    clicks = [r["click_ms"] for r in warm]
    name, count, passages = last["top"]
    print(f"click → first passages (top 4 places; most mentioned {name}: {count:,} mentions, "
          f"{passages:,} passages): p50 {statistics.median(c[0] for c in clicks):.0f} ms, "
          f"p95 {max(c[1] for c in clicks):.0f} ms")
    print(f"country filter change, until painted: "
          f"{statistics.median(r['filter_ms'] for r in warm):.0f} ms")
    print(f"full-text query '{last['text_word']}', until painted: "
          f"{statistics.median(r['text_ms'] for r in warm):.0f} ms")
    for key, what in (("click_painted_ms", "marker click, passages shown and painted"),
                      ("filter_painted_ms", "filter change (3 countries), until painted"),
                      ("search_painted_ms", "search (a word), until painted")):
        ms = [v for r in warm for v in r[key]]
        if not ms:
            continue
        print(f"{what}, over {len(ms)}: p50 {statistics.median(ms):.0f} ms, "
              f"p95 {percentile(ms, 0.95):.0f} ms (max {max(ms):.0f} ms)")
        rows = [p for r in warm for p in r.get(key.split("_")[0] + "_parts", [])]
        if rows:
            print("  of which, p50/p95: " + "; ".join(
                f"{name} {statistics.median(col):.0f}/{percentile(list(col), 0.95):.0f} ms"
                for name, col in zip(("view feed (worker)", "passage feed (worker)",
                                      "page parse+apply"), zip(*rows, strict=True), strict=True)))
    panel = [v for r in warm for v in r.get("search_panel_ms", [])]
    if panel:
        from explorer.qt.passages import FIRST_SHOWN, STEP_SHOWN

        step = args.panel_step or STEP_SHOWN
        print(f"passage panel on the GUI thread per search (first {FIRST_SHOWN}, then {step} a "
              f"step), over {len(panel)}: p50 {statistics.median(panel):.0f} ms, "
              f"p95 {percentile(panel, 0.95):.0f} ms")
    print(f"main process peak RSS: {max(r['rss_mb'] for r in warm):.0f} MB")
    p20 = last["page_20k"]
    print(f"20,000 places in one message: painted after {p20['painted_ms']:.0f} ms "
          f"(the page's own handling {p20['page_ms']:.0f} ms); a zoom-in with them all "
          f"re-clustered and painted in {p20['zoom_ms']:.0f} ms")
    if args.latency_corpus:
        lat_index = work / f"latency-{args.latency_corpus.name}.sqlite"
        for suffix in ("", "-wal", "-shm", ".lock"):
            Path(f"{lat_index}{suffix}").unlink(missing_ok=True)
        _, r, _ = run_child("latency", str(args.latency_corpus), str(lat_index),
                            str(args.latency_seconds), str(args.idle_seconds))
        late, idle = r["late"], r["idle"]
        print(f"event loop while indexing ({r['articles']:,} articles in {r['seconds']:.0f} s"
              f"{', finished' if r['finished'] else ''}; {late['samples']:,} probes of 10 ms): "
              f"late by p50 {late['p50']:.1f} ms, p99 {late['p99']:.1f} ms, "
              f"max {late['max']:.0f} ms; peak RSS {r['rss_mb']:.0f} MB")
        print(f"  the same probe in an idle event loop first (the machine's noise): "
              f"p50 {idle['p50']:.1f} ms, p99 {idle['p99']:.1f} ms, max {idle['max']:.0f} ms; "
              f"load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
