"""The benchmarks still run: each on a tiny input (the figures are not checked here)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_formats_benchmark_runs_on_a_small_mixed_folder(tmp_path: Path) -> None:
    env = {**os.environ, "EXPLORER_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "formats.py"), "--docs", "30",
         "--out", str(tmp_path / "corpus"), "--pdf-pages", "2"],
        capture_output=True, text=True, timeout=300, env=env, check=False)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    table = {line.split()[0]: line.split() for line in lines[2:] if line and
             not line.startswith("index")}
    for fmt in ("txt", "html", "pdf", "docx", "odt", "rtf", "eml", "mbox", "xml", "csv",
                "jsonl", "xlsx", "zip", "all"):
        assert fmt in table, (fmt, done.stdout)
        assert int(table[fmt][2]) > 0 and float(table[fmt][4]) > 0  # articles, MB/s
    assert "reading (extraction) is" in lines[-1]
