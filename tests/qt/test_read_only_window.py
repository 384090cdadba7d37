"""The window on an index in a folder that cannot be written (issue 21, B7): it shows the
data, corrections included, and says the index cannot be updated; no "Rebuild it?". Real web
view, real SQLite, a real read-only folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from explorer.corrections import Correction
from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from tests.qt.conftest import run_js
from tests.qt.synthetic import write_corpus
from tests.qt.test_window_first import open_folder, wait_indexed
from tests.read_only import read_only_folder

pytestmark = pytest.mark.e2e


def test_read_only_index_is_shown_with_a_notice(qtbot: Any, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c", 12)
    index = tmp_path / "ro" / "i.db"
    Indexer(corpus, index).run()
    with IndexDB(index) as db:
        places = sorted(s.place.id for s in db.places())
        rejected = db.places()[0]
        mention = db.conn.execute("SELECT text FROM mentions WHERE place_id = ? LIMIT 1",
                                  (rejected.place.id,)).fetchone()[0]
        db.add_correction(Correction("corpus", "reject", mention))
        want = sorted(s.place.id for s in db.places())
    assert want != places
    (corpus / "new.txt").write_text("خبر\n\nوصل الوزير إلى بيروت.\n", encoding="utf-8")
    with read_only_folder(index.parent):
        window = open_folder(qtbot, corpus, index)
        try:
            wait_indexed(qtbot, window)
            assert window.notice.isVisible() and not window.rebuild_button.isVisible()
            text = window.notice_text.text()
            assert "cannot be updated" in text and "Rebuild" not in text
            assert "Nothing to show" not in window.passages.toPlainText()
            assert sorted(s.place.id for s in window.reader.places()) == want
            assert run_js(qtbot, window, "explorer.markerIds()") == want
        finally:
            window.dispose()
