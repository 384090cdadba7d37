"""Every format through the index: parts of files as their own articles, kept, re-read and
forgotten as their file changes; the reader's re-read of a part; freshness."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from explorer.index.freshness import fresh_index
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


def test_document_metadata_in_the_index(tmp_path: Path, world: Geoparser) -> None:
    from explorer.query import Filter

    root = corpus(tmp_path)
    db_path = tmp_path / "index.sqlite"
    Indexer(root, db_path, geoparser=world).run()
    with IndexDB(db_path) as db:
        hits = {(h.article.doc, h.passage.text[:14]): h for h in db.passages(Filter(), limit=500)}
    page = hits[("ar_page.html", "قصف مدفعي على ")].article
    assert (page.title, page.published, page.outlet, page.author, page.url, page.language,
            page.format) == ("قصف مدفعي على مدينة حلب", "2021-09-28T14:52", "الجريدة", "سامر خليل",
                             "https://example.org/news/aleppo-shelling", "ar", "html")
    assert hits[("ar_report.pdf", "قصف مدفعي على ")].passage.page == 1
    assert hits[("ar_report.pdf", "الصفحة الثانية")].passage.page == 2
    assert hits[("ar_report.pdf", "الصفحة الثانية")].article.format == "pdf"
    mail = next(h.article for (d, _), h in hits.items() if d == "news.mbox#2")
    assert (mail.format, mail.author, mail.published) == ("email", "Wire Service",
                                                          "2021-09-29T09:00")
    # The documents' own dates place their mentions on the timeline.
    with IndexDB(db_path) as db:
        days = {d.isoformat() for d, _ in db.timeline(Filter())}
        mail_days = {d.isoformat() for d, _ in db.timeline(Filter(formats=frozenset({"email"})))}
    assert {"2021-09-28", "2021-09-29", "2021-09-30"} <= days
    assert mail_days == {"2021-09-28", "2021-09-29", "2021-09-30"}


def test_migration_to_v5_keeps_the_index(tmp_path: Path, world: Geoparser) -> None:
    """A version-4 index (made before document metadata) gains the columns, its articles
    read as .txt, nothing re-read."""
    import sqlite3

    from explorer.index import schema
    from tests.explorer.test_index_failures import V5_DOWN

    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a.txt").write_text("وصل الوفد إلى بيروت.\n", encoding="utf-8")
    db_path = tmp_path / "index.sqlite"
    Indexer(root, db_path, geoparser=world).run()
    conn = sqlite3.connect(db_path)
    conn.executescript(V5_DOWN + "PRAGMA user_version = 4;")
    conn.close()
    with IndexDB(db_path) as db:
        assert db.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert db.conn.execute("SELECT doc, format, author FROM articles").fetchall() == [
            ("a.txt", "txt", None)]
    assert len(list(tmp_path.glob("index.sqlite.v4-*.bak"))) == 1
    assert Indexer(root, db_path, geoparser=world).run().unchanged == 1


def test_csv_export_has_the_metadata_columns(tmp_path: Path, world: Geoparser) -> None:
    import csv
    import io

    from explorer.export import csv_bytes

    root = corpus(tmp_path)
    db_path = tmp_path / "index.sqlite"
    Indexer(root, db_path, geoparser=world).run()
    with IndexDB(db_path) as db:
        text = csv_bytes(db).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    amman = next(r for r in rows if r["doc"] == "ar_report.pdf" and r["text"] == "عمّان")
    assert (amman["format"], amman["page"]) == ("pdf", "2")
    beirut = next(r for r in rows if r["doc"] == "news.mbox#2" and r["text"] == "Beirut")
    assert (beirut["title"], beirut["published"], beirut["outlet"], beirut["author"],
            beirut["format"], beirut["page"]) == (
        "Delegation arrives in Beirut", "2021-09-29T09:00", "wire.example", "Wire Service",
        "email", "")
    html = next(r for r in rows if r["doc"] == "ar_page.html")
    assert (html["url"], html["language"]) == ("https://example.org/news/aleppo-shelling", "ar")


def test_cli_index_and_export_read_every_format(tmp_path: Path) -> None:
    """``explorer index`` then ``explorer export --doc-format pdf --outlet ...`` (processes)."""
    import csv
    import io
    import subprocess
    import sys

    root = corpus(tmp_path)
    env = {**os.environ, "EXPLORER_DATA_DIR": str(tmp_path / "data")}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "explorer", *args], capture_output=True,
                              text=True, timeout=300, env=env, check=False)

    done = cli("index", str(root))
    assert done.returncode == 0, done.stderr
    assert "10 new" in done.stdout + done.stderr
    out = tmp_path / "pdf.csv"
    done = cli("export", str(root), "--format", "csv", "-o", str(out), "--doc-format", "pdf")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert rows and {r["doc"] for r in rows} == {"ar_report.pdf"}
    done = cli("export", str(root), "--format", "csv", "-o", str(out), "--outlet", "الجريدة")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert {r["doc"] for r in rows} == {"ar_page.html", "clips.csv#1"}


def test_stored_filter_keeps_outlets_and_formats() -> None:
    from explorer.filter_store import from_json, to_json
    from explorer.query import Filter

    f = Filter(outlets=frozenset({"الجريدة", "Wire"}), formats=frozenset({"pdf"}))
    assert from_json(to_json(f)) == f


def test_index_says_missing_tesseract_in_one_line(tmp_path: Path, world: Geoparser,
                                                  monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from explorer.formats import ocr
    from explorer.index.freshness import index_problems

    root = tmp_path / "corpus"
    root.mkdir()
    for name in ("scan_ar.png", "scan_en_fr.png", "scan_ar.pdf", "ar_page.html"):
        shutil.copy(FIXTURES / name, root)
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
    ocr.languages.cache_clear()
    try:
        summary = Indexer(root, tmp_path / "i.db", geoparser=world).run()
    finally:
        ocr.languages.cache_clear()
    assert (summary.new, summary.refused) == (1, 3)
    with IndexDB(tmp_path / "i.db") as db:
        [line] = index_problems(db)
    assert line.message.startswith("3 files need OCR but Tesseract is not installed "
                                   "(scan_ar.pdf, scan_ar.png, scan_en_fr.png): apt-get install "
                                   "tesseract-ocr tesseract-ocr-ara")
