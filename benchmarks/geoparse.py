"""Geoparsing throughput against grep: the seeds copied N times, explorer vs ``grep -F -o -f``.

The corpus is the seed articles copied ``--copies`` times (400: about 10 MB in 2,000 files).
Timed, alternately, ``--runs`` times each (the median is reported):

* ``explorer mentions CORPUS --jobs J`` writing to a file (default J: all cores);
* ``grep -rFoh -f <(explorer gazetteer names) CORPUS > FILE``: grep with every surface form of
  the gazetteer, the names made by the explorer in the same command, the matches written to a
  file (GNU grep stops at the first match when its output is /dev/null: that would time a grep
  that does almost nothing).

Prints MB/s, MB/s per core, the ratio explorer/grep, and checks that ``--jobs 1`` and
``--jobs J`` print the same bytes.

    python benchmarks/geoparse.py [--copies 400] [--runs 3] [--jobs N]
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def timed(cmd: list[str], out: Path) -> float:
    """Wall time (s) of one command, its output written to ``out``."""
    with out.open("wb") as fh:
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=fh, check=True)
        return time.perf_counter() - t0


def _runs(times: list[float]) -> str:
    return ", ".join(f"{t:.2f}" for t in times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=400)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    args = ap.parse_args()
    explorer = [sys.executable, "-m", "explorer"]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        seeds = sorted(SEEDS.glob("*.txt"))
        for i in range(args.copies):
            folder = corpus / f"copy{i:04d}"
            folder.mkdir(parents=True)
            for s in seeds:
                shutil.copyfile(s, folder / s.name)
        files = args.copies * len(seeds)
        mb = sum(p.stat().st_size for p in corpus.rglob("*.txt")) / 1e6
        print(f"corpus: the {len(seeds)} seeds x {args.copies} = {files} files, {mb:.1f} MB; "
              f"{args.jobs} jobs, {args.runs} alternating runs each")
        names_cmd = " ".join(f"'{c}'" for c in [*explorer, "gazetteer", "names"])
        grep = ["bash", "-c", f"grep -rFoh -f <({names_cmd}) '{corpus}'"]
        out_e, out_g = Path(tmp) / "explorer.jsonl", Path(tmp) / "grep.txt"
        out_1 = Path(tmp) / "one.jsonl"
        t_exp, t_grep = [], []
        for _ in range(args.runs):
            t_exp.append(timed([*explorer, "mentions", str(corpus), "--jobs", str(args.jobs)],
                               out_e))
            t_grep.append(timed(grep, out_g))
        e, g = statistics.median(t_exp), statistics.median(t_grep)
        timed([*explorer, "mentions", str(corpus), "--jobs", "1"], out_1)
        same = filecmp.cmp(out_e, out_1, shallow=False)
        print(f"explorer mentions --jobs {args.jobs}: {e:.2f} s (runs {_runs(t_exp)}), "
              f"{mb / e:.2f} MB/s, {mb / e / args.jobs:.2f} MB/s per core")
        print(f"grep -rFoh -f <(names) > file: {g:.2f} s (runs {_runs(t_grep)}), "
              f"{mb / g:.2f} MB/s")
        print(f"ratio explorer/grep: {e / g:.2f}x")
        print(f"--jobs {args.jobs} output identical to --jobs 1: {same}")
        if not same:
            sys.exit(1)


if __name__ == "__main__":
    main()
