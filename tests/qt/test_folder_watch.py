"""A folder that grows (issue 18, item 4), in the real window with the real web view: an
article written into the open folder is indexed without asking (its place appears on the
map and in the country list), a burst of 100 files makes one indexing run, a deleted file
leaves the index; the watcher ignores what is not an article (the index's own files)."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from explorer.qt.watcher import FolderWatcher
from tests.qt.conftest import run_js, wait_drawn
from tests.qt.test_window_first import open_folder, wait_indexed

pytestmark = pytest.mark.e2e

CAIRO = "gn:360630"


def _article(title: str, body: str) -> str:
    return f"{title}\n\nوكالة الأنباء\nتم النشر: 2024/05/02 الساعة 08:00 بتوقيت غرينتش\n\n{body}\n"


def _place_id(window: Any, name: str) -> str | None:
    reader = window.reader
    return next((s.place.id for s in reader.places() if s.place.name == name), None) \
        if reader is not None else None


def test_new_files_are_indexed_as_they_land(qtbot: Any, tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "cairo.txt").write_text(_article(
        "اجتماع في القاهرة", "عقد الوزراء اجتماعا في القاهرة لبحث التعاون الاقتصادي."),
        encoding="utf-8")
    window = open_folder(qtbot, corpus, tmp_path / "i.db")
    runs: list[bool] = []
    try:
        wait_indexed(qtbot, window)
        window.indexingFinished.connect(runs.append)
        assert str(corpus) in window.watcher.watched()
        assert _place_id(window, "Nouakchott") is None

        # One new Arabic article, in a new subfolder: its place comes on the map by itself.
        (corpus / "new").mkdir()
        (corpus / "new" / "nouakchott.txt").write_text(_article(
            "زيارة إلى نواكشوط", "وصل وزير الخارجية إلى نواكشوط في زيارة رسمية تستمر يومين "
            "يبحث خلالها العلاقات الثنائية."), encoding="utf-8")
        qtbot.waitUntil(lambda: _place_id(window, "Nouakchott") is not None, timeout=60_000)
        qtbot.waitUntil(lambda: window.indexing_done, timeout=60_000)
        wait_drawn(qtbot, window)
        nouakchott = _place_id(window, "Nouakchott")
        assert nouakchott in run_js(qtbot, window, "explorer.visibleIds()")
        model = window.filter.model
        qtbot.waitUntil(lambda: model.row_of("MR") >= 0, timeout=10_000)
        assert len(runs) == 1
        assert str(corpus / "new") in window.watcher.watched()

        # A burst of 100 files: one run.
        runs.clear()
        for i in range(100):
            (corpus / "new" / f"burst{i:03d}.txt").write_text(_article(
                f"خبر رقم {i}", f"زار الوفد مدينة حلب في اليوم {i} من الجولة."),
                encoding="utf-8")
        qtbot.waitUntil(lambda: len(runs) >= 1 and window.indexing_done, timeout=120_000)
        time.sleep(1.5)  # a second run would have started by now
        qtbot.wait(200)
        assert runs == [True]
        assert window.reader.stats()["articles"] == 102

        # A deleted file leaves the index, and its place the map.
        (corpus / "new" / "nouakchott.txt").unlink()
        qtbot.waitUntil(lambda: _place_id(window, "Nouakchott") is None, timeout=60_000)
        qtbot.waitUntil(lambda: window.indexing_done, timeout=60_000)
        wait_drawn(qtbot, window)
        assert nouakchott not in run_js(qtbot, window, "explorer.visibleIds()")
        assert window.reader.stats()["articles"] == 101
    finally:
        window.dispose()


def test_the_watcher_ignores_what_is_not_an_article(qtbot: Any, tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text("نص", encoding="utf-8")
    watcher = FolderWatcher(delay_ms=200)
    said: list[bool] = []
    watcher.changed.connect(lambda: said.append(True))
    watcher.watch(folder)
    try:
        (folder / "index.sqlite").write_bytes(b"x" * 100)
        (folder / "index.sqlite-wal").write_bytes(b"y")
        qtbot.wait(800)
        assert said == []
        (folder / "a.txt").write_text("نص آخر أطول", encoding="utf-8")  # in place
        qtbot.waitUntil(lambda: said == [True], timeout=5_000)
        for i in range(20):
            (folder / f"b{i}.pdf").write_bytes(b"%PDF-1.4")
        qtbot.waitUntil(lambda: len(said) == 2, timeout=5_000)
        qtbot.wait(500)
        assert len(said) == 2  # the burst was said once
        (folder / "a.txt.new").write_text("نص ثالث", encoding="utf-8")
        os.replace(folder / "a.txt.new", folder / "a.txt")  # an editor's save
        qtbot.waitUntil(lambda: len(said) == 3, timeout=5_000)
        (folder / "a.txt").write_text("نص رابع", encoding="utf-8")  # still watched
        qtbot.waitUntil(lambda: len(said) == 4, timeout=5_000)
    finally:
        watcher.stop()
