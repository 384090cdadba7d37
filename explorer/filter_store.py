"""The analyst's filter, saved with the corpus: in its index's ``settings`` table.

The filter is kept under the key ``filter`` as a JSON object (every field of
``explorer.query.Filter`` that differs from the default), so it travels with the index: it
is there when the same folder is opened again, and ``explorer.index.rebuild`` carries it over like
the corrections. A stored value that cannot be used (not JSON, a field of the wrong type, a
date that is not a date, an unknown kind) is ignored with a one-line problem; nothing raises.
"""

from __future__ import annotations

import json
import math
from dataclasses import fields
from datetime import date
from typing import Any

from explorer.areas import BBox, Near, Polygon, area_from_json
from explorer.query import ALL_TYPES, Filter
from gazetteer.model import KINDS

#: The key of the filter in the index's ``settings`` table.
KEY = "filter"
#: At most this many countries, regions or kinds are kept (there are about 250 countries).
MAX_ITEMS = 500

_SETS = {"countries": None, "regions": None, "kinds": frozenset(KINDS), "types": ALL_TYPES,
         "outlets": None, "formats": None,
         "languages": None}
_DATES = ("date_from", "date_to")


class BadFilter(ValueError):
    """A stored filter that cannot be used; ``str(exc)`` says why in a few words."""


def to_json(f: Filter) -> str:
    """The filter as the JSON stored: only the fields that differ from the default."""
    default = Filter()
    out: dict[str, Any] = {}
    for fld in fields(Filter):
        value = getattr(f, fld.name)
        if value == getattr(default, fld.name):
            continue
        if isinstance(value, frozenset):
            value = sorted(value)
        elif isinstance(value, BBox | Near | Polygon):
            value = value.to_json()
        out[fld.name] = value
    return json.dumps(out, ensure_ascii=False, sort_keys=True)


def from_json(text: str) -> Filter:
    """The filter stored as ``text``; raises ``BadFilter`` when it cannot be used."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise BadFilter(f"not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise BadFilter("not a JSON object")
    known = {fld.name for fld in fields(Filter)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise BadFilter(f"unknown field {unknown[0]!r}")
    kwargs: dict[str, Any] = {}
    for name, value in data.items():
        if name in _SETS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise BadFilter(f"{name!r} is not a list of strings")
            allowed = _SETS[name]
            if allowed is not None and not set(value) <= allowed:
                raise BadFilter(f"{name!r} holds {sorted(set(value) - allowed)[0]!r}")
            if len(value) > MAX_ITEMS:
                raise BadFilter(f"{name!r} has more than {MAX_ITEMS} entries")
            kwargs[name] = frozenset(value)
        elif name in _DATES:
            if value is not None and not _is_date(value):
                raise BadFilter(f"{name!r} is not an ISO date (YYYY-MM-DD)")
            kwargs[name] = value
        elif name == "min_confidence":
            if isinstance(value, bool) or not isinstance(value, int | float) \
                    or not math.isfinite(value) or not 0 <= value <= 1:
                raise BadFilter("'min_confidence' is not a number from 0 to 1")
            kwargs[name] = float(value)
        elif name == "text":
            if not isinstance(value, str):
                raise BadFilter("'text' is not a string")
            kwargs[name] = value
        elif name == "doc":
            if value is not None and not isinstance(value, str):
                raise BadFilter("'doc' is not a string")
            kwargs[name] = value
        elif name == "area":
            try:
                kwargs[name] = None if value is None else area_from_json(value)
            except ValueError as exc:
                raise BadFilter(f"'area': {exc}") from None
        elif name == "once":
            if not isinstance(value, bool):
                raise BadFilter("'once' is not true or false")
            kwargs[name] = value
    return Filter(**kwargs)


def _is_date(value: object) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True
