"""Corrections are checked by the gazetteer loader's own rules when made, and their export
always loads again (issue 21: B9, a new place named «في» was exported and the file refused
whole; B23, a lone surrogate in a name raised ``UnicodeEncodeError``). Real SQLite, real
loader."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from explorer.corrections import Correction, CorrectionError, NewPlace, gazetteer_yaml
from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from gazetteer import Geoparser
from gazetteer.loader import entry_problem
from gazetteer.store import Gazetteer

ARTICLE = "خبر\n\nوصل الوفد إلى بغداد ثم إلى البصرة في الصباح.\n"


@pytest.fixture
def index(tmp_path: Path, world: Geoparser) -> Path:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "i.sqlite"
    Indexer(corpus, path, jobs=1, geoparser=world).run()
    return path


def reimport(tmp_path: Path, text: str) -> list[str]:
    """The ids an exported file brings back, through the gazetteer loader (no error)."""
    out = tmp_path / "export.yaml"
    out.write_text(text, encoding="utf-8")
    gaz = Gazetteer.load([out])
    assert gaz.error_lines() == []
    return [p.id for p in gaz.places if p.source.startswith(str(out))]


@pytest.mark.parametrize(("name", "name_ar"), [("Fi", "في"), ("من", ""), ("X", "على من")])
def test_a_new_place_named_with_a_function_word_is_refused_at_entry(
    name: str, name_ar: str, index: Path
) -> None:
    new = NewPlace(name, name_ar, 33.3, 44.4, "IQ")
    assert new.problem() is not None and "function word" in (new.problem() or "")
    c = Correction("corpus", "resolve", "البصرة", new_place=new)
    with IndexDB(index) as db, pytest.raises(CorrectionError, match="function word"):
        db.add_correction(c)
    with IndexDB(index, readonly=True) as db:
        assert db.corrections() == []  # nothing stored


def test_a_function_word_resolved_to_a_place_is_refused_at_entry(index: Path) -> None:
    c = Correction("corpus", "resolve", "في", place_id="gn:98182")
    with IndexDB(index) as db, pytest.raises(CorrectionError, match="function word"):
        db.add_correction(c)


def test_entry_and_loader_share_one_rule() -> None:
    entry = NewPlace("Fi", "في", 33.3, 44.4, "IQ").entry()
    assert entry_problem(entry) is not None  # what entry refuses, the loader refuses
    assert entry_problem(NewPlace("Town", "بلدة", 33.3, 44.4, "IQ").entry()) is None


@pytest.mark.parametrize("bad", ["\ud800", "Town\udcff", "\udfff بلدة"])
def test_a_lone_surrogate_is_a_clear_error(bad: str) -> None:
    with pytest.raises(CorrectionError, match="lone surrogate"):
        NewPlace(bad, "بلدة", 33.3, 44.4, "IQ")
    with pytest.raises(CorrectionError, match="lone surrogate"):
        NewPlace("Town", bad, 33.3, 44.4, "IQ")
    with pytest.raises(CorrectionError, match="lone surrogate"):
        Correction("corpus", "reject", bad)


def test_the_export_always_reimports(index: Path, tmp_path: Path, world: Geoparser) -> None:
    good = NewPlace("Newtown", "مدينة جديدة", 33.3, 44.4, "IQ")
    with IndexDB(index) as db:
        db.add_correction(Correction("corpus", "resolve", "البصرة", new_place=good))
        db.add_correction(Correction("corpus", "reject", "بغداد"))
    # Corrections stored before the rule (by an older version): a new place named «في», and
    # a function word resolved to a gazetteer place. They stay in the index, applied.
    old = NewPlace("In", "في", 30.0, 40.0, "IQ")
    with sqlite3.connect(index) as con:
        con.execute("INSERT INTO corrections (scope, surface, action, place_id, place, created) "
                    "VALUES ('corpus', 'بغداد', 'resolve', ?, ?, 'x')", (old.id, old.to_json()))
        con.execute("INSERT INTO corrections (scope, surface, action, place_id, created) "
                    "VALUES ('corpus', 'في', 'resolve', 'gn:98182', 'y')")
    con.close()
    with IndexDB(index, readonly=True) as db:
        corrections = db.corrections()
    assert len(corrections) == 4
    text = gazetteer_yaml(corrections, world.gaz.by_id.get, world.gaz)
    ids = reimport(tmp_path, text)
    assert good.id in ids and old.id not in ids  # the good ones are all there
    assert f"# left out: {old.id}" in text and "# left out: «في»" in text  # and it says so
