"""`explorer map --html`: the standalone page draws every place with no Qt bridge."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineWidgets import QWebEngineView

from explorer.mapdoc import write_map_html
from explorer.memory_index import CorpusIndex

pytestmark = pytest.mark.e2e


def test_the_standalone_page_shows_every_place(
    qtbot: Any, tmp_path: Path, seeds_index: CorpusIndex
) -> None:
    out = write_map_html(seeds_index.places(), tmp_path / "map.html")
    view = QWebEngineView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()  # a hidden page gets no animation frames, so it never reports drawn
    with qtbot.waitSignal(view.loadFinished, timeout=60_000):
        view.setUrl(QUrl.fromLocalFile(str(out)))
    box: dict[str, Any] = {}

    def ask(code: str) -> Any:
        box.clear()
        view.page().runJavaScript(f"JSON.stringify({code})", 0,
                                  lambda v: box.setdefault("v", v))
        qtbot.waitUntil(lambda: "v" in box, timeout=10_000)
        return json.loads(box["v"])

    qtbot.waitUntil(lambda: ask("window.explorer && window.explorer.ready") is True,
                    timeout=30_000)
    ids = sorted(s.place.id for s in seeds_index.places())
    assert ask("explorer.markerIds()") == ids
    assert ask("explorer.visibleIds()") == ids
    top = seeds_index.places()[0]
    assert ask(f"explorer.drawnIds().indexOf({json.dumps(top.place.id)}) >= 0") is True
    tip = ask(f"explorer.tooltipText({json.dumps(top.place.id)})")
    assert top.place.name_ar in tip and f"{top.count} mentions" in tip
    view.close()


def test_the_exported_map_has_a_heading_a_legend_and_passages_in_each_popup(
    qtbot: Any, tmp_path: Path, seeds_index: CorpusIndex
) -> None:
    """Issue 17 item 5: the HTML export (one file) shows its title and filter, the legend,
    and a marker's popup lists the passages that mention the place, with their article."""
    from explorer.export import Scope, offline_map_html
    from explorer.query import Filter

    top = seeds_index.places()[0]
    f = Filter(countries=frozenset({top.place.country or ""}))
    out = tmp_path / "export.html"
    out.write_text(offline_map_html(seeds_index, f, Scope(title="Seeds: places")),
                   encoding="utf-8")
    view = QWebEngineView()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    with qtbot.waitSignal(view.loadFinished, timeout=60_000):
        view.setUrl(QUrl.fromLocalFile(str(out)))
    box: dict[str, Any] = {}

    def ask(code: str) -> Any:
        box.clear()
        view.page().runJavaScript(f"JSON.stringify({code})", 0,
                                  lambda v: box.setdefault("v", v))
        qtbot.waitUntil(lambda: "v" in box, timeout=10_000)
        return json.loads(box["v"])

    qtbot.waitUntil(lambda: ask("window.explorer && window.explorer.ready") is True,
                    timeout=30_000)
    heading = ask("document.querySelector('.explorer-heading').textContent")
    assert "Seeds: places" in heading and f"country {top.place.country}" in heading
    assert ask("document.title") == "Seeds: places"
    assert "Marker size" in ask("explorer.legendText()")
    assert ask("document.querySelectorAll('.leaflet-popup').length") == 0
    assert ask(f"explorer.clickPlace({json.dumps(top.place.id)})") is True
    qtbot.waitUntil(lambda: ask("document.querySelectorAll('.leaflet-popup').length") == 1,
                    timeout=10_000)
    popup = ask("document.querySelector('.leaflet-popup-content').textContent")
    hit = seeds_index.passages(f, top.place.id, 0, 1)[0]
    assert top.place.name_ar in popup
    assert hit.article.title in popup and hit.article.doc in popup
    assert " ".join(hit.passage.text.split())[:40] in popup
    # markup in the data stays text: the popup holds no element but those the script made
    assert ask("document.querySelectorAll('.leaflet-popup-content img, "
               ".leaflet-popup-content script').length") == 0
    view.close()


@pytest.mark.parametrize("payload", ["{{7*7}}", "</script><img src=x onerror=alert(1)>"])
def test_hostile_text_in_the_exported_popups_stays_text(
    qtbot: Any, tmp_path: Path, payload: str
) -> None:
    """A file name, title and search made of markup or template code are shown as written in
    the heading and the popup, never run."""
    from explorer.export import Scope, offline_map_html
    from explorer.pipeline import open_corpus
    from explorer.query import Filter
    from tests.hostile import write_case

    corpus, gazetteer, shown = write_case(tmp_path, payload)
    index = open_corpus(corpus, [gazetteer])
    out = tmp_path / "hostile.html"
    out.write_text(offline_map_html(index, Filter(text="الوفد"), Scope(title=payload)),
                   encoding="utf-8")
    view = QWebEngineView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    with qtbot.waitSignal(view.loadFinished, timeout=60_000):
        view.setUrl(QUrl.fromLocalFile(str(out)))
    box: dict[str, Any] = {}

    def ask(code: str) -> Any:
        box.clear()
        view.page().runJavaScript(f"JSON.stringify({code})", 0,
                                  lambda v: box.setdefault("v", v))
        qtbot.waitUntil(lambda: "v" in box, timeout=10_000)
        return json.loads(box["v"])

    qtbot.waitUntil(lambda: ask("window.explorer && window.explorer.ready") is True,
                    timeout=30_000)
    assert ask("document.querySelector('.explorer-heading-title').textContent") == payload
    assert ask(f"explorer.clickPlace({json.dumps(shown['id'])})") is True
    qtbot.waitUntil(lambda: ask("document.querySelectorAll('.leaflet-popup').length") == 1,
                    timeout=10_000)
    popup = ask("document.querySelector('.leaflet-popup-content').textContent")
    assert payload.replace("/", "_") in popup  # the file's name, as written
    assert "49" not in popup.replace(payload, "")
    assert ask("document.querySelectorAll('img[src=x], .leaflet-popup-content img').length") == 0
    view.close()
