"""Test-wide set-up: headless Qt and QtWebEngine, a private gazetteer cache, shared fixtures.

The environment is set here, at import time, because QtWebEngine reads its flags when the
QApplication is created (pytest-qt creates it later, in the ``qapp`` fixture).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("EXPLORER_CACHE_DIR", tempfile.mkdtemp(prefix="explorer-test-cache-"))
os.environ.setdefault("EXPLORER_CONFIG_DIR", tempfile.mkdtemp(prefix="explorer-test-config-"))

from explorer.qt.env import prepare_environment

prepare_environment(offscreen=os.environ["QT_QPA_PLATFORM"] == "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).parent / "data" / "seeds_gold.json"
