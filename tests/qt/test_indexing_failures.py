"""B1 in the window: a folder with a cp1256 file name is indexed whole; any unexpected error
in the indexer thread ends in a visible notice, never a stall at "indexing…"."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from explorer.index.build import Indexer
from explorer.index.parse import Result, Task
from gazetteer import Geoparser
from tests.conftest import SEEDS
from tests.qt.conftest import wait_drawn

pytestmark = pytest.mark.e2e

CP1256 = "مقال".encode("cp1256") + b".txt"


def corpus_with_cp1256_name(folder: Path) -> Path:
    folder.mkdir()
    for f in sorted(SEEDS.glob("*.txt")):
        shutil.copy(f, folder / f.name)
    with open(os.path.join(os.fsencode(folder), CP1256), "wb") as fh:
        fh.write(sorted(SEEDS.glob("*.txt"))[0].read_bytes())
    return folder


def test_a_cp1256_name_is_indexed_in_the_window_and_an_error_is_said(
    qtbot: Any, tmp_path: Path
) -> None:
    from explorer.qt.app import start

    corpus = corpus_with_cp1256_name(tmp_path / "c")
    window = start(corpus, index_path=tmp_path / "i.db", jobs=1)
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.indexing_done, timeout=120_000)
        assert window.reader.stats()["articles"] == 6
        assert not window.notice.isVisible()
        wait_drawn(qtbot, window)

        # A bug anywhere in a run (here in the geoparsing runner) is said, not a stall.
        def broken(_g: Geoparser) -> Any:
            def run(tasks: Sequence[Task]) -> Iterator[Result]:
                raise RuntimeError("something nobody expected")
                yield  # pragma: no cover
            return run

        (corpus / "new.txt").write_text("زيارة\n\nوصل الوزير إلى بيروت اليوم.\n",
                                        encoding="utf-8")
        with qtbot.waitSignal(window.indexingFinished, timeout=120_000) as finished:
            window.start_indexing(Indexer(corpus, tmp_path / "i.db", jobs=1, runner=broken))
        assert finished.args == [False]
        assert window.notice.isVisible()
        text = window.notice_text.text()
        assert "unexpected error" in text and "something nobody expected" in text
        assert "indexing" not in window.status.label.text()
        assert window.reader.stats()["articles"] == 6  # what was indexed is still shown
    finally:
        window.dispose()


def test_hostile_corrections_rows_do_not_stop_the_windows_indexing(
    qtbot: Any, tmp_path: Path
) -> None:
    """B15 in the window: the rows are listed among the problems; indexing ends."""
    from explorer.index.build import Indexer as CoreIndexer
    from explorer.qt.app import start
    from tests.explorer.test_hostile_corrections_rows import spoil

    corpus = tmp_path / "c"
    corpus.mkdir()
    for f in sorted(SEEDS.glob("*.txt")):
        shutil.copy(f, corpus / f.name)
    index = tmp_path / "i.db"
    CoreIndexer(corpus, index).run()
    spoil(index)
    for f in corpus.glob("*.txt"):  # changed: indexed again, with the corrections
        f.write_text(f.read_text(encoding="utf-8") + "\nوصل الوفد إلى بيروت.\n",
                     encoding="utf-8")
    window = start(corpus, index_path=index, jobs=1)
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.indexing_done, timeout=120_000)
        assert not window.notice.isVisible()
        said = [str(p) for p in window.problems]
        assert len([s for s in said if "is unreadable, kept but not applied" in s]) == 3
        assert window.reader.stats()["articles"] == 5
    finally:
        window.dispose()
