"""End to end with the real QtWebEngine view: markers, clicks through JavaScript, the panel."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from explorer.memory_index import CorpusIndex
from explorer.query import Filter, PlaceSummary
from tests.qt.conftest import run_js

pytestmark = pytest.mark.e2e

HELSINKI = "gn:658225"
GENEVA = "gn:2660646"


def places_in(index: CorpusIndex, codes: list[str]) -> list[PlaceSummary]:
    return index.places(Filter(frozenset(codes)))


def doc_prefixes(docs: list[str]) -> list[str]:
    return [d.split("_")[0] for d in docs]


def test_one_marker_per_place(
    qtbot: Any, shared_window: Any, seeds_index: CorpusIndex
) -> None:
    window = shared_window
    ids = run_js(qtbot, window, "explorer.markerIds()")
    assert ids == sorted(s.place.id for s in seeds_index.places())
    assert run_js(qtbot, window, "explorer.visibleIds()") == ids
    assert run_js(qtbot, window, "explorer.ready") is True


def test_tooltip_names_the_place_in_both_languages(qtbot: Any, shared_window: Any) -> None:
    text = run_js(qtbot, shared_window, f"explorer.tooltipText({HELSINKI!r})")
    assert "هلسنكي" in text and "Helsinki" in text and "mention" in text


@pytest.mark.parametrize(
    ("place_id", "name_ar", "docs"),
    # Reading order: by date (001 is July 2021, 000 September 2021), undated last, then file.
    [(HELSINKI, "هلسنكي", ["000", "003", "004"]), (GENEVA, "جنيف", ["001", "000"])],
)
def test_clicking_a_marker_lists_its_passages(
    qtbot: Any, window: Any, place_id: str, name_ar: str, docs: list[str]
) -> None:
    assert run_js(qtbot, window, f"explorer.clickPlace({place_id!r})") is True
    qtbot.waitUntil(lambda: window.selected_place == place_id)
    panel = window.passages
    assert doc_prefixes(panel.docs()) == docs
    # Articles in reading order: by date, undated last (issue 10, bug 9).
    dates = [h.article.published or "~" for h in panel.hits]
    assert dates == sorted(dates)
    assert panel.hits and all(
        any(m.place.id == place_id for m in hit.mentions) for hit in panel.hits
    )
    text = panel.toPlainText()
    assert text.count(name_ar) >= len(panel.hits)
    for hit in panel.hits:
        assert hit.passage.text in text
        assert hit.article.title in text
    assert run_js(qtbot, window, "explorer.selected()") == place_id


def test_country_filter_narrows_map_and_passages(
    qtbot: Any, window: Any, seeds_index: CorpusIndex
) -> None:
    every = run_js(qtbot, window, "explorer.markerIds()")
    window.filter.select(["TJ"])
    expected = sorted(s.place.id for s in places_in(seeds_index, ["TJ"]))
    assert expected, "the seeds name places in Tajikistan"
    qtbot.waitUntil(lambda: run_js(qtbot, window, "explorer.visibleIds()") == expected)
    assert len(expected) < len(every)
    # Bug 6: the region holding Tajikistan stays on the map (and its passages in the panel).
    assert "region:central-asia" in expected
    hits = window.passages.hits
    assert hits
    for hit in hits:
        assert hit.mentions and all(m.place.country == "TJ" or m.place.id == "region:central-asia"
                                    for m in hit.mentions)
    # A place outside the filter cannot be clicked on the map any more.
    assert run_js(qtbot, window, f"explorer.clickPlace({HELSINKI!r})") is False
    # Clicking Tajikistan itself offers only its passages.
    tj = next(s.place.id for s in places_in(seeds_index, ["TJ"]) if s.place.kind == "country")
    assert run_js(qtbot, window, f"explorer.clickPlace({tj!r})") is True
    qtbot.waitUntil(lambda: window.selected_place == tj)
    assert all(m.place.id == tj for hit in window.passages.hits for m in hit.mentions)

    window.filter.clear()
    qtbot.waitUntil(lambda: run_js(qtbot, window, "explorer.visibleIds()") == every)
    assert window.countries == []


def test_filter_with_several_countries(qtbot: Any, window: Any, seeds_index: CorpusIndex) -> None:
    window.filter.select(["TJ", "FI"])
    expected = sorted(s.place.id for s in places_in(seeds_index, ["TJ", "FI"]))
    qtbot.waitUntil(lambda: run_js(qtbot, window, "explorer.visibleIds()") == expected)
    assert {m.place.country for h in window.passages.hits for m in h.mentions} - {None} == {
        "TJ", "FI"}


def test_bridge_ignores_unknown_and_malformed_ids(
    qtbot: Any, window: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """A script of the page's own reaches only the bridge's slots, which refuse bad ids.

    The test opens a second QWebChannel in the page: that channel takes the transport from the
    page's own (qwebchannel.js has one ``onmessage``), and the page hears no more messages
    from the window. So it has a window of its own: on the shared window, every later message
    was lost (the next language change never drew, and test_map_view's teardown waited in
    vain)."""
    assert run_js(qtbot, window, "explorer.hearsQt()") is True
    caplog.set_level(logging.WARNING, logger="explorer.qt.bridge")
    code = """
        new QWebChannel(qt.webChannelTransport, function (ch) {
            ch.objects.bridge.placeClicked("no:such-place");
            ch.objects.bridge.placeClicked(42);
            ch.objects.bridge.placeClicked("x".repeat(100000));
            window.__bridgeKeys = Object.keys(ch.objects.bridge).sort();
        });
        true
    """
    with qtbot.assertNotEmitted(window.bridge.events.clicked):
        assert run_js(qtbot, window, code) is True
        # The bridge's answer to each call: it logs that it ignored it.
        qtbot.waitUntil(lambda: len(bridge_warnings(caplog)) == 3)
    assert bridge_warnings(caplog) == [
        "map bridge: ignored a click on unknown place id 'no:such-place'",
        "map bridge: ignored a click with an invalid id",
        "map bridge: ignored a click with an invalid id",
    ]
    assert window.selected_place is None
    qtbot.waitUntil(lambda: run_js(qtbot, window, "window.__bridgeKeys || null") is not None)
    keys = set(run_js(qtbot, window, "window.__bridgeKeys"))
    assert {"placeClicked", "mapReady"} <= keys
    assert not keys & {"events", "index", "window", "parent"}
    assert run_js(qtbot, window, "explorer.hearsQt()") is False


def bridge_warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "explorer.qt.bridge"]


def test_a_region_is_drawn_as_the_shapes_of_its_members(
    qtbot: Any, window: Any, seeds_index: CorpusIndex
) -> None:
    region = seeds_index.place("region:central-asia")
    assert region is not None
    assert run_js(qtbot, window, "explorer.clickPlace('region:central-asia')") is True
    qtbot.waitUntil(lambda: window.selected_place == "region:central-asia")
    shown = run_js(qtbot, window, "explorer.highlightedCountries()")
    assert shown == sorted(region.place.members) == ["KG", "KZ", "TJ", "TM", "UZ"]
    assert window.passages.hits
