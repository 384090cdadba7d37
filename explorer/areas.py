"""Areas of the map as filters (issue 20, item 4): a box (the map's view or a drawn
rectangle), a circle around a place ("within 50 km of Aleppo") or a drawn polygon.

A place passes an area when its point is inside it. Both readers answer the same way: the
in-memory one with ``contains``, ``IndexDB`` with ``sql`` on the ``places`` table (a box is a
plain lat/lon range; a circle a latitude range and the great-circle distance of ``KM_SQL``,
registered on the connection by ``install``). A box whose west is east of its east crosses the
antimeridian (west 170, east -170: the 20 degrees around it). A polygon's edges are straight
in degrees (as drawn on the map) and each goes the short way round: an edge from longitude 170
to -170 crosses the antimeridian; in SQL its box first, then ``POLYGON_SQL`` (``install``).
"""

from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

#: The mean Earth radius (km) of the great-circle distance.
EARTH_KM = 6371.0088
#: The SQL function ``explorer_km(lat1, lon1, lat2, lon2)``: the great-circle distance in km.
KM_SQL = "explorer_km"
#: The largest radius accepted (half the Earth's circumference).
MAX_KM = 20_000.0
#: The SQL function ``explorer_in_polygon(spec, lat, lon)``: 1 inside the polygon, else 0.
POLYGON_SQL = "explorer_in_polygon"
#: The most vertices a polygon may have.
MAX_VERTICES = 500


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The haversine distance in km between two points (degrees)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def _wrap(lon: float) -> float:
    """A longitude brought into [-180, 180] (a wrapped map reports 190 for -170)."""
    if -180 <= lon <= 180:
        return lon
    return (lon + 180) % 360 - 180


@dataclass(frozen=True, slots=True)
class BBox:
    """A box in degrees; ``west > east``: it crosses the antimeridian."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def of_view(cls, west: float, south: float, east: float, north: float) -> BBox:
        """The box of a map's bounds as Leaflet reports them (longitudes may run past ±180
        when the world is wrapped; a view wider than the world keeps every longitude)."""
        values = (west, south, east, north)
        if not all(math.isfinite(v) for v in values):
            raise ValueError("a bound is not a finite number")
        south, north = max(-90.0, min(south, north)), min(90.0, max(south, north))
        if east < west:
            west, east = east, west
        if east - west >= 360:
            return cls(-180.0, south, 180.0, north)
        return cls(round(_wrap(west), 6), round(south, 6), round(_wrap(east), 6), round(north, 6))

    @classmethod
    def parse(cls, text: str) -> BBox:
        """``W,S,E,N`` in degrees (``explorer export --bbox``); raises ``ValueError`` saying
        what is wrong."""
        parts = [p.strip() for p in text.split(",")]
        if len(parts) != 4:
            raise ValueError(f"not four numbers W,S,E,N: {text[:60]!r}")
        try:
            west, south, east, north = (float(p) for p in parts)
        except ValueError:
            raise ValueError(f"not four numbers W,S,E,N: {text[:60]!r}") from None
        if not all(math.isfinite(v) for v in (west, south, east, north)):
            raise ValueError(f"not four finite numbers: {text[:60]!r}")
        if not (-180 <= west <= 180 and -180 <= east <= 180):
            raise ValueError(f"a longitude is not from -180 to 180: {text[:60]!r}")
        if not (-90 <= south <= north <= 90):
            raise ValueError(f"the latitudes are not -90 ≤ S ≤ N ≤ 90: {text[:60]!r}")
        return cls(west, south, east, north)

    @property
    def crosses(self) -> bool:
        return self.west > self.east

    def contains(self, lat: float, lon: float) -> bool:
        if not self.south <= lat <= self.north:
            return False
        if self.crosses:
            return lon >= self.west or lon <= self.east
        return self.west <= lon <= self.east

    def sql(self, lat: str, lon: str) -> tuple[str, list[Any]]:
        """The condition on the columns ``lat`` and ``lon``, and its arguments."""
        join = "OR" if self.crosses else "AND"
        return (f"{lat} BETWEEN ? AND ? AND ({lon} >= ? {join} {lon} <= ?)",
                [self.south, self.north, self.west, self.east])

    def words(self) -> str:
        return f"in {self.spec()}"

    def spec(self) -> str:
        """``W,S,E,N`` as ``parse`` reads it."""
        return ",".join(f"{v:g}" for v in (self.west, self.south, self.east, self.north))

    def to_json(self) -> dict[str, Any]:
        return {"bbox": [self.west, self.south, self.east, self.north]}


@dataclass(frozen=True, slots=True)
class Near:
    """The places within ``km`` of a point; ``label``: the place it is around (its name)."""

    lat: float
    lon: float
    km: float
    label: str = ""

    def __post_init__(self) -> None:
        if not (math.isfinite(self.lat) and math.isfinite(self.lon) and -90 <= self.lat <= 90
                and -180 <= self.lon <= 180):
            raise ValueError(f"not a point: {self.lat}, {self.lon}")
        if not (math.isfinite(self.km) and 0 < self.km <= MAX_KM):
            raise ValueError(f"not a distance from 0 to {MAX_KM:g} km: {self.km}")

    def contains(self, lat: float, lon: float) -> bool:
        return great_circle_km(self.lat, self.lon, lat, lon) <= self.km

    def sql(self, lat: str, lon: str) -> tuple[str, list[Any]]:
        """The condition on the columns ``lat`` and ``lon`` (``install`` must have been called
        on the connection): a latitude range first, which an index on ``lat`` can use."""
        span = math.degrees(self.km / EARTH_KM)
        return (f"{lat} BETWEEN ? AND ? AND {KM_SQL}(?, ?, {lat}, {lon}) <= ?",
                [self.lat - span, self.lat + span, self.lat, self.lon, self.km])

    def words(self) -> str:
        return f"within {self.km:g} km of {self.label or f'{self.lat:g},{self.lon:g}'}"

    def to_json(self) -> dict[str, Any]:
        return {"near": [self.lat, self.lon, self.km], "label": self.label}


def _unwrapped(points: list[tuple[float, float]]) -> tuple[tuple[float, float], ...]:
    """The vertices with each longitude moved by 360 when that makes its edge from the
    previous vertex shorter (an edge goes the short way round, across the antimeridian when
    that is shorter)."""
    out = [points[0]]
    for lat, lon in points[1:]:
        prev = out[-1][1]
        while lon - prev > 180:
            lon -= 360
        while prev - lon > 180:
            lon += 360
        out.append((lat, lon))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Polygon:
    """A polygon drawn on the map: its vertices (lat, lon), closed from the last to the
    first; longitudes as ``_unwrapped`` makes them (they may run past ±180)."""

    points: tuple[tuple[float, float], ...]

    @classmethod
    def of_points(cls, points: list[tuple[float, float]]) -> Polygon:
        """A polygon of these vertices (longitudes wrapped into [-180, 180] first, as a
        wrapped map may report them); raises ``ValueError`` saying what is wrong: fewer than
        three vertices or more than ``MAX_VERTICES``, a vertex not on the Earth, a polygon
        going round the whole Earth or over a pole (refused: say it with boxes)."""
        if not 3 <= len(points) <= MAX_VERTICES:
            raise ValueError(f"a polygon has 3 to {MAX_VERTICES} vertices, not {len(points)}")
        clean = []
        for lat, lon in points:
            if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90
                    and abs(lon) <= 540):
                raise ValueError(f"not a point: {lat:g}, {lon:g}")
            clean.append((round(lat, 6), round(_wrap(lon), 6)))
        unwrapped = tuple((lat, round(lon, 6)) for lat, lon in _unwrapped(clean))
        closing = unwrapped[0][1] - unwrapped[-1][1]
        if abs(closing) > 180:  # the way back to the first vertex goes round the Earth
            raise ValueError("the polygon goes round the whole Earth (or over a pole): "
                             "draw it as two")
        lons = [lon for _, lon in unwrapped]
        if max(lons) - min(lons) >= 360:
            raise ValueError("the polygon is wider than the Earth")
        if _area2(unwrapped) == 0:
            raise ValueError("the polygon's vertices are on one line: it holds nothing")
        return cls(unwrapped)

    @classmethod
    def parse(cls, text: str) -> Polygon:
        """``lat,lon;lat,lon;…`` in degrees (``explorer export --polygon``); raises
        ``ValueError`` saying what is wrong."""
        points = []
        for part in text.split(";"):
            if not part.strip():
                continue
            nums = [p.strip() for p in part.split(",")]
            try:
                if len(nums) != 2:
                    raise ValueError
                lat, lon = float(nums[0]), float(nums[1])
            except ValueError:
                raise ValueError(f"not a vertex lat,lon: {part.strip()[:40]!r}") from None
            if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90
                    and -180 <= lon <= 180):
                raise ValueError(f"not a point (lat -90 to 90, lon -180 to 180): "
                                 f"{part.strip()[:40]!r}")
            points.append((lat, lon))
        return cls.of_points(points)

    def box(self) -> BBox:
        """The smallest box holding the polygon (across the antimeridian when it is)."""
        lats = [lat for lat, _ in self.points]
        lons = [lon for _, lon in self.points]
        west, east = min(lons), max(lons)
        if west >= -180 and east <= 180:
            return BBox(west, min(lats), east, max(lats))
        return BBox(_wrap(west), min(lats), _wrap(east), max(lats))

    def contains(self, lat: float, lon: float) -> bool:
        """The point is inside (even-odd rule; on an edge counts as inside a box would)."""
        lons = [x for _, x in self.points]
        lo, hi = min(lons), max(lons)
        return any(_inside(self.points, lat, lon + shift)
                   for shift in (-360.0, 0.0, 360.0) if lo <= lon + shift <= hi)

    def sql(self, lat: str, lon: str) -> tuple[str, list[Any]]:
        """The condition on the columns ``lat`` and ``lon`` (``install`` must have been called
        on the connection): the polygon's box first, then the polygon."""
        cond, args = self.box().sql(lat, lon)
        exact = ";".join(f"{a!r},{_wrap(b)!r}" for a, b in self.points)
        return f"{cond} AND {POLYGON_SQL}(?, {lat}, {lon})", [*args, exact]

    def spec(self) -> str:
        """``lat,lon;…`` (longitudes into [-180, 180]) as ``parse`` reads it."""
        return ";".join(f"{a:g},{_wrap(b):g}" for a, b in self.points)

    def words(self) -> str:
        return f"in the polygon {self.spec()}"

    def to_json(self) -> dict[str, Any]:
        return {"polygon": [[a, _wrap(b)] for a, b in self.points]}


def _area2(points: tuple[tuple[float, float], ...]) -> float:
    """Twice the signed area of the polygon in degrees (0: its vertices are on one line)."""
    return sum(x1 * y2 - x2 * y1 for (y1, x1), (y2, x2)
               in zip(points, points[1:] + points[:1], strict=True))


def _inside(points: tuple[tuple[float, float], ...], lat: float, lon: float) -> bool:
    """Even-odd ray casting, with a point on an edge inside."""
    inside = False
    n = len(points)
    for i in range(n):
        (y1, x1), (y2, x2) = points[i], points[(i + 1) % n]
        cross = (x2 - x1) * (lat - y1) - (lon - x1) * (y2 - y1)
        if (cross == 0 and min(x1, x2) <= lon <= max(x1, x2)
                and min(y1, y2) <= lat <= max(y1, y2)):
            return True
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


Area = BBox | Near | Polygon


def area_from_json(data: object) -> Area:
    """The area ``to_json`` made; raises ``ValueError`` saying what is wrong."""
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    if "polygon" in data:
        points = data["polygon"]
        if not isinstance(points, list) or not all(
                isinstance(p, list) and len(p) == 2 and all(
                    isinstance(v, int | float) and not isinstance(v, bool) for v in p)
                for p in points):
            raise ValueError("'polygon' is not a list of [lat, lon] numbers")
        return Polygon.parse(";".join(f"{float(a)!r},{float(b)!r}" for a, b in points))
    nums = data.get("bbox", data.get("near"))
    if not isinstance(nums, list) or not all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in nums):
        raise ValueError("neither 'bbox' nor 'near' is a list of numbers")
    if "bbox" in data:
        if len(nums) != 4:
            raise ValueError("'bbox' is not four numbers")
        return BBox.parse(",".join(repr(float(v)) for v in nums))
    label = data.get("label", "")
    if len(nums) != 3 or not isinstance(label, str):
        raise ValueError("'near' is not three numbers (lat, lon, km) with a label")
    return Near(float(nums[0]), float(nums[1]), float(nums[2]), label[:200])


def _sql_km(lat1: object, lon1: object, lat2: object, lon2: object) -> float | None:
    vals = (lat1, lon1, lat2, lon2)
    if not all(isinstance(v, int | float) for v in vals):
        return None
    a, b, c, d = (float(v) for v in vals)  # type: ignore[arg-type]
    return great_circle_km(a, b, c, d)


@lru_cache(maxsize=16)
def _polygon_of(spec: str) -> Polygon | None:
    try:
        return Polygon.parse(spec)
    except ValueError:
        return None


def _sql_in_polygon(spec: object, lat: object, lon: object) -> int | None:
    if not (isinstance(spec, str) and isinstance(lat, int | float)
            and isinstance(lon, int | float)):
        return None
    polygon = _polygon_of(spec)
    return None if polygon is None else int(polygon.contains(float(lat), float(lon)))


def install(conn: sqlite3.Connection) -> None:
    """Register ``explorer_km(lat1, lon1, lat2, lon2)`` and ``explorer_in_polygon(spec, lat,
    lon)`` on ``conn``."""
    conn.create_function(KM_SQL, 4, _sql_km, deterministic=True)
    conn.create_function(POLYGON_SQL, 3, _sql_in_polygon, deterministic=True)


def outline(area: Area) -> dict[str, Any]:
    """What the map draws of the area (the page draws it as sent, deciding nothing): a box as
    ``{"box": [[south, west], [north, east]]}`` with ``east`` past 180 when it crosses the
    antimeridian (one rectangle over it, not one round the rest of the world); a polygon as
    ``{"polygon": [[lat, lon], …]}`` (longitudes unwrapped, its edges the short way round);
    a circle as ``{"circle": [lat, lon], "m": radius in metres}``."""
    if isinstance(area, BBox):
        east = area.east + 360 if area.crosses else area.east
        return {"box": [[area.south, area.west], [area.north, east]]}
    if isinstance(area, Polygon):
        return {"polygon": [[lat, lon] for lat, lon in area.points]}
    return {"circle": [area.lat, area.lon], "m": area.km * 1000}
