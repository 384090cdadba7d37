"""A mention's typed reasons as the index (and a corrected article's JSON) stores them.

The ``reason`` column holds ``[["code", {fields}], …]`` (``gazetteer.reasons``), the
alternatives' JSON each runner-up's reasons as the same pairs. An index written before
reasons were typed holds English text there: it is read back as that text, kept as is
(``ReasonCode.TEXT``), so it still shows as it was.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from gazetteer.reasons import Reason, ReasonCode, Value, verbatim

#: One reason as JSON: its code and its fields.
Pair = list[Any]


def to_pair(reason: Reason) -> Pair:
    return [reason.code.value, dict(reason.fields)]


def from_pair(item: Any) -> Reason:
    """A stored reason: a pair, or (an older index) an English text."""
    if isinstance(item, list) and len(item) == 2 and isinstance(item[1], dict):
        code, fields = item
        try:
            known = ReasonCode(code)
        except ValueError:  # a code this version does not know: shown as its name
            return Reason(ReasonCode.TEXT, text=str(code))
        return Reason(known, **{str(k): _value(v) for k, v in fields.items()})
    return Reason(ReasonCode.TEXT, text=str(item))


def _value(v: Any) -> Value:
    if isinstance(v, list | tuple):
        return tuple(str(w) for w in v)
    if isinstance(v, bool) or not isinstance(v, int | float | str):
        return str(v)
    return v


def to_pairs(reasons: Iterable[Reason]) -> list[Pair]:
    return [to_pair(r) for r in reasons]


def from_pairs(items: Iterable[Any]) -> tuple[Reason, ...]:
    return tuple(from_pair(x) for x in items)


@lru_cache(maxsize=4096)
def encode(reasons: tuple[Reason, ...]) -> str:
    """The ``reason`` column's text ("" for none)."""
    return json.dumps(to_pairs(reasons), ensure_ascii=False) if reasons else ""


@lru_cache(maxsize=4096)
def decode(text: str) -> tuple[Reason, ...]:
    """The reasons of a ``reason`` column: typed pairs, or English text kept as it is."""
    if text.startswith("[["):
        try:
            items = json.loads(text)
        except ValueError:
            return verbatim(text)
        if isinstance(items, list):
            return from_pairs(items)
    return verbatim(text)


def from_stored(value: Any) -> tuple[Reason, ...]:
    """Reasons kept in a corrected article's JSON: pairs, or (written before) a column's text."""
    return decode(value) if isinstance(value, str) else from_pairs(value)


__all__ = ["decode", "encode", "from_pair", "from_pairs", "from_stored", "to_pair", "to_pairs"]
