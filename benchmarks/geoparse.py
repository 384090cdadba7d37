"""Geoparsing throughput against grep, on one synthetic corpus, in one run.

Prints MB/s and articles/s for ``explorer mentions`` on the corpus (one core), the time of
``grep -F -o -f NAMES`` over the same files with every surface form of the gazetteer
(``explorer gazetteer names``), their ratio, and the peak memory of each.

    python benchmarks/geoparse.py [--articles 10000] [--seed 1]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import ROOT, generate


def timed(cmd: list[str], **kw: object) -> tuple[float, float]:
    """Wall time (s) and the child's peak RSS (MB) of one command, output discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True, **kw)  # type: ignore[call-overload]
    elapsed = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    explorer = [sys.executable, "-m", "explorer"]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        size = generate(corpus, args.articles, args.seed, ROOT / "seeds")
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
        t_grep, _ = timed(["grep", "-r", "-h", "-F", "-o", "-f", str(names), str(corpus)],
                          env={"LC_ALL": "C.UTF-8"})
        print(f"grep -F -o -f:     {t_grep:.2f} s, {mb / t_grep:.2f} MB/s")
        print(f"ratio explorer/grep: {t_exp / t_grep:.2f}x")


if __name__ == "__main__":
    main()
