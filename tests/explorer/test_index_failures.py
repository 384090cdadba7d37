"""A locked, read-only, damaged, full or newer index: one clear ``IndexUnavailable``, never a
traceback, and the analyst's corrections and settings never lost."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from explorer.corpus import read_article
from explorer.index import connection, schema
from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from explorer.index.errors import IndexUnavailable
from explorer.index.rebuild import rebuild
from gazetteer import Geoparser
from tests.conftest import SEEDS

CORRECTION = ("mention", "a.txt", 10, 15, "عمان", "resolve", "gn:250441", None, None, "", "now")


def add_user_data(path: Path) -> None:
    with IndexDB(path) as db, db.transaction():
        db.conn.execute("INSERT INTO corrections (scope, doc, start, \"end\", surface, action, "
                        "place_id, place, sha256, note, created) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                        CORRECTION)
        db.conn.execute("INSERT INTO settings VALUES ('theme', 'dark')")


def user_data(path: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        corr = conn.execute("SELECT scope, doc, start, \"end\", surface, action, place_id, place, "
                            "sha256, note, created FROM corrections").fetchall()
        return corr, conn.execute("SELECT * FROM settings").fetchall()
    finally:
        conn.close()


@pytest.fixture
def indexed(seeds_copy: Path, tmp_path: Path, world: Geoparser) -> Path:
    path = tmp_path / "index.sqlite"
    Indexer(seeds_copy, path, geoparser=world).run()
    add_user_data(path)
    return path


def test_corrupt_file_then_rebuild_keeps_nothing_lost(tmp_path: Path) -> None:
    path = tmp_path / "bad.sqlite"
    path.write_bytes(b"SQLite format 2\0" + os.urandom(4000))
    with pytest.raises(IndexUnavailable) as info:
        IndexDB(path)
    assert info.value.reason == "corrupt" and "\n" not in str(info.value)
    kept = rebuild(path)
    assert kept is not None and kept.read_bytes()[:15] == b"SQLite format 2"  # set aside
    with IndexDB(path) as db:
        assert db.stats()["articles"] == 0


def test_damaged_pages_are_reported_and_rebuild_carries_corrections(
    indexed: Path, seeds_copy: Path, world: Geoparser
) -> None:
    before = user_data(indexed)
    with IndexDB(indexed) as db:
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(indexed.read_bytes())
    page = 4096
    for k in range(len(data) // page // 2, len(data) // page):  # wreck the second half
        data[k * page + 100:(k + 1) * page] = os.urandom(page - 100)
    indexed.write_bytes(bytes(data))
    with pytest.raises(IndexUnavailable) as info, IndexDB(indexed) as db:
        db.dump()
    assert info.value.reason == "corrupt"
    damaged = indexed.read_bytes()
    kept = rebuild(indexed)
    assert kept is not None and kept.read_bytes() == damaged  # set aside as it was
    if user_data(indexed) != before:  # the corrections' pages were among the damaged ones
        assert user_data(indexed) == ([], [])
    Indexer(seeds_copy, indexed, geoparser=world).run()
    with IndexDB(indexed) as db:
        assert db.stats()["articles"] == 5


def test_text_that_is_not_utf8_is_damage(indexed: Path) -> None:
    """A damaged page can leave bytes that are not UTF-8 in a TEXT column: SQLite reads them,
    Python cannot decode them. That is a damaged index (offer a rebuild), not "unavailable"."""
    conn = sqlite3.connect(indexed)
    with conn:
        conn.execute("UPDATE articles SET title = CAST(x'ff' AS TEXT) WHERE id = "
                     "(SELECT MIN(id) FROM articles)")
    conn.close()
    with pytest.raises(IndexUnavailable) as info, IndexDB(indexed) as db:
        db.dump()
    assert info.value.reason == "corrupt"


def test_rebuild_of_a_readable_index_keeps_corrections_and_settings(indexed: Path) -> None:
    before = user_data(indexed)
    assert before[0] and before[1]
    kept = rebuild(indexed)
    assert kept is not None and user_data(kept) == before
    assert user_data(indexed) == before
    with IndexDB(indexed) as db:
        assert db.stats()["articles"] == 0


@pytest.fixture
def read_only(indexed: Path) -> Iterator[Path]:
    if os.geteuid() == 0:  # root writes through permissions: make the file immutable
        if shutil.which("chattr") is None or subprocess.run(
                ["chattr", "+i", str(indexed)], capture_output=True).returncode:
            pytest.skip("cannot make a file read-only for root here")
        yield indexed
        subprocess.run(["chattr", "-i", str(indexed)], check=True)
    else:
        indexed.chmod(0o444)
        yield indexed
        indexed.chmod(0o644)


def test_read_only_index(read_only: Path, seeds_copy: Path, world: Geoparser) -> None:
    (seeds_copy / "000_c1925879e5909a48.txt").unlink()  # something to write
    with pytest.raises(IndexUnavailable) as info:
        Indexer(seeds_copy, read_only, geoparser=world).run()
    assert info.value.reason == "read-only"
    assert str(info.value) == f"{read_only}: index cannot be written (read-only file or folder)"
    with IndexDB(read_only, readonly=True) as db:  # still readable
        assert db.stats()["articles"] == 5


def test_locked_by_another_connection(indexed: Path, seeds_copy: Path, world: Geoparser,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_S", 0.2)
    other = sqlite3.connect(indexed, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO settings VALUES ('held', 'by another writer')")
    (seeds_copy / "000_c1925879e5909a48.txt").unlink()
    try:
        with pytest.raises(IndexUnavailable) as info:
            Indexer(seeds_copy, indexed, geoparser=world).run()
        assert info.value.reason == "locked"
        with IndexDB(indexed, readonly=True) as db:  # readers are not blocked (WAL)
            assert db.stats()["articles"] == 5
    finally:
        other.execute("COMMIT")
        other.close()
    assert Indexer(seeds_copy, indexed, geoparser=world).run().deleted == 1


def test_two_indexers_on_one_corpus(tmp_path: Path, seeds_copy: Path, world: Geoparser) -> None:
    path = tmp_path / "i.sqlite"
    started, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def slow(done: int, total: int, batch: object) -> None:
        started.set()
        release.wait(30)

    def first() -> None:
        try:
            Indexer(seeds_copy, path, geoparser=world, batch_size=1).run(progress=slow)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    t = threading.Thread(target=first)
    t.start()
    try:
        assert started.wait(60)
        with pytest.raises(IndexUnavailable) as info:
            Indexer(seeds_copy, path, geoparser=world).run()
        assert info.value.reason == "locked" and "another explorer" in str(info.value)
    finally:
        release.set()
        t.join()
    assert not errors
    with IndexDB(path) as db:
        assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.stats()["articles"] == 5


def test_disk_full_rolls_back_and_keeps_the_index(indexed: Path) -> None:
    before = user_data(indexed)
    article = read_article(SEEDS / "001_23f61c99fe20eace.txt", SEEDS)
    article.doc = "copy.txt"
    article.sha256 = "x"
    with IndexDB(indexed) as db:
        stats = db.stats()
        db.conn.execute("VACUUM")  # no free page left for the new rows to fill
        pages = db.conn.execute("PRAGMA page_count").fetchone()[0]
        db.conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite now reports SQLITE_FULL
        with pytest.raises(IndexUnavailable) as info, db.transaction():
            db.put(article, [], "fp")
        assert info.value.reason == "full" and "disk is full" in str(info.value)
        assert db.stats() == stats
    assert user_data(indexed) == before


def test_migration_backs_up_first(indexed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = user_data(indexed)
    now = schema.SCHEMA_VERSION
    monkeypatch.setattr(schema, "SCHEMA_VERSION", now + 1)
    monkeypatch.setitem(schema.MIGRATIONS, now,
                        "ALTER TABLE corrections ADD COLUMN author TEXT NOT NULL DEFAULT '';")
    with IndexDB(indexed) as db:
        assert db.conn.execute("PRAGMA user_version").fetchone()[0] == now + 1
        assert db.conn.execute("SELECT author FROM corrections").fetchall() == [("",)]
    backups = list(indexed.parent.glob(f"{indexed.name}.v{now}-*.bak"))
    assert len(backups) == 1
    assert user_data(backups[0]) == before
    assert sqlite3.connect(backups[0]).execute("PRAGMA user_version").fetchone()[0] == now


def test_failed_migration_leaves_the_old_version(indexed: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    now = schema.SCHEMA_VERSION
    monkeypatch.setattr(schema, "SCHEMA_VERSION", now + 1)
    monkeypatch.setitem(schema.MIGRATIONS, now, "CREATE TABLE extra (x); SELECT * FROM nowhere;")
    with pytest.raises(IndexUnavailable):
        IndexDB(indexed)
    conn = sqlite3.connect(indexed)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == now
    assert not conn.execute("SELECT name FROM sqlite_master WHERE name = 'extra'").fetchall()
    conn.close()


#: Version 7 undone (an index made before the mentions by place).
V7_DOWN = "DROP INDEX mentions_by_place; "
#: Version 6 undone (an index made before wire copies).
V6_DOWN = V7_DOWN + (
    "DROP INDEX articles_by_wire; ALTER TABLE articles DROP COLUMN wire; "
    "DROP TABLE wire_sketches; DROP TABLE wire_bands; ")
#: Version 5 undone (an index made before the document metadata columns).
V5_DOWN = V6_DOWN + (
    "ALTER TABLE articles DROP COLUMN author; ALTER TABLE articles DROP COLUMN url; "
    "ALTER TABLE articles DROP COLUMN language; ALTER TABLE articles DROP COLUMN format; "
    "ALTER TABLE passages DROP COLUMN page; ")


def test_migration_to_v2_counts_what_v1_holds(indexed: Path) -> None:
    """A version-1 index (no ``totals``) is migrated: backed up, and its row counts taken."""
    with IndexDB(indexed) as db:
        want = db.stats()
    conn = sqlite3.connect(indexed)
    conn.executescript(V5_DOWN + "DROP TABLE totals; DROP TABLE uncorrected; "
                       "PRAGMA user_version = 1;")
    conn.close()
    with pytest.raises(IndexUnavailable):  # a reader waits for the writer to migrate
        IndexDB(indexed, readonly=True)
    before = user_data(indexed)
    with IndexDB(indexed) as db:
        assert db.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert db.stats() == want and want["mentions"] > 0
    assert len(list(indexed.parent.glob(f"{indexed.name}.v1-*.bak"))) == 1
    assert user_data(indexed) == before


def test_index_from_a_newer_explorer(indexed: Path) -> None:
    conn = sqlite3.connect(indexed)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(IndexUnavailable) as info:
        IndexDB(indexed)
    assert info.value.reason == "newer"


def test_reading_an_index_not_built_yet(tmp_path: Path) -> None:
    with pytest.raises(IndexUnavailable) as info:
        IndexDB(tmp_path / "none.sqlite", readonly=True)
    assert info.value.reason == "unavailable" and "not built yet" in str(info.value)
    assert not (tmp_path / "none.sqlite").exists()


def test_migration_to_v4_makes_the_timeline_read_one_covering_index(indexed: Path) -> None:
    """A version-3 index gets the reading-order index holding the counts; its timeline and the
    analyst's data are as they were."""
    from explorer.query import Filter

    with IndexDB(indexed) as db:
        want = db.timeline(Filter())
    conn = sqlite3.connect(indexed)
    conn.executescript(V5_DOWN + "DROP INDEX passage_places_by_order; CREATE INDEX "
                       "passage_places_by_order ON passage_places(sortkey, pstart); "
                       "PRAGMA user_version = 3;")
    conn.close()
    before = user_data(indexed)
    with IndexDB(indexed) as db:
        assert db.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        plan = db.conn.execute(
            "EXPLAIN QUERY PLAN SELECT substr(sortkey, 2, 10), SUM(mentions) FROM "
            "passage_places WHERE 1 AND sortkey < '1' GROUP BY sortkey").fetchall()
        assert "COVERING INDEX passage_places_by_order" in str(plan)
        assert db.timeline(Filter()) == want and want
    assert len(list(indexed.parent.glob(f"{indexed.name}.v3-*.bak"))) == 1
    assert user_data(indexed) == before
