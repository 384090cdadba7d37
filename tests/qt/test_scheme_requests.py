"""Every request to the app's scheme is answered or failed, even a malformed one."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.qt.conftest import run_js

pytestmark = pytest.mark.e2e

SYNC_XHR = """(function (url) {
  var x = new XMLHttpRequest();
  try { x.open("GET", url, false); x.send(); return "status " + x.status; }
  catch (e) { return "error " + e.name; }
})(%s)"""


@pytest.mark.parametrize("path", [
    "resources/web/explorer/%00map.js",
    "resources/web/%00",
    "map.html%00",
    "resources/" + "a/" * 3000 + "b.js",  # a path too long for the file system
    "resources/web/explorer/map.js%ff%fe",
])
def test_malformed_requests_are_failed_not_left_hanging(
    qtbot: Any, window: Any, path: str
) -> None:
    url = "explorer://app/" + path
    result = run_js(qtbot, window, SYNC_XHR % json.dumps(url), timeout=15_000)
    assert result in ("error NetworkError", "status 0"), result
    # the page is alive and its own files are still served
    ok = run_js(qtbot, window, SYNC_XHR % json.dumps("explorer://app/resources/web/explorer/map.js"))
    assert ok == "status 200"
