"""The French development set (tests/data/devset_fr): excerpts chosen by a fixed rule and
hand-made gold (scripts/devset_fr/README.md, annotations.txt).

These tests check that the gold is sound (every excerpt annotated, spans are the text they
claim, every place identified, the JSON is what the annotations build); they hold no score.
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
DOCS = DATA / "devset_fr"
GOLD = json.loads((DATA / "devset_fr_gold.json").read_text(encoding="utf-8"))
SCRIPTS = ROOT / "scripts" / "devset_fr"
NAME = re.compile(r"(\d{3})_([a-z]{2})_([a-z0-9_]+)\.txt")


def _builder() -> ModuleType:
    return load_script(SCRIPTS / "build_gold.py", "devset_fr_build_gold")


def _rule_slots() -> dict[str, tuple[str, str, str]]:
    """slot -> (cc, topic, query) from the rule's table in README.md."""
    rows = re.findall(r"^\| (\d{3}) \| ([a-z]{2}) \| ([a-z]+) \| (.+?) \|$",
                      (SCRIPTS / "README.md").read_text(encoding="utf-8"), re.M)
    return {s: (cc, topic, q) for s, cc, topic, q in rows}


def test_format_and_every_excerpt_annotated() -> None:
    assert GOLD["format"] == "seeds-gold/1"
    assert GOLD["documents"]
    assert set(GOLD["documents"]) == {p.name for p in DOCS.glob("*.txt")}


def test_files_are_named_by_their_slot_in_the_rule() -> None:
    slots = _rule_slots()
    assert len(slots) == 75  # slots 001-060 and the extension 061-075
    for name in GOLD["documents"]:
        m = NAME.fullmatch(name)
        assert m, f"{name}: not NNN_cc_topic.txt"
        slot, cc, topic = m.groups()
        assert slots[slot][:2] == (cc, topic), f"{name}: slot {slot} is {slots[slot]}"


def test_every_excerpt_has_its_source_and_query() -> None:
    with (SCRIPTS / "sources.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert sorted(r["file"] for r in rows) == sorted(GOLD["documents"])
    slots = _rule_slots()
    for r in rows:
        assert r["url"].startswith("http") and r["outlet"], r
        slot = r["file"][:3]
        # the slot's query, or (second phrasing) the country and topic only
        assert r["query"] == slots[slot][2] or r["hit"].startswith("2nd query"), r


@pytest.mark.parametrize("name", sorted(GOLD["documents"]))
def test_excerpt_size_and_encoding(name: str) -> None:
    text = document_text(DOCS / name)
    assert len(text.split()) >= 60, f"{name}: under 60 words"
    assert len(text.rstrip("\n")) <= 800 or text.count(".") <= 1, f"{name}: over 800 characters"


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
    assert _builder().build("fr", write=False) == GOLD


def _tmp_set(tmp_path: Path, text: str, annotations: str) -> dict[str, Path]:
    docs, here = tmp_path / "docs", tmp_path / "scripts"
    docs.mkdir()
    here.mkdir()
    (docs / "001_dz_x.txt").write_text(text, encoding="utf-8")
    (here / "annotations.txt").write_text(annotations, encoding="utf-8")
    return {"docs": docs, "annotations": [here / "annotations.txt"]}


def test_a_latin_name_counts_only_as_a_whole_word_accents_included(tmp_path: Path) -> None:
    """«Bar» is not found inside «Barème» (è is a letter), «Mali» not inside «Somalie» or
    «maliens»; the elided article stays outside the span."""
    text = "Barème des prix : l'Algérie, le Mali, Bar au Monténégro ; Somalie, maliens.\n"
    args = _tmp_set(tmp_path, text, "# 001_dz_x.txt\nAlgérie = DZ\nMali = ML\nBar = bar-x\n")
    (tmp_path / "places.json").write_text(json.dumps({"bar-x": {
        "country": "ME", "geonameid": 1, "kind": "city", "lat": 42.1, "lon": 19.1,
        "name": "Bar"}}), encoding="utf-8")
    places = [*_builder().paths("fr")["places_files"], tmp_path / "places.json"]
    gold = _builder().build("fr", write=False, places_files=places, **args)
    got = [(m["start"], m["text"]) for m in gold["documents"]["001_dz_x.txt"]["mentions"]]
    assert got == [(20, "Algérie"), (32, "Mali"), (38, "Bar")]


def test_a_name_missing_from_its_text_stops_the_build_with_file_and_line(tmp_path: Path) -> None:
    args = _tmp_set(tmp_path, "Des pluies en Somalie.\n", "# 001_dz_x.txt\nMali = ML\n")
    out = tmp_path / "gold.json"
    with pytest.raises(SystemExit, match=r"annotations.txt:2: 001_dz_x.txt: «Mali» not found"):
        _builder().build("fr", write=True, out=out, **args)
    assert not out.exists()
