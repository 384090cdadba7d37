"""The map document: a folium (Leaflet) page with an offline basemap and clustered place markers.

Non-Qt. This is the standalone page (``explorer map --html``): every script and stylesheet
comes from ``resources/`` (file URLs); the page references no remote resource. The window does
not use it: its page is the static ``resources/web/explorer/window.html``, which holds no data
and receives the same messages (``map_message``) through the QWebChannel. Here the one message
is embedded as JSON inside a ``<script>`` element, escaped so that no string in it can close
the element or start markup; ``resources/web/explorer/map.js`` builds the markers with
``textContent``, so names and titles are never parsed as HTML.

No user data ever passes through a template engine. folium and branca render elements with
Jinja, and a ``MacroElement``'s rendered script is parsed as a *new* template, so a place named
``{{ ... }}`` would run as template code. The page script with the data is therefore added as a
``_RawScript`` element (plain text, never parsed), and ``script_json`` also writes ``{`` and ``}``
inside strings as ``\u007b``/``\u007d`` so that no JSON it makes can be read as a template.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import folium
from branca.element import Element, Figure, MacroElement
from folium.elements import JSCSSMixin

from explorer.mapdata import map_message
from explorer.query import PlaceSummary
from explorer.resources import resource

MIN_ZOOM = 2
MAX_ZOOM = 12

# Characters that must not appear raw inside <script> JSON: they could end the element, open
# a comment or (U+2028/9) end a JavaScript line in older engines; braces could open a template
# tag (``{{``, ``{%``, ``{#``) should the text ever meet a template engine; a slash is written
# ``\/`` (the same string), so that text such as ``http://`` in a name is data, never taken
# for a reference by a scan of the page (``remote_urls``).
_SCRIPT_ESCAPES = str.maketrans({
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "{": "\\u007b",
    "}": "\\u007d",
    "/": "\\/",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
})
#: A JSON string token (outside them, JSON has only the structural ``{``/``}``: ``{"`` and ``}``
#: never form a template tag).
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')


def script_json(value: Any) -> str:
    """``value`` as JSON that is safe inside a ``<script>`` element and inert to templates."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return _JSON_STRING.sub(lambda m: m.group().translate(_SCRIPT_ESCAPES), text)


def asset_url(*parts: str) -> str:
    """File URL of a file under ``resources/``."""
    return resource(*parts).as_uri()


class _RawScript(Element):
    """Script text put into the page as it is: unlike branca's elements, never a template."""

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code

    def render(self, **kwargs: Any) -> str:
        return self.code


class ExplorerLayer(JSCSSMixin, MacroElement):
    """The basemap, the place markers and the page-side API (``window.explorer``)."""

    def __init__(self, initial: dict[str, Any], document: dict[str, Any] | None = None) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "ExplorerLayer"
        data = {"minZoom": MIN_ZOOM, "maxZoom": MAX_ZOOM, "initial": initial}
        self.data_json = script_json(data)
        self.options_json = script_json({"qt": False})
        # the heading and the popups' passages (``standalone.js``), None: a bare map
        self.document_json = None if document is None else script_json(document)
        def web(*parts: str) -> str:
            return asset_url("web", *parts)

        self.default_js = [
            ("markercluster", web("markercluster", "leaflet.markercluster.js")),
            ("topojson", web("topojson-client", "topojson-client.min.js")),
            ("basemap", asset_url("basemap", "countries.js")),
            ("basemap_low", asset_url("basemap", "countries_110m.js")),
            ("labels", asset_url("basemap", "labels.js")),
            ("explorer_basemap", web("explorer", "basemap.js")),
            ("explorer", web("explorer", "map.js")),
            ("explorer_standalone", web("explorer", "standalone.js")),
        ]
        self.default_css = [
            ("markercluster_css", web("markercluster", "MarkerCluster.css")),
            ("markercluster_default_css", web("markercluster", "MarkerCluster.Default.css")),
            ("explorer_css", web("explorer", "map.css")),
            ("explorer_standalone_css", web("explorer", "standalone.css")),
        ]

    def render(self, **kwargs: Any) -> None:  # type: ignore[override]  # branca's returns None
        """The asset links (folium), then the call that builds the map, as plain text."""
        super().render(**kwargs)  # type: ignore[no-untyped-call]
        figure = self.get_root()
        assert isinstance(figure, Figure) and self._parent is not None
        name = self._parent.get_name()
        code = f"explorerInit({name}, {self.data_json}, {self.options_json});"
        if self.document_json is not None:  # first: its popups are bound as markers are added
            code = f"explorerDocument({name}, {self.document_json});\n{code}"
        figure.script.add_child(_RawScript(code), name=self.get_name())


def build_map(places: Sequence[PlaceSummary],
              document: dict[str, Any] | None = None) -> folium.Map:
    """The folium map of ``places`` (most mentioned first); ``document``: its heading and
    passages (``map_document``)."""
    m = folium.Map(
        location=[30.0, 50.0],
        zoom_start=3,
        tiles=None,
        min_zoom=MIN_ZOOM,
        max_zoom=MAX_ZOOM,
        prefer_canvas=True,
        world_copy_jump=True,
        control_scale=True,
    )
    # Only Leaflet itself, from resources/: folium's defaults load jQuery, Bootstrap and Font
    # Awesome from CDNs, none of which this page uses.
    m.default_js = [("leaflet", asset_url("web", "leaflet", "leaflet.js"))]
    m.default_css = [("leaflet_css", asset_url("web", "leaflet", "leaflet.css"))]
    ExplorerLayer(map_message(places), document).add_to(m)
    return m


def map_html(places: Sequence[PlaceSummary], document: dict[str, Any] | None = None) -> str:
    html: str = build_map(places, document).get_root().render()
    return html


def remote_urls(html: str) -> list[str]:
    """Every ``http(s)://`` reference in a page (there must be none)."""
    found = re.findall(r"""https?://[^\s"'<>)]+""", html, flags=re.IGNORECASE)
    found += re.findall(r"""(?:src|href)\s*=\s*["']//[^"']+""", html, flags=re.IGNORECASE)
    return found


def write_map_html(places: Sequence[PlaceSummary], out: Path,
                   document: dict[str, Any] | None = None) -> Path:
    """Write the standalone page of ``places`` to ``out`` (UTF-8) and return its path."""
    from explorer.atomic import atomic_write_text

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(out, map_html(places, document))
    return out


__all__: Sequence[str] = (
    "ExplorerLayer",
    "build_map",
    "map_html",
    "remote_urls",
    "script_json",
    "write_map_html",
)
