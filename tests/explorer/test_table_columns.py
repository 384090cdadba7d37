"""Tables of articles whose columns are not found by name (issue 18, item 1): given with
``--columns text=body,title=headline`` to ``explorer index``, ``mentions`` and ``export``;
a wrong value is one line naming the option. Real files, the real CLI in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from explorer.formats import extract
from explorer.formats.base import FormatError
from explorer.formats.table import give_columns, parse_columns
from explorer.index.db import IndexDB
from tests.conftest import ROOT

CSV = ("corps;manchette;jour;journal\n"
       "\"وصل الوفد إلى بيروت مساء أمس للقاء المسؤولين.\";زيارة بيروت;2024-02-03;النهار\n"
       "\"Le ministre est arrivé à Alger pour deux jours.\";Visite à Alger;2024-02-04;El Watan\n")
COLUMNS = "text=corps,title=manchette,date=jour,outlet=journal"


@pytest.fixture
def given() -> Iterator[None]:
    yield
    give_columns({})


def test_columns_given_are_read(given: None) -> None:
    with pytest.raises(FormatError, match="--columns text="):
        extract("clips.csv", CSV.encode())
    give_columns(parse_columns(COLUMNS))
    rows = extract("clips.csv", CSV.encode())
    assert [(r.title, r.published, r.outlet) for r in rows] == [
        ("زيارة بيروت", "2024-02-03", "النهار"), ("Visite à Alger", "2024-02-04", "El Watan")]
    assert rows[0].text.startswith("زيارة بيروت\n\nوصل الوفد")


def test_a_given_column_comes_before_one_found_by_name(given: None) -> None:
    data = "text,resume\n\"short\",\"وصل الوفد إلى بيروت\"\n".encode()
    assert extract("t.csv", data)[0].text == "short"
    give_columns({"text": "Resume"})  # compared as names are: any case
    assert extract("t.csv", data)[0].text == "وصل الوفد إلى بيروت"


@pytest.mark.parametrize("bad", ["text", "body=corps", "text=", ""])
def test_a_wrong_value_says_why(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_columns(bad)


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "explorer", *args], capture_output=True,
                          text=True, timeout=300, cwd=cwd)


def test_index_mentions_and_export_take_the_option(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "clips.csv").write_text(CSV, encoding="utf-8")
    index = tmp_path / "i.sqlite"
    proc = _cli("index", str(corpus), "--index", str(index), "--jobs", "1", cwd=ROOT)
    assert "no text column" in proc.stdout + proc.stderr
    proc = _cli("index", str(corpus), "--index", str(index), "--jobs", "1",
                "--columns", COLUMNS, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    with IndexDB(index, readonly=True) as db:
        assert db.stats()["articles"] == 2
        assert {i for i, _ in db.article_facets()["outlet"]} == {"النهار", "El Watan"}
    proc = _cli("mentions", str(corpus), "--index", str(index), "--columns", COLUMNS, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    found = {json.loads(line)["text"] for line in proc.stdout.splitlines()}
    assert {"بيروت", "Alger"} <= found
    out = tmp_path / "out.csv"
    proc = _cli("export", str(corpus), "--format", "csv", "-o", str(out), "--index",
                str(index), "--columns", COLUMNS, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "النهار" in out.read_text(encoding="utf-8-sig")
    proc = _cli("export", str(corpus), "--format", "csv", "-o", str(out), "--columns",
                "body=corps", cwd=ROOT)
    assert proc.returncode == 2 and "--columns" in proc.stderr.splitlines()[-1]
