"""Areas of the map as filters (issue 20, item 4): a box (the map's view or a drawn
rectangle) or a circle around a place ("within 50 km of Aleppo").

A place passes an area when its point is inside it. Both readers answer the same way: the
in-memory one with ``contains``, ``IndexDB`` with ``sql`` on the ``places`` table (a box is a
plain lat/lon range; a circle a latitude range and the great-circle distance of ``KM_SQL``,
registered on the connection by ``install``). A box whose west is east of its east crosses the
antimeridian (west 170, east -170: the 20 degrees around it).
"""

from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass
from typing import Any

#: The mean Earth radius (km) of the great-circle distance.
EARTH_KM = 6371.0088
#: The SQL function ``explorer_km(lat1, lon1, lat2, lon2)``: the great-circle distance in km.
KM_SQL = "explorer_km"
#: The largest radius accepted (half the Earth's circumference).
MAX_KM = 20_000.0


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


Area = BBox | Near


def area_from_json(data: object) -> Area:
    """The area ``to_json`` made; raises ``ValueError`` saying what is wrong."""
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
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


def install(conn: sqlite3.Connection) -> None:
    """Register ``explorer_km(lat1, lon1, lat2, lon2)`` on ``conn``."""
    conn.create_function(KM_SQL, 4, _sql_km, deterministic=True)
