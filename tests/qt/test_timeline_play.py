"""Playing the timeline (issue 20, periods) in a real window: each week in turn becomes the
filter's date range, the page's markers follow it, Pause keeps the range, and playing stops
after the last week."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from explorer.memory_index import CorpusIndex
from explorer.pipeline import open_corpus
from explorer.query import Filter
from explorer.settings import Settings
from tests.conftest import SEEDS
from tests.qt.conftest import run_js, wait_drawn
from tests.qt.test_timeline_dock import shown_timeline
from tests.qt.test_window_first import wait_indexed

pytestmark = pytest.mark.e2e


def page_ids(qtbot: Any, window: Any) -> list[str]:
    wait_drawn(qtbot, window)
    return list(run_js(qtbot, window, "explorer.visibleIds()"))


def ids_of(index: CorpusIndex, f: Filter) -> list[str]:
    return sorted(s.place.id for s in index.places(f))


def test_play_steps_through_the_weeks_and_pause_keeps_the_range(
    qtbot: Any, window: Any, seeds_index: CorpusIndex
) -> None:
    timeline = shown_timeline(qtbot, window)
    timeline.bucket.setCurrentIndex(timeline.bucket.findData("week"))
    weeks = [(d.isoformat(), (d + timedelta(days=6)).isoformat()) for d, _ in timeline.buckets]
    assert len(weeks) > 4 and timeline.step == 7
    player = timeline.player
    player.speed.addItem("test", 250)
    player.speed.setCurrentIndex(player.speed.count() - 1)
    ranges: list[tuple[str | None, str | None]] = []
    window.session.changed.connect(lambda c: c.filter and ranges.append(
        (window.session.filter.date_from, window.session.filter.date_to)))
    qtbot.mouseClick(player.button, Qt.MouseButton.LeftButton)
    assert player.playing and player.button.text() == "Pause"
    qtbot.waitUntil(lambda: len(ranges) >= 3, timeout=10_000)
    qtbot.mouseClick(player.button, Qt.MouseButton.LeftButton)  # Pause
    assert not player.playing and player.button.text() == "Play"
    assert ranges == weeks[:len(ranges)]  # week after week, from the first
    kept = window.session.filter
    assert (kept.date_from, kept.date_to) == ranges[-1]
    steps = len(ranges)
    qtbot.wait(800)  # more than three steps: nothing moves while paused
    assert window.session.filter == kept and len(ranges) == steps
    assert page_ids(qtbot, window) == ids_of(seeds_index, kept)
    # Play goes on from the week shown, to the last, and stops there.
    paused_at = len(ranges)
    qtbot.mouseClick(player.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not player.playing, timeout=20_000)
    assert ranges[paused_at:] == weeks[paused_at:]
    last = window.session.filter
    assert (last.date_from, last.date_to) == weeks[-1]
    shown = page_ids(qtbot, window)
    assert shown and shown == ids_of(seeds_index, last)  # the last week has an article
    # The first week has the other dated article: its places, not the last week's.
    first = Filter(date_from=weeks[0][0], date_to=weeks[0][1])
    assert ids_of(seeds_index, first) and ids_of(seeds_index, first) != shown


def test_changing_the_dates_while_playing_pauses(qtbot: Any, window: Any) -> None:
    timeline = shown_timeline(qtbot, window)
    player = timeline.player
    player.speed.addItem("test", 400)
    player.speed.setCurrentIndex(player.speed.count() - 1)
    player.play()
    assert player.playing
    timeline.all_dates.click()  # the analyst takes the dates back
    assert not player.playing and not window.session.filter.dated


def test_play_waits_for_the_page_to_paint_each_week(qtbot: Any, tmp_path: Path) -> None:
    """Even at a bar a millisecond, on a folder's index (counted off the GUI thread, only
    the latest question answered), the page paints every week in turn: none is skipped."""
    from explorer.qt.app import start

    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    window = start(corpus, settings=Settings(tmp_path / "settings.json"), jobs=1)
    qtbot.addWidget(window)
    window.show()
    try:
        wait_indexed(qtbot, window)
        timeline = shown_timeline(qtbot, window)
        timeline.bucket.setCurrentIndex(timeline.bucket.findData("week"))
        weeks = [(d.isoformat(), (d + timedelta(days=6)).isoformat())
                 for d, _ in timeline.buckets]
        assert len(weeks) > 4
        player = timeline.player
        player.speed.addItem("test", 1)
        player.speed.setCurrentIndex(player.speed.count() - 1)
        painted: list[tuple[str | None, str | None]] = []
        window.map_sync.painted.connect(lambda f: painted.append((f.date_from, f.date_to)))
        player.play()
        qtbot.waitUntil(lambda: not player.playing, timeout=30_000)
        wait_drawn(qtbot, window)
        # Each week's data reached the page and were painted, in order, none skipped.
        assert [p for p in painted if p[0] is not None] == weeks
        assert page_ids(qtbot, window) == ids_of(open_corpus(corpus), window.session.filter)
    finally:
        window.dispose()
