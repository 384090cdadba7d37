"""A normal start prints no Qt/Chromium chatter (test_screenshot.py checks that); --verbose
shows it; a warning that is not chatter still gets through."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from explorer.qt.env import CHATTER
from tests.conftest import ROOT

OFFSCREEN_CHATTER = "This plugin does not support propagateSizeHints()"


def screenshot(tmp_path: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "QTWEBENGINE_CHROMIUM_FLAGS"}
    env |= {"QT_QPA_PLATFORM": "offscreen", "EXPLORER_CONFIG_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "explorer", "--screenshot", str(tmp_path / "w.png"), *flags],
        env=env, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr
    return done


def test_verbose_shows_the_chatter(tmp_path: Path) -> None:
    verbose = screenshot(tmp_path, "--verbose")
    assert OFFSCREEN_CHATTER in verbose.stderr  # the offscreen platform always says it


def test_a_real_warning_still_gets_through(tmp_path: Path) -> None:
    code = ("from explorer.qt.env import prepare_environment; prepare_environment(offscreen=True)\n"
            "from PySide6.QtCore import qWarning\n"
            f"qWarning({OFFSCREEN_CHATTER!r}); qWarning('something the user must see')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "something the user must see"


def test_the_tests_ignore_exactly_the_chatter_the_app_hides() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    ignored = config["tool"]["pytest"]["ini_options"]["qt_log_ignore"]
    assert len(ignored) == len(CHATTER)
    for prefix in CHATTER:
        assert any(re.match(pattern, prefix) for pattern in ignored), prefix
