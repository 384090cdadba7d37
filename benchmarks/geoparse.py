"""Geoparsing throughput against grep, on one synthetic corpus, in one run.

Prints MB/s and articles/s for ``explorer mentions`` on the corpus (one core), the time of
``grep -F -o -f NAMES`` over the same files with every surface form of the gazetteer
(``explorer gazetteer names``), their ratio, and the peak memory of each.

    python benchmarks/geoparse.py [--articles 10000] [--seed 1]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def timed(cmd: list[str], **kw: object) -> tuple[float, float]:
    """Wall time (s) and the child's peak RSS (MB) of one command, output discarded.

    The peak is that command's own (``wait4``), not the largest of every child so far.
    """
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, **kw)  # type: ignore[call-overload]
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd)
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    explorer = [sys.executable, "-m", "explorer"]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        # In a child process: this one stays small, and a child's peak RSS counts its parent's
        # size at the fork (Linux), which would hide the real figure behind the gazetteer's.
        subprocess.run([sys.executable, str(HERE / "make_corpus.py"), str(corpus),
                        "--articles", str(args.articles), "--seed", str(args.seed)],
                       stdout=subprocess.DEVNULL, check=True)
        size = sum(p.stat().st_size for p in corpus.rglob("*.txt"))
        names = Path(tmp) / "names.txt"
        with names.open("w", encoding="utf-8") as fh:
            subprocess.run([*explorer, "gazetteer", "names"], stdout=fh, check=True)
        n_names = sum(1 for _ in names.open(encoding="utf-8"))
        mb = size / 1e6
        print(f"corpus: {args.articles} articles, {mb:.1f} MB (seed {args.seed}); "
              f"{n_names} surface forms")
        t_exp, rss_exp = timed([*explorer, "mentions", str(corpus)])
        print(f"explorer mentions: {t_exp:.2f} s, {mb / t_exp:.2f} MB/s, "
              f"{args.articles / t_exp:.0f} articles/s, peak RSS {rss_exp:.0f} MB")
        t_grep, rss_grep = timed(["grep", "-r", "-h", "-F", "-o", "-f", str(names), str(corpus)],
                                 env={"LC_ALL": "C.UTF-8"})
        print(f"grep -F -o -f:     {t_grep:.2f} s, {mb / t_grep:.2f} MB/s, "
              f"peak RSS {rss_grep:.0f} MB")
        print(f"ratio explorer/grep: {t_exp / t_grep:.2f}x")


if __name__ == "__main__":
    main()
