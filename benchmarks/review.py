"""The corrections dock at scale: reading the review queue (every mention below confidence 1,
least confident first, 500 with their passage) and listing the stored corrections (with
article titles and passages), on a synthetic corpus's index. Both run on the window's
corrections thread, never the GUI thread; timed here directly on the index.

The corpus comes from ``benchmarks/make_corpus.py`` and is indexed once (kept in ``--work``,
copied before the corrections are added so the kept index stays as built).

    python benchmarks/review.py [--articles 10000] [--work DIR] [--jobs 2] [--corrections 200]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def timed(run: object, repeats: int) -> tuple[float, float]:
    """p50 and p95 in ms of ``run()`` over ``repeats``."""
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        run()  # type: ignore[operator]
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def main() -> None:
    from make_corpus import corpus_once

    from explorer.corrections import ACCEPTED, Correction
    from explorer.index.build import Indexer
    from explorer.index.db import IndexDB
    from explorer.review import listed, queue

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "explorer-review")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--corrections", type=int, default=200)
    ap.add_argument("--repeats", type=int, default=20)
    args = ap.parse_args()
    corpus = corpus_once(args.work, args.articles)
    built = args.work / f"index-{args.articles}.sqlite"
    Indexer(corpus, built, args.jobs).run()
    path = args.work / "reviewed.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with IndexDB(built) as db:  # a consistent copy (WAL included)
        db.conn.execute("VACUUM INTO ?", (str(path),))
    with IndexDB(path) as db:
        stats = db.stats()
        total, items = queue(db)
        print(f"{stats['articles']:,} articles, {stats['mentions']:,} mentions, "
              f"{total:,} in the review queue")
        p50, p95 = timed(lambda: queue(db), args.repeats)
        print(f"review queue (count + first {len(items)}): p50 {p50:.1f} ms, p95 {p95:.1f} ms")
        for item in items[:args.corrections]:  # accepted, as the queue's A key stores them
            m = item.mention
            db.add_correction(Correction("mention", "resolve", m.text, item.doc, m.start, m.end,
                                         m.place.id, sha256=item.sha256, note=ACCEPTED))
        n = len(db.corrections())
        total_after, _items = queue(db)
        print(f"after {n} accepted: {total_after:,} in the review queue")
        p50, p95 = timed(lambda: listed(db), args.repeats)
        print(f"list {n} corrections (titles, passages): p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
