"""The persistent index at scale: synthetic corpora of 10,000 and 100,000 articles.

Corpora come from ``benchmarks/make_corpus.py`` (seed paragraphs recombined, their place
names swapped for other places of the gazetteer; every article different). Measured:

- index throughput with ``--jobs 1`` and ``--jobs 2`` (each a separate process; peak memory of
  the writer and of the largest worker);
- re-index after touching one file (its content changed), and of the unchanged folder;
- on the SQLite reader (no Qt), for the most-mentioned place: click → first passages (a page
  of 50) p50/p95; a filter change (three countries: places and the first page); a full-text
  query (first page, and the places it leaves); the database size.

    python benchmarks/scale.py [--sizes 10000 100000] [--work DIR] [--jobs-compare 10000]
                               [--queries-only]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

RUN = """
import json, resource, sys, time
from pathlib import Path
from explorer.index.build import Indexer
t = time.perf_counter()
s = Indexer(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])).run()
me = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": time.perf_counter() - t, "new": s.new, "changed": s.changed,
                  "cpu_writer": me.ru_utime + me.ru_stime,
                  "cpu_workers": kids.ru_utime + kids.ru_stime,
                  "unchanged": s.unchanged, "mentions": s.mentions,
                  "rss_mb": me.ru_maxrss / 1024, "worker_rss_mb": kids.ru_maxrss / 1024}))
"""


def index(corpus: Path, db: Path, jobs: int) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", RUN, str(corpus), str(db), str(jobs)],
                         check=True, capture_output=True, text=True, cwd=ROOT).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def fresh_db(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


def corpus_of(work: Path, n: int) -> Path:
    from make_corpus import generate

    corpus = work / f"corpus-{n}"
    done = work / f"corpus-{n}.done"
    if not done.exists():
        t = time.perf_counter()
        size = generate(corpus, n, seed=n, source=ROOT / "seeds")
        done.write_text("")
        print(f"  generated {n:,} articles ({size / 1e6:.0f} MB) in "
              f"{time.perf_counter() - t:.0f} s", flush=True)
    return corpus


def timings(fn: Callable[[], object], runs: int = 30) -> tuple[float, float]:
    fn()  # warm: the first query after opening reads the pages in
    ms = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        ms.append((time.perf_counter() - t) * 1000)
    ms.sort()
    return statistics.median(ms), ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]


def queries(db_path: Path) -> None:
    from explorer.index.db import IndexDB
    from explorer.query import ALL_TYPES, Filter

    with IndexDB(db_path, readonly=True) as db:
        stats = db.stats()
        t = time.perf_counter()
        places = db.places()
        t_places = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        db.stats()
        t_stats = (time.perf_counter() - t) * 1000
        top = places[0]
        pid = top.place.id
        codes = frozenset(c.code for c in db.countries()[:3])
        everything = Filter()
        print(f"  {stats['articles']:,} articles, {stats['passages']:,} passages, "
              f"{stats['mentions']:,} mentions, {stats['places']:,} places; all places "
              f"listed in {t_places:.0f} ms; statistics in {t_stats:.1f} ms", flush=True)
        print(f"  most mentioned: {top.place.name} ({top.count:,} mentions, "
              f"{db.count_passages(everything, pid):,} passages)")

        def click() -> object:
            return db.place(pid), db.passages(everything, pid, 0, 50)

        def count() -> object:
            return db.count_passages(everything, pid)

        def together() -> object:
            return db.mentioned_with(everything, pid, 20)

        # Demonyms counted too: only the mentions table knows the types (``Where.by_mention``).
        fm = Filter(types=ALL_TYPES)

        def click_m() -> object:
            return db.passages(fm, pid, 0, 50)

        def count_m() -> object:
            return db.count_passages(fm, pid)

        def together_m() -> object:
            return db.mentioned_with(fm, pid, 20)

        f = Filter(countries=codes)

        def view(f: Filter) -> object:
            """What the window asks for a new filter: the map's places, the country list and
            the status bar's figures (``explorer.qt.feed``), each time as if for the first
            time (the reader keeps the last answers)."""
            db.forget()
            return db.places(f), db.countries(f), db.stats()

        def filter_change() -> object:
            return view(f), db.passages(f, None, 0, 50)

        word = _frequent_word(db)
        ft = Filter(text=word)

        def text_page() -> object:
            return db.passages(ft, None, 0, 50)

        def text_places() -> object:
            return view(ft)

        change = f"filter change ({', '.join(sorted(codes))}): places, countries, stats + page"
        for label, fn in (("click → first 50 passages", click),
                          ("  count of its passages", count),
                          ("  the 20 places mentioned with it", together),
                          ("demonyms too: click → first 50 passages", click_m),
                          ("  demonyms too: count of its passages", count_m),
                          ("  demonyms too: the 20 places mentioned with it", together_m),
                          (change, filter_change),
                          (f"full-text '{word}' → first 50 passages", text_page),
                          (f"full-text '{word}' → places, countries, stats", text_places)):
            p50, p95 = timings(fn)
            print(f"  {label}: p50 {p50:.1f} ms, p95 {p95:.1f} ms", flush=True)
        print(f"  full-text '{word}' matches {db.count_passages(ft):,} passages")
    size = sum(Path(f"{db_path}{s}").stat().st_size for s in ("", "-wal")
               if Path(f"{db_path}{s}").exists())
    print(f"  database size: {size / 1e6:.0f} MB", flush=True)


def _frequent_word(db: object) -> str:
    """A word found in a few percent of the passages (not a stop word): a realistic query."""
    from explorer.index.db import IndexDB

    assert isinstance(db, IndexDB)
    rows = db.conn.execute("SELECT words FROM passages_fts LIMIT 2000").fetchall()
    counts: dict[str, int] = {}
    for (words,) in rows:
        for w in set(words.split()):
            if len(w) >= 5:
                counts[w] = counts.get(w, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[len(ranked) // 200][0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--work", type=Path, default=Path("/tmp/explorer-scale"))
    ap.add_argument("--jobs-compare", type=int, default=10_000,
                    help="the corpus size on which --jobs 1 and --jobs 2 are compared")
    ap.add_argument("--queries-only", action="store_true",
                    help="only the query timings, on the indexes a previous run left in --work")
    args = ap.parse_args()
    if args.queries_only:
        for n in args.sizes:
            print(f"{n:,} articles", flush=True)
            queries(args.work / f"index-{n}.sqlite")
        return
    args.work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("EXPLORER_CACHE_DIR", str(args.work / "cache"))
    print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} at start", flush=True)
    for n in args.sizes:
        print(f"{n:,} articles", flush=True)
        corpus = corpus_of(args.work, n)
        db = args.work / f"index-{n}.sqlite"
        if n == args.jobs_compare:
            one = index(corpus, fresh_db(args.work / f"index-{n}-j1.sqlite"), 1)
            print(f"  --jobs 1: {one['seconds']:.1f} s, {n / one['seconds']:.0f} articles/s, "
                  f"peak {one['rss_mb']:.0f} MB", flush=True)
        two = index(corpus, fresh_db(db), 2)
        print(f"  --jobs 2: {two['seconds']:.1f} s, {n / two['seconds']:.0f} articles/s, peak "
              f"{two['rss_mb']:.0f} MB writer, {two['worker_rss_mb']:.0f} MB largest worker; "
              f"{two['mentions']:,.0f} mentions", flush=True)
        if n == args.jobs_compare:
            print(f"  speed-up --jobs 2 / --jobs 1: {one['seconds'] / two['seconds']:.2f}x; "
                  f"load average now {os.getloadavg()[0]:.1f}", flush=True)
            # What two idle cores would give: the CPU work split over the writer and workers.
            cpu1 = one["cpu_writer"] + one["cpu_workers"]
            cpu2 = two["cpu_writer"] + two["cpu_workers"]
            bound = max(cpu2 / 2, two["cpu_writer"])
            print(f"  CPU seconds: --jobs 1 {cpu1:.1f}; --jobs 2 {cpu2:.1f} (writer "
                  f"{two['cpu_writer']:.1f}); on two idle cores --jobs 2 would be "
                  f"{cpu1 / bound:.2f}x --jobs 1", flush=True)
        unchanged = index(corpus, db, 2)
        print(f"  unchanged folder: {unchanged['seconds']:.2f} s "
              f"({100 * unchanged['seconds'] / two['seconds']:.2f}% of the full index)")
        victim = sorted(corpus.rglob("*.txt"))[n // 2]
        with victim.open("a", encoding="utf-8") as fh:
            fh.write("\nسطر أضيف للقياس.\n")
        touched = index(corpus, db, 2)
        assert touched["changed"] == 1, touched
        print(f"  one file of {n:,} changed: {touched['seconds']:.2f} s "
              f"({100 * touched['seconds'] / two['seconds']:.2f}% of the full index)", flush=True)
        queries(db)


if __name__ == "__main__":
    main()
