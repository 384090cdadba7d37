"""``explorer.review`` on a real index: the corrections listed with their article and passage,
and the review queue (least confident first; corrected, accepted and rejected mentions leave)."""

from __future__ import annotations

from pathlib import Path

from explorer.corrections import ACCEPTED, ACCEPTED_REASON, Correction
from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from explorer.review import listed, queue
from gazetteer import Geoparser

A = "خبر أول\n\nوصل الوفد إلى بغداد ثم إلى البصرة. وقال مسؤول في بغداد إن الزيارة مهمة.\n"
B = "خبر ثان\n\nعقد اجتماع في الموصل أمس وحضره وفد من البصرة.\n"


def index(tmp_path: Path, world: Geoparser) -> Path:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(A, encoding="utf-8")
    (corpus / "b.txt").write_text(B, encoding="utf-8")
    out = tmp_path / "i.sqlite"
    Indexer(corpus, out, jobs=1, geoparser=world).run()
    return out


def test_the_queue_is_least_confident_first_and_decisions_leave_it(
    tmp_path: Path, world: Geoparser
) -> None:
    path = index(tmp_path, world)
    with IndexDB(path) as db:
        total, items = queue(db)
        assert total == len(items) == 5
        confidences = [i.mention.confidence for i in items]
        assert confidences == sorted(confidences) and confidences[-1] < 1.0
        first = items[0]
        assert first.mention.text == "البصرة" and first.title == "خبر أول"
        at = first.mention.start - first.passage_start
        assert first.passage[at:at + len("البصرة")] == "البصرة"
        m = first.mention
        db.add_correction(Correction("mention", "resolve", m.text, first.doc, m.start, m.end,
                                     m.place.id, sha256=first.sha256, note=ACCEPTED))
        second = items[1].mention
        db.add_correction(Correction("mention", "reject", second.text, items[1].doc,
                                     second.start, second.end, sha256=items[1].sha256))
        total, items = queue(db)
        assert total == 3 and all(i.mention.text != "البصرة" for i in items)
        kept = [x for x in db.mentions_in(first.doc) if x.start == m.start]
        assert [(x.place.id, x.confidence, x.reason) for x in kept] == [
            (m.place.id, 1.0, ACCEPTED_REASON.text)]
        assert queue(db, limit=1)[0] == 3 and len(queue(db, limit=1)[1]) == 1


def test_listed_corrections_say_what_where_and_when(tmp_path: Path, world: Geoparser) -> None:
    path = index(tmp_path, world)
    with IndexDB(path) as db:
        mosul = next(x for x in db.mentions_in("b.txt") if x.text == "الموصل")
        db.add_correction(Correction("mention", "reject", "الموصل", "b.txt", mosul.start,
                                     mosul.end))
        db.add_correction(Correction("corpus", "resolve", "بغداد", place_id=mosul.place.id))
        newest, oldest = listed(db)  # Mosul has no mention left: the index knows it no more
        assert newest.correction.scope == "corpus" and newest.title == newest.passage == ""
        assert newest.place is None and newest.correction.target == mosul.place.id
        newest, oldest = listed(db, world.gaz.by_id.get)  # the gazetteer does
        assert newest.place is not None and newest.place.name == "Mosul"
        assert oldest.title == "خبر ثان" and oldest.place is None
        assert "اجتماع في الموصل أمس" in oldest.passage
        assert oldest.correction.created[:2] == "20"


def test_an_accepted_place_is_no_gazetteer_entry(world: Geoparser) -> None:
    """Accepting the geoparser's place adds nothing to an exported gazetteer file."""
    from explorer.corrections import gazetteer_yaml

    baghdad = next(p for p in world.parse(A) if p.text == "بغداد").place
    accepted = Correction("mention", "resolve", "بغداد", "a.txt", 23, 28, baghdad.id,
                          note=ACCEPTED)
    assert accepted.describe().endswith(f"accepted as {baghdad.id}")
    text = gazetteer_yaml([accepted], world.gaz.by_id.get, world.gaz)
    assert "places: []" in text and baghdad.id not in text
