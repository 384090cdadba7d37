"""The map page's furniture and view (issue 17, bugs 6, 7, 9, 14, 16, 24, 26): a compact legend
that fitting keeps clear of, groups of places in a colour of their own, country names above the
markers, the selection brought into view, a layout that does not jump when the chips appear,
the legend saying what is counted, the scale in Arabic units. Real web view (the seeds)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QApplication

from explorer.memory_index import CorpusIndex
from explorer.qt.app import install_language
from explorer.query import ALL_TYPES
from tests.qt.conftest import run_js, wait_drawn

pytestmark = pytest.mark.e2e

AFGHANISTAN = "gn:1149361"
HELSINKI = "gn:658225"

CONTROL_RECTS = """(function () {
  var origin = document.getElementById('map').getBoundingClientRect();
  return Array.from(document.querySelectorAll('.leaflet-control')).map(function (c) {
    var r = c.getBoundingClientRect();
    return [r.left - origin.left, r.top - origin.top, r.right - origin.left,
            r.bottom - origin.top, c.className];
  }).filter(function (r) { return r[2] > r[0] && r[3] > r[1]; });
})()"""

LEGEND_RECT = """(function () {
  var r = document.querySelector('.explorer-legend').getBoundingClientRect();
  var m = document.getElementById('map').getBoundingClientRect();
  return [r.width, r.height, m.width, m.height];
})()"""

#: Where each marker drawn on its own, and each group of places, is: [x, y, radius, what].
DRAWN = """(function () {
  var map = explorer._map, out = [];
  explorer.drawnIds().forEach(function (id) {
    var p = explorer.pointOf(explorer.place(id).lat, explorer.place(id).lon);
    out.push([p[0], p[1], 0, id]);
  });
  var origin = document.getElementById('map').getBoundingClientRect();
  document.querySelectorAll('.explorer-cluster, .marker-cluster').forEach(function (c) {
    if (c.closest('.explorer-legend')) { return; }
    var r = c.getBoundingClientRect();
    out.push([(r.left + r.right) / 2 - origin.left, (r.top + r.bottom) / 2 - origin.top,
              r.width / 2, 'cluster']);
  });
  return out;
})()"""


@pytest.fixture
def english_then_arabic(qapp: Any) -> Iterator[list[Any]]:
    translators: list[Any] = []
    yield translators
    for t in translators:
        QCoreApplication.removeTranslator(t)
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_a_compact_legend_and_fitting_keeps_the_markers_clear_of_it(
    qtbot: Any, window: Any
) -> None:
    """Bug 6: in a 1280×720 window the legend covers little of the map, and a fit puts no
    marker or group of places under the legend or another control."""
    window.resize(1280, 720)
    qtbot.wait(300)
    # Every country but Afghanistan: places from the United States to China.
    window.set_countries(["RU", "US", "TJ", "UZ", "KG", "FI", "CH", "KZ", "SY", "TM", "CN", "GE",
                          "QA", "UA", "AE"])
    wait_drawn(qtbot, window)
    width, height, map_w, map_h = run_js(qtbot, window, LEGEND_RECT)
    assert width * height <= 0.12 * map_w * map_h, (width, height, map_w, map_h)
    shown = run_js(qtbot, window, "explorer.visibleIds()")
    assert len(shown) >= 15
    assert run_js(qtbot, window, "explorer.inView()") == shown
    assert_clear_of_controls(qtbot, window)


def assert_clear_of_controls(qtbot: Any, window: Any) -> None:
    """No marker drawn on its own and no group of places is under a control of the map."""
    controls = run_js(qtbot, window, CONTROL_RECTS)
    for x, y, r, what in run_js(qtbot, window, DRAWN):
        for left, top, right, bottom, cls in controls:
            covered = left - r <= x <= right + r and top - r <= y <= bottom + r
            assert not covered, (what, x, y, cls)


def test_groups_of_places_have_a_colour_of_their_own_explained_in_the_legend(
    qtbot: Any, same_view: Any
) -> None:
    """Bug 7: a group of places is never amber (a place) or yellow (the selection) or blue
    (a region): it is violet with its number, and the legend shows the same disc."""
    window = same_view
    run_js(qtbot, window, "explorer.setView(45, 10, 2); true")
    colours = run_js(qtbot, window, """Array.from(document.querySelectorAll(
      '.leaflet-marker-pane .explorer-cluster div, .leaflet-marker-pane .marker-cluster div'))
      .map(function (e) { return getComputedStyle(e).backgroundColor; })""")
    assert colours, "the seeds make groups of places at zoom 2"
    assert set(colours) == {"rgb(106, 76, 147)"}
    legend = run_js(qtbot, window, """(function () {
      var d = document.querySelector('.explorer-legend .explorer-legend-cluster');
      return d ? [getComputedStyle(d).backgroundColor, d.parentNode.textContent] : null;
    })()""")
    assert legend is not None and legend[0] == "rgb(106, 76, 147)"
    assert "Group of places" in legend[1]


@pytest.fixture
def same_view(qtbot: Any, shared_window: Any) -> Iterator[Any]:
    lat, lon, zoom = run_js(qtbot, shared_window,
                            "[explorer.view().lat, explorer.view().lon, explorer.zoom()]")
    yield shared_window
    run_js(qtbot, shared_window, f"explorer.setView({lat}, {lon}, {zoom}); true")
    wait_drawn(qtbot, shared_window)


def test_country_names_are_drawn_above_the_markers(qtbot: Any, same_view: Any) -> None:
    """Bug 16: the labels' pane is above the panes holding markers and groups of places (and
    still takes no clicks), below the tooltips."""
    window = same_view
    run_js(qtbot, window, "explorer.setView(34, 50, 4); true")
    z = run_js(qtbot, window, """(function () {
      var map = explorer._map, z = function (name) {
        return parseInt(getComputedStyle(map.getPane(name)).zIndex, 10); };
      var canvas = document.querySelector('.leaflet-overlay-pane canvas');
      return {labels: z('explorerLabels'), overlay: z('overlayPane'), markers: z('markerPane'),
              tooltips: z('tooltipPane'), canvas: !!canvas,
              events: getComputedStyle(map.getPane('explorerLabels')).pointerEvents};
    })()""")
    assert z["canvas"]
    assert z["labels"] > z["overlay"] and z["labels"] > z["markers"]
    assert z["labels"] < z["tooltips"] and z["events"] == "none"
    assert run_js(qtbot, window, "explorer.labels().length") > 5


def test_the_map_does_not_jump_when_the_chips_bar_appears(qtbot: Any, window: Any) -> None:
    """Bug 26: setting the first filter shows the chips; the map stays where it was, as
    large."""
    view = window.view

    def where() -> tuple[int, int, int]:
        top = view.mapTo(window, QPoint(0, 0)).y()
        return top, view.height(), run_js(qtbot, window, "window.innerHeight")

    before = where()
    assert not window.chips.isVisible()
    window.set_countries(["TJ"])
    wait_drawn(qtbot, window)
    qtbot.wait(200)
    assert window.chips.isVisible()
    assert where() == before
    window.set_countries([])
    wait_drawn(qtbot, window)
    qtbot.wait(200)
    assert where() == before


def test_a_place_selected_outside_the_map_is_brought_into_view(
    qtbot: Any, window: Any
) -> None:
    """Bug 24: a place selected in the reader or the passages (not on the map) is panned to
    when it is out of view."""
    run_js(qtbot, window, "explorer.setView(-30, -60, 5); true")  # South America
    assert HELSINKI not in run_js(qtbot, window, "explorer.inView()")
    window.session.select(HELSINKI)  # as the reader's and the passages' links do
    wait_drawn(qtbot, window)
    assert HELSINKI in run_js(qtbot, window, "explorer.inView()")
    assert run_js(qtbot, window, "explorer.zoom()") == 5  # panned, not zoomed out


def test_the_first_fit_shows_every_place(qtbot: Any, seeds_index: CorpusIndex) -> None:
    """Bug 24: the map fits the places when it first shows them: every one in view, none
    under the controls."""
    from explorer.qt.window import MainWindow

    window = MainWindow(seeds_index.corpus.root)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show_index(seeds_index, seeds_index.corpus.problems)
    window.show()
    wait_drawn(qtbot, window)
    try:
        shown = run_js(qtbot, window, "explorer.visibleIds()")
        # every place the default view shows (from the United States to China)
        placed = sorted(p.place.id for p in seeds_index.places(window.session.filter)
                        if p.place.lat is not None)
        assert len(shown) >= 20 and shown == placed
        assert run_js(qtbot, window, "explorer.inView()") == shown
        assert_clear_of_controls(qtbot, window)
    finally:
        window.dispose()


def test_the_legend_and_the_status_bar_say_demonyms_are_counted_when_they_are(
    qtbot: Any, window: Any
) -> None:
    """Bug 9: with Demonyms ticked, neither says demonyms are not counted."""
    legend = run_js(qtbot, window, "explorer.legendText()")
    assert "demonyms are not counted" in legend
    assert "not counted on the map" in window.status.label.text()
    window.filter_bar.demonyms.setChecked(True)
    qtbot.waitUntil(lambda: window.session.filter.types == ALL_TYPES)
    wait_drawn(qtbot, window)
    legend = run_js(qtbot, window, "explorer.legendText()")
    assert "not counted" not in legend and "demonyms are counted" in legend
    status = window.status.label.text()
    assert "demonym" in status and "not counted" not in status


def test_demonyms_have_one_colour_in_the_passages_and_the_reader(
    qtbot: Any, window: Any
) -> None:
    """Bug 9: a demonym is drawn in the same colour in the passage panel as in the reader
    (one constant), distinct from a place's name."""
    from explorer.mention_style import DEMONYM_BACKGROUND, TOPONYM_BACKGROUND

    window.filter_bar.demonyms.setChecked(True)
    qtbot.waitUntil(lambda: window.session.filter.types == ALL_TYPES)
    wait_drawn(qtbot, window)
    summaries = window.reader.places(window.session.filter)
    # A place named by a demonym in some passage.
    target = None
    for s in summaries:
        window.session.select(s.place.id)
        qtbot.waitUntil(lambda s=s: window.selected_place == s.place.id)
        if any(m.type == "demonym" for h in window.passages.hits for m in h.mentions):
            target = s.place.id
            break
    assert target is not None, "the seeds hold demonyms"

    def backgrounds(document: Any) -> set[str]:
        """The background colours of the document's text."""
        out = set()
        block = document.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                brush = it.fragment().charFormat().background()
                if brush.style() != Qt.BrushStyle.NoBrush:
                    out.add(brush.color().name())
                it += 1
            block = block.next()
        return out

    panel = window.passages
    assert {DEMONYM_BACKGROUND, TOPONYM_BACKGROUND} <= backgrounds(panel.document())
    window.article.open(next(h for h in panel.hits
                             if any(m.type == "demonym" for m in h.mentions)).article.doc)
    view = window.article.view
    qtbot.waitUntil(lambda: view.article is not None)
    assert {DEMONYM_BACKGROUND, TOPONYM_BACKGROUND} <= backgrounds(view.document())


def test_the_scale_bar_is_in_arabic_units_in_the_arabic_interface(
    qtbot: Any, window: Any, english_then_arabic: list[Any]
) -> None:
    """Bug 14: "500 كم" and "300 ميل", right to left, in the Arabic interface."""
    scale = "Array.from(document.querySelectorAll('.leaflet-control-scale-line'))" \
        ".map(function (e) { return [e.textContent, e.dir]; })"
    texts = run_js(qtbot, window, scale)
    assert any(t.endswith(" km") for t, _d in texts) and any(t.endswith(" mi") for t, _d in texts)
    english_then_arabic += install_language(QCoreApplication.instance(), "ar")
    qtbot.waitUntil(lambda: run_js(qtbot, window, "explorer.language()") == "ar")
    texts = run_js(qtbot, window, scale)
    assert all("km" not in t and "mi" not in t for t, _d in texts), texts
    assert any(t.endswith(" كم") for t, _d in texts) and any(t.endswith(" ميل") for t, _d in texts)
    assert {d for _t, d in texts} == {"rtl"}
    # The legend and a tooltip read right to left too.
    assert run_js(qtbot, window, "document.querySelector('.explorer-legend').dir") == "rtl"
