"""The indexer: incremental, interrupted and resumed, parallel, and what changes under it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import explorer.index.parse as parse_mod
from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from gazetteer import Geoparser
from tests.conftest import ROOT
from tests.explorer.conftest import copy_seeds

NEW_ARTICLE = "زيارة رسمية\n\nوصل وزير الخارجية الفرنسي إلى بيروت صباح اليوم في زيارة.\n"


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with IndexDB(path) as db:
        return db.dump()


def count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every article file the indexer reads (it still reads them)."""
    seen: list[str] = []
    real = parse_mod.read_articles

    def spy(path: Path, root: Path, max_bytes: int):  # type: ignore[no-untyped-def]
        seen.append(path.name)
        return real(path, root, max_bytes)

    monkeypatch.setattr(parse_mod, "read_articles", spy)
    return seen


def test_incremental(seeds_copy: Path, tmp_path: Path, world: Geoparser,
                     monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "i.sqlite"
    first = Indexer(seeds_copy, db, geoparser=world).run()
    assert (first.new, first.changed, first.deleted, first.unchanged) == (5, 0, 0, 0)
    reads = count_reads(monkeypatch)

    again = Indexer(seeds_copy, db, geoparser=world).run()
    assert (again.new, again.changed, again.unchanged, again.mentions) == (0, 0, 5, 0)
    assert reads == []  # an unchanged folder reads no article text

    files = sorted(seeds_copy.glob("*.txt"))
    os.utime(files[0], ns=(time.time_ns(), time.time_ns() + 10**9))  # touched, same content
    with files[1].open("a", encoding="utf-8") as fh:
        fh.write("\nوصل الوفد إلى دمشق.\n")
    files[2].unlink()
    (seeds_copy / "new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    third = Indexer(seeds_copy, db, geoparser=world).run()
    assert (third.new, third.changed, third.deleted, third.unchanged) == (1, 1, 1, 3)
    assert sorted(reads) == sorted([files[0].name, files[1].name, "new.txt"])
    with IndexDB(db) as idx:
        docs = {h.article.doc for h in idx.passages(idx_filter("دمشق"), None, 0, 100)}
        assert files[1].name in docs
        assert files[2].name not in idx.stored()

    # The result is what a fresh index of the folder as it now is holds.
    fresh = tmp_path / "fresh.sqlite"
    Indexer(seeds_copy, fresh, geoparser=world).run()
    assert dump(db) == dump(fresh)


def recounted(path: Path) -> tuple[dict[str, int], list[tuple[object, ...]]]:
    """The totals and per-place counts the writer keeps, and the same counted afresh."""
    with IndexDB(path) as db:
        c = db.conn
        kept = (dict(c.execute("SELECT name, n FROM totals")),
                sorted(c.execute("SELECT place_id, country, count, articles FROM place_stats")))
        fresh = ({**{t: c.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                     for t in ("articles", "passages", "mentions")},
                  "demonyms": c.execute("SELECT COUNT(*) FROM mentions "
                                        "WHERE type = 'demonym'").fetchone()[0]},
                 sorted(c.execute(
                     "SELECT m.place_id, p.country, COUNT(*), COUNT(DISTINCT m.article) "
                     "FROM mentions AS m JOIN places AS p ON p.id = m.place_id "
                     "WHERE m.type = 'toponym' GROUP BY m.place_id")))
    assert kept == fresh
    return fresh


def test_aggregates_follow_incremental_reindexing(seeds_copy: Path, tmp_path: Path,
                                                  world: Geoparser) -> None:
    db = tmp_path / "i.sqlite"
    Indexer(seeds_copy, db, geoparser=world).run()
    totals, per_place = recounted(db)
    files = sorted(seeds_copy.glob("*.txt"))
    with files[1].open("a", encoding="utf-8") as fh:
        fh.write("\nوصل الوفد إلى دمشق ثم إلى دمشق.\n")
    files[2].unlink()
    Indexer(seeds_copy, db, geoparser=world).run()
    after, after_places = recounted(db)
    assert after != totals and after_places != per_place  # they did change, and stayed right
    with IndexDB(db, readonly=True) as idx:
        assert idx.stats() == {**after, "places": len(after_places), "copies": 0,
                               "copy_mentions": 0, "copy_demonyms": 0}


def idx_filter(text: str):  # type: ignore[no-untyped-def]
    from explorer.query import Filter

    return Filter(text=text)


def test_gazetteer_change_re_resolves(seeds_copy: Path, tmp_path: Path, world: Geoparser) -> None:
    db = tmp_path / "i.sqlite"
    Indexer(seeds_copy, db, geoparser=world).run()
    extra = tmp_path / "mine.yaml"
    extra.write_text("- id: my:hq\n  name: Our office\n  name_ar: مكتبنا\n  kind: city\n"
                     "  lat: 1.0\n  lon: 2.0\n  country: LB\n", encoding="utf-8")
    again = Indexer(seeds_copy, db, gazetteer_files=[extra]).run()
    assert again.changed == 5 and again.unchanged == 0
    assert Indexer(seeds_copy, db, gazetteer_files=[extra]).run().unchanged == 5


def test_two_jobs_give_the_same_index(tmp_path: Path, world: Geoparser) -> None:
    corpus = copy_seeds(tmp_path / "c", copies=2)
    one, two = tmp_path / "one.sqlite", tmp_path / "two.sqlite"
    Indexer(corpus, one, jobs=1, geoparser=world).run()
    s = Indexer(corpus, two, jobs=2, geoparser=world, batch_size=3).run()
    assert s.new == 10
    assert dump(one) == dump(two)


def test_changes_during_indexing_are_picked_up_next_time(
    tmp_path: Path, world: Geoparser
) -> None:
    corpus = copy_seeds(tmp_path / "c")
    files = sorted(corpus.glob("*.txt"))
    db = tmp_path / "i.sqlite"

    def meddle(done: int, total: int, batch: object) -> None:
        if done == 1:
            with files[0].open("a", encoding="utf-8") as fh:  # already indexed: now changed
                fh.write("\nزار الوفد عمّان.\n")
            os.utime(files[0], ns=(time.time_ns(), time.time_ns() + 10**9))
            files[4].unlink()  # not read yet: vanishes

    s = Indexer(corpus, db, geoparser=world, batch_size=1).run(progress=meddle)
    assert s.refused == 1 and any("vanished" in p.message for p in s.problems)
    nxt = Indexer(corpus, db, geoparser=world).run()
    assert (nxt.changed, nxt.unchanged, nxt.deleted) == (1, 3, 0)
    assert not nxt.problems
    fresh = tmp_path / "fresh.sqlite"
    Indexer(corpus, fresh, geoparser=world).run()
    assert dump(db) == dump(fresh)


def test_cancel_keeps_what_was_committed(tmp_path: Path, world: Geoparser) -> None:
    corpus = copy_seeds(tmp_path / "c")
    db = tmp_path / "i.sqlite"
    calls: list[int] = []
    s = Indexer(corpus, db, geoparser=world, batch_size=1).run(
        progress=lambda d, t, b: calls.append(d), cancelled=lambda: len(calls) >= 2)
    assert s.cancelled and calls == [1, 2]
    with IndexDB(db) as idx:
        assert idx.stats()["articles"] == 2
    rest = Indexer(corpus, db, geoparser=world).run()
    assert (rest.new, rest.unchanged) == (3, 2)


KILLED_RUN = """
import sys
from pathlib import Path
from explorer.index.build import Indexer
def progress(done, total, batch):
    print(done, flush=True)
Indexer(Path(sys.argv[1]), Path(sys.argv[2]), jobs=int(sys.argv[3]), batch_size=1).run(progress)
"""


@pytest.mark.parametrize("jobs", [1, 2])
def test_sigkill_mid_index_then_resume(tmp_path: Path, world: Geoparser, jobs: int) -> None:
    corpus = copy_seeds(tmp_path / "c", copies=3)
    db = tmp_path / "killed.sqlite"
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_RUN, str(corpus), str(db), str(jobs)],
        stdout=subprocess.PIPE, text=True, cwd=ROOT, start_new_session=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if int(line) >= 3:
            break
    os.killpg(proc.pid, signal.SIGKILL)  # the writer and its workers, mid-run
    proc.wait()
    proc.stdout.close()
    with IndexDB(db) as idx:
        assert idx.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert 3 <= idx.stats()["articles"] < 15
    resumed = Indexer(corpus, db, geoparser=world).run()
    assert resumed.new + resumed.unchanged == 15 and resumed.unchanged >= 3
    clean = tmp_path / "clean.sqlite"
    Indexer(corpus, clean, geoparser=world).run()
    assert dump(db) == dump(clean)


def test_problems_stand_while_nothing_changes(seeds_copy: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: x\n  name: [unclosed\n", encoding="utf-8")
    (seeds_copy / "binary.txt").write_bytes(bytes(range(256)) * 8)
    db = tmp_path / "i.sqlite"
    first = Indexer(seeds_copy, db, gazetteer_files=[bad]).run()
    reads = [p.path for p in first.problems]
    assert str(bad) in reads and str(seeds_copy / "binary.txt") in reads
    again = Indexer(seeds_copy, db, gazetteer_files=[bad]).run()
    assert (again.unchanged, again.refused) == (5, 1)
    assert [p.path for p in again.problems] == reads
    with IndexDB(db) as idx:
        assert [p.path for p in idx.problems()] == reads


def test_the_fingerprint_reads_the_languages_rules_and_words() -> None:
    """Issue 19: a change to a language's rules (``gazetteer/lang/``) or words (``data/en/``)
    geoparses every article again, like a change to the gazetteer's own code."""
    from explorer.index.parse import fingerprint_sources

    names = {p.relative_to(p.parents[1]).as_posix() for p in fingerprint_sources()}
    assert {"lang/en.py", "lang/ar_rejections.py", "en/context.yaml", "ar/context.yaml",
            "gazetteer/geoparser.py", "explorer/language.py"} <= names
    assert all(p.is_file() for p in fingerprint_sources())
