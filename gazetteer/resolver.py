"""Choosing the place a name refers to, with a score, runner-ups and the reason it won.

Signals, each recorded as a reason: the kind of place (country, capital, state, city by
population), a cue word before the name (ولاية → state, مدينة → city, قضاء → a Lebanese or
Iraqi district), a place it is said to lie in («طرابلس شمال لبنان», «البيرة العكارية»), the
document's other places (their countries, weighed by how much of the document they hold; the
divisions it names, for the towns inside them; distance, with ``geopy.distance``, to the places
named near it) and one sense per document (every occurrence of a name in a document votes for
the same place). The contextual reasons come first: they are what decided.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from geopy.distance import EARTH_RADIUS, great_circle

from gazetteer.model import Candidate, Place, PlaceKind
from gazetteer.reasons import Reason
from gazetteer.reasons import ReasonCode as R

# A country outranks any city of the same name (الجزائر, الكويت, لبنان: a town in the US), a
# region any city; a state ranks below big cities (نيويورك) and wins with a cue (ولاية).
_KIND_BASE = {
    PlaceKind.COUNTRY: 6.0,
    PlaceKind.REGION: 5.0,
    PlaceKind.ADMIN1: 1.6,
    PlaceKind.ADMIN2: 0.8,
    PlaceKind.CITY: 0.0,
    PlaceKind.FEATURE: 0.0,
}
#: What a cue word (ولاية، مدينة، دولة) adds to places of the kind it names.
CUE_BONUS = 5.0
#: What a place gains when its country is named in the document, plus ``COUNTRY_SHARE_BONUS``
#: times the share of the document's sure places that lie in that country...
COUNTRY_BONUS = 1.0
COUNTRY_SHARE_BONUS = 3.0
#: ... unless it is a much smaller namesake (this fraction of the biggest candidate's population,
#: or less) and a small town (under ``NAMESAKE_POPULATION``): a small Geneva in the US is not
#: meant because the US is named, only with a cue or places named near it; Tripoli, a city of
#: Lebanon, is meant in a document about Lebanon.
NAMESAKE_RATIO = 0.2
NAMESAKE_POPULATION = 100_000
#: ... unless it lies within this distance of a town the document names.
NAMESAKE_NEAR_KM = 100.0
#: Degrees of latitude more than ``NAMESAKE_NEAR_KM`` (a degree is 111 km anywhere).
_NEAR_DEGREES = 1.0
#: A place said to lie in a country or division («طرابلس شمال لبنان», «طرابلس اللبنانية»).
WITHIN_BONUS = 8.0
#: A place inside a first- or second-level division the document names.
DIVISION_BONUS = 2.5
#: ... plus this much times the division's share of the names that place the document in a
#: first-level division (where divisions decide): the home state of a local paper.
STATE_SHARE_BONUS = 1.5
#: The prior of a feature among regions and divisions of its name: above a region's.
FEATURE_FIRST = 5.5
#: What a division loses among the candidates of its own town's name («معرة النعمان» the
#: district and its seat): it falls below any town's prior (a state still above a district),
#: so the bare name is the town and a cue («منطقة معرة النعمان», «محافظة إدلب») names the
#: division.
SEAT_DIVISION = 2.5
#: A town smaller than this, among places of other kinds, in a country the document does not
#: name, loses ``STRAY_TOWN`` from its prior.
SMALL_TOWN_ABROAD = 150_000
STRAY_TOWN = 2.0
#: A state named like a country (Georgia) outranks it by this much where at least
#: ``STATE_SHARE`` of the document's sure places lie in the state's country and none in the
#: other: with the country's bonus it passes the country's prior.
STATE_OVER_COUNTRY = 2.0
STATE_SHARE = 0.5
#: GeoNames codes of the rivers and lakes a state may be named after.
_WATERS = frozenset({"STM", "STMS", "RSV", "LK", "LKS"})
_NAMED_AFTER = frozenset({PlaceKind.REGION, PlaceKind.ADMIN1, PlaceKind.ADMIN2})


@dataclass(frozen=True, slots=True)
class Context:
    """What the document says around one occurrence of an ambiguous name."""

    cue: Cue | None
    doc_countries: frozenset[str]  # countries of the document's unambiguous places
    nearby: tuple[Place, ...]  # unambiguous places named close to this occurrence
    #: A country or division the text says this occurrence lies in, and the words that say so.
    within: tuple[Place, str] | None = None
    #: Country → share of the document's sure places in it.
    country_share: Mapping[str, float] = field(default_factory=dict)
    #: Admin codes ("LB.09", "LB.09.1234") of the divisions the document names surely.
    doc_divisions: frozenset[str] = frozenset()
    #: Towns the document names in one country only (sure, or all their places there).
    doc_towns: tuple[Place, ...] = ()
    #: The language's ``divisions_decide``: a town in a division the document names is no
    #: smaller namesake (Paris, Texas in a story from Texas), and its country is the document's.
    divisions_decide: bool = False
    #: With ``divisions_decide``: first-level divisions of the towns the document names surely
    #: (Dallas: Texas), which count as named unless a bigger place of the name lies in another
    #: country the document names.
    town_divisions: frozenset[str] = frozenset()
    #: With ``divisions_decide``: first-level division → its share of the names that place the
    #: document in one (its home state weighs most).
    state_share: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Cue:
    """A word before a name that calls it a place of these kinds (in these countries)."""

    word: str
    kinds: frozenset[str]
    countries: frozenset[str] = frozenset()  # empty: any


def inside(place: Place, area: Place) -> bool:
    """Is ``place`` inside ``area`` (a country, a first- or second-level division)?"""
    if place.id == area.id:
        return False
    if area.kind == PlaceKind.COUNTRY:
        return place.country == area.country
    if area.kind == PlaceKind.ADMIN1 and area.admin1:
        return place.admin1 == area.admin1
    if area.kind == PlaceKind.ADMIN2 and area.admin2:
        return place.admin2 == area.admin2
    if area.kind == PlaceKind.REGION:
        return place.country in area.members
    return False


def prior(place: Place) -> tuple[float, list[Reason]]:
    """Score of a place before context: its kind and size."""
    score = _KIND_BASE.get(PlaceKind(place.kind), 0.0)
    if place.kind == PlaceKind.COUNTRY:
        return score, [Reason(R.COUNTRY)]
    if place.kind == PlaceKind.REGION:
        return score, [Reason(R.REGION)]
    if place.kind == PlaceKind.ADMIN1:
        return score, [Reason(R.ADMIN1)]
    if place.kind == PlaceKind.ADMIN2:
        return score, [Reason(R.ADMIN2)]
    reasons = []
    if place.capital:
        score += 2.0
        reasons.append(Reason(R.CAPITAL))
    if place.population:
        score += 0.35 * math.log10(place.population + 1)
        reasons.append(Reason(R.POPULATION, n=place.population))
    return score, reasons


def _cued(place: Place, cue: Cue | None) -> bool:
    """Does ``cue`` call for a place of this kind (in this country)?"""
    return (
        cue is not None
        and place.kind in cue.kinds
        and (not cue.countries or place.country in cue.countries)
    )


def contextual(
    place: Place, ctx: Context, namesake: bool = False, like_country: bool = False,
    rival_abroad: bool = False,
) -> tuple[float, list[Reason]]:
    """Score from the document; ``namesake``: a much smaller place than the best-known one;
    ``like_country``: a town named like its own country (الجزائر, تونس, الكويت), which the
    document's places of that country speak for no more than for the country itself;
    ``rival_abroad``: a bigger place of the name lies in another country the document names (the
    divisions of the document's towns do not speak for this one)."""
    score, reasons = 0.0, list[Reason]()
    cue = ctx.cue
    if namesake and not like_country and place.kind == PlaceKind.CITY and ctx.doc_towns:
        # A small namesake next to a town the document names is the one meant (المهدية beside
        # Rabat and Kenitra: Mehdya, Morocco, not Mahdia, Tunisia).
        # Only towns within a degree of latitude can be within NAMESAKE_NEAR_KM: measured.
        close = [t for t in ctx.doc_towns if abs(t.lat - place.lat) <= _NEAR_DEGREES]
        found = _nearest(place, close) if close else None
        if found is not None and found[1] <= NAMESAKE_NEAR_KM:
            namesake = False
            reasons.append(Reason(R.NEAR_DOC_PLACE, km=found[1], name=found[0].name))
    if cue is not None and _cued(place, cue):
        score += CUE_BONUS
        reasons.append(Reason(R.CUE, word=cue.word, kind=_kind_words(cue)))
        # A division carries no population: named by its cue («محافظة دمشق»), it is no smaller
        # namesake of the town and has the same claim to the document's country.
        namesake = namesake and place.kind not in _NAMED_AFTER
    if ctx.within is not None and inside(place, ctx.within[0]):
        score += WITHIN_BONUS
        reasons.append(Reason(R.WITHIN, name=ctx.within[0].name, word=ctx.within[1]))
    share = ctx.country_share.get(place.country or "", 0.0)
    if (
        place.kind != PlaceKind.COUNTRY
        and place.country
        and place.country in ctx.doc_countries
        and not namesake
    ):
        score += COUNTRY_BONUS + COUNTRY_SHARE_BONUS * share
        reasons.append(Reason(R.COUNTRY_NAMED, code=place.country, share=share))
    codes = {c for c in (place.admin1, place.admin2) if c}
    named = ctx.doc_divisions if rival_abroad else ctx.doc_divisions | ctx.town_divisions
    if codes & named and place.kind not in (PlaceKind.ADMIN1, PlaceKind.COUNTRY):
        score += DIVISION_BONUS + STATE_SHARE_BONUS * ctx.state_share.get(place.admin1, 0.0)
        reasons.append(Reason(R.DIVISION_NAMED, code=max(codes & named)))
    # Distance to a country's or region's centre says little: only points count.
    others = [p for p in ctx.nearby if p.id != place.id and p.kind == PlaceKind.CITY]
    if others and not like_country:
        found = _nearest(place, others)
        if found is not None:
            near, km = found
            bonus = 2.5 * math.exp(-km / 2000.0)
            if bonus > 0.1:
                score += bonus
                reasons.append(Reason(R.NEAR_NAMED, km=km, name=near.name))
    return score, reasons


#: Beyond this distance a nearby place adds at most 2.5·e^(-3.22) < 0.1: no bonus.
_NO_BONUS_KM = 6_450.0
#: How far the quick estimate may be from geopy's figure (it is the same formula; the margin
#: only guards against rounding).
_SLACK_KM = 1e-3


def _nearest(place: Place, others: Sequence[Place]) -> tuple[Place, float] | None:
    """The first of ``others`` closest to ``place`` and its distance, by ``great_circle``.

    None when even the closest is too far for a bonus. Distances are first estimated with the
    great-circle formula in plain floats; only the places within a rounding margin of the
    closest estimate are measured with geopy, so the answer is that of measuring them all.
    """
    if not _in_range(place) or not all(_in_range(p) for p in others):
        near = min(others, key=lambda p: _km(place, p))
        return near, _km(place, near)
    lat1, lon1 = math.radians(place.lat), math.radians(place.lon)
    sin1, cos1 = math.sin(lat1), math.cos(lat1)
    estimates = [_estimate(sin1, cos1, lon1, p.lat, p.lon) for p in others]
    least = min(estimates)
    if least > _NO_BONUS_KM:
        return None
    close = [p for p, d in zip(others, estimates, strict=True) if d <= least + _SLACK_KM]
    near = min(close, key=lambda p: _km(place, p))
    return near, _km(place, near)


def _in_range(p: Place) -> bool:
    return -90.0 <= p.lat <= 90.0 and -180.0 <= p.lon <= 180.0


def _estimate(sin1: float, cos1: float, lon1: float, lat: float, lon: float) -> float:
    """geopy's great-circle formula (km), without its objects."""
    lat2 = math.radians(lat)
    sin2, cos2 = math.sin(lat2), math.cos(lat2)
    delta = math.radians(lon) - lon1
    cos_d = math.cos(delta)
    d = math.atan2(
        math.sqrt((cos2 * math.sin(delta)) ** 2 + (cos1 * sin2 - sin1 * cos2 * cos_d) ** 2),
        sin1 * sin2 + cos1 * cos2 * cos_d,
    )
    return float(EARTH_RADIUS * d)


_KIND_WORD = {
    PlaceKind.CITY: "town",
    PlaceKind.ADMIN1: "state or province",
    PlaceKind.ADMIN2: "district",
    PlaceKind.COUNTRY: "country",
}


def _kind_words(cue: Cue) -> tuple[str, ...]:
    """The kinds a cue calls for, as ``KIND_WORDS`` (a text joins them with "or")."""
    if cue.countries:
        return ("state, province or district",)
    return tuple(sorted(_KIND_WORD.get(PlaceKind(k), k) for k in cue.kinds))


def _km(a: Place, b: Place) -> float:
    return _km_between(a.lat, a.lon, b.lat, b.lon)


@lru_cache(maxsize=1 << 18)
def _km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # The same pairs of places recur in document after document: measure each pair once.
    if (lat1, lon1) > (lat2, lon2):
        return _km_between(lat2, lon2, lat1, lon1)
    return float(great_circle((lat1, lon1), (lat2, lon2)).km)


def dominant_town(places: Sequence[Place]) -> Place | None:
    """The town among ``places`` whose every other place is a smaller namesake (Dallas, Texas
    beside Dallas, Georgia), or None."""
    towns = [p for p in places if p.kind == PlaceKind.CITY]
    if not towns:
        return None
    top = max(towns, key=lambda p: p.population)
    others = [p for p in places if p.id != top.id]
    if all(p.kind == PlaceKind.CITY and p.population < NAMESAKE_RATIO * top.population
           and p.population < NAMESAKE_POPULATION for p in others):
        return top
    return None


def dominant_state(places: Sequence[Place], countries: Collection[str]) -> Place | None:
    """The one first-level division among ``places`` (or the one in ``countries``, those the
    document names) when no country or region shares the name and every town of it is inside
    that division or a small namesake (Florida beside Florida, New York, Florida, Cuba and the
    department of Uruguay; Minnesota beside its river), or None."""
    states = [p for p in places if p.kind == PlaceKind.ADMIN1]
    if len(states) > 1:
        states = [p for p in states if p.country in countries]
    if len(states) != 1 or any(p.kind in (PlaceKind.COUNTRY, PlaceKind.REGION) for p in places):
        return None
    state = states[0]
    if not state.admin1 or not all(
        p.kind != PlaceKind.CITY or p.admin1 == state.admin1
        or p.population < NAMESAKE_POPULATION for p in places):
        return None
    return state


def _division_named(place: Place, contexts: Sequence[Context]) -> bool:
    """Is ``place`` a town in a first-level division the document names, or names towns of,
    where the language lets divisions decide (English, French: Paris in a story from Texas)?"""
    return place.kind == PlaceKind.CITY and bool(place.admin1) and any(
        c.divisions_decide
        and (place.admin1 in c.doc_divisions or place.admin1 in c.town_divisions)
        for c in contexts)


def _biggest_abroad(places: Sequence[Place],
                    contexts: Sequence[Context]) -> Callable[[Place], int]:
    """For the languages whose divisions decide: the population of the biggest place of the
    name in another country the document names than a place's own (Islamabad, Pakistan beside
    Anantnag, alias Islamabad, in a story about Pakistan and India); 0 otherwise. Linear: the
    two biggest countries' places are enough."""
    if not any(c.divisions_decide for c in contexts):
        return lambda place: 0
    named = contexts[0].doc_countries
    best: dict[str, int] = {}
    for q in places:
        if q.country in named:
            best[q.country] = max(best.get(q.country, 0), q.population)
    top = sorted(best.items(), key=lambda kv: -kv[1])[:2]

    def biggest(place: Place) -> int:
        return next((pop for country, pop in top if country != place.country), 0)

    return biggest


def _state_over_country(places: Sequence[Place], contexts: Sequence[Context]) -> set[str]:
    """For the languages whose divisions decide: the countries whose state named like a
    country (Georgia) is meant, because most of the document's sure places lie in that state's
    country and none in the country of the name."""
    rivals = {p.country for p in places if p.kind == PlaceKind.COUNTRY}
    if not rivals or not any(c.divisions_decide for c in contexts):
        return set()
    if any(r in c.doc_countries for c in contexts for r in rivals):
        return set()
    return {
        p.country for p in places
        if p.kind == PlaceKind.ADMIN1 and p.country and p.country not in rivals
        and max(c.country_share.get(p.country, 0.0) for c in contexts) >= STATE_SHARE
    }


def rank(places: Sequence[Place], contexts: Sequence[Context]) -> list[Candidate]:
    """Candidates best first: the prior plus the strongest context among the occurrences."""
    ranked = []
    biggest = max((p.population for p in places), default=0)
    # A town named like its own country (تونس, الجزائر, الكويت) gets nothing from the document
    # being about that country: that speaks for the country as much.
    countries = {p.country for p in places if p.kind == PlaceKind.COUNTRY}
    # A sea or river outranks the region and the divisions named after it («البحر الأحمر»:
    # the sea, not the Red Sea governorates nor the countries around it); a cue still wins
    # («ولاية نهر النيل»). A town of the name keeps its own claim (دنيبرو, the city).
    # For the languages whose divisions decide, a state named after its river or lake by a
    # one-word name (Ohio, Kentucky, Illinois) is the state: the river is written with its
    # generic word ("the Ohio River").
    states = {p.name for p in places if p.kind == PlaceKind.ADMIN1}
    feature_first = (
        any(p.kind in _NAMED_AFTER for p in places)
        and not any(p.kind in (PlaceKind.CITY, PlaceKind.COUNTRY) for p in places)
        and not (
            any(c.divisions_decide for c in contexts)
            and any(p.kind == PlaceKind.FEATURE and p.feature in _WATERS
                    and p.name in states and " " not in p.name for p in places)
        )
    )
    towns = [p for p in places if p.kind == PlaceKind.CITY]
    state_first = _state_over_country(places, contexts)
    biggest_abroad = _biggest_abroad(places, contexts)
    mixed = len({p.kind for p in places}) > 1  # towns among places of other kinds
    for place in places:
        base, reasons = prior(place)
        if feature_first and place.kind == PlaceKind.FEATURE:
            base, reasons = FEATURE_FIRST, [Reason(R.FEATURE_FIRST)]
        elif (
            place.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2)
            and any(inside(t, place) for t in towns)
            and not any(_cued(place, ctx.cue) for ctx in contexts)
        ):
            base -= SEAT_DIVISION
            reasons = [Reason(R.SEAT_DIVISION)]
        if place.kind == PlaceKind.ADMIN1 and place.country in state_first:
            base += STATE_OVER_COUNTRY
        if (
            place.kind == PlaceKind.CITY
            and not place.capital
            and place.population < SMALL_TOWN_ABROAD
            and mixed
            and not any(place.country in ctx.doc_countries or _cued(place, ctx.cue)
                        for ctx in contexts)
        ):
            # «اشتباكات في كشمير»: a small town (Cashmere, Washington) the document never
            # places in its country is not meant over a region, a feature or a division.
            base -= STRAY_TOWN
            reasons = [*reasons, Reason(R.STRAY_TOWN)]
        # A first-level division carries no population and is no small namesake: «الجوف» in
        # a document about Yemen is its governorate, not Al Jawf, a town of Libya.
        namesake = (
            place.kind != PlaceKind.ADMIN1
            and place.population < NAMESAKE_RATIO * biggest
            and place.population < NAMESAKE_POPULATION
        ) or place.country in countries
        rival_abroad = biggest_abroad(place) > place.population
        if namesake and not rival_abroad and _division_named(place, contexts):
            namesake = False
        like_country = place.kind != PlaceKind.COUNTRY and place.country in countries
        bonus, why = max(
            (contextual(place, ctx, namesake, like_country, rival_abroad) for ctx in contexts),
            key=lambda t: t[0],
            default=(0.0, []),
        )
        ranked.append(Candidate(place, base + bonus, tuple(why + reasons)))
    ranked.sort(key=lambda c: (-c.score, -c.place.population, c.place.id))
    return ranked


def countries_named(ranked: Sequence[Candidate], share: Mapping[str, float]) -> list[Candidate]:
    """The candidates of a demonym of several countries (Congolese, Dominican), the countries
    the document names raised as a town of theirs would be, best first."""
    out = []
    for c in ranked:
        part = share.get(c.place.country or "", 0.0)
        if part:
            why = Reason(R.COUNTRY_NAMED, code=c.place.country or "", share=part)
            c = Candidate(c.place, c.score + COUNTRY_BONUS + COUNTRY_SHARE_BONUS * part,
                          (why, *c.reasons))
        out.append(c)
    out.sort(key=lambda c: (-c.score, -c.place.population, c.place.id))
    return out


def confidence(ranked: Sequence[Candidate]) -> float:
    """Softmax weight of the winner among the candidates."""
    if len(ranked) <= 1:
        return 1.0
    top = ranked[0].score
    total = sum(math.exp(c.score - top) for c in ranked)
    return 1.0 / total
