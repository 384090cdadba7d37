"""Test-wide set-up: headless Qt and QtWebEngine, a private gazetteer cache, shared fixtures.

The environment is set here, at import time, because QtWebEngine reads its flags when the
QApplication is created (pytest-qt creates it later, in the ``qapp`` fixture).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The compiled-gazetteer cache is keyed by the YAML files' size and mtime: safe to share.
os.environ.setdefault(
    "EXPLORER_CACHE_DIR", os.path.join(tempfile.gettempdir(), f"explorer-test-cache-{os.getuid()}")
)
_config = tempfile.TemporaryDirectory(prefix="explorer-test-config-")
os.environ.setdefault("EXPLORER_CONFIG_DIR", _config.name)
# Indexes the window and the commands build go to a temporary data folder, never the user's.
_data = tempfile.TemporaryDirectory(prefix="explorer-test-data-")
os.environ.setdefault("EXPLORER_DATA_DIR", _data.name)

from explorer.qt.env import prepare_environment  # noqa: E402 (after the environment is set)

prepare_environment(offscreen=os.environ["QT_QPA_PLATFORM"] == "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).parent / "data" / "seeds_gold.json"
