"""Read Natural Earth shapefiles (``.shp`` + ``.dbf``) without GDAL, and place a label point.

Only what ``build_features.py`` needs: polygons and polylines in longitude/latitude, the DBF's
text and number fields, and one representative point per shape (inside a polygon's largest
ring; halfway along a line's longest part). Errors name the file and the record.
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass
from pathlib import Path

Point = tuple[float, float]  # (lon, lat)
Box = tuple[float, float, float, float]  # (west, south, east, north)


class ShapeError(Exception):
    """A shapefile the reader cannot use: ``FILE:record N: what is wrong``."""


@dataclass(frozen=True)
class Shape:
    kind: int  # 3 polyline, 5 polygon, 0 null
    box: Box | None
    parts: tuple[tuple[Point, ...], ...]


def read_dbf(path: Path) -> list[dict[str, str]]:
    """The records of a dBase III file as text, fields by lower-case name."""
    data = path.read_bytes()
    if len(data) < 33:
        raise ShapeError(f"{path}: too short for a dBase file")
    count, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields: list[tuple[str, int]] = []
    at = 32
    while at + 32 <= header_len and data[at] != 0x0D:
        name = data[at:at + 11].split(b"\0", 1)[0].decode("ascii", "replace").lower()
        fields.append((name, data[at + 16]))
        at += 32
    if not fields or header_len + count * record_len > len(data):
        raise ShapeError(f"{path}: bad dBase header ({count} records of {record_len} bytes)")
    out: list[dict[str, str]] = []
    for i in range(count):
        start = header_len + i * record_len
        rec = data[start:start + record_len]
        pos = 1  # deletion flag
        row: dict[str, str] = {}
        for name, width in fields:
            cell = rec[pos:pos + width]
            try:
                row[name] = cell.decode("utf-8").strip()
            except UnicodeDecodeError:  # older Natural Earth files are Windows-1252
                row[name] = cell.decode("cp1252", "replace").strip()
            pos += width
        out.append(row)
    return out


def read_shp(path: Path) -> list[Shape]:
    """The shapes of a polygon or polyline shapefile, in record order."""
    data = path.read_bytes()
    if len(data) < 100 or struct.unpack(">i", data[:4])[0] != 9994:
        raise ShapeError(f"{path}: not a shapefile")
    shapes: list[Shape] = []
    at = 100
    number = 0
    while at + 8 <= len(data):
        number += 1
        length = struct.unpack(">i", data[at + 4:at + 8])[0] * 2
        body = data[at + 8:at + 8 + length]
        at += 8 + length
        if len(body) < 4:
            raise ShapeError(f"{path}: record {number}: truncated")
        kind = struct.unpack("<i", body[:4])[0]
        if kind == 0:
            shapes.append(Shape(0, None, ()))
            continue
        if kind not in (3, 5) or len(body) < 44:
            raise ShapeError(f"{path}: record {number}: shape type {kind} (not a polygon/line)")
        box = struct.unpack("<4d", body[4:36])
        n_parts, n_points = struct.unpack("<2i", body[36:44])
        need = 44 + 4 * n_parts + 16 * n_points
        if n_parts < 0 or n_points < 0 or len(body) < need:
            raise ShapeError(f"{path}: record {number}: truncated")
        starts = [*struct.unpack(f"<{n_parts}i", body[44:44 + 4 * n_parts]), n_points]
        coords = struct.unpack(f"<{2 * n_points}d", body[44 + 4 * n_parts:need])
        pts = [(coords[2 * k], coords[2 * k + 1]) for k in range(n_points)]
        parts = tuple(tuple(pts[starts[j]:starts[j + 1]]) for j in range(n_parts))
        shapes.append(Shape(kind, (box[0], box[1], box[2], box[3]), parts))
    return shapes


def _ring_area(ring: tuple[Point, ...]) -> float:
    return 0.5 * sum(
        ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] for i in range(len(ring) - 1)
    )


def _centroid(ring: tuple[Point, ...]) -> Point:
    a = _ring_area(ring)
    if abs(a) < 1e-12:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return (sum(xs) / len(xs), sum(ys) / len(ys))
    cx = cy = 0.0
    for i in range(len(ring) - 1):
        (x0, y0), (x1, y1) = ring[i], ring[i + 1]
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return (cx / (6 * a), cy / (6 * a))


def _inside_point(ring: tuple[Point, ...], near: Point) -> Point:
    """A point inside ``ring`` on the parallel of ``near``: the middle of the widest stretch of
    the ring on that line (the centroid of a crescent lies outside it)."""
    y = near[1]
    xs: list[float] = []
    for i in range(len(ring) - 1):
        (x0, y0), (x1, y1) = ring[i], ring[i + 1]
        if (y0 <= y < y1) or (y1 <= y < y0):
            xs.append(x0 + (y - y0) * (x1 - x0) / (y1 - y0))
    xs.sort()
    spans = [(xs[k], xs[k + 1]) for k in range(0, len(xs) - 1, 2)]
    if not spans:
        return near
    for a, b in spans:
        if a <= near[0] <= b:
            return near  # the centroid is inside
    a, b = max(spans, key=lambda s: s[1] - s[0])
    return ((a + b) / 2, y)


def label_point(shape: Shape) -> Point | None:
    """A representative point of a polygon (inside its largest ring) or of a line (halfway
    along its longest part); None for a null shape."""
    parts = [p for p in shape.parts if p]
    if not parts:
        return None
    if shape.kind == 5:
        ring = max(parts, key=lambda r: abs(_ring_area(r)))
        return _inside_point(ring, _centroid(ring))
    line = max(parts, key=_length)
    half = _length(line) / 2
    run = 0.0
    for i in range(len(line) - 1):
        (x0, y0), (x1, y1) = line[i], line[i + 1]
        step = math.hypot(x1 - x0, y1 - y0)
        if run + step >= half and step > 0:
            t = (half - run) / step
            return (x0 + t * (x1 - x0), y0 + t * (y1 - y0))
        run += step
    return line[len(line) // 2]


def _length(line: tuple[Point, ...]) -> float:
    return sum(
        math.hypot(line[i + 1][0] - line[i][0], line[i + 1][1] - line[i][1])
        for i in range(len(line) - 1)
    )


def size(shape: Shape) -> float:
    """How big a shape is (area of a polygon, length of a line), to pick the main one."""
    if shape.kind == 5:
        return sum(abs(_ring_area(r)) for r in shape.parts if r)
    return sum(_length(p) for p in shape.parts if p)
