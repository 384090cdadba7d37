"""Exports that need the web engine: the PNG of the map (``explorer export --format png``, the
real command, offscreen) and the offline HTML map drawing every place from its one file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView

from explorer.export import write_export
from explorer.memory_index import CorpusIndex
from explorer.query import Filter
from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.e2e

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_png_export_is_the_map_drawn_with_the_filter(tmp_path: Path) -> None:
    out = tmp_path / "shots" / "map.png"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "EXPLORER_DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.run(
        [sys.executable, "-m", "explorer", "export", str(SEEDS), "--format", "png", "-o",
         str(out), "--country", "AF"],
        capture_output=True, text=True, timeout=180, env=env, cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(out)
    data = out.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    image = QImage(str(out))
    assert not image.isNull() and image.width() > 400 and image.height() > 400
    # The map view alone: the passage list and the country list are not in the picture.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 9)
               for y in range(0, image.height(), 9)}
    assert len(colours) > 10, "the map is blank"
    marker = {c for c in colours if (c >> 16 & 0xFF) > 180 and (c >> 8 & 0xFF) < 150}
    assert marker, "no marker drawn"
    # as the window's export makes it (issue 17 item 5): a white caption strip at the foot,
    # with dark text, below the map (whose background is never white)
    foot = [image.pixelColor(x, image.height() - 2) for x in range(0, image.width(), 5)]
    assert all(c.red() == c.green() == c.blue() == 255 for c in foot)
    strip = {image.pixel(x, y) & 0xFFFFFF for x in range(0, image.width(), 2)
             for y in range(image.height() - 60, image.height())}
    assert any((c >> 16) < 0x50 and (c >> 8 & 0xFF) < 0x50 and (c & 0xFF) < 0x50 for c in strip)


class _Recorder(QWebEngineUrlRequestInterceptor):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        self.urls.append(info.requestUrl().toString())


def test_offline_html_draws_every_place_from_its_one_file(
    qtbot: Any, tmp_path: Path, seeds_index: CorpusIndex
) -> None:
    f = Filter(countries=frozenset({"AF", "IR"}))
    out = write_export(seeds_index, f, "html", tmp_path / "elsewhere" / "map.html")
    profile = QWebEngineProfile()  # off the record: nothing cached between tests
    recorder = _Recorder()
    profile.setUrlRequestInterceptor(recorder)
    page = QWebEnginePage(profile)
    view = QWebEngineView()
    view.setPage(page)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    with qtbot.waitSignal(view.loadFinished, timeout=60_000):
        view.setUrl(QUrl.fromLocalFile(str(out)))
    box: dict[str, Any] = {}

    def ask(code: str) -> Any:
        box.clear()
        page.runJavaScript(f"JSON.stringify({code})", 0, lambda v: box.setdefault("v", v))
        qtbot.waitUntil(lambda: "v" in box, timeout=10_000)
        return json.loads(box["v"])

    qtbot.waitUntil(lambda: ask("window.explorer && window.explorer.ready") is True,
                    timeout=30_000)
    ids = sorted(s.place.id for s in seeds_index.places(f))
    assert ids and ask("explorer.markerIds()") == ids
    assert ask("document.querySelectorAll('svg, canvas').length") > 0  # the basemap drew
    # The page asked for itself and inline data only: nothing from the checkout, nothing remote.
    others = [u for u in recorder.urls if u != out.as_uri() and not u.startswith("data:")]
    assert others == []
    view.close()
    with qtbot.waitSignal(page.destroyed, timeout=10_000):  # before its profile goes
        page.deleteLater()
