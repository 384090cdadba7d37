"""Build tests/data/devset4_gold.json (format seeds-gold/1): the fourth set's gold (a check set).

Same annotation syntax and builder as the first three sets (scripts/devset/build_gold.py); the
place keys are those of scripts/devset/places.json, scripts/devset2/places_*.json,
scripts/devset3/places.json and scripts/devset4/places.json.  A malformed line, a name not in its
text or an unknown key stops the build with FILE:LINE, and nothing is written.

    python scripts/devset4/build_gold.py [--review]
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
DOCS = ROOT / "tests" / "data" / "devset4"
OUT = ROOT / "tests" / "data" / "devset4_gold.json"


def places_files() -> list[Path]:
    return [
        ROOT / "scripts" / "devset" / "places.json",
        *sorted((ROOT / "scripts" / "devset2").glob("places_*.json")),
        ROOT / "scripts" / "devset3" / "places.json",
        HERE / "places.json",
    ]


def build(review: bool = False, write: bool = True) -> dict[str, Any]:
    path = ROOT / "scripts" / "devset" / "build_gold.py"
    spec = importlib.util.spec_from_file_location("devset_build_gold", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    gold: dict[str, Any] = module.build(
        review,
        write,
        annotations=[HERE / "annotations.txt"],
        places_files=places_files(),
        docs=DOCS,
        out=OUT,
    )
    return gold


if __name__ == "__main__":
    g = build("--review" in sys.argv)
    n = sum(len(d["mentions"]) for d in g["documents"].values())
    print(f"{len(g['documents'])} documents, {n} mentions -> {OUT.relative_to(ROOT)}")
