"""An index in a folder that cannot be written (issue 21, B7) is still read, corrections
included: ``corrections`` lists them, ``export`` uses them (from the index, or applied to the
folder's articles when the index is not fresh). Real CLI, real SQLite, a real read-only folder."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import explorer.cli as cli
from explorer.corrections import Correction
from explorer.index.db import IndexDB
from tests.read_only import read_only_folder

SURFACE = "روسيا"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def texts(path: Path) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return [row["text"] for row in csv.DictReader(fh)]


@pytest.fixture
def index(seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "ro" / "i.sqlite"
    assert run(capsys, "index", str(seeds_copy), "--index", str(path), "--jobs", "1")[0] == 0
    with IndexDB(path) as db:
        db.add_correction(Correction("corpus", "reject", SURFACE))
    assert not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()
    return path


def test_read_only_index_lists_and_exports_its_corrections(
    index: Path, seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_csv = tmp_path / "out" / "m.csv"
    with read_only_folder(index.parent):
        code, out, err = run(capsys, "corrections", str(seeds_copy), "--index", str(index))
        assert code == 0, err
        assert SURFACE in out
        code, _, err = run(capsys, "export", str(seeds_copy), "--index", str(index),
                           "--format", "csv", "-o", str(out_csv))
        assert code == 0, err
        rows = texts(out_csv)
        assert rows and SURFACE not in rows  # rejected everywhere by the analyst
        # The folder changed since: it is read again, the stored corrections applied to it.
        article = next(seeds_copy.glob("*.txt"))
        article.write_text(article.read_text(encoding="utf-8") + f"\n\n{SURFACE} مرة أخرى.\n",
                           encoding="utf-8")
        code, _, err = run(capsys, "export", str(seeds_copy), "--index", str(index),
                           "--format", "csv", "-o", str(out_csv))
        assert code == 0, err
        rows = texts(out_csv)
        assert rows and SURFACE not in rows
        assert not list(index.parent.glob("*-shm"))  # nothing was written there


def test_corrections_that_cannot_be_read_are_not_left_out_unsaid(
    index: Path, seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    conn = sqlite3.connect(index)
    conn.execute("PRAGMA user_version = 99")  # a newer explorer's: not read by this one
    conn.close()
    code, _, err = run(capsys, "export", str(seeds_copy), "--index", str(index),
                       "--format", "csv", "-o", str(tmp_path / "m.csv"))
    assert code == 0
    assert "newer explorer" in err and "corrections stored in it are not applied" in err
