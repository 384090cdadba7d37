"""The map page's making: one asset list, and the page laid out by folium.

Non-Qt. Both map pages are folium pages built here from the same parts:

- the window's page, ``resources/web/explorer/window.html``: data-free. folium lays out the
  map, its controls and every script and stylesheet (``ASSETS``, as paths relative to the page,
  served by the app's scheme); places, counts and the selection arrive later through the
  QWebChannel (``map.js``). It is made once, at build (``make page``, i.e.
  ``python -m explorer.mappage``), and written with the hash of what made it (``inputs_hash``):
  the window only reads the file, so start-up never imports folium, and a test checks that
  the file is what this module makes now.
- the standalone page (``explorer map --html``, ``explorer.mapdoc``): the same assets as file
  URLs, and the one message of data embedded as plain script text.

No user data ever passes through a template engine: folium and branca render with Jinja, and
a ``MacroElement``'s rendered script is parsed as a *new* template, so the call that starts
the page is added as a ``RawScript`` (plain text, never parsed), its JSON written by
``script_json`` (braces inside strings as ``\\u007b``/``\\u007d``).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Callable, Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Any, NamedTuple

from explorer.resources import resource

MIN_ZOOM = 2
MAX_ZOOM = 12

class Script(NamedTuple):
    """A script of the map page: its name, its path under ``resources/``, and whether only
    the window's page loads it (a layer the standalone page has no way to show)."""

    name: str
    path: str
    window_only: bool = False


#: Every script of the map page in load order. The layer modules (``web/explorer/layers/``)
#: come after ``map.js``, which holds the registry. The rivers, lakes and borders are the
#: window's only (the standalone page has no layers menu to show them), and their data
#: (``web/explorer/physical/``, 1.4 MB) are no script of the page: ``layers/physical.js``
#: loads them when a layer is first shown.
SCRIPTS: tuple[Script, ...] = (
    Script("leaflet", "web/leaflet/leaflet.js"),
    Script("markercluster", "web/markercluster/leaflet.markercluster.js"),
    Script("leaflet_heat", "web/leaflet-heat/leaflet-heat.js"),
    Script("topojson", "web/topojson-client/topojson-client.min.js"),
    Script("basemap", "basemap/countries.js"),
    Script("basemap_low", "basemap/countries_110m.js"),
    Script("labels", "basemap/labels.js"),
    Script("explorer_basemap", "web/explorer/basemap.js"),
    Script("explorer", "web/explorer/map.js"),
    Script("layer_heat", "web/explorer/layers/heat.js"),
    Script("layer_choropleth", "web/explorer/layers/choropleth.js"),
    Script("layer_compare", "web/explorer/layers/compare.js"),
    Script("layer_together", "web/explorer/layers/together.js"),
    Script("layer_physical", "web/explorer/layers/physical.js", window_only=True),
)
#: Every stylesheet of the map page, as (name, path under ``resources/``).
STYLES: tuple[tuple[str, str], ...] = (
    ("leaflet_css", "web/leaflet/leaflet.css"),
    ("markercluster_css", "web/markercluster/MarkerCluster.css"),
    ("markercluster_default_css", "web/markercluster/MarkerCluster.Default.css"),
    ("explorer_css", "web/explorer/map.css"),
)
#: The window's page, under ``resources/``, and the script only it loads (the app's scheme
#: serves Qt's ``qwebchannel.js`` there).
WINDOW_PAGE = "web/explorer/window.html"
QWEBCHANNEL = "/qtwebchannel/qwebchannel.js"
#: The bundled Arabic font: the window only (an exported page cannot inline font files).
WINDOW_STYLES: tuple[tuple[str, str], ...] = (("explorer_fonts", "web/explorer/fonts.css"),)
#: The options of the window's map (``explorerInit``): zoom 1 (the world 512 px wide) lets
#: places from America to East Asia fit a small map; the scale bar is wide enough that its
#: shortest bar holds its longest text ("1000 mi").
WINDOW_DATA = {"minZoom": 1, "maxZoom": MAX_ZOOM}
WINDOW_OPTIONS = {"qt": True, "scale": {"maxWidth": 180}}

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


def file_url(path: str) -> str:
    """File URL of ``path`` under ``resources/`` (the standalone page)."""
    return resource(*path.split("/")).as_uri()


def window_url(path: str) -> str:
    """``path`` under ``resources/`` as seen from the window's page (relative)."""
    here = WINDOW_PAGE.split("/")[:-1]
    parts = path.split("/")
    common = 0
    while common < min(len(here), len(parts) - 1) and here[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + parts[common:])


def remote_urls(html: str) -> list[str]:
    """Every ``http(s)://`` reference in a page (there must be none)."""
    found = re.findall(r"""https?://[^\s"'<>)]+""", html, flags=re.IGNORECASE)
    found += re.findall(r"""(?:src|href)\s*=\s*["']//[^"']+""", html, flags=re.IGNORECASE)
    return found


def page_scripts(window: bool) -> tuple[Script, ...]:
    """The scripts of the window's page (``window``) or of the standalone page, in order."""
    return tuple(s for s in SCRIPTS if window or not s.window_only)


def build_page(
    data: dict[str, Any], options: dict[str, Any], url: Callable[[str], str],
    extra_scripts: Sequence[tuple[str, str]] = (), extra_styles: Sequence[tuple[str, str]] = (),
    prelude: tuple[str, Any] | None = None, window: bool = False,
) -> Any:
    """The folium map with every asset of the window's page (``window``) or of the standalone
    one (``url`` makes their references) and the call ``explorerInit(map, data, options)`` as
    plain script text; ``prelude`` (a function's name and its data): a call ``name(map, data)``
    made just before it."""
    scripts = page_scripts(window)
    import folium
    from branca.element import Element, Figure, MacroElement
    from folium.elements import JSCSSMixin

    class RawScript(Element):
        """Script text put into the page as it is: unlike branca's elements, never a template."""

        def __init__(self, code: str) -> None:
            super().__init__()
            self.code = code

        def render(self, **kwargs: Any) -> str:
            return self.code

    class ExplorerLayer(JSCSSMixin, MacroElement):
        """The page's scripts and stylesheets, and the call that starts the page."""

        def __init__(self) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self._name = "ExplorerLayer"
            self._id = "explorer"
            self.default_js = [(s.name, url(s.path)) for s in scripts[1:]] + list(extra_scripts)
            self.default_css = [(n, url(p)) for n, p in STYLES[1:]] + list(extra_styles)

        def render(self, **kwargs: Any) -> None:  # type: ignore[override]  # branca: None
            super().render(**kwargs)  # type: ignore[no-untyped-call]
            figure = self.get_root()
            assert isinstance(figure, Figure) and self._parent is not None
            name = self._parent.get_name()
            code = f"explorerInit({name}, {script_json(data)}, {script_json(options)});"
            if prelude is not None:
                code = f"{prelude[0]}({name}, {script_json(prelude[1])});\n{code}"
            figure.script.add_child(RawScript(code), name=self.get_name())

    class ExplorerMap(folium.Map):
        """folium's map, its element named ``map`` (the page's CSS and tests know it so)."""

        def get_name(self) -> str:
            return "map"

    m = ExplorerMap(
        location=[30.0, 50.0],
        zoom_start=3,
        tiles=None,
        min_zoom=data.get("minZoom", MIN_ZOOM),
        max_zoom=data.get("maxZoom", MAX_ZOOM),
        prefer_canvas=True,
        world_copy_jump=True,
        control_scale=not options.get("scale"),
    )
    m.get_root()._id = "explorer"  # a fixed name (folium's are random): the same page each time
    # Only Leaflet itself, from resources/: folium's defaults load jQuery, Bootstrap and Font
    # Awesome from CDNs, none of which this page uses.
    m.default_js = [(s.name, url(s.path)) for s in scripts[:1]]
    m.default_css = [(n, url(p)) for n, p in STYLES[:1]]
    ExplorerLayer().add_to(m)
    return m


def inputs_hash() -> str:
    """The hash of what makes the window's page: this module's code and folium's version."""
    h = hashlib.sha256(Path(__file__).read_bytes())
    h.update(f"folium {version('folium')} branca {version('branca')}".encode())
    return h.hexdigest()[:16]


def window_page_html() -> str:
    """The window's page, data-free, as ``resources/web/explorer/window.html`` holds it."""
    m = build_page(WINDOW_DATA, WINDOW_OPTIONS, window_url, [("qwebchannel", QWEBCHANNEL)],
                   [(n, window_url(p)) for n, p in WINDOW_STYLES], window=True)
    html: str = m.get_root().render()
    note = (f"<!-- The window's map page, made by explorer/mappage.py (make page) from inputs "
            f"{inputs_hash()}: do not edit. It holds no data: everything arrives through the "
            f"QWebChannel (map.js). -->\n")
    return note + html


def write_window_page(out: Path | None = None) -> Path:
    """Write the window's page (by default into ``resources/``) and return its path."""
    from explorer.atomic import atomic_write_text

    target = out or resource(*WINDOW_PAGE.split("/"))
    atomic_write_text(target, window_page_html())
    return target


if __name__ == "__main__":
    print(write_window_page(Path(sys.argv[1]) if len(sys.argv) > 1 else None))


__all__: Sequence[str] = (
    "SCRIPTS",
    "STYLES",
    "Script",
    "build_page",
    "inputs_hash",
    "page_scripts",
    "remote_urls",
    "script_json",
    "window_page_html",
    "write_window_page",
)
