"""The places mentioned with the selection (issue 20): the layer "together" (lines from the
selected place, weighted by the passages they share) and the ranked list under the passages,
each entry selecting its place; and markers reached and chosen from the keyboard (issue 17).
Real window, real web view; what is expected is asked of the reader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from explorer.index.db import IndexDB
from explorer.memory_index import CorpusIndex
from explorer.qt.passage_feed import MENTIONED_WITH
from explorer.query import IndexReader, MentionedWith
from tests.qt.conftest import run_js, wait_drawn
from tests.qt.synthetic import write_corpus
from tests.qt.test_window_first import wait_indexed

pytestmark = pytest.mark.e2e


def show_layer(qtbot: Any, window: Any) -> None:
    window.layers_menu.actions["together"].trigger()
    wait_drawn(qtbot, window)
    assert "together" in run_js(qtbot, window, "explorer.layers()")


def expected(reader: IndexReader, window: Any, pid: str) -> list[MentionedWith]:
    found = reader.mentioned_with(window.session.filter, pid, MENTIONED_WITH)
    assert found, f"{pid} shares no passage with another place"
    return found


def lines(qtbot: Any, window: Any) -> list[list[Any]]:
    info = run_js(qtbot, window, "explorer.layerInfo('together')")
    assert info is not None
    return list(info["lines"]) if info["drawn"] else []


def wait_lines(qtbot: Any, window: Any, want: list[str]) -> list[list[Any]]:
    qtbot.waitUntil(lambda: [row[0] for row in lines(qtbot, window)] == want, timeout=20_000)
    return lines(qtbot, window)


def click_entry(qtbot: Any, window: Any, row: int) -> None:
    view = window.mentioned_with.list
    rect = view.visualItemRect(view.item(row))
    view.scrollToItem(view.item(row))
    rect = view.visualItemRect(view.item(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def check_selection(qtbot: Any, window: Any, reader: IndexReader, pid: str) -> list[str]:
    """The lines and the list of ``pid`` selected: those of the reader's answer."""
    want = [m.place.id for m in expected(reader, window, pid)]
    drawn = wait_lines(qtbot, window, want)
    # Wider and darker the more passages are shared; the most shared is the widest.
    assert [row[1] for row in drawn] == [m.passages for m in expected(reader, window, pid)]
    assert [row[2] for row in drawn] == sorted((row[2] for row in drawn), reverse=True)
    assert drawn[0][2] == 8.0 and drawn[0][3] == 0.9
    qtbot.waitUntil(lambda: window.mentioned_with.entries() == want)
    assert window.mentioned_with.isVisible()
    place = reader.place(pid)
    assert place is not None
    assert place.place.name in window.mentioned_with.heading.text()
    first = window.mentioned_with.list.item(0).text()
    assert expected(reader, window, pid)[0].place.name in first
    return want


def test_lines_and_list_of_the_places_mentioned_with_the_selection(
    qtbot: Any, window: Any, seeds_index: CorpusIndex
) -> None:
    show_layer(qtbot, window)
    assert lines(qtbot, window) == []  # nothing selected: no line
    assert not window.mentioned_with.isVisible()
    assert "same passages" in run_js(qtbot, window, "explorer.legendText()")
    pid = seeds_index.places()[0].place.id
    window.select_place(pid)
    want = check_selection(qtbot, window, seeds_index, pid)
    # An entry clicked selects its place; the lines and the list follow it.
    click_entry(qtbot, window, 1)
    qtbot.waitUntil(lambda: window.selected_place == want[1])
    assert run_js(qtbot, window, "explorer.selected()") == want[1]
    after = check_selection(qtbot, window, seeds_index, want[1])
    # From the keyboard: Enter on an entry selects it too.
    window.mentioned_with.list.setFocus()
    window.mentioned_with.list.setCurrentRow(2)
    qtbot.keyClick(window.mentioned_with.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.selected_place == after[2])
    window.select_place(want[1])
    wait_lines(qtbot, window, after)
    # A narrower filter: fewer places share the passages.
    before = window.mentioned_with.entries()
    window.set_countries([seeds_index.places()[0].place.country])
    wait_drawn(qtbot, window)
    narrowed = [m.place.id for m in seeds_index.mentioned_with(
        window.session.filter, want[1], MENTIONED_WITH)]
    qtbot.waitUntil(lambda: window.mentioned_with.entries() == narrowed)
    assert narrowed != before
    wait_lines(qtbot, window, narrowed)
    window.set_countries([])
    # Nothing selected: no line, no list; the layer hidden: no line either.
    window.select_place(None)
    wait_lines(qtbot, window, [])
    qtbot.waitUntil(lambda: not window.mentioned_with.isVisible())
    window.select_place(pid)
    wait_lines(qtbot, window, want)
    window.layers_menu.actions["together"].trigger()
    wait_drawn(qtbot, window)
    assert run_js(qtbot, window, "explorer.layerInfo('together')")["drawn"] is False
    assert window.mentioned_with.entries() == want  # the list stays: it is the panel's


def test_an_index_on_disk_answers_off_the_gui_thread(qtbot: Any, tmp_path: Path) -> None:
    from explorer.qt.app import start

    window = start(write_corpus(tmp_path / "c", 30), jobs=1)
    qtbot.addWidget(window)
    window.show()
    try:
        wait_indexed(qtbot, window)
        assert window.passage_feed is not None
        show_layer(qtbot, window)
        with IndexDB(window.index_path, readonly=True) as db:
            pid = db.places()[0].place.id
            window.select_place(pid)
            want = check_selection(qtbot, window, db, pid)
            click_entry(qtbot, window, 0)
            qtbot.waitUntil(lambda: window.selected_place == want[0])
            check_selection(qtbot, window, db, want[0])
        assert window.layers_menu.shown() == frozenset({"markers", "together"})
    finally:
        window.dispose()


def focused(qtbot: Any, window: Any) -> Any:
    return run_js(qtbot, window, "explorer.focused()")


def test_markers_are_reached_with_tab_and_chosen_with_enter(qtbot: Any, window: Any) -> None:
    target = window.view.focusProxy() or window.view
    window.view.setFocus()
    assert run_js(qtbot, window, "explorer._map.getContainer().focus(), "
                                 "document.activeElement === explorer._map.getContainer()")
    # The markers drawn in the view, most mentioned first, as Tab reaches them.
    order = run_js(qtbot, window, "(function () { var b = explorer._map.getBounds(); "
                   "var drawn = explorer.drawnIds(); return explorer.visibleIds().filter("
                   "function (id) { var p = explorer.place(id); return drawn.indexOf(id) >= 0 "
                   "&& b.contains([p.lat, p.lon]); }).map(function (id) { return [id, "
                   "explorer.shownCounts(id)[0]]; }); })()")
    assert len(order) >= 3
    seen = []
    for _ in range(3):
        qtbot.keyClick(target, Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda: focused(qtbot, window) not in (None, *seen[-1:]), timeout=5000)
        seen.append(focused(qtbot, window))
    assert set(seen) <= {pid for pid, _ in order} and len(set(seen)) == 3
    counts = [dict(order)[pid] for pid in seen]
    assert counts == sorted(counts, reverse=True)
    qtbot.keyClick(target, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: focused(qtbot, window) == seen[1], timeout=5000)
    place = seen[1]
    # The focus is seen: a blue ring round the marker, and the place's tooltip.
    ring = run_js(qtbot, window, "(function (e) { var s = getComputedStyle(e); var r = "
                  "e.getBoundingClientRect(); return [s.borderTopWidth, s.borderTopColor, "
                  "r.left + r.width / 2, r.top + r.height / 2, e.getAttribute('role'), "
                  "e.getAttribute('aria-label')]; })(document.activeElement)")
    assert ring[:2] == ["3px", "rgb(26, 95, 180)"] and ring[4] == "button"
    x, y = run_js(qtbot, window, f"explorer.pointOf(explorer.place({place!r}).lat, "
                                 f"explorer.place({place!r}).lon)")
    box = run_js(qtbot, window, "(function (r) { return [r.left, r.top]; })"
                                "(explorer._map.getContainer().getBoundingClientRect())")
    assert abs(ring[2] - box[0] - x) < 2 and abs(ring[3] - box[1] - y) < 2
    assert ring[5] == run_js(qtbot, window, f"explorer.place({place!r}).name")
    assert run_js(qtbot, window, "document.querySelectorAll('.leaflet-tooltip').length") == 1
    assert window.selected_place is None
    qtbot.keyClick(target, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.selected_place == place)
    wait_drawn(qtbot, window)
    assert run_js(qtbot, window, "explorer.selected()") == place
    # Past the markers, Tab reaches the groups of places; Enter opens one as a click does.
    for _ in range(60):
        qtbot.keyClick(target, Qt.Key.Key_Tab)
        qtbot.wait(50)
        if focused(qtbot, window) == "cluster":
            break
    assert focused(qtbot, window) == "cluster"
    assert run_js(qtbot, window, "getComputedStyle(document.activeElement).outlineStyle") == \
        "solid"
    before = (run_js(qtbot, window, "explorer.zoom()"),
              len(run_js(qtbot, window, "explorer.drawnIds()")))
    qtbot.keyClick(target, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: (run_js(qtbot, window, "explorer.zoom()"),
                             len(run_js(qtbot, window, "explorer.drawnIds()"))) != before,
                    timeout=10_000)
    assert window.selected_place == place  # a group opened selects nothing
