"""B15: hostile rows in the corrections table (text where a number belongs, a blob, deeply
nested place JSON) are skipped with a problem naming the row, kept in the table; the other
corrections apply. W1: ``explorer index`` says problems as ``FILE: what is wrong``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import explorer.cli as cli
from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from gazetteer import Geoparser

HOSTILE = [
    ("mention", "000_c1925879e5909a48.txt", "abc", 5, "بيروت", "reject", None),  # text start
    ("corpus", None, None, None, b"\x00\xff", "reject", None),  # a blob surface
    ("corpus", None, None, None, "دمشق", "resolve", "[" * 100_000 + "]" * 100_000),
]


def spoil(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.executemany(
            'INSERT INTO corrections (scope, doc, start, "end", surface, action, place, created) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, 'x')", HOSTILE)
        conn.execute("INSERT INTO corrections (scope, surface, action, created) VALUES "
                     "('corpus', 'بيروت', 'reject', 'x')")  # a good one, after them


def test_hostile_rows_are_said_kept_and_the_rest_applies(
    seeds_copy: Path, tmp_path: Path, world: Geoparser
) -> None:
    db = tmp_path / "i.sqlite"
    Indexer(seeds_copy, db, geoparser=world).run()
    spoil(db)
    for f in seeds_copy.glob("*.txt"):  # changed: geoparsed again, with the corrections
        f.write_text(f.read_text(encoding="utf-8") + "\nوصل الوفد إلى بيروت.\n",
                     encoding="utf-8")
    summary = Indexer(seeds_copy, db, geoparser=world).run()
    assert summary.changed == 5
    said = [str(p) for p in summary.problems]
    for row, why in ((1, "start is text"), (2, "surface is a blob"), (3, "nested too deep")):
        assert any(s.startswith(f"{db}: correction {row} ") and why in s for s in said), said
    with IndexDB(db) as idx:
        assert idx.conn.execute("SELECT COUNT(*) FROM corrections").fetchone()[0] == 4
        assert [c.id for c in idx.corrections()] == [4]
        assert not [m for _, ms in idx.article_mentions() for m in ms if m.text == "بيروت"]
    again = Indexer(seeds_copy, db, geoparser=world).run()  # said again, every run
    assert len([p for p in again.problems if "correction" in p.message]) == 3


def test_cli_corrections_and_index_say_the_rows(
    seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "i.sqlite"
    (seeds_copy / "empty.txt").write_bytes(b"")
    assert cli.main(["index", str(seeds_copy), "--jobs", "1", "--index", str(db)]) == 0
    _out, err = capsys.readouterr()
    # W1: FILE: what is wrong, never a repr.
    assert f"explorer: {seeds_copy / 'empty.txt'}: empty file, skipped\n" in err
    assert "StoredProblem" not in err
    spoil(db)
    assert cli.main(["corrections", str(seeds_copy), "--index", str(db)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("4\t")
    assert err.count("is unreadable, kept but not applied") == 3
    assert "Traceback" not in err
    assert cli.main(["index", str(seeds_copy), "--jobs", "1", "--index", str(db)]) == 0
    _out, err = capsys.readouterr()
    assert err.count("is unreadable, kept but not applied") == 3
    assert "StoredProblem" not in err
