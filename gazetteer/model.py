"""The geoparser's value types: places in the gazetteer and mentions found in text.

Pure data, no behaviour beyond small conveniences; everything else in ``gazetteer``
and ``explorer`` passes these around.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Kinds of place, most to least prominent when a name is ambiguous.
#: ``admin1``/``admin2``: first- and second-level divisions; ``city``: any populated place;
#: ``feature``: a physical or man-made feature (sea, strait, river, mountain, port, crossing,
#: airport, air base, camp…), its GeoNames feature code in ``Place.feature``.
KINDS = ("country", "admin1", "admin2", "region", "city", "feature")


@dataclass(frozen=True, slots=True)
class Place:
    """One entry of the gazetteer.

    ``id`` is stable and unique: ``gn:<geonameid>`` for GeoNames places,
    ``region:<slug>`` for regions, anything for a user's own entries.
    """

    id: str
    name: str  # English name
    name_ar: str  # Arabic display name
    kind: str  # one of KINDS
    lat: float
    lon: float
    country: str | None = None  # ISO 3166-1 alpha-2; None for regions
    geonameid: int | None = None
    population: int = 0
    capital: bool = False  # a national capital
    names_ar: tuple[str, ...] = ()  # Arabic surface forms (name_ar included)
    names_en: tuple[str, ...] = ()  # Latin-script surface forms (name included)
    demonyms_ar: tuple[str, ...] = ()  # Arabic adjectives / demonyms (inflected forms are derived)
    members: tuple[str, ...] = ()  # regions: ISO codes of member countries
    common_word: bool = False  # the Arabic name is also a common word: needs a cue to match
    source: str = ""  # "FILE:LINE" of the entry that defined it last
    # The hierarchy, for context: GeoNames codes as in admin1CodesASCII / admin2Codes
    # ("LB.09" is admin1 09 of Lebanon; "LB.09.1234" an admin2 of it); "" where unknown.
    admin1: str = ""
    admin2: str = ""
    feature: str = ""  # GeoNames feature code (PPL, ADM1, STRT, AIRB, …); "" where unknown

    def as_json(self) -> dict[str, Any]:
        """The place as the JSON object ``explorer mentions`` prints."""
        return {
            "id": self.id,
            "geonameid": self.geonameid,
            "name": self.name,
            "name_ar": self.name_ar,
            "kind": self.kind,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
        }


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a mention could refer to, with the score the resolver gave it."""

    place: Place
    score: float
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in a text.

    ``start``/``end`` are Python ``str`` offsets into the *original* text, and
    ``text == original[start:end]``. ``type`` is ``"toponym"`` or ``"demonym"``.
    """

    start: int
    end: int
    text: str
    type: str
    place: Place
    confidence: float = 1.0
    reason: str = ""
    alternatives: tuple[Candidate, ...] = field(default=())

    def as_json(self, *, explain: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "place": self.place.as_json(),
        }
        if explain:
            out["confidence"] = round(self.confidence, 3)
            out["reason"] = self.reason
            out["alternatives"] = [
                {"place": c.place.as_json(), "score": round(c.score, 3), "reasons": list(c.reasons)}
                for c in self.alternatives
            ]
        return out
