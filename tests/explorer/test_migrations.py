"""A migration that fails (issue 21, W2): the file is copied once per failing version, not at
every attempt, and the message says in words what could not be done. Real SQLite."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from explorer.index.db import IndexDB
from explorer.index.errors import IndexUnavailable
from explorer.index.rebuild import rebuild_index


def v1_index_with_totals(path: Path) -> None:
    """A version-1 index that already holds the table version 2 makes."""
    with IndexDB(path) as db, db.transaction():
        db.conn.execute("INSERT INTO corrections (scope, surface, action, created) VALUES "
                        "('corpus', 'حلب', 'reject', 'now')")
    conn = sqlite3.connect(path)
    conn.executescript("DROP TABLE uncorrected; PRAGMA user_version = 1;")
    conn.close()


def test_a_failing_migration_is_backed_up_once_and_said_in_words(tmp_path: Path) -> None:
    path = tmp_path / "i.sqlite"
    v1_index_with_totals(path)
    messages = []
    for _ in range(3):
        with pytest.raises(IndexUnavailable) as info:
            IndexDB(path)
        messages.append(str(info.value))
    backups = list(tmp_path.glob("i.sqlite.v1-*.bak"))
    assert len(backups) == 1
    msg = messages[-1]
    assert "\n" not in msg
    assert "could not be brought up to date from version 1 to 2" in msg
    assert "table totals already exists" in msg and str(backups[0]) in msg
    assert "left as it was" in msg
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    # What the message offers: a rebuild, the correction carried.
    done = rebuild_index(path)
    assert done.complete and [t.carried for t in done.tables] == [1, 0]
    with IndexDB(path) as db:
        assert [c.surface for c in db.corrections()] == ["حلب"]


def test_a_changed_file_is_backed_up_again(tmp_path: Path) -> None:
    path = tmp_path / "i.sqlite"
    v1_index_with_totals(path)
    with pytest.raises(IndexUnavailable):
        IndexDB(path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO settings VALUES ('filter', '{}')")
    conn.close()
    with pytest.raises(IndexUnavailable):
        IndexDB(path)
    assert len(list(tmp_path.glob("i.sqlite.v1-*.bak"))) == 2
