"""The geoparser: text in, place mentions with offsets into that text and resolved places out."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, pairwise

from gazetteer.context import (
    AREAS,
    Site,
    Vocabulary,
    cue,
    cue_kinds,
    lexicon_names,
    roles,
    word_names,
)
from gazetteer.lang import codes as language_codes
from gazetteer.lang import get as get_language
from gazetteer.lang.base import Here, Language, first_verdict
from gazetteer.matcher import Matcher, RawMatch, Tokens, common_words
from gazetteer.model import Candidate, Mention, MentionType, Place, PlaceKind, Rejection, Verdict
from gazetteer.names import DEMONYM, TOPONYM
from gazetteer.normalize import Normalized, fold, words
from gazetteer.reasons import Reason
from gazetteer.reasons import ReasonCode as R
from gazetteer.resolver import (
    STATE_SHARE,
    Context,
    Cue,
    confidence,
    countries_named,
    dominant_state,
    dominant_town,
    inside,
    rank,
)
from gazetteer.store import Gazetteer
from gazetteer.world_rules import (
    POLICE_WORDS,
    ListRuns,
    division_namesakes,
    division_of_settlements,
    kind_switch,
    list_gap_at,
    list_kinds,
    neighbour_kind,
    placed_beside,
    region_idiom,
    region_in_named_country,
    settlements_of,
    sole_country,
    word_region,
)

#: How far (characters) another place may stand and still count as "named nearby".
NEARBY_CHARS = 400
#: A text longer than this (characters) is read window by window by ``Geoparser.stream``.
STREAM_CHARS = 250_000
#: The characters of text each window of ``stream`` decides (cut after a line's end, else at a
#: space)...
WINDOW_CHARS = 32_000
#: ... and the characters of context it reads on either side: ten times the farthest any rule
#: looks (``NEARBY_CHARS``), so what a name's neighbours are is read as in the whole text.
WINDOW_MARGIN = 4_000
#: A short name of a small town needs a cue: below this population...
WEAK_POPULATION = 100_000
#: ... and at most this many letters.
WEAK_LETTERS = 3
#: A town abroad below this size, named with no cue, needs another place of its country in
#: the text...
LONE_TOWN_POPULATION = 150_000
#: ... abroad: outside the Arab world and its neighbours, whose local news names its towns and
#: villages without their country (the region of ``scripts/world_data.py``, whose towns the
#: gazetteer holds down to villages).
HOME_REGION = frozenset({
    "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA",
    "SA", "SO", "SD", "SY", "TN", "AE", "YE", "EH", "IR", "TR", "IL", "AF", "PK", "KZ", "KG",
    "TJ", "TM", "UZ", "AM", "AZ", "GE", "ML", "NE", "TD", "BF", "NG", "ET", "ER", "SS",
})
#: Words of a division's Latin name besides the name it shares with its town.
_DIVISION_WORDS = re.compile(
    r"\b(?:province|prefecture|governorate|state|region|district|county|municipality|"
    r"wilaya|muhafazat|provincia|province de|prefecture de)\b", re.IGNORECASE)
#: How far (characters) a place of its country may stand from a spelling made from a Latin
#: name and still support it.
MADE_NEAR_CHARS = 80
#: Kinds of places a press spelling of the name may mean over a town or feature of that name.
_PROMINENT = frozenset({PlaceKind.COUNTRY, PlaceKind.ADMIN1, PlaceKind.REGION})
#: Endings of a nisba adjective (folded), longest first: «العكارية» is the adjective of عكار.
_NISBA = ("يين", "يون", "يات", "يه", "ي")
#: Words that may stand between a name and the direction word that places it («في شمال»).
_LINKS = frozenset({"في", "ب"})
#: What may separate a name from the words that place it: spaces, a comma, brackets, a dash.
_PLACING_SEP = " \t،,()-–"
#: A word right after a name that calls it the capital city: «الجزائر العاصمة», «تونس العاصمة».
_CAPITAL_AFTER = frozenset({fold("العاصمة"), fold("العاصمه")})


@dataclass(frozen=True, slots=True)
class Rejected:
    """A name the geoparser saw and set aside, with the rule that did (for the explain view)."""

    start: int
    end: int
    text: str
    why: Rejection
    detail: Reason | None = None  # the words of the text that decided (typed)

    @property
    def reason(self) -> str:
        return f"{self.why}: {self.detail.text}" if self.detail else str(self.why)


def _seat_named(area: Place, places: Sequence[Place]) -> bool:
    """A second-level division named after its seat, a town among the same name's places
    (Trapani, the province and the town): a person's name first, as the town is."""
    return area.kind == PlaceKind.ADMIN2 and any(
        p.kind == PlaceKind.CITY and p.name == area.name and p.country == area.country
        for p in places
    )


#: How many other ambiguous county names of a document must share a state for it to count as
#: the document's.
COUNTY_VOTES = 2


@dataclass(slots=True)
class _Found:
    raw: RawMatch
    places: list[Place]
    type: MentionType
    cue: Cue | None = None
    weak: bool = False  # see ``_weak``
    within: tuple[Place, str] | None = None  # a country or division the text places it in
    why: Reason | None = None  # a recognition rule that let it in

    @property
    def sure(self) -> Place | None:
        """The place meant whatever the context: the only one, or the one country (with no
        cue for another kind)."""
        if len(self.places) == 1:
            return self.places[0]
        if self.cue is None:
            countries = [p for p in self.places if p.kind == PlaceKind.COUNTRY]
            if len(countries) == 1:
                return countries[0]
        return None

    @property
    def main(self) -> Place:
        """The sure place, else the first candidate (demonyms: their country)."""
        return self.sure or self.places[0]


class Geoparser:
    """Finds and resolves place names. Thread-compatible: ``parse`` keeps no state."""

    def __init__(
        self, gazetteer: Gazetteer, voc: Vocabulary | None = None, language: Language | None = None
    ) -> None:
        self.gaz = gazetteer
        self.language = language or get_language("ar")
        self.voc = voc or self.language.vocabulary()
        self.matcher = Matcher(gazetteer, self.language.proclitics)
        #: Towns named like everyday English words (Reading, Nice) need a cue, except in the
        #: language's own countries when its text is not English (Nice in French text).
        self._home: frozenset[str] = getattr(self.language, "home_countries", frozenset())
        # Name (key) → its kind, candidate places and weakness: all follow from the key alone.
        self._names: dict[tuple[str, ...], tuple[MentionType, list[Place], bool]] = {}
        self._adjectives: dict[str, tuple[Place, ...]] = {}
        self._divisions: dict[str, list[Place]] | None = None
        self._seats: dict[tuple[str, str], Place] | None = None
        self._siblings: dict[str, Geoparser] = {}

    def latin_words(self, places: Sequence[Place]) -> frozenset[str]:
        """The everyday English words that make a town's name weak, for ``places``: none
        when one of them is in the language's ``home_countries``."""
        if self._home and any(p.country in self._home for p in places):
            return frozenset()
        return self.gaz.latin_words

    def for_language(self, code: str | None) -> Geoparser:
        """The geoparser reading an article in ``code`` (its stored or detected language) over
        the same gazetteer: this one for its own language, for no language, or for a language
        with no rules of its own (so Arabic by default)."""
        if not code or code == self.language.code or code not in language_codes():
            return self
        sibling = self._siblings.get(code)
        if sibling is None:
            sibling = self._siblings[code] = Geoparser(self.gaz, language=get_language(code))
        return sibling

    def adjective_places(self, word: str) -> tuple[Place, ...]:
        """The places a folded nisba adjective refers to: a demonym of the gazetteer, or the
        adjective of a one-word name («العكارية» → عكار, «التطواني» → تطوان)."""
        found = self._adjectives.get(word)
        if found is None:
            places, index = self.gaz.places, self.gaz.index
            found = tuple(places[i] for i, t in index.get((word,), ()) if t == DEMONYM)
            bare = word[2:] if word.startswith("ال") else word
            if not found and len(bare) >= 4:
                for end in _NISBA:
                    if bare.endswith(end) and len(bare) - len(end) >= 3:
                        stem = bare[: -len(end)]
                        found = tuple(
                            places[i]
                            for key in ((stem,), ("ال" + stem,))
                            for i, t in index.get(key, ())
                            if t == TOPONYM
                            and (places[i].kind != PlaceKind.CITY
                                 or places[i].population >= WEAK_POPULATION)
                        )
                        break
            if len(self._adjectives) < 100_000:
                self._adjectives[word] = found
        return found

    def _town_adjective(self, word: str) -> bool:
        return any(p.kind != PlaceKind.COUNTRY for p in self.adjective_places(word))

    def _match_at(
        self, raws: Sequence[RawMatch],
    ) -> Callable[[int], tuple[int, Sequence[Place]] | None]:
        """``Site.match_at`` of these matches (sorted by start)."""
        places, firsts = self.gaz.places, [r.first for r in raws]

        def match_at(i: int) -> tuple[int, Sequence[Place]] | None:
            k = bisect_right(firsts, i) - 1
            if k < 0 or raws[k].last <= i:
                return None
            r = raws[k]
            return r.first, [places[j] for j, t in r.entries if t == TOPONYM]

        return match_at

    def _name(self, m: RawMatch) -> tuple[MentionType, list[Place], bool]:
        places = self.gaz.places
        topo = [places[i] for i, t in m.entries if t == TOPONYM]
        if topo and len(m.key) == 1 and not any(p.kind in _PROMINENT for p in topo):
            # «جرينلاند»: a small town's or an island's name, and a country's written
            # otherwise: the country is a candidate too.
            known = {p.id for p in topo}
            topo += [q for i in self.matcher.prominent_namesakes(m.key[0])
                     if (q := places[i]).id not in known]
        kind = MentionType.TOPONYM if topo else MentionType.DEMONYM
        cands = topo or _demonym_places([places[i] for i, t in m.entries if t == DEMONYM])
        name = (kind, cands, _weak(_Found(m, cands, kind), self.latin_words(cands))
                or _arabic_word(m.key, cands) or self.matcher.made(m.key)
                or self.matcher.short(m.key))
        self._names[m.key] = name
        return name

    def parse(self, text: str, spans: Sequence[tuple[int, int]] | None = None) -> list[Mention]:
        """Mentions in ``text`` (only inside ``spans`` when given), in text order."""
        return self.analyse(text, spans)[0]

    def analyse(
        self, text: str, spans: Sequence[tuple[int, int]] | None = None
    ) -> tuple[list[Mention], list[Rejected]]:
        """Mentions and the names set aside, each with its reason: the matches screened one by
        one (the language's rejection rules), one sense per document, the document rules
        (``DOCUMENT_RULES``), then the acceptance rules (``ACCEPTANCE_RULES``) and resolution."""
        doc, kept, sure = self._read(text, spans)
        accepted = self._accept(kept, _Anchors.of(kept, {id(f) for f in sure}), doc)
        kept_ids = {id(f) for f in accepted}
        mentions = self._resolve(text, accepted, [f for f in sure if id(f) in kept_ids])
        mentions = list_kinds(mentions, text, {f.raw.start for f in accepted if f.cue is not None})
        doc.rejected.sort(key=lambda r: r.start)
        return mentions, doc.rejected

    def _with_written(
        self, text: str, spans: Sequence[tuple[int, int]] | None, norm: Normalized,
        toks: Tokens, raws: list[RawMatch],
    ) -> list[RawMatch]:
        """``raws`` and the names the language finds written otherwise than the gazetteer has
        them ("U.S.", "Okla.", a dateline's "CHARLESTON"), which replace the matches they
        overlap. Arabic has none: its matches are left as they are."""
        found = list(self.language.written_names(text))
        spelled = getattr(self.language, "variant_matches", None)  # French spellings
        variant = [] if spelled is None else [
            v for v in spelled(self.gaz, text, norm, toks, raws)
            if spans is None or any(a <= v.start and v.end <= b for a, b in spans)]
        if not found and not variant:
            return raws
        starts, places, index = toks.bounds[0::2], self.gaz.places, self.gaz.index
        extra: list[RawMatch] = []
        for start, end, name, country in sorted(found, key=lambda w: (w[0], -w[1])):
            if spans is not None and not any(a <= start and end <= b for a, b in spans):
                continue
            if extra and start < extra[-1].end:
                continue
            key = tuple(words(name))
            entries = tuple((i, t) for i, t in index.get(key, ())
                            if t == TOPONYM and (country is None or places[i].country == country))
            first = bisect_left(starts, bisect_left(norm.origin, start))
            last = bisect_left(starts, bisect_left(norm.origin, end))
            if entries and first < last:
                # A country's abbreviation keeps a key of its own: its candidates are not the
                # name's (Ga. is the state, Georgia also the country).
                own = key if country is None else (text[start:end],)
                extra.append(RawMatch(start, end, first, last, own, entries, ""))
        extra += [v for v in variant
                  if not any(v.start < e.end and e.start < v.end for e in extra)]
        if not extra:
            return raws
        kept = [r for r in raws if not any(r.start < e.end and e.start < r.end for e in extra)]
        return sorted(kept + extra, key=lambda r: r.start)

    def _in_the_area_after(self, text: str, toks: Tokens, raws: list[RawMatch]) -> list[RawMatch]:
        """"Paris, Texas", "Richmond, Va.", "Tripoli, Libya": a name followed by a comma and a
        state or a country keeps only its places inside that area (when it has some); the
        match gets a key of its own, so that the name elsewhere keeps all its places."""
        places = self.gaz.places
        out = list(raws)
        for k, (first, second) in enumerate(pairwise(raws)):
            if text[first.end:second.start] not in (", ", ",\u00a0") or second.first != first.last:
                continue
            areas = [places[i] for i, t in second.entries if t == TOPONYM
                     and places[i].kind in (PlaceKind.COUNTRY, PlaceKind.ADMIN1)]
            inside_area = tuple(
                (i, t) for i, t in first.entries
                if t == TOPONYM and places[i].kind not in (PlaceKind.COUNTRY, PlaceKind.ADMIN1)
                and any(places[i].country == a.country
                        and (a.kind == PlaceKind.COUNTRY or places[i].admin1 == a.admin1)
                        for a in areas))
            if inside_area and len(inside_area) < len(first.entries):
                area = areas[0].admin1 or areas[0].country or ""
                out[k] = first._replace(key=(*first.key, f"@{area}"), entries=inside_area)
        return out

    def _read(
        self, text: str, spans: Sequence[tuple[int, int]] | None,
        whole: tuple[set[tuple[tuple[str, ...], str]], set[tuple[str, ...]], dict[str, str]]
        | None = None,
    ) -> tuple[_Document, list[_Found], list[_Found]]:
        """The text read up to the acceptance rules: its document, the names kept and the sure
        ones. ``whole``: the people, clubs and plural heads of the whole document, when
        ``text`` is one window of it."""
        norm, toks, raws = self.matcher.find(text, spans)
        raws = self._with_written(text, spans, norm, toks, raws)
        if self.language.city_then_area:
            raws = self._in_the_area_after(text, toks, raws)
        doc = _Document(text, norm, toks,
                        Site(toks, norm, self._town_adjective, self._match_at(raws)))
        found = self._screen(raws, doc)
        if whole is not None:
            doc.persons, doc.clubs, doc.heads = whole
        kept = self._one_sense(found, doc)
        for rule in DOCUMENT_RULES:
            rule(self, kept, doc)
        sure = [
            f for f in kept
            if f.type == TOPONYM and f.sure is not None and (not f.weak or f.why)
        ]
        return doc, kept, sure

    def _screen(self, raws: Sequence[RawMatch], doc: _Document) -> list[_Found]:
        """Each match where it stands: rejected by the first of the language's rules that
        rejects it, else found (with its cue, and weak if it may be a word)."""
        names, rules, voc, site = self._names, self.language.rejection_rules, self.voc, doc.site
        found: list[_Found] = []
        for m in raws:
            name = names.get(m.key)
            if name is None:
                name = self._name(m)
            kind, cands, is_weak = name
            verdict = first_verdict(Here(m, site, voc, cands, kind == TOPONYM), rules)
            if verdict:
                if doc.core is None or doc.core[0] <= m.start < doc.core[1]:
                    if verdict.why.person:
                        doc.persons.add((m.key, m.proclitic.lstrip("وف")))
                    if verdict.why.club:
                        doc.clubs.add(m.key)
                doc.reject(m, verdict)
                continue
            # A small town read off a proclitic («بايدن» = ب + إيدن?) is as uncertain as a
            # common word: a word the lexicon lacks (a foreign name) reads the same way.
            weak = is_weak or (bool(m.proclitic) and _small_towns(cands))
            found.append(_Found(m, cands, kind, cue(m, doc.toks, voc), weak))
        return found

    def _one_sense(self, found: list[_Found], doc: _Document) -> list[_Found]:
        """One sense per document for people: a surname seen after a title stays a person (a
        country's name is not a person's: «أمام إيران» is no reason to drop Iran elsewhere);
        for clubs too, but «في الرياض» is still the city."""
        kept: list[_Found] = []
        for f in found:
            if f.type != TOPONYM or f.cue is not None:
                kept.append(f)
            elif (
                (f.raw.key, f.raw.proclitic.lstrip("وف")) in doc.persons
                and not any(p.kind in AREAS and not _seat_named(p, f.places) for p in f.places)
            ):
                doc.reject(f.raw, Verdict(Rejection.PERSON_ELSEWHERE))
            elif (
                f.raw.key in doc.clubs
                and f.raw.proclitic in ("", "و")
                and not _after_preposition(f, doc.toks, self.voc)
            ):
                doc.reject(f.raw, Verdict(Rejection.CLUB_ELSEWHERE))
            else:
                kept.append(f)
        return kept

    def _accept(self, kept: list[_Found], anchors: _Anchors, doc: _Document) -> list[_Found]:
        """The names the acceptance rules let in: the first rule with an answer decides (a
        verdict rejects, True accepts); a name no rule speaks of is accepted."""
        accepted: list[_Found] = []
        for f in kept:
            for rule in ACCEPTANCE_RULES:
                said = rule(self, f, anchors, doc)
                if said is None:
                    continue
                if isinstance(said, Verdict):
                    doc.reject(f.raw, said)
                elif said:
                    accepted.append(f)
                break
            else:
                accepted.append(f)
        return accepted

    def _adjective_after(self, f: _Found, toks: Tokens) -> set[str | None]:
        """The countries whose adjective follows the name directly («كوينزلاند الأسترالية»)."""
        j = f.raw.last
        if j >= len(toks.words) or not toks.near(j):
            return set()
        return {p.country for p in self.adjective_places(toks.words[j])}

    def _clubs_by_adjective(self, kept: list[_Found], toks: Tokens) -> list[_Found]:
        """«انتقل اللاعب إلى ليون الفرنسي»: in sports news, a town followed by its own
        country's masculine adjective is the club (نادي is masculine; a town is feminine:
        «مدينة ليون الفرنسية»). The clubs found, each with its detail in ``why``."""
        words, seps = toks.words, toks.seps
        sport = self.voc.sport_words | self.voc.club_words
        clubs = []
        for f in kept:
            j = f.raw.last
            if (
                f.type != TOPONYM
                or f.cue is not None
                or j >= len(words)
                or seps[j].strip() != ""
                or not any(p.kind == PlaceKind.CITY for p in f.places)
                or any(p.kind in (PlaceKind.COUNTRY, PlaceKind.REGION) for p in f.places)
            ):
                continue
            adjective = words[j]
            if not (adjective.startswith("ال") and adjective.endswith("ي")):
                continue
            countries = {
                p.country for p in self.adjective_places(adjective) if p.kind == PlaceKind.COUNTRY
            }
            if not any(p.country in countries for p in f.places if p.kind == PlaceKind.CITY):
                continue
            lo, hi = max(0, f.raw.first - _SPORT_WINDOW), min(len(words), j + _SPORT_WINDOW)
            if not any(
                words[k] in sport and "." not in "".join(seps[min(k, f.raw.first):max(k, j)])
                for k in range(lo, hi)
            ):
                continue
            f.why = Reason(R.SPORTS_TOWN, word=adjective)
            clubs.append(f)
        return clubs

    def _division_named(self, country: str, direction: str) -> Place | None:
        """The one first-level division of ``country`` named by a compass word («الشمال» for
        شمال لبنان: Lebanon's North Governorate), or None."""
        stem = direction.removeprefix("ال").removesuffix("ي")
        if stem not in _CARDINAL:
            return None
        if self._divisions is None:
            self._divisions = defaultdict(list)
            for p in self.gaz.places:
                if p.kind == PlaceKind.ADMIN1 and p.country:
                    self._divisions[p.country].append(p)
        found = [
            p for p in self._divisions.get(country, ())
            if any(stem in w and w.removeprefix("ال").startswith(stem)
                   for n in p.names_ar for w in words(n))
        ]
        return found[0] if len(found) == 1 else None

    def _divisions_of_capitals(self, kept: list[_Found]) -> None:
        """«ولاية سنار», «محافظة عثمانية», «مركز أسيوط»: a division cue before the name of a town,
        where the gazetteer has no division of that kind by that name, names the division the
        town heads: the town is its seat (GeoNames PPLA, PPLA2, or the capital), or the division
        has the town's name (Osmaniye province). A local division word (مركز, قضاء) asks for the
        second level first, the others for the first."""
        for f in kept:
            cue = f.cue
            if cue is None or f.type != TOPONYM:
                continue
            levels = [k for k in (PlaceKind.ADMIN1, PlaceKind.ADMIN2) if k in cue.kinds]
            if cue.countries:
                levels.reverse()
            if not levels or any(p.kind in cue.kinds and p.kind in AREAS for p in f.places):
                continue
            if self._seats is None:
                self._seats = {
                    (p.kind, p.admin2 if p.kind == PlaceKind.ADMIN2 else p.admin1): p
                    for p in self.gaz.places
                    if p.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2)
                    and (p.admin2 if p.kind == PlaceKind.ADMIN2 else p.admin1)
                }
            for level in levels:
                seats = _SEATS[level]
                areas = [
                    a for p in f.places
                    if p.kind == PlaceKind.CITY
                    and (a := self._seats.get(
                        (level, p.admin2 if level == PlaceKind.ADMIN2 else p.admin1))) is not None
                    and (p.feature in seats or _same_name(a.name, p.name))
                ]
                if len(areas) == 1:
                    f.places = areas
                    f.why = Reason(R.SEAT_CUE, word=cue.word, name=areas[0].name)
                    break

    def _seat_towns(self, kept: list[_Found]) -> None:
        """«احتجاجات جرادة»: a bare name of a division named after its town, where the sources
        give the town no Arabic name of its own (Jerada, the town, beside Jerada province): the
        town is a candidate too, and, as for any division named like its town, the one a bare
        name means."""
        for f in kept:
            if f.type != TOPONYM or f.cue is not None or any(
                p.kind == PlaceKind.CITY for p in f.places
            ):
                continue
            towns = [
                t for p in f.places if p.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2)
                for t in self._towns_in(p) if _same_name(p.name, t.name)
            ]
            if towns:
                f.places = [*f.places, max(towns, key=lambda t: t.population)]

    def _towns_in(self, division: Place) -> list[Place]:
        """The towns named in Latin like ``division`` (its name, or its name without the word
        for a division) in its first-level division, without an Arabic name of their own."""
        code = division.admin1 or division.admin2.rpartition(".")[0]
        places = self.gaz.places
        keys = {tuple(words(division.name)), tuple(words(_DIVISION_WORDS.sub("", division.name)))}
        return [
            t for key in keys if key for i, kind in self.gaz.index.get(key, ())
            if kind == TOPONYM and (t := places[i]).kind == PlaceKind.CITY
            and t.admin1 == code and not t.names_ar
        ]

    def _regions_of_countries(self, kept: list[_Found], toks: Tokens) -> None:
        """«شمال لبنان», «جنوب لبنان»: a compass word before a country names its division
        of that name, when the country has exactly one, unless it places a name before it
        («طرابلس شمال لبنان»: Tripoli, in the north of Lebanon)."""
        ends = {g.raw.last for g in kept}
        for f in kept:
            place = f.sure
            if (
                f.type != TOPONYM
                or place is None
                or place.kind != PlaceKind.COUNTRY
                or not place.country
                or f.raw.first == 0
                or not toks.near(f.raw.first)
                or f.raw.proclitic
            ):
                continue
            before = toks.words[f.raw.first - 1]
            if not roles(before, self.voc).direction:
                continue
            if f.raw.first - 1 in ends and not before.startswith("و"):
                continue  # «طرابلس شمال لبنان» places Tripoli; «طرابلس وشمال لبنان» lists two
            area = self._division_named(place.country, _bare_word(before))
            if area is not None:
                f.places = [area]
                f.why = Reason(R.DIVISION_OF, word=f"{before} {place.name_ar}", area=area.name,
                               name=place.name)

    def _placed(self, kept: list[_Found], toks: Tokens) -> None:
        """Record where the text places an ambiguous name: «طرابلس شمال لبنان», «مدينة طرابلس
        (شمالي لبنان)», «طرابلس في لبنان», «البيرة العكارية» (the adjective of a division)."""
        at_token = {f.raw.first: f for f in kept}
        words, seps = toks.words, toks.seps
        n = len(words)
        for f in kept:
            if f.type != TOPONYM or len(f.places) < 2:
                continue
            j = f.raw.last
            said: list[str] = []
            if j < n and seps[j].strip(_PLACING_SEP) == "" and words[j] in _LINKS:
                said.append(words[j])
                j += 1
            if j < n and seps[j].strip(_PLACING_SEP) == "" and roles(words[j], self.voc).direction:
                said.append(words[j])
                j += 1
            if j >= n or seps[j].strip(_PLACING_SEP) != "":
                continue
            area = _area(at_token.get(j), f, bool(said))
            if area is None and not said and "\n" not in seps[j]:
                # A nisba adjective right after the name: «البيرة العكارية».
                areas = [
                    p for p in self.adjective_places(words[j])
                    if p.kind in AREAS and any(_in(c, p) for c in f.places)
                ]
                area = areas[0] if len(areas) == 1 else None
            if area is not None:
                f.within = (area, " ".join([*said, words[j]]))

    def _resolve(
        self,
        text: str,
        accepted: list[_Found],
        sure: list[_Found],
    ) -> list[Mention]:
        # Occurrences with a cue are resolved on their own; the rest share one sense per name.
        groups: dict[object, list[_Found]] = defaultdict(list)
        for f in accepted:
            sense = (f.raw.key, f.type, tuple(p.id for p in f.places))
            groups[sense if f.cue is None else id(f)].append(f)
        out: list[Mention] = []
        doc = _DocContext(self.language.divisions_decide)
        doc.add(sure, accepted)
        sure_starts = [s.raw.start for s in sure]  # in text order
        mains = [s.main for s in sure]
        for occurrences in groups.values():
            first = occurrences[0]
            contexts = [] if len(first.places) == 1 else [
                (f.cue, _nearby(f, sure, sure_starts, mains), f.within) for f in occurrences
            ]
            place, conf, reason, alternatives = self._settle(first, contexts, doc)
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
                        reasons=reason if f.type == TOPONYM else (
                            Reason(R.ADJECTIVE, name=place.name),),
                        alternatives=alternatives,
                    )
                )
        return out

    def _settle(
        self, first: _Found, contexts: Sequence[_Occurrence], doc: _DocContext
    ) -> tuple[Place, float, tuple[Reason, ...], tuple[Candidate, ...]]:
        """The place a group of occurrences of one name means (its first occurrence, and what
        the text says around each), with the confidence, reason and runner-ups."""
        if len(first.places) == 1:
            # The one place wins whatever the context says: no scores, no runner-ups.
            return first.places[0], 1.0, (first.why or Reason(R.ONLY_PLACE),), ()
        key = first.raw.key
        share, states = doc.shares(key)
        # The document's towns other than this name's own places: one set of ids,
        # not a comparison of every town with every place (quadratic in namesakes).
        own = {p.id for p in first.places}
        other_towns = tuple(t for t in doc.towns if t.id not in own)
        divisions = frozenset(doc.divisions)
        town_divisions = frozenset(c for c, keys in doc.town_divisions.items() if keys - {key})
        town_divisions |= doc.county_states(key) | set(states)
        countries = frozenset(share)
        state_share = doc.state_share(key, states)
        ranked = rank(first.places, [
            Context(c, countries, nearby, within, share, divisions, other_towns,
                    doc.divisions_decide, town_divisions, state_share)
            for c, nearby, within in contexts
        ])
        if first.type == DEMONYM and all(p.kind == PlaceKind.COUNTRY for p in first.places):
            ranked = countries_named(ranked, share)  # Congolese beside Kinshasa: DR Congo
        reason = ranked[0].reasons or (Reason(R.HIGHEST_PRIOR),)
        if self.matcher.made(first.raw.key) and first.why:
            reason = (first.why, *reason)  # --explain says what let it in
        return ranked[0].place, confidence(ranked), reason, tuple(ranked[1:4])


    def stream(
        self, text: str, spans: Sequence[tuple[int, int]] | None = None,
        window: int | None = None, margin: int = WINDOW_MARGIN,
    ) -> Iterator[Mention]:
        """``parse(text, spans)``, the same mentions in the same order, in memory bounded by a
        window: a text longer than ``STREAM_CHARS`` (or any text, when ``window`` is given) is
        read ``window`` characters at a time, each with ``margin`` characters of context either
        side, three times (the people and clubs it names and its plural heads; the countries it
        likely names and the names it says with their cue; then what each name is). What the
        whole document says is kept as small summaries; each mention as three integers until
        the last pass makes it (a name said a million times is not a million objects at once).
        The rules look at most ``NEARBY_CHARS`` away (a few words for most), and a list of
        names never runs across a line's end, where windows are cut when they can: only a list
        longer than the margin, in one line cut at a space, could be read otherwise.
        """
        if window is None:
            if len(text) <= STREAM_CHARS:
                yield from self.parse(text, spans)
                return
            window = WINDOW_CHARS
        parts = list(_windows(text, spans, window, margin))

        # 1. The people and clubs named anywhere, and the plural heads, first seen first.
        persons: set[tuple[tuple[str, ...], str]] = set()
        clubs: set[tuple[str, ...]] = set()
        heads: dict[str, str] = {}
        for part in parts:
            norm, toks, raws = self.matcher.find(text[part.lo:part.hi], part.spans)
            doc = _Document(text[part.lo:part.hi], norm, toks,
                            Site(toks, norm, self._town_adjective, self._match_at(raws)),
                            core=(part.start, part.end))
            self._screen(raws, doc)
            persons |= doc.persons
            clubs |= doc.clubs
            _list_heads(toks.words, self.voc, heads, _holds_token(norm, toks, part))
        # 2. The countries the text likely names (with the names that say so), and the names
        # said with their cue.
        whole = _Anchors([], [], defaultdict(set), set())
        for part in parts:
            doc, kept, sure = self._read(text[part.lo:part.hi], part.spans,
                                         (persons, clubs, heads))
            mine = [f for f in kept if part.holds(f.raw.start)]
            got = _Anchors.of(mine, {id(f) for f in sure})
            for country, keys in got.keys.items():
                whole.keys[country] |= keys
            whole.cued |= got.cued
        # 3. What each name accepted is: its group (its sense, or its cue and context) and
        # what the document's sure places say, summed.
        context = _DocContext(self.language.divisions_decide)
        groups: dict[object, int] = {}
        firsts: list[_Found] = []
        contexts: list[dict[object, _Occurrence]] = []
        wide = "i" if len(text) < 2**31 else "q"  # 4 bytes an offset, 8 past 2 G characters
        starts, ends, group_of = array(wide), array(wide), array(wide)
        for part in parts:
            doc, kept, sure = self._read(text[part.lo:part.hi], part.spans,
                                         (persons, clubs, heads))
            anchors = _Anchors.of(kept, {id(f) for f in sure})
            anchors = _Anchors(anchors.at, anchors.starts, whole.keys, whole.cued)
            accepted = self._accept(kept, anchors, doc)
            kept_ids = {id(f) for f in accepted}
            sure = [f for f in sure if id(f) in kept_ids]
            sure_starts = [s.raw.start for s in sure]
            mains = [s.main for s in sure]
            mine = sorted((f for f in accepted if part.holds(f.raw.start)),
                          key=lambda f: f.raw.start)
            context.add([s for s in sure if part.holds(s.raw.start)], mine)
            for f in mine:
                sense = (f.raw.key, f.type, tuple(p.id for p in f.places))
                occurrence: _Occurrence | None = None
                heard: object = None
                if len(f.places) > 1:  # one place is meant whatever the context
                    occurrence = (f.cue, _nearby(f, sure, sure_starts, mains), f.within)
                    heard = _heard(occurrence)
                # With a cue, on its own (as much as what it hears and why it was let in).
                group = sense if f.cue is None else (sense, f.why, heard)
                g = groups.get(group)
                if g is None:
                    g = groups[group] = len(firsts)
                    firsts.append(f)
                    contexts.append({})
                if occurrence is not None:
                    contexts[g].setdefault(heard, occurrence)
                starts.append(part.lo + f.raw.start)
                ends.append(part.lo + f.raw.end)
                group_of.append(g)
        del parts
        settled: list[tuple[MentionType, Place, float, tuple[Reason, ...],
                            tuple[Candidate, ...], bool]] = []
        for first, occurrences in zip(firsts, contexts, strict=True):
            place, conf, reason, alternatives = self._settle(
                first, list(occurrences.values()), context)
            if first.type != TOPONYM:
                reason = (Reason(R.ADJECTIVE, name=place.name),)
            settled.append(
                (first.type, place, conf, reason, alternatives, first.cue is not None))
        del firsts, contexts, groups
        # A list's names of one kind (``list_kinds``), its runs found once over the mentions.
        runs = ListRuns(text)
        for start, end, g in zip(starts, ends, group_of, strict=True):
            kind, place, _, _, alternatives, cued = settled[g]
            runs.add(start, end, place, None if cued else kind_switch(place, alternatives))
        runs.close()
        for k, (start, end, g) in enumerate(zip(starts, ends, group_of, strict=True)):
            kind, place, conf, reason, alternatives, cued = settled[g]
            m = Mention(start=start, end=end, text=text[start:end], type=kind, place=place,
                        confidence=conf, reasons=reason, alternatives=alternatives)
            yield m if cued else runs.kind_of(k, m)


#: One occurrence of an ambiguous name: its cue, the sure places near it, where the text places it.
_Occurrence = tuple[Cue | None, tuple[Place, ...], tuple[Place, str] | None]


def _heard(occurrence: _Occurrence) -> object:
    """What an occurrence tells the resolver, as a key (equal keys: equal contexts)."""
    cue_, nearby, within = occurrence
    return (cue_, tuple(p.id for p in nearby),
            None if within is None else (within[0].id, within[1]))


def _nearby(f: _Found, sure: list[_Found], sure_starts: list[int],
            mains: list[Place]) -> tuple[Place, ...]:
    """The sure places named within ``NEARBY_CHARS`` of ``f`` (``sure`` in text order)."""
    at = f.raw.start
    lo = bisect_left(sure_starts, at - NEARBY_CHARS)
    hi = bisect_right(sure_starts, at + NEARBY_CHARS, lo)
    return tuple(mains[k] for k in range(lo, hi) if sure[k] is not f)


class _DocContext:
    """What the document's sure places say, summed as it is read: the names that make each
    country the document's, the towns it names in one country only, the divisions it names."""

    def __init__(self, divisions_decide: bool = False) -> None:
        #: The language's ``divisions_decide``: a sure town names its first-level division.
        self.divisions_decide = divisions_decide
        # Country → the names that make it the document's, with how often: a name's own
        # occurrences (الجزائر the country) never support its namesakes (Algiers).
        self.support: defaultdict[str, Counter[tuple[str, ...]]] = defaultdict(Counter)
        self._sure_towns: dict[str, Place] = {}
        self._other_towns: dict[str, Place] = {}
        self.divisions: set[str] = set()
        #: With ``divisions_decide``: the first-level divisions of the towns it names surely,
        #: with the names that say so (a name's own places never speak for its namesakes).
        self.town_divisions: defaultdict[str, set[tuple[str, ...]]] = defaultdict(set)
        #: With ``divisions_decide``: the first-level divisions of the second-level ones a
        #: name may be ("Henry County": Tennessee, Georgia...), with the names.
        self.county_divisions: defaultdict[str, set[tuple[str, ...]]] = defaultdict(set)
        #: With ``divisions_decide``: the sure countries named like a state of another country
        #: (Georgia), by name: the country and the state.
        self.state_like: dict[tuple[str, ...], tuple[str, Place]] = {}
        #: With ``divisions_decide``: first-level division → the names that place the document
        #: there (the state itself, its towns and counties), with how often.
        self.state_mentions: defaultdict[str, Counter[tuple[str, ...]]] = defaultdict(Counter)
        self._towns: tuple[Place, ...] | None = None

    def _names_state(self, admin1: str, key: tuple[str, ...]) -> None:
        self.town_divisions[admin1].add(key)
        self.state_mentions[admin1][key] += 1

    def state_share(self, key: tuple[str, ...], more: Mapping[str, int]) -> dict[str, float]:
        """First-level division → its share of the names that place the document in one,
        other than ``key``, and ``more`` (Georgia, the state: ``shares``): the newspaper's home
        state weighs most (Springfield in a story that names fifteen towns of Massachusetts and
        three of Georgia)."""
        counts = {a: k.total() - k[key] for a, k in self.state_mentions.items()}
        for a, n in more.items():
            counts[a] = counts.get(a, 0) + n
        counts = {a: n for a, n in counts.items() if n > 0}
        # One state named: it already has its bonus; the share only weighs states against
        # each other (a small Washington of the home state is no match for the capital).
        total = sum(counts.values())
        return {a: n / total for a, n in counts.items()} if len(counts) > 1 else {}

    def shares(self, key: tuple[str, ...]) -> tuple[dict[str, float], dict[str, int]]:
        """Country → share of the document's sure names other than ``key``, and the
        first-level divisions that names like a country stand for: Georgia, with none of the
        other names in the country Georgia and at least ``STATE_SHARE`` of them in the US, is
        the state (its names count for the US, and name the state for the towns)."""
        counts = {c: k.total() - k[key] for c, k in self.support.items()}
        states: dict[str, int] = {}
        for name, (country, state) in self.state_like.items():
            own = self.support[country][name]
            others = {c: n - (own if c == country else 0) for c, n in counts.items()}
            total = sum(others.values())
            home = str(state.country)
            if (name != key and total and not others.get(country)
                    and others.get(home, 0) >= STATE_SHARE * total):
                counts[country] = counts.get(country, 0) - own
                counts[home] = counts.get(home, 0) + own
                states[state.admin1] = states.get(state.admin1, 0) + own
        total = sum(counts.values()) or 1
        return {c: k / total for c, k in counts.items() if k > 0}, states

    def add(self, sure: list[_Found], accepted: list[_Found]) -> None:
        """Add the sure names and the names accepted (of a part of the text, in text order)."""
        self._towns = None
        sure_ids = {id(s) for s in sure}
        mains = [s.main for s in sure]  # the places are settled by now
        for s, main in [*zip(sure, mains, strict=True),
                        *((f, f.main) for f in accepted if f.type == DEMONYM)]:
            if main.country and main.kind != PlaceKind.REGION:
                self.support[main.country][s.raw.key] += 1
        for s, main in zip(sure, mains, strict=True):
            if self.divisions_decide and main.kind == PlaceKind.COUNTRY:
                # Georgia: the country, or the state of another country (``shares``).
                for p in s.places:
                    if p.kind == PlaceKind.ADMIN1 and p.country and p.country != main.country:
                        self.state_like[s.raw.key] = (str(main.country), p)
            if main.kind == PlaceKind.CITY:
                self._sure_towns[main.id] = main
                if self.divisions_decide and main.admin1:
                    self._names_state(main.admin1, s.raw.key)
            elif main.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2):
                code = main.admin2 if main.kind == PlaceKind.ADMIN2 else main.admin1
                if code:
                    self.divisions.add(code)
                if self.divisions_decide and main.kind == PlaceKind.ADMIN1 and main.admin1:
                    self.state_mentions[main.admin1][s.raw.key] += 1
                # Alachua County: its state is named too (towns carry no county code).
                if self.divisions_decide and main.kind == PlaceKind.ADMIN2 and main.admin1:
                    self._names_state(main.admin1, s.raw.key)
        # A name whose every place lies in one country (الرباط: the city or its prefecture;
        # a village named like a word, with its cue) says which country the document is about
        # as surely.
        for f in accepted:
            if (self.divisions_decide and f.type == TOPONYM and len(f.places) > 1
                    and all(p.kind == PlaceKind.ADMIN2 for p in f.places)):
                for p in f.places:
                    if p.admin1:
                        self.county_divisions[p.admin1].add(f.raw.key)
        for f in accepted:
            if f.type == TOPONYM and (not f.weak or f.cue) and id(f) not in sure_ids:
                # Florida, Minnesota (a state, a river, small towns elsewhere): the state is
                # named as surely as a sure one for the towns of the document's other names.
                state = (dominant_state(f.places, self.support.keys()) if self.divisions_decide
                         else None)
                if state is not None:
                    self._names_state(state.admin1, f.raw.key)
                countries = {p.country for p in f.places}
                if len(countries) == 1 and None not in countries:
                    self.support[str(countries.pop())][f.raw.key] += 1
                    self._other_towns.update(
                        (p.id, p) for p in f.places if p.kind == PlaceKind.CITY)
                    # Dallas (Texas, not its small namesakes of Georgia): its state too.
                    town = dominant_town(f.places) if self.divisions_decide else None
                    if town is not None and town.admin1:
                        self._names_state(town.admin1, f.raw.key)

    def county_states(self, key: tuple[str, ...]) -> frozenset[str]:
        """"Benton, Carroll and Henry counties" (all of Tennessee, each also elsewhere): the
        first-level divisions that hold a namesake of the most other ambiguous county names
        of the document, at least ``COUNTY_VOTES`` of them."""
        votes = {c: len(keys - {key}) for c, keys in self.county_divisions.items()}
        best = max(votes.values(), default=0)
        if best < COUNTY_VOTES:
            return frozenset()
        return frozenset(c for c, v in votes.items() if v == best)

    @property
    def towns(self) -> tuple[Place, ...]:
        """The towns named in one country only: the sure ones first, in text order."""
        if self._towns is None:
            towns = dict(self._sure_towns)
            towns.update(self._other_towns)
            self._towns = tuple(towns.values())
        return self._towns


@dataclass(frozen=True, slots=True)
class _Part:
    """One window of ``Geoparser.stream``: text[lo:hi] is read; the names starting in
    [start, end) of it (offsets into the window) are decided by it."""

    lo: int
    hi: int
    start: int
    end: int
    spans: list[tuple[int, int]] | None

    def holds(self, at: int) -> bool:
        return self.start <= at < self.end


def _holds_token(norm: Normalized, toks: Tokens, part: _Part) -> Callable[[int], bool]:
    """Does ``part`` decide token ``k`` of its window (does the token start in it)?"""
    origin, bounds = norm.origin, toks.bounds
    return lambda k: part.holds(origin[bounds[2 * k]])


def _cuts(text: str, window: int) -> list[int]:
    """Where the windows' own parts meet: after a line's end within half a window past each
    ``window`` characters (a list of names never runs across one), else at a space."""
    n = len(text)
    cuts = [0]
    while n - cuts[-1] > window:
        at = cuts[-1] + window
        line = text.find("\n", at, at + window // 2)
        if line >= 0:
            at = line + 1
        else:
            stop = min(n, at + window // 2)
            while at < stop and not text[at].isspace():
                at += 1
        if at >= n:
            break
        cuts.append(at)
    cuts.append(n)
    return cuts


def _windows(text: str, spans: Sequence[tuple[int, int]] | None, window: int,
             margin: int) -> Iterator[_Part]:
    """The windows of ``text``, with the spans inside each (clipped, shifted)."""
    cuts = _cuts(text, window)
    ordered = sorted(spans) if spans is not None else []
    starts = [s for s, _ in ordered]
    reach = list(accumulate((e for _, e in ordered), max))  # the furthest end so far
    for a, b in pairwise(cuts):
        lo, hi = max(0, a - margin), min(len(text), b + margin)
        inside_: list[tuple[int, int]] | None = None
        if spans is not None:
            inside_ = [
                (max(s, lo) - lo, min(e, hi) - lo)
                for s, e in ordered[bisect_right(reach, lo):bisect_left(starts, hi)]
                if min(e, hi) > max(s, lo)
            ]
        yield _Part(lo, hi, a - lo, b - lo, inside_)


def _same_name(division: str, town: str) -> bool:
    """«Osmaniye» and «Osmaniye», «Sennar» and «Sinnar State»: the same name, give or take the
    word for the division and a vowel."""
    def key(name: str) -> str:
        name = name.lower()
        for word in (" state", " province", " governorate", " wilaya", " region", "muhafazat "):
            name = name.replace(word, "")
        return "".join(ch for ch in name if ch.isalpha() and ch not in "aeiouy")

    return key(division) == key(town)


def _after_preposition(f: _Found, toks: Tokens, voc: Vocabulary) -> bool:
    if f.raw.first == 0:
        return False
    return toks.words[f.raw.first - 1] in voc.prepositions


def _bare_word(word: str) -> str:
    """A compass word without a leading ب/و/ف/في-style proclitic («بشمال» → شمال)."""
    for p in ("وب", "ول", "و", "ف", "ب", "ل"):
        if word.startswith(p) and len(word) - len(p) >= 3:
            return word[len(p):]
    return word


def _in(place: Place, area: Place) -> bool:
    if area.kind == PlaceKind.COUNTRY:
        return place.country == area.country and place.id != area.id
    if area.kind == PlaceKind.ADMIN1:
        return bool(area.admin1) and place.admin1 == area.admin1 and place.id != area.id
    if area.kind == PlaceKind.ADMIN2:
        return bool(area.admin2) and place.admin2 == area.admin2 and place.id != area.id
    return False


def _area(g: _Found | None, f: _Found, direction: bool) -> Place | None:
    """The country or division ``g`` names, if one of ``f``'s places lies in it."""
    if g is None or g.raw.proclitic not in ("", "ب"):
        return None
    areas = [p for p in g.places if p.kind in AREAS and any(_in(c, p) for c in f.places)]
    if g.type == DEMONYM and not direction:
        return areas[0] if len(areas) == 1 else None
    if g.type == TOPONYM and direction and len(areas) == 1:
        return areas[0]
    return None


#: GeoNames feature codes of the towns that are seats of a division of each level.
_SEATS = {
    PlaceKind.ADMIN1: frozenset({"PPLA", "PPLC"}),
    PlaceKind.ADMIN2: frozenset({"PPLA2", "PPLA", "PPLC"}),
}
_CARDINAL = frozenset({"شمال", "جنوب", "شرق", "غرب"})
_LIST_SEPS = frozenset({"،", ",", "(", ")", "-", "–"})


def _listed(f: _Found, g: _Found, toks: Tokens, voc: Vocabulary) -> bool:
    """Are ``f`` and ``g`` (next) neighbours in a list? Between them stand only separators,
    و (joined to the name or, mistyped, on its own: «عين الدفلى و تيبازة»), and a bracketed
    compass word."""
    words, seps = toks.words, toks.seps
    between = range(f.raw.last, g.raw.first)
    if len(between) > 2 or not all(
        roles(words[k], voc).direction or (words[k] == "و" and k == g.raw.first - 1)
        for k in between
    ):
        return False
    gaps = [seps[k].strip(" \t") for k in range(f.raw.last, g.raw.first + 1)]
    if any("\n" in seps[k] for k in range(f.raw.last, g.raw.first + 1)):
        return False
    if not all(set(gap) <= _LIST_SEPS for gap in gaps):
        return False
    return (g.raw.proclitic.startswith("و") or words[g.raw.first - 1] == "و"
            or any(gap in ("،", ",") for gap in gaps))


#: How far back (words) a plural head may stand before the list it heads, in the same sentence.
LIST_HEAD_WORDS = 12
#: A list needs this many names for a head from afar to hold for it.
LIST_HEAD_NAMES = 3


def _list_heads(
    words: Sequence[str], voc: Vocabulary, heads: dict[str, str] | None = None,
    keep: Callable[[int], bool] | None = None,
) -> dict[str, str]:
    """The document's plural heads (with or without a proclitic: «بأقاليم»), first seen first,
    added to ``heads`` (of the words ``keep`` keeps, by number, when given)."""
    heads = {} if heads is None else heads
    for k, w in enumerate(words):
        for form in (w, _bare_word(w)):
            if (kind := voc.list_heads.get(form)) is not None and (keep is None or keep(k)):
                heads.setdefault(kind, w)
    return heads


def _list_cues(
    kept: list[_Found], toks: Tokens, voc: Vocabulary, heads: dict[str, str]
) -> None:
    """A cue before the first name of a list holds for the names after it: «ولايات سنار والنيل
    الأبيض وكردفان», «محافظتي عثمانية (جنوب) وشانلي أورفا»; so does a plural head earlier in the
    sentence («الولايات المعنية هي: تبسة، وخنشلة، وبسكرة»)."""
    words, seps = toks.words, toks.seps
    # The words of names of two words or more: «الولايات» of «الولايات المتحدة» is no head.
    named = {k for f in kept if f.raw.last - f.raw.first > 1
             for k in range(f.raw.first, f.raw.last)}
    runs: list[list[_Found]] = []
    for f in kept:
        if runs and _listed(runs[-1][-1], f, toks, voc):
            runs[-1].append(f)
        else:
            runs.append([f])
    for run in runs:
        head = run[0]
        if head.cue is None and len(run) >= LIST_HEAD_NAMES:
            for k in range(head.raw.first - 1, max(-1, head.raw.first - 1 - LIST_HEAD_WORDS), -1):
                if any(c in seps[k + 1] for c in ".!?؟\n"):
                    break
                if k in named:
                    continue  # a head inside a name is no head («الولايات» of the United States)
                kind = voc.list_heads.get(words[k]) or voc.list_heads.get(_bare_word(words[k]))
                if kind is not None:
                    head.cue = Cue(words[k], cue_kinds(kind))
                    break
            if head.cue is None:
                head.cue = _head_from_afar(run, heads)
        for f, g in pairwise(run):
            if f.cue is not None and g.cue is None and g.type == TOPONYM:
                g.cue = f.cue


#: How many words either side of a town may hold the sports word that makes it a club.
_SPORT_WINDOW = 12
_SHADDA = "\u0651"
_DOUBLED = re.compile(r"([b-df-hj-np-tv-z])\1", re.IGNORECASE)


def _country_after_preposition(kept: list[_Found], toks: Tokens, voc: Vocabulary) -> None:
    """«الوضع في مالي», «بمالي»: a country named like a common word (مالي "financial", بنين
    "sons"), right after a preposition, is the country: a noun follows a preposition, and the
    word is no noun."""
    for f in kept:
        countries = [p for p in f.places if p.kind == PlaceKind.COUNTRY and p.common_word]
        if f.type != TOPONYM or not countries or f.cue is not None or f.why:
            continue
        if not (
            f.raw.proclitic.lstrip("وف") in ("ب", "ل")
            or (not f.raw.proclitic and _after_preposition(f, toks, voc))
        ):
            continue
        f.places = countries
        f.why = Reason(R.AFTER_PREPOSITION)


def _read_shadda(kept: list[_Found], text: str) -> None:
    """«عمّان»: a shadda written on the name doubles its consonant, which the folded name has
    lost: of the places the name may be, those whose Latin names double a consonant (Amman,
    not Oman) are meant. Nothing changes when all or none of them do."""
    for f in kept:
        if f.type != TOPONYM or len(f.places) < 2:
            continue
        if _SHADDA not in text[f.raw.start:f.raw.end]:
            continue
        doubled = [
            p for p in f.places
            if any(_DOUBLED.search(name) for name in (p.name, *p.names_en))
        ]
        if doubled and len(doubled) < len(f.places):
            f.places = doubled
            f.why = f.why or Reason(R.SHADDA, word=text[f.raw.start:f.raw.end],
                                    name=doubled[0].name)


def _capital_after(kept: list[_Found], toks: Tokens) -> None:
    """«الجزائر العاصمة»: the word «العاصمة» right after the name of a capital (or ending it)
    calls it the city, whatever list it stands in («ولايات الوطن … الجزائر العاصمة، بومرداس»:
    the capital, not its wilaya). After any other name it is the capital's («ديربي العاصمة»
    the capital's derby)."""
    words, seps = toks.words, toks.seps
    for f in kept:
        j = f.raw.last
        if f.type != TOPONYM or not any(p.capital for p in f.places):
            continue
        if j < len(words) and seps[j].strip() == "" and words[j] in _CAPITAL_AFTER:
            word = words[j]
        elif j - f.raw.first >= 2 and words[j - 1] in _CAPITAL_AFTER:
            word = words[j - 1]
        else:
            continue
        f.cue = Cue(word, frozenset({PlaceKind.CITY}))
        f.places = [p for p in f.places if p.capital]
        f.why = Reason(R.CAPITAL_AFTER, word=word)


def _head_from_afar(run: list[_Found], heads: dict[str, str]) -> Cue | None:
    """A plural head elsewhere in the document («ولايات الوطن» … «الجزائر، بومرداس، تيزي
    وزو، البليدة») holds for a list of places of one country, at least ``LIST_HEAD_NAMES`` of
    them with a place of its kind (a town that has no division of its name may stand among
    them)."""
    if any(f.type != TOPONYM for f in run):
        return None
    for kind, word in heads.items():
        kinds = cue_kinds(kind)
        fits = [[p for p in f.places if p.kind in kinds] for f in run]
        countries = {p.country for ps in fits for p in ps}
        if (
            sum(1 for ps in fits if ps) >= LIST_HEAD_NAMES
            and len(countries) == 1
            and all(ps or any(p.country in countries for p in f.places)
                    for f, ps in zip(run, fits, strict=True))
        ):
            return Cue(word, kinds)
    return None


def _coordinated_countries(
    kept: list[_Found], toks: Tokens, short: Callable[[tuple[str, ...]], bool]
) -> None:
    """«النيجر ومالي وبوركينا فاسو»: a country's name that is also a common word (مالي
    "financial"), or a short skeleton of one («لأسبانيا والأرغواي والرأس الأخضر»: أورغواي),
    is the country when it stands in a list of countries."""
    seps = toks.seps
    for i, f in enumerate(kept):
        if not (f.type == TOPONYM and (f.weak or short(f.raw.key)) and f.cue is None):
            continue
        countries = [p for p in f.places if p.kind == PlaceKind.COUNTRY]
        if not countries:
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(kept):
                continue
            g = kept[j]
            first, second = (g, f) if j < i else (f, g)
            if first.raw.last != second.raw.first:
                continue  # not adjacent words
            linked = second.raw.proclitic.startswith("و") or seps[second.raw.first].strip(
                " \t"
            ) in ("،", ",")
            if (
                linked
                and g.type == TOPONYM
                and not g.weak
                and g.places
                and all(p.kind == PlaceKind.COUNTRY for p in g.places)
            ):
                f.places = countries
                f.why = Reason(R.LIST_OF_COUNTRIES, name=g.places[0].name)
                break


#: Words that make a country's formal name of its adjective: «الجمهورية اليمنية», «المملكة
#: المغربية», «سلطنة عمان» is a name of its own (folded forms).
_FORMAL_HEADS = frozenset({"الجمهوريه", "المملكه", "السلطنه", "الاماره"})


def _formal_names(kept: list[_Found], toks: Tokens, norm: Normalized) -> None:
    """«الجمهورية اليمنية», «بالمملكة المغربية»: a state word right before a country's
    adjective is the country's formal name, a toponym spanning both words."""
    words, bounds = toks.words, toks.bounds
    for f in kept:
        b = f.raw.first
        if f.type != DEMONYM or f.raw.proclitic or b == 0 or not toks.near(b):
            continue
        countries = [p for p in f.places if p.kind == PlaceKind.COUNTRY]
        head = words[b - 1]
        # The state word, with or without و/ب/ل before it: how many letters to skip.
        cut = next((len(p) for p in ("", "و", "ب", "ل", "وب", "ول")
                    if head.startswith(p) and head[len(p):] in _FORMAL_HEADS), None)
        if len(countries) != 1 or cut is None:
            continue
        start = norm.span(bounds[2 * (b - 1)] + cut, bounds[2 * b - 1])[0]
        f.raw = f.raw._replace(start=start, first=b - 1)
        f.type = MentionType.TOPONYM
        f.places = countries
        f.why = Reason(R.FORMAL_NAME, name=countries[0].name)


def _demonym_places(places: list[Place]) -> list[Place]:
    countries = [p for p in places if p.kind == PlaceKind.COUNTRY]
    return countries or places


def _weak(f: _Found, latin_words: frozenset[str] = frozenset()) -> bool:
    """A name that is also a common word, or a very short name of a small town."""
    if all(p.common_word for p in f.places):
        return True
    if word_region(f.raw.key, f.places, common_words()):
        return True
    if _latin_word(f, latin_words):
        return True
    letters = sum(len(w) for w in f.raw.key)
    return letters <= WEAK_LETTERS and all(
        p.kind == PlaceKind.CITY and not p.capital and p.population < WEAK_POPULATION
        for p in f.places
    )


#: A place smaller than this is a village: named like a common word, it needs a cue.
VILLAGE = 10_000


def _word_village(f: _Found) -> bool:
    return (
        (all(p.common_word for p in f.places) or _arabic_word(f.raw.key, f.places))
        and all(p.kind == PlaceKind.CITY and p.population < VILLAGE for p in f.places)
    )


def _arabic_word(key: tuple[str, ...], places: list[Place]) -> bool:
    """A small town's name that the Arabic lexicon knows as a word («شتلة», «داخله»), or a
    name of places of any size that is an everyday word («ليل» Lille, «سيول» Seoul)."""
    if len(key) != 1:
        return False
    if key[0] in word_names() and all(
        p.kind in (PlaceKind.CITY, PlaceKind.ADMIN1, PlaceKind.ADMIN2) for p in places
    ):
        return True
    return key[0] in lexicon_names() and all(
        p.kind in (PlaceKind.CITY, PlaceKind.ADMIN2)
        and not p.capital
        and p.population < WEAK_POPULATION
        for p in places
    )


def _lone_town(f: _Found) -> bool:
    """A one-word name of towns abroad of no great size (not capitals), with no cue or rule
    that let it in: it needs another place of its country somewhere in the document."""
    return (
        f.type == TOPONYM
        and not f.weak  # a common word has its own rule (a place of its country nearby)
        and f.cue is None
        and not f.why
        and len(f.raw.key) == 1
        and bool(towns := [
            p for p in f.places
            if p.kind == PlaceKind.CITY and not p.capital and p.population < LONE_TOWN_POPULATION
            and p.country not in HOME_REGION
        ])
        # the rest: divisions of those towns (Puno, the town and its region)
        and all(p in towns or any(inside(t, p) for t in towns) for p in f.places)
    )


def _small_towns(places: list[Place]) -> bool:
    return all(
        p.kind == PlaceKind.CITY and not p.capital and p.population < WEAK_POPULATION
        for p in places
    )


def _latin_word(f: _Found, latin_words: frozenset[str]) -> bool:
    """A one-word Latin name of towns that is an everyday English word (Reading, Split)."""
    return (
        len(f.raw.key) == 1
        and f.raw.key[0] in latin_words
        and all(p.kind == PlaceKind.CITY and not p.capital for p in f.places)
    )


def _cue_fits(f: _Found) -> bool:
    """Does the cue before ``f`` call for the kind (and country) of one of its places?"""
    cue = f.cue
    return cue is not None and any(
        p.kind in cue.kinds and (not cue.countries or p.country in cue.countries)
        for p in f.places
    )


def _weak_reason(f: _Found) -> Verdict:
    if f.raw.key[0].isascii() and not all(p.common_word for p in f.places):
        return Verdict(Rejection.ENGLISH_WORD)
    if _word_village(f):
        return Verdict(Rejection.VILLAGE_WORD)
    if _arabic_word(f.raw.key, f.places):
        return Verdict(Rejection.ARABIC_WORD)
    if all(p.common_word for p in f.places) or word_region(f.raw.key, f.places, common_words()):
        return Verdict(Rejection.COMMON_WORD)
    return Verdict(Rejection.SHORT_NAME)


@dataclass
class _Document:
    """One text being read: its folded tokens, and what the rules set aside so far."""

    text: str
    norm: Normalized
    toks: Tokens
    site: Site
    rejected: list[Rejected] = field(default_factory=list)
    #: Names rejected as a person's (with the proclitic, و/ف stripped) and as a club's (only
    #: those starting inside ``core``, when given: a window of ``Geoparser.stream``).
    persons: set[tuple[tuple[str, ...], str]] = field(default_factory=set)
    clubs: set[tuple[str, ...]] = field(default_factory=set)
    core: tuple[int, int] | None = None
    #: The whole document's plural heads, when the text is one window of it.
    heads: dict[str, str] | None = None

    def reject(self, m: RawMatch, verdict: Verdict) -> None:
        text = self.text
        self.rejected.append(
            Rejected(m.start, m.end, text[m.start:m.end], verdict.why, verdict.detail)
        )


@dataclass
class _Anchors:
    """Where the text names a country for sure (anchors, in text order), the countries it
    likely names with the names that say so, and the names cued somewhere."""

    at: list[tuple[int, str]]
    starts: list[int]
    keys: defaultdict[str, set[tuple[str, ...]]]
    cued: set[tuple[str, ...]]

    @classmethod
    def of(cls, kept: list[_Found], sure_ids: set[int]) -> _Anchors:
        # Anchors: sure places, demonyms, and names whose places all lie in one country (دهوك
        # the town or the governorate: Iraq either way).
        anchors = []
        keys: defaultdict[str, set[tuple[str, ...]]] = defaultdict(set)
        for f in kept:
            if id(f) in sure_ids or f.type == DEMONYM:
                country = f.main.country
            elif f.type == TOPONYM and not f.weak:
                country = sole_country(f.places)
            else:
                country = None
            if country:
                anchors.append((f.raw.start, country))
            # The countries the text likely names, for a lone town abroad: that of any name's
            # best-known place (Paris: France), or of a town read off a proclitic (وباخموت).
            likely = country
            if likely is None and f.type == TOPONYM and f.places:
                best = max(f.places, key=lambda p: p.population)
                if not f.weak or all(p.country == best.country for p in f.places):
                    likely = best.country
            if likely:
                keys[likely].add(f.raw.key)
        anchors.sort(key=lambda a: a[0])  # already in text order: kept as it is
        # One sense per document: a name that is a word elsewhere but is a place with its cue
        # here («بلدة الخيام») is that place at its other occurrences too.
        cued = {f.raw.key for f in kept if f.cue is not None and f.type == TOPONYM
                and _cue_fits(f)}
        return cls(anchors, [at for at, _ in anchors], keys, cued)

    def near(self, start: int, chars: int) -> set[str]:
        """The countries anchored within ``chars`` of ``start``: the anchors are in text order,
        those near are one slice (a long article has tens of thousands; walking them all for
        each name was quadratic)."""
        lo = bisect_left(self.starts, start - chars)
        hi = bisect_right(self.starts, start + chars, lo)
        return {c for _, c in self.at[lo:hi]}


# The document rules: each reads the names kept so far and may narrow their places, give them
# a cue or a reason, or set some aside; asked in the order of ``DOCUMENT_RULES``.
DocumentRule = Callable[["Geoparser", list[_Found], _Document], None]


def shadda(gp: Geoparser, kept: list[_Found], doc: _Document) -> None:
    _read_shadda(kept, doc.text)


def country_after_preposition(gp: Geoparser, kept: list[_Found], doc: _Document) -> None:
    _country_after_preposition(kept, doc.toks, gp.voc)


def clubs_by_adjective(gp: Geoparser, kept: list[_Found], doc: _Document) -> None:
    for f in gp._clubs_by_adjective(kept, doc.toks):
        kept.remove(f)
        doc.reject(f.raw, Verdict(Rejection.CLUB, f.why))


def list_cues(gp: Geoparser, kept: list[_Found], doc: _Document) -> None:
    heads = doc.heads if doc.heads is not None else _list_heads(doc.toks.words, gp.voc)
    _list_cues(kept, doc.toks, gp.voc, heads)


def capital_after(gp: Geoparser, kept: list[_Found], doc: _Document) -> None:
    _capital_after(kept, doc.toks)


def coordinated_countries(gp: Geoparser, kept: list[_Found], doc: _Document) -> None:
    _coordinated_countries(kept, doc.toks, gp.matcher.short)


def formal_names(gp: Geoparser, kept: list[_Found], doc: _Document) -> None:
    _formal_names(kept, doc.toks, doc.norm)


def regions_of_countries(gp: Geoparser, kept: list[_Found], doc: _Document) -> None:
    gp._regions_of_countries(kept, doc.toks)


def divisions_of_capitals(gp: Geoparser, kept: list[_Found], doc: _Document) -> None:
    gp._divisions_of_capitals(kept)


def seat_towns(gp: Geoparser, kept: list[_Found], doc: _Document) -> None:
    gp._seat_towns(kept)


def placed(gp: Geoparser, kept: list[_Found], doc: _Document) -> None:
    gp._placed(kept, doc.toks)


def police_of_divisions(gp: Geoparser, kept: list[_Found], doc: _Document) -> None:
    """«مركز شرطة أسيوط»: a local division word before «شرطة» (the police of the division)
    cues the name after them as it would right before it (``world_rules.POLICE_WORDS``)."""
    words = doc.toks.words
    for f in kept:
        k = f.raw.first
        if f.cue is None and f.type == TOPONYM and k >= 2 and words[k - 1] in POLICE_WORDS:
            c = roles(words[k - 2], gp.voc).cue
            if c is not None and c.countries and any(p.country in c.countries for p in f.places):
                f.cue = c


def settlements_of_divisions(gp: Geoparser, kept: list[_Found], doc: _Document) -> None:
    """«قرى وقصبات سنجار»: settlement plurals before a name that is a division's and a town's
    name the division, unless the name opens a list («بلدات X وY»: towns)."""
    toks, text = doc.toks, doc.text

    def is_cue(word: str) -> bool:
        return roles(word, gp.voc).cue is not None

    for i, f in enumerate(kept):
        if f.type != TOPONYM or not settlements_of(toks, f.raw.first, f.raw.last, is_cue):
            continue
        nxt = kept[i + 1] if i + 1 < len(kept) else None
        if nxt is not None and list_gap_at(text, f.raw.end, nxt.raw.start):
            continue
        if divisions := division_of_settlements(f.places):
            f.places = divisions
            f.cue = None


#: English plurals of the county's word after a list of names: "Eastland and Callahan
#: counties", with the word each name's county is found under ("Eastland County").
_COUNTY_PLURALS = {"counties": "County", "Counties": "County", "parishes": "Parish",
                   "Parishes": "Parish"}
#: What may join two names of such a list: a comma, "and", "or", "&".
_COUNTY_LIST_GAP = re.compile(r"\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+")


def county_lists(gp: Geoparser, kept: list[_Found], doc: _Document) -> None:
    """"Harvey, Harper and Kingman counties": each name of a list before the county's plural
    is its county ("Harvey County"), not the town of that name; a state's name alone stays
    ("Indiana counties"; "Otoe and Washington counties" are two counties)."""
    words, text = doc.toks.words, doc.text
    end = len(kept)
    while end > 0:
        last = kept[end - 1]
        word = _COUNTY_PLURALS.get(words[last.raw.last]) if last.raw.last < len(words) else None
        if word is None or last.type != TOPONYM or not doc.toks.near(last.raw.last):
            end -= 1
            continue
        run = [last]
        k = end - 1
        while k > 0 and kept[k - 1].type == TOPONYM and _COUNTY_LIST_GAP.fullmatch(
                text[kept[k - 1].raw.end:kept[k].raw.start]):
            k -= 1
            run.append(kept[k])
        for f in run:
            if len(run) == 1 and any(
                    p.kind in (PlaceKind.ADMIN1, PlaceKind.COUNTRY) for p in f.places):
                continue  # "Indiana counties": the state's counties
            counties = [gp.gaz.places[i] for i, t in gp.gaz.index.get((*f.raw.key, word), ())
                        if t == TOPONYM]
            counties = [c for c in counties if c.kind == PlaceKind.ADMIN2]
            if counties:
                f.places, f.cue, f.weak = counties, None, False
                f.why = Reason(R.BEFORE_WORDS, word=words[last.raw.last])
        end = k


def neighbours(gp: Geoparser, kept: list[_Found], doc: _Document) -> None:
    """«ولاية جيغاوا المجاورة لكانو»: the name after a division's «المجاورة لـ» is cued as a
    division of its kind (``world_rules.neighbour_kind``)."""
    for f, g in pairwise(kept):
        if (
            f.type == TOPONYM and g.type == TOPONYM and g.cue is None
            and 0 < g.raw.start - f.raw.end < 20
            and (kind := neighbour_kind(f.places, doc.text[f.raw.end:g.raw.start]))
        ):
            g.cue = Cue(fold(doc.text[f.raw.end:g.raw.start]).strip(), frozenset({kind}))


DOCUMENT_RULES: tuple[DocumentRule, ...] = (
    shadda,
    country_after_preposition,
    clubs_by_adjective,
    list_cues,
    capital_after,
    coordinated_countries,
    formal_names,
    regions_of_countries,
    neighbours,
    settlements_of_divisions,
    police_of_divisions,
    divisions_of_capitals,
    seat_towns,
    placed,
    county_lists,
)

# The acceptance rules: does a kept name stand as a place given the rest of the document? A
# verdict rejects it, True accepts it, None leaves it to the next rule (and the last: accepted).
Said = Verdict | bool | None
AcceptanceRule = Callable[["Geoparser", _Found, _Anchors, _Document], Said]


def lone_town(gp: Geoparser, f: _Found, anchors: _Anchors, doc: _Document) -> Verdict | None:
    """«تألق بونو»: a town abroad of no great size, with no cue and no other place of its
    country anywhere in the text, is more likely a person (Puno, the keeper)."""
    if _lone_town(f) and not any(
        anchors.keys.get(p.country or "", set()) - {f.raw.key} for p in f.places
    ):
        return Verdict(Rejection.LONE_TOWN)
    return None


def made_spelling(gp: Geoparser, f: _Found, anchors: _Anchors, doc: _Document) -> Said:
    """A spelling made from a Latin name needs a place cue or its country's adjective right
    after it, and a place of its country close by («في ولاية جيغاوا شمال نيجيريا», «مدينة
    تشانغهوا في تايوان», «كوينزلاند الأسترالية»): of the places whose names it may spell,
    those."""
    if not gp.matcher.made(f.raw.key):
        return None
    close = anchors.near(f.raw.start, MADE_NEAR_CHARS)
    places = [p for p in f.places if p.country in close]
    if f.cue is None:
        said = gp._adjective_after(f, doc.toks)
        said |= _placed_beside(gp, f, anchors, doc)
        places = [p for p in places if p.country in said]
    elif not places:  # a cue, and a place of its country elsewhere («مقاطعة تشانغهوا»)
        places = [p for p in f.places if anchors.keys.get(p.country or "", set()) - {f.raw.key}]
    if not places:
        return Verdict(Rejection.MADE_SPELLING)
    f.places = places
    f.why = f.why or Reason(R.LATIN_SPELLING, name=places[0].name)
    return True


def _placed_beside(gp: Geoparser, f: _Found, anchors: _Anchors, doc: _Document) -> set[str]:
    """The countries of the places that place the name or stand by it
    (``world_rules.placed_beside``)."""
    toks, origin = doc.toks, doc.norm.origin
    out: set[str] = set()
    def is_cue(word: str) -> bool:
        return roles(word, gp.voc).cue is not None

    for k in placed_beside(toks, f.raw.first, f.raw.last, is_cue):
        lo, hi = origin[toks.bounds[2 * k]], origin[toks.bounds[2 * k + 1] - 1] + 1
        at = bisect_left(anchors.starts, lo)
        out.update(c for s, c in anchors.at[at:bisect_left(anchors.starts, hi, at)])
    return out


def short_spelling(gp: Geoparser, f: _Found, anchors: _Anchors, doc: _Document) -> Said:
    """A name read through a short skeleton («إربل» for أربيل, «الهملايا» for الهيمالايا)
    needs support: the word before it opening another name of the place («جبال الهملايا»:
    جبال الهيمالايا), the place named elsewhere in the text under another name («أربيل أو
    إربل»), or a place cue before it and another place of its country in the text."""
    if not gp.matcher.short(f.raw.key):
        return None
    if f.why is not None and f.why.code == R.LIST_OF_COUNTRIES:
        return True
    if f.cue is not None and any(
        anchors.keys.get(p.country or "", set()) - {f.raw.key} for p in f.places
    ):
        return True
    ids = {p.id for p in f.places}
    before = _beside(f, doc)[0]
    index, places = gp.gaz.index, gp.gaz.places
    opens = [k for k in gp.gaz.first_words.get(before, ()) if len(k) == 2]
    if any(places[i].id in ids for k in opens for i, _ in index.get(k, ())):
        return True
    named = {k for p in f.places for k in anchors.keys.get(p.country or "", ())} - {f.raw.key}
    if any(places[i].id in ids for k in named for i, _ in index.get(k, ())):
        return True
    return _weak_reason(f)


def _beside(f: _Found, doc: _Document) -> tuple[str, str]:
    """The words just before and just after the name."""
    toks = doc.toks
    before = toks.words[f.raw.first - 1] if f.raw.first else ""
    after = toks.words[f.raw.last] if f.raw.last < len(toks) else ""
    return before, after


def region_word_idiom(gp: Geoparser, f: _Found, anchors: _Anchors, doc: _Document) -> Said:
    """«على الصعيد الدولي»: an everyday word naming a region, in its idiom, is the word."""
    if not (f.type == TOPONYM and f.weak):
        return None
    before, after = _beside(f, doc)
    if region_idiom(f.raw.key, f.places, before, after, common_words()):
        return Verdict(Rejection.COMMON_WORD)
    return None


def region_of_a_named_country(gp: Geoparser, f: _Found, anchors: _Anchors,
                              doc: _Document) -> Said:
    """An everyday word naming a region (الصعيد) stands when its country is named elsewhere."""
    if not (f.type == TOPONYM and f.weak and f.cue is None):
        return None
    named = {c for c, ks in anchors.keys.items() if ks - {f.raw.key}}
    if region_in_named_country(f.raw.key, f.places, named, _beside(f, doc)[0], common_words()):
        f.why = f.why or Reason(R.REGION_OF_NAMED)
        return True
    return None


def cued_elsewhere(gp: Geoparser, f: _Found, anchors: _Anchors, doc: _Document) -> bool | None:
    if f.type == TOPONYM and f.weak and f.cue is None and f.raw.key in anchors.cued:
        f.why = f.why or Reason(R.CUE_ELSEWHERE)
        return True
    return None


def division_named_like_a_country(
    gp: Geoparser, f: _Found, anchors: _Anchors, doc: _Document
) -> Said:
    """«ولاية النيجر» in Nigerian news: a country's name after a word for a division is the
    division of that name of a country the text names (``world_rules.division_namesakes``)."""
    if f.type == TOPONYM and f.cue is not None and (
        found := division_namesakes(f.raw.key, f.places, f.cue.kinds, gp.gaz.index,
                                    gp.gaz.places, anchors.keys)
    ):
        f.places = found
    return None


def cue_misfit(gp: Geoparser, f: _Found, anchors: _Anchors, doc: _Document) -> Said:
    """A cue for another kind of place (a list of Algerian wilayas: «ولايات … برج») does not
    let in a common word naming a town abroad (برج "tower", a town of Iran) unless a place of
    its country stands near."""
    if not (f.type == TOPONYM and f.weak and f.cue is not None and not f.why
            and not _cue_fits(f)):
        return None
    near = anchors.near(f.raw.start, NEARBY_CHARS)
    return True if any(p.country in near for p in f.places) else Verdict(Rejection.CUE_MISFIT)


def weak_name(gp: Geoparser, f: _Found, anchors: _Anchors, doc: _Document) -> Verdict | None:
    """A name that is also a common word needs a cue, or a place of its country named close
    by: a country named anywhere in the document is not enough for الخبر "the news". An
    English word (Union, Reading) in English text needs its cue, whatever else the text names.
    A village named like a common word («التحالف» the coalition) needs its cue even among places
    of its country: the word is far more likely there too."""
    if not (f.type == TOPONYM and f.weak and f.cue is None and not f.why):
        return None
    near = anchors.near(f.raw.start, NEARBY_CHARS)
    made = gp.matcher.made(f.raw.key)
    if (
        _latin_word(f, gp.latin_words(f.places))
        or not any(p.country in near for p in f.places)
        or (_word_village(f) and not made)
    ):
        return Verdict(Rejection.MADE_SPELLING) if made else _weak_reason(f)
    return None


ACCEPTANCE_RULES: tuple[AcceptanceRule, ...] = (
    lone_town,
    made_spelling,
    short_spelling,
    region_word_idiom,
    region_of_a_named_country,
    cued_elsewhere,
    division_named_like_a_country,
    cue_misfit,
    weak_name,
)
