"""The reader's queries on the SQLite index: every place's confidence (the Places dock's
column, one pass over the mentions) and one article's mentions (opening the reader).

    python benchmarks/reader.py [--articles 2000] [--work DIR] [--index INDEX.sqlite]

Without ``--index``, a synthetic corpus of ``--articles`` articles (``make_corpus.py``) is
indexed in ``--work`` first (kept there for the next run).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def build(work: Path, articles: int) -> Path:
    from make_corpus import corpus_once

    from explorer.index.build import Indexer

    db = work / f"index-{articles}.sqlite"
    if not db.exists():
        Indexer(corpus_once(work, articles), db, 2).run()
    return db


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "explorer-reader")
    ap.add_argument("--index", type=Path)
    args = ap.parse_args()
    from explorer.index.db import IndexDB

    args.work.mkdir(parents=True, exist_ok=True)
    path = args.index or build(args.work, args.articles)
    db = IndexDB(path, readonly=True)
    stats = db.stats()
    print(f"index: {path} ({stats['articles']:,} articles, {stats['mentions']:,} mentions, "
          f"{stats['places']:,} places)")
    times = []
    for _ in range(3):
        db._confidences = None  # asked afresh each time
        t = time.perf_counter()
        found = db.confidences()
        times.append(time.perf_counter() - t)
    print(f"confidences(): {len(found):,} places, median of 3 {statistics.median(times):.3f} s")
    docs = [r[0] for r in db.conn.execute("SELECT doc FROM articles")]
    sample = random.Random(1).sample(docs, min(200, len(docs)))
    per = []
    for doc in sample:
        t = time.perf_counter()
        db.mentions_in(doc)
        per.append((time.perf_counter() - t) * 1000)
    per.sort()
    print(f"mentions_in(doc): {len(sample)} articles, p50 {per[len(per) // 2]:.2f} ms, "
          f"p95 {per[int(len(per) * 0.95) - 1]:.2f} ms")
    db.close()


if __name__ == "__main__":
    main()
