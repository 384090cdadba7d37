"""``explorer index --rebuild``, damaged pages of an unchanged index (issue 21, B6), and an
index from an older explorer on the command line (W4). Real CLI, real SQLite, real files."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

import explorer.cli as cli
from explorer.index.db import IndexDB
from tests.explorer.test_index_failures import V5_DOWN

ROWS = [("corpus", None, None, None, "حلب", "reject", None, None, None, "", "now"),
        ("corpus", None, None, None, "دمشق", "reject", None, None, None, "", "now"),
        ("corpus", None, None, None, "بيروت", "reject", None, None, None, "", "now")]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def corrections(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT surface FROM corrections ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture
def index(seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "i.sqlite"
    code, _, err = run(capsys, "index", str(seeds_copy), "--index", str(path), "--jobs", "1")
    assert code == 0, err
    with IndexDB(path) as db, db.transaction():
        db.conn.executemany(
            'INSERT INTO corrections (scope, doc, start, "end", surface, action, place_id, '
            "place, sha256, note, created) VALUES (?,?,?,?,?,?,?,?,?,?,?)", ROWS)
        db.conn.execute("INSERT INTO settings VALUES ('filter', '{\"countries\": [\"SY\"]}')")
    with IndexDB(path) as db:
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def wreck(path: Path, tables: tuple[str, ...]) -> None:
    """Random bytes over the root pages of ``tables`` (the file's stat changes; the corpus'
    does not: the index is still "fresh" by stat)."""
    conn = sqlite3.connect(path)
    roots = [conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (t,)).fetchone()[0]
             for t in tables]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as fh:
        for root in roots:
            fh.seek((root - 1) * size)
            fh.write(b"\x0d" + os.urandom(size - 1))


def test_damaged_pages_one_line_then_index_rebuilds_keeping_corrections(
    index: Path, seeds_copy: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    corpus = str(seeds_copy)
    wreck(index, ("mentions", "passage_places", "places", "place_stats"))
    for argv in (("export", corpus, "--index", str(index), "--format", "csv",
                  "-o", str(tmp_path / "out.csv")),
                 ("mentions", corpus, "--index", str(index), "--jobs", "1")):
        code, _, err = run(capsys, *argv)
        assert code == 1, argv
        assert err.count("\n") == 1 and "damaged" in err and "--rebuild" in err, err
    code, out, err = run(capsys, "index", corpus, "--index", str(index), "--jobs", "1")
    assert code == 0, err
    assert "index is damaged" in err and "3 of 3 corrections" in err
    assert "5 new" in out
    assert corrections(index) == ["حلب", "دمشق", "بيروت"]
    assert list(tmp_path.glob("i.sqlite.rebuild-*.bak"))
    code, out, _ = run(capsys, "mentions", corpus, "--index", str(index), "--jobs", "1")
    assert code == 0 and out.count("\n") > 100


def test_index_rebuild_option(index: Path, seeds_copy: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "index", str(seeds_copy), "--index", str(index), "--jobs",
                         "1", "--rebuild")
    assert code == 0, err
    assert "5 new" in out and "3 of 3 corrections, 1 of 1 settings carried" in err
    assert corrections(index) == ["حلب", "دمشق", "بيروت"]
    with IndexDB(index) as db:
        assert db.get_setting("filter") == '{"countries": ["SY"]}'


def test_corrections_of_an_older_index(index: Path, seeds_copy: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    """An index of an older explorer is brought up to date (after a backup), then listed."""
    conn = sqlite3.connect(index)
    conn.executescript(V5_DOWN + "DROP INDEX passage_places_by_order; CREATE INDEX "
                       "passage_places_by_order ON passage_places(sortkey, pstart); "
                       "PRAGMA user_version = 3;")
    conn.close()
    code, out, err = run(capsys, "corrections", str(seeds_copy), "--index", str(index))
    assert code == 0, err
    assert "not built yet" not in err
    assert ["حلب" in out, "دمشق" in out, "بيروت" in out] == [True] * 3
    assert list(index.parent.glob("i.sqlite.v3-*.bak"))


def test_an_index_left_checked_is_not_read_whole_again(
    seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """quick_check reads the whole file (3-5 s per GB cached): only when the file changed
    since an explorer left it checked."""
    import explorer.index.rebuild as rebuild

    path = tmp_path / "i.sqlite"
    argv = ("index", str(seeds_copy), "--index", str(path), "--jobs", "1")
    assert run(capsys, *argv)[0] == 0
    checks: list[Path] = []
    real = rebuild.damage
    monkeypatch.setattr(rebuild, "damage", lambda p: checks.append(p) or real(p))
    assert run(capsys, *argv)[0] == 0
    assert checks == []
    wreck(path, ("mentions",))
    code, _, err = run(capsys, *argv)
    assert code == 0 and checks == [path] and "index is damaged" in err
