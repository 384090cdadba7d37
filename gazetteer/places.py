"""Places by number, made from compact rows only when used, and a by-id view over them.

A compiled gazetteer holds ~50,000 places; making every ``Place`` at start-up costs more than
reading them. A geoparse touches a few hundred, so they are made on first use. A user's files
that change or add a few places make an overlay: the built-in rows stay shared and untouched.
"""

from __future__ import annotations

import marshal
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import fields
from typing import overload

from gazetteer.model import Place

Row = tuple[object, ...]
#: A row as stored in the compiled file: its ``marshal`` bytes, decoded when the place is made.
Blob = bytes
FIELDS = tuple(f.name for f in fields(Place))


def as_row(place: Place) -> Row:
    """The field values of ``place`` in order (``Place(*row)`` rebuilds it)."""
    return tuple(getattr(place, name) for name in FIELDS)


def as_blob(place: Place) -> Blob:
    return marshal.dumps(as_row(place))  # type: ignore[arg-type]  # (plain values only)


class PlaceList(Sequence[Place]):
    """Places stored as ``rows`` (tuples, or their marshal bytes) with their ids and kinds,
    some replaced (``overrides``) and some added (``extra``)."""

    __slots__ = ("_extra", "_ids", "_kinds", "_made", "_overrides", "rows")

    def __init__(
        self,
        rows: Sequence[Row | Blob],
        ids: Sequence[str],
        kinds: Sequence[str],
        overrides: Mapping[int, Place] | None = None,
        extra: Sequence[Place] = (),
    ) -> None:
        if not len(rows) == len(ids) == len(kinds):
            raise ValueError("rows, ids and kinds differ in length")
        self.rows = rows
        self._ids = ids
        self._kinds = kinds
        self._overrides = dict(overrides or {})
        self._extra = list(extra)
        self._made: list[Place | None] = [None] * len(rows)

    @classmethod
    def of(cls, places: Sequence[Place]) -> PlaceList:
        """The compact form of ``places`` (rows as marshal bytes)."""
        return cls([as_blob(p) for p in places], [p.id for p in places],
                   [p.kind for p in places])

    def __len__(self) -> int:
        return len(self.rows) + len(self._extra)

    def _one(self, i: int) -> Place:
        n = len(self.rows)
        if i < 0:
            i += len(self)
        if i >= n:
            return self._extra[i - n]
        if i < 0:
            raise IndexError(i)
        made = self._made[i]
        if made is None:
            made = self._overrides.get(i)
            if made is None:
                row = self.rows[i]
                made = Place(*(marshal.loads(row) if isinstance(row, bytes) else row))
            self._made[i] = made
        return made

    @overload
    def __getitem__(self, i: int) -> Place: ...

    @overload
    def __getitem__(self, i: slice) -> list[Place]: ...

    def __getitem__(self, i: int | slice) -> Place | list[Place]:
        if isinstance(i, slice):
            return [self._one(j) for j in range(*i.indices(len(self)))]
        return self._one(i)

    def __iter__(self) -> Iterator[Place]:
        for i in range(len(self)):
            yield self._one(i)

    def ids(self) -> list[str]:
        """Every place's id, in order, without making the places."""
        return [*self._ids, *(p.id for p in self._extra)]

    def numbers_of_kind(self, kind: str) -> list[int]:
        """The numbers of the places of ``kind``, without making the others."""
        out = [
            i for i, k in enumerate(self._kinds)
            if (self._overrides[i].kind if i in self._overrides else k) == kind
        ]
        n = len(self.rows)
        return out + [n + j for j, p in enumerate(self._extra) if p.kind == kind]

    def with_changes(self, overrides: Mapping[int, Place], extra: Sequence[Place]) -> PlaceList:
        """A new list sharing these rows, with more places replaced and added."""
        return PlaceList(self.rows, self._ids, self._kinds, {**self._overrides, **overrides},
                         [*self._extra, *extra])


class ById(Mapping[str, Place]):
    """Places by id over a sequence of places and the numbers of their ids."""

    __slots__ = ("_numbers", "_places")

    def __init__(self, places: Sequence[Place], numbers: dict[str, int]) -> None:
        self._places = places
        self._numbers = numbers

    def __getitem__(self, pid: str) -> Place:
        return self._places[self._numbers[pid]]

    def __contains__(self, pid: object) -> bool:
        return pid in self._numbers

    def __iter__(self) -> Iterator[str]:
        return iter(self._numbers)

    def __len__(self) -> int:
        return len(self._numbers)

    def number(self, pid: str) -> int | None:
        """The number of the place ``pid`` in the sequence, None if absent."""
        return self._numbers.get(pid)
