"""Two periods compared (issue 20, periods): where the mentions of period B differ from
those of period A, under the rest of the filter. Qt-free.

Each place mentioned in either period gets its counts in A and in B and a change:
``only_a``/``only_b`` (mentioned in one period only), ``more_a``/``more_b`` (more mentions in
that period), ``same``. The counts are the reader's (``IndexReader.places``) for the filter
with each period's dates, so they agree with what the map shows for either range.

The comparison shown is kept with the corpus, in its index's ``settings`` table under ``KEY``
(``{"a": [from, to], "b": [from, to]}``), like the filter and the layers; a stored value that
cannot be used raises ``BadPeriods`` (the window says so and compares nothing).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from explorer.query import Filter, IndexReader
from gazetteer.model import Place

#: The key of the comparison shown in the index's ``settings`` table.
KEY = "compare"
_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

#: The changes, from "only in A" to "only in B" (the legend's order).
CHANGES = ("only_a", "more_a", "same", "more_b", "only_b")


@dataclass(frozen=True, slots=True)
class Period:
    """A date range, both ends inclusive (ISO dates); raises ``ValueError`` when it is none."""

    date_from: str
    date_to: str

    def __post_init__(self) -> None:
        start, end = date.fromisoformat(self.date_from), date.fromisoformat(self.date_to)
        if start > end:
            raise ValueError(f"a period ends before it starts: {self.words()}")

    def of(self, f: Filter) -> Filter:
        """The filter with this period's dates."""
        return replace(f, date_from=self.date_from, date_to=self.date_to)

    def words(self) -> str:
        return (self.date_from if self.date_from == self.date_to
                else f"{self.date_from} – {self.date_to}")


def change_of(a: int, b: int) -> str:
    """The change from ``a`` mentions in period A to ``b`` in period B."""
    if a == b:
        return "same"
    if a == 0:
        return "only_b"
    if b == 0:
        return "only_a"
    return "more_b" if b > a else "more_a"


@dataclass(frozen=True, slots=True)
class PlaceChange:
    place: Place
    a: int  # mentions in period A
    b: int  # mentions in period B

    @property
    def change(self) -> str:
        return change_of(self.a, self.b)


def compare(reader: IndexReader, f: Filter, a: Period, b: Period) -> list[PlaceChange]:
    """The places mentioned in period A or B under ``f`` (its own dates set aside), with
    their counts in each; the largest changes first."""
    in_a = {s.place.id: s for s in reader.places(a.of(f))}
    in_b = {s.place.id: s for s in reader.places(b.of(f))}
    out = []
    for pid in in_a.keys() | in_b.keys():
        sa, sb = in_a.get(pid), in_b.get(pid)
        place = (sa or sb).place  # type: ignore[union-attr]  # one of them is there
        out.append(PlaceChange(place, sa.count if sa else 0, sb.count if sb else 0))
    out.sort(key=lambda c: (-abs(c.b - c.a), -(c.a + c.b), c.place.id))
    return out


def layer_data(changes: list[PlaceChange], a: Period, b: Period) -> dict[str, Any]:
    """The page's "compare" layer data: the periods, each place with its counts and change,
    and the number of places of each change (the legend)."""
    counts = dict.fromkeys(CHANGES, 0)
    for c in changes:
        counts[c.change] += 1
    return {
        "a": a.words(), "b": b.words(), "counts": counts,
        "places": [{"id": c.place.id, "name": c.place.name, "name_ar": c.place.name_ar,
                    "lat": c.place.lat, "lon": c.place.lon, "a": c.a, "b": c.b,
                    "change": c.change} for c in changes],
    }


class BadPeriods(ValueError):
    """A stored comparison that cannot be used; ``str(exc)`` says why in a few words."""


def to_json(a: Period, b: Period) -> str:
    """The two periods compared, as stored."""
    return json.dumps({"a": [a.date_from, a.date_to], "b": [b.date_from, b.date_to]})


def from_json(text: str) -> tuple[Period, Period]:
    """The periods stored as ``text``; raises ``BadPeriods`` when they cannot be used."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise BadPeriods(f"not valid JSON ({exc})") from None
    if not isinstance(data, dict) or set(data) != {"a", "b"}:
        raise BadPeriods('not an object of periods "a" and "b"')
    out = []
    for name in ("a", "b"):
        ends = data[name]
        if not isinstance(ends, list) or len(ends) != 2 \
                or not all(isinstance(d, str) and _ISO.fullmatch(d) for d in ends):
            raise BadPeriods(f"period {name!r} is not two ISO dates (YYYY-MM-DD)")
        try:
            out.append(Period(ends[0], ends[1]))
        except ValueError as exc:
            raise BadPeriods(f"period {name!r}: {exc}") from None
    return out[0], out[1]
