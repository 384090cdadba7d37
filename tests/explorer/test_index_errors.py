"""The index's typed failures (``explorer.index.errors``), each made by the real condition:
another connection holding the write lock, a read-only connection, garbage bytes, a newer
schema, no file, a database that cannot grow; and a bug (bad SQL) that stays a bug."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from explorer.index import connection, schema
from explorer.index.db import IndexDB
from explorer.index.errors import (
    IndexCorrupt,
    IndexFull,
    IndexLocked,
    IndexMissing,
    IndexNewer,
    IndexReadOnly,
    IndexUnavailable,
    classify,
    guarded,
)


@pytest.fixture
def index(tmp_path: Path) -> Path:
    path = tmp_path / "index.sqlite"
    IndexDB(path).close()
    return path


def test_a_write_lock_held_by_another_connection_is_locked(
    index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_S", 0.1)
    other = sqlite3.connect(index, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO settings VALUES ('held', 'by the other')")
        with IndexDB(index) as db, pytest.raises(IndexLocked) as caught:
            db.set_setting("filter", "{}")
    finally:
        other.close()
    assert caught.value.reason == "locked"
    assert str(caught.value).startswith(f"{index}: index is locked")


def test_writing_through_a_read_only_connection_is_read_only(index: Path) -> None:
    # mode=ro is SQLite's own refusal: it holds for root too (no chmod to defeat).
    with IndexDB(index, readonly=True) as db, pytest.raises(IndexReadOnly) as caught:
        db.set_setting("filter", "{}")
    assert caught.value.reason == "read-only"
    with IndexDB(index, readonly=True) as db:
        assert db.get_setting("filter") is None


@pytest.mark.parametrize("readonly", [True, False])
def test_garbage_bytes_are_corrupt(tmp_path: Path, readonly: bool) -> None:
    path = tmp_path / "index.sqlite"
    garbage = bytes(range(256)) * 64
    path.write_bytes(garbage)
    with pytest.raises(IndexCorrupt) as caught:
        IndexDB(path, readonly=readonly)
    assert caught.value.reason == "corrupt"
    assert "damaged" in str(caught.value)
    assert path.read_bytes() == garbage  # left as it was


def test_damaged_pages_of_a_real_index_are_corrupt(index: Path) -> None:
    with IndexDB(index) as db:  # rows over several pages, then pages overwritten
        db.set_setting("filler", "x" * 50_000)
    conn = sqlite3.connect(index)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(index.read_bytes())
    page = 4096
    data[page:] = b"\xff" * (len(data) - page)
    index.write_bytes(bytes(data))
    with pytest.raises(IndexCorrupt), IndexDB(index, readonly=True) as db:
        db.stats()


@pytest.mark.parametrize("readonly", [True, False])
def test_a_newer_schema_is_newer(index: Path, readonly: bool) -> None:
    conn = sqlite3.connect(index)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(IndexNewer) as caught:
        IndexDB(index, readonly=readonly)
    assert caught.value.reason == "newer"
    assert "newer explorer" in str(caught.value)


def test_no_file_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "none.sqlite"
    with pytest.raises(IndexMissing) as caught:
        IndexDB(path, readonly=True)
    assert caught.value.reason == "unavailable"
    assert str(caught.value) == f"{path}: index is not built yet"
    assert not path.exists()


def test_an_empty_database_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    sqlite3.connect(path).close()  # a file SQLite made, version 0, no tables
    with pytest.raises(IndexMissing):
        IndexDB(path, readonly=True)


def test_a_database_that_cannot_grow_is_full(index: Path) -> None:
    with IndexDB(index) as db:
        pages = db.conn.execute("PRAGMA page_count").fetchone()[0]
        db.conn.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(IndexFull) as caught:
            db.set_setting("filter", "x" * 200_000)
        assert caught.value.reason == "full"
        assert db.get_setting("filter") is None  # the transaction was rolled back


def test_bad_sql_is_a_bug_not_an_unavailable_index(index: Path) -> None:
    with IndexDB(index) as db:
        with pytest.raises(sqlite3.OperationalError) as syntax, db.transaction():
            db.conn.execute("SELEC 1")
        with pytest.raises(sqlite3.OperationalError) as column, guarded(index):
            db.conn.execute("SELECT no_such_column FROM articles")
        assert not db.conn.in_transaction
    for caught in (syntax, column):
        assert not isinstance(caught.value, IndexUnavailable)
        assert classify(index, caught.value) is None
    assert "syntax error" in str(syntax.value)
    assert "no such column" in str(column.value)


def test_a_misused_connection_is_a_bug(index: Path) -> None:
    db = IndexDB(index)
    db.close()
    with pytest.raises(sqlite3.ProgrammingError) as caught:
        db.get_meta("index_id")
    assert not isinstance(caught.value, IndexUnavailable)
