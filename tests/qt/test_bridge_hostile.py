"""Values and floods from the page through the bridge (issue 21: B17, W6), called as any
script on the page could: a QWebChannel client of its own, real web view."""

from __future__ import annotations

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


def round_trip(qtbot: Any, window: Any) -> None:
    """Every call the page made before has been delivered: a click after them is."""
    place = run_js(qtbot, window, "explorer.markerIds()")[0]
    run_js(qtbot, window, f"window.__b.placeClicked({place!r}); true")
    qtbot.waitUntil(lambda: window.selected_place == place)
    run_js(qtbot, window, "window.__b.backgroundClicked(); true")
    qtbot.waitUntil(lambda: window.selected_place is None)


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
