"""What the page can reach: two validated slots; ids that are JavaScript property names work."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import shiboken6

from explorer.pipeline import open_corpus
from tests.qt.conftest import open_window, run_js

pytestmark = pytest.mark.e2e

# A client of the page's channel of its own, as any script on the page could make.
CONNECT = """(function () {
  new QWebChannel(qt.webChannelTransport, function (ch) { window.__b = ch.objects.bridge; });
  return true;
})()"""


def test_the_page_cannot_delete_or_rename_the_bridge(qtbot: Any, window: Any) -> None:
    run_js(qtbot, window, CONNECT)
    qtbot.waitUntil(lambda: run_js(qtbot, window, "!!window.__b") is True)
    run_js(qtbot, window, "window.__b.objectName = 'pwned'; true")
    run_js(qtbot, window, "typeof window.__b.deleteLater === 'function' && "
                          "window.__b.deleteLater(); true")
    qtbot.wait(500)  # deferred deletes and property writes have been delivered by now
    assert shiboken6.isValid(window.bridge)
    assert window.bridge.objectName() == ""
    # the most mentioned place: a marker of its own, never inside a cluster
    place = max(window.session.reader.places(), key=lambda p: p.count).place.id
    assert place in run_js(qtbot, window, "explorer.markerIds()")
    assert run_js(qtbot, window, f"explorer.clickPlace({place!r})") is True
    qtbot.waitUntil(lambda: window.selected_place == place)  # still answering the page


GAZETTEER = """format: explorer-gazetteer/1
places:
  - {id: __proto__, kind: city, name: Protoville, name_ar: قرية الاختبار, country: __proto__,
     lat: 38.5, lon: 68.7}
  - {id: constructor, kind: city, name: Ctorville, name_ar: بلدة التجربة, country: TJ,
     lat: 39.5, lon: 69.7}
"""


def test_ids_that_are_javascript_property_names_get_markers(qtbot: Any, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("خبر\n\nوصل الوفد إلى قرية الاختبار ثم إلى بلدة التجربة.\n",
                                  encoding="utf-8")
    gaz = tmp_path / "proto.yaml"
    gaz.write_text(GAZETTEER, encoding="utf-8")
    index = open_corpus(corpus, [gaz])
    assert index.place("__proto__") is not None and index.place("constructor") is not None
    win = open_window(qtbot, index)
    try:
        assert run_js(qtbot, win, "explorer.markerIds()") == ["__proto__", "constructor"]
        assert "Protoville" in run_js(qtbot, win, "explorer.tooltipText('__proto__')")
        assert run_js(qtbot, win, "explorer.clickPlace('__proto__')") is True
        qtbot.waitUntil(lambda: win.selected_place == "__proto__")
        assert run_js(qtbot, win, "explorer.selected()") == "__proto__"
        win.set_countries(["__proto__"])
        qtbot.waitUntil(lambda: win.map_up_to_date)
        assert run_js(qtbot, win, "explorer.visibleIds()") == ["__proto__"]
        win.set_countries([])
        qtbot.waitUntil(lambda: win.map_up_to_date)
        assert run_js(qtbot, win, "explorer.visibleIds()") == ["__proto__", "constructor"]
    finally:
        win.dispose()
