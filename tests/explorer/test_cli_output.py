"""The command line as a shell user meets it: usage errors, odd file names, output that fails."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from explorer import cli
from explorer.corpus import MAX_MAX_BYTES
from tests.conftest import ROOT

ARTICLE = "عنوان الخبر عن سدود المغرب\n\nقالت الوزارة إن السدود في الرباط امتلأت بنسبة الربع.\n"
BAD_NAME = b"bad\xff.txt"


def explorer(*args: str, stdout: int | object = subprocess.PIPE,
             env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "explorer", *args],
                          stdout=stdout,  # type: ignore[arg-type]
                          stderr=subprocess.PIPE, timeout=300, env=full_env)


@pytest.mark.parametrize("value", ["-1", "0", "40000000000", "9223372036854775807", "2MB", ""])
@pytest.mark.parametrize("command", [["mentions", "CORPUS"], ["CORPUS"]])
def test_max_bytes_out_of_range_is_a_usage_error(
    value: str, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main([*command, "--max-bytes", value])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "argument --max-bytes" in err and "Traceback" not in err


def test_max_bytes_bounds() -> None:
    assert cli.max_bytes_arg("1") == 1
    assert cli.max_bytes_arg(str(MAX_MAX_BYTES)) == MAX_MAX_BYTES
    assert cli.max_bytes_arg("20_971_520") == 20_971_520


def test_a_file_name_that_is_not_utf8_gives_valid_utf8_json(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / os.fsdecode(BAD_NAME)).write_text(ARTICLE, encoding="utf-8")
    proc = explorer("mentions", str(corpus), "--max-bytes", str(MAX_MAX_BYTES),
                    env={"PYTHONIOENCODING": "utf-8:strict"})
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    lines = proc.stdout.decode("utf-8").splitlines()  # strict: raises on invalid UTF-8
    assert lines
    for line in lines:
        doc = json.loads(line)["doc"]
        assert os.fsencode(doc) == BAD_NAME  # the escape reads back to the very bytes
    assert '"doc": "bad\\udcff.txt"' in lines[0]


def test_map_html_into_a_place_that_cannot_be_written(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "file").write_text("not a folder")
    for out in (tmp_path / "file" / "map.html", Path("/proc/explorer-no-such/map.html"),
                tmp_path):
        proc = explorer("map", str(corpus), "--html", str(out))
        err = proc.stderr.decode()
        assert proc.returncode == 1, err
        assert err.count("\n") == 1 and err.startswith(f"explorer: {out}: cannot write: "), err
    made = tmp_path / "new" / "deeper" / "map.html"  # a missing folder is created
    proc = explorer("map", str(corpus), "--html", str(made))
    assert proc.returncode == 0 and made.is_file()


def test_screenshot_into_a_place_that_cannot_be_written(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    out = tmp_path / "file" / "shot.png"
    proc = explorer(str(ROOT / "seeds"), "--screenshot", str(out))
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert err == f"explorer: {out}: cannot write: {tmp_path / 'file'} is not a folder\n"


def _big_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(400):  # far more output than a pipe holds
        (corpus / f"{i:03}.txt").write_text(ARTICLE, encoding="utf-8")
    return corpus


def test_mentions_into_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    corpus = _big_corpus(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "explorer", "mentions", str(corpus)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()  # like `| head -n 1`
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=300) == 1
    assert json.loads(first)["doc"] == "000.txt"
    assert err == ""  # no traceback, no "Exception ignored"


@pytest.mark.parametrize("command", ["mentions", "map", "gazetteer"])
def test_output_to_a_full_device_is_one_line(tmp_path: Path, command: str) -> None:
    corpus = _big_corpus(tmp_path)
    args = {"mentions": ["mentions", str(corpus)],
            "map": ["map", str(corpus), "--html", str(tmp_path / "m.html")],
            "gazetteer": ["gazetteer", "names"]}[command]
    with open("/dev/full", "wb") as full:
        proc = explorer(*args, stdout=full)
    assert proc.returncode == 1
    assert proc.stderr.decode() == "explorer: cannot write the output: No space left on device\n"


def test_mentions_read_each_article_with_its_languages_rules(tmp_path: Path) -> None:
    """Issue 19: ``explorer mentions --explain`` (the geoparser, not the index) reads an English
    article with the English rules: the club's town is set aside, the town after "in" stays;
    the Arabic article next to it is read as before."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    english = ("Real Madrid won the match in Madrid on Sunday, and the club said that it was "
               "the best result of the season for the team.\n")
    (corpus / "en.txt").write_text(english, encoding="utf-8")
    (corpus / "ar.txt").write_text(ARTICLE, encoding="utf-8")
    env = {"EXPLORER_CACHE_DIR": str(tmp_path / "cache")}
    proc = explorer("mentions", "--explain", str(corpus), env=env)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    rows = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    en = [(r["start"], r["type"], r.get("rule")) for r in rows
          if r["doc"] == "en.txt" and r["text"] == "Madrid"]
    assert en == [(5, "rejected", "club"), (english.index("in Madrid") + 3, "toponym", None)]
    assert {r["text"] for r in rows if r["doc"] == "ar.txt" and r["type"] != "rejected"} \
        >= {"الرباط"}
