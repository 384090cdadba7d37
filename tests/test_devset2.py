"""The second development set (tests/data/devset2): drawn slots, excerpts and hand-made gold.

The slots (country, genre) were drawn by scripts/devset2/draw.py before any excerpt was read;
each excerpt file is named by its slot and the drawn country.  The gold is built by
scripts/devset2/build_gold.py from every scripts/devset2/annotations_*.txt (one per annotator).
"""

from __future__ import annotations

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
DOCS = DATA / "devset2"
GOLD = json.loads((DATA / "devset2_gold.json").read_text(encoding="utf-8"))
SCRIPTS = ROOT / "scripts" / "devset2"
NAME = re.compile(r"(\d{3})_([a-z]{2})_[a-z0-9_]+\.txt")


def _draw() -> dict[str, str]:
    """slot -> drawn country code."""
    rows = (SCRIPTS / "draw.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return {r.split("\t")[0]: r.split("\t")[1] for r in rows}


def _builder() -> ModuleType:
    return load_script(SCRIPTS / "build_gold.py", "devset2_build_gold")


def test_format_and_every_excerpt_annotated() -> None:
    assert GOLD["format"] == "seeds-gold/1"
    assert GOLD["documents"]
    assert set(GOLD["documents"]) == {p.name for p in DOCS.glob("*.txt")}


def test_files_are_named_by_their_drawn_slot() -> None:
    draw = _draw()
    slots = []
    for name in GOLD["documents"]:
        m = NAME.fullmatch(name)
        assert m, f"{name}: not NNN_cc_slug.txt"
        slot, cc = m.groups()
        assert draw[slot].lower() == cc, f"{name}: slot {slot} drew {draw[slot]}"
        slots.append(m.group(1))
    assert len(slots) == len(set(slots)), "two excerpts for one slot"


@pytest.mark.parametrize("name", sorted(GOLD["documents"]))
def test_excerpt_size_and_encoding(name: str) -> None:
    words = len(document_text(DOCS / name).split())
    assert 80 <= words <= 250, f"{name}: {words} words"


def test_every_excerpt_has_its_source() -> None:
    listed = [n for p in DOCS.glob("SOURCES_*.md")
              for n in re.findall(r"\b\d{3}_[a-z]{2}_[a-z0-9_]+\.txt\b", p.read_text("utf-8"))]
    assert sorted(listed) == sorted(GOLD["documents"])


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


def _tmp_set(tmp_path: Path, annotations: dict[str, str]) -> tuple[Path, Path]:
    here, docs = tmp_path / "scripts", tmp_path / "docs"
    here.mkdir()
    docs.mkdir()
    (docs / "001_ye_x.txt").write_text("أمطار في اليمن وعدن.\n", encoding="utf-8")
    (here / "places_a.json").write_text(json.dumps({"aden-x": {
        "country": "YE", "geonameid": 415189, "kind": "city", "lat": 12.77944,
        "lon": 45.03667, "name": "Aden"}}), encoding="utf-8")
    for suffix, text in annotations.items():
        (here / f"annotations_{suffix}.txt").write_text(text, encoding="utf-8")
    return here, docs


def test_build_reads_every_annotator_file_and_either_may_be_missing(tmp_path: Path) -> None:
    here, docs = _tmp_set(tmp_path, {"a": "# 001_ye_x.txt\nاليمن = YE\nعدن = aden-x\n"})
    out = tmp_path / "gold.json"
    gold = _builder().build(write=True, here=here, docs=docs, out=out)
    assert json.loads(out.read_text(encoding="utf-8")) == gold
    got = [(m["text"], m["geonameid"]) for m in gold["documents"]["001_ye_x.txt"]["mentions"]]
    assert got == [("اليمن", 69543), ("عدن", 415189)]  # YE from the first set's places.json


def test_a_name_after_lil_loses_its_article_and_the_span_only_that(tmp_path: Path) -> None:
    """«للعراق»: the text has «عراق» for «العراق»; the span is those four letters, not six."""
    here, docs = _tmp_set(tmp_path, {"a": "# 001_ye_x.txt\nاليمن = YE\nالعراق = IQ\n"})
    (docs / "001_ye_x.txt").write_text("من اليمن للعراق مباشرة.\n", encoding="utf-8")
    gold = _builder().build(write=False, here=here, docs=docs)
    got = [(m["start"], m["end"], m["text"]) for m in gold["documents"]["001_ye_x.txt"]["mentions"]]
    assert got == [(3, 8, "اليمن"), (11, 15, "عراق")]


@pytest.mark.parametrize(("line", "said"), [
    ("اليمن YE", "annotations_b.txt:2: expected '# FILE' or 'NAME = KEY'"),
    ("اليمن = XX", "annotations_b.txt:2: unknown place key XX"),
    ("صنعاء = YE", "annotations_b.txt:2: 001_ye_x.txt: «صنعاء» not found"),
    ("اليمن #x = YE", "annotations_b.txt:2: '#x' is not an occurrence number"),
    ("محافظة [عدن = aden-x", "annotations_b.txt:2: expected one bracketed name"),
])
def test_a_bad_line_stops_the_build_with_file_and_line(tmp_path: Path, line: str,
                                                      said: str) -> None:
    here, docs = _tmp_set(tmp_path, {"b": f"# 001_ye_x.txt\n{line}\n"})
    out = tmp_path / "gold.json"
    with pytest.raises(SystemExit) as err:
        _builder().build(write=True, here=here, docs=docs, out=out)
    assert said in str(err.value)
    assert not out.exists()


def test_a_document_annotated_twice_or_missing_is_named(tmp_path: Path) -> None:
    here, docs = _tmp_set(tmp_path, {"a": "# 001_ye_x.txt\nاليمن = YE\n",
                                     "b": "\n# 001_ye_x.txt\nاليمن = YE\n# 002_tn_y.txt\n"})
    with pytest.raises(SystemExit, match=r"annotations_b.txt:2: 001_ye_x.txt is also annotated"
                                         r" in .*annotations_a.txt:1"):
        _builder().build(write=False, here=here, docs=docs)
    (here / "annotations_a.txt").unlink()
    with pytest.raises(SystemExit, match=r"annotations_b.txt:4: no such document"):
        _builder().build(write=False, here=here, docs=docs)


def test_a_place_key_given_twice_must_name_one_place(tmp_path: Path) -> None:
    here, docs = _tmp_set(tmp_path, {"a": "# 001_ye_x.txt\nعدن = aden-x\n"})
    same = {"aden-x": {"country": "YE", "geonameid": 415189, "kind": "city", "lat": 12.8,
                       "lon": 45.0, "name": "Aden", "source": "another extract"}}
    (here / "places_b.json").write_text(json.dumps(same), encoding="utf-8")
    gold = _builder().build(write=False, here=here, docs=docs)
    assert gold["documents"]["001_ye_x.txt"]["mentions"][0]["lat"] == 12.77944  # the first kept
    (here / "places_b.json").write_text(json.dumps({"aden-x": {"name": "Aden", "geonameid": 1}}),
                                        encoding="utf-8")
    with pytest.raises(SystemExit, match=r"places_b.json: place key aden-x names another place"):
        _builder().build(write=False, here=here, docs=docs)
