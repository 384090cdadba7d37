"""What checking an index for damage and rebuilding it cost on a big index.

A real index of the seed articles is grown to about ``--mb`` megabytes by doubling its
passages, full-text rows, mentions and passage-place rows (the shape of a big corpus' index,
without geoparsing one), then timed: ``PRAGMA quick_check`` as ``explorer index`` runs it
(``explorer.index.rebuild.damage``) twice (the first read may come from the disk, the second
from the page cache), and ``explorer.index.rebuild.rebuild_index`` (the old file
kept as a hard link).

    python benchmarks/index_check.py [--mb 1000] [--work DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def grow(path: Path, mb: int) -> None:
    conn = sqlite3.connect(path)
    while os.path.getsize(path) < mb * 2**20:
        with conn:
            off = conn.execute("SELECT MAX(id) FROM passages").fetchone()[0]
            conn.execute('INSERT INTO passages (id, article, start, "end", kind, text) '
                         'SELECT id + ?, article, start, "end", kind, text FROM passages', (off,))
            conn.execute("INSERT INTO passages_fts (rowid, words) SELECT rowid + ?, words "
                         "FROM passages_fts", (off,))
            conn.execute('INSERT INTO mentions (article, passage, seq, start, "end", text, type, '
                         "place_id, confidence, reason, alternatives) SELECT article, "
                         'passage + ?, seq, start, "end", text, type, place_id, confidence, '
                         "reason, alternatives FROM mentions", (off,))
            conn.execute("INSERT INTO passage_places SELECT place_id, country, sortkey, pstart, "
                         "passage + ?, article, mentions FROM passage_places", (off,))
    conn.close()


def main() -> None:
    from explorer.index.build import Indexer
    from explorer.index.db import IndexDB
    from explorer.index.rebuild import damage, rebuild_index

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=int, default=1000)
    ap.add_argument("--work", type=Path,
                    default=Path(tempfile.gettempdir()) / "explorer-index-check")
    args = ap.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    path = args.work / "big.sqlite"
    Indexer(ROOT / "seeds", path).run()
    with IndexDB(path) as db, db.transaction():
        db.conn.execute("INSERT INTO corrections (scope, surface, action, created) VALUES "
                        "('corpus', 'حلب', 'reject', 'now')")
    grow(path, args.mb)
    conn = sqlite3.connect(path)
    mentions = conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0]
    conn.close()
    size = os.path.getsize(path) >> 20
    print(f"index: {size} MB, {mentions:,} mentions")
    for label in ("first", "again"):
        t = time.perf_counter()
        found = damage(path)
        print(f"quick_check ({label}): {time.perf_counter() - t:.2f} s -> {found or 'whole'}")
    t = time.perf_counter()
    done = rebuild_index(path)
    print(f"rebuild: {time.perf_counter() - t:.2f} s; {done.summary()}")
    shutil.rmtree(args.work, ignore_errors=True)


if __name__ == "__main__":
    main()
