"""Build the gold of the French (or English) development set, format seeds-gold/1.

The annotation syntax and the place records are those of the first set
(scripts/devset/build_gold.py does the work); only the word test changes: a name counts as a
whole word when the letters around it are not Unicode word characters (é, ç, ï… are letters
here), and no Arabic proclitic is allowed before a Latin name.  It reads
scripts/devset_LANG/annotations.txt and the place keys of scripts/devset/places.json,
scripts/devset2/places_*.json, the other language's places.json and
scripts/devset_LANG/places.json (a key given twice must name one place).  A malformed line, a
name not in its text or an unknown key stops the build with FILE:LINE, and nothing is written.

    python scripts/devset_fr/build_gold.py [fr|en] [--review]
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _first_set_builder() -> ModuleType:
    path = ROOT / "scripts" / "devset" / "build_gold.py"
    spec = importlib.util.spec_from_file_location("devset_build_gold_latin", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.WORD = re.compile(r"\w")  # Latin letters with accents are letters
    module.PREFIXES = {""}  # no proclitic glued to a Latin name
    module.ARTICLE_DROPPED = set()
    return module


def paths(lang: str) -> dict[str, Any]:
    here = ROOT / "scripts" / f"devset_{lang}"
    return {
        "annotations": [here / "annotations.txt"],
        "places_files": [ROOT / "scripts" / "devset" / "places.json",
                         *sorted((ROOT / "scripts" / "devset2").glob("places_*.json")),
                         *[ROOT / "scripts" / f"devset_{other}" / "places.json"
                           for other in ("fr", "en") if other != lang],
                         here / "places.json"],
        "docs": ROOT / "tests" / "data" / f"devset_{lang}",
        "out": ROOT / "tests" / "data" / f"devset_{lang}_gold.json",
    }


def build(lang: str = "fr", review: bool = False, write: bool = True,
          **override: Any) -> dict[str, Any]:
    args = {**paths(lang), **override}
    gold: dict[str, Any] = _first_set_builder().build(review, write, **args)
    return gold


if __name__ == "__main__":
    lang = next((a for a in sys.argv[1:] if a in ("fr", "en")), "fr")
    g = build(lang, "--review" in sys.argv)
    n = sum(len(d["mentions"]) for d in g["documents"].values())
    print(f"{len(g['documents'])} documents, {n} mentions -> "
          f"{paths(lang)['out'].relative_to(ROOT)}")
