"""The map document: no remote resource, data escaped for <script>, no data in the Qt page."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explorer.mapdata import map_message
from explorer.mapdoc import (
    STANDALONE_SCRIPTS,
    STANDALONE_STYLES,
    map_html,
    remote_urls,
    script_json,
)
from explorer.mappage import (
    SCRIPTS,
    STYLES,
    WINDOW_STYLES,
    inputs_hash,
    page_scripts,
    window_page_html,
)
from explorer.memory_index import CorpusIndex
from explorer.pipeline import open_corpus
from explorer.resources import resource
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def index() -> CorpusIndex:
    return open_corpus(SEEDS)


def test_page_references_no_remote_resource(index: CorpusIndex) -> None:
    html = map_html(index.places())
    assert remote_urls(html) == []
    for src in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert src.startswith(resource().as_uri() + "/"), src
    assert "qwebchannel.js" not in html


def test_the_windows_page_is_static_local_and_holds_no_data() -> None:
    page = resource("web", "explorer", "window.html")
    html = page.read_text(encoding="utf-8")
    assert remote_urls(html) == []
    refs = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert "/qtwebchannel/qwebchannel.js" in refs  # served by the app's scheme
    for ref in refs:
        if ref.startswith("/"):
            continue
        assert (page.parent / ref).resolve().is_file(), ref
    # The map is started with its options only: the data come later, through the channel.
    call = re.findall(r"explorerInit\((.*)\);", html)
    assert call == ['map, {"minZoom":1,"maxZoom":12}, {"qt":true,"scale":{"maxWidth":180}}']
    assert '"initial"' not in html


def test_the_windows_page_is_what_folium_makes_from_the_code_now() -> None:
    """The page is made at build (``make page``) and read as it is at start-up: it must be
    what ``explorer.mappage`` makes now, from the one asset list."""
    html = resource("web", "explorer", "window.html").read_text(encoding="utf-8")
    assert f"from inputs {inputs_hash()}:" in html.splitlines()[0], "run `make page`"
    assert html == window_page_html(), "run `make page`"
    assert 'class="folium-map"' in html


def test_both_pages_load_the_same_assets(index: CorpusIndex) -> None:
    standalone = re.findall(r'(?:src|href)="([^"]+)"', map_html(index.places()))
    window = re.findall(r'(?:src|href)="([^"]+)"', window_page_html())
    root = resource().as_uri() + "/"
    # the standalone page's own heading and popups script and style come after each list
    own = [path for _, path in STANDALONE_SCRIPTS + STANDALONE_STYLES]
    scripts = [s.path for s in page_scripts(window=False)]
    assert [s.removeprefix(root) for s in standalone] == (
        scripts[:1] + [path for _, path in STYLES[:1]] + scripts[1:]
        + [path for _, path in STANDALONE_SCRIPTS + STYLES[1:] + STANDALONE_STYLES])
    # The window's page: every script, the window-only ones (rivers, lakes, borders) too.
    here = resource("web", "explorer")
    shared = [resource(*s.removeprefix(root).split("/")) for s in standalone
              if s.removeprefix(root) not in own]
    window_only = [resource(*s.path.split("/")) for s in SCRIPTS if s.window_only]
    assert window_only and not set(window_only) & set(shared)
    assert [(here / ref).resolve() for ref in window if not ref.startswith("/")] == (
        shared[:1] + shared[1:2] + [p for p in shared[2:] if p.suffix == ".js"] + window_only
        + [p for p in shared[2:] if p.suffix == ".css"]
        + [resource(*path.split("/")) for _, path in WINDOW_STYLES])


def test_remote_urls_finds_them() -> None:
    assert remote_urls('<script src="https://cdn.x/leaflet.js"></script>') != []
    assert remote_urls('<link href="//cdn.x/a.css">') != []


def test_vendored_assets_exist_and_fetch_nothing() -> None:
    for parts in [("web", "leaflet", "leaflet.js"), ("web", "leaflet", "LICENSE"),
                  ("web", "markercluster", "leaflet.markercluster.js"),
                  ("web", "markercluster", "LICENSE"), ("basemap", "countries.js"),
                  ("web", "explorer", "map.js")]:
        assert resource(*parts).is_file(), parts
    css = resource("web", "leaflet", "leaflet.css").read_text(encoding="utf-8")
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", css)


def test_one_record_per_place(index: CorpusIndex) -> None:
    message = map_message(index.places())
    ids = [p["id"] for p in message["add"]]
    assert len(ids) == len(set(ids)) == len(index.places())
    counts = {row[0]: (row[1], row[2]) for row in message["counts"]}
    for s in index.places():
        assert counts[s.place.id] == (s.count, s.articles)
    assert [row[0] for row in message["counts"]] == [s.place.id for s in index.places()]


def test_places_already_on_the_page_are_not_sent_again(index: CorpusIndex) -> None:
    places = index.places()
    known = {s.place.id for s in places[:3]}
    message = map_message(places, known)
    assert {p["id"] for p in message["add"]} == {s.place.id for s in places} - known
    assert len(message["counts"]) == len(places)


@given(st.recursive(st.text() | st.integers() | st.none(),
                    lambda kids: st.lists(kids) | st.dictionaries(st.text(), kids), max_leaves=8))
def test_script_json_round_trips_and_cannot_close_the_script(value: object) -> None:
    text = script_json(value)
    assert json.loads(text) == value
    assert "<" not in text and ">" not in text and "\u2028" not in text and "\u2029" not in text


def test_the_window_does_not_import_folium_to_start() -> None:
    """The window's page is made at build: starting the window never pays for folium."""
    code = ("import sys, explorer.cli, explorer.qt.app, explorer.qt.window; "
            "print('folium' in sys.modules, 'branca' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.split() == ["False", "False"]
