"""``explorer CORPUS --screenshot OUT.png`` renders the window with the map drawn."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.conftest import SEEDS

pytestmark = pytest.mark.e2e


def test_screenshot_shows_a_drawn_map(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the command must set offscreen itself
    env.pop("QTWEBENGINE_CHROMIUM_FLAGS", None)  # and quiet Chromium itself
    proc = subprocess.run(
        [sys.executable, "-m", "explorer", str(SEEDS), "--screenshot", str(out)],
        capture_output=True, text=True, timeout=180, env=env,
    )
    assert proc.returncode == 0, proc.stderr
    # A normal start is quiet: no Chromium log lines ([pid:tid:…:ERROR:…]), no Qt chatter.
    assert proc.stderr == ""
    image = QImage(str(out))
    assert not image.isNull() and image.width() > 800 and image.height() > 500
    # Sample the middle of the window, where the map is: land, sea and markers.
    colours = set()
    w, h = image.width(), image.height()
    for x in range(int(w * 0.25), int(w * 0.6), 7):
        for y in range(int(h * 0.1), int(h * 0.9), 7):
            colours.add(image.pixel(x, y))
    assert len(colours) > 20, "the map area is blank or a single colour"
    marker = {c for c in colours if (c >> 16 & 0xFF) > 180 and (c >> 8 & 0xFF) < 140}
    assert marker, "no marker colour in the map area"
