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
