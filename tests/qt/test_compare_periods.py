"""Two periods compared on one map (issue 20, periods), in a real window and web view: the
page's "compare" layer colours each place of either period by the class Python computed from
the reader's counts, with a legend and a chip that ends it."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate

from explorer.index.db import IndexDB
from explorer.memory_index import CorpusIndex
from explorer.periods import KEY, Period, change_of, from_json
from explorer.query import Filter
from explorer.settings import Settings
from tests.conftest import SEEDS
from tests.qt.conftest import run_js, wait_drawn
from tests.qt.synthetic import write_corpus
from tests.qt.test_window_first import wait_indexed

pytestmark = pytest.mark.e2e

JULY = Period("2021-07-01", "2021-07-31")
SEPTEMBER = Period("2021-09-01", "2021-09-30")


def expected(index: CorpusIndex, f: Filter, a: Period, b: Period) -> dict[str, str]:
    """Each place's change, derived from the reader with the two periods' filters."""
    in_a = {s.place.id: s.count for s in index.places(a.of(f))}
    in_b = {s.place.id: s.count for s in index.places(b.of(f))}
    return {pid: change_of(in_a.get(pid, 0), in_b.get(pid, 0)) for pid in in_a.keys() | in_b}


def drawn_classes(qtbot: Any, window: Any) -> dict[str, str] | None:
    info = run_js(qtbot, window, "explorer.layerInfo('compare')")
    return info["classes"] if info and info["drawn"] else None


def test_the_difference_of_two_periods_is_drawn_and_its_chip_ends_it(
    qtbot: Any, window: Any, seeds_index: CorpusIndex
) -> None:
    want = expected(seeds_index, Filter(), JULY, SEPTEMBER)
    # The seeds' two dated articles: places of one only, and of both.
    assert {"only_a", "only_b"} <= set(want.values())
    with qtbot.waitSignal(window.comparison.shown, timeout=20_000):
        window.comparison.set(JULY, SEPTEMBER)
    wait_drawn(qtbot, window)
    assert drawn_classes(qtbot, window) == want
    legend = run_js(qtbot, window, "explorer.legendText()")
    assert "only in A" in legend and "only in B" in legend and "2021-07-01" in legend
    counts = sum(1 for c in want.values() if c == "only_b")
    assert f"only in B ({counts})" in legend
    chip = window.chips.buttons["compare"]
    assert chip.isVisible() and "comparing 2021-07-01 – 2021-07-31 with" in chip.text()
    # The rest of the filter narrows the comparison: computed again, off the GUI thread.
    cities = Filter(kinds=frozenset({"city"}))
    with qtbot.waitSignal(window.comparison.shown, timeout=20_000):
        window.session.set_filter(cities)
    wait_drawn(qtbot, window)
    narrowed = expected(seeds_index, cities, JULY, SEPTEMBER)
    assert drawn_classes(qtbot, window) == narrowed and narrowed != want
    # The chip's × ends it; the filter stays.
    window.chips.buttons["compare"].click()
    wait_drawn(qtbot, window)
    assert drawn_classes(qtbot, window) is None
    assert "compare" not in window.chips.buttons and window.session.filter == cities
    assert "only in A" not in run_js(qtbot, window, "explorer.legendText()")


def test_compare_asks_for_the_periods(qtbot: Any, window: Any) -> None:
    window.session.set_filter(replace(window.session.filter, date_from="2021-07-01",
                                      date_to="2021-07-31"))
    window.comparison.button.click()
    dialog = window.comparison.dialog
    assert dialog is not None and dialog.isVisible()
    # Proposed: the filter's range, and the as long one after it.
    assert dialog.periods() == (JULY, Period("2021-08-01", "2021-08-31"))
    dialog.edits[2].setDate(QDate(2021, 9, 30))  # B from 30 Sept ... to 31 Aug: swapped
    dialog.edits[3].setDate(QDate(2021, 9, 1))
    with qtbot.waitSignal(window.comparison.shown, timeout=20_000):
        dialog.accept()
    assert window.comparison.periods == (JULY, SEPTEMBER)


def test_the_comparison_is_saved_with_the_corpus_and_shown_again_on_reopening(
    qtbot: Any, tmp_path: Path
) -> None:
    from explorer.qt.app import start

    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    settings = Settings(tmp_path / "settings.json")

    def open_window() -> Any:
        window = start(corpus, settings=settings, jobs=1)
        qtbot.addWidget(window)
        window.show()
        wait_indexed(qtbot, window)
        return window

    window = open_window()
    try:
        with qtbot.waitSignal(window.comparison.shown, timeout=20_000):
            window.comparison.set(JULY, SEPTEMBER)
        wait_drawn(qtbot, window)
        first = drawn_classes(qtbot, window)
        assert first and {"only_a", "only_b"} <= set(first.values())
        path = window.index_path
        # Another folder opened: its own (none); the first keeps its comparison.
        window.switch_folder(write_corpus(tmp_path / "other", 3))
        qtbot.waitUntil(lambda: window.index_path != path, timeout=20_000)
        wait_indexed(qtbot, window)
        assert window.comparison.periods is None and "compare" not in window.chips.buttons
        assert drawn_classes(qtbot, window) is None
        window.close()
    finally:
        window.dispose()
    with IndexDB(path, readonly=True) as db:
        assert from_json(db.get_setting(KEY) or "") == (JULY, SEPTEMBER)
    # Opened again: the chip and the page's colours, as they were.
    window = open_window()
    try:
        qtbot.waitUntil(lambda: drawn_classes(qtbot, window) == first, timeout=20_000)
        assert window.comparison.periods == (JULY, SEPTEMBER)
        chip = window.chips.buttons["compare"]
        assert chip.isVisible() and "comparing 2021-07-01 – 2021-07-31 with" in chip.text()
        assert "only in A" in run_js(qtbot, window, "explorer.legendText()")
        chip.click()  # ended: forgotten with the corpus
        wait_drawn(qtbot, window)
        window.close()
    finally:
        window.dispose()
    with IndexDB(path) as db:
        assert db.get_setting(KEY) is None
        db.set_setting(KEY, '{"a": ["2021-07-31", "2021-07-01"], "b": "September"}')
    # Hand-edited into something unusable: a problem naming the index; nothing compared.
    window = open_window()
    try:
        problems = [p for p in window.problems if "comparison of periods" in p.message]
        assert problems and problems[0].path == str(path)
        assert "ends before it starts" in problems[0].message
        assert window.comparison.periods is None and "compare" not in window.chips.buttons
        assert drawn_classes(qtbot, window) is None
    finally:
        window.dispose()
