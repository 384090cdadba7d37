"""The analyst's corrections to the geoparser: value types, applying them, exporting them.

A ``Correction`` says of a name in the corpus that it is not a place (``reject``) or that it
is another place (``resolve``: a gazetteer place's id, or a ``NewPlace`` the analyst adds).
Its scope says where: one mention (file and offsets), every mention of the name in one article,
or every mention of the name in the corpus. Names are compared folded (``gazetteer.normalize``):
«الإمارات» and «الامارات» are one name. The most specific correction wins.

Corrections are stored in the index (``IndexDB.add_correction``), which rewrites the stored
mentions of the articles they touch, and the indexer applies them whenever it geoparses an
article again, so they survive re-indexing and ``rebuild``. A mention correction made on an
article whose content changed since (its SHA-256) is not applied: it is reported as stale.

Qt-free and index-free: the pure function ``apply`` and the gazetteer export live here.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any, Literal

from explorer.stored_reasons import from_pairs, from_stored, to_pairs
from gazetteer.model import KINDS, Candidate, Mention, MentionType, Place
from gazetteer.normalize import fold, words
from gazetteer.reasons import Reason, ReasonCode

if TYPE_CHECKING:
    from gazetteer.store import Gazetteer

Scope = Literal["mention", "article", "corpus"]
Action = Literal["reject", "resolve"]
SCOPES: tuple[Scope, ...] = ("mention", "article", "corpus")
#: The reason a corrected mention carries (``--explain``, "Why this place"), by scope.
REASONS: Mapping[Scope, Reason] = {"mention": Reason(ReasonCode.CORRECTED_MENTION),
                                   "article": Reason(ReasonCode.CORRECTED_ARTICLE),
                                   "corpus": Reason(ReasonCode.CORRECTED_CORPUS)}
#: The note of a correction that keeps the geoparser's place (the review queue's "accept"),
#: and the reason its mention then carries.
ACCEPTED = "accepted"
ACCEPTED_REASON = Reason(ReasonCode.ACCEPTED)
#: Kinds that need a country (as the gazetteer loader says).
NEEDS_COUNTRY = ("country", "admin1", "admin2", "city")
FORMAT = "explorer-gazetteer/1"


class CorrectionError(ValueError):
    """A correction that cannot be stored as given (one line)."""


def _not_text(value: str) -> str | None:
    """What makes ``value`` no text to store (a lone surrogate: no UTF-8 for it), or None."""
    for ch in value:
        if "\ud800" <= ch <= "\udfff":
            return f"a lone surrogate (U+{ord(ch):04X})"
    return None


def folded_name(surface: str) -> str:
    """The form names are compared in: folded, spaces collapsed."""
    return " ".join(fold(surface).split()).casefold()


@dataclass(frozen=True, slots=True)
class NewPlace:
    """A place the analyst adds (it is not in the gazetteer)."""

    name: str
    name_ar: str
    lat: float
    lon: float
    country: str | None = None
    kind: str = "city"

    def __post_init__(self) -> None:
        for what, value in (("name", self.name), ("Arabic name", self.name_ar),
                            ("country", self.country or "")):
            if not isinstance(value, str):
                raise CorrectionError(f"the {what} of a new place must be text")
            if (bad := _not_text(value)) is not None:
                raise CorrectionError(f"the {what} of a new place holds {bad}: not text")
        if not (self.name.strip() or self.name_ar.strip()):
            raise CorrectionError("a new place needs a name (English or Arabic)")
        if not -90 <= self.lat <= 90 or not -180 <= self.lon <= 180:
            raise CorrectionError(f"coordinates out of range: {self.lat}, {self.lon}")
        if self.kind not in KINDS:
            raise CorrectionError(f"unknown kind {self.kind!r} (one of {', '.join(KINDS)})")
        if self.kind in NEEDS_COUNTRY and not self.country:
            raise CorrectionError(f"a new {self.kind} needs a country")
        if self.country is not None and not (len(self.country) == 2 and self.country.isalpha()
                                             and self.country.isupper()):
            raise CorrectionError(f"country must be an ISO code such as IQ, not {self.country!r}")

    def problem(self) -> str | None:
        """What the gazetteer loader would refuse in this place (a function word as its name,
        ...), or None: what is accepted is what an exported file brings back."""
        from gazetteer.loader import entry_problem  # with YAML: not at the window's start

        return entry_problem({**self.entry(), "id": "the new place"})

    @property
    def id(self) -> str:
        """Stable for the same place: ``user:`` and a hash of what defines it."""
        key = json.dumps([self.name, self.name_ar, round(self.lat, 5), round(self.lon, 5),
                          self.country, self.kind], ensure_ascii=False)
        return "user:" + hashlib.sha256(key.encode()).hexdigest()[:12]

    def place(self) -> Place:
        name = self.name.strip() or self.name_ar.strip()
        name_ar = self.name_ar.strip() or name
        return Place(id=self.id, name=name, name_ar=name_ar, kind=self.kind, lat=self.lat,
                     lon=self.lon, country=self.country, names_ar=(name_ar,),
                     names_en=(name,), source="correction")

    def entry(self) -> dict[str, Any]:
        """The place as an entry of a gazetteer file (``gazetteer.loader``)."""
        p = self.place()
        return {"id": p.id, "kind": p.kind, "name": p.name, "name_ar": p.name_ar,
                "lat": p.lat, "lon": p.lon, **({"country": p.country} if p.country else {})}

    def to_json(self) -> str:
        return json.dumps({f.name: getattr(self, f.name) for f in fields(self)},
                          ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> NewPlace:
        """Raises ``CorrectionError`` on anything but the JSON ``to_json`` writes."""
        try:
            data = json.loads(text)
            return cls(name=str(data.get("name") or ""), name_ar=str(data.get("name_ar") or ""),
                       lat=float(data["lat"]), lon=float(data["lon"]),
                       country=data.get("country") or None, kind=str(data.get("kind", "city")))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise CorrectionError(f"not a new place: {str(exc)[:80]}") from None


@dataclass(frozen=True, slots=True)
class Correction:
    """One correction, keyed by what it corrects (never by index row ids).

    ``mention``: ``doc``, ``start``, ``end`` (and ``surface``, the text there, and ``sha256``,
    the article's content then); ``article``: ``doc`` and ``surface``; ``corpus``: ``surface``.
    ``resolve`` names ``place_id`` (a gazetteer place) or ``new_place``.
    """

    scope: Scope
    action: Action
    surface: str
    doc: str | None = None
    start: int | None = None
    end: int | None = None
    place_id: str | None = None
    new_place: NewPlace | None = None
    sha256: str | None = None
    note: str = ""
    id: int | None = field(default=None, compare=False)  # the row, once stored
    created: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if self.scope not in SCOPES:
            raise CorrectionError(f"unknown scope {self.scope!r}")
        if self.action not in ("reject", "resolve"):
            raise CorrectionError(f"unknown action {self.action!r}")
        if (bad := _not_text(self.surface)) is not None:
            raise CorrectionError(f"the name corrected holds {bad}: not text")
        if not folded_name(self.surface):
            raise CorrectionError("a correction needs the name it corrects")
        if self.scope != "corpus" and not self.doc:
            raise CorrectionError(f"a correction of {self.scope} scope needs the article")
        if self.scope == "mention" and (self.start is None or self.end is None
                                        or not 0 <= self.start < self.end):
            raise CorrectionError("a correction of one mention needs its offsets")
        if self.action == "resolve" and self.target is None:
            raise CorrectionError("a resolve correction needs a place")
        if self.new_place is not None and self.place_id not in (None, self.new_place.id):
            raise CorrectionError("a correction names either a place id or a new place")

    def problem(self) -> str | None:
        """What makes this correction one not to make now (None: none): the gazetteer
        loader's rules, for the new place and for the name resolved (an exported file must
        load). Stored corrections are read without it (what was accepted stays applied)."""
        from gazetteer.loader import is_function_word

        if self.action == "resolve" and is_function_word(self.surface):
            return (f"«{self.surface[:40]}» is a function word that appears in almost every "
                    "sentence: not a place name")
        return self.new_place.problem() if self.new_place is not None else None

    @property
    def target(self) -> str | None:
        """The id of the place the mentions resolve to (None: rejected)."""
        if self.new_place is not None:
            return self.new_place.id
        return self.place_id

    @property
    def key(self) -> str:
        return folded_name(self.surface)

    def specificity(self) -> int:
        return 2 - SCOPES.index(self.scope)

    def describe(self) -> str:
        """One line: where and what (for reports)."""
        where = {"mention": f"{self.doc}:{self.start}-{self.end}",
                 "article": str(self.doc), "corpus": "the corpus"}[self.scope]
        what = "not a place" if self.action == "reject" else f"→ {self.target}"
        if self.note == ACCEPTED:
            what = f"accepted as {self.target}"
        return f"{where}: «{self.surface}» {what}"


@dataclass(frozen=True, slots=True)
class Applied:
    """An article's mentions once corrected, and the corrections that could not be applied."""

    mentions: list[Mention]
    changed: bool  # a correction applied (the mentions differ from the geoparser's)
    stale: list[tuple[Correction, str]] = field(default_factory=list)  # with why


def relevant(corrections: Iterable[Correction], doc: str) -> list[Correction]:
    """The corrections that may apply to article ``doc``."""
    return [c for c in corrections if c.scope == "corpus" or c.doc == doc]


def apply(
    doc: str,
    sha256: str,
    text: str | None,
    mentions: Sequence[Mention],
    corrections: Iterable[Correction],
    place_of: Callable[[str], Place | None],
) -> Applied:
    """``mentions`` of article ``doc`` (content ``sha256``) with ``corrections`` applied.

    For each mention the most specific correction wins: one for its offsets (only while the
    article's content is what it was), then one for its name in this article, then one for
    its name in the corpus. A mention correction that resolves offsets where the geoparser
    found nothing adds the mention when ``text`` there is still its name. ``place_of`` finds
    the place a correction names (None: unknown, the correction is reported, not applied).
    """
    by_span: dict[tuple[int, int], Correction] = {}
    by_article: dict[str, Correction] = {}
    by_corpus: dict[str, Correction] = {}
    stale: list[tuple[Correction, str]] = []
    for c in corrections:  # the last of equal keys wins
        if c.scope == "mention" and c.doc == doc:
            if c.sha256 and c.sha256 != sha256:
                stale.append((c, "the article changed since the correction was made"))
                continue
            by_span[(c.start or 0, c.end or 0)] = c
        elif c.scope == "article" and c.doc == doc:
            by_article[c.key] = c
        elif c.scope == "corpus":
            by_corpus[c.key] = c
    out: list[Mention] = []
    changed = False
    used: set[tuple[int, int]] = set()
    missing: set[int] = set()  # ids of corrections whose place is unknown (reported once)

    def target(c: Correction) -> Place | None:
        if c.new_place is not None:
            return c.new_place.place()
        place = place_of(c.target or "")
        if place is None and id(c) not in missing:
            missing.add(id(c))
            stale.append((c, f"place {c.target} is not in the gazetteer"))
        return place

    for m in mentions:
        span = (m.start, m.end)
        found = by_span.get(span)
        if found is not None:
            used.add(span)
        else:
            key = folded_name(m.text)
            found = by_article.get(key) or by_corpus.get(key)
        if found is None:
            out.append(m)
            continue
        if found.action == "reject":
            changed = True
            continue
        place = target(found)
        if place is None:
            out.append(m)
            continue
        changed = True  # its place, or at least its confidence and reason
        out.append(corrected(m, place, found.scope, accepted=found.note == ACCEPTED))
    for span, c in by_span.items():
        if span in used or c.action == "reject":
            continue
        start, end = span
        if text is None or text[start:end] != c.surface:
            stale.append((c, "the name is no longer at these offsets"))
        elif any(m.start < end and start < m.end for m in out):
            stale.append((c, "the geoparser now finds another name overlapping it"))
        elif (place := target(c)) is not None:
            added = Mention(start, end, c.surface, MentionType.TOPONYM, place)
            out.append(corrected(added, place, c.scope))
            changed = True
    out.sort(key=lambda m: (m.start, m.end))
    return Applied(out, changed, stale)


def corrected(m: Mention, place: Place, scope: Scope, *, accepted: bool = False) -> Mention:
    """``m`` resolved to ``place`` by the analyst (or its place ``accepted`` as it is); the
    place it had stays as a candidate."""
    alts = list(m.alternatives)
    if m.place.id != place.id and all(c.place.id != m.place.id for c in alts):
        alts.insert(0, Candidate(m.place, m.confidence, m.reasons))
    alts = [c for c in alts if c.place.id != place.id]
    reason = ACCEPTED_REASON if accepted else REASONS[scope]
    return replace(m, place=place, confidence=1.0, reasons=(reason,),
                   alternatives=tuple(alts))


# -- storing mentions (the geoparser's, kept beside the corrected ones) ---------------------


def place_to_json(p: Place) -> dict[str, Any]:
    return {f.name: getattr(p, f.name) for f in fields(Place)}


def place_from_json(d: Mapping[str, Any]) -> Place:
    values = dict(d)
    for name in ("names_ar", "names_en", "demonyms_ar", "demonyms_en", "demonyms_fr", "members"):
        values[name] = tuple(values.get(name, ()))
    return Place(**values)


def mentions_to_json(mentions: Sequence[Mention]) -> str:
    """The mentions, their places included (read back without a gazetteer)."""
    places: dict[str, dict[str, Any]] = {}
    rows = []
    # What mentions share (a name said thousands of times: one reasons tuple, one tuple of
    # alternatives) is made into JSON-ready lists once, by identity, not once a mention.
    made: dict[int, Any] = {}
    for m in mentions:
        reasons = made.get(id(m.reasons))
        if reasons is None:
            reasons = made[id(m.reasons)] = to_pairs(m.reasons)
        alts = made.get(id(m.alternatives))
        if alts is None:
            for c in m.alternatives:
                places.setdefault(c.place.id, place_to_json(c.place))
            alts = made[id(m.alternatives)] = [
                [c.place.id, c.score, to_pairs(c.reasons)] for c in m.alternatives]
        places.setdefault(m.place.id, place_to_json(m.place))
        rows.append([m.start, m.end, m.text, str(m.type), m.place.id, m.confidence, reasons,
                     alts])
    return json.dumps({"places": places, "mentions": rows}, ensure_ascii=False)


def mentions_from_json(text: str) -> list[Mention]:
    data = json.loads(text)
    places = {pid: place_from_json(d) for pid, d in data["places"].items()}
    return [Mention(r[0], r[1], r[2], MentionType(r[3]), places[r[4]], r[5], from_stored(r[6]),
                    tuple(Candidate(places[a[0]], a[1], from_pairs(a[2])) for a in r[7]))
            for r in data["mentions"]]


# -- export as a gazetteer file ---------------------------------------------------------------


def gazetteer_yaml(
    corrections: Iterable[Correction],
    place_of: Callable[[str], Place | None],
    gaz: Gazetteer | None = None,
) -> str:
    """The corrections as a gazetteer file (``--gazetteer``): each new place with the names
    resolved to it, and each name resolved to a gazetteer place added to that place's names.
    Rejections and accepted places have no gazetteer form and are left out (they stay in
    the index). A file
    cannot make the geoparser prefer a place: where ``gaz`` gives a name to other places
    too, a comment says so (the geoparser's ranking decides between them)."""
    import yaml  # not imported by the window until it exports

    from gazetteer.loader import entry_problem

    entries: dict[str, dict[str, Any]] = {}
    shared: list[str] = []
    left_out: list[str] = []
    for c in sorted(corrections, key=lambda c: (c.created, c.id or 0)):
        if c.action != "resolve" or c.target is None or c.note == ACCEPTED:
            continue  # rejections have no gazetteer form; an accepted place is one already
        if c.new_place is not None:
            entry = entries.setdefault(c.new_place.id, c.new_place.entry())
        else:
            known = place_of(c.target)
            if known is None:
                continue
            entry = entries.setdefault(known.id, {"id": known.id})
        arabic = any("\u0600" <= ch <= "\u06ff" for ch in c.surface)
        key = "names_ar" if arabic else "names_en"
        surface = " ".join(c.surface.split())
        if surface not in (entry.get("name"), entry.get("name_ar")) and \
                surface not in entry.get(key, []):
            if (why := entry_problem({"id": entry["id"], key: [surface]}, new=False)):
                left_out.append(f"# left out: «{surface}» as a name of {entry['id']} ({why})")
                continue
            entry.setdefault(key, []).append(surface)
        named = {gaz.places[i] for i, _t in gaz.index.get(tuple(words(surface)), ())} \
            if gaz is not None else set()
        others = [p.id for p in sorted(named, key=lambda p: (-p.population, p.id))
                  if p.id != entry["id"]]
        if others:
            shared.append(f"# «{surface}» also names {', '.join(others[:5])} in the gazetteer: "
                          f"the geoparser ranks them with {entry['id']}")
    places = []
    for entry in entries.values():  # what the loader would refuse is left out, and said
        why = entry_problem(entry, new=entry["id"].startswith("user:"))
        if len(entry) == 1:  # a gazetteer place whose names were all left out
            continue
        if why is None:
            places.append(entry)
        else:
            left_out.append(f"# left out: {entry['id']} ({why})")
    doc = {"format": FORMAT, "places": places}
    head = "# The analyst's corrections, exported by explorer (explorer corrections --export)\n"
    head += "".join(" ".join(line.splitlines()) + "\n" for line in shared + left_out)
    return head + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)


# -- finding places for the analyst (the window's menus and dialogs) -------------------------


def km(a: Place, b: Place) -> float:
    """Great-circle distance in km."""
    from math import asin, cos, radians, sin, sqrt

    p1, p2 = radians(a.lat), radians(b.lat)
    h = sin((p2 - p1) / 2) ** 2 + cos(p1) * cos(p2) * sin(radians(b.lon - a.lon) / 2) ** 2
    return 2 * 6371.0 * asin(min(1.0, sqrt(h)))


#: A namesake abroad (a populated place or feature found by the mention's name only, in another
#: country than the mention's place) smaller than this is left out of the candidates.
MIN_NAMESAKE_POPULATION = 10_000
#: Kinds of place that are areas: a namesake area is always a candidate (Georgia the country
#: and the state; Moscow the city and its province).
AREA_KINDS = frozenset({"country", "admin1", "admin2", "region"})


def candidates(gaz: Gazetteer, m: Mention) -> list[Place]:
    """Places the name of ``m`` may stand for, without its own place: the geoparser's
    runner-ups first, then the gazetteer's places of that name, most populous first.

    Namesakes unrelated to the name are left out. A populated place or feature in another
    country than the mention's place must bear the name's usual reading (the English name
    most of the places of that name share: Mesquite, Texas, whose Arabic name is spelt as
    Moscow's, is not one of Moscow's namesakes); one the geoparser did not consider must also
    have ``MIN_NAMESAKE_POPULATION`` people. Areas of that name are always candidates.
    """
    chosen = gaz.by_id.get(m.place.id, m.place)
    runners_up = {c.place.id: gaz.by_id.get(c.place.id, c.place) for c in m.alternatives}
    named = {gaz.places[i].id: gaz.places[i]
             for i, _type in gaz.index.get(tuple(words(m.text)), ())}

    def names(p: Place) -> set[str]:
        return {n.casefold() for n in (p.name, *p.names_en) if n}

    tally = Counter(n for p in {chosen.id: chosen, **runners_up, **named}.values()
                    for n in names(p))
    top = max(tally.values(), default=0)
    readings = {n for n, c in tally.items() if c == top}

    def related(p: Place, considered: bool) -> bool:
        if p.kind in AREA_KINDS or (p.country is not None and p.country == chosen.country):
            return True
        return bool(names(p) & readings) and (
            considered or p.population >= MIN_NAMESAKE_POPULATION)

    first = [p for p in runners_up.values() if p.id != chosen.id and related(p, True)]
    rest = sorted((p for p in named.values()
                   if p.id != chosen.id and p.id not in runners_up and related(p, False)),
                  key=lambda p: (-p.population, p.name, p.id))
    return first + rest


class PlaceContext:
    """Where a place is, for telling namesakes apart: its first-level division (province,
    state) and its country, as the gazetteer has them."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.provinces: dict[str, Place] = {}
        self.countries: dict[str, Place] = {}
        for p in gaz.places:
            if p.kind == "admin1" and p.admin1:
                self.provinces.setdefault(p.admin1, p)
            elif p.kind == "country" and p.country:
                self.countries.setdefault(p.country, p)

    def province(self, p: Place) -> Place | None:
        """The first-level division holding ``p`` (None for an area of that level or above,
        or where unknown)."""
        if p.kind in ("country", "admin1", "region") or not p.admin1:
            return None
        return self.provinces.get(p.admin1)

    def country(self, p: Place) -> Place | None:
        if p.kind in ("country", "region") or not p.country:
            return None
        return self.countries.get(p.country)


def search(gaz: Gazetteer, query: str, limit: int = 50) -> list[Place]:
    """Places with a name containing ``query`` (folded: Arabic spellings and Latin case alike);
    exact names first, then most populous."""
    q = " ".join(words(query)).casefold()
    if not q:
        return []
    exact: dict[str, Place] = {}
    partial: dict[str, Place] = {}
    for key, bucket in gaz.index.items():
        name = " ".join(key).casefold()
        if q not in name:
            continue
        into = exact if name == q else partial
        for i, _type in bucket:
            p = gaz.places[i]
            into.setdefault(p.id, p)
    ranked = sorted(exact.values(), key=lambda p: (-p.population, p.name))
    ranked += sorted((p for pid, p in partial.items() if pid not in exact),
                     key=lambda p: (-p.population, p.name))
    return ranked[:limit]


def nearest_country(gaz: Gazetteer, lat: float, lon: float) -> str | None:
    """The country of the gazetteer's nearest populated place (a new place's likely one)."""
    here = Place("", "", "", "city", lat, lon)
    best: tuple[float, str | None] = (float("inf"), None)
    for p in gaz.places:
        if p.kind == "city" and p.country and abs(p.lat - lat) < 5 and abs(p.lon - lon) < 5:
            best = min(best, (km(here, p), p.country), key=lambda b: b[0])
    return best[1]
