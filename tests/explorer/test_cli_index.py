"""``explorer index`` and the commands that read a fresh index instead of geoparsing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import explorer.cli as cli
from explorer.index.location import default_index_path
from tests.conftest import ROOT
from tests.explorer.conftest import copy_seeds

NEW_ARTICLE = "زيارة رسمية\n\nوصل وزير الخارجية الفرنسي إلى بيروت صباح اليوم في زيارة.\n"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "data"
    monkeypatch.setenv("EXPLORER_DATA_DIR", str(d))
    return d


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_index_then_mentions_from_the_index_byte_identical(
    seeds_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = str(seeds_copy)
    _, plain, _ = run(capsys, "mentions", corpus, "--explain")
    _, plain_short, _ = run(capsys, "mentions", corpus)
    code, out, _err = run(capsys, "index", corpus, "--jobs", "1")
    assert code == 0 and "indexed: 5 new, 0 changed, 0 deleted, 0 unchanged" in out
    assert str(default_index_path(seeds_copy)) in out
    code, out, _ = run(capsys, "index", corpus, "--jobs", "1")
    assert code == 0 and "0 new, 0 changed, 0 deleted, 5 unchanged" in out

    def no_geoparsing(args: object) -> int:
        raise AssertionError("geoparsed although the index is fresh")

    monkeypatch.setattr(cli, "_mentions", no_geoparsing)
    assert run(capsys, "mentions", corpus)[1] == plain_short
    monkeypatch.undo()
    # --explain also lists the names set aside, which the index does not keep: it geoparses.
    assert run(capsys, "mentions", corpus, "--explain")[1] == plain

    # A changed folder: the index is not fresh, the folder is read again.
    (seeds_copy / "new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    code, out, _ = run(capsys, "mentions", corpus)
    assert code == 0 and '"doc": "new.txt"' in out


def test_index_option_and_map_from_index(
    seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index = tmp_path / "mine.sqlite"
    assert run(capsys, "index", str(seeds_copy), "--jobs", "2", "--index", str(index))[0] == 0
    assert index.exists()
    html = tmp_path / "map.html"
    code, _out, _ = run(capsys, "map", str(seeds_copy), "--html", str(html), "--index", str(index))
    assert code == 0 and html.read_text(encoding="utf-8").count('"id":"gn:') > 5
    # the page has its heading and each place's passages (issue 17 item 5)
    from tests.hostile import page_document

    doc = page_document(html.read_text(encoding="utf-8"))
    assert doc["title"] == f"Places mentioned in {seeds_copy.name}" and doc["filter"] == []
    assert len(doc["passages"]) > 5 and all(e["items"] for _, e in doc["passages"][:5])


def test_damaged_index_is_one_line_not_a_traceback(
    seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index = tmp_path / "bad.sqlite"
    index.write_bytes(b"this is not a database" * 100)
    code, out, err = run(capsys, "index", str(seeds_copy), "--index", str(index))
    assert code == 1 and out == ""
    assert err.strip().splitlines() == [f"explorer: {index}: index is damaged (not a valid "
                                        "SQLite database)"]
    # mentions does not need the index: it reads the folder.
    code, out, _ = run(capsys, "mentions", str(seeds_copy), "--index", str(index))
    assert code == 0 and out.count("\n") > 100


def test_ctrl_c_keeps_what_was_indexed(tmp_path: Path) -> None:
    corpus = copy_seeds(tmp_path / "c", copies=4)
    index = tmp_path / "i.sqlite"
    env = {**os.environ, "EXPLORER_DATA_DIR": str(tmp_path / "data")}
    code = ("import sys, time\n"
            "import explorer.index.build as ix\n"
            "real = ix.parse_task\n"
            "def slow(*a):\n"
            "    time.sleep(0.2)\n"
            "    return real(*a)\n"
            "ix.parse_task = slow\n"
            "ix.BATCH_SECONDS = 0.1\n"
            "from explorer.cli import main\n"
            "sys.exit(main(sys.argv[1:]))\n")
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "index", str(corpus), "--jobs", "2", "--index", str(index)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    t0 = time.monotonic()
    while time.monotonic() - t0 < 60:
        if index.exists() and _articles(index) >= 2:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, (out, err)
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == (
        "explorer: interrupted: what was indexed is kept; run again to finish")
    done = _articles(index)
    assert 2 <= done < 20
    resumed = subprocess.run(
        [sys.executable, "-m", "explorer", "index", str(corpus), "--index", str(index)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert f"{20 - done} new" in resumed.stdout and f"{done} unchanged" in resumed.stdout


def _articles(index: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{index}?mode=ro", uri=True)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0
