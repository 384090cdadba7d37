"""From a folder to an index: read the corpus, load the gazetteer, geoparse every article."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from explorer.article import Article, Corpus, Problem
from explorer.corpus import DEFAULT_MAX_BYTES, read_corpus
from explorer.corrections import Correction, apply, relevant
from explorer.memory_index import CorpusIndex
from gazetteer import Geoparser, load_geoparser
from gazetteer.model import Mention


def gazetteer_problems(geoparser: Geoparser) -> list[Problem]:
    return [Problem(e.path, e.message, e.line) for e in geoparser.gaz.errors]


def read(
    corpus_dir: Path,
    gazetteer_files: Sequence[Path] = (),
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    geoparser: Geoparser | None = None,
) -> tuple[Corpus, Geoparser]:
    """Read ``corpus_dir`` and load the gazetteer (``geoparser`` given: use that one).

    The one way into a corpus for the CLI and the window. Problems with files (unreadable
    articles, bad gazetteer YAML) are collected in ``corpus.problems``; they never stop the
    rest of the work. Raises ``CorpusError`` when the folder itself cannot be read.
    """
    corpus = read_corpus(Path(corpus_dir), max_bytes=max_bytes)
    geoparser = geoparser or load_geoparser(gazetteer_files)
    corpus.problems.extend(gazetteer_problems(geoparser))
    return corpus, geoparser


def geoparse(
    corpus: Corpus, geoparser: Geoparser, *, keep: bool = True
) -> Iterator[tuple[Article, list[Mention]]]:
    """Each article with its mentions, in corpus order.

    ``keep=False`` streams: each article leaves ``corpus.articles`` as it is handed out, so
    memory stays flat however big the corpus (``explorer mentions``).
    """
    def parse(article: Article) -> tuple[Article, list[Mention]]:
        reader = geoparser.for_language(article.language)  # its own language's rules
        # A long article is read window by window: only its mentions are held, not the
        # geoparser's objects for every name at once.
        spans = [(p.start, p.end) for p in article.passages]
        return article, list(reader.stream(article.text, spans))

    if keep:
        yield from map(parse, list(corpus.articles))
        return
    articles = corpus.articles[::-1]
    corpus.articles.clear()
    while articles:
        yield parse(articles.pop())  # the caller's copy is the last one


def open_corpus(
    corpus_dir: Path,
    gazetteer_files: Sequence[Path] = (),
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    geoparser: Geoparser | None = None,
    corrections: Sequence[Correction] = (),
) -> CorpusIndex:
    """Read ``corpus_dir``, geoparse it, and index the result (see :func:`read`), with the
    analyst's ``corrections`` applied (those that cannot be are said as problems)."""
    corpus, geoparser = read(corpus_dir, gazetteer_files, max_bytes=max_bytes,
                             geoparser=geoparser)
    found = {}
    for article, mentions in geoparse(corpus, geoparser):
        if corrections:
            applied = apply(article.doc, article.sha256, article.text, mentions,
                            relevant(corrections, article.doc), geoparser.gaz.by_id.get)
            mentions = applied.mentions
            corpus.problems.extend(
                Problem(str(article.path), f"correction not applied ({why}): {c.describe()}")
                for c, why in applied.stale)
        found[article.doc] = mentions
    return CorpusIndex(corpus, found, countries=geoparser.gaz.countries)


def printable(text: str) -> str:
    """``text`` as one line safe for a terminal: line breaks, control characters (escape
    sequences from a file name) and undecodable bytes written as Python escapes."""
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


def say(msg: str) -> None:
    """One line on stderr; line breaks and control characters (from file names) escaped."""
    print(f"explorer: {printable(msg)}", file=sys.stderr)


def report(corpus: Corpus, root: Path) -> bool:
    """Say the corpus' problems; False (after saying so) when no article could be read."""
    for problem in corpus.problems:
        say(str(problem))
    if not corpus.articles:
        refused = sum(1 for p in corpus.problems if str(p.path).startswith(str(root)))
        why = f" ({refused} refused, see above)" if refused else ""
        say(f"no readable article (.txt) in {root}{why}")
        return False
    return True
