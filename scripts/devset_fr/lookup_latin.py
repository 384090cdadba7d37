"""Find the records of a Latin-script name in the gazetteer extracts, and copy one into places.json.

    python scripts/devset_fr/lookup_latin.py find NAME [CC]
    python scripts/devset_fr/lookup_latin.py add fr|en KEY GEONAMEID|CC

Searches gazetteer/data (countries.yaml, admin1.yaml, admin1.tsv, admin2.tsv, cities.tsv,
towns.tsv) by name and English alternate names, case-insensitive and accent-insensitive.  `add`
writes the record with that GeoNames id (or the country with that ISO code) under KEY in
scripts/devset_LANG/places.json, with its source file; nothing is typed by hand.  Annotation
help only: never used at run time.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "gazetteer" / "data"


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold().replace("’", "'")


def _yaml_rows(name: str) -> list[dict[str, Any]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*- \{(.*)\}\s*$", line)
        if not m:
            continue
        row: dict[str, Any] = {}
        for k, v in re.findall(r'(\w+): ("[^"]*"|\[[^\]]*\]|[^,]+)', m.group(1)):
            row[k] = v.strip().strip('"')
        row["source"] = f"gazetteer/data/{name}"
        rows.append(row)
    return rows


def _tsv_rows(name: str) -> list[dict[str, Any]]:
    lines = [ln for ln in (DATA / name).read_text(encoding="utf-8").splitlines()
             if not ln.startswith("#")]
    rows = []
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        row["source"] = f"gazetteer/data/{name}"
        rows.append(row)
    return rows


def rows() -> list[dict[str, Any]]:
    out = []
    for name in ("countries.yaml", "admin1.yaml"):
        out += _yaml_rows(name)
    for name in ("admin1.tsv", "admin2.tsv", "cities.tsv", "towns.tsv"):
        out += _tsv_rows(name)
    return out


def names(row: dict[str, Any]) -> list[str]:
    out = [row.get("name", "")]
    extra = row.get("names_en") or ""
    out += [n for n in re.split(r"[|;]", extra.strip("[]")) if n]
    return [n.strip().strip('"') for n in out if n]


def find(q: str, cc: str | None) -> list[dict[str, Any]]:
    fq = _fold(q)
    hits = [r for r in rows() if (not cc or r.get("country") == cc)
            and any(_fold(n) == fq for n in names(r))]
    return sorted(hits, key=lambda r: -int(r.get("population") or 0))


def record(r: dict[str, Any]) -> dict[str, Any]:
    rec: dict[str, Any] = {"country": r["country"], "geonameid": int(r["geonameid"]),
                           "kind": r["kind"], "name": r["name"]}
    if r["kind"] in ("city", "town"):
        rec["kind"] = "city"
        rec["lat"], rec["lon"] = float(r["lat"]), float(r["lon"])
    rec["source"] = r["source"]
    return rec


def main(argv: list[str]) -> None:
    if argv[0] == "find":
        for r in find(argv[1], argv[2] if len(argv) > 2 else None)[:12]:
            print(r["source"].split("/")[-1], r["kind"], r.get("geonameid"), r["name"],
                  r.get("country"), r.get("admin1", ""), r.get("population", ""))
        return
    _, lang, key, ident = argv
    if ident.isalpha() and len(ident) == 2:
        hit = [r for r in _yaml_rows("countries.yaml") if r["country"] == ident]
    else:
        hit = [r for r in rows() if str(r.get("geonameid")) == ident]
    if not hit:
        raise SystemExit(f"no record {ident}")
    path = ROOT / "scripts" / f"devset_{lang}" / "places.json"
    places = json.loads(path.read_text(encoding="utf-8"))
    places[key] = record(hit[0])
    places = dict(sorted(places.items()))
    path.write_text(json.dumps(places, ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")
    print(key, places[key])


if __name__ == "__main__":
    main(sys.argv[1:])
