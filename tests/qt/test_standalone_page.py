"""`explorer map --html`: the standalone page draws every place with no Qt bridge."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineWidgets import QWebEngineView

from explorer.index import CorpusIndex
from explorer.mapdoc import write_map_html

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
