"""Hostile settings files: set aside in one line, never a hang, a crash or a huge allocation."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from explorer import settings as settings_module
from explorer.settings import FORMAT, MAX_COUNTRIES, Settings


def _load(path: Path) -> Settings:
    out: list[Settings] = []
    reader = threading.Thread(target=lambda: out.append(Settings.load(path)), daemon=True)
    reader.start()
    reader.join(10)
    if reader.is_alive():
        if path.is_fifo():  # unblock the reader before failing
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("loading the settings did not return")
    return out[0]


def _aside(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + ".corrupt-*"))


def test_an_integer_of_too_many_digits_sets_the_file_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    text = f'{{"format": "{FORMAT}", "countries": [], "zoom": {"9" * 5000}}}'
    path.write_text(text, encoding="utf-8")
    s = _load(path)
    assert s.countries == [] and s.writable
    [problem] = s.problems
    assert "too many digits" in problem.message
    [aside] = _aside(path)
    assert aside.read_text(encoding="utf-8") == text  # kept, byte for byte
    assert not path.exists()


def test_countries_are_deduplicated_and_capped(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    codes = [f"{chr(65 + i % 26)}{chr(65 + i // 26 % 26)}" for i in range(60_000)]
    path.write_text(json.dumps({"format": FORMAT, "countries": ["SY", "SY", *codes]}),
                    encoding="utf-8")
    s = _load(path)
    assert s.countries[:2] == ["SY", "AA"]
    assert len(s.countries) == len(set(s.countries)) == MAX_COUNTRIES
    assert "60,002 entries" in s.problems[0].message
    assert path.exists()  # usable: not set aside


def test_a_fifo_is_set_aside_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    os.mkfifo(path)
    s = _load(path)
    assert "not a regular file" in s.problems[0].message
    assert _aside(path) and not path.exists()
    assert s.save() is None and Settings.load(path).problems == []


def test_a_link_to_dev_zero_is_set_aside_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.symlink_to("/dev/zero")
    s = _load(path)
    assert "not a regular file" in s.problems[0].message
    [aside] = _aside(path)
    assert aside.is_symlink() and os.readlink(aside) == "/dev/zero"


def test_a_file_over_the_size_limit_is_set_aside_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings_module, "MAX_FILE_BYTES", 100)
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"format": FORMAT, "last_corpus_dir": "x" * 200}),
                    encoding="utf-8")
    s = _load(path)
    assert s.last_corpus_dir is None and "larger than 100 bytes" in s.problems[0].message
    assert _aside(path)
