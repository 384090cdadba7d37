"""What decides and makes an article's rows, away from the writer: the fingerprint of the
gazetteer and rules (``gazetteer_fingerprint``), and a ``Task`` (a file to read) parsed into a
``Result`` (``parse_task``), in a worker process or on a Dask cluster (``explorer.cluster``)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from explorer.article import Article, Problem
from explorer.corpus import ArticleError, read_articles
from explorer.corrections import Correction, apply, mentions_to_json, relevant
from explorer.decode import describe_replaced
from explorer.index.writer import ArticleRows, prepare

if TYPE_CHECKING:  # the geoparser is imported when it is first loaded
    from gazetteer import Geoparser

_SOURCES = Path(__file__).resolve().parents[1]  # the explorer package
_GAZETTEER = _SOURCES.parent / "gazetteer"


def fingerprint_sources() -> list[Path]:
    """The files whose content decides an article's passages and mentions: the gazetteer's
    data and code with their subfolders (the languages' rules and words: ``lang/``,
    ``data/en/``), and the explorer's modules that cut and read an article."""
    sources = sorted(p for p in (_GAZETTEER / "data").rglob("*") if p.is_file())
    sources += sorted(p for p in _GAZETTEER.rglob("*.py") if "__pycache__" not in p.parts)
    # query: the full-text folding; wire: the sketches of wire copies; language: which
    # language's rules read an article
    sources += [_SOURCES / n for n in ("furniture.py", "passages.py", "corpus.py", "decode.py",
                                       "query.py", "wire.py", "language.py")]
    return sources


def gazetteer_fingerprint(extra: Sequence[Path | str] = ()) -> str:
    """A content hash of everything that decides an article's passages and mentions: the
    gazetteer's data and code, the furniture and passage rules, and the user's gazetteer
    files, the wire-copy sketches. When it changes, every article is geoparsed again."""
    h = hashlib.sha256(b"explorer-index-1")
    sources = fingerprint_sources()
    from explorer.formats.table import given_columns

    if columns := given_columns():  # --columns: tables read otherwise
        h.update(json.dumps(columns, sort_keys=True).encode())
    for path in [*sources, *(Path(p) for p in extra)]:
        h.update(path.name.encode() + b"\0")  # the name only: a moved checkout keeps its index
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"\0missing")
    return h.hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Task:
    doc: str
    path: str
    known_sha256: str | None = None  # content already indexed under the same fingerprint
    corrections: tuple[Correction, ...] = ()  # the analyst's, that may apply to it
    #: A file of several articles (``mail.mbox#3``): (doc, sha256) of its parts indexed under
    #: the same fingerprint.
    known_parts: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Parsed:
    doc: str
    rows: ArticleRows  # ready to insert
    problem: str | None = None  # e.g. bytes replaced while decoding
    uncorrected: str | None = None  # the geoparser's mentions (JSON) when corrections changed them
    stale: tuple[str, ...] = ()  # corrections not applied, and why


@dataclass(frozen=True, slots=True)
class Same:
    """Touched, same content: only its stat is new."""

    doc: str
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class Refused:
    doc: str
    path: str
    message: str
    size: int | None
    mtime_ns: int | None


@dataclass(frozen=True, slots=True)
class Several:
    """A file of several articles (an mbox, a feed, a table, a zip): the result of each part;
    the parts indexed before and not among ``results`` are gone from the file."""

    doc: str  # the file's
    results: tuple[Parsed | Same, ...]
    problems: tuple[Problem, ...] = ()  # parts that could not be read


Result = Parsed | Same | Refused | Several
#: Runs tasks somewhere, yielding results as they come (in any order).
Runner = Callable[[Sequence[Task]], Iterator[Result]]


def parse_task(
    task: Task, root: Path, max_bytes: int, geoparser: Geoparser, fingerprint: str
) -> Result:
    """Read, hash and geoparse one file (in a worker)."""
    try:
        articles, notes = read_articles(Path(task.path), root, max_bytes)
    except ArticleError as exc:
        size: int | None = None
        mtime: int | None = None
        with contextlib.suppress(OSError):
            st = os.stat(task.path)
            size, mtime = st.st_size, st.st_mtime_ns
        return Refused(task.doc, task.path, str(exc), size, mtime)
    if len(articles) == 1 and articles[0].doc == task.doc and not notes:
        return _parse_article(articles[0], task.known_sha256, task.corrections, geoparser,
                              fingerprint)
    known = dict(task.known_parts)
    return Several(task.doc, tuple(
        _parse_article(a, known.get(a.doc), relevant(task.corrections, a.doc), geoparser,
                       fingerprint) for a in articles), tuple(notes))


def _parse_article(article: Article, known_sha256: str | None,
                   corrections: Sequence[Correction], geoparser: Geoparser, fingerprint: str
                   ) -> Parsed | Same:
    if known_sha256 == article.sha256:
        return Same(article.doc, article.size, article.mtime_ns)
    # Each article read with its own language's rules (Arabic when it has none: issue 19), in
    # text order; a long article read window by window, each mention made as its row is.
    found = geoparser.for_language(article.language).stream(
        article.text, [(p.start, p.end) for p in article.passages])
    problem = describe_replaced(article.replaced) if article.replaced else None
    if not corrections:
        return Parsed(article.doc, prepare(article, found, fingerprint), problem)
    listed = list(found)
    applied = apply(article.doc, article.sha256, article.text, listed, corrections,
                    geoparser.gaz.by_id.get)
    return Parsed(article.doc, prepare(article, applied.mentions, fingerprint), problem,
                  mentions_to_json(listed) if applied.changed else None,
                  tuple(f"correction not applied ({why}): {c.describe()}"
                        for c, why in applied.stale))
