"""Corrections at scale: storing one (the index rewrites the articles it touches) and taking it
back, on a synthetic corpus's index.

The corpus comes from ``benchmarks/make_corpus.py`` and is indexed once (kept in ``--work``,
copied before the corrections so the kept index stays as built). Timed: a mention correction
(one article), an article correction, and corpus corrections of the most mentioned name and
of a median one, each stored and then taken back, with the articles each rewrote.

    python benchmarks/corrections.py [--articles 2000] [--work DIR] [--jobs 2]
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

    from explorer.corrections import Correction
    from explorer.index.build import Indexer
    from explorer.index.db import IndexDB

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--work", type=Path,
                    default=Path(tempfile.gettempdir()) / "explorer-corrections")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    corpus = corpus_once(args.work, args.articles)
    built = args.work / f"index-{args.articles}.sqlite"
    Indexer(corpus, built, args.jobs).run()
    path = args.work / "edited.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with IndexDB(built) as db:  # a consistent copy (WAL included)
        db.conn.execute("VACUUM INTO ?", (str(path),))
    with IndexDB(path) as db:
        stats = db.stats()
        print(f"{stats['articles']} articles, {stats['mentions']} mentions")
        names = db.conn.execute(
            "SELECT text, COUNT(*) AS n FROM mentions WHERE type = 'toponym' GROUP BY text "
            "ORDER BY n DESC").fetchall()
        top, median = names[0], names[len(names) // 2]
        doc, start, end, text, sha = db.conn.execute(
            'SELECT a.doc, m.start, m."end", m.text, a.sha256 FROM mentions AS m JOIN articles '
            "AS a ON a.id = m.article WHERE m.type = 'toponym' LIMIT 1").fetchone()
        cases = [
            ("mention", Correction("mention", "reject", text, doc, start, end, sha256=sha)),
            ("article", Correction("article", "reject", text, doc)),
            (f"corpus, «{median[0]}» ({median[1]} mentions)",
             Correction("corpus", "reject", median[0])),
            (f"corpus, «{top[0]}» ({top[1]} mentions)", Correction("corpus", "reject", top[0])),
        ]
        for label, c in cases:
            t = time.perf_counter()
            stored, applied = db.add_correction(c)
            added = time.perf_counter() - t
            t = time.perf_counter()
            db.delete_correction(stored.id or 0)
            removed = time.perf_counter() - t
            print(f"{label:40} {len(applied):6} articles  store {added * 1000:8.1f} ms  "
                  f"undo {removed * 1000:8.1f} ms")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
