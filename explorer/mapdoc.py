"""The standalone map document (``explorer map --html``): a folium page with its data.

Non-Qt. The page is made by ``explorer.mappage`` from the same assets as the window's page
(file URLs under ``resources/``; the page references no remote resource). Its one message of
data (``map_message``) is embedded as JSON inside a ``<script>`` element, escaped so that no
string in it can close the element, start markup or be read as a template (``script_json``);
``resources/web/explorer/map.js`` builds the markers with ``textContent``, so names and titles
are never parsed as HTML.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from explorer.mapdata import map_message
from explorer.mappage import MAX_ZOOM, MIN_ZOOM, build_page, file_url, remote_urls, script_json
from explorer.query import PlaceSummary


def build_map(places: Sequence[PlaceSummary]) -> Any:
    """The folium map of ``places`` (most mentioned first)."""
    data = {"minZoom": MIN_ZOOM, "maxZoom": MAX_ZOOM, "initial": map_message(places)}
    return build_page(data, {"qt": False}, file_url)


def map_html(places: Sequence[PlaceSummary]) -> str:
    html: str = build_map(places).get_root().render()
    return html


def write_map_html(places: Sequence[PlaceSummary], out: Path) -> Path:
    """Write the standalone page of ``places`` to ``out`` (UTF-8) and return its path."""
    from explorer.atomic import atomic_write_text

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(out, map_html(places))
    return out


__all__: Sequence[str] = (
    "build_map",
    "map_html",
    "remote_urls",
    "script_json",
    "write_map_html",
)
