"""The settings store: round trip, unknown keys kept, unusable files set aside, location."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest

from explorer.settings import (
    FORMAT,
    Settings,
    config_dir,
    decode_bytes,
    encode_bytes,
    settings_path,
)


def corrupt_copies(directory: Path) -> list[Path]:
    return sorted(directory.glob("settings.json.corrupt-*"))


def test_missing_file_gives_defaults_and_no_problem(tmp_path: Path) -> None:
    s = Settings.load(tmp_path / "settings.json")
    assert s.last_corpus_dir is None
    assert s.countries == []
    assert s.window_geometry is None and s.splitter_state is None
    assert s.extra == {}
    assert s.problems == []
    assert not (tmp_path / "settings.json").exists()  # loading writes nothing


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "settings.json"
    s = Settings.load(path)
    s.last_corpus_dir = "/home/analyst/أخبار"
    s.countries = ["SY", "LB"]
    s.window_geometry = encode_bytes(b"\x01\xd9\xd0\xcb\x00\x03")
    s.splitter_state = encode_bytes(bytes(range(256)))
    assert s.save() is None
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == FORMAT
    assert "أخبار" in path.read_text(encoding="utf-8")  # readable, not \\u escapes
    back = Settings.load(path)
    assert back == s
    assert decode_bytes(back.window_geometry) == b"\x01\xd9\xd0\xcb\x00\x03"
    assert decode_bytes(back.splitter_state) == bytes(range(256))
    assert back.problems == []
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]


def test_unknown_keys_are_kept_on_save(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    newer = {
        "format": FORMAT,
        "countries": ["EG"],
        "theme": "dark",
        "corrections": [{"doc": "a.txt", "start": 3, "place": "gn:1"}],
        "nested": {"a": [1, 2.5, None, True]},
    }
    path.write_text(json.dumps(newer), encoding="utf-8")
    s = Settings.load(path)
    assert s.countries == ["EG"]
    assert s.extra == {
        "theme": "dark",
        "corrections": [{"doc": "a.txt", "start": 3, "place": "gn:1"}],
        "nested": {"a": [1, 2.5, None, True]},
    }
    s.countries.append("SD")
    assert s.save() is None
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in ("theme", "corrections", "nested"):
        assert data[key] == newer[key]
    assert data["countries"] == ["EG", "SD"]


def test_extra_cannot_shadow_typed_fields(tmp_path: Path) -> None:
    s = Settings.load(tmp_path / "settings.json")
    s.extra = {"format": "x", "countries": "oops", "other": 1}
    s.countries = ["IQ"]
    s.save()
    data = json.loads((tmp_path / "settings.json").read_text())
    assert data["format"] == FORMAT and data["countries"] == ["IQ"] and data["other"] == 1


@pytest.mark.parametrize(
    ("content", "expect", "line"),
    [
        (b'{\n  "format": "explorer-settings/1",\n  "countries": ["SY",\n', "line 4", 4),
        (b'{"format": "explorer-settings/1",,}', "line 1, column 34", 1),
        (b"", "not valid JSON (line 1, column 1", 1),
        (b"\xff\xfe\x00garbage", "not UTF-8", None),
        (b"[1, 2]", "not a JSON object but an array", None),
        (b'{"countries": []}', "unknown format None", None),
        (b'{"format": "explorer-settings/9"}', "unknown format 'explorer-settings/9'", None),
        (b'{"format": "explorer-settings/1", "countries": "SY"}', "'countries' is a string", None),
        (b'{"format": "explorer-settings/1", "last_corpus_dir": 3}', "'last_corpus_dir'", None),
        (b"[" * 100_000, "not valid JSON", None),
    ],
)
def test_unusable_file_is_set_aside_and_defaults_used(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    content: bytes,
    expect: str,
    line: int | None,
) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="explorer.settings"):
        s = Settings.load(path)
    assert s.countries == [] and s.last_corpus_dir is None and s.extra == {}
    # The original is kept, byte for byte, under a new name.
    [aside] = corrupt_copies(tmp_path)
    assert aside.read_bytes() == content
    assert not path.exists()
    # One line naming the file and what was wrong, also logged.
    [problem] = s.problems
    message = str(problem)
    assert "\n" not in message
    assert str(path) in message and aside.name in message
    assert expect in message
    assert problem.line == line
    assert message in caplog.text
    # Saving now writes fresh settings and leaves the copy alone.
    s.countries = ["YE"]
    assert s.save() is None
    assert Settings.load(path).countries == ["YE"]
    assert aside.read_bytes() == content


def test_two_corrupt_files_in_the_same_second_are_both_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{bad")
    Settings.load(path)
    path.write_text("{worse")
    Settings.load(path)
    contents = sorted(p.read_text() for p in corrupt_copies(tmp_path))
    assert contents == ["{bad", "{worse"]


def deny(*args: object, **kwargs: object) -> None:
    raise PermissionError(13, "Permission denied")


def test_unreadable_file_is_set_aside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"format": FORMAT, "countries": ["SY"]}))
    monkeypatch.setattr(os, "open", deny)  # as with mode 000 (root can read anyway)
    s = Settings.load(path)
    monkeypatch.undo()
    assert s.countries == []
    [problem] = s.problems
    assert "cannot be read (Permission denied)" in problem.message
    [aside] = corrupt_copies(tmp_path)
    assert json.loads(aside.read_text())["countries"] == ["SY"]


def test_unusable_file_that_cannot_be_moved_is_never_saved_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    monkeypatch.setattr(os, "rename", deny)
    s = Settings.load(path)
    monkeypatch.undo()
    assert not s.writable
    assert "could not be set aside (Permission denied)" in s.problems[0].message
    s.countries = ["SY"]
    problem = s.save()
    assert problem is not None and "not saved" in problem.message
    assert path.read_text() == "{not json"
    assert corrupt_copies(tmp_path) == []


def test_save_failure_is_reported_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = Settings.load(tmp_path / "settings.json")
    monkeypatch.setattr(os, "replace", deny)
    problem = s.save()
    monkeypatch.undo()
    assert problem is not None and "settings not saved (Permission denied)" in str(problem)
    assert s.problems == [problem]
    assert list(tmp_path.iterdir()) == []


def test_location_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXPLORER_CONFIG_DIR", str(tmp_path / "cfg"))
    assert config_dir() == tmp_path / "cfg"
    assert settings_path() == tmp_path / "cfg" / "settings.json"
    s = Settings.load()
    assert s.path == tmp_path / "cfg" / "settings.json"
    s.last_corpus_dir = "/data"
    assert s.save() is None
    assert Settings.load().last_corpus_dir == "/data"
    assert (tmp_path / "cfg" / "settings.json").exists()


def test_location_falls_back_to_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EXPLORER_CONFIG_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert settings_path() == tmp_path / "xdg" / "explorer" / "settings.json"
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert settings_path() == tmp_path / "home" / ".config" / "explorer" / "settings.json"


def test_stale_temp_files_of_a_killed_save_are_removed_on_load(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    Settings(path, countries=["SY"]).save()
    stale = tmp_path / ".settings.json.x1y2.tmp"
    stale.write_text('{"format": "explorer-se')
    os.utime(stale, (1, 1))
    fresh = tmp_path / ".settings.json.a3b4.tmp"  # maybe another instance saving right now
    fresh.write_text("{")
    assert Settings.load(path).countries == ["SY"]
    assert not stale.exists() and fresh.exists()


def test_decode_bytes_tolerates_junk() -> None:
    assert decode_bytes(None) is None
    assert decode_bytes("") is None
    assert decode_bytes("not base64!") is None
    assert decode_bytes("سوريا") is None
    assert decode_bytes(encode_bytes(b"abc")) == b"abc"


def test_recent_corpora_newest_first_once_each_and_capped(tmp_path: Path) -> None:
    from explorer.settings import MAX_RECENT

    path = tmp_path / "settings.json"
    s = Settings.load(path)
    for i in range(MAX_RECENT + 3):
        s.add_recent(f"/corpora/{i}")
    s.add_recent("/corpora/5")
    assert s.recent_corpora[:2] == ["/corpora/5", f"/corpora/{MAX_RECENT + 2}"]
    assert len(s.recent_corpora) == MAX_RECENT == len(set(s.recent_corpora))
    assert s.save() is None
    assert Settings.load(path).recent_corpora == s.recent_corpora


def test_recent_corpora_of_the_wrong_type_set_the_file_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"format": FORMAT, "recent_corpora": "/one"}), encoding="utf-8")
    s = Settings.load(path)
    assert s.recent_corpora == []
    assert "'recent_corpora' is" in str(s.problems[0])
    assert len(corrupt_copies(tmp_path)) == 1
