"""Filters that combine (issue 10): kind, mention type, minimum confidence and dates set through
their widgets, shown as chips, removed by a chip's ×, set from the timeline, and saved with
the corpus. Real web view: the page's markers are read back from the page itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt

from explorer import filter_store
from explorer.index.db import IndexDB
from explorer.memory_index import CorpusIndex
from explorer.query import ALL_TYPES, Filter
from explorer.settings import Settings
from tests.qt.conftest import run_js, wait_drawn
from tests.qt.synthetic import write_corpus

pytestmark = pytest.mark.e2e


def page_ids(qtbot: Any, window: Any) -> list[str]:
    wait_drawn(qtbot, window)
    ids: list[str] = run_js(qtbot, window, "explorer.visibleIds()")
    return ids


def ids_of(index: CorpusIndex, f: Filter) -> list[str]:
    return sorted(s.place.id for s in index.places(f))


def passage_mentions(window: Any) -> list[Any]:
    return [m for h in window.passages.hits for m in h.mentions]


def test_kind_filter_from_the_bar_narrows_map_and_passages_and_its_chip_removes_it(
    qtbot: Any, window: Any, seeds_index: CorpusIndex
) -> None:
    everything = page_ids(qtbot, window)
    assert everything == ids_of(seeds_index, Filter())
    assert not window.chips.isVisible()
    window.filter_bar.kind_actions["city"].trigger()  # in the menu of kinds
    assert window.session.filter == Filter(kinds=frozenset({"city"}))
    assert list(window.chips.buttons) == ["kind:city"] and window.chips.isVisible()
    cities = page_ids(qtbot, window)
    assert cities == ids_of(seeds_index, Filter(kinds=frozenset({"city"})))
    assert cities and set(cities) < set(everything)
    found = passage_mentions(window)
    assert found and all(m.place.kind == "city" for m in found)
    assert "only cities" in window.status.label.text()
    assert "cities" in window.filter_bar.kinds_button.text()
    qtbot.mouseClick(window.chips.buttons["kind:city"], Qt.MouseButton.LeftButton)
    assert window.session.filter == Filter()
    assert not window.chips.isVisible()
    assert not window.filter_bar.kind_actions["city"].isChecked()
    assert page_ids(qtbot, window) == everything


def test_confidence_and_demonyms_combine_and_each_chip_removes_its_own(
    qtbot: Any, window: Any, seeds_index: CorpusIndex
) -> None:
    everything = page_ids(qtbot, window)
    bar = window.filter_bar
    bar.confidence.setValue(0.95)
    assert window.session.filter.min_confidence == 0.95
    sure = page_ids(qtbot, window)
    assert sure == ids_of(seeds_index, Filter(min_confidence=0.95))
    assert set(sure) < set(everything)
    found = passage_mentions(window)
    assert found and all(m.confidence >= 0.95 for m in found)
    qtbot.mouseClick(bar.demonyms, Qt.MouseButton.LeftButton)
    both = Filter(min_confidence=0.95, types=ALL_TYPES)
    assert window.session.filter == both
    assert list(window.chips.buttons) == ["types", "confidence"]
    assert page_ids(qtbot, window) == ids_of(seeds_index, both)
    assert any(m.type == "demonym" for m in passage_mentions(window))
    qtbot.mouseClick(window.chips.buttons["confidence"], Qt.MouseButton.LeftButton)
    assert window.session.filter == Filter(types=ALL_TYPES)
    assert bar.confidence.value() == 0.0 and bar.demonyms.isChecked()
    assert page_ids(qtbot, window) == ids_of(seeds_index, Filter(types=ALL_TYPES))
    qtbot.mouseClick(window.chips.buttons["types"], Qt.MouseButton.LeftButton)
    assert window.session.filter == Filter() and not bar.demonyms.isChecked()
    assert page_ids(qtbot, window) == everything


def test_timeline_bar_click_sets_the_date_range(
    qtbot: Any, window: Any, seeds_index: CorpusIndex
) -> None:
    dock = window.timeline
    if not dock.isVisible():
        dock.toggleViewAction().trigger()
    timeline = dock.timeline
    qtbot.waitUntil(lambda: timeline.buckets != [])
    days = [d.isoformat() for d, n in timeline.buckets if n]
    assert days == ["2021-07-17", "2021-09-28"]  # the seeds' two dated articles
    last = len(timeline.buckets) - 1
    assert timeline.buckets[last][0].isoformat() == "2021-09-28"
    qtbot.mouseClick(timeline.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=timeline.bar_center(last).toPoint())
    day = Filter(date_from="2021-09-28", date_to="2021-09-28")
    assert window.session.filter == day
    assert list(window.chips.buttons) == ["dates"]
    assert timeline.date_from.date() == QDate(2021, 9, 28)
    assert timeline.series.barSets()[0].selectedBars() == [last]  # highlighted
    assert page_ids(qtbot, window) == ids_of(seeds_index, day)
    assert window.passages.hits
    assert {h.article.published[:10] for h in window.passages.hits} == {"2021-09-28"}
    # The timeline still shows every day (it follows the filter but for its own dates).
    assert [d.isoformat() for d, n in timeline.buckets if n] == days
    # Per week: a click takes the whole week (Monday to Sunday).
    timeline.bucket.setCurrentIndex(timeline.bucket.findData("week"))
    first = next(i for i, (_, n) in enumerate(timeline.buckets) if n)
    qtbot.mouseClick(timeline.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=timeline.bar_center(first).toPoint())
    assert window.session.filter == Filter(date_from="2021-07-12", date_to="2021-07-18")
    assert {h.article.published[:10] for h in window.passages.hits} == {"2021-07-17"}
    # A drag across bars takes the days they span.
    timeline.bucket.setCurrentIndex(timeline.bucket.findData("day"))
    view = timeline.view.viewport()
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=timeline.bar_center(0).toPoint())
    qtbot.mouseMove(view, timeline.bar_center(10).toPoint())
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=timeline.bar_center(10).toPoint())
    assert window.session.filter == Filter(date_from="2021-07-17", date_to="2021-07-27")
    # The date fields set an end each; the chip's × clears the range.
    timeline.date_to.setDate(QDate(2021, 12, 31))
    assert window.session.filter == Filter(date_from="2021-07-17", date_to="2021-12-31")
    qtbot.mouseClick(window.chips.buttons["dates"], Qt.MouseButton.LeftButton)
    assert window.session.filter == Filter()
    assert timeline.date_from.date() == timeline.date_from.minimumDate()
    assert page_ids(qtbot, window) == ids_of(seeds_index, Filter())


def test_text_chip_clears_the_search_box(qtbot: Any, window: Any) -> None:
    window.search.setText("روسيا")  # typed (QTest cannot type Arabic keys)
    window.apply_search()
    assert list(window.chips.buttons) == ["text"]
    qtbot.mouseClick(window.chips.buttons["text"], Qt.MouseButton.LeftButton)
    assert window.session.filter == Filter() and window.search.text() == ""


def test_the_filter_is_saved_with_the_corpus_and_restored(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from explorer.qt.app import start
    from tests.qt.test_window_first import wait_indexed

    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    corpus = write_corpus(tmp_path / "c", 12)
    settings = Settings(tmp_path / "settings.json")

    def open_window() -> Any:
        window = start(corpus, settings=settings, jobs=1)
        qtbot.addWidget(window)
        window.show()
        wait_indexed(qtbot, window)
        return window

    window = open_window()
    try:
        window.filter_bar.kind_actions["city"].trigger()
        window.filter_bar.confidence.setValue(0.5)
        wanted = Filter(kinds=frozenset({"city"}), min_confidence=0.5)
        assert window.session.filter == wanted
        shown = page_ids(qtbot, window)
        path = window.index_path
        window.close()
    finally:
        window.dispose()
    window = open_window()
    try:
        assert window.session.filter == wanted
        assert list(window.chips.buttons) == ["kind:city", "confidence"]
        assert window.filter_bar.kind_actions["city"].isChecked()
        assert window.filter_bar.confidence.value() == 0.5
        assert page_ids(qtbot, window) == shown
        qtbot.mouseClick(window.chips.buttons["kind:city"], Qt.MouseButton.LeftButton)
        window.close()
    finally:
        window.dispose()
    with IndexDB(path, readonly=True) as db:
        assert db.get_setting(filter_store.KEY) == filter_store.to_json(
            Filter(min_confidence=0.5))
    # A stored filter that cannot be used: a problem, and everything is shown.
    with IndexDB(path) as db:
        db.set_setting(filter_store.KEY, '{"kinds": ["planet"]}')
    window = open_window()
    try:
        assert window.session.filter == Filter()
        assert any("saved filter" in p.message for p in window.problems)
        assert window.problems_button.isEnabled()
    finally:
        window.dispose()


def test_region_box_selects_the_regions_countries(
    qtbot: Any, window: Any, seeds_index: CorpusIndex
) -> None:
    everything = page_ids(qtbot, window)
    box = window.filter_bar.region
    regions = [box.itemData(i) for i in range(box.count())]
    assert regions[0] is None and "region:central-asia" in regions
    box.setCurrentIndex(regions.index("region:central-asia"))
    f = Filter(regions=frozenset({"region:central-asia"}))
    assert window.session.filter == f
    assert list(window.chips.buttons) == ["region:region:central-asia"]
    assert "Central Asia" in window.chips.buttons["region:region:central-asia"].text()
    shown = page_ids(qtbot, window)
    assert shown == ids_of(seeds_index, f) and "region:central-asia" in shown
    assert set(shown) < set(everything)
    members = {"KZ", "KG", "TJ", "TM", "UZ"}
    found = passage_mentions(window)
    assert found and all(m.place.country in members or m.place.id == "region:central-asia"
                         for m in found)
    qtbot.mouseClick(window.chips.buttons["region:region:central-asia"],
                     Qt.MouseButton.LeftButton)
    assert window.session.filter == Filter() and box.currentIndex() == 0
    assert page_ids(qtbot, window) == everything


def test_one_chip_per_country_each_removing_only_its_own(
    qtbot: Any, window: Any, seeds_index: CorpusIndex
) -> None:
    window.filter.select(["TJ", "UZ"])
    assert list(window.chips.buttons) == ["country:TJ", "country:UZ"]
    assert "Tajikistan (TJ)" in window.chips.buttons["country:TJ"].text()
    assert "countries TJ, UZ" in window.status.label.text()
    qtbot.mouseClick(window.chips.buttons["country:TJ"], Qt.MouseButton.LeftButton)
    assert window.session.filter == Filter(countries=frozenset({"UZ"}))
    assert page_ids(qtbot, window) == ids_of(seeds_index, Filter(countries=frozenset({"UZ"})))
    qtbot.mouseClick(window.chips.buttons["country:UZ"], Qt.MouseButton.LeftButton)
    assert window.session.filter == Filter() and not window.chips.isVisible()
