"""Rebuild from the window (issue 21, B8): an index a newer explorer made is rebuilt in one
click with every correction and the saved filter, and what could not be carried (a column this
explorer does not know) is said with the backup that holds it. Real web view, real SQLite."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from explorer.index import schema
from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from tests.qt.synthetic import write_corpus
from tests.qt.test_window_first import open_folder, wait_indexed

pytestmark = pytest.mark.e2e

SURFACES = ["حلب", "دمشق", "بيروت"]


def test_a_newer_index_is_rebuilt_with_its_corrections(qtbot: Any, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c", 10)
    index = tmp_path / "i.db"
    Indexer(corpus, index).run()
    with IndexDB(index) as db, db.transaction():
        db.conn.executemany("INSERT INTO corrections (scope, surface, action, created) VALUES "
                            "('corpus', ?, 'reject', 'now')", [(s,) for s in SURFACES])
        db.conn.execute("INSERT INTO settings VALUES ('filter', '{\"countries\": [\"JP\"]}')")
    conn = sqlite3.connect(index)
    with conn:
        conn.execute("ALTER TABLE corrections ADD COLUMN author TEXT NOT NULL DEFAULT 'ana'")
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()
    window = open_folder(qtbot, corpus, index)
    try:
        qtbot.waitUntil(lambda: window.notice.isVisible(), timeout=30_000)
        assert "newer explorer" in window.notice_text.text()
        qtbot.mouseClick(window.rebuild_button, Qt.MouseButton.LeftButton)
        wait_indexed(qtbot, window)
        assert window.reader.stats()["articles"] == 10
        with IndexDB(index, readonly=True) as db:
            assert [c.surface for c in db.corrections()] == SURFACES
            assert db.get_setting("filter") == '{"countries": ["JP"]}'
        (backup,) = tmp_path.glob("i.db.rebuild-*.bak")
        said = window.notice_text.text()
        assert window.notice.isVisible() and "author" in said and str(backup) in said
        assert "Nothing to show" not in window.passages.toPlainText()
    finally:
        window.dispose()
