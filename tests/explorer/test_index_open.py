"""Opening an index (issue 21): the kind of failure chosen by SQLite's result code, an index
path that is not a regular file, a corpus folder that is a link loop, a hostile
``user_version``, the one-writer lock through links, a foreign database, a stale ``-wal``."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

import explorer.cli as cli
from explorer.corpus import CorpusError
from explorer.index.backup import backup
from explorer.index.build import Indexer, writer_lock
from explorer.index.db import IndexDB
from explorer.index.errors import IndexUnavailable, guarded
from explorer.index.location import default_index_path
from explorer.index.rebuild import rebuild
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


# -- items 2 and 3: an index path that is not a regular file (B4, B5, W5) ------------------


#: Seconds a command may take before it counts as blocked (geoparsing the seeds included).
BLOCKED_S = 120


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str,
            unblock: Path | None = None) -> tuple[int, str, str]:
    """``explorer ARGV`` in a thread: a command that blocks fails the test instead of hanging
    it (``unblock``: a FIFO opened for writing afterwards, so the blocked thread ends)."""
    box: dict[str, int] = {}
    t = threading.Thread(target=lambda: box.setdefault("code", cli.main(list(argv))),
                         daemon=True)
    t.start()
    t.join(BLOCKED_S)
    if t.is_alive() and unblock is not None:
        fd = os.open(unblock, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        t.join(30)
    out, err = capsys.readouterr()
    assert "code" in box, f"explorer {' '.join(argv)} blocked"
    return box["code"], out, err


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "data"
    monkeypatch.setenv("EXPLORER_DATA_DIR", str(d))
    return d


@pytest.fixture(params=["fifo", "link"])
def fifo_index(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    fifo = tmp_path / "pipe.sqlite"
    os.mkfifo(fifo)
    if request.param == "fifo":
        return fifo
    link = tmp_path / "link.sqlite"
    link.symlink_to(fifo)
    return link


@pytest.mark.parametrize("command", ["index", "corrections"])
def test_a_fifo_index_is_refused_by_the_commands_that_need_it(
    command: str, fifo_index: Path, seeds_copy: Path, data_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run_cli(capsys, command, str(seeds_copy), "--index", str(fifo_index),
                             unblock=fifo_index)
    assert code == 1 and not out
    assert err.count("\n") == 1 and "named pipe (FIFO), not a regular file" in err
    assert str(fifo_index) in err and "Traceback" not in err
    assert stat.S_ISFIFO(os.stat(fifo_index).st_mode)  # left as it was


@pytest.mark.parametrize("command", ["mentions", "export"])
def test_a_fifo_index_is_said_and_not_used_by_the_commands_that_can_do_without(
    command: str, fifo_index: Path, seeds_copy: Path, data_dir: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    extra = ["--format", "csv", "-o", str(tmp_path / "out.csv")] if command == "export" else []
    code, out, err = run_cli(capsys, command, str(seeds_copy), "--index", str(fifo_index),
                             *extra, unblock=fifo_index)
    assert code == 0 and out
    lines = [ln for ln in err.splitlines() if "index" in ln]
    assert lines == [f"explorer: {fifo_index}: index is "
                     + ("a named pipe (FIFO), not a regular file; not used"
                        if fifo_index.name == "pipe.sqlite" else
                        f"a link to {tmp_path / 'pipe.sqlite'}, a named pipe (FIFO), not a "
                        "regular file; not used")]


def test_an_index_linked_to_dev_zero_is_refused_and_never_copied(
    tmp_path: Path, seeds_copy: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "zero.sqlite"
    link.symlink_to("/dev/zero")
    for readonly in (False, True):
        with pytest.raises(IndexUnavailable) as info:
            IndexDB(link, readonly=readonly)
        assert info.value.reason == "not-a-file"
        assert str(info.value) == (f"{link}: index is a link to /dev/zero, a character device, "
                                   "not a regular file")
    with pytest.raises(IndexUnavailable) as info:  # Rebuild copied /dev/zero to a .bak
        rebuild(link)
    assert info.value.reason == "not-a-file"
    with pytest.raises(IndexUnavailable):
        backup(link, "x", raw=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "zero.sqlite"]
    assert os.readlink(link) == "/dev/zero"
    code, _, err = run_cli(capsys, "index", str(seeds_copy), "--index", str(link))
    assert code == 1 and "character device, not a regular file" in err
    assert "disk I/O error" not in err and "Rebuild" not in err


def test_a_folder_as_index_says_folder_not_read_only(tmp_path: Path) -> None:
    folder = tmp_path / "folder.sqlite"
    folder.mkdir()
    for readonly in (False, True):
        with pytest.raises(IndexUnavailable) as info:
            IndexDB(folder, readonly=readonly)
        assert info.value.reason == "not-a-file"
        assert str(info.value) == f"{folder}: index is a folder, not a regular file"


def test_a_fifo_beside_the_index_is_refused(indexed: Path) -> None:
    """SQLite opens INDEX-wal and INDEX-shm too: a FIFO there blocks it just the same."""
    os.mkfifo(f"{indexed}-wal")
    with pytest.raises(IndexUnavailable) as info:
        IndexDB(indexed, readonly=True)
    assert info.value.reason == "not-a-file"
    assert f"{indexed}-wal beside it is a named pipe (FIFO)" in str(info.value)


def test_a_fifo_lock_file_is_refused(tmp_path: Path) -> None:
    index = tmp_path / "i.sqlite"
    os.mkfifo(f"{index}.lock")
    with pytest.raises(IndexUnavailable) as info, writer_lock(index):
        pass
    assert info.value.reason == "not-a-file"


# -- item 4: a corpus folder that is a symbolic link loop (B13) ----------------------------


@pytest.mark.parametrize("command", [["mentions"], ["index"], ["corrections"],
                                     ["export", "--format", "csv", "-o", "OUT"]])
def test_a_folder_that_is_a_link_loop_is_one_line(
    command: list[str], tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    argv = [a.replace("OUT", str(tmp_path / "out.csv")) for a in command]
    code, out, err = run_cli(capsys, argv[0], str(loop), *argv[1:])
    assert code == 1 and not out
    assert err == f"explorer: {loop}: a symbolic link loop, not a folder\n"
    with pytest.raises(CorpusError, match="symbolic link loop"):
        default_index_path(loop)


# -- item 5: a hostile user_version (B16) --------------------------------------------------


@pytest.mark.parametrize("version", [-1, -2**31])
def test_a_negative_schema_version_is_not_an_index(indexed: Path, version: int,
                                                   capsys: pytest.CaptureFixture[str],
                                                   seeds_copy: Path, data_dir: Path) -> None:
    conn = sqlite3.connect(indexed)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    before = indexed.read_bytes()
    for readonly in (False, True):
        with pytest.raises(IndexUnavailable) as info:  # was KeyError: -1
            IndexDB(indexed, readonly=readonly)
        assert info.value.reason == "foreign"
        assert str(info.value) == (f"{indexed}: index is not an explorer index (its schema "
                                   f"version is {version})")
    assert indexed.read_bytes() == before
    code, _, err = run_cli(capsys, "index", str(seeds_copy), "--index", str(indexed))
    assert code == 1 and "not an explorer index" in err and "Traceback" not in err


# -- item 6: the one-writer lock is the file's, not the spelling's (B18) --------------------


def test_a_second_indexer_through_a_link_is_told_the_index_is_locked(
    tmp_path: Path, seeds_copy: Path, world: Geoparser
) -> None:
    path = tmp_path / "i.sqlite"
    link = tmp_path / "link.sqlite"
    link.symlink_to(path)
    dotted = tmp_path / "sub" / ".." / "i.sqlite"
    (tmp_path / "sub").mkdir()
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
        for other in (link, dotted):
            with pytest.raises(IndexUnavailable) as info:
                Indexer(seeds_copy, other, geoparser=world).run()
            assert info.value.reason == "locked" and "another explorer" in str(info.value)
    finally:
        release.set()
        t.join()
    assert not errors
    with IndexDB(path) as db:
        assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.stats()["articles"] == 5
    assert not link.with_name("link.sqlite.lock").exists()


# -- item 7: a foreign database is left as it was (W3) -------------------------------------


def foreign_db(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        conn.execute("INSERT INTO notes (text) VALUES ('not ours')")
    conn.close()
    return path.read_bytes()


def journal_mode(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("version", [0, 2, 4])
def test_a_foreign_database_is_refused_and_left_as_it_was(
    tmp_path: Path, version: int, seeds_copy: Path, data_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "other.db"
    foreign_db(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    before = path.read_bytes()
    for readonly in (False, True):
        with pytest.raises(IndexUnavailable) as info:
            IndexDB(path, readonly=readonly)
        assert info.value.reason == "foreign" and "not an explorer index" in str(info.value)
    assert journal_mode(path) == "delete"  # was switched to WAL
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "other.db"]
    code, _, err = run_cli(capsys, "index", str(seeds_copy), "--index", str(path))
    assert code == 1 and "not an explorer index" in err
    assert path.read_bytes() == before and journal_mode(path) == "delete"


def test_a_new_index_is_still_made_in_wal_mode(tmp_path: Path) -> None:
    with IndexDB(tmp_path / "new.sqlite") as db:
        assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# -- item 7: a stale -wal from another database (W10) --------------------------------------


def settings_of(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True)  # the file alone
    try:
        return conn.execute("SELECT * FROM settings ORDER BY key").fetchall()
    finally:
        conn.close()


def crashed_copy(source: Path, target: Path, key: str) -> None:
    """``target`` as a writer killed at once after committing setting ``key`` to ``source``
    leaves it: the database file and its -wal (not checkpointed)."""
    db = IndexDB(source)
    db.set_setting(key, "in the log")
    shutil.copy(source, target)
    shutil.copy(f"{source}-wal", f"{target}-wal")
    db.close()


def test_a_log_left_by_a_crash_is_the_index_s_own_and_kept(tmp_path: Path) -> None:
    a, crashed = tmp_path / "a.sqlite", tmp_path / "crashed.sqlite"
    with IndexDB(a) as db:
        db.set_setting("kept", "in the file")
    crashed_copy(a, crashed, "committed")
    with IndexDB(crashed, readonly=True) as db:
        assert db.wal_set_aside is None
        assert db.get_setting("committed") == "in the log"  # kill -9 loses nothing
    with IndexDB(crashed) as db:
        assert db.wal_set_aside is None and db.get_setting("committed") == "in the log"
    assert not list(tmp_path.glob("*.stale-*"))


@pytest.mark.parametrize("readonly", [False, True])
def test_a_log_from_another_index_is_set_aside_not_applied(
    tmp_path: Path, readonly: bool, caplog: pytest.LogCaptureFixture
) -> None:
    a, b, crashed_b = tmp_path / "a.sqlite", tmp_path / "b.sqlite", tmp_path / "cb.sqlite"
    with IndexDB(a) as db:
        db.set_setting("mine", "A's")
    with IndexDB(b) as db:
        db.set_setting("theirs", "B's")
    crashed_copy(b, crashed_b, "late")
    before = a.read_bytes()
    wal = Path(f"{crashed_b}-wal").read_bytes()
    shutil.copy(f"{crashed_b}-wal", f"{a}-wal")  # B's log beside A
    with IndexDB(a, readonly=readonly) as db:
        assert db.get_setting("mine") == "A's"
        assert db.get_setting("theirs") is None and db.get_setting("late") is None
        assert db.wal_set_aside is not None and db.wal_set_aside.read_bytes() == wal
    assert settings_of(a) == [("mine", "A's")]
    if readonly:
        assert a.read_bytes() == before
    assert f"{a}-wal" in caplog.text and "not its own" in caplog.text


def test_a_log_from_a_database_that_is_not_an_index_is_set_aside(tmp_path: Path) -> None:
    a, other = tmp_path / "a.sqlite", tmp_path / "other.db"
    with IndexDB(a) as db:
        db.set_setting("mine", "A's")
    conn = sqlite3.connect(other, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.execute("INSERT INTO notes VALUES ('not ours')")
    shutil.copy(f"{other}-wal", f"{a}-wal")
    conn.close()
    with IndexDB(a) as db:
        assert db.get_setting("mine") == "A's" and db.wal_set_aside is not None
        assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
