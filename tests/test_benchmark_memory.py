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



#: A fresh process: read one article and make the index's rows of it (geoparsing included, as
#: ``explorer index`` does in a worker); print its peak RSS in MB. SQLite's page cache (a
#: bounded 64 MB, filled as the index grows) is left out: it is no cost per MB.
_ROWS_PEAK = """
import resource, sys
from pathlib import Path
from explorer.corpus import read_article
from explorer.index.parse import _parse_article
from gazetteer import load_geoparser
geoparser = load_geoparser()
path = Path(sys.argv[1])
parsed = _parse_article(read_article(path, path.parent, 30_000_000), None, (), geoparser, "fp")
assert len(parsed.rows.mentions) > 50_000
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def _rows_peak(tmp_path: Path, mb: float) -> tuple[float, float]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from memory import make_article
    finally:
        sys.path.pop(0)
    folder = tmp_path / f"c{mb}"
    size = make_article(folder, mb, 1) / 1024 / 1024
    done = subprocess.run([sys.executable, "-c", _ROWS_PEAK, str(folder / "huge.txt")],
                          capture_output=True, text=True, timeout=600, check=False, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    return size, float(done.stdout.strip().splitlines()[-1])


def test_index_memory_grows_by_a_small_constant_per_mb(tmp_path: Path) -> None:
    """B2/W7: reading and geoparsing one article naming one place about 95,000 times a MB into
    the index's rows: each extra MB of article costs a few MB of memory (the geoparser reads
    it window by window and keeps each mention as a few integers; the rows are columns), not
    the ~100 MB a MB of holding every mention's objects at once. The slope between two sizes,
    each in a fresh process."""
    small_mb, small = _rows_peak(tmp_path, 0.6)
    big_mb, big = _rows_peak(tmp_path, 1.8)
    slope = (big - small) / (big_mb - small_mb)
    assert slope < 15, f"{slope:.1f} MB of memory per MB of article"
