"""Every format through the index: parts of files as their own articles, kept, re-read and
forgotten as their file changes; the reader's re-read of a part; freshness."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from explorer.indexdb import IndexDB
from explorer.indexed import fresh_index
from explorer.indexer import Indexer
from gazetteer import Geoparser
from tests.explorer.format_files import FIXTURES, docx_bytes

MBOX_TAIL = b"""
From x@wire.example Fri Oct 01 09:00:00 2021
From: Wire <x@wire.example>
Subject: Talks in Doha
Date: Fri, 01 Oct 2021 09:00:00 +0000

Talks were held in Doha on Friday.
"""


def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    for name in ("ar_page.html", "ar_report.pdf", "news.mbox", "ar_feed.xml", "clips.csv"):
        shutil.copy(FIXTURES / name, root)
    (root / "report.docx").write_bytes(docx_bytes())
    return root


def docs(db_path: Path) -> set[str]:
    with IndexDB(db_path) as db:
        return set(db.stored())


def test_index_reads_every_format_and_keeps_parts(tmp_path: Path, world: Geoparser) -> None:
    root = corpus(tmp_path)
    db_path = tmp_path / "index.sqlite"
    summary = Indexer(root, db_path, geoparser=world).run()
    assert summary.new == 10 and summary.refused == 0
    assert docs(db_path) == {
        "ar_page.html", "ar_report.pdf", "news.mbox#1", "news.mbox#2", "news.mbox#3",
        "ar_feed.xml#1", "ar_feed.xml#2", "clips.csv#1", "clips.csv#2", "report.docx"}
    with IndexDB(db_path) as db:
        article = db.article("news.mbox#2")
        assert article is not None and article.title == "Delegation arrives in Beirut"
        assert {m.text for m in db.mentions_in("news.mbox#2")} >= {"Beirut", "Amman"}
        assert {m.text for m in db.mentions_in("ar_report.pdf")} >= {"حلب", "عمّان"}
    # nothing changed: nothing read again, and the index is fresh for the window
    again = Indexer(root, db_path, geoparser=world).run()
    assert (again.new, again.changed, again.deleted, again.unchanged) == (0, 0, 0, 10)
    fresh = fresh_index(root, index_path=db_path)
    assert fresh is not None
    fresh.close()
    # a message added to the mbox: only it is new; a removed file's parts go
    with (root / "news.mbox").open("ab") as f:
        f.write(MBOX_TAIL)
    (root / "clips.csv").unlink()
    third = Indexer(root, db_path, geoparser=world).run()
    assert (third.new, third.changed, third.deleted) == (1, 0, 2)
    assert third.unchanged == 3 + 5  # the mbox's three old messages (same text), the rest
    assert "news.mbox#4" in docs(db_path) and "clips.csv#1" not in docs(db_path)
    # the mbox shrinks back: its fourth message is forgotten
    with (root / "news.mbox").open("r+b") as f:
        f.truncate(os.path.getsize(root / "news.mbox") - len(MBOX_TAIL))
    fourth = Indexer(root, db_path, geoparser=world).run()
    assert fourth.deleted == 1 and "news.mbox#4" not in docs(db_path)
