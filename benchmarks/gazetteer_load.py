"""Gazetteer size, load time and memory: what the built-in world costs a process.

Prints the places by kind, the name keys and Arabic surface forms; the time to compile the data
into the cache (cold, in a fresh cache directory) and to load it from the cache (warm, median of
``--runs``), each in a fresh process; and the peak RSS of a process that loads the gazetteer and
geoparses the seed articles.

    python benchmarks/gazetteer_load.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = """
import json, resource, sys, time
t0 = time.perf_counter()
from gazetteer import Gazetteer, Geoparser
gaz = Gazetteer.load()
load = time.perf_counter() - t0
out = {"load": load}
if sys.argv[1] == "parse":
    from pathlib import Path
    gp = Geoparser(gaz)
    for f in sorted(Path(sys.argv[2]).glob("*.txt")):
        gp.parse(f.read_text(encoding="utf-8"))
if sys.argv[1] == "count":
    from collections import Counter
    out["kinds"] = dict(Counter(p.kind for p in gaz.places))
    out["keys"] = len(gaz.index)
    out["arabic"] = len({n for p in gaz.places for n in p.names_ar})
out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def child(mode: str, cache: str) -> dict[str, object]:
    env = {**os.environ, "EXPLORER_CACHE_DIR": cache}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, mode, str(ROOT / "seeds")],
        env=env, cwd=ROOT, capture_output=True, text=True, check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        cold = child("load", cache)
        warm = [child("load", cache) for _ in range(args.runs)]
        counts = child("count", cache)
        parse = child("parse", cache)
    kinds = counts["kinds"]
    assert isinstance(kinds, dict)
    print(f"places: {sum(kinds.values())} ({', '.join(f'{k} {v}' for k, v in kinds.items())})")
    print(f"name keys: {counts['keys']}; Arabic surface forms: {counts['arabic']}")
    print(f"cold (compile into the cache): {cold['load']:.2f} s, peak RSS {cold['rss_mb']:.0f} MB")
    loads = [float(w["load"]) for w in warm]  # type: ignore[arg-type]
    print(f"warm (from the cache): median {statistics.median(loads):.3f} s "
          f"(min {min(loads):.3f}) over {args.runs}, peak RSS {warm[0]['rss_mb']:.0f} MB")
    print(f"load + geoparse the seeds: peak RSS {parse['rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
