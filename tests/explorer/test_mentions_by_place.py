"""The mentions of a place by passage (schema 7, ``mentions_by_place``; issues 17 and 20): a
filter counting demonyms or asking a confidence reads a place's passages and the places
mentioned with it from one index range, not from a scan of every mention. Real SQLite, the
seed articles indexed by the real geoparser."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from explorer.index import schema
from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from explorer.index.errors import IndexUnavailable
from explorer.query import ALL_TYPES, Filter
from gazetteer import Geoparser
from tests.explorer.test_index_failures import V7_DOWN, add_user_data, user_data

#: Filters only the mentions table answers (``Where.by_mention``), with the other conditions a
#: place's passages may carry: countries, words, one article, dates, outlets.
BY_MENTION = (
    Filter(types=ALL_TYPES),
    Filter(min_confidence=0.5),
    Filter(types=ALL_TYPES, countries=frozenset({"EG", "SY"}), text="مصر"),
    Filter(min_confidence=0.3, date_from="2000-01-01", date_to="2030-12-31"),
    Filter(types=ALL_TYPES, outlets=frozenset({"x"}), once=True),
)


@pytest.fixture
def indexed(seeds_copy: Path, tmp_path: Path, world: Geoparser) -> Path:
    """The seed articles indexed, with a correction and a saved filter."""
    path = tmp_path / "index.sqlite"
    Indexer(seeds_copy, path, geoparser=world).run()
    add_user_data(path)
    return path


def _place(db: IndexDB) -> str:
    """The place most mentioned, demonyms counted."""
    return db.places(Filter(types=ALL_TYPES))[0].place.id


def _answers(db: IndexDB, place_id: str) -> list[Any]:
    out: list[Any] = []
    for f in BY_MENTION:
        out += [db.count_passages(f, place_id), db.passages(f, place_id, 0, 20),
                db.mentioned_with(f, place_id, 10)]
    return out


def test_a_version_6_index_gets_the_index_keeping_user_data(indexed: Path) -> None:
    """An index as the previous schema made it: opened for writing, it is backed up, given
    the index and answers as before; the corrections and the saved filter are kept."""
    with IndexDB(indexed) as db:
        pid = _place(db)
        want = _answers(db, pid)
    assert any(want[0::3]), "the place has passages under the filters"
    conn = sqlite3.connect(indexed)
    conn.executescript(V7_DOWN + "PRAGMA user_version = 6;")
    conn.close()
    with pytest.raises(IndexUnavailable):  # a reader waits for the writer to migrate
        IndexDB(indexed, readonly=True)
    before = user_data(indexed)
    with IndexDB(indexed) as db:
        assert db.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert db.conn.execute("SELECT sql FROM sqlite_master WHERE name = "
                               "'mentions_by_place'").fetchone() is not None
        assert _answers(db, pid) == want
    backups = list(indexed.parent.glob(f"{indexed.name}.v6-*.bak"))
    assert len(backups) == 1
    assert user_data(indexed) == before and user_data(backups[0]) == before
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == 6
    assert old.execute("SELECT 1 FROM sqlite_master WHERE name = 'mentions_by_place'"
                       ).fetchone() is None
    old.close()


def test_every_by_mention_query_of_a_place_uses_the_index(indexed: Path) -> None:
    """The statements the reader runs for a place under filters that read ``mentions``: each
    one asking for the place's mentions searches ``mentions_by_place``, none scans the
    table."""
    with IndexDB(indexed) as db:
        pid = _place(db)
        for f in BY_MENTION:
            said: list[str] = []
            db.conn.set_trace_callback(said.append)
            try:
                db.count_passages(f, pid)
                db.passages(f, pid, 0, 20)
                db.mentioned_with(f, pid, 10)
            finally:
                db.conn.set_trace_callback(None)
            of_place = [s for s in said if f"m.place_id = '{pid}'" in s]
            assert len(of_place) == 3, (f, said)  # count, page, places mentioned with it
            for sql in said:
                if not sql.startswith(("SELECT", "WITH")):
                    continue  # PRAGMA data_version
                plan = " | ".join(r[3] for r in db.conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
                assert "SCAN m " not in f"{plan} " and "SCAN mentions" not in plan, (f, plan)
                if sql in of_place:
                    assert "SEARCH m USING COVERING INDEX mentions_by_place (place_id=?" \
                        in plan, (f, sql, plan)
