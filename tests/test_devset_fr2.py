"""The French check set (tests/data/devset_fr2): excerpts chosen by a rule fixed first
(scripts/devset_fr2/README.md) and hand-made gold (scripts/devset_fr2/annotations.txt).

Every document is a check document, scored once by the lead and never tuned on.  These tests
check that the gold is sound (every excerpt annotated, spans are the text they claim, every place
identified, the JSON is what the annotations build, the excerpts follow the rule); they hold no
score and never run the geoparser.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from types import ModuleType

import pytest

from tests.gold_checks import (
    check_one_id_one_place,
    check_place,
    check_spans,
    document_text,
    load_script,
)

ROOT = Path(__file__).parents[1]
DATA = Path(__file__).parent / "data"
DOCS = DATA / "devset_fr2"
GOLD = json.loads((DATA / "devset_fr2_gold.json").read_text(encoding="utf-8"))
SCRIPTS = ROOT / "scripts" / "devset_fr2"
NAME = re.compile(r"(\d{3})_([a-z]{2})_([a-z0-9_]+)\.txt")


def _builder() -> ModuleType:
    return load_script(SCRIPTS / "build_gold.py", "devset_fr2_build_gold")


def _cutter() -> ModuleType:
    return load_script(SCRIPTS / "add_excerpt.py", "devset_fr2_add_excerpt")


def _rule_slots() -> dict[str, tuple[str, str, str]]:
    """slot -> (cc, topic, query) from the rule's table in README.md."""
    rows = re.findall(
        r"^\| (\d{3}) \| ([a-z]{2}) \| ([a-z]+) \| (.+?) \|$",
        (SCRIPTS / "README.md").read_text(encoding="utf-8"),
        re.M,
    )
    return {s: (cc, topic, q) for s, cc, topic, q in rows}


def _sources() -> list[dict[str, str]]:
    """Rows of the table in tests/data/devset_fr2/SOURCES.md."""
    lines = (DOCS / "SOURCES.md").read_text(encoding="utf-8").splitlines()
    table = [ln for ln in lines if ln.startswith("| ")]
    head = [c.strip() for c in table[0].strip("|").split("|")]
    return [
        dict(zip(head, (c.strip() for c in ln.strip("|").split(" | ")), strict=True))
        for ln in table[1:]
        if not ln.startswith("|---")
    ]


def test_format_and_every_excerpt_annotated() -> None:
    assert GOLD["format"] == "seeds-gold/1"
    assert len(GOLD["documents"]) >= 20  # the brief's floor: 20 fully annotated slots
    assert set(GOLD["documents"]) == {p.name for p in DOCS.glob("*.txt")}


def test_files_are_named_by_their_slot_in_the_rule() -> None:
    slots = _rule_slots()
    assert len(slots) == 30
    for name in GOLD["documents"]:
        m = NAME.fullmatch(name)
        assert m, f"{name}: not NNN_cc_topic.txt"
        slot, cc, topic = m.groups()
        assert slots[slot][:2] == (cc, topic), f"{name}: slot {slot} is {slots[slot]}"


def test_every_slot_is_filled_or_said_empty_in_the_notes() -> None:
    notes = (SCRIPTS / "NOTES.md").read_text(encoding="utf-8")
    filled = {n[:3] for n in GOLD["documents"]}
    for slot in _rule_slots():
        row = re.search(rf"^\| {slot} \| (.+?) \|", notes, re.M)
        assert row, f"slot {slot}: no line in NOTES.md"
        assert (slot in filled) != row.group(1).startswith("none"), f"slot {slot}: {row.group(1)}"


def test_every_excerpt_has_its_source_and_query() -> None:
    rows = _sources()
    assert sorted(r["file"] for r in rows) == sorted(GOLD["documents"])
    slots = _rule_slots()
    for r in rows:
        assert r["url"].startswith("http") and r["outlet"], r
        # the slot's query, or (second phrasing) a shorter one, said so in the hit column
        assert r["query"] == slots[r["file"][:3]][2] or r["hit"].startswith("2nd query"), r


def test_no_page_of_the_first_french_set_is_used_again() -> None:
    with (ROOT / "scripts" / "devset_fr" / "sources.tsv").open(encoding="utf-8", newline="") as fh:
        used = {r["url"] for r in csv.DictReader(fh, delimiter="\t")}
    urls = [r["url"] for r in _sources()]
    assert len(set(urls)) == len(urls)
    assert not used & set(urls)


@pytest.mark.parametrize("name", sorted(GOLD["documents"]))
def test_excerpt_follows_the_cutting_rule(name: str) -> None:
    """80-250 words, and cutting the excerpt again by the rule leaves it as it is (it ends at the
    last whole sentence within 800 characters, or the first that reaches 80 words)."""
    text = document_text(DOCS / name)
    assert text.endswith("\n") and not text.endswith("\n\n"), f"{name}: one final newline"
    assert 80 <= len(text.split()) <= 250, f"{name}: {len(text.split())} words"
    assert _cutter().cut(text) == text[:-1], f"{name}: not cut by the rule"


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
    assert _builder().build(write=False) == GOLD


def test_a_longer_negative_claims_its_text_before_a_country(tmp_path: Path) -> None:
    """«Iran Heavy» (a crude grade, a negative) keeps its «Iran»; the «(Iran)» after it is the
    country; the typographic apostrophe of «Côte d’Ivoire» is part of the name."""
    docs, here = tmp_path / "docs", tmp_path / "scripts"
    docs.mkdir()
    here.mkdir()
    (docs / "001_xx_x.txt").write_text("Iran Heavy (Iran) et la Côte d’Ivoire.\n", encoding="utf-8")
    (here / "annotations.txt").write_text(
        "# 001_xx_x.txt\nIran = IR\nCôte d’Ivoire = CI\n-Iran Heavy = a crude grade\n",
        encoding="utf-8",
    )
    gold = _builder().build(write=False, docs=docs, annotations=[here / "annotations.txt"])
    doc = gold["documents"]["001_xx_x.txt"]
    assert [(m["start"], m["text"]) for m in doc["mentions"]] == [
        (12, "Iran"),
        (24, "Côte d’Ivoire"),
    ]
    assert [(m["start"], m["text"]) for m in doc["negatives"]] == [(0, "Iran Heavy")]


def test_an_unknown_place_key_stops_the_build_with_file_and_line(tmp_path: Path) -> None:
    docs, here = tmp_path / "docs", tmp_path / "scripts"
    docs.mkdir()
    here.mkdir()
    (docs / "001_xx_x.txt").write_text("Des pluies à Chaulnes.\n", encoding="utf-8")
    (here / "annotations.txt").write_text(
        "# 001_xx_x.txt\nChaulnes = no-such-key\n", encoding="utf-8"
    )
    out = tmp_path / "gold.json"
    with pytest.raises(SystemExit, match=r"annotations.txt:2: unknown place key no-such-key"):
        _builder().build(write=True, out=out, docs=docs, annotations=[here / "annotations.txt"])
    assert not out.exists()
