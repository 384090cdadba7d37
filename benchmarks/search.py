"""The search box at scale (issue 17, item 3): each kind of query on the SQLite index.

A synthetic corpus from ``benchmarks/make_corpus.py`` is indexed once (kept in ``--work``).
Words are drawn from the index's own vocabulary (in at least 5 passages). For each kind of
query, timed on the reader (no Qt; p50/p95 over the words, memo of earlier answers dropped
before each): what a view asks for a search, the places (the map), the passage count and the
first page of 100. "one FTS term" is the MATCH of the word alone, as searches were asked
before the Arabic prefixes; "its forms" the MATCH of the word with them (``search.forms``).

    python benchmarks/search.py [--articles 3000] [--work DIR] [--jobs 2] [--words 50]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def timings(fn: Callable[[str], object], texts: Sequence[str],
            forget: Callable[[], None]) -> str:
    ms = []
    for text in texts:
        forget()
        t = time.perf_counter()
        fn(text)
        ms.append((time.perf_counter() - t) * 1000)
    ms.sort()
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return f"p50 {statistics.median(ms):7.2f} ms, p95 {p95:7.2f} ms"


def main() -> None:
    from make_corpus import corpus_once

    from explorer.index.build import Indexer
    from explorer.index.db import IndexDB
    from explorer.query import Filter
    from explorer.search import MAX_QUERY_WORDS, parse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "explorer-search")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--words", type=int, default=50)
    args = ap.parse_args()
    corpus = corpus_once(args.work, args.articles)
    db_path = args.work / f"index-{args.articles}.sqlite"
    t = time.perf_counter()
    Indexer(corpus, db_path, args.jobs).run()
    print(f"index ({args.articles:,} articles, up to date): {time.perf_counter() - t:.1f} s")
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    con.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, passages_fts, row)")
    vocab = sorted(t for (t,) in con.execute(
        "SELECT term FROM temp.vocab WHERE doc >= 5 AND length(term) >= 4"))
    rng = random.Random(1)
    words = rng.sample(vocab, min(args.words, len(vocab)))
    with IndexDB(db_path, readonly=True) as db:
        print(f"{db.stats()['passages']:,} passages, {len(vocab):,} words in 5 or more")

        def count(match: str) -> object:
            return con.execute("SELECT COUNT(*) FROM passages_fts WHERE passages_fts MATCH ?",
                               (match,)).fetchone()

        def view(text: str) -> object:
            f = Filter(text=text)
            return db.places(f), db.count_passages(f), db.passages(f, None, 0, 100)

        def nothing() -> None:
            pass

        def one(w: str) -> object:
            return count('"' + w + '"')

        print(f"{'one FTS term (MATCH)':28} {timings(one, words, nothing)}")
        print(f"{'its forms (MATCH)':28} "
              f"{timings(lambda w: count(parse(w).fts_match()), words, nothing)}")
        pairs = [f"{a} {b}" for a, b in pairwise(words)]
        kinds: dict[str, list[str]] = {
            "one word": words,
            "word with ال and و": [f"وال{w}" for w in words],
            "prefix (word*)": [f"{w[:3]}*" for w in words],
            "two words": pairs,
            '"phrase" of two': [f'"{p}"' for p in pairs],
            "a OR b": [p.replace(" ", " OR ") for p in pairs],
            "a -b": [p.replace(" ", " -") for p in pairs],
            f"{MAX_QUERY_WORDS} words OR'd": [" OR ".join(rng.sample(vocab, MAX_QUERY_WORDS))
                                              for _ in range(5)],
        }
        for name, texts in kinds.items():
            print(f"{'view: ' + name:28} {timings(view, texts, db.forget)}")
    con.close()


if __name__ == "__main__":
    main()
