"""The development set of real Arabic news (tests/data/devset) and its hand-made gold.

Every gold span must be exactly the text it claims, inside the document it names; places carry a
GeoNames id, or (where GeoNames has none in the data used) a region slug or a stated reason.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.gold_checks import (
    check_one_id_one_place,
    check_place,
    check_spans,
    document_text,
    load_script,
)

DATA = Path(__file__).parent / "data"
DOCS = DATA / "devset"
GOLD = json.loads((DATA / "devset_gold.json").read_text(encoding="utf-8"))


def test_format_and_size() -> None:
    assert GOLD["format"] == "seeds-gold/1"
    docs = GOLD["documents"]
    assert len(docs) >= 60
    assert sum(len(d["mentions"]) for d in docs.values()) >= 400
    assert set(docs) == {p.name for p in DOCS.glob("*.txt")}


@pytest.mark.parametrize("name", sorted(GOLD["documents"]))
def test_spans_match_text(name: str) -> None:
    check_spans(name, document_text(DOCS / name), GOLD["documents"][name])


@pytest.mark.parametrize("name", sorted(GOLD["documents"]))
def test_places_are_identified(name: str) -> None:
    for m in GOLD["documents"][name]["mentions"]:
        check_place(m)


def test_one_id_one_place() -> None:
    check_one_id_one_place(GOLD)


def test_gold_is_built_from_the_annotations() -> None:
    """The committed gold is exactly what the hand annotations build (no hand edits of the JSON)."""
    path = Path(__file__).parents[1] / "scripts" / "devset" / "build_gold.py"
    assert load_script(path, "devset_build_gold").build(write=False) == GOLD
