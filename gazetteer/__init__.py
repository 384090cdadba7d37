"""An offline, Arabic-first geoparser: text in, place mentions with offsets and places out.

Pure Python: no Qt, no folium. ``load_geoparser()`` is the usual way in.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from gazetteer.geoparser import Geoparser, Rejected
from gazetteer.model import Candidate, Mention, Place
from gazetteer.store import Gazetteer


def load_geoparser(extra: Sequence[Path | str] = ()) -> Geoparser:
    """A geoparser over the built-in world gazetteer plus the user's YAML files ``extra``."""
    return Geoparser(Gazetteer.load(extra))


__all__ = ["Candidate", "Gazetteer", "Geoparser", "Mention", "Place", "Rejected", "load_geoparser"]
