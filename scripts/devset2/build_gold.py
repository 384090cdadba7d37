"""Build tests/data/devset2_gold.json (format seeds-gold/1): the second development set's gold.

The annotation syntax, the matching of names in the text and the place records are those of the
first set (scripts/devset/build_gold.py, which does the work): this script only points it at
the second set's files.  It reads EVERY scripts/devset2/annotations_*.txt (one per annotator:
_a slots 001-040, _b slots 041-080; either may be missing) and the place keys of
scripts/devset/places.json plus every scripts/devset2/places_*.json (a key given in two files
must be the same record).  A malformed line, a name not in its text or an unknown key stops the
build with FILE:LINE, and nothing is written.

    python scripts/devset2/build_gold.py [--review]
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
DOCS = ROOT / "tests" / "data" / "devset2"
OUT = ROOT / "tests" / "data" / "devset2_gold.json"
FIRST_SET_PLACES = ROOT / "scripts" / "devset" / "places.json"


def _first_set_builder() -> ModuleType:
    path = ROOT / "scripts" / "devset" / "build_gold.py"
    spec = importlib.util.spec_from_file_location("devset_build_gold", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def annotation_files(here: Path = HERE) -> list[Path]:
    return sorted(here.glob("annotations_*.txt"))


def places_files(here: Path = HERE) -> list[Path]:
    return [FIRST_SET_PLACES, *sorted(here.glob("places_*.json"))]


def build(review: bool = False, write: bool = True, *, here: Path = HERE, docs: Path = DOCS,
          out: Path = OUT) -> dict[str, Any]:
    gold: dict[str, Any] = _first_set_builder().build(
        review, write, annotations=annotation_files(here), places_files=places_files(here),
        docs=docs, out=out)
    return gold


if __name__ == "__main__":
    g = build("--review" in sys.argv)
    n = sum(len(d["mentions"]) for d in g["documents"].values())
    print(f"{len(g['documents'])} documents, {n} mentions -> {OUT.relative_to(ROOT)}")
