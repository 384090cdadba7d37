"""What the map page is told: place records and counts, as one message (JSON-ready).

Non-Qt and free of folium, so the window can build messages without loading the page
generator. ``resources/web/explorer/map.js`` documents the message format.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from explorer.query import PlaceSummary


def place_record(summary: PlaceSummary) -> dict[str, Any]:
    """What the page keeps of a place (its counts travel separately, they follow the filter)."""
    p = summary.place
    return {
        "id": p.id,
        "name": p.name,
        "name_ar": p.name_ar,
        "kind": p.kind,
        "country": p.country,
        "members": list(p.members),
        "lat": p.lat,
        "lon": p.lon,
    }


def map_message(
    places: Sequence[PlaceSummary], known: Collection[str] = ()
) -> dict[str, Any]:
    """The message that shows exactly ``places`` (most mentioned first) on the page.

    Places whose ids are in ``known`` are already on the page and are not sent again.
    """
    return {
        "add": [place_record(s) for s in places if s.place.id not in known],
        "counts": [[s.place.id, s.count, s.articles] for s in places],
    }
