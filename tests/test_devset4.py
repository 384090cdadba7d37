"""The fourth set (tests/data/devset4): a check set nobody tunes on; fixed-rule draw, hand gold."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re
from pathlib import Path
from types import ModuleType

import pytest

from tests.gold_checks import check_spans, document_text

DATA = Path(__file__).parent / "data"
DOCS = DATA / "devset4"
GOLD = json.loads((DATA / "devset4_gold.json").read_text(encoding="utf-8"))
DRAW = Path(__file__).parents[1] / "scripts" / "devset4" / "draw.tsv"
NAME = re.compile(r"(\d{3})_([a-z]{2})_[a-z0-9_]+\.txt")


def test_every_excerpt_annotated_and_named_by_its_slot() -> None:
    assert GOLD["format"] == "seeds-gold/1"
    assert set(GOLD["documents"]) == {p.name for p in DOCS.glob("*.txt")}
    draw = {
        r.split("\t")[0]: r.split("\t")[1]
        for r in DRAW.read_text(encoding="utf-8").splitlines()[1:]
    }
    for name in GOLD["documents"]:
        m = NAME.fullmatch(name)
        assert m, name
        assert draw[m.group(1)].lower() == m.group(2), name


def test_every_excerpt_has_its_source() -> None:
    listed = re.findall(
        r"\b\d{3}_[a-z]{2}_[a-z0-9_]+\.txt\b", (DOCS / "SOURCES.md").read_text(encoding="utf-8")
    )
    assert sorted(listed) == sorted(GOLD["documents"])


@pytest.mark.parametrize("name", sorted(GOLD["documents"]))
def test_spans_match_text_and_size(name: str) -> None:
    text = document_text(DOCS / name)
    assert 80 <= len(text.split()) <= 250
    check_spans(name, text, GOLD["documents"][name])


def _script(name: str) -> ModuleType:
    path = Path(__file__).parents[1] / "scripts" / "devset4" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"devset4_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gold_is_what_the_builder_makes_of_the_annotations() -> None:
    assert _script("build_gold").build(write=False) == GOLD


def test_draw_tsv_is_the_seeded_draw() -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        _script("draw").main()
    assert out.getvalue() == DRAW.read_text(encoding="utf-8")
