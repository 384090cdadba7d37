"""Choosing the place a name refers to, with a score, runner-ups and the reason it won.

Signals, each recorded as a reason: the kind of place (country, capital, state, city by
population), a cue word before the name (ولاية → state, مدينة → city), the document's other
places (shared country; distance, with ``geopy.distance``, to the places named near it) and one
sense per document (every occurrence of a name in a document votes for the same place).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from geopy.distance import EARTH_RADIUS, great_circle

from gazetteer.model import Candidate, Place

# A country outranks any city of the same name (الجزائر, الكويت, لبنان: a town in the US), a
# region any city; a state ranks below big cities (نيويورك) and wins with a cue (ولاية).
_KIND_BASE = {"country": 6.0, "region": 5.0, "admin1": 1.6, "city": 0.0}
#: What a cue word (ولاية، مدينة، دولة) adds to places of the kind it names.
CUE_BONUS = 5.0
#: What a place gains when its country is named in the document...
COUNTRY_BONUS = 1.5
#: ... unless it is a much smaller namesake (this fraction of the biggest candidate's population,
#: or less): a small Geneva in the US is not meant because the US is named, only with a cue or
#: places named near it.
NAMESAKE_RATIO = 0.2


@dataclass(frozen=True, slots=True)
class Context:
    """What the document says around one occurrence of an ambiguous name."""

    cue: str | None  # 'city' | 'admin1' | 'country' | None
    doc_countries: frozenset[str]  # countries of the document's unambiguous places
    nearby: tuple[Place, ...]  # unambiguous places named close to this occurrence


def prior(place: Place) -> tuple[float, list[str]]:
    """Score of a place before context: its kind and size."""
    score = _KIND_BASE.get(place.kind, 0.0)
    if place.kind == "country":
        return score, ["a country"]
    if place.kind == "region":
        return score, ["a region"]
    if place.kind == "admin1":
        return score, ["a first-level division (state)"]
    reasons = []
    if place.capital:
        score += 2.0
        reasons.append("a national capital")
    if place.population:
        score += 0.35 * math.log10(place.population + 1)
        reasons.append(f"population {place.population:,}")
    return score, reasons


def contextual(place: Place, ctx: Context, namesake: bool = False) -> tuple[float, list[str]]:
    """Score from the document; ``namesake``: a much smaller place than the best-known one."""
    score, reasons = 0.0, []
    if ctx.cue and ctx.cue == place.kind:
        score += CUE_BONUS
        reasons.append(f"the word before it calls it a {_KIND_WORD[ctx.cue]}")
    if (
        place.kind != "country"
        and place.country
        and place.country in ctx.doc_countries
        and not namesake
    ):
        score += COUNTRY_BONUS
        reasons.append(f"its country ({place.country}) is named in the document")
    # Distance to a country's or region's centre says little: only points count.
    others = [p for p in ctx.nearby if p.id != place.id and p.kind == "city"]
    if others:
        found = _nearest(place, others)
        if found is not None:
            near, km = found
            bonus = 2.5 * math.exp(-km / 2000.0)
            if bonus > 0.1:
                score += bonus
                reasons.append(f"{km:,.0f} km from {near.name}, named nearby")
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


_KIND_WORD = {"city": "city", "admin1": "state or province", "country": "country"}


def _km(a: Place, b: Place) -> float:
    return _km_between(a.lat, a.lon, b.lat, b.lon)


@lru_cache(maxsize=1 << 18)
def _km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # The same pairs of places recur in document after document: measure each pair once.
    if (lat1, lon1) > (lat2, lon2):
        return _km_between(lat2, lon2, lat1, lon1)
    return float(great_circle((lat1, lon1), (lat2, lon2)).km)


def rank(places: Sequence[Place], contexts: Sequence[Context]) -> list[Candidate]:
    """Candidates best first: the prior plus the strongest context among the occurrences."""
    ranked = []
    biggest = max((p.population for p in places), default=0)
    for place in places:
        base, reasons = prior(place)
        namesake = place.population < NAMESAKE_RATIO * biggest
        bonus, why = max(
            (contextual(place, ctx, namesake) for ctx in contexts),
            key=lambda t: t[0],
            default=(0.0, []),
        )
        ranked.append(Candidate(place, base + bonus, tuple(reasons + why)))
    ranked.sort(key=lambda c: (-c.score, -c.place.population, c.place.id))
    return ranked


def confidence(ranked: Sequence[Candidate]) -> float:
    """Softmax weight of the winner among the candidates."""
    if len(ranked) <= 1:
        return 1.0
    top = ranked[0].score
    total = sum(math.exp(c.score - top) for c in ranked)
    return 1.0 / total
