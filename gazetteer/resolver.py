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

from geopy.distance import great_circle

from gazetteer.model import Candidate, Place

_KIND_BASE = {"country": 3.0, "region": 2.6, "admin1": 1.6, "city": 0.0}


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


def contextual(place: Place, ctx: Context) -> tuple[float, list[str]]:
    score, reasons = 0.0, []
    if ctx.cue and ctx.cue == place.kind:
        score += 3.0
        reasons.append(f"the word before it calls it a {_KIND_WORD[ctx.cue]}")
    elif ctx.cue == "city" and place.kind == "city":
        score += 3.0
    if place.country and place.country in ctx.doc_countries:
        score += 1.5
        reasons.append(f"its country ({place.country}) is named in the document")
    others = [p for p in ctx.nearby if p.id != place.id]
    if others:
        near = min(others, key=lambda p: _km(place, p))
        km = _km(place, near)
        bonus = 2.5 * math.exp(-km / 2000.0)
        if bonus > 0.1:
            score += bonus
            reasons.append(f"{km:,.0f} km from {near.name}, named nearby")
    return score, reasons


_KIND_WORD = {"city": "city", "admin1": "state or province", "country": "country"}


def _km(a: Place, b: Place) -> float:
    return float(great_circle((a.lat, a.lon), (b.lat, b.lon)).km)


def rank(places: Sequence[Place], contexts: Sequence[Context]) -> list[Candidate]:
    """Candidates best first: the prior plus the strongest context among the occurrences."""
    ranked = []
    for place in places:
        base, reasons = prior(place)
        bonus, why = max(
            (contextual(place, ctx) for ctx in contexts), key=lambda t: t[0], default=(0.0, [])
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
