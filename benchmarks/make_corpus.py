"""A synthetic corpus for benchmarks: seed paragraphs with their place names swapped.

Deterministic for a given seed: the passages of the articles in ``--from`` (default seeds/) are
geoparsed, and every toponym is replaced by the Arabic name of a random other place of the same
kind from the gazetteer. Articles are 4 to 12 passages long.

    python benchmarks/make_corpus.py OUT_DIR --articles 10000 [--seed 1]
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable
from pathlib import Path

from explorer.corpus import read_corpus
from gazetteer import load_geoparser

ROOT = Path(__file__).resolve().parent.parent


def templates(source: Path) -> list[list[tuple[str, str]]]:
    """Each passage as alternating (text, kind-of-place-to-insert) pieces."""
    gp = load_geoparser()
    corpus = read_corpus(source)
    out = []
    for article in corpus.articles:
        for p in article.passages:
            pieces, pos = [], p.start
            for m in gp.parse(article.text, [(p.start, p.end)]):
                if m.type != "toponym":
                    continue
                pieces.append((article.text[pos:m.start], m.place.kind))
                pos = m.end
            pieces.append((article.text[pos:p.end], ""))
            out.append(pieces)
    return out


def generate(out_dir: Path, articles: int, seed: int, source: Path) -> int:
    rng = random.Random(seed)
    gaz = load_geoparser().gaz
    names: dict[str, list[str]] = {}
    for place in gaz.places:
        if place.name_ar and not place.common_word:
            names.setdefault(place.kind, []).append(place.name_ar)
    for pool in names.values():
        pool.sort()
    paragraphs = templates(source)
    out_dir.mkdir(parents=True, exist_ok=True)
    total = 0
    for n in range(articles):
        chosen = [rng.choice(paragraphs) for _ in range(rng.randint(4, 12))]
        lines = []
        for pieces in chosen:
            buf = []
            for text, kind in pieces:
                buf.append(text)
                if kind:
                    buf.append(rng.choice(names.get(kind) or names["city"]))
            lines.append("".join(buf))
        body = "\n\n".join(lines) + "\n"
        path = out_dir / f"{n // 1000:03d}" / f"article_{n:06d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(body, encoding="utf-8")
        total += len(body.encode())
    return total


def corpus_once(
    work: Path, articles: int, seed: int = 1, then: Callable[[Path], object] | None = None
) -> Path:
    """``work/corpus-ARTICLES``, generated (and passed to ``then``) on the first call only: a
    ``.done`` marker, written last, tells a whole corpus from one a killed run left half made."""
    corpus = work / f"corpus-{articles}"
    done = work / f"corpus-{articles}.done"
    if not done.exists():
        generate(corpus, articles, seed, ROOT / "seeds")
        if then is not None:
            then(corpus)
        done.write_text("")
    return corpus


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--from", dest="source", type=Path, default=ROOT / "seeds")
    args = ap.parse_args()
    size = generate(args.out, args.articles, args.seed, args.source)
    print(f"{args.articles} articles, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
