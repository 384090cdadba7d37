"""The mention rows of one article as columns: a few machine integers a mention.

A name said a million times makes a million rows that differ only in their passage and
offsets: ``MentionRows`` holds those as arrays and what repeats (surface form, type, place,
confidence, reason, alternatives' JSON) once, in a table of distinct tails. Iterating gives
the rows the index stores, ``(passage or None, seq, start, end, *tail)``, made one at a time.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from typing import Any, overload


class MentionRows(Sequence[tuple[Any, ...]]):
    """Rows appended in order (``seq`` is the position); 16 bytes a mention plus each distinct
    tail once."""

    def __init__(self) -> None:
        # 4 bytes a number (an article is far below 2 G characters: ``--max-bytes``).
        self._passage = array("i")  # -1: in no passage
        self._start = array("i")
        self._end = array("i")
        self._tail = array("i")
        self._tails: list[tuple[Any, ...]] = []
        self._known: dict[tuple[Any, ...], int] = {}

    def append(self, passage: int | None, start: int, end: int, tail: tuple[Any, ...]) -> None:
        k = self._known.get(tail)
        if k is None:
            k = self._known[tail] = len(self._tails)
            self._tails.append(tail)
        self._passage.append(-1 if passage is None else passage)
        self._start.append(start)
        self._end.append(end)
        self._tail.append(k)

    def __len__(self) -> int:
        return len(self._start)

    def _row(self, i: int) -> tuple[Any, ...]:
        p = self._passage[i]
        return (None if p < 0 else p, i, self._start[i], self._end[i], *self._tails[self._tail[i]])

    @overload
    def __getitem__(self, i: int) -> tuple[Any, ...]: ...
    @overload
    def __getitem__(self, i: slice) -> list[tuple[Any, ...]]: ...
    def __getitem__(self, i: int | slice) -> tuple[Any, ...] | list[tuple[Any, ...]]:
        if isinstance(i, slice):
            return [self._row(k) for k in range(len(self))[i]]
        n = len(self)
        if not -n <= i < n:
            raise IndexError(i)
        return self._row(i + n if i < 0 else i)

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        tails = self._tails
        for i, (p, s, e, k) in enumerate(zip(self._passage, self._start, self._end, self._tail,
                                             strict=True)):
            yield (None if p < 0 else p, i, s, e, *tails[k])

    def count_type(self, kind: str) -> int:
        """How many rows are of this type (``demonym``), without making the rows."""
        wanted = {k for k, t in enumerate(self._tails) if t[1] == kind}
        return sum(1 for k in self._tail if k in wanted)

    def __reduce__(self) -> tuple[Any, ...]:  # to a writer in another process
        return (_rebuild, (self._passage, self._start, self._end, self._tail, self._tails))


def _rebuild(passage: array[int], start: array[int], end: array[int], tail: array[int],
             tails: list[tuple[Any, ...]]) -> MentionRows:
    rows = MentionRows()
    rows._passage, rows._start, rows._end, rows._tail = passage, start, end, tail
    rows._tails = tails
    rows._known = {t: k for k, t in enumerate(tails)}
    return rows
