"""Exports at scale: GeoJSON, CSV and the offline HTML map of a synthetic corpus's index.

The corpus comes from ``benchmarks/make_corpus.py`` and is indexed once (kept in ``--work``);
each export is then made from the SQLite index, with every place and with one country, and its
time and size printed.

    python benchmarks/export.py [--articles 2000] [--work DIR] [--jobs 2]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def main() -> None:
    from make_corpus import corpus_once

    from explorer.export import export_bytes
    from explorer.index.build import Indexer
    from explorer.index.db import IndexDB
    from explorer.query import Filter

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "explorer-export")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    corpus = corpus_once(args.work, args.articles)
    db_path = args.work / f"index-{args.articles}.sqlite"
    t = time.perf_counter()
    Indexer(corpus, db_path, args.jobs).run()
    print(f"index ({args.articles} articles, up to date): {time.perf_counter() - t:.1f} s")
    with IndexDB(db_path, readonly=True) as db:
        stats = db.stats()
        print(f"{stats['places']} places, {stats['mentions']} mentions, "
              f"{stats['passages']} passages")
        top = db.countries()[0]
        for label, f in (("all", Filter()), (f"country {top.code}",
                                              Filter(countries=frozenset({top.code})))):
            for fmt in ("geojson", "csv", "html"):
                t = time.perf_counter()
                data = export_bytes(db, f, fmt)
                dt = time.perf_counter() - t
                print(f"{fmt:8} {label:12} {dt:7.2f} s {len(data) / 1e6:8.2f} MB")


if __name__ == "__main__":
    main()
