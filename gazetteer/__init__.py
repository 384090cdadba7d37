"""An offline, Arabic-first geoparser: text in, place mentions with offsets and places out.

Pure Python: no Qt, no folium. ``load_geoparser()`` is the usual way in.

The public names are imported when first used (module ``__getattr__``), so that importing a
light submodule such as ``gazetteer.normalize`` (the Arabic folding) or ``gazetteer.model``
does not pay for the geoparser, its YAML loader and geopy.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gazetteer.geoparser import Geoparser, Rejected
    from gazetteer.model import Candidate, Mention, Place
    from gazetteer.reasons import Reason, ReasonCode
    from gazetteer.store import Gazetteer

_WHERE = {
    "Candidate": "gazetteer.model",
    "Gazetteer": "gazetteer.store",
    "Geoparser": "gazetteer.geoparser",
    "Mention": "gazetteer.model",
    "Place": "gazetteer.model",
    "Reason": "gazetteer.reasons",
    "ReasonCode": "gazetteer.reasons",
    "Rejected": "gazetteer.geoparser",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'gazetteer' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def load_geoparser(extra: Sequence[Path | str] = ()) -> Geoparser:
    """A geoparser over the built-in world gazetteer plus the user's YAML files ``extra``."""
    from gazetteer.geoparser import Geoparser
    from gazetteer.store import Gazetteer

    return Geoparser(Gazetteer.load(extra))


__all__ = ["Candidate", "Gazetteer", "Geoparser", "Mention", "Place", "Reason", "ReasonCode",
           "Rejected", "load_geoparser"]
