"""What the window asks of an index, and the value types it gets back.

``IndexReader`` is the read protocol both indexes implement: the in-memory ``CorpusIndex``
(``explorer.index``) and the persistent SQLite index (``explorer.indexdb``). One ``Filter``
describes what the analyst is looking at; every query takes it.

Semantics, shared by both implementations (``tests/explorer/test_reader_contract.py``):

- a mention *passes* a filter when it is a toponym, its place's country is in
  ``Filter.countries`` (any country, or none, when that set is empty), it is in article
  ``Filter.doc`` (when given), and its passage contains every word of ``Filter.text`` (when
  given; words compared folded, see ``fold_words``);
- ``places(f)``: the places of the passing mentions with their counts, most mentioned first;
- ``countries(f)``: countries of the passing mentions, ``f.countries`` ignored (so a country
  list shows every country while some are selected);
- ``confidences()``: the mean confidence of each place's toponym mentions, whole index;
- ``mentions_in(doc)``: every mention of one article, demonyms too, whatever the filter (the
  reader shows them all);
- ``passages(f, place_id, offset, limit)``: passages holding at least one passing mention (of
  ``place_id`` when given), each with those mentions, in reading order: article date (undated
  articles last), then file, then offset; ``count_passages`` counts them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from explorer.article import Article, Passage
from gazetteer.model import Mention, Place
from gazetteer.normalize import fold


@dataclass(frozen=True, slots=True)
class Filter:
    """What the analyst is looking at. The default filter lets everything through."""

    countries: frozenset[str] = frozenset()  # ISO codes; empty = every country
    text: str = ""  # full-text query: passages containing every word of it (folded)
    doc: str | None = None  # one article

    @property
    def words(self) -> tuple[str, ...]:
        """The query's words, folded as passages are (see ``fold_words``)."""
        return tuple(dict.fromkeys(fold_words(self.text)))


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """An article's identity and metadata, without its text."""

    doc: str  # path relative to the corpus root, POSIX separators
    path: Path
    title: str = ""
    outlet: str | None = None
    published: str | None = None  # ISO 8601
    updated: str | None = None
    encoding: str = "utf-8"
    size: int = 0
    mtime_ns: int = 0
    sha256: str = ""

    @classmethod
    def of(cls, a: Article) -> ArticleInfo:
        return cls(a.doc, a.path, a.title, a.outlet, a.published, a.updated, a.encoding,
                   a.size, a.mtime_ns, a.sha256)


@dataclass(frozen=True, slots=True)
class PlaceSummary:
    place: Place
    count: int  # toponym mentions passing the filter
    articles: int  # articles holding them


@dataclass(frozen=True, slots=True)
class CountrySummary:
    code: str  # ISO 3166-1 alpha-2
    name: str
    name_ar: str
    count: int  # toponym mentions of places in this country


@dataclass(frozen=True, slots=True)
class PassageHit:
    """A passage and the mentions in it that passed the query (offsets into the article)."""

    article: ArticleInfo
    passage: Passage
    mentions: tuple[Mention, ...] = field(default=())


class IndexReader(Protocol):
    """The read side of an index; see the module docstring for what each query means."""

    def places(self, f: Filter = ...) -> list[PlaceSummary]: ...

    def place(self, place_id: str) -> PlaceSummary | None: ...

    def countries(self, f: Filter = ...) -> list[CountrySummary]: ...

    def count_passages(self, f: Filter, place_id: str | None = None) -> int: ...

    def passages(
        self, f: Filter, place_id: str | None = None, offset: int = 0, limit: int = 100
    ) -> list[PassageHit]: ...

    def article(self, doc: str) -> Article | None: ...

    def mentions_in(self, doc: str) -> list[Mention]:
        """Every mention of article ``doc`` (toponyms and demonyms, no filter), in text order;
        [] for an unknown article."""
        ...

    def confidences(self) -> dict[str, float]:
        """Each place's confidence: the mean of its toponym mentions' confidence over the whole
        index (no filter; the places table's figure)."""
        ...

    def stats(self) -> dict[str, int]:
        """Counts: articles, passages, mentions (toponyms and demonyms), demonyms, places."""
        ...


_TOKEN = re.compile(r"[^\W_]+")


def fold_words(text: str) -> list[str]:
    """The words of ``text`` folded for full-text search: the geoparser's Arabic folding
    (hamza seats, alif maqsura, ta marbuta, diacritics, tatweel, Persian forms), then case
    and Latin accents. Passages are stored, and queries asked, in this form."""
    folded = fold(text).casefold()
    if not unicodedata.is_normalized("NFKD", folded):  # Arabic, once folded, mostly is
        folded = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _TOKEN.findall(folded)


def order_key(a: ArticleInfo | Article) -> tuple[bool, str, str]:
    """Reading order of articles: by date, undated last, then by file."""
    return (a.published is None, a.published or "", a.doc)


def summary_order(s: PlaceSummary) -> tuple[int, str, str]:
    return (-s.count, s.place.name, s.place.id)


def country_order(c: CountrySummary) -> tuple[int, str, str]:
    return (-c.count, c.name, c.code)
