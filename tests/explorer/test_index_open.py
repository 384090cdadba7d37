"""Opening an index (issue 21): the kind of failure chosen by SQLite's result code, an index
path that is not a regular file, a corpus folder that is a link loop, a hostile
``user_version``, the one-writer lock through links, a foreign database, a stale ``-wal``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from explorer.indexdb import IndexDB, IndexUnavailable, guarded
from explorer.indexer import Indexer
from gazetteer import Geoparser


@pytest.fixture
def indexed(seeds_copy: Path, tmp_path: Path, world: Geoparser) -> Path:
    path = tmp_path / "index.sqlite"
    Indexer(seeds_copy, path, geoparser=world).run()
    return path


# -- item 1: typed errors ------------------------------------------------------------------


@pytest.mark.parametrize("sql", [
    # FTS5 with detail=none refuses phrases: "fts5: phrase queries are not supported
    # (detail!=full)" was taken for a full disk because of the word "full".
    "SELECT rowid FROM passages_fts WHERE passages_fts MATCH '\"a b\"'",
    "SELECT * FROM fullness",  # "no such table: fullness": a full disk too
    "SELECT nosuch FROM articles",  # a bug, not "rebuild your index"
    "SELECT * FROM locked_rows",  # "no such table: locked_rows": not "locked"
])
def test_an_sql_error_is_a_bug_not_an_unusable_index(indexed: Path, sql: str) -> None:
    with IndexDB(indexed) as db, pytest.raises(sqlite3.OperationalError) as info, \
            guarded(db.path):
        db.conn.execute(sql).fetchall()
    assert info.value.sqlite_errorcode == sqlite3.SQLITE_ERROR


def test_a_constraint_failure_propagates(indexed: Path) -> None:
    with IndexDB(indexed) as db, pytest.raises(sqlite3.IntegrityError), db.transaction():
        db.conn.execute("INSERT INTO articles (id, doc, size, mtime_ns, sha256, title, encoding, "
                        "sortkey, gazetteer) SELECT id, doc, size, mtime_ns, sha256, title, "
                        "encoding, sortkey, gazetteer FROM articles LIMIT 1")


def test_a_folder_that_cannot_hold_the_index_says_so(tmp_path: Path) -> None:
    """SQLITE_CANTOPEN: the message names what the file system says, not "read-only"."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(IndexUnavailable) as info:
        IndexDB(blocker / "sub" / "index.sqlite")  # a folder below a file
    assert info.value.reason in {"read-only", "cannot-open"}
    assert "\n" not in str(info.value)


def test_not_a_database_is_corrupt_by_its_code(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"\x01" * 8192)
    with pytest.raises(IndexUnavailable) as info:
        IndexDB(path, readonly=True)
    assert info.value.reason == "corrupt"
