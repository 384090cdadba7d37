"""benchmarks/memory.py runs (a tiny article), so the memory benchmark cannot rot."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.e2e  # its window child opens the real window


def test_memory_benchmark_smoke(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "memory.py"), "--mb", "0.02", "--json",
         "--work", str(tmp_path)],
        capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    huge = result["huge"]
    assert result["input_mb"] > 0.01
    assert huge["index_rss_mb"] > 0 and huge["index_mb"] > 0
    assert huge["window_rss_mb"] > 0 and huge["passages"] >= 1
    assert 0 < huge["mentions_shown"] <= 200  # a bounded view of the ~1,900 mentions
    assert isinstance(result["index_mb_per_mb"], float)
    assert isinstance(result["window_mb_per_mb"], float)


def _index_peak(tmp_path: Path, mb: float, name: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "memory.py"), "--mb", str(mb), "--json",
         "--no-window", "--work", str(tmp_path / name)],
        capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return {"mb": result["input_mb"], "rss": result["huge"]["index_rss_mb"]}


def test_index_memory_grows_by_a_small_constant_per_mb(tmp_path: Path) -> None:
    """B2/W7: ``explorer index`` on one article naming one place about 95,000 times a MB: each
    extra MB of article costs a few MB of memory (the geoparser reads it window by window and
    keeps each mention as a few integers), not the ~100 MB a MB of holding every mention's
    objects at once. Measured as the slope between two sizes, in fresh processes."""
    small = _index_peak(tmp_path, 0.6, "small")
    big = _index_peak(tmp_path, 1.8, "big")
    slope = (big["rss"] - small["rss"]) / (big["mb"] - small["mb"])
    assert slope < 30, f"{slope:.1f} MB of memory per MB of article"
