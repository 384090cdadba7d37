"""Build tests/data/devset_fr2_gold.json (format seeds-gold/1), the French check set's gold.

devset_fr's builder (scripts/devset_fr/build_gold.py: Latin whole-word test, no proclitic)
with this set's files: scripts/devset_fr2/annotations.txt, the place keys of every earlier set's
places files plus scripts/devset_fr2/places.json (a key given twice must name one place), the
excerpts of tests/data/devset_fr2.  A malformed line, a name not in its text or an unknown key
stops the build with FILE:LINE, and nothing is written.

    python scripts/devset_fr2/build_gold.py [--review]
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def _fr_builder() -> ModuleType:
    path = ROOT / "scripts" / "devset_fr" / "build_gold.py"
    spec = importlib.util.spec_from_file_location("devset_fr_build_gold_for_fr2", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def paths() -> dict[str, Any]:
    fr = _fr_builder().paths("fr")
    return {
        "annotations": [HERE / "annotations.txt"],
        "places_files": [*fr["places_files"], HERE / "places.json"],
        "docs": ROOT / "tests" / "data" / "devset_fr2",
        "out": ROOT / "tests" / "data" / "devset_fr2_gold.json",
    }


def build(review: bool = False, write: bool = True, **override: Any) -> dict[str, Any]:
    gold: dict[str, Any] = _fr_builder().build("fr", review, write, **{**paths(), **override})
    return gold


if __name__ == "__main__":
    g = build("--review" in sys.argv)
    n = sum(len(d["mentions"]) for d in g["documents"].values())
    print(f"{len(g['documents'])} documents, {n} mentions -> {paths()['out'].relative_to(ROOT)}")
