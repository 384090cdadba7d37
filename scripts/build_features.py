#!/usr/bin/env python3
"""Generate ``gazetteer/data/physical.tsv``: physical features and disputed regions of the
whole world with their Arabic names, from Who's On First and Natural Earth (reproducible,
offline).

    .venv/bin/pip install -e ".[build-data]"
    .venv/bin/python scripts/build_features.py --raw RAW_DIR   (or: make data FEATURES_RAW=...)

RAW_DIR (kept out of git: too large; see the README, Data and licences) holds four folders,
each with a ``COMMIT`` file naming the commit its files were taken at:

- ``natural-earth-csv/``: the attribute tables of the Natural Earth 10m physical layers
  (``ne_10m_{geography_regions_points, geography_regions_elevation_points,
  geography_regions_polys, lakes, rivers_lake_centerlines}.csv``: name, feature class,
  ``name_ar``, ``ne_id``; the two points layers also ``lat_y``/``long_x``), as converted from
  Natural Earth 5's DBF files by the repository Raysphere24/NaturalEarthCsvTsv;
- ``natural-earth-shp/``: ``ne_10m_{geography_regions_polys, lakes,
  rivers_lake_centerlines}.{shp,dbf}`` (Natural Earth's shapes, as in a checkout of
  natural-earth-vector), for a label point of each named polygon and line;

and checkouts (or plain copies) of two Who's On First repositories, each with its ``data/``
folder of GeoJSON records:

- ``whosonfirst-data-admin-xy``: the oceans and the marine areas (seas, gulfs, bays, straits,
  channels, sounds, lagoons, fjords), whose Arabic names (``name:ara_x_preferred`` and
  ``name:ara_x_variant``) come from Wikidata and whose label points from Natural Earth;
- ``whosonfirst-data-admin-xx``: the disputed and unrecognised regions (Kashmir, Azad Kashmir,
  Gilgit-Baltistan, Abkhazia, Somaliland, the Ilemi Triangle…).

Who's On First data is licensed under CC BY 4.0 with its sources' licences (Wikidata CC0,
Natural Earth public domain): https://whosonfirst.org/docs/licenses/.

Each record becomes one place of kind ``feature`` with id ``wof:<id>`` (the record it came from;
its names are that record's), its label point, and a GeoNames-style feature code in ``feature``
(OCN, SEA, GULF, BAY, STRT, CHN, SD, LGN, FJD, RGN…). Records that name one feature twice (the
North and South Pacific are one ocean in Arabic, المحيط الهادئ) are merged. A feature that the
curated files or the other generated files already have (a place sharing one of its Arabic
names, its point within ``SAME_PLACE_KM`` or inside the record's box) is left out: the curated
entry stays. A one-word Arabic name that is a common word (wordfreq Zipf ≥ ``COMMON_ZIPF``, or in
``lexicon_names.txt``) marks the place ``common_word`` (it then needs a place cue, as the
geoparser does for every such name); a bare generic word (بحر, خليج, جزيرة) is never a name.

A record that is not JSON, or lacks its id, name or point, fails the build with ``FILE:LINE``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "gazetteer" / "data"
OUT_NAME = "physical.tsv"

sys.path.insert(0, str(ROOT))
from gazetteer.normalize import fold  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_gazetteer as bg  # noqa: E402
import ne_shapes  # noqa: E402

#: The repositories read from RAW, and the kinds of record taken from each.
SOURCES: dict[str, frozenset[str]] = {
    "whosonfirst-data-admin-xy": frozenset({"ocean", "marinearea"}),
    "whosonfirst-data-admin-xx": frozenset({"disputed", "region", "country"}),
}
#: Natural Earth's feature class of a marine area (``ne:featurecla``) as a GeoNames code.
MARINE_CODES = {
    "ocean": "OCN", "sea": "SEA", "gulf": "GULF", "bay": "BAY", "strait": "STRT",
    "channel": "CHN", "sound": "SD", "lagoon": "LGN", "fjord": "FJD", "inlet": "INLT",
    "reef": "RF", "river": "STM",
}
#: A one-word Arabic name at least this common as a word needs a cue (as in build_gazetteer).
COMMON_ZIPF = bg.COMMON_ZIPF
#: A name within this distance of a place already in the gazetteer with the same Arabic name is
#: that place (a sea's point and a curated one differ by hundreds of kilometres).
SAME_PLACE_KM = 600.0
#: Generic words that name no place on their own (folded before comparing).
GENERIC = frozenset(fold(w) for w in (
    "محيط", "المحيط", "بحر", "البحر", "خليج", "الخليج", "مضيق", "المضيق", "قناة", "القناة",
    "جزيرة", "الجزيرة", "جزر", "الجزر", "نهر", "النهر", "جبل", "الجبل", "جبال", "الجبال", "بحيرة",
    "البحيرة", "صحراء", "الصحراء", "وادي", "الوادي", "منطقة", "المنطقة", "إقليم", "الإقليم",
    "مثلث", "المثلث", "ضفة", "الضفة", "خور", "الخور", "لسان", "رأس", "الرأس", "شعاب", "الشعاب",
    "سهل", "السهل", "هضبة", "الهضبة", "دلتا", "حوض", "الحوض", "شلال", "الشلال", "شلالات", "بركان",
    "البركان", "ساحل", "الساحل", "سد", "السد", "خزان", "الخزان", "مرتفعات", "منخفض", "المنخفض",
    "سلسلة", "أرض", "الأرض", "قمة", "القمة", "كيب", "ممر", "الممر", "غابة", "الغابة", "واحة",
))
NAME_KEY = '"wof:name"'


class SourceError(Exception):
    """A source record the build cannot use: ``FILE:LINE: what is wrong``."""


@dataclass
class Feature:
    wof_id: int
    placetype: str
    name: str
    names_ar: list[str]
    names_en: list[str]
    code: str
    lat: float
    lon: float
    area: float
    bbox: tuple[float, float, float, float] | None
    wikidata: str
    path: str
    merged: list[int] = field(default_factory=list)


def _line_of(text: str, needle: str) -> int:
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def _float(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    f = float(value)
    return f if math.isfinite(f) else None


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def parse_record(path: Path, text: str, shown: str, wanted: frozenset[str]) -> Feature | None:
    """The feature of one Who's On First record, or None if it is not one we take.

    Raises ``SourceError`` (``FILE:LINE: what``) for a record that is broken.
    """
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(f"{shown}:{exc.lineno}: not JSON: {exc.msg}") from None
    props = doc.get("properties") if isinstance(doc, dict) else None
    if not isinstance(props, dict):
        raise SourceError(f"{shown}:1: no 'properties' object")
    placetype = props.get("wof:placetype")
    if placetype not in wanted:
        return None
    line = _line_of(text, '"wof:placetype"')
    if props.get("mz:is_current") == 0 or _strings(props.get("wof:superseded_by")) or (
        props.get("wof:superseded_by") not in (None, [])
    ) or props.get("edtf:deprecated") not in (None, "", "uuuu"):
        return None  # retired or replaced: its successor is in the data
    arabic = _strings(props.get("name:ara_x_preferred")) + _strings(
        props.get("name:ara_x_variant")
    )
    if not arabic:
        return None
    wof_id = props.get("wof:id")
    if not isinstance(wof_id, int) or isinstance(wof_id, bool) or wof_id <= 0:
        at = _line_of(text, '"wof:id"')
        raise SourceError(f"{shown}:{at}: 'wof:id' must be a positive integer, not {wof_id!r}")
    name = props.get("wof:name")
    if not isinstance(name, str) or not name.strip():
        raise SourceError(f"{shown}:{_line_of(text, NAME_KEY)}: no 'wof:name'")
    lat = lon = None
    for prefix in ("lbl", "mps", "geom"):
        lat, lon = _float(props.get(f"{prefix}:latitude")), _float(props.get(f"{prefix}:longitude"))
        if lat is not None and lon is not None:
            break
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise SourceError(f"{shown}:{line}: no label point (lbl:/mps:/geom: latitude and "
                          f"longitude) for {name!r}")
    bbox = None
    raw_box = props.get("geom:bbox")
    if isinstance(raw_box, str):
        try:
            w, s, e, n = (float(v) for v in raw_box.split(","))
            bbox = (w, s, e, n)
        except ValueError:
            bbox = None
    names_ar: list[str] = []
    for a in arabic:
        form = bg.arabic_form(a)
        if form and form not in names_ar:
            names_ar.append(form)
    if not names_ar:
        return None  # Persian, Urdu… letters only: not an Arabic name
    names_en = [n for n in [name.strip(), *_strings(props.get("name:eng_x_preferred"))]
                if n and not any(ch in n for ch in "\t|")]
    if placetype == "ocean":
        code = "OCN"
    elif placetype == "marinearea":
        code = MARINE_CODES.get(str(props.get("ne:featurecla") or "").lower(), "SEA")
    else:
        code = "RGN"
    concordances = props.get("wof:concordances")
    wikidata = ""
    if isinstance(concordances, dict) and isinstance(concordances.get("wd:id"), str):
        wikidata = concordances["wd:id"]
    return Feature(
        wof_id=wof_id, placetype=str(placetype), name=names_en[0] if names_en else str(wof_id),
        names_ar=names_ar, names_en=list(dict.fromkeys(names_en)), code=code, lat=lat, lon=lon,
        area=_float(props.get("geom:area")) or 0.0, bbox=bbox, wikidata=wikidata, path=shown,
    )


def read_repo(repo: Path, wanted: frozenset[str]) -> tuple[list[Feature], str]:
    """The wanted features of one Who's On First checkout, and a SHA-256 of the records read."""
    data = repo / "data"
    if not data.is_dir():
        raise SourceError(f"{data}: no such folder (a Who's On First checkout has data/)")
    digest = hashlib.sha256()
    features: list[Feature] = []
    needles = [f'"wof:placetype":"{t}"'.encode() for t in wanted]
    needles += [f'"wof:placetype": "{t}"'.encode() for t in wanted]
    for path in sorted(data.rglob("*.geojson")):
        raw = path.read_bytes()
        if not any(n in raw for n in needles):
            continue
        shown = str(path)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise SourceError(f"{shown}:1: not UTF-8 ({exc.reason})") from None
        feature = parse_record(path, text, shown, wanted)
        if feature is not None:
            digest.update(path.relative_to(repo).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(raw).digest())
            features.append(feature)
    return features, digest.hexdigest()


_COMPASS = re.compile(r"^(North|South|East|West|Northern|Southern|Eastern|Western) ")


def _same(a: Feature, b: Feature) -> bool:
    """Two records of one feature: one Wikidata item, or one Arabic name and close points."""
    close = (
        distance_km(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM
        or _inside(a.bbox, b.lat, b.lon) or _inside(b.bbox, a.lat, a.lon)
    )
    if fold(a.names_ar[0]) == fold(b.names_ar[0]):
        return close or a.placetype == b.placetype == "ocean"
    return bool(a.wikidata) and a.wikidata == b.wikidata and close


def merge_same(features: list[Feature]) -> list[Feature]:
    """One feature per Wikidata item or per Arabic name and place (the North and South Pacific
    are one ocean in Arabic): the largest record's point, every record's names."""
    groups: list[list[Feature]] = []
    for f in sorted(features, key=lambda f: (-f.area, f.wof_id)):
        group = next((g for g in groups if any(_same(f, o) for o in g)), None)
        if group is None:
            groups.append([f])
        else:
            group.append(f)
    out: list[Feature] = []
    for group in groups:
        base = group[0]
        for other in group[1:]:
            base.names_ar += [n for n in other.names_ar if n not in base.names_ar]
            base.names_en += [n for n in other.names_en if n not in base.names_en]
            base.merged.append(other.wof_id)
        shared = {_COMPASS.sub("", f.name) for f in group}
        if len(group) > 1 and len(shared) == 1:  # North and South Pacific Ocean: Pacific Ocean
            base.name = shared.pop()
            base.names_en = [base.name] + [n for n in base.names_en if n != base.name]
        out.append(base)
    return sorted(out, key=lambda f: f.wof_id)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _inside(box: tuple[float, float, float, float] | None, lat: float, lon: float) -> bool:
    if box is None:
        return False
    w, s, e, n = box
    return s <= lat <= n and (w <= lon <= e if w <= e else (lon >= w or lon <= e))


Known = dict[str, list[tuple[str, float, float]]]


def known_places(paths: Iterable[Path]) -> Known:
    """Folded Arabic name → (id, lat, lon) of every place of the other built-in files."""
    from gazetteer.loader import load_files

    result = load_files(list(paths))
    if result.errors:
        raise SourceError("; ".join(str(e) for e in result.errors))
    known: Known = {}
    for p in result.places:
        for n in p.names_ar:
            known.setdefault(fold(n), []).append((p.id, p.lat, p.lon))
    return known


def already_known(f: Feature, known: Known) -> str | None:
    """The id of a place of the gazetteer that is this feature, or None."""
    for n in f.names_ar:
        for pid, lat, lon in known.get(fold(n), ()):
            if distance_km(f.lat, f.lon, lat, lon) <= SAME_PLACE_KM or _inside(f.bbox, lat, lon):
                return pid
    return None


def is_common(name: str, lexicon: frozenset[str]) -> bool:
    """A one-word name that is an everyday Arabic word (by frequency or in the lexicon)."""
    key = fold(name)
    return " " not in key and (key in lexicon or bg.zipf_ar(name) >= COMMON_ZIPF)


#: The Arabic word for each kind of water body, and the English words that say the kind.
HEADS = {
    "STRT": ("مضيق", ("Strait", "Straits")), "SEA": ("بحر", ("Sea",)),
    "GULF": ("خليج", ("Gulf", "Bight")), "BAY": ("خليج", ("Bay", "Bight")),
    "CHN": ("قناة", ("Channel",)),
}
#: Kinds whose one-word Arabic name is always given its head word: a river's or a mountain's
#: bare name is most often a word or a person's name (Vaal فال, Bell بيل, Teide تيد).
ALWAYS_HEADS = {"STM": "نهر", "MT": "جبل"}


def with_head(f: Feature, name: str) -> str:
    """A one-word Arabic name of a strait, sea, gulf or channel whose English name has the word
    for its kind («كوريا» for Korea Strait) is the eponym, not the feature: give it its head word
    (مضيق كوريا), as the press writes it."""
    if " " in name:
        return name
    if f.code in ALWAYS_HEADS:
        return f"{ALWAYS_HEADS[f.code]} {name}"
    head = HEADS.get(f.code)
    if head is None or not any(w in f.name.split() for w in head[1]):
        return name
    return f"{head[0]} {name}"


#: Head words for a one-word name of these kinds: «هيمالايا» is written «جبال الهيمالايا» too;
#: the name with its head is a cue of itself, so it needs no other support.
HEAD_VARIANTS = {
    "MTS": "جبال", "DSRT": "صحراء", "ISL": "جزيرة", "ISLS": "جزر", "LK": "بحيرة",
    "PLAT": "هضبة", "PEN": "شبه جزيرة",
}


def head_variants(code: str, name: str) -> list[str]:
    """«جبال هيمالايا» and «جبال الهيمالايا» for the range «هيمالايا», «بركان إتنا» for the
    mountain «جبل إتنا», «نهر الدانوب» for the river «نهر دانوب»; [] for other names."""
    if code == "MT" and name.startswith("جبل "):
        return [f"بركان {name[4:]}"]  # «بركان إتنا»: written of volcanoes, never of other peaks
    rest = name[4:]
    if code == "STM" and name.startswith("نهر ") and " " not in rest and not rest.startswith("ال"):
        return [f"نهر ال{rest}"]  # «نهر الدانوب» beside «نهر دانوب»
    head = HEAD_VARIANTS.get(code)
    if head is None or " " in name or fold(name) in GENERIC:
        return []
    out = [f"{head} {name}"]
    if code == "MTS" and not name.startswith("ال"):
        out.append(f"{head} ال{name}")
    return out


#: A one-word name at least this common in Arabic (Zipf)...
WORD_ZIPF = bg.TOWN_COMMON_ZIPF
#: A bare name this common (به "in it", يوم "day") given its head word (نهر به) is a phrase of
#: the language, not a name.
PHRASE_ZIPF = bg.ALT_COMMON_ZIPF
#: ... and more common than the feature's English name is in English by FAME_GAP, while that
#: name is rare in English, is a word or a person's name more often than the feature (Bely
#: Island «بيلي», Mili Atoll «ميلي»; not Anatolia «الأناضول», Crete «كريت»).
RARE_EN_ZIPF = 2.5
_EN_GENERIC = re.compile(
    r"\b(Island|Islands|Atoll|Archipelago|Mountains|Mts\.?|Range|Desert|Peninsula|Plateau|"
    r"Lake|River|I\.|Is\.)(?!\w)"
)


def obscure_homonym(name_ar: str, name_en: str) -> bool:
    """A one-word Arabic name that is read as a word or a person far more often than as this
    feature, whose English name says it is little known."""
    if " " in name_ar:
        return False
    za = bg.zipf_ar(name_ar)
    core = " ".join(_EN_GENERIC.sub(" ", name_en).split())
    ze = bg.zipf_en(core) if core else 0.0
    return za >= WORD_ZIPF and ze < RARE_EN_ZIPF and za - ze >= bg.FAME_GAP


def to_place(
    f: Feature, lexicon: frozenset[str], cue_words: frozenset[str],
    taken: frozenset[str] = frozenset(), elsewhere: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """The TSV row of a feature ({} if none of its names is left).

    ``taken``: folded names of the other features (an alternate that names another feature is
    a mistake of the source: Wake Island's «جزر سبراتلي»); ``elsewhere``: folded names of the
    places of the other files (a desert called الجوف far from the Saudi region of that name
    would take its mentions: the place the gazetteer has keeps the name).
    """
    # a river's or mountain's bare name that is a word, given its head word, makes a phrase of
    # the language («نهر به» "a river in it», «نهر يوم»): such a name is left out
    names = [with_head(f, n) for n in f.names_ar
             if with_head(f, n) == n or f.code not in ALWAYS_HEADS or bg.zipf_ar(n) < PHRASE_ZIPF]
    names = [n for n in dict.fromkeys(names) if fold(n) not in GENERIC and fold(n) not in cue_words
             and fold(n) not in elsewhere]
    names = names[:1] + [n for n in names[1:] if fold(n) not in taken]
    if not names:
        return {}
    name_ar = names[0]
    common = is_common(name_ar, lexicon) or obscure_homonym(name_ar, f.name)
    # a common alternate of a name that is not itself common is dropped, not kept as a word
    alternates = [n for n in names[1:] if common or not is_common(n, lexicon)]
    for n in head_variants(f.code, name_ar):
        if n not in alternates and fold(n) not in elsewhere and fold(n) not in taken:
            alternates.append(n)
    place: dict[str, Any] = {
        "id": f"{'ne' if f.placetype.startswith('ne:') else 'wof'}:{f.wof_id}",
        "kind": "feature", "name": f.name, "name_ar": name_ar,
        "names_ar": alternates, "names_en": f.names_en[1:], "feature": f.code,
        "lat": round(f.lat, 5), "lon": round(f.lon, 5), "common_word": common,
    }
    return place


def _read_lexicon() -> frozenset[str]:
    path = DATA / "ar" / "lexicon_names.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(s for line in lines if (s := line.strip()) and not s.startswith("#"))


def _commit(repo: Path) -> str:
    try:
        return (repo / "COMMIT").read_text(encoding="utf-8").strip() or "commit not recorded"
    except OSError:
        return "commit not recorded"


# --- Natural Earth -------------------------------------------------------------------------
#: The Natural Earth 10m physical layers read (their attribute tables, with ``name_ar``, as CSV
#: in RAW/natural-earth-csv/; the shapes of those without a point column in
#: RAW/natural-earth-shp/), and each feature class as a GeoNames code ("" = left out).
NE_LAYERS: dict[str, dict[str, str]] = {
    "geography_regions_points": {
        "island": "ISL", "island group": "ISLS", "cape": "CAPE", "waterfall": "FLLS",
        "plain": "PLN",
    },
    "geography_regions_elevation_points": {
        "mountain": "MT", "plateau": "PLAT", "depression": "DPR", "pass": "PASS",
    },
    "geography_regions_polys": {
        "island": "ISL", "range/mtn": "MTS", "island group": "ISLS", "plateau": "PLAT",
        "desert": "DSRT", "pen/cape": "PEN", "peninsula": "PEN", "geoarea": "RGN", "coast": "CST",
        "plain": "PLN", "delta": "DLTA", "basin": "BSND", "valley": "VAL", "lowland": "LWLD",
        "tundra": "TUND", "isthmus": "ISTH", "wetlands": "WTLD", "gorge": "GRGE",
        "foothills": "HLLS", "lake": "LK", "depression": "DPR",
    },
    "lakes": {"lake": "LK", "reservoir": "RSV", "alkaline lake": "LK"},
    "rivers_lake_centerlines": {"river": "STM", "canal": "CNL", "river (intermittent)": "STM"},
}
#: Layers whose CSV has the point (``lat_y``, ``long_x``); the others take it from the shapes.
NE_POINT_LAYERS = frozenset({"geography_regions_points", "geography_regions_elevation_points"})


def _ne_key(name: str, featurecla: str) -> tuple[str, str]:
    """Names compared without case, accents or punctuation (Mahé I. = Mahe I)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return ("".join(ch for ch in plain if ch.isalnum()), featurecla.lower())


def ne_shapes_by_name(
    shp_dir: Path, layer: str
) -> tuple[dict[tuple[str, str], tuple[float, float, ne_shapes.Box | None]], str]:
    """(name, class) → (lat, lon, box) of the biggest shape of that name, and a SHA-256 of the
    two files."""
    dbf, shp = shp_dir / f"ne_10m_{layer}.dbf", shp_dir / f"ne_10m_{layer}.shp"
    try:
        rows, shapes = ne_shapes.read_dbf(dbf), ne_shapes.read_shp(shp)
    except OSError as exc:
        raise SourceError(f"{exc.filename}: cannot read: {exc.strerror}") from None
    except ne_shapes.ShapeError as exc:
        raise SourceError(str(exc)) from None
    if len(rows) != len(shapes):
        raise SourceError(f"{shp}: {len(shapes)} shapes for {len(rows)} records in {dbf.name}")
    best: dict[tuple[str, str], tuple[float, ne_shapes.Shape]] = {}
    for row, shape in zip(rows, shapes, strict=True):
        if shape.kind == 0 or not row.get("name"):
            continue
        key = _ne_key(row["name"], row.get("featurecla", ""))
        big = ne_shapes.size(shape)
        if key not in best or big > best[key][0]:
            best[key] = (big, shape)
    out: dict[tuple[str, str], tuple[float, float, ne_shapes.Box | None]] = {}
    for key, (_, shape) in best.items():
        point = ne_shapes.label_point(shape)
        if point is not None:
            out[key] = (point[1], point[0], shape.box)
    digest = hashlib.sha256(dbf.read_bytes() + b"\0" + shp.read_bytes()).hexdigest()
    return out, digest


def read_ne_layer(
    csv_path: Path, layer: str, shapes: dict[tuple[str, str], tuple[float, float, Any]] | None
) -> tuple[list[Feature], int]:
    """The features of one Natural Earth layer with an Arabic name, and how many named rows
    had no shape to place them. A row without its name, class or point fails the build."""
    codes = NE_LAYERS[layer]
    try:
        text = csv_path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SourceError(f"{csv_path}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise SourceError(f"{csv_path}:1: not UTF-8 ({exc.reason})") from None
    reader = csv.DictReader(text.splitlines())
    header = [h.lower() for h in reader.fieldnames or []]
    for col in ("featurecla", "name", "name_ar", "ne_id"):
        if col not in header:
            raise SourceError(f"{csv_path}:1: no column '{col}'")
    features: list[Feature] = []
    unplaced = 0
    seen_rivers: set[str] = set()
    for number, raw in enumerate(reader, start=2):
        row = {k.lower(): (v or "").strip() for k, v in raw.items() if k is not None}
        if None in raw:
            raise SourceError(f"{csv_path}:{number}: more cells than the header has columns")
        cla = row["featurecla"].lower()
        code = codes.get(cla, "")
        arabic = bg.arabic_form(row["name_ar"]) if row["name_ar"] else None
        if not code or not arabic:
            continue
        name = row["name"] or row.get("name_en", "")
        shown_name = row.get("name_en") or (name.title() if name.isupper() else name)
        if not name:
            raise SourceError(f"{csv_path}:{number}: a name in Arabic ({row['name_ar']}) but "
                              "no 'name'")
        try:
            ne_id = int(row["ne_id"])
        except ValueError:
            raise SourceError(f"{csv_path}:{number}: 'ne_id' must be a number, not "
                              f"{row['ne_id']!r}") from None
        box = None
        if layer in NE_POINT_LAYERS:
            try:
                lat, lon = float(row["lat_y"]), float(row["long_x"])
            except (KeyError, ValueError):
                raise SourceError(
                    f"{csv_path}:{number}: 'lat_y'/'long_x' must be numbers"
                ) from None
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise SourceError(f"{csv_path}:{number}: point ({lat}, {lon}) out of range")
        else:
            if layer == "rivers_lake_centerlines":
                if name in seen_rivers:
                    continue  # a river is many rows, one per stretch: the first names it
                seen_rivers.add(name)
            placed = (shapes or {}).get(_ne_key(name, cla))
            if placed is None:
                unplaced += 1
                continue
            lat, lon, box = placed
        features.append(Feature(
            wof_id=ne_id, placetype=f"ne:{layer}", name=shown_name, names_ar=[arabic],
            names_en=list(dict.fromkeys([shown_name, name])), code=code, lat=lat, lon=lon,
            area=0.0, bbox=box,
            wikidata=row.get("wikidataid", ""), path=f"{csv_path}:{number}",
        ))
    return features, unplaced


def read_natural_earth(raw: Path) -> tuple[list[Feature], list[str]]:
    """Every Natural Earth feature with an Arabic name, and the source lines for the header."""
    csv_dir, shp_dir = raw / "natural-earth-csv", raw / "natural-earth-shp"
    features: list[Feature] = []
    sources: list[str] = []
    for layer in NE_LAYERS:
        shapes = None
        path = csv_dir / f"ne_10m_{layer}.csv"
        note = ""
        if layer not in NE_POINT_LAYERS:
            shapes, digest = ne_shapes_by_name(shp_dir, layer)
            note = f"; points from its shapes ({_commit(shp_dir)} sha256:{digest})"
        found, unplaced = read_ne_layer(path, layer, shapes)
        features += found
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        sources.append(f"{path.name} {_commit(csv_dir)} sha256:{digest} ({len(found)} named, "
                       f"{unplaced} without a shape){note}")
    return features, sources


TSV_HEADER = """\
# GENERATED by scripts/build_features.py; do not edit: put corrections in overlay.yaml.
# Physical features of the whole world with their Arabic names: oceans, seas, gulfs, bays,
# straits and disputed regions from Who's On First (https://whosonfirst.org/; CC BY 4.0; Arabic
# names from Wikidata, CC0; points from Natural Earth), id wof:N = Who's On First record N;
# islands, capes, mountains, ranges, deserts, plateaus, peninsulas, regions, lakes and rivers
# from Natural Earth 10m (public domain; https://www.naturalearthdata.com/), id ne:N = its
# ne_id N. Word frequencies from wordfreq {wordfreq}. Built from (file or repository, commit,
# SHA-256):
{sources}"""


def build(
    raw: Path, out: Path, data_dir: Path = DATA, *, verbose: bool = False
) -> dict[str, int]:
    """Read the sources in ``raw``, write ``out``; return counts for the report."""
    from gazetteer.store import BUILTIN_FILES

    features: list[Feature] = []
    sources: list[str] = []
    for repo_name, wanted in SOURCES.items():
        repo = raw / repo_name
        found, digest = read_repo(repo, wanted)
        features += found
        sources.append(f"{repo_name} {_commit(repo)} sha256:{digest} ({len(found)} records)")
    ne_features, ne_sources = read_natural_earth(raw)
    features += ne_features
    sources += ne_sources
    merged = merge_same(features)
    others = [data_dir / n for n in BUILTIN_FILES if n != OUT_NAME and (data_dir / n).exists()]
    known = known_places(others)
    lexicon = _read_lexicon()
    cue_words = bg.context_words()
    places: list[dict[str, Any]] = []
    skipped = 0
    firsts = [fold(with_head(f, f.names_ar[0])) for f in merged]
    elsewhere = frozenset(known)
    ids: set[str] = set()
    for i, f in enumerate(merged):
        if pid := already_known(f, known):
            skipped += 1
            if verbose:
                print(f"already known: {f.name} {f.names_ar[0]} = {pid}")
            continue
        taken = frozenset(firsts[:i] + firsts[i + 1:])
        place = to_place(f, lexicon, cue_words, taken, elsewhere)
        if place:
            # Natural Earth gives one ne_id to two rows now and then (a Cordillera Occidental
            # in Peru and one in Colombia): the second is ID-2.
            base, n = place["id"], 1
            while place["id"] in ids:
                n += 1
                place["id"] = f"{base}-{n}"
            ids.add(place["id"])
            places.append(place)
    write_tsv(out, sources, places)
    return {
        "records": len(features), "features": len(merged), "already known": skipped,
        "written": len(places), "common_word": sum(1 for p in places if p["common_word"]),
    }


def write_tsv(path: Path, sources: list[str], places: list[dict[str, Any]]) -> None:
    from gazetteer.tsv import COLUMNS

    used = [c for c in COLUMNS if any(p.get(c) not in (None, "", [], False) for p in places)]
    head = TSV_HEADER.format(
        wordfreq=bg._version("wordfreq"), sources="".join(f"#   {s}\n" for s in sources)
    )
    lines = ["\t".join(used)]
    lines += ["\t".join(bg._tsv_cell(p.get(c)) for c in used) for p in places]
    tmp = path.with_suffix(".tmp")
    tmp.write_text(head + "\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--raw", type=Path, required=True,
                    help="folder with the Who's On First checkouts " + ", ".join(SOURCES))
    ap.add_argument("--out", type=Path, default=DATA / OUT_NAME)
    ap.add_argument("--report", action="store_true", help="print the features left out")
    args = ap.parse_args(argv)
    try:
        counts = build(args.raw, args.out, verbose=args.report)
    except SourceError as exc:
        print(f"build_features: {exc}", file=sys.stderr)
        return 1
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
