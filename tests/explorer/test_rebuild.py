"""Rebuilding an index (issue 21, B8): the live file is replaced only by a whole new one, the
analyst's corrections and settings are carried and checked, and what cannot be carried is
said, with the backup that still holds it. Real SQLite, real files."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from explorer.index import schema
from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from explorer.index.errors import IndexUnavailable
from explorer.index.rebuild import damage, rebuild_index
from gazetteer import Geoparser

ROWS = [("mention", "a.txt", 10, 15, "عمان", "resolve", "gn:250441", None, None, "", "now"),
        ("article", "b.txt", None, None, "دمشق", "reject", None, None, None, "n", "now"),
        ("corpus", None, None, None, "حلب", "reject", None, None, None, "", "now")]
FILTER = '{"countries": ["SY"]}'


def add_user_data(path: Path) -> None:
    with IndexDB(path) as db, db.transaction():
        db.conn.executemany(
            'INSERT INTO corrections (scope, doc, start, "end", surface, action, place_id, '
            "place, sha256, note, created) VALUES (?,?,?,?,?,?,?,?,?,?,?)", ROWS)
        db.conn.execute("INSERT INTO settings VALUES ('filter', ?)", (FILTER,))


def user_data(path: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        corr = conn.execute('SELECT scope, doc, start, "end", surface, action, place_id, place, '
                            "sha256, note, created FROM corrections ORDER BY id").fetchall()
        return corr, conn.execute("SELECT * FROM settings").fetchall()
    finally:
        conn.close()


@pytest.fixture
def indexed(seeds_copy: Path, tmp_path: Path, world: Geoparser) -> Path:
    path = tmp_path / "index.sqlite"
    Indexer(seeds_copy, path, geoparser=world).run()
    add_user_data(path)
    with IndexDB(path) as db:
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def newer_corrections_schema(path: Path) -> None:
    """What a newer explorer may have made: a column this one does not know."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("ALTER TABLE corrections ADD COLUMN author TEXT NOT NULL DEFAULT 'ana'")
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()


def test_newer_corrections_schema_rebuilds_once_with_every_correction(indexed: Path) -> None:
    newer_corrections_schema(indexed)
    with pytest.raises(IndexUnavailable) as info:
        IndexDB(indexed)
    assert info.value.reason == "newer"
    done = rebuild_index(indexed)
    assert user_data(indexed) == (ROWS, [("filter", FILTER)])
    assert [(t.table, t.found, t.carried) for t in done.tables] == [
        ("corrections", 3, 3), ("settings", 1, 1)]
    # The one column this explorer cannot hold is said, and is in the backup.
    assert not done.complete
    said = " ".join(done.lines())
    assert "author" in said and str(done.backup) in said
    assert done.backup is not None
    conn = sqlite3.connect(done.backup)
    assert conn.execute("SELECT author FROM corrections").fetchall() == [("ana",)] * 3
    conn.close()
    again = rebuild_index(indexed)  # a second rebuild carries the same three
    assert again.complete and user_data(indexed) == (ROWS, [("filter", FILTER)])


def test_a_failing_rebuild_leaves_the_live_index_as_it_was(
    indexed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The new file is built beside: a failure while building it changes nothing."""
    before = indexed.read_bytes()
    monkeypatch.setitem(schema.MIGRATIONS, 0, schema.MIGRATIONS[0] + "\nSELECT * FROM nowhere;")
    with pytest.raises(IndexUnavailable) as info:
        rebuild_index(indexed)
    assert "unchanged" in str(info.value)
    assert indexed.read_bytes() == before
    assert user_data(indexed) == (ROWS, [("filter", FILTER)])
    assert [p.name for p in indexed.parent.iterdir() if "rebuild" in p.name] == []


def _wreck_root_page(path: Path, table: str) -> None:
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * size)
        fh.write(b"\xff" * size)


def test_damaged_corrections_root_page_is_said_and_the_filter_carried(indexed: Path) -> None:
    _wreck_root_page(indexed, "corrections")
    damaged = indexed.read_bytes()
    done = rebuild_index(indexed)
    by_table = {t.table: t for t in done.tables}
    assert by_table["settings"].problem is None and by_table["settings"].carried == 1
    assert user_data(indexed) == ([], [("filter", FILTER)])  # the saved filter survives
    assert not done.complete
    (line,) = done.lines()
    assert "corrections could not be read" in line and str(done.backup) in line
    assert done.backup is not None and done.backup.read_bytes() == damaged  # kept as it was


def test_rebuild_keeps_the_old_file_whole_as_the_backup(indexed: Path) -> None:
    before = indexed.read_bytes()
    done = rebuild_index(indexed)
    assert done.complete and done.backup is not None
    assert done.backup.read_bytes() == before
    assert user_data(indexed) == (ROWS, [("filter", FILTER)])
    with IndexDB(indexed) as db:
        assert db.stats()["articles"] == 0
    assert "3 of 3 corrections" in done.summary()


def test_uncheckpointed_transactions_go_with_the_backup(indexed: Path) -> None:
    """The old file's ``-wal`` belongs to it: it goes with the backup, never applied to the
    new file."""
    writer = sqlite3.connect(indexed)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    with writer:
        writer.execute("INSERT INTO settings VALUES ('late', 'in the wal only')")
    try:
        assert os.path.getsize(f"{indexed}-wal") > 0
        done = rebuild_index(indexed)
    finally:
        writer.close()
    assert ("late", "in the wal only") in user_data(indexed)[1]
    with IndexDB(indexed) as db:
        assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert done.backup is not None


def test_damage_is_found_by_quick_check(indexed: Path) -> None:
    assert damage(indexed) is None
    conn = sqlite3.connect(indexed)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'mentions'").fetchone()[0]
    conn.close()
    with open(indexed, "r+b") as fh:
        fh.seek((root - 1) * 4096)
        fh.write(b"\x0d" + os.urandom(4095))
    assert damage(indexed) is not None


def test_a_device_is_never_rebuilt(tmp_path: Path) -> None:
    link = tmp_path / "i.sqlite"
    link.symlink_to("/dev/zero")
    with pytest.raises(IndexUnavailable) as info:
        rebuild_index(link)
    assert "not a regular file" in str(info.value)
    assert [p.name for p in tmp_path.iterdir()] == ["i.sqlite"]


def test_a_file_that_is_no_database_has_nothing_to_carry(tmp_path: Path) -> None:
    path = tmp_path / "i.sqlite"
    path.write_bytes(b"this is not an SQLite database at all" * 100)
    done = rebuild_index(path)
    assert done.complete and done.backup is not None
    assert done.backup.read_bytes().startswith(b"this is not")
    assert user_data(path) == ([], [])


def test_values_sqlite_converts_are_carried_and_verified(tmp_path: Path) -> None:
    """A start offset a newer explorer stored as the text '12' (its column untyped): the new
    file stores 12; the check compares what was stored, and the rebuild goes through."""
    path = tmp_path / "i.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(
        "CREATE TABLE corrections (id INTEGER PRIMARY KEY, scope, doc, start, \"end\", surface, "
        "action, created); CREATE TABLE settings (key, value);"
        "INSERT INTO corrections VALUES (1, 'mention', 'a.txt', '12', '15', 'عمان', 'reject', "
        "'now'); INSERT INTO settings VALUES ('filter', '{}'); PRAGMA user_version = 99;")
    conn.close()
    done = rebuild_index(path)
    assert done.complete, done.lines()
    conn = sqlite3.connect(path)
    assert conn.execute('SELECT start, "end" FROM corrections').fetchall() == [(12, 15)]
    conn.close()


def test_corrections_partly_readable_are_carried_and_the_rest_said(tmp_path: Path) -> None:
    """A table spanning several pages, one of them damaged: what can be read is carried, and
    the message says the rest could not be read, and where it is."""
    path = tmp_path / "i.sqlite"
    with IndexDB(path) as db, db.transaction():
        db.conn.executemany("INSERT INTO corrections (scope, surface, action, note, created) "
                            "VALUES ('corpus', ?, 'reject', ?, 'now')",
                            [(f"name{k}", "x" * 400) for k in range(200)])
    with IndexDB(path) as db:
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'corrections'"
                        ).fetchone()[0]
    # The root is an interior page; its last child is a leaf holding the last rows.
    last = conn.execute("SELECT MAX(pageno) FROM dbstat WHERE name = 'corrections' "
                        "AND pagetype = 'leaf'").fetchone()[0] if _has_dbstat(conn) else None
    conn.close()
    if last is None:
        pytest.skip("SQLite without dbstat here")
    with open(path, "r+b") as fh:
        fh.seek((last - 1) * 4096)
        fh.write(b"\xff" * 4096)
    assert root != last
    done = rebuild_index(path)
    (t, _settings) = done.tables
    assert t.found is None and 0 < t.carried < 200
    (line,) = done.lines()
    assert f"{t.carried} corrections carried" in line and "the rest could not be read" in line
    assert str(done.backup) in line


def _has_dbstat(conn: sqlite3.Connection) -> bool:
    try:
        conn.execute("SELECT 1 FROM dbstat LIMIT 1")
    except sqlite3.Error:
        return False
    return True


def test_the_rebuilt_file_keeps_the_old_permissions(indexed: Path) -> None:
    indexed.chmod(0o640)
    rebuild_index(indexed)
    assert indexed.stat().st_mode & 0o777 == 0o640
