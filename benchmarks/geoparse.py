"""Geoparsing throughput against grep: the seeds copied N times, explorer vs ``grep -F -o -f``.

The corpus is the seed articles copied ``--copies`` times (400: about 10 MB in 2,000 files).
Before any clock starts, the corpus is written and grep's names file is made
(``explorer gazetteer names``, every surface form of the gazetteer): that is grep's
preparation, as building the gazetteer's compiled cache is the explorer's (one untimed
``explorer mentions`` run warms it). Then, alternately, ``--runs`` times each (medians
reported), each as one whole process writing its matches to a file (GNU grep stops at the first
match when its output is /dev/null: that would time a grep that does almost nothing):

* ``explorer mentions CORPUS --jobs 1``: one job;
* ``grep -rFoh -f NAMES CORPUS``: one grep;
* ``explorer mentions CORPUS --jobs J`` (default J: all cores), for the wall time with every
  core.

Wall time and CPU time (user + sys of the process and its children) are both reported, and
the ratios explorer/grep of each; ``--jobs 1`` and ``--jobs J`` must print the same bytes.

    python benchmarks/geoparse.py [--copies 400] [--runs 3] [--jobs N]
"""

from __future__ import annotations

import argparse
import filecmp
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def timed(cmd: list[str], out: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + sys, with the command's own children) in seconds of one
    command, its output written to ``out``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with out.open("wb") as fh:
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=fh, check=True)
        wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _runs(times: list[float]) -> str:
    return ", ".join(f"{t:.2f}" for t in times)


def _line(label: str, runs: list[tuple[float, float]], mb: float) -> tuple[float, float]:
    wall = statistics.median(w for w, _ in runs)
    cpu = statistics.median(c for _, c in runs)
    print(f"{label}: wall {wall:.2f} s (runs {_runs([w for w, _ in runs])}), "
          f"CPU {cpu:.2f} s (runs {_runs([c for _, c in runs])}); "
          f"{mb / cpu:.2f} MB per CPU second")
    return wall, cpu


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
        names = Path(tmp) / "names.txt"
        with names.open("wb") as fh:  # grep's preparation, before the clock
            subprocess.run([*explorer, "gazetteer", "names"], stdout=fh, check=True)
        grep = ["grep", "-rFoh", "-f", str(names), str(corpus)]
        out_e, out_g = Path(tmp) / "explorer.jsonl", Path(tmp) / "grep.txt"
        out_j = Path(tmp) / "jobs.jsonl"
        one = [*explorer, "mentions", str(corpus), "--jobs", "1"]
        timed(one, out_e)  # the explorer's preparation: its compiled gazetteer cache
        r_exp: list[tuple[float, float]] = []
        r_grep: list[tuple[float, float]] = []
        r_jobs: list[tuple[float, float]] = []
        for _ in range(args.runs):
            r_exp.append(timed(one, out_e))
            r_grep.append(timed(grep, out_g))
            r_jobs.append(timed([*explorer, "mentions", str(corpus), "--jobs", str(args.jobs)],
                                out_j))
        ew, ec = _line("explorer mentions --jobs 1", r_exp, mb)
        gw, gc = _line("grep -rFoh -f NAMES > file", r_grep, mb)
        jw, _ = _line(f"explorer mentions --jobs {args.jobs}", r_jobs, mb)
        print(f"one job against one grep: wall {ew / gw:.2f}x, CPU {ec / gc:.2f}x")
        print(f"--jobs {args.jobs}: wall {jw:.2f} s, {mb / jw:.2f} MB/s")
        same = filecmp.cmp(out_e, out_j, shallow=False)
        print(f"--jobs {args.jobs} output identical to --jobs 1: {same}")
        if not same:
            sys.exit(1)


if __name__ == "__main__":
    main()
