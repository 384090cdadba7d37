"""The map's view and furniture (issue 10, bug 10): the view kept on resize, the scale bar and
tooltips never clipped, the world wrapping across the date line, long country names whole; the
labelled basemap and the legend. Real web view (the seeds' index)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtWidgets import QApplication

from explorer.memory_index import CorpusIndex
from explorer.qt.app import install_language
from tests.qt.conftest import run_js, wait_drawn

pytestmark = pytest.mark.e2e

UNITED_STATES = "gn:6252001"
AFGHANISTAN = "gn:1149361"
CHINA = "gn:1814991"


def view_of(qtbot: Any, window: Any) -> tuple[float, float, int]:
    lat, lon, zoom = run_js(qtbot, window,
                            "[explorer.view().lat, explorer.view().lon, explorer.zoom()]")
    return round(lat, 4), round(lon, 4), zoom


@pytest.fixture
def same_view(qtbot: Any, shared_window: Any) -> Iterator[Any]:
    """The shared window, its map's view put back as it was after the test."""
    lat, lon, zoom = run_js(qtbot, shared_window,
                            "[explorer.view().lat, explorer.view().lon, explorer.zoom()]")
    yield shared_window
    run_js(qtbot, shared_window, f"explorer.setView({lat}, {lon}, {zoom}); true")
    wait_drawn(qtbot, shared_window)


def drag_edge(qtbot: Any, window: Any, dw: int, dh: int, steps: int = 30) -> None:
    """Resize the window in many small steps, as dragging its edge does."""
    width, height = window.width(), window.height()
    for step in range(1, steps + 1):
        window.resize(width + dw * step // steps, height + dh * step // steps)
        qtbot.wait(20)
    qtbot.wait(300)


def test_the_map_keeps_its_view_when_the_window_is_resized(qtbot: Any, window: Any) -> None:
    # Fitted to the places (as after a filter): they stay fitted, in a smaller window and in a
    # larger one (the map zooms out and in again instead of cutting them off or drifting).
    window.set_countries(["KG", "KZ", "TJ", "TM", "UZ"])
    wait_drawn(qtbot, window)
    shown = run_js(qtbot, window, "explorer.visibleIds()")
    fitted = run_js(qtbot, window, "explorer.zoom()")
    assert run_js(qtbot, window, "explorer.inView()") == shown
    drag_edge(qtbot, window, -500, -440)
    assert run_js(qtbot, window, "explorer.inView()") == shown
    drag_edge(qtbot, window, 500, 440)
    assert run_js(qtbot, window, "explorer.inView()") == shown
    # As close as before at least (the docks below may give the map back more height).
    assert run_js(qtbot, window, "explorer.zoom()") >= fitted
    # A view the user chose keeps its centre (within a pixel) and zoom.
    run_js(qtbot, window, "explorer.setView(35.5, 60.25, 5); true")
    lat, lon, zoom = view_of(qtbot, window)
    pixel = 360 / (256 * 2**zoom)
    for dw, dh in ((-300, -200), (500, 300), (-200, -100)):
        drag_edge(qtbot, window, dw, dh)
        now = view_of(qtbot, window)
        assert now[2] == zoom and abs(now[0] - lat) < pixel and abs(now[1] - lon) < pixel


SCALE_CLIPPED = """Array.from(document.querySelectorAll('.leaflet-control-scale-line'))
  .filter(function (e) { return e.scrollWidth > e.clientWidth; })
  .map(function (e) { return e.textContent; })"""


def test_the_scale_bar_never_clips_its_text(qtbot: Any, same_view: Any) -> None:
    window = same_view
    clipped = []
    for lat in (0, 35, 60):
        for zoom in range(2, 13):
            run_js(qtbot, window, f"explorer.setView({lat}, 50, {zoom}); true")
            clipped += [(lat, zoom, text) for text in run_js(qtbot, window, SCALE_CLIPPED)]
    assert clipped == []


TIP_RECT = """(function () {
  var tip = document.querySelector('.leaflet-tooltip');
  var map = document.getElementById('map').getBoundingClientRect();
  var r = tip.getBoundingClientRect();
  return [r.left - map.left, r.top - map.top, r.right - map.left, r.bottom - map.top,
          map.width, map.height];
})()"""


@pytest.mark.parametrize("edge", ["top", "left", "right", "bottom"])
def test_tooltips_stay_inside_the_map(qtbot: Any, window: Any, edge: str) -> None:
    """A tooltip of a marker at the map's edge is not cut by it."""
    run_js(qtbot, window, "explorer.setView(30, 60, 4); true")
    # Move the map so that Afghanistan's marker sits 12 px from the edge.
    run_js(qtbot, window, f"""(function () {{
      var m = explorer._map, p = m.latLngToContainerPoint(explorer.place({AFGHANISTAN!r}));
      var s = m.getSize(), t = {{top: [p.x - s.x / 2, p.y - 12],
        bottom: [p.x - s.x / 2, p.y - s.y + 12], left: [p.x - 12, p.y - s.y / 2],
        right: [p.x - s.x + 12, p.y - s.y / 2]}}[{edge!r}];
      m.panBy(t, {{animate: false}}); return true; }})()""")
    assert run_js(qtbot, window, f"explorer.openTooltip({AFGHANISTAN!r})") is True
    left, top, right, bottom, width, height = run_js(qtbot, window, TIP_RECT)
    assert left >= 0 and top >= 0 and right <= width and bottom <= height


def test_the_map_wraps_across_the_date_line(qtbot: Any, same_view: Any) -> None:
    """With the view centred on the date line, places and shapes show on both sides of it."""
    window = same_view
    run_js(qtbot, window, "explorer.setView(40, 175, 2); true")
    in_view = run_js(qtbot, window, "explorer.inView()")
    assert UNITED_STATES in in_view and AFGHANISTAN in in_view  # west and east of it
    # The United States' shape is drawn east of the date line too, and labelled there.
    assert "US" in run_js(qtbot, window, "explorer.shapeCodesAt(40, -100 + 360)")
    codes = run_js(qtbot, window, "explorer.labels().map(function (l) { return l.code; })")
    assert "US" in codes
    run_js(qtbot, window, "explorer.setView(40, -175, 2); true")
    assert CHINA in run_js(qtbot, window, "explorer.inView()")
    assert "CN" in run_js(qtbot, window, "explorer.shapeCodesAt(33, 105 - 360)")


def test_long_country_names_are_shown_whole(qtbot: Any, window: Any) -> None:
    """"United Arab Emirates الإمارات العربية المتحدة (1)" is not cut off in the country list."""
    view = window.filter.view
    window.resize(900, 600)
    qtbot.wait(100)
    proxy = window.filter.proxy
    rows = [proxy.index(r, 0) for r in range(proxy.rowCount())]
    texts = [proxy.data(i) for i in rows]
    assert any("United Arab Emirates" in t for t in texts)
    assert view.horizontalScrollBar().maximum() == 0
    metrics = view.fontMetrics()
    for index, text in zip(rows, texts, strict=True):
        rect = view.visualRect(index)
        assert rect.right() <= view.viewport().width()
        needed = metrics.boundingRect(QRect(0, 0, rect.width() - 28, 10_000),
                                      int(Qt.TextFlag.TextWordWrap), text)
        assert needed.height() <= rect.height(), text


def test_the_basemap_is_labelled_with_finer_shapes_when_zoomed_in(
    qtbot: Any, same_view: Any
) -> None:
    window = same_view
    run_js(qtbot, window, "explorer.setView(30, 50, 3); true")
    labels = run_js(qtbot, window, "explorer.labels()")
    names = {label["text"] for label in labels if label["kind"] == "country"}
    assert {"Iran", "Saudi Arabia", "Egypt"} <= names and len(names) >= 10
    assert run_js(qtbot, window, "explorer.detailedShapes()") is False
    assert not [label for label in labels if label["kind"] == "capital"]
    # Closer in: capitals, and the 1:50m shapes.
    run_js(qtbot, window, "explorer.setView(34, 40, 6); true")
    labels = run_js(qtbot, window, "explorer.labels()")
    capitals = {label["text"] for label in labels if label["kind"] == "capital"}
    assert {"Beirut", "Baghdad"} <= capitals
    assert run_js(qtbot, window, "explorer.detailedShapes()") is True
    # Labels never overlap (each was placed where it fits).
    boxes = run_js(qtbot, window, """Array.from(document.querySelectorAll(
      '.explorer-label-icon')).map(function (e) { var r = e.getBoundingClientRect();
      return [r.left, r.top, r.right, r.bottom]; })""")
    assert len(boxes) == len(labels)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1
                        and b[1] < a[3] - 1), (a, b)


@pytest.fixture
def english_then_arabic(qapp: Any) -> Iterator[list[Any]]:
    translators: list[Any] = []
    yield translators
    for t in translators:
        QCoreApplication.removeTranslator(t)
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_map_labels_and_legend_follow_the_language(
    qtbot: Any, window: Any, english_then_arabic: list[Any]
) -> None:
    run_js(qtbot, window, "explorer.setView(30, 50, 3); true")
    assert run_js(qtbot, window, "explorer.language()") == "en"
    names = {lb["text"] for lb in run_js(qtbot, window, "explorer.labels()")}
    assert "Iran" in names
    assert "35 mentions · 5 articles" in run_js(qtbot, window,
                                                f"explorer.tooltipText({AFGHANISTAN!r})")
    legend = run_js(qtbot, window, "explorer.legendText()")
    for words in ("Marker size: mentions", "Region", "Selected place", "Capital",
                  "demonyms are not counted"):
        assert words in legend
    # The interface switches to Arabic: the labels and the legend follow.
    english_then_arabic += install_language(QCoreApplication.instance(), "ar")
    qtbot.waitUntil(lambda: run_js(qtbot, window, "explorer.language()") == "ar")
    names = {lb["text"] for lb in run_js(qtbot, window, "explorer.labels()")}
    assert {"إيران", "السعودية"} & names and "Iran" not in names
    legend = run_js(qtbot, window, "explorer.legendText()")
    assert "Marker size" not in legend and "العاصمة" in legend
    # Tooltips count in Arabic, with its plural forms (35: many, 5: few).
    tip = run_js(qtbot, window, f"explorer.tooltipText({AFGHANISTAN!r})")
    assert "35 إشارةً" in tip and "5 مقالات" in tip and "mention" not in tip


def test_the_legend_shows_the_markers_colours(qtbot: Any, shared_window: Any,
                                              seeds_index: CorpusIndex) -> None:
    legend = run_js(qtbot, shared_window, "explorer.legendText()")
    assert f"{seeds_index.places()[0].count:,}" in legend
    colours = run_js(qtbot, shared_window, """Array.from(document.querySelectorAll(
      '.explorer-legend-dot')).map(function (e) { return getComputedStyle(e).backgroundColor; })""")
    # Orange places, blue regions, yellow selection (map.js's STYLE), as on the map.
    for rgb in ("rgb(217, 98, 43)", "rgb(74, 144, 194)", "rgb(255, 204, 0)"):
        assert rgb in colours


def test_the_legend_folds_on_a_small_map_and_opens_on_a_click(qtbot: Any, window: Any) -> None:
    window.resize(1600, 1100)
    qtbot.waitUntil(lambda: run_js(qtbot, window, "explorer.legendShown()") is True)
    drag_edge(qtbot, window, -800, -800)  # the smallest window: a small map
    assert run_js(qtbot, window, "explorer.legendShown()") is False
    assert "Marker size" in run_js(qtbot, window, "explorer.legendText()")  # its title stays
    run_js(qtbot, window, "explorer.clickLegendTitle()")
    assert run_js(qtbot, window, "explorer.legendShown()") is True
    drag_edge(qtbot, window, 800, 800)
    run_js(qtbot, window, "explorer.clickLegendTitle()")  # the user's choice is kept
    assert run_js(qtbot, window, "explorer.legendShown()") is False


def _mid_word_breaks(document: Any) -> list[str]:
    """The lines of a laid-out document that end inside a word."""
    broken = []
    block = document.begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        for i in range(layout.lineCount() - 1):
            line = layout.lineAt(i)
            end = line.textStart() + line.textLength()
            if 0 < end < len(text) and not text[end - 1].isspace() and not text[end].isspace():
                broken.append(text[max(0, end - 12):end] + "|" + text[end:end + 12])
        block = block.next()
    return broken


def test_at_the_smallest_window_arabic_words_stay_whole(
    qtbot: Any, seeds_index: CorpusIndex, english_then_arabic: list[Any]
) -> None:
    """Issue 10, bug 10: neither the window nor the passage panel can get so small that an
    Arabic word of a passage is broken in two."""
    from tests.qt.conftest import open_window

    english_then_arabic += install_language(QCoreApplication.instance(), "ar")
    window = open_window(qtbot, seeds_index)
    try:
        window.resize(200, 150)
        window.splitter.setSizes([10, 2000, 10])  # the panels' handles dragged to the sides
        qtbot.wait(300)
        assert run_js(qtbot, window, f"explorer.clickPlace({AFGHANISTAN!r})") is True
        qtbot.waitUntil(lambda: window.selected_place == AFGHANISTAN)
        qtbot.wait(300)
        panel = window.passages
        panel.document().setTextWidth(panel.viewport().width())
        assert "أفغانستان" in panel.toPlainText()
        assert _mid_word_breaks(panel.document()) == []
    finally:
        window.dispose()


def test_places_across_the_date_line_are_fitted_across_it(qtbot: Any, tmp_path: Any) -> None:
    """Fiji (178° E), Samoa and Tonga (172°, 175° W): the map fits them close up across the
    date line, not the whole world between them."""
    from tests.qt.test_window_first import open_folder, wait_indexed

    corpus = tmp_path / "pacific"
    corpus.mkdir()
    (corpus / "a.txt").write_text("خبر\n\nزار الوفد فيجي ثم ساموا وتونغا.\n", encoding="utf-8")
    window = open_folder(qtbot, corpus, tmp_path / "i.db")
    try:
        wait_indexed(qtbot, window)
        shown = run_js(qtbot, window, "explorer.visibleIds()")
        assert len(shown) == 3
        assert run_js(qtbot, window, "explorer.inView()") == shown
        assert run_js(qtbot, window, "explorer.zoom()") >= 4
    finally:
        window.dispose()
