"""Every benchmark kept here runs once on tiny input, so a change that breaks one fails CI.

The figures are not checked (speed targets live in the benchmarks, not in tests): only that the
script runs to its end and prints the lines its README figures come from.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: script, tiny arguments, a line its output must contain
SMOKE = [
    ("geoparse.py", ["--copies", "1", "--runs", "1", "--jobs", "2"],
     "one job against one grep: wall"),
]


@pytest.mark.parametrize(("script", "args", "expect"), SMOKE, ids=[s[0] for s in SMOKE])
def test_benchmark_runs(script: str, args: list[str], expect: str) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        capture_output=True, text=True, timeout=600, env={**os.environ}, cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert expect in done.stdout, done.stdout


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
