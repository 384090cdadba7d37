"""The analyst's corrections: applying them, storing them in the index, keeping them through
re-indexing and rebuilds, and exporting them as a gazetteer file (real indexer, real SQLite)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from explorer.corrections import (
    Correction,
    CorrectionError,
    NewPlace,
    apply,
    gazetteer_yaml,
    mentions_from_json,
    mentions_to_json,
)
from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from explorer.index.rebuild import rebuild
from explorer.query import Filter
from gazetteer import Geoparser, load_geoparser
from gazetteer.model import Mention, MentionType, Place

A = "خبر أول\n\nوصل الوفد إلى بغداد ثم إلى البصرة. وقال مسؤول في بغداد إن الزيارة مهمة.\n"
B = "خبر ثان\n\nعقد اجتماع في بغداد أمس وحضره وفد من البصرة.\n"


def place(pid: str, name: str) -> Place:
    return Place(pid, name, name, "city", 1.0, 2.0, "XX")


P1, P2, P3 = place("p1", "One"), place("p2", "Two"), place("p3", "Three")
PLACES = {p.id: p for p in (P1, P2, P3)}


def m(start: int, text: str, p: Place = P1) -> Mention:
    return Mention(start, start + len(text), text, MentionType.TOPONYM, p)


def test_the_most_specific_correction_wins() -> None:
    found = [m(0, "الف"), m(10, "الف"), m(20, "الف"), m(30, "باء")]
    corrections = [
        Correction("corpus", "reject", "ألف"),  # folded: the same name
        Correction("article", "resolve", "الف", doc="a", place_id="p2"),
        Correction("mention", "resolve", "الف", doc="a", start=10, end=13, place_id="p3",
                   sha256="s"),
    ]
    out = apply("a", "s", None, found, corrections, PLACES.get)
    assert [(x.start, x.place.id) for x in out.mentions] == [(0, "p2"), (10, "p3"), (20, "p2"),
                                                             (30, "p1")]
    assert out.changed and not out.stale
    assert out.mentions[1].confidence == 1.0 and "analyst" in out.mentions[1].reason
    # The place it had stays a candidate (the window offers it back).
    assert out.mentions[1].alternatives[0].place.id == "p1"
    # In another article only the corpus rejection applies.
    other = apply("b", "t", None, found, corrections, PLACES.get)
    assert [x.text for x in other.mentions] == ["باء"]


def test_a_mention_correction_on_changed_content_is_reported_not_applied() -> None:
    c = Correction("mention", "reject", "الف", doc="a", start=0, end=3, sha256="old")
    out = apply("a", "new", None, [m(0, "الف")], [c], PLACES.get)
    assert [x.place.id for x in out.mentions] == ["p1"] and not out.changed
    assert out.stale and "changed" in out.stale[0][1]
    # An unknown place is reported too, and the mention stays as it was.
    lost = Correction("corpus", "resolve", "الف", place_id="gone")
    out = apply("a", "new", None, [m(0, "الف")], [lost], PLACES.get)
    assert out.mentions[0].place.id == "p1" and "gone" in out.stale[0][1]


def test_a_mention_resolve_adds_what_the_geoparser_missed() -> None:
    text = "xx الف yy"
    c = Correction("mention", "resolve", "الف", doc="a", start=3, end=6, place_id="p2")
    out = apply("a", "s", text, [], [c], PLACES.get)
    assert [(x.start, x.end, x.place.id) for x in out.mentions] == [(3, 6, "p2")]
    moved = apply("a", "s", "xxxx الف", [], [c], PLACES.get)
    assert not moved.mentions and "offsets" in moved.stale[0][1]


def test_bad_corrections_are_refused() -> None:
    with pytest.raises(CorrectionError):
        Correction("mention", "reject", "الف", doc="a")  # no offsets
    with pytest.raises(CorrectionError):
        Correction("article", "resolve", "الف", doc="a")  # no place
    with pytest.raises(CorrectionError):
        NewPlace("Town", "", 95.0, 0.0, "IQ")
    with pytest.raises(CorrectionError):
        NewPlace("Town", "", 30.0, 40.0, None, "city")  # a city needs its country
    new = NewPlace("Town", "بلدة", 30.0, 40.0, "IQ")
    assert NewPlace.from_json(new.to_json()) == new
    with pytest.raises(CorrectionError):
        NewPlace.from_json("{not json")


def test_mentions_round_trip_through_json(world: Geoparser) -> None:
    found = world.parse(A)
    assert found and mentions_from_json(mentions_to_json(found)) == found


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a.txt").write_text(A, encoding="utf-8")
    (root / "b.txt").write_text(B, encoding="utf-8")
    return root


def counts(db: IndexDB) -> dict[str, int]:
    return {s.place.name: s.count for s in db.places(Filter())}


def baghdad_mentions(db: IndexDB, doc: str) -> list[tuple[int, int, str]]:
    return [(x.start, x.end, x.place.name) for d, found in db.article_mentions() if d == doc
            for x in found if x.text == "بغداد"]


def test_stored_corrections_rewrite_the_index_and_undo_restores_it(
    corpus: Path, tmp_path: Path, world: Geoparser
) -> None:
    path = tmp_path / "i.sqlite"
    Indexer(corpus, path, geoparser=world).run()
    with IndexDB(path) as db:
        before = db.dump()
        assert counts(db)["Baghdad"] == 3 and counts(db)["Basrah"] == 2
        first = baghdad_mentions(db, "a.txt")[0]
        sha = db.stored()["a.txt"].sha256
        reject, _ = db.add_correction(Correction(
            "mention", "reject", "بغداد", doc="a.txt", start=first[0], end=first[1], sha256=sha))
        assert counts(db)["Baghdad"] == 2
        basra = next(s.place for s in db.places(Filter()) if s.place.name == "Basrah")
        moved, _ = db.add_correction(
            Correction("corpus", "resolve", "بغداد", place_id=basra.id), world.gaz.by_id.get)
        # The mention correction wins over the corpus one; the other two move to Basra.
        assert counts(db) == {"Basrah": 4}
        assert db.stats()["mentions"] == 4
        assert [s.place.name for s in db.places(Filter(text="اجتماع"))] == ["Basrah"]
        db.delete_correction(moved.id or 0, world.gaz.by_id.get)
        assert counts(db)["Baghdad"] == 2
        # Confirmed as the place it was: only its confidence and reason change, and back.
        baghdad = next(s.place for s in db.places(Filter()) if s.place.name == "Baghdad")
        same, _ = db.add_correction(Correction("article", "resolve", "بغداد", doc="b.txt",
                                               place_id=baghdad.id), world.gaz.by_id.get)
        assert counts(db)["Baghdad"] == 2
        db.delete_correction(same.id or 0, world.gaz.by_id.get)
        db.delete_correction(reject.id or 0)
        after = db.dump()
        assert after == before  # every table as the geoparser left it
        assert db.corrections() == []


def test_corrections_survive_reindexing_and_rebuild(
    corpus: Path, tmp_path: Path, world: Geoparser
) -> None:
    path = tmp_path / "i.sqlite"
    Indexer(corpus, path, geoparser=world).run()
    new = NewPlace("Newtown", "مدينة جديدة", 33.3, 44.4, "IQ")
    with IndexDB(path) as db:
        first = baghdad_mentions(db, "a.txt")[0]
        sha = db.stored()["a.txt"].sha256
        db.add_correction(Correction("mention", "reject", "بغداد", doc="a.txt", start=first[0],
                                     end=first[1], sha256=sha))
        db.add_correction(Correction("article", "resolve", "بغداد", doc="b.txt", new_place=new))
        expected = counts(db)
        assert expected["Newtown"] == 1 and expected["Baghdad"] == 1
    # The gazetteer changes (a user file): every article is geoparsed again.
    extra = tmp_path / "extra.yaml"
    extra.write_text("format: explorer-gazetteer/1\nplaces: []\n", encoding="utf-8")
    summary = Indexer(corpus, path, gazetteer_files=[extra], geoparser=world).run()
    assert summary.changed == 2
    with IndexDB(path) as db:
        assert counts(db) == expected
    # b.txt changes: its article correction is by name and still holds.
    with (corpus / "b.txt").open("a", encoding="utf-8") as fh:
        fh.write("\nوفي بغداد أيضا.\n")
    Indexer(corpus, path, gazetteer_files=[extra], geoparser=world).run()
    with IndexDB(path) as db:
        assert counts(db)["Newtown"] == 2
    # Rebuild: a new index, the corrections carried over and applied by the indexer.
    rebuild(path)
    Indexer(corpus, path, gazetteer_files=[extra], geoparser=world).run()
    with IndexDB(path) as db:
        assert counts(db)["Newtown"] == 2 and counts(db)["Baghdad"] == 1
        assert len(db.corrections()) == 2
    # a.txt changes: its offsets may mean something else now: reported, not applied.
    (corpus / "a.txt").write_text("سطر جديد\n\n" + A, encoding="utf-8")
    os.utime(corpus / "a.txt", ns=(1, 2))
    summary = Indexer(corpus, path, gazetteer_files=[extra], geoparser=world).run()
    assert any("correction not applied" in p.message and "changed" in p.message
               for p in summary.problems)
    with IndexDB(path) as db:
        assert counts(db)["Baghdad"] == 2


def test_export_is_a_gazetteer_the_geoparser_reads(tmp_path: Path, world: Geoparser) -> None:
    baghdad = next(p for p in world.parse(A) if p.text == "بغداد").place
    new = NewPlace("Testville", "قرية الاختبار", 35.5, 41.5, "IQ")
    corrections = [
        Correction("corpus", "resolve", "قرية الاختبار", new_place=new),
        Correction("article", "resolve", "بلدة التجربة", doc="x.txt", place_id=baghdad.id),
        Correction("corpus", "reject", "البصرة"),  # no gazetteer form: left out
    ]
    out = tmp_path / "corrections.yaml"
    out.write_text(gazetteer_yaml(corrections, world.gaz.by_id.get), encoding="utf-8")
    parser = load_geoparser([out])
    assert not parser.gaz.errors
    found = {x.text: x.place for x in parser.parse(
        "وصل الوفد إلى قرية الاختبار ثم إلى بلدة التجربة.")}
    assert found["قرية الاختبار"].id == new.id
    assert (found["قرية الاختبار"].lat, found["قرية الاختبار"].country) == (35.5, "IQ")
    assert found["بلدة التجربة"].id == baghdad.id


def test_cli_lists_exports_and_deletes(
    corpus: Path, tmp_path: Path, world: Geoparser, capsys: pytest.CaptureFixture[str]
) -> None:
    from explorer.cli import main

    path = tmp_path / "i.sqlite"
    Indexer(corpus, path, geoparser=world).run()
    new = NewPlace("Newtown", "مدينة جديدة", 33.3, 44.4, "IQ")
    with IndexDB(path) as db:
        db.add_correction(Correction("corpus", "resolve", "البصرة", new_place=new))
        gone, _ = db.add_correction(Correction("corpus", "reject", "بغداد"))
        assert counts(db) == {"Newtown": 2}
    assert main(["corrections", str(corpus), "--index", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and "«البصرة» → " + new.id in lines[0] and "not a place" in lines[1]
    assert main(["corrections", str(corpus), "--index", str(path), "--delete", str(gone.id)]) == 0
    with IndexDB(path) as db:
        assert counts(db) == {"Newtown": 2, "Baghdad": 3}
    out = tmp_path / "mine.yaml"
    assert main(["corrections", str(corpus), "--index", str(path), "--export", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "«البصرة» also names gn:99532" in text  # said: the geoparser ranks them
    parser = load_geoparser([out])
    assert not parser.gaz.errors and new.id in parser.gaz.by_id
    assert "البصرة" in parser.gaz.by_id[new.id].names_ar
    assert main(["corrections", str(corpus), "--index", str(path), "--delete", "99"]) == 1
    assert "no correction 99" in capsys.readouterr().err
    # With the index no longer fresh, an export geoparses the folder: corrections still apply.
    (corpus / "c.txt").write_text("خبر\n\nوصل إلى البصرة.\n", encoding="utf-8")
    csv = tmp_path / "m.csv"
    assert main(["export", str(corpus), "--format", "csv", "-o", str(csv),
                 "--index", str(path)]) == 0
    rows = csv.read_text(encoding="utf-8-sig").splitlines()[1:]
    assert sum("Newtown" in r for r in rows) == 3 and not any("Basrah" in r for r in rows)
    # A damaged row is said and skipped; the others still apply.
    with IndexDB(path) as db, db.transaction():
        db.conn.execute("INSERT INTO corrections (scope, surface, action, place, created) "
                        "VALUES ('corpus', 'بغداد', 'resolve', '{bad', '')")
    with IndexDB(path) as db:
        assert len(db.corrections()) == 1
