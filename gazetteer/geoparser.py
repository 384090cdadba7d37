"""The geoparser: text in, place mentions with offsets into that text and resolved places out."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from gazetteer.context import Vocabulary, cue, rejection, vocabulary
from gazetteer.matcher import Matcher, RawMatch
from gazetteer.model import Candidate, Mention, Place
from gazetteer.names import DEMONYM, TOPONYM
from gazetteer.resolver import Context, confidence, rank
from gazetteer.store import Gazetteer

#: How far (characters) another place may stand and still count as "named nearby".
NEARBY_CHARS = 400
#: A short name of a small town needs a cue: below this population...
WEAK_POPULATION = 100_000
#: ... and at most this many letters.
WEAK_LETTERS = 3


@dataclass(frozen=True, slots=True)
class Rejected:
    """A name the geoparser saw and set aside, with the reason (for the explain view)."""

    start: int
    end: int
    text: str
    reason: str


@dataclass
class _Found:
    raw: RawMatch
    places: list[Place]
    type: str
    cue: str | None = None
    weak: bool = False  # see ``_weak``


class Geoparser:
    """Finds and resolves place names. Thread-compatible: ``parse`` keeps no state."""

    def __init__(self, gazetteer: Gazetteer, voc: Vocabulary | None = None) -> None:
        self.gaz = gazetteer
        self.voc = voc or vocabulary()
        self.matcher = Matcher(gazetteer)
        # Name (key) → its kind, candidate places and weakness: all follow from the key alone.
        self._names: dict[tuple[str, ...], tuple[str, list[Place], bool]] = {}

    def _name(self, m: RawMatch) -> tuple[str, list[Place], bool]:
        places = self.gaz.places
        topo = [places[i] for i, t in m.entries if t == TOPONYM]
        kind = TOPONYM if topo else DEMONYM
        cands = topo or _demonym_places([places[i] for i, t in m.entries if t == DEMONYM])
        name = (kind, cands, _weak(_Found(m, cands, kind), self.gaz.latin_words))
        self._names[m.key] = name
        return name

    def parse(self, text: str, spans: Sequence[tuple[int, int]] | None = None) -> list[Mention]:
        """Mentions in ``text`` (only inside ``spans`` when given), in text order."""
        return self.analyse(text, spans)[0]

    def analyse(
        self, text: str, spans: Sequence[tuple[int, int]] | None = None
    ) -> tuple[list[Mention], list[Rejected]]:
        """Mentions and the names set aside, each with its reason."""
        _, toks, raws = self.matcher.find(text, spans)
        rejected: list[Rejected] = []
        found: list[_Found] = []
        persons: set[tuple[str, ...]] = set()

        def reject(m: RawMatch, why: str) -> None:
            rejected.append(Rejected(m.start, m.end, text[m.start:m.end], why))

        names = self._names
        for m in raws:
            name = names.get(m.key)
            if name is None:
                name = self._name(m)
            kind, cands, is_weak = name
            why = rejection(m, toks, self.voc, toponym=kind == TOPONYM)
            if why:
                if why.startswith(("a surname", "a person")):
                    persons.add(m.key)
                reject(m, why)
                continue
            found.append(_Found(m, cands, kind, cue(m, toks, self.voc), is_weak))

        # One sense per document for people: a surname seen after a title stays a person.
        kept: list[_Found] = []
        for f in found:
            if f.type == TOPONYM and f.raw.key in persons and f.cue is None:
                reject(f.raw, "named as a person elsewhere in the document")
            else:
                kept.append(f)

        latin = self.gaz.latin_words
        sure = [f for f in kept if f.type == TOPONYM and len(f.places) == 1 and not f.weak]
        doc_countries = frozenset(f.places[0].country for f in sure if f.places[0].country)
        doc_countries |= frozenset(
            f.places[0].country for f in kept if f.type == DEMONYM and f.places[0].country
        )

        # A name that is also a common word needs a cue, or a place of its country named close
        # by: a country named anywhere in the document is not enough for الخبر "the news".
        sure_ids = {id(f) for f in sure}
        anchors = [
            (f.raw.start, f.places[0].country)
            for f in kept
            if (id(f) in sure_ids or f.type == DEMONYM) and f.places[0].country
        ]
        accepted: list[_Found] = []
        for f in kept:
            if f.type == TOPONYM and f.weak and f.cue is None:
                near = {c for at, c in anchors if abs(at - f.raw.start) <= NEARBY_CHARS}
                # An English word (Union, Reading) in English text needs its cue, whatever else
                # the text names.
                if _latin_word(f, latin) or not any(p.country in near for p in f.places):
                    reject(f.raw, _weak_reason(f))
                    continue
            accepted.append(f)

        mentions = self._resolve(text, accepted, sure, doc_countries)
        mentions.sort(key=lambda x: x.start)
        rejected.sort(key=lambda r: r.start)
        return mentions, rejected

    def _resolve(
        self,
        text: str,
        accepted: list[_Found],
        sure: list[_Found],
        doc_countries: frozenset[str],
    ) -> list[Mention]:
        # Occurrences with a cue are resolved on their own; the rest share one sense per name.
        groups: dict[object, list[_Found]] = defaultdict(list)
        for f in accepted:
            groups[(f.raw.key, f.type) if f.cue is None else id(f)].append(f)
        out: list[Mention] = []
        sure_starts = [s.raw.start for s in sure]  # in text order
        for occurrences in groups.values():
            first = occurrences[0]
            if len(first.places) == 1:
                # The one place wins whatever the context says: no scores, no runner-ups.
                place = first.places[0]
                conf = 1.0
                reason = "the only place with this name"
                alternatives: tuple[Candidate, ...] = ()
            else:
                contexts = []
                for f in occurrences:
                    at = f.raw.start
                    lo = bisect_left(sure_starts, at - NEARBY_CHARS)
                    hi = bisect_right(sure_starts, at + NEARBY_CHARS, lo)
                    nearby = tuple(s.places[0] for s in sure[lo:hi] if s is not f)
                    contexts.append(Context(f.cue, doc_countries, nearby))
                ranked = rank(first.places, contexts)
                place = ranked[0].place
                conf = confidence(ranked)
                reason = "; ".join(ranked[0].reasons) or "highest prior"
                alternatives = tuple(ranked[1:4])
            for f in occurrences:
                start, end = f.raw.start, f.raw.end
                out.append(
                    Mention(
                        start=start,
                        end=end,
                        text=text[start:end],
                        type=f.type,
                        place=place,
                        confidence=conf,
                        reason=reason if f.type == TOPONYM else f"an adjective of {place.name}",
                        alternatives=alternatives,
                    )
                )
        return out


def _demonym_places(places: list[Place]) -> list[Place]:
    countries = [p for p in places if p.kind == "country"]
    return countries or places


def _weak(f: _Found, latin_words: frozenset[str] = frozenset()) -> bool:
    """A name that is also a common word, or a very short name of a small town."""
    if all(p.common_word for p in f.places):
        return True
    if _latin_word(f, latin_words):
        return True
    letters = sum(len(w) for w in f.raw.key)
    return letters <= WEAK_LETTERS and all(
        p.kind == "city" and not p.capital and p.population < WEAK_POPULATION for p in f.places
    )


def _latin_word(f: _Found, latin_words: frozenset[str]) -> bool:
    """A one-word Latin name of towns that is an everyday English word (Reading, Split)."""
    return (
        len(f.raw.key) == 1
        and f.raw.key[0] in latin_words
        and all(p.kind == "city" and not p.capital for p in f.places)
    )


def _weak_reason(f: _Found) -> str:
    if f.raw.key[0].isascii() and not all(p.common_word for p in f.places):
        return "an everyday English word, with no place cue"
    if all(p.common_word for p in f.places):
        return "also a common word, with no place cue and no place of its country named nearby"
    return "a short name of a small town, with no place cue and no place of its country nearby"

