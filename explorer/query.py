"""What the window asks of an index, and the value types it gets back.

``IndexReader`` is the read protocol both indexes implement: the in-memory ``CorpusIndex``
(``explorer.memory_index``) and the persistent SQLite index (``explorer.index``). One ``Filter``
describes what the analyst is looking at; every query takes it.

Semantics, shared by both implementations (``tests/explorer/test_reader_contract.py``):

- a mention *passes* a filter when its type is in ``Filter.types`` (toponyms only by default:
  demonyms are counted apart), its place is *where* the filter says (below), its place's kind
  is in ``Filter.kinds`` (any kind when empty), its confidence is at least
  ``Filter.min_confidence``, it is in article ``Filter.doc`` (when given), its article was
  published between ``Filter.date_from`` and ``Filter.date_to`` (ISO dates, both inclusive, the
  date as the article writes it; undated articles pass only when neither is set), its article's
  outlet is one of ``Filter.outlets``, its format one of ``Filter.formats`` and its language one
  of ``Filter.languages`` (when given; ``explorer.language``), and
  its passage passes the search ``Filter.text`` (when given: ``explorer.search``, words
  compared folded, see ``fold_words``, with their Arabic prefixes), and with ``Filter.once``
  (and no ``doc``) its article is, of the copies of its story (``explorer.wire``) passing
  the conditions on articles (dates, outlets, formats), the first by file;
- *where*: with neither ``Filter.countries`` nor ``Filter.regions``, anywhere; else the place's
  country is one of ``countries`` or a member of one of the ``regions`` (region place ids), or
  the place is one of those regions, or a region holding one of ``countries`` (Central Asia
  stays on the map while Tajikistan is chosen; its members do not come with it);
- ``places(f)``: the places of the passing mentions with their counts, most mentioned first;
- ``confidences()``: the mean confidence of each place's toponym mentions, whole index;
- ``mentions_in(doc)``: every mention of one article, demonyms too, whatever the filter (the
  reader shows them all);
- ``countries(f)``: countries of the passing mentions, ``f.countries`` and ``f.regions`` ignored
  (so a country list shows every country while some are selected);
- ``timeline(f, bucket)``: the passing mentions of dated articles per day (or per week, dated
  by its Monday), in date order, empty buckets left out;
- ``copies(doc)``: the other copies of the article's story, in reading order;
- ``passages(f, place_id, offset, limit)``: passages holding at least one passing mention (of
  ``place_id`` when given), each with those mentions, in reading order: article date (undated
  articles last), then file, then offset; ``count_passages`` counts them;
- ``mentioned_with(f, place_id, limit)``: the other places with a passing mention in a passage
  holding a passing mention of ``place_id``, each with the number of such passages, most
  first (ties by name, then id), the first ``limit``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Protocol

from explorer.areas import Area
from explorer.article import Article, Passage
from explorer.search import MAX_QUERY_WORDS, Query, parse, tidy_query
from gazetteer.model import Mention, MentionType, Place
from gazetteer.normalize import fold

#: The default mention types: place names (demonyms are counted apart).
TOPONYMS = frozenset({MentionType.TOPONYM.value})
#: Every mention type.
ALL_TYPES = frozenset(t.value for t in MentionType)


@dataclass(frozen=True, slots=True)
class Filter:
    """What the analyst is looking at. The default filter lets everything through."""

    countries: frozenset[str] = frozenset()  # ISO codes; empty = every country
    text: str = ""  # full-text query (``explorer.search``): passages it finds
    doc: str | None = None  # one article
    kinds: frozenset[str] = frozenset()  # PlaceKind values; empty = every kind
    types: frozenset[str] = TOPONYMS  # MentionType values
    date_from: str | None = None  # ISO date (YYYY-MM-DD), inclusive
    date_to: str | None = None  # ISO date, inclusive
    min_confidence: float = 0.0
    regions: frozenset[str] = frozenset()  # region place ids: their member countries
    outlets: frozenset[str] = frozenset()  # articles of these outlets only; empty = any
    formats: frozenset[str] = frozenset()  # articles of these formats (ArticleInfo.format)
    once: bool = False  # count each story once: of its wire copies, the first by file only
    languages: frozenset[str] = frozenset()  # articles in these languages (ArticleInfo.language)
    area: Area | None = None  # places inside this box or circle only (``explorer.areas``)

    @property
    def words(self) -> tuple[str, ...]:
        """The words the query looks for, folded as passages are (see ``fold_words``), each
        once, at most ``MAX_QUERY_WORDS`` of them (see ``tidy_query``)."""
        return parse(self.text).words

    @property
    def query(self) -> Query:
        """The search ``text`` parsed (``explorer.search``); false when there is none."""
        return parse(self.text)

    @property
    def dated(self) -> bool:
        return self.date_from is not None or self.date_to is not None

    @property
    def somewhere(self) -> bool:
        """The filter says where: some countries or regions."""
        return bool(self.countries or self.regions)

    def anywhere(self) -> Filter:
        """The same filter, without its countries and regions."""
        return replace(self, countries=frozenset(), regions=frozenset())

    def undated(self) -> Filter:
        """The same filter, without its date range (what a timeline shows)."""
        return replace(self, date_from=None, date_to=None)

    def keeps_article(self, outlet: str | None, fmt: str, language: str | None = None) -> bool:
        """An article of this outlet, format and language passes ``outlets``, ``formats`` and
        ``languages``."""
        return ((not self.outlets or outlet in self.outlets)
                and (not self.formats or fmt in self.formats)
                and (not self.languages or language in self.languages))

    def in_dates(self, published: str | None) -> bool:
        """An article published then (ISO 8601, None: undated) passes the date range."""
        if not self.dated:
            return True
        if published is None:
            return False
        day = published[:10]
        return ((self.date_from is None or day >= self.date_from)
                and (self.date_to is None or day <= self.date_to))

    def passes(self, m: Mention, members: frozenset[str] = frozenset(),
               holding: frozenset[str] = frozenset()) -> bool:
        """Whether mention ``m`` passes the filter's conditions on mentions and places;
        ``members``: the countries of ``self.regions`` (see ``region_members``); ``holding``:
        the regions holding one of ``self.countries`` (see ``regions_holding``)."""
        p = m.place
        if m.type not in self.types or m.confidence < self.min_confidence:
            return False
        if self.kinds and p.kind not in self.kinds:
            return False
        if self.area is not None and not self.area.contains(p.lat, p.lon):
            return False
        if self.somewhere:
            return (p.country in self.countries or p.country in members
                    or p.id in self.regions or p.id in holding)
        return True


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
    author: str | None = None  # what the document states (explorer.formats)
    url: str | None = None
    language: str | None = None
    format: str = "txt"

    @classmethod
    def of(cls, a: Article) -> ArticleInfo:
        return cls(a.doc, a.path, a.title, a.outlet, a.published, a.updated, a.encoding,
                   a.size, a.mtime_ns, a.sha256, a.author, a.url, a.language, a.format)


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
class MentionedWith:
    """A place sharing passages with another (``IndexReader.mentioned_with``)."""

    place: Place
    passages: int  # passages naming both, under the filter


def mentioned_with_order(m: MentionedWith) -> tuple[int, str, str]:
    return (-m.passages, m.place.name, m.place.id)


#: The mentions of one passage the window asks for at most (in text order): a passage naming
#: a place a million times is shown with its first ones and a count of the rest.
MENTIONS_PER_PASSAGE = 200


@dataclass(frozen=True, slots=True)
class PassageHit:
    """A passage and the mentions in it that passed the query (offsets into the article):
    the first ``MENTIONS_PER_PASSAGE``; ``more``: how many others passed."""

    article: ArticleInfo
    passage: Passage
    mentions: tuple[Mention, ...] = field(default=())
    more: int = 0


def facets(articles: Iterable[Article | ArticleInfo]) -> dict[str, list[tuple[str, int]]]:
    """Articles per outlet, per format and per language, most first (ties by name); no
    outlet left out (an article of no known language is in no language's count)."""
    outlets: dict[str, int] = {}
    formats: dict[str, int] = {}
    languages: dict[str, int] = {}
    for a in articles:
        if a.outlet:
            outlets[a.outlet] = outlets.get(a.outlet, 0) + 1
        formats[a.format] = formats.get(a.format, 0) + 1
        if a.language:
            languages[a.language] = languages.get(a.language, 0) + 1
    return {k: sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))
            for k, v in (("outlet", outlets), ("format", formats), ("language", languages))}


class IndexReader(Protocol):
    """The read side of an index; see the module docstring for what each query means."""

    def places(self, f: Filter = ...) -> list[PlaceSummary]: ...

    def place(self, place_id: str) -> PlaceSummary | None: ...

    def article_facets(self) -> dict[str, list[tuple[str, int]]]: ...

    def countries(self, f: Filter = ...) -> list[CountrySummary]: ...

    def count_passages(self, f: Filter, place_id: str | None = None) -> int: ...

    def passages(
        self, f: Filter, place_id: str | None = None, offset: int = 0, limit: int = 100,
        mentions: int | None = None,
    ) -> list[PassageHit]:
        """A page of the passages holding mentions passing ``f`` (of ``place_id``), in
        reading order; with ``mentions``, each passage's first that many (``more``: the
        rest, counted), a view's bound (the window's ``MENTIONS_PER_PASSAGE``); None: every
        one (an export)."""
        ...

    def mentioned_with(
        self, f: Filter, place_id: str, limit: int = 20
    ) -> list[MentionedWith]:
        """The places sharing passages with ``place_id`` under ``f``, most shared first."""
        ...

    def article(self, doc: str) -> Article | None: ...

    def mentions_in(self, doc: str) -> list[Mention]:
        """Every mention of article ``doc`` (toponyms and demonyms, no filter), in text order;
        [] for an unknown article."""
        ...

    def confidences(self) -> dict[str, float]:
        """Each place's confidence: the mean of its toponym mentions' confidence over the whole
        index (no filter; the places table's figure)."""
        ...
    def timeline(self, f: Filter, bucket: str = "day") -> list[tuple[date, int]]: ...

    def stats(self) -> dict[str, int]:
        """Counts: articles, passages, mentions (toponyms and demonyms), demonyms, places,
        copies (articles that are a second or later copy of a story, ``explorer.wire``: not
        the first by file), copy_mentions and copy_demonyms (theirs)."""
        ...

    def copies(self, doc: str) -> list[ArticleInfo]:
        """The other copies of article ``doc``'s story (``explorer.wire``), in reading
        order; [] when none was found."""
        ...


def region_members(regions: Iterable[Place]) -> frozenset[str]:
    """The member countries of some regions."""
    return frozenset(code for r in regions for code in r.members)


def regions_holding(countries: frozenset[str], regions: Iterable[Place]) -> frozenset[str]:
    """The ids of those ``regions`` that hold one of ``countries``."""
    if not countries:
        return frozenset()
    return frozenset(r.id for r in regions if r.kind == "region" and countries & set(r.members))


BUCKETS = ("day", "week")


def bucketed(days: Iterable[tuple[str, int]], bucket: str) -> list[tuple[date, int]]:
    """Counts per ISO day (``YYYY-MM-DD``, any order, repeats added) as counts per day or per
    week (dated by its Monday), in date order; days that are not dates are left out."""
    if bucket not in BUCKETS:
        raise ValueError(f"bucket must be one of {', '.join(BUCKETS)}: {bucket!r}")
    out: dict[date, int] = {}
    for day, n in days:
        try:
            d = date.fromisoformat(day[:10])
        except ValueError:
            continue
        if bucket == "week":
            d -= timedelta(days=d.weekday())
        out[d] = out.get(d, 0) + n
    return sorted(out.items())


#: Characters Python counts as letters (Unicode 14) that SQLite's ``unicode61`` tokenizer
#: splits words on, its tables being older (SQLite 3.40): 19 New Tai Lue vowel and tone
#: signs (U+19B0-U+19C0, U+19C8-U+19C9) and two Vedic signs (U+1CF2-U+1CF3), spacing marks
#: then, letters since.
#: ``fold_words`` splits on them too, so no query word is ever more than one full-text token
#: (a phrase, which a ``detail=none`` index refuses); ``tests/explorer/test_fts_words.py``
#: checks every letter and digit against the SQLite in use.
FTS_SEPARATORS = "\u19b0-\u19c0\u19c8\u19c9\u1cf2\u1cf3"
_TOKEN = re.compile(rf"[^\W_{FTS_SEPARATORS}]+")


def fold_words(text: str) -> list[str]:
    """The words of ``text`` folded for full-text search: the geoparser's Arabic folding
    (hamza seats, alif maqsura, ta marbuta, diacritics, tatweel, Persian forms), then case
    and Latin accents. Passages are stored, and queries asked, in this form."""
    folded = fold(text).casefold()
    if not unicodedata.is_normalized("NFKD", folded):  # Arabic, once folded, mostly is
        folded = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _TOKEN.findall(folded)


#: A longer text is folded in pieces: ``casefold`` and NFKD work in buffers of several bytes a
#: character, and a list of every word of a 5 MB paragraph is 40 MB.
_FOLD_PIECE = 1 << 16


def fold_words_text(text: str) -> str:
    """``" ".join(fold_words(text))``: a long text folded in pieces cut after a space (no word
    crosses one; folding, case and NFKD are local between spaces; the accents go from every
    piece when any piece is not in NFKD, as from the whole text)."""
    if len(text) <= _FOLD_PIECE:
        return " ".join(fold_words(text))
    cuts, at = [0], 0
    while at < len(text):
        cut = text.find(" ", at + _FOLD_PIECE)
        at = len(text) if cut < 0 else cut + 1
        cuts.append(at)
    pieces = list(pairwise(cuts))
    plain = all(unicodedata.is_normalized("NFKD", fold(text[a:b]).casefold()) for a, b in pieces)
    parts = []
    for a, b in pieces:
        folded = fold(text[a:b]).casefold()
        if not plain:
            folded = unicodedata.normalize("NFKD", folded)
            folded = "".join(c for c in folded if not unicodedata.combining(c))
        if words := " ".join(_TOKEN.findall(folded)):
            parts.append(words)
    return " ".join(parts)


__all__ = ["MAX_QUERY_WORDS", "tidy_query"]  # re-exported: the search box's bound


def order_key(a: ArticleInfo | Article) -> tuple[bool, str, str]:
    """Reading order of articles: by date, undated last, then by file."""
    return (a.published is None, a.published or "", a.doc)


def summary_order(s: PlaceSummary) -> tuple[int, str, str]:
    return (-s.count, s.place.name, s.place.id)


def country_order(c: CountrySummary) -> tuple[int, str, str]:
    return (-c.count, c.name, c.code)
