"""Wire copies: how well and how fast stories reprinted by several outlets are grouped.

Stories are made from the seed articles' sentences (each story a random draw of 8 to 16 of
them, so different stories share sentences, as stories on one topic do). Each story is
reprinted by 1 to 8 outlets, each copy with its own title, opening line and footer, one
sentence in three cut off the end at most, and a few words changed or dropped. The articles
(copies shuffled) are stored one by one in a fresh SQLite index (no geoparsing: the passages
only) and grouped as the indexer groups them; the groups found are compared with the truth,
pair by pair (precision, recall), and the time to sketch an article and to store and group
it is measured (CPU time of this process).

    python benchmarks/wire.py [--stories 600] [--seed 1]
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from explorer.article import Article, Passage  # noqa: E402
from explorer.index.db import IndexDB  # noqa: E402
from explorer.index.writer import prepare  # noqa: E402
from explorer.wire import sketch_text  # noqa: E402

OUTLETS = ["الأهرام", "مصراوي", "اليوم السابع", "الشروق", "الغد", "النهار", "الخليج", "الرأي",
           "الجزيرة", "العربية"]
FILLER = ["اليوم", "أمس", "رسميا", "مجددا", "أيضا", "كذلك", "الجديد", "الكبير"]


def sentences() -> list[str]:
    out = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out += [s.strip() for s in re.split(r"(?<=[.!؟])\s+", text) if len(s.split()) >= 6]
    return out


def story(rng: random.Random, pool: list[str]) -> list[str]:
    return rng.sample(pool, rng.randint(8, 16))


def reprint(rng: random.Random, body: list[str], outlet: str) -> list[str]:
    keep = body[:len(body) - rng.randint(0, len(body) // 3)]
    edited = []
    for s in keep:
        words = s.split()
        for _ in range(rng.randint(0, 2)):
            i = rng.randrange(len(words))
            if rng.random() < 0.5:
                words[i] = rng.choice(FILLER)
            else:
                del words[i]
        edited.append(" ".join(words))
    opening = f"{rng.choice(['القاهرة', 'عمان', 'بيروت'])} - {outlet}:"
    footer = f"جميع الحقوق محفوظة لموقع {outlet} {rng.randint(2000, 2026)}"
    return [f"{opening} {edited[0]}", *edited[1:], footer]


def article(doc: str, title: str, paragraphs: list[str]) -> Article:
    text = "\n\n".join([title, *paragraphs])
    passages, at = [], 0
    for p in [title, *paragraphs]:
        passages.append(Passage(at, at + len(p), p, "title" if at == 0 else "paragraph"))
        at += len(p) + 2
    return Article(doc=doc, path=Path(doc), text=text, title=title, passages=tuple(passages),
                   sha256=doc)


def pairs(groups: list[set[str]]) -> set[tuple[str, str]]:
    return {(a, b) for g in groups for a, b in itertools.combinations(sorted(g), 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stories", type=int, default=600)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    pool = sentences()
    made: list[Article] = []
    truth: list[set[str]] = []
    for s in range(args.stories):
        body = story(rng, pool)
        outlets = rng.sample(OUTLETS, rng.randint(1, 8))
        docs = set()
        for o in outlets:
            doc = f"s{s:05d}_{OUTLETS.index(o)}.txt"
            made.append(article(doc, f"{o}: خبر {s}", reprint(rng, body, o)))
            docs.add(doc)
        truth.append(docs)
    rng.shuffle(made)
    t = time.process_time()
    for a in made:
        sketch_text(p.text for p in a.passages)
    sketch_ms = (time.process_time() - t) * 1000 / len(made)
    with tempfile.TemporaryDirectory() as work, IndexDB(Path(work) / "wire.sqlite") as db:
        rows = [prepare(a, [], "bench") for a in made]
        t = time.process_time()
        with db.transaction():
            for r in rows:
                db.put_rows(r, lambda pid: None, replace=False)  # type: ignore[arg-type,return-value]
        store_ms = (time.process_time() - t) * 1000 / len(made)
        found = [set(g) for g in db.dump()["wire"]]
    want, got = pairs(truth), pairs(found)
    hit = len(want & got)
    print(f"articles: {len(made)} ({args.stories} stories, {len(want)} pairs of copies)")
    print(f"pairs: precision {hit / max(1, len(got)):.3f}, recall {hit / max(1, len(want)):.3f}")
    print(f"copies set aside by 'each story once': {sum(len(g) - 1 for g in found)} (truth: "
          f"{sum(len(g) - 1 for g in truth)})")
    print(f"sketch: {sketch_ms:.2f} ms per article; store and group: {store_ms:.2f} ms per "
          "article")


if __name__ == "__main__":
    main()
