"""Wire copies (issue 18, item 3): one agency story reprinted by several outlets is one group,
found at index time (a new article joins the group), kept in the index (schema 6, migrated
with the analyst's corrections), and counted once when the filter says so. Real files, real
SQLite, the real geoparser."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from explorer.corpus import read_article
from explorer.filter_store import BadFilter, from_json, to_json
from explorer.index import schema
from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from explorer.memory_index import CorpusIndex
from explorer.pipeline import open_corpus
from explorer.query import Filter, fold_words
from explorer.wire import THRESHOLD, WireGroups, similarity, sketch_text, sketch_words
from gazetteer import Geoparser
from tests.explorer.test_index_failures import V6_DOWN
from tests.explorer.wire_texts import COPIES, OUTLETS, write_wire_folder

ONCE = Filter(once=True)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_wire_folder(tmp_path / "wire")


def _sketch(folder: Path, name: str) -> bytes:
    a = read_article(folder / name, folder)
    made = sketch_text(p.text for p in a.passages)
    assert made is not None
    return made


def test_copies_are_alike_and_another_story_on_the_same_topic_is_not(folder: Path) -> None:
    first = _sketch(folder, COPIES[0])
    for name in COPIES[1:]:
        assert similarity(first, _sketch(folder, name)) >= THRESHOLD + 0.2, name
    for name in ("ahram_business.txt", "book_fair.txt"):
        assert similarity(first, _sketch(folder, name)) < 0.1, name


def test_spelling_variants_match_once_folded(folder: Path) -> None:
    """masrawy.txt writes الى, اعلنت, الاردن (no hamza): folded, its shingles are the
    agency's; compared unfolded (words only lower-cased) it looks further away."""
    ahram = read_article(folder / "ahram.txt", folder)
    masrawy = read_article(folder / "masrawy.txt", folder)

    def raw(a: object) -> bytes:
        made = sketch_words([w for p in a.passages for w in p.text.split()])  # type: ignore[attr-defined]
        assert made is not None
        return made

    folded = similarity(_sketch(folder, "ahram.txt"), _sketch(folder, "masrawy.txt"))
    assert folded > similarity(raw(ahram), raw(masrawy)) + 0.15
    assert fold_words("إلى") == fold_words("الى")


def test_short_articles_are_never_copies() -> None:
    assert sketch_text(["القاهرة تستقبل وفدا"]) is None
    groups = WireGroups()
    groups.add("a", None)
    assert groups.groups() == {}


def _index(folder: Path, db: Path, world: Geoparser) -> None:
    Indexer(folder, db, geoparser=world).run()


def test_the_index_groups_the_copies_and_lists_them(folder: Path, tmp_path: Path,
                                                    world: Geoparser) -> None:
    path = tmp_path / "i.sqlite"
    _index(folder, path, world)
    with IndexDB(path, readonly=True) as db:
        others = db.copies("ahram.txt")
        assert sorted(i.doc for i in others) == sorted(COPIES[1:])
        assert {i.outlet for i in others} == {o[1] for o in OUTLETS[1:]}
        assert db.copies("ahram_business.txt") == []
        assert db.copies("book_fair.txt") == []
        assert db.stats()["copies"] == len(COPIES) - 1
        assert db.dump()["wire"] == [tuple(sorted(COPIES))]


def test_counting_each_story_once(folder: Path, tmp_path: Path, world: Geoparser) -> None:
    path = tmp_path / "i.sqlite"
    _index(folder, path, world)
    with IndexDB(path, readonly=True) as db:
        cairo_all = {s.place.id: s for s in db.places()}
        cairo_once = {s.place.id: s for s in db.places(ONCE)}
        # Cairo (named by every copy and by the other story) counted from one copy only.
        cairo = next(pid for pid, s in cairo_all.items() if s.place.name == "Cairo")
        assert cairo_all[cairo].articles == len(COPIES) + 1
        assert cairo_once[cairo].articles == 2
        eg = {c.code: c.count for c in db.countries()}["EG"]
        eg_once = {c.code: c.count for c in db.countries(ONCE)}["EG"]
        assert eg_once < eg
        # The passages of one copy only: the first by file (ahram.txt), and the others'.
        docs = {h.article.doc for h in db.passages(ONCE, None, 0, 1000)}
        assert docs == {"ahram.txt", "ahram_business.txt", "book_fair.txt"}
        assert db.count_passages(ONCE) < db.count_passages(Filter())
        assert sum(n for _, n in db.timeline(ONCE)) < sum(n for _, n in db.timeline(Filter()))
        # With an outlet filter, the story is counted once among that outlet's copies.
        masrawy = Filter(outlets=frozenset({"مصراوي"}), once=True)
        assert {h.article.doc for h in db.passages(masrawy, None, 0, 100)} == {"masrawy.txt"}
        # One article asked for: shown whatever its group.
        assert db.count_passages(Filter(doc="youm7.txt", once=True)) == \
            db.count_passages(Filter(doc="youm7.txt"))


def test_the_memory_index_answers_alike(folder: Path, tmp_path: Path, world: Geoparser) -> None:
    path = tmp_path / "i.sqlite"
    _index(folder, path, world)
    memory: CorpusIndex = open_corpus(folder, geoparser=world)
    filters = [ONCE, Filter(once=True, countries=frozenset({"EG"})),
               Filter(once=True, outlets=frozenset({"الغد", "الشروق"})),
               Filter(once=True, date_from="2024-03-13"), Filter(once=True, text="القاهرة")]
    with IndexDB(path, readonly=True) as db:
        assert memory.stats() == db.stats()
        later = [d for d in COPIES if d != "ahram.txt"]  # the first by file is counted
        assert db.stats()["copy_mentions"] == sum(len(db.mentions_in(d)) for d in later) > 0
        assert [i.doc for i in memory.copies("youm7.txt")] == \
            [i.doc for i in db.copies("youm7.txt")]
        for f in filters:
            assert memory.places(f) == db.places(f), f
            assert memory.countries(f) == db.countries(f), f
            assert memory.timeline(f) == db.timeline(f), f
            assert [(h.article.doc, h.passage.start) for h in memory.passages(f, None, 0, 500)] \
                == [(h.article.doc, h.passage.start) for h in db.passages(f, None, 0, 500)], f


def test_a_new_copy_joins_the_group_and_a_deleted_one_leaves(folder: Path, tmp_path: Path,
                                                           world: Geoparser) -> None:
    later = tmp_path / "later"
    later.mkdir()
    for name in COPIES[2:]:
        shutil.move(folder / name, later / name)
    path = tmp_path / "i.sqlite"
    _index(folder, path, world)
    with IndexDB(path, readonly=True) as db:
        assert db.dump()["wire"] == [tuple(sorted(COPIES[:2]))]
    for name in COPIES[2:]:
        shutil.move(later / name, folder / name)
    summary = Indexer(folder, path, geoparser=world).run()
    assert summary.new == len(COPIES) - 2 and summary.unchanged == 4
    with IndexDB(path, readonly=True) as db:
        assert db.dump()["wire"] == [tuple(sorted(COPIES))]
    (folder / "alghad.txt").unlink()
    Indexer(folder, path, geoparser=world).run()
    with IndexDB(path, readonly=True) as db:
        assert db.dump()["wire"] == [tuple(sorted(set(COPIES) - {"alghad.txt"}))]
        assert "alghad.txt" not in {i.doc for i in db.copies("ahram.txt")}
        assert db.conn.execute("SELECT COUNT(*) FROM wire_sketches").fetchone()[0] == 6


def test_an_edited_copy_is_grouped_again(folder: Path, tmp_path: Path, world: Geoparser) -> None:
    path = tmp_path / "i.sqlite"
    _index(folder, path, world)
    (folder / "youm7.txt").write_text((folder / "book_fair.txt").read_text(encoding="utf-8")
                                      + "\nتحديث\n", encoding="utf-8")
    Indexer(folder, path, geoparser=world).run()
    with IndexDB(path, readonly=True) as db:
        groups = db.dump()["wire"]
    assert tuple(sorted(set(COPIES) - {"youm7.txt"})) in groups
    assert ("book_fair.txt", "youm7.txt") in groups


def test_two_jobs_find_the_same_groups(folder: Path, tmp_path: Path, world: Geoparser) -> None:
    one, two = tmp_path / "one.sqlite", tmp_path / "two.sqlite"
    Indexer(folder, one, geoparser=world).run()
    Indexer(folder, two, 2, geoparser=world, batch_size=2).run()
    with IndexDB(one, readonly=True) as a, IndexDB(two, readonly=True) as b:
        assert a.dump()["wire"] == b.dump()["wire"]


def test_a_version_5_index_is_migrated_keeping_corrections(folder: Path, tmp_path: Path,
                                                          world: Geoparser) -> None:
    """A version-5 index (as explorer wrote it before wire copies) with a correction and a
    saved filter: opened, it becomes the current version with both kept; indexed, it finds
    the copies."""
    path = tmp_path / "i.sqlite"
    _index(folder, path, world)
    conn = sqlite3.connect(path)
    conn.executescript(
        V6_DOWN + "UPDATE articles SET gazetteer = 'explorer-before-wire-copies'; "
        "INSERT INTO corrections (scope, surface, action, created) VALUES "
        "('corpus', 'الدوحة', 'reject', 'now'); "
        "INSERT INTO settings VALUES ('filter', '{\"countries\": [\"EG\"]}'); "
        "PRAGMA user_version = 5;")
    conn.close()
    with IndexDB(path) as db:
        assert db.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert [c.surface for c in db.corrections()] == ["الدوحة"]
        assert db.stats()["copies"] == 0
    assert list(tmp_path.glob("i.sqlite.v5-*.bak"))
    _index(folder, path, world)
    with IndexDB(path, readonly=True) as db:
        assert [c.surface for c in db.corrections()] == ["الدوحة"]
        assert db.get_setting("filter") == '{"countries": ["EG"]}'
        assert db.dump()["wire"] == [tuple(sorted(COPIES))]
        assert "الدوحة" not in {m.text for m in db.mentions_in("ahram.txt")}


def test_the_switch_is_saved_with_the_filter() -> None:
    f = Filter(countries=frozenset({"EG"}), once=True)
    assert from_json(to_json(f)) == f
    assert replace(f, once=False) == from_json(to_json(replace(f, once=False)))
    for bad in ('{"once": "yes"}', '{"once": 1}', '{"once": null}'):
        with pytest.raises(BadFilter, match="'once' is not true or false"):
            from_json(bad)


def test_export_counts_each_story_once_when_asked(folder: Path, tmp_path: Path,
                                                  world: Geoparser) -> None:
    """`explorer export --once`: the CSV of the index with Filter(once=True), fewer rows."""
    from explorer.export import csv_bytes
    from tests.explorer.test_export import read_csv, run_cli

    path = tmp_path / "i.sqlite"
    _index(folder, path, world)
    outs = {}
    for once in (False, True):
        out = outs[once] = tmp_path / f"once-{once}.csv"
        proc = run_cli(str(folder), "--format", "csv", "-o", str(out), "--index", str(path),
                       *(["--once"] if once else []), cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
    with IndexDB(path, readonly=True) as db:
        assert outs[True].read_bytes() == csv_bytes(db, ONCE)
    header, *rows = read_csv(outs[True].read_bytes())
    docs = {r[header.index("doc")] for r in rows}
    assert docs == {"ahram.txt", "ahram_business.txt", "book_fair.txt"}
    assert len(read_csv(outs[False].read_bytes())) > len(read_csv(outs[True].read_bytes()))


def test_a_huge_article_is_sketched_in_bounded_time() -> None:
    """A million words: only the first MAX_WORDS are sketched (in batches), quickly; a copy
    with another ending is still a copy."""
    import time

    from explorer.wire import MAX_WORDS

    words = [f"كلمة{i % 50_000}" for i in range(1_000_000)]
    t = time.process_time()
    big = sketch_words(words)
    assert time.process_time() - t < 10
    other = sketch_words(words[:MAX_WORDS] + ["نهاية"] * 10)
    assert big is not None and other is not None and similarity(big, other) > 0.9
