"""The geoparser's value types: places in the gazetteer and mentions found in text.

Pure data, no behaviour beyond small conveniences; everything else in ``gazetteer``
and ``explorer`` passes these around.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from gazetteer.reasons import Reason, text_of


class PlaceKind(StrEnum):
    """Kinds of place, most to least prominent when a name is ambiguous.

    ``admin1``/``admin2``: first- and second-level divisions; ``city``: any populated place;
    ``feature``: a physical or man-made feature (sea, strait, river, mountain, port, crossing,
    airport, air base, camp…), its GeoNames feature code in ``Place.feature``.
    """

    COUNTRY = "country"
    ADMIN1 = "admin1"
    ADMIN2 = "admin2"
    REGION = "region"
    CITY = "city"
    FEATURE = "feature"


#: The kinds as strings, in the order above (what a gazetteer file's ``kind`` may say).
KINDS = tuple(k.value for k in PlaceKind)


class MentionType(StrEnum):
    """A place's name (``toponym``) or an adjective of it (``demonym``: «اللبنانية»)."""

    TOPONYM = "toponym"
    DEMONYM = "demonym"


@dataclass(frozen=True, slots=True)
class Place:
    """One entry of the gazetteer.

    ``id`` is stable and unique: ``gn:<geonameid>`` for GeoNames places,
    ``region:<slug>`` for regions, anything for a user's own entries.
    """

    id: str
    name: str  # English name
    name_ar: str  # Arabic display name
    kind: str  # a PlaceKind value
    lat: float
    lon: float
    country: str | None = None  # ISO 3166-1 alpha-2; None for regions
    geonameid: int | None = None
    population: int = 0
    capital: bool = False  # a national capital
    names_ar: tuple[str, ...] = ()  # Arabic surface forms (name_ar included)
    names_en: tuple[str, ...] = ()  # Latin-script surface forms (name included)
    demonyms_ar: tuple[str, ...] = ()  # Arabic adjectives / demonyms (inflected forms are derived)
    demonyms_en: tuple[str, ...] = ()  # English demonyms, singular (plurals are derived)
    demonyms_fr: tuple[str, ...] = ()  # French demonyms as nouns, m. and f. singular (derived:
    # plurals and the lower-case adjectives)
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
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in a text.

    ``start``/``end`` are Python ``str`` offsets into the *original* text, and
    ``text == original[start:end]``.
    """

    start: int
    end: int
    text: str
    type: MentionType
    place: Place
    confidence: float = 1.0
    reasons: tuple[Reason, ...] = ()
    alternatives: tuple[Candidate, ...] = field(default=())

    @property
    def reason(self) -> str:
        """Its reasons in English, "; "-joined (``--explain``, exports)."""
        return text_of(self.reasons)

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
                {"place": c.place.as_json(), "score": round(c.score, 3),
                 "reasons": [r.text for r in c.reasons]}
                for c in self.alternatives
            ]
        return out


class Rejection(StrEnum):
    """Why a name found in a text is not a place mention there (shown by ``--explain``)."""

    DIRECTION = "a compass direction, not a place"
    TIME_ZONE = "a time zone"
    INDEFINITE = "an indefinite word (tanween), not a name"
    IDIOM = "part of an idiom"
    CLUB = "a club"
    NEWSPAPER = "a newspaper"
    NEWS_AGENCY = "a news agency"
    TV_CHANNEL = "a TV channel"
    NEWS_SITE = "a news website"
    GIVEN_NAME = "a given name"
    SURNAME = "a surname"
    PERSON = "a person, after a title"
    ORGANISATION = "part of an organisation's name"
    NAME_PART = "part of a name"
    LANGUAGE = "a language's name, not a demonym"
    ADJECTIVE = "an adjective after a plural noun, not the country"
    DEFINITE_ADJECTIVE = "an adjective after a definite noun, not a place"
    PERSON_ELSEWHERE = "named as a person elsewhere in the document"
    CLUB_ELSEWHERE = "named as a club elsewhere in the document"
    COMMON_WORD = "also a common word, with no place cue and no place of its country named nearby"
    ENGLISH_WORD = "an everyday English word, with no place cue"
    VILLAGE_WORD = "a village named like a common word, with no place cue"
    ARABIC_WORD = (
        "an Arabic word (in the lexicon) that also names a town or division, with no place cue"
        " and no place of its country nearby"
    )
    SHORT_NAME = (
        "a short name of a small town, with no place cue and no place of its country nearby"
    )
    LONE_TOWN = (
        "a town of no great size with no cue and no other place of its country in the text"
    )
    MADE_SPELLING = (
        "an Arabic spelling made from a place's Latin name, with no place cue and no place of its"
        " country nearby"
    )
    CUE_MISFIT = (
        "also a common word; the cue before it calls for another kind of place, and no place of"
        " its country is named nearby"
    )

    @property
    def person(self) -> bool:
        """The name is a person's here (and so, one sense per document, elsewhere)."""
        return self in (Rejection.SURNAME, Rejection.PERSON)

    @property
    def club(self) -> bool:
        return self is Rejection.CLUB


@dataclass(frozen=True, slots=True)
class Verdict:
    """A rejection and the words of the text that decided it (typed: ``gazetteer.reasons``)."""

    why: Rejection
    detail: Reason | None = None

    def __str__(self) -> str:
        return f"{self.why}: {self.detail.text}" if self.detail else str(self.why)
