"""The filters that combine, at scale: each filter field's queries on the SQLite index.

A synthetic corpus from ``benchmarks/make_corpus.py`` with a publication line added to each
article (dates spread over a year, one article in ten undated) is indexed once (kept in
``--work``). For each filter, timed on the reader (no Qt; p50/p95 of ``--runs``, memo of
earlier answers dropped before each run): the places (the map), the countries (the list), the
passage count and the first page of 50, and the timeline per day.

    python benchmarks/filters.py [--articles 10000] [--work DIR] [--jobs 2] [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def add_dates(corpus: Path, seed: int) -> None:
    """A publication line under each article's title (one in ten left undated)."""
    rng = random.Random(seed)
    for path in sorted(corpus.rglob("*.txt")):
        if rng.random() < 0.1:
            continue
        title, _, rest = path.read_text(encoding="utf-8").partition("\n")
        day = 1 + rng.randrange(365)
        month, mday = 1 + (day - 1) // 31 % 12, 1 + (day - 1) % 28
        line = f"تم النشر: 2021/{month:02d}/{mday:02d} الساعة 10:00"
        path.write_text(f"{title}\n\n{line}\n\n{rest}", encoding="utf-8")


def timings(fn: Callable[[], object], forget: Callable[[], None], runs: int) -> str:
    ms = []
    for _ in range(runs):
        forget()
        t = time.perf_counter()
        fn()
        ms.append((time.perf_counter() - t) * 1000)
    ms.sort()
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return f"p50 {statistics.median(ms):7.1f} ms, p95 {p95:7.1f} ms"


def main() -> None:
    from make_corpus import corpus_once

    from explorer.index.build import Indexer
    from explorer.index.db import IndexDB
    from explorer.query import ALL_TYPES, Filter

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "explorer-filters")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    corpus = corpus_once(args.work, args.articles, then=lambda c: add_dates(c, 1))
    db_path = args.work / f"index-{args.articles}.sqlite"
    t = time.perf_counter()
    Indexer(corpus, db_path, args.jobs).run()
    print(f"index ({args.articles:,} articles, up to date): {time.perf_counter() - t:.1f} s")
    with IndexDB(db_path, readonly=True) as db:
        stats = db.stats()
        print(f"{stats['places']:,} places, {stats['mentions']:,} mentions, "
              f"{stats['passages']:,} passages, {stats['copies']:,} wire copies")
        top = [c.code for c in db.countries()[:3]]
        filters = {
            "everything": Filter(),
            "kind city": Filter(kinds=frozenset({"city"})),
            "kind city, 3 countries": Filter(kinds=frozenset({"city"}),
                                             countries=frozenset(top)),
            "a month": Filter(date_from="2021-03-01", date_to="2021-03-31"),
            "a month, 3 countries": Filter(date_from="2021-03-01", date_to="2021-03-31",
                                           countries=frozenset(top)),
            "region Central Asia": Filter(regions=frozenset({"region:central-asia"})),
            "toponyms and demonyms": Filter(types=ALL_TYPES),
            "confidence >= 0.9": Filter(min_confidence=0.9),
            "confidence >= 0.9, a month": Filter(min_confidence=0.9, date_from="2021-03-01",
                                                 date_to="2021-03-31"),
            "each story once": Filter(once=True),
            "each story once, a month": Filter(once=True, date_from="2021-03-01",
                                               date_to="2021-03-31"),
        }
        for label, f in filters.items():
            print(f"{label}:")
            for what, fn in (
                ("places", lambda f=f: db.places(f)),
                ("countries", lambda f=f: db.countries(f)),
                ("count passages", lambda f=f: db.count_passages(f)),
                ("first page (50)", lambda f=f: db.passages(f, None, 0, 50)),
                ("timeline (day)", lambda f=f: db.timeline(f.undated())),
            ):
                print(f"  {what:16} {timings(fn, db.forget, args.runs)}", flush=True)


if __name__ == "__main__":
    main()
