#!/usr/bin/env python3
"""Give the gazetteer Algeria's communes that GeoNames has no town for, by their official
Latin (French) names (issue 19: Kouba, Hamiz, Bab El Oued, named in French articles, were not
in the gazetteer; ``build_communes.py`` only names the towns GeoNames has).

    .venv/bin/python scripts/build_communes_latin.py POSTAL_DZ_TXT     (part of ``make data``)

Sources:

- the PyPI package ``algeria-wilayas-communes`` 1.1.0 (CC0 1.0; pinned in ``build-data``):
  ``data/communes.json``, each commune's French name, wilaya and postal code;
- GeoNames' postal codes of Algeria (``DZ.txt`` of https://download.geonames.org/export/zip/,
  CC BY 4.0; as republished by ``symerio/postal-codes-data`` in ``data/geonames/DZ.txt``):
  the places of each postal code with a point and its accuracy (1 = the wilaya's, 3 and 4 =
  the place's own).

A commune whose name (accents, punctuation, spaces and case aside) no town of Algeria in
``cities.tsv`` or ``towns.tsv`` has, and that the postal file lists under its own postal code
and name with a point of accuracy ``MIN_ACCURACY`` or more, becomes a place of kind ``city``
at that point (the mean of its rows), id ``dzc:POSTAL``, its first-level division found by the
wilaya's name among the gazetteer's. No Arabic name: Arabic text finds no more than before
(``communes.tsv`` gives Arabic names to the towns GeoNames has). A name that is an everyday
French or English word (wordfreq Zipf ≥ ``COMMON_ZIPF``: Hydra, Casbah) is marked
``common_word``. Communes whose only point is the wilaya's are left out.

Writes ``gazetteer/data/fr/communes_dz.tsv`` (``FORMAT.md``). A malformed source line stops
the build with ``FILE:LINE: what is wrong``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from importlib.metadata import version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "gazetteer" / "data"
OUT = DATA / "fr" / "communes_dz.tsv"
MIN_ACCURACY = 3
COMMON_ZIPF = 3.0
COLUMNS = ("id", "kind", "name", "country", "admin1", "lat", "lon", "common_word")


def key(name: str) -> str:
    """A name without accents, punctuation, spaces or case: "Dély-Ibrahim" → "delyibrahim"."""
    plain = unicodedata.normalize("NFD", name)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return re.sub(r"[^a-z]", "", plain.lower())


def read_postal(path: Path) -> dict[tuple[str, str], list[tuple[float, float, int]]]:
    """(postal code, name key) → the points of the rows naming it, with their accuracy."""
    out: dict[tuple[str, str], list[tuple[float, float, int]]] = {}
    with path.open(encoding="utf-8") as f:
        for line_no, line in enumerate(f, start=1):
            if not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            if len(cells) < 12 or cells[0] != "DZ":
                raise SystemExit(f"{path}:{line_no}: not a GeoNames postal-code row of DZ")
            try:
                lat, lon = float(cells[9]), float(cells[10])
                accuracy = int(cells[11] or 0)
            except ValueError as e:
                raise SystemExit(f"{path}:{line_no}: {e}") from e
            out.setdefault((cells[1], key(cells[2])), []).append((lat, lon, accuracy))
    return out


def read_communes(path: Path) -> list[dict[str, Any]]:
    """The communes of ``communes.json``, each with its French name, postal code, wilaya."""
    data = json.loads(path.read_text(encoding="utf-8"))
    records = data.get("communes") if isinstance(data, dict) else None
    if not isinstance(records, list):
        raise SystemExit(f"{path}:1: no list of communes")
    for k, rec in enumerate(records):
        if not (isinstance(rec, dict) and isinstance(rec.get("nom_fr"), str)
                and isinstance(rec.get("code_postal"), str | None)):
            raise SystemExit(f"{path}:1: commune {k} has no nom_fr, or a code_postal that is "
                             "no string")
    return records


def known_names(paths: list[Path], country: str = "DZ") -> set[str]:
    """The name keys of the towns of ``country`` in the gazetteer's TSV files."""
    names: set[str] = set()
    for path in paths:
        with path.open(encoding="utf-8") as f:
            cols: list[str] = []
            for line in f:
                if line.startswith("#"):
                    continue
                cells = line.rstrip("\n").split("\t")
                if not cols:
                    cols = cells
                    continue
                row = dict(zip(cols, cells, strict=False))
                if row.get("country") == country:
                    names.add(key(row.get("name", "")))
                    names.update(key(n) for n in row.get("names_en", "").split("|") if n)
    return names


def divisions(path: Path, country: str = "DZ") -> dict[str, str]:
    """A division's name key → its admin1 code (``admin1.tsv``)."""
    out: dict[str, str] = {}
    for name_key, names in _rows(path, country):
        for n in names:
            out[key(n)] = name_key
    return out


def _rows(path: Path, country: str) -> list[tuple[str, list[str]]]:
    rows: list[tuple[str, list[str]]] = []
    with path.open(encoding="utf-8") as f:
        cols: list[str] = []
        for line in f:
            if line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            if not cols:
                cols = cells
                continue
            row = dict(zip(cols, cells, strict=False))
            if row.get("country") == country and row.get("admin1"):
                names = [row.get("name", ""), *row.get("names_en", "").split("|")]
                rows.append((row["admin1"], [n for n in names if n]))
    return rows


def _common(name: str) -> bool:
    import wordfreq

    word = name.lower()
    return max(wordfreq.zipf_frequency(word, "fr"),
               wordfreq.zipf_frequency(word, "en")) >= COMMON_ZIPF


def build(
    communes: list[dict[str, Any]],
    postal: dict[tuple[str, str], list[tuple[float, float, int]]],
    known: set[str],
    admin1: dict[str, str],
) -> list[list[str]]:
    """The rows of the communes to add, by postal code."""
    out: list[list[str]] = []
    seen: set[str] = set()
    for rec in communes:
        name, code = " ".join(rec["nom_fr"].split()), rec["code_postal"]
        if code is None or key(name) in known or code in seen:  # no postal code: no point
            continue
        points = [p for p in postal.get((code, key(name)), []) if p[2] >= MIN_ACCURACY]
        if not points:
            continue
        seen.add(code)
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        wilaya = next((admin1[k] for w in (rec.get("wilaya_en"), rec.get("wilaya_fr"))
                       if isinstance(w, str) and (k := key(w)) in admin1), "")
        out.append([f"dzc:{code}", "city", name, "DZ", wilaya, f"{lat:.4f}", f"{lon:.4f}",
                    "1" if _common(name) else ""])
    return sorted(out)


def write(table: list[list[str]], sources: list[str], out: Path = OUT) -> None:
    head = [
        "# GENERATED by scripts/build_communes_latin.py; do not edit: put corrections in "
        "overlay.yaml.\n",
        "# Algeria's communes that GeoNames has no town for, by their official French names\n",
        "# (algeria-wilayas-communes, CC0 1.0), at their points in GeoNames' postal codes of\n",
        "# Algeria (https://www.geonames.org/, CC BY 4.0). Built from:\n",
        *(f"#   {s}\n" for s in sources),
        "\t".join(COLUMNS) + "\n",
    ]
    out.write_text("".join(head) + "".join("\t".join(r) + "\n" for r in table),
                   encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("postal", type=Path, help="GeoNames postal codes of Algeria (DZ.txt)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    import algeria_wilayas_communes

    communes_file = Path(algeria_wilayas_communes.__file__).parent / "data" / "communes.json"
    table = build(read_communes(communes_file), read_postal(args.postal),
                  known_names([DATA / "cities.tsv", DATA / "towns.tsv"]),
                  divisions(DATA / "admin1.tsv"))
    sources = [
        f"communes.json sha256:{hashlib.sha256(communes_file.read_bytes()).hexdigest()} "
        f"(algeria-wilayas-communes {version('algeria-wilayas-communes')}, CC0 1.0)",
        f"DZ.txt sha256:{hashlib.sha256(args.postal.read_bytes()).hexdigest()} (GeoNames "
        "postal codes, CC BY 4.0; symerio/postal-codes-data@3a94317 data/geonames/DZ.txt)",
        f"wordfreq {version('wordfreq')}",
    ]
    write(table, sources, args.out)
    print(f"{args.out}: {len(table)} communes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
