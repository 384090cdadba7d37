"""Values and floods from the page through the bridge (issue 21: B17, W6), called as any
script on the page could: a QWebChannel client of its own, real web view."""

from __future__ import annotations

import os
from typing import Any

import pytest

from tests.qt.conftest import run_js

pytestmark = pytest.mark.e2e

# A second client on the page's transport (as any script on the page could make); the page's
# own client keeps its messages (QWebChannel takes the transport's one onmessage for itself).
CONNECT = """(function () {
  var t = qt.webChannelTransport, page = t.onmessage;
  new QWebChannel(t, function (ch) {
    var mine = t.onmessage;
    t.onmessage = function (m) {
      try { page(m); } catch (e) {}
      try { mine(m); } catch (e) {}
    };
    window.__b = ch.objects.bridge;
  });
  return true;
})()"""


def connect(qtbot: Any, window: Any) -> None:
    run_js(qtbot, window, CONNECT)
    qtbot.waitUntil(lambda: run_js(qtbot, window, "!!window.__b") is True)


def round_trip(qtbot: Any, window: Any, timeout: int = 5000) -> None:
    """Every call the page made before has been delivered: a click after them is."""
    place = run_js(qtbot, window, "explorer.markerIds()", timeout=timeout)[-1]
    run_js(qtbot, window, f"window.__b.placeClicked({place!r}); true", timeout=timeout)
    qtbot.waitUntil(lambda: window.selected_place == place, timeout=timeout)
    run_js(qtbot, window, "window.__b.backgroundClicked(); true", timeout=timeout)
    qtbot.waitUntil(lambda: window.selected_place is None, timeout=timeout)


@pytest.mark.parametrize("value", ["2**31", "2**53 + 2", "1e308", "Infinity", "-Infinity",
                                   "NaN", "-1", "0.5", "'7'", "true", "null", "[1]"])
def test_sequence_numbers_out_of_range_are_dropped(qtbot: Any, window: Any, value: str) -> None:
    connect(qtbot, window)
    sent, drawn = window.map_sync.sent_seq, window.map_sync.drawn_seq
    run_js(qtbot, window, f"window.__b.drawn({value}); true")  # OverflowError in _on_drawn
    round_trip(qtbot, window)
    assert window.map_sync.drawn_seq <= window.map_sync.sent_seq
    assert window.map_sync.drawn_seq >= drawn and window.map_sync.sent_seq >= sent


def test_a_number_never_sent_does_not_mark_the_map_drawn(qtbot: Any, window: Any) -> None:
    connect(qtbot, window)
    run_js(qtbot, window, f"window.__b.drawn({2**31 - 1}); true")
    round_trip(qtbot, window)
    sync = window.map_sync
    assert sync.drawn_seq <= sync.sent_seq  # was 2**31 - 1: every later message "drawn"
    window.session.select(run_js(qtbot, window, "explorer.markerIds()")[0])
    assert sync.sent_seq > sync.drawn_seq  # the selection is not painted yet
    qtbot.waitUntil(lambda: sync.drawn_seq == sync.sent_seq)  # until the page says so
    window.session.select(None)
    qtbot.waitUntil(lambda: sync.drawn_seq == sync.sent_seq)


# -- W6: floods from the page are coalesced and their warnings rate-limited -----------------

#: Seconds the window may take to come through a flood (it took 134 s for 20,000 clicks).
FLOOD_S = int(os.environ.get("FLOOD_S", "20"))


def flood(qtbot: Any, window: Any, js_loop: str, timeout_s: int = FLOOD_S) -> float:
    """Run ``js_loop`` on the page (one task: its calls queue up at once), then time until the
    window has handled them all (a round trip after them comes back)."""
    import time

    t0 = time.perf_counter()
    run_js(qtbot, window, f"(function () {{ {js_loop} return true; }})()",
           timeout=timeout_s * 1000)
    round_trip(qtbot, window, timeout=timeout_s * 1000)
    return time.perf_counter() - t0


def test_a_flood_of_alternating_clicks_ends_on_the_last(qtbot: Any, window: Any) -> None:
    connect(qtbot, window)
    a, b = run_js(qtbot, window, "explorer.markerIds()")[:2]
    sent = window.map_sync.sent_seq
    seconds = flood(qtbot, window, f"for (var i = 0; i < 20000; i++) "
                                   f"{{ window.__b.placeClicked(i % 2 ? {b!r} : {a!r}); }}")
    print(f"20,000 alternating place clicks: {seconds:.1f} s")
    assert seconds < FLOOD_S
    assert window.map_sync.sent_seq - sent < 400  # coalesced: not one map message per click
    run_js(qtbot, window, f"window.__b.placeClicked({b!r}); true")
    qtbot.waitUntil(lambda: window.selected_place == b)  # and the window still answers


def test_a_flood_of_map_ready_sends_the_state_a_few_times(qtbot: Any, window: Any) -> None:
    connect(qtbot, window)
    sent = window.map_sync.sent_seq
    seconds = flood(qtbot, window, "for (var i = 0; i < 2000; i++) { window.__b.mapReady(); }")
    print(f"2,000 mapReady: {seconds:.1f} s")
    assert seconds < FLOOD_S
    assert window.map_sync.sent_seq - sent < 100


def test_a_flood_of_bad_ids_logs_a_few_lines(qtbot: Any, window: Any,
                                            caplog: pytest.LogCaptureFixture) -> None:
    connect(qtbot, window)
    caplog.set_level("WARNING", logger="explorer.qt.bridge")
    seconds = flood(qtbot, window, "for (var i = 0; i < 100000; i++) "
                                   "{ window.__b.placeClicked('no such place ' + i); }",
                    timeout_s=180)  # the channel's own cost: ~0.1 ms a call
    print(f"100,000 unknown ids: {seconds:.1f} s")
    lines = [r for r in caplog.records if r.name == "explorer.qt.bridge"]
    assert 0 < len(lines) <= 20
    assert "100000" in lines[-1].getMessage() or len(lines) < 20


@pytest.mark.parametrize("value", [
    "null", "'x'", "[[1, 2], [3, 4]]", "[[1, 2], [3, 4], [5, 'a']]", "[[1, 2], [3, 4], [5]]",
    "[[1, 2], [3, 4], [95, 6]]", "[[0, 0], [1, 1], [2, 2]]",
    "Array(600).fill([1, 2])", "[[1, 2], [3, 4], [true, 6]]",
])
def test_polygons_that_are_none_are_dropped(qtbot: Any, window: Any, value: str) -> None:
    connect(qtbot, window)
    run_js(qtbot, window, f"window.__b.polygonDrawn({value}); true")
    round_trip(qtbot, window)
    assert window.session.filter.area is None
