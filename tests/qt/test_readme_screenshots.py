"""`make screenshots`: the README's pictures of the window, rendered headless with the real web
view (scripts/screenshots.py), small enough to commit, and referenced from the README."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from itertools import combinations
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.conftest import ROOT

pytestmark = pytest.mark.e2e

NAMES = ("window-en.png", "window-ar.png", "selected-place.png", "passages.png",
         "map-labels.png", "layer-heat.png", "layer-choropleth.png",
         "layer-together.png", "layer-physical.png", "area-polygon.png", "area-near.png",
         "periods-compare.png", "timeline-play.png")


def test_make_screenshots_renders_the_window_in_english_and_arabic(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "EXPLORER_CACHE_DIR": str(tmp_path / "cache"),
           "EXPLORER_CONFIG_DIR": str(tmp_path / "config")}
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "screenshots.py"), "--out",
                           str(tmp_path / "shots")], env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    images = {}
    for name in NAMES:
        path = tmp_path / "shots" / name
        assert 0 < path.stat().st_size < 300_000, name
        image = QImage(str(path))
        assert not image.isNull() and image.width() >= 400, name
        colours = {image.pixel(x, y) for x in range(0, image.width(), 13)
                   for y in range(0, image.height(), 13)}
        assert len(colours) > 10, f"{name} is blank"
        images[name] = image
    assert images["window-en.png"] != images["window-ar.png"]
    assert images["window-en.png"] != images["selected-place.png"]
    assert images["layer-heat.png"] != images["layer-choropleth.png"]
    alike = [(a, b) for a, b in combinations(NAMES, 2) if images[a] == images[b]]
    assert alike == []  # each picture shows something of its own
    # The README shows every committed one.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"docs/screenshots/([\w-]+\.png)", readme))
    assert shown == set(NAMES)
    assert all((ROOT / "docs" / "screenshots" / name).is_file() for name in NAMES)
