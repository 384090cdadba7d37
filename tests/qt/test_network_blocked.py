"""The map's web view fetches nothing from outside the machine: requests are blocked and logged."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from PySide6.QtCore import QUrl

from explorer.qt.webview import LocalOnlyInterceptor, MapView

pytestmark = pytest.mark.e2e

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<p id="local">local page</p>
<script>
  window.results = {};
  fetch("http://example.com/data.json")
    .then(function () { window.results.fetch = "loaded"; })
    .catch(function () { window.results.fetch = "failed"; });
  var img = new Image();
  img.onload = function () { window.results.img = "loaded"; };
  img.onerror = function () { window.results.img = "failed"; };
  img.src = "https://example.org/pixel.png";
  document.body.appendChild(img);
  var s = document.createElement("script");
  s.onload = function () { window.results.script = "loaded"; };
  s.onerror = function () { window.results.script = "failed"; };
  s.src = "https://cdn.example.net/evil.js";
  document.head.appendChild(s);
</script></body></html>"""


def test_remote_fetch_img_and_script_are_blocked_and_logged(
    qtbot: Any, caplog: pytest.LogCaptureFixture
) -> None:
    view = MapView()
    qtbot.addWidget(view)
    caplog.set_level(logging.WARNING, logger="explorer.qt.webview")
    with qtbot.waitSignal(view.loadFinished, timeout=30_000):
        view.load_html(PAGE, "page.html")
    box: dict[str, Any] = {}

    def poll() -> bool:
        view.page().runJavaScript("JSON.stringify(window.results)", 0,
                                  lambda v: box.__setitem__("r", v))
        return bool(box.get("r")) and len(__import__("json").loads(box["r"])) == 3

    qtbot.waitUntil(poll, timeout=30_000)
    import json

    assert json.loads(box["r"]) == {"fetch": "failed", "img": "failed", "script": "failed"}
    blocked = view.interceptor.blocked
    assert any("example.com/data.json" in u for u in blocked)
    assert any("example.org/pixel.png" in u for u in blocked)
    assert any("cdn.example.net/evil.js" in u for u in blocked)
    assert sum("blocked a request" in r.getMessage() for r in caplog.records) >= 3
    view.dispose()


def test_interceptor_allows_only_the_app_scheme_and_inline_data() -> None:
    allows = LocalOnlyInterceptor.allows
    assert allows(QUrl("explorer://app/map.html"))
    assert allows(QUrl("explorer://app/resources/web/leaflet/leaflet.js"))
    assert allows(QUrl("data:image/png;base64,AAAA"))
    assert not allows(QUrl("explorer://elsewhere/x.js"))
    assert not allows(QUrl("file:///etc/passwd"))
    assert not allows(QUrl("http://localhost:8000/x.js"))
    assert not allows(QUrl("https://example.com/"))
    assert not allows(QUrl("ftp://example.com/x"))
    assert not allows(QUrl("qrc:///some/resource.js"))
