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

#: The standalone page's own script and style: its heading and the passages in its popups.
STANDALONE_SCRIPTS = (("explorer_standalone", "web/explorer/standalone.js"),)
STANDALONE_STYLES = (("explorer_standalone_css", "web/explorer/standalone.css"),)


def build_map(places: Sequence[PlaceSummary], document: dict[str, Any] | None = None) -> Any:
    """The folium map of ``places`` (most mentioned first); ``document``: its heading and
    passages (``map_document``), None: a bare map."""
    data = {"minZoom": MIN_ZOOM, "maxZoom": MAX_ZOOM, "initial": map_message(places)}
    # first: the popups are bound as the markers are added
    prelude = None if document is None else ("explorerDocument", document)
    return build_page(data, {"qt": False}, file_url,
                      [(n, file_url(p)) for n, p in STANDALONE_SCRIPTS],
                      [(n, file_url(p)) for n, p in STANDALONE_STYLES], prelude)


def map_html(places: Sequence[PlaceSummary], document: dict[str, Any] | None = None) -> str:
    html: str = build_map(places, document).get_root().render()
    return html


def write_map_html(places: Sequence[PlaceSummary], out: Path,
                   document: dict[str, Any] | None = None) -> Path:
    """Write the standalone page of ``places`` to ``out`` (UTF-8) and return its path."""
    from explorer.atomic import atomic_write_text

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(out, map_html(places, document))
    return out


__all__: Sequence[str] = (
    "build_map",
    "map_html",
    "remote_urls",
    "script_json",
    "write_map_html",
)
