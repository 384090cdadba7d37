"""The corpus index: which places each article mentions, and the passages behind every marker.

Non-Qt. The Qt models and the map document are thin views over a ``CorpusIndex``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from itertools import islice

from explorer.article import Article, Corpus
from explorer.query import (
    ArticleInfo,
    CountrySummary,
    Filter,
    MentionedWith,
    PassageHit,
    PlaceSummary,
    bucketed,
    country_order,
    facets,
    fold_words,
    mentioned_with_order,
    order_key,
    region_members,
    regions_holding,
    summary_order,
)
from explorer.search import Query
from gazetteer.model import Mention, Place

ALL = Filter()


class CorpusIndex:
    """Mentions of a corpus held in memory, grouped by place, article and passage: an
    ``IndexReader`` (``explorer.query``) for small corpora and tests."""

    def __init__(
        self,
        corpus: Corpus,
        mentions: Mapping[str, Sequence[Mention]],
        countries: Mapping[str, Place] | None = None,
    ) -> None:
        self.corpus = corpus
        self.articles: list[Article] = list(corpus.articles)
        self._countries = dict(countries or {})
        self.mentions: dict[str, list[Mention]] = {
            a.doc: sorted(mentions.get(a.doc, ()), key=lambda m: m.start) for a in self.articles
        }
        self._places: dict[str, Place] = {}
        counts: Counter[str] = Counter()
        docs: defaultdict[str, set[str]] = defaultdict(set)
        for doc, found in self.mentions.items():
            for m in found:
                self._places[m.place.id] = m.place
                if m.type != "toponym":
                    continue
                counts[m.place.id] += 1
                docs[m.place.id].add(doc)
        self._summaries = {
            pid: PlaceSummary(self._places[pid], counts[pid], len(docs[pid])) for pid in counts
        }
        self._ordered = sorted(self.articles, key=order_key)
        self._by_doc = {a.doc: a for a in self.articles}
        self._infos = {a.doc: ArticleInfo.of(a) for a in self.articles}
        self._wire: dict[str, tuple[str, ...]] | None = None  # made when first asked

    def _groups(self) -> dict[str, tuple[str, ...]]:
        """Each article in a group of copies: its group's docs (``explorer.wire``)."""
        if self._wire is None:
            from explorer.wire import WireGroups, sketch_text

            made = WireGroups()
            for a in self.articles:
                made.add(a.doc, sketch_text(p.text for p in a.passages))
            self._wire = made.groups()
        return self._wire

    def _firsts(self, f: Filter) -> set[str] | None:
        """With ``f.once``: the articles counted, each story's first copy (by file) among
        those passing ``f``'s dates, outlets and formats; None: every article."""
        if not f.once or f.doc is not None:
            return None
        groups = self._groups()

        def kept(a: Article) -> bool:
            return f.in_dates(a.published) and f.keeps_article(a.outlet, a.format)

        out = set()
        for a in self.articles:
            group = groups.get(a.doc)
            first = group is None or (
                kept(a) and a.doc == min(d for d in group if kept(self._by_doc[d])))
            if first:
                out.add(a.doc)
        return out

    def copies(self, doc: str) -> list[ArticleInfo]:
        group = self._groups().get(doc, ())
        return sorted((self._infos[d] for d in group if d != doc), key=order_key)

    # -- IndexReader -------------------------------------------------------------------------

    def _passing(self, f: Filter) -> Iterator[tuple[Article, list[Mention]]]:
        """Articles in reading order with their mentions that pass ``f``."""
        query = f.query
        members = region_members(self._places[r] for r in f.regions if r in self._places)
        holding = regions_holding(f.countries, self._places.values())
        firsts = self._firsts(f)
        for article in self._ordered:
            if firsts is not None and article.doc not in firsts:
                continue
            if (f.doc is not None and article.doc != f.doc) or not f.in_dates(article.published):
                continue
            if not f.keeps_article(article.outlet, article.format, article.language):
                continue
            found = [m for m in self.mentions[article.doc] if f.passes(m, members, holding)]
            if query and found:
                ok = self._matching_spans(article, query)
                found = [m for m in found if any(s <= m.start and m.end <= e for s, e in ok)]
            if found:
                yield article, found

    @staticmethod
    def _matching_spans(article: Article, query: Query) -> list[tuple[int, int]]:
        return [(p.start, p.end) for p in article.passages if query.matches(fold_words(p.text))]

    def places(self, f: Filter = ALL) -> list[PlaceSummary]:
        """Places of the mentions passing ``f``, most mentioned first."""
        if f == ALL:
            return sorted(self._summaries.values(), key=summary_order)
        counts: Counter[str] = Counter()
        docs: defaultdict[str, set[str]] = defaultdict(set)
        for article, found in self._passing(f):
            for m in found:
                counts[m.place.id] += 1
                docs[m.place.id].add(article.doc)
        out = [PlaceSummary(self._places[pid], n, len(docs[pid])) for pid, n in counts.items()]
        return sorted(out, key=summary_order)

    def place(self, place_id: str) -> PlaceSummary | None:
        return self._summaries.get(place_id)

    def countries(self, f: Filter = ALL) -> list[CountrySummary]:
        """Countries of the mentions passing ``f`` (its countries ignored), most mentioned first."""
        counts: Counter[str] = Counter()
        for s in self.places(f.anywhere()):
            if s.place.country:
                counts[s.place.country] += s.count
        out = []
        for code, n in counts.items():
            c = self._countries.get(code)
            out.append(CountrySummary(code, c.name if c else code, c.name_ar if c else code, n))
        return sorted(out, key=country_order)

    def _hits(self, f: Filter, place_id: str | None) -> Iterator[PassageHit]:
        for article, found in self._passing(f):
            if place_id is not None:
                found = [m for m in found if m.place.id == place_id]
            if found:
                yield from _group_by_passage(self._infos[article.doc], article, found)

    def count_passages(self, f: Filter, place_id: str | None = None) -> int:
        return sum(1 for _ in self._hits(f, place_id))

    def passages(
        self, f: Filter, place_id: str | None = None, offset: int = 0, limit: int = 100,
        mentions: int | None = None,
    ) -> list[PassageHit]:
        """A page of the passages holding mentions passing ``f`` (of ``place_id``)."""
        page = list(islice(self._hits(f, place_id), offset, offset + limit))
        if mentions is None:
            return page
        return [PassageHit(h.article, h.passage, h.mentions[:mentions],
                           max(0, len(h.mentions) - mentions)) for h in page]

    def mentioned_with(
        self, f: Filter, place_id: str, limit: int = 20
    ) -> list[MentionedWith]:
        """The places sharing passages with ``place_id`` under ``f`` (``explorer.query``)."""
        shared: Counter[str] = Counter()
        for hit in self._hits(f, None):
            ids = {m.place.id for m in hit.mentions}
            if place_id in ids:
                shared.update(ids - {place_id})
        out = [MentionedWith(self._places[pid], n) for pid, n in shared.items()]
        return sorted(out, key=mentioned_with_order)[:max(0, limit)]

    def article(self, doc: str) -> Article | None:
        return self._by_doc.get(doc)

    def confidences(self) -> dict[str, float]:
        sums: defaultdict[str, list[float]] = defaultdict(list)
        for found in self.mentions.values():
            for m in found:
                if m.type == "toponym":
                    sums[m.place.id].append(m.confidence)
        return {pid: sum(cs) / len(cs) for pid, cs in sums.items()}

    def mentions_in(self, doc: str) -> list[Mention]:
        return list(self.mentions.get(doc, ()))
    def timeline(self, f: Filter, bucket: str = "day") -> list[tuple[date, int]]:
        """Passing mentions of dated articles per day or week (``explorer.query``)."""
        return bucketed(((a.published, len(found)) for a, found in self._passing(f)
                         if a.published is not None), bucket)

    def article_facets(self) -> dict[str, list[tuple[str, int]]]:
        """Articles per outlet, format and language (the filter chips' choices), most first."""
        return facets(self.articles)

    def stats(self) -> dict[str, int]:
        return {
            "articles": len(self.articles),
            "passages": sum(len(a.passages) for a in self.articles),
            "mentions": sum(len(ms) for ms in self.mentions.values()),
            "demonyms": sum(m.type == "demonym" for ms in self.mentions.values() for m in ms),
            "places": len(self._summaries),
            **self._copies_totals(),
        }

    def _copies_totals(self) -> dict[str, int]:
        """Articles that are a second or later copy of a story, their mentions, demonyms."""
        copies = [d for d, group in self._groups().items() if d != group[0]]
        found = [m for d in copies for m in self.mentions.get(d, ())]
        return {"copies": len(copies), "copy_mentions": len(found),
                "copy_demonyms": sum(m.type == "demonym" for m in found)}


def _group_by_passage(
    info: ArticleInfo, article: Article, found: Iterable[Mention]
) -> list[PassageHit]:
    by_passage: dict[int, list[Mention]] = defaultdict(list)
    passages = article.passages
    for m in found:
        for i, p in enumerate(passages):
            if p.start <= m.start and m.end <= p.end:
                by_passage[i].append(m)
                break
    return [PassageHit(info, passages[i], tuple(ms)) for i, ms in sorted(by_passage.items())]


__all__ = ["CorpusIndex", "CountrySummary", "PassageHit", "PlaceSummary"]
