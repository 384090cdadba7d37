"""Hostile gazetteer files are refused quickly, cheaply and in one line naming FILE:LINE."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from gazetteer.loader import load_files
from tests.conftest import ROOT

HEAD = "format: explorer-gazetteer/1\n"
PLACE = "{id: x, kind: city, name: Xville, country: XX, lat: 1, lon: 2}"

# A "billion laughs": nine levels of nine aliases, 9**9 strings once expanded, ~400 bytes.
LAUGHS = "".join(
    f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9) if i else ', '.join(['lol'] * 9)}]\n"
    for i in range(9)
)
BOMBS = {
    "format": f"{LAUGHS}format: *l8\nplaces: []\n",
    "place": f"{HEAD}{LAUGHS}places: [*l8]\n",
    "lat": f"{HEAD}{LAUGHS}places:\n  - {{id: x, kind: city, name: X, country: XX, lat: *l8,"
           " lon: 2}\n",
    "kind": f"{HEAD}{LAUGHS}places:\n  - {{id: x, kind: *l8, name: X, country: XX, lat: 1,"
            " lon: 2}\n",
}

# Load in a child process with a memory ceiling: an unbounded expansion fails there, not here.
CHILD = """
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
from pathlib import Path
from gazetteer.loader import load_files
t = time.perf_counter()
errors = [str(e) for e in load_files([Path(sys.argv[1])]).errors]
took = time.perf_counter() - t
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"errors": errors, "seconds": took, "rss_mb": rss_mb}))
"""


def load_in_child(path: Path) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True,
                          text=True, timeout=60, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    result: dict[str, object] = json.loads(proc.stdout)
    return result


@pytest.mark.parametrize("where", sorted(BOMBS))
def test_alias_bombs_are_refused_fast_and_small(tmp_path: Path, where: str) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(BOMBS[where], encoding="utf-8")
    assert len(BOMBS[where].encode()) < 600
    result = load_in_child(path)
    [error] = result["errors"]  # type: ignore[misc]
    assert error.startswith(f"{path}:")
    line = error[len(str(path)) + 1:].split(":", 1)[0]
    assert line.isdigit() and 1 <= int(line) <= BOMBS[where].count("\n")
    assert "alias" in error and len(error) < 300
    assert result["seconds"] < 5  # type: ignore[operator]  # generous: it takes milliseconds
    assert result["rss_mb"] < 400  # type: ignore[operator]


def test_a_recursive_alias_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "loop.yaml"
    path.write_text(f"{HEAD}places: &p [*p]\n", encoding="utf-8")
    [error] = load_files([path]).errors
    assert str(error).startswith(f"{path}:") and "alias" in str(error)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("lat", "[" + ", ".join(["a very long string indeed"] * 5000) + "]"),
        ("kind", "'" + "k" * 100_000 + "'"),
        ("lat", "1" * 5000),  # an integer too long to print
        ("population", "-" + "9" * 5000),
        ("capital", "{" + ", ".join(f"k{i}: v" for i in range(5000)) + "}"),
    ],
)
def test_every_message_is_bounded(tmp_path: Path, field: str, value: str) -> None:
    path = tmp_path / "big.yaml"
    fields = {"id": "x", "kind": "city", "name": "X", "country": "XX", "lat": "1", "lon": "2"}
    fields[field] = value
    body = ", ".join(f"{k}: {v}" for k, v in fields.items())
    path.write_text(f"{HEAD}places:\n  - {{{body}}}\n", encoding="utf-8")
    [error] = load_files([path]).errors
    assert str(error).startswith(f"{path}:3: ")
    assert field in str(error) or "too many digits" in str(error)
    assert len(str(error)) < 300 and "\n" not in str(error)


def test_unknown_fields_and_ids_are_bounded_in_messages(tmp_path: Path) -> None:
    path = tmp_path / "keys.yaml"
    keys = ", ".join(f"{'u' * 1000}{i}: 1" for i in range(100))
    path.write_text(f"{HEAD}places:\n  - {{id: {'i' * 100_000}, {keys}}}\n", encoding="utf-8")
    [error] = load_files([path]).errors
    assert str(error).startswith(f"{path}:3: ") and len(str(error)) < 600


def _load_with_deadline(path: Path) -> list[str]:
    out: list[list[str]] = []
    reader = threading.Thread(target=lambda: out.append(
        [str(e) for e in load_files([path]).errors]), daemon=True)
    reader.start()
    reader.join(10)
    if reader.is_alive():
        if path.is_fifo():  # unblock the reader before failing
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail(f"loading {path} did not return")
    return out[0]


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "places.yaml"
    os.mkfifo(fifo)
    [error] = _load_with_deadline(fifo)
    assert error == f"{fifo}: cannot read: not a regular file"


def test_dev_zero_is_refused_without_reading_it() -> None:
    [error] = _load_with_deadline(Path("/dev/zero"))
    assert error == "/dev/zero: cannot read: not a regular file"


def test_a_file_over_the_size_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gazetteer import loader

    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.yaml"
    path.write_text(f"{HEAD}places:\n" + f"  - {PLACE}\n" * 100, encoding="utf-8")
    [error] = load_files([path]).errors
    assert str(error) == f"{path}: cannot read: larger than 1,000 bytes"


@pytest.mark.parametrize(
    ("field", "name"),
    [
        ("name_ar", "في"),
        ("name_ar", "من"),
        ("names_ar", "[على]"),
        ("names_ar", "[دمشق, إلى]"),
        ("name_ar", "'عن ما'"),
        ("demonyms_ar", "[لا]"),
        ("name", "The"),
    ],
)
def test_function_words_are_refused_as_names(tmp_path: Path, field: str, name: str) -> None:
    path = tmp_path / "words.yaml"
    path.write_text(
        f"{HEAD}places:\n  - {{id: x, kind: city, name: X, country: XX, lat: 1, lon: 2,"
        f" common_word: true, {field}: {name}}}\n",
        encoding="utf-8",
    )
    [error] = load_files([path]).errors
    assert str(error).startswith(f"{path}:3: ") and "function word" in str(error)


def test_names_that_merely_contain_function_words_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "fine.yaml"
    path.write_text(
        f"{HEAD}places:\n  - {{id: x, kind: city, name: Isle of Man, name_ar: جزيرة مان,"
        " names_ar: [رأس الخيمة, بني ملال], country: XX, lat: 1, lon: 2}\n",
        encoding="utf-8",
    )
    result = load_files([path])
    assert result.errors == [] and [p.id for p in result.places] == ["x"]
