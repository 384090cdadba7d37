"""The corpus index: which places each article mentions, and the passages behind every marker.

Non-Qt. The Qt models and the map document are thin views over a ``CorpusIndex``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from explorer.article import Article, Corpus, Passage
from gazetteer.model import Mention, Place


@dataclass(frozen=True, slots=True)
class PlaceSummary:
    place: Place
    count: int  # toponym mentions in the corpus
    articles: int  # articles that mention it


@dataclass(frozen=True, slots=True)
class CountrySummary:
    code: str  # ISO 3166-1 alpha-2
    name: str
    name_ar: str
    count: int  # toponym mentions of places in this country


@dataclass(frozen=True, slots=True)
class PassageHit:
    """A passage and the mentions in it that matched the query (offsets into ``article.text``)."""

    article: Article
    passage: Passage
    mentions: tuple[Mention, ...]


class CorpusIndex:
    """Mentions of a corpus, grouped by place, article and passage."""

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
                if m.type != "toponym":
                    continue
                self._places[m.place.id] = m.place
                counts[m.place.id] += 1
                docs[m.place.id].add(doc)
        self._summaries = {
            pid: PlaceSummary(self._places[pid], counts[pid], len(docs[pid])) for pid in counts
        }

    # -- places -------------------------------------------------------------------------------

    def places(self) -> list[PlaceSummary]:
        """Every place mentioned as a toponym, most mentioned first."""
        return sorted(self._summaries.values(), key=lambda s: (-s.count, s.place.name))

    def place(self, place_id: str) -> PlaceSummary | None:
        return self._summaries.get(place_id)

    def countries(self) -> list[CountrySummary]:
        """Countries of the mentioned places, with mention counts, most mentioned first."""
        counts: Counter[str] = Counter()
        for s in self._summaries.values():
            if s.place.country:
                counts[s.place.country] += s.count
        out = []
        for code, n in counts.items():
            c = self._countries.get(code)
            out.append(CountrySummary(code, c.name if c else code, c.name_ar if c else code, n))
        return sorted(out, key=lambda c: (-c.count, c.name))

    def places_in(self, countries: Collection[str] | None) -> list[PlaceSummary]:
        """The places whose country is one of ``countries`` (all places for None)."""
        if countries is None:
            return self.places()
        wanted = set(countries)
        return [s for s in self.places() if s.place.country in wanted]

    # -- passages -----------------------------------------------------------------------------

    def passages(
        self,
        place_ids: Collection[str] | None = None,
        countries: Collection[str] | None = None,
    ) -> list[PassageHit]:
        """Passages that mention a place among ``place_ids`` and in ``countries``.

        ``None`` means no restriction on that axis. Order: article order, then text order.
        """
        ids = set(place_ids) if place_ids is not None else None
        codes = set(countries) if countries is not None else None

        def wanted(m: Mention) -> bool:
            if m.type != "toponym":
                return False
            if ids is not None and m.place.id not in ids:
                return False
            return codes is None or m.place.country in codes

        hits: list[PassageHit] = []
        for article in self.articles:
            found = [m for m in self.mentions[article.doc] if wanted(m)]
            if not found:
                continue
            hits.extend(_group_by_passage(article, found))
        return hits


def _group_by_passage(article: Article, found: Iterable[Mention]) -> list[PassageHit]:
    by_passage: dict[int, list[Mention]] = defaultdict(list)
    passages = article.passages
    for m in found:
        for i, p in enumerate(passages):
            if p.start <= m.start and m.end <= p.end:
                by_passage[i].append(m)
                break
    return [PassageHit(article, passages[i], tuple(ms)) for i, ms in sorted(by_passage.items())]
