"""The map document: no remote resource, data escaped for <script>, one marker per place."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explorer.index import CorpusIndex
from explorer.mapdoc import map_data, map_html, marker_radius, remote_urls, script_json
from explorer.pipeline import open_corpus
from explorer.resources import resource
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def index() -> CorpusIndex:
    return open_corpus(SEEDS)


@pytest.mark.parametrize("for_qt", [False, True])
def test_page_references_no_remote_resource(index: CorpusIndex, for_qt: bool) -> None:
    html = map_html(index, for_qt=for_qt)
    assert remote_urls(html) == []
    for src in re.findall(r'(?:src|href)="([^"]+)"', html):
        if for_qt:
            assert src.startswith("explorer://app/"), src
        else:
            assert src.startswith(resource().as_uri() + "/"), src
    assert ("qwebchannel.js" in html) is for_qt


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
    data = map_data(index)
    ids = [p["id"] for p in data["places"]]
    assert len(ids) == len(set(ids)) == len(index.places())
    for rec in data["places"]:
        assert 5.0 <= rec["radius"] <= 24.0
        assert rec["count"] == index.place(rec["id"]).count  # type: ignore[union-attr]


def test_marker_radius_grows_with_count() -> None:
    assert marker_radius(1, 10) < marker_radius(5, 10) < marker_radius(10, 10) == 24.0


@given(st.recursive(st.text() | st.integers() | st.none(),
                    lambda kids: st.lists(kids) | st.dictionaries(st.text(), kids), max_leaves=8))
def test_script_json_round_trips_and_cannot_close_the_script(value: object) -> None:
    text = script_json(value)
    assert json.loads(text) == value
    assert "<" not in text and ">" not in text and "\u2028" not in text and "\u2029" not in text
