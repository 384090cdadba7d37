"""explorer.workspace, the window's way to the index: real SQLite files in a temporary folder."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest

from explorer import filter_store
from explorer.article import Problem
from explorer.query import Filter
from explorer.workspace import (
    IndexUnavailable,
    Problems,
    open_index,
    read_saved_filter,
    save_filter,
    save_setting,
    writing,
)


def new_index(tmp_path: Path) -> Path:
    path = tmp_path / "index.sqlite"
    with writing(path) as db:
        db.set_setting("made", "yes")
    return path


def test_a_saved_filter_is_read_back_and_the_default_one_is_not_kept(tmp_path: Path) -> None:
    path = new_index(tmp_path)
    f = Filter(countries=frozenset({"EG", "IQ"}), text="بغداد")
    save_filter(path, f)
    with open_index(path) as db:
        assert read_saved_filter(db) == f
    save_filter(path, Filter())
    with open_index(path) as db:
        assert read_saved_filter(db) is None
        assert db.get_setting(filter_store.KEY) is None


def test_a_bad_saved_filter_is_refused_not_taken(tmp_path: Path) -> None:
    path = new_index(tmp_path)
    save_setting(path, filter_store.KEY, "{not json")
    with open_index(path) as db, pytest.raises(filter_store.BadFilter):
        read_saved_filter(db)


def test_the_read_only_index_refuses_writes(tmp_path: Path) -> None:
    path = new_index(tmp_path)
    with open_index(path) as db:
        assert db.get_setting("made") == "yes"
        with pytest.raises(IndexUnavailable):
            db.set_setting("made", "no")


def test_saving_the_filter_into_an_index_that_cannot_be_written_logs_and_goes_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    not_an_index = tmp_path / "folder.sqlite"
    not_an_index.mkdir()  # a folder where the index should be: no SQLite file can be made
    with caplog.at_level(logging.WARNING, logger="explorer.workspace"):
        save_filter(not_an_index, Filter(text="x"))
    assert "the filter was not saved" in caplog.text


def test_a_second_writer_is_refused_while_one_writes(tmp_path: Path) -> None:
    path = new_index(tmp_path)
    said: list[IndexUnavailable] = []

    def second() -> None:
        try:
            with writing(path) as db:
                db.set_setting("who", "second")
        except IndexUnavailable as exc:
            said.append(exc)

    with writing(path) as db:
        t = threading.Thread(target=second)
        t.start()
        t.join(10)
        db.set_setting("who", "first")
    assert [e.reason for e in said] == ["locked"]
    with open_index(path) as db:
        assert db.get_setting("who") == "first"


def test_problems_are_said_once_and_a_run_replaces_the_last_runs() -> None:
    of_settings = [Problem("settings.json", "unreadable")]
    problems = Problems(lambda: of_settings)
    refused = Problem("a.txt", "not text", 3)
    problems.add([refused])
    problems.add([refused])
    assert problems.all == [of_settings[0], refused]
    bad_filter = Problem("index.sqlite", "the saved filter cannot be used")
    problems.add_saved([bad_filter])
    assert problems.refused() == 2
    other = Problem("b.txt", "empty")
    problems.indexed([other])  # the next run: a.txt is fine now
    assert problems.all == [of_settings[0], bad_filter, other]
    problems.new_folder()
    assert problems.all == of_settings and problems.refused() == 0
