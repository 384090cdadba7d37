"""A folder of every format in the window (issue 18), with the real web view: places,
passages with their titles, dates, outlets, formats and PDF pages, the reader with the
document's metadata and its original file, outlet and format filters with their chips."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.explorer.format_files import FIXTURES, docx_bytes, odt_bytes, xlsx_bytes
from tests.qt.conftest import run_js, wait_drawn
from tests.qt.test_window_first import open_folder, wait_indexed

pytestmark = pytest.mark.e2e

CAIRO, ALEPPO = "gn:360630", "gn:170063"


def mixed_folder(root: Path) -> Path:
    root.mkdir()
    for name in ("ar_page.html", "ar_report.pdf", "news.mbox", "ar_feed.xml", "fr_feed.atom",
                 "clips.csv", "clips.jsonl", "ar_note.rtf"):
        shutil.copy(FIXTURES / name, root)
    (root / "report.docx").write_bytes(docx_bytes())
    (root / "depeche.odt").write_bytes(odt_bytes())
    (root / "clips.xlsx").write_bytes(xlsx_bytes())
    return root


def test_a_folder_of_every_format_in_the_window(qtbot: Any, tmp_path: Path) -> None:
    corpus = mixed_folder(tmp_path / "c")
    window = open_folder(qtbot, corpus, tmp_path / "i.db")
    try:
        wait_indexed(qtbot, window)
        assert window.reader.stats()["articles"] == 17
        visible = set(run_js(qtbot, window, "explorer.visibleIds()"))
        assert {CAIRO, ALEPPO, "gn:276781"} <= visible  # Beirut: feed, mbox, rtf, pdf...
        # Passages of Cairo: the PDF's second page, the Word file; each under its heading.
        window.select_place(CAIRO)
        wait_drawn(qtbot, window)
        text = window.passages.toPlainText()
        assert "قصف مدفعي على مدينة حلب" in text and "ar_report.pdf" in text
        assert "page 2" in text and "PDF" in text
        assert "report.docx" in text and "تقرير عن حلب" in text and "علي حسن" in text
        # Aleppo: the web page with its date, outlet and author.
        window.select_place(ALEPPO)
        wait_drawn(qtbot, window)
        text = window.passages.toPlainText()
        assert "ar_page.html · 2021-09-28 14:52 · الجريدة · سامر خليل · HTML (ar)" in text
        # The reader: the PDF's pages, the document's metadata, its original file.
        assert window.article.open("ar_report.pdf")
        shown = window.article.view.toPlainText()
        assert "page 2" in shown and "PDF" in shown
        assert window.article.original.isEnabled()
        assert window.article.original_url().toLocalFile() == str(
            (corpus / "ar_report.pdf").resolve())
        assert window.article.open("news.mbox#2")
        shown = window.article.view.toPlainText()
        assert shown.startswith("Delegation arrives in Beirut")
        assert "2021-09-29 09:00 · wire.example · Wire Service · EMAIL" in shown
        assert window.article.original_url().toLocalFile() == str(
            (corpus / "news.mbox").resolve())
        # Outlet and format filters from the sources menu, shown as chips.
        actions = window.filter_bar.source_actions
        assert ("format", "pdf") in actions and ("outlet", "الجريدة") in actions
        actions[("format", "pdf")].trigger()
        assert window.session.filter.formats == {"pdf"}
        wait_drawn(qtbot, window)
        assert window.chips.buttons["format:pdf"].text().startswith("PDF files")
        only_pdf = set(run_js(qtbot, window, "explorer.visibleIds()"))
        assert CAIRO in only_pdf and "gn:2485926" not in only_pdf  # Oran: the feed only
        actions[("format", "pdf")].trigger()
        actions[("outlet", "الجريدة")].trigger()
        wait_drawn(qtbot, window)
        docs = {h.article.doc for h in window.passages.hits}
        assert docs and docs <= {"ar_page.html", "clips.csv#1", "clips.jsonl#1"}
        assert "outlet:الجريدة" in window.chips.buttons
    finally:
        window.dispose()


def the_other_formats(root: Path) -> Path:
    """E-mail with a Word attachment, a saved .mhtml and .htm page, a zip holding a .txt and
    a table, a JSON table, a scanned image (OCR)."""
    import json

    from tests.explorer.format_files import eml_bytes, mhtml_bytes, zip_bytes

    root.mkdir()
    (root / "mail.eml").write_bytes(eml_bytes({"report.docx": docx_bytes("تقرير مرفق عن حمص")}))
    (root / "saved.mhtml").write_bytes(mhtml_bytes())
    shutil.copy(FIXTURES / "ar_page.html", root / "old_page.htm")
    note = ("بيان\n\nوكالة\nتم النشر: 2021/10/05 الساعة 10:00 بتوقيت غرينتش\n\n"
            "وصل الوزير إلى بنغازي في زيارة رسمية.\n")
    table = (FIXTURES / "clips.csv").read_bytes()
    (root / "bundle.zip").write_bytes(zip_bytes({"inside/note.txt": note.encode(),
                                                 "inside/clips.csv": table}))
    (root / "items.json").write_text(json.dumps([{
        "headline": "زيارة إلى عمان", "body": "وصل الوفد إلى عمان للقاء المسؤولين الأردنيين.",
        "date": "2021-10-06", "source": "الغد"}], ensure_ascii=False), encoding="utf-8")
    shutil.copy(FIXTURES / "scan_ar.png", root / "scan_ar.png")
    return root


def test_the_other_formats_in_the_window(qtbot: Any, tmp_path: Path) -> None:
    corpus = the_other_formats(tmp_path / "c")
    window = open_folder(qtbot, corpus, tmp_path / "i.db")
    try:
        wait_indexed(qtbot, window)
        ocr = shutil.which("tesseract") is not None
        assert window.reader.stats()["articles"] == 8 + ocr
        names = {s.place.name: s.place.id for s in window.reader.places()}
        assert {"Mosul", "Benghazi", "Amman", "Aleppo", "Riyadh"} <= set(names)
        visible = set(run_js(qtbot, window, "explorer.visibleIds()"))
        assert {names["Mosul"], names["Benghazi"], names["Amman"]} <= visible
        # The e-mail: its subject, date, sender; its attachment an article of its own.
        window.select_place(names["Mosul"])
        wait_drawn(qtbot, window)
        text = window.passages.toPlainText()
        assert "mail.eml" in text and "2021-10-04 11:15" in text and "Sara Haddad" in text
        assert window.article.open("mail.eml#report.docx")
        shown = window.article.view.toPlainText()
        assert shown.startswith("تقرير مرفق عن حمص") and "DOCX" in shown
        assert window.article.original_url().toLocalFile() == str((corpus / "mail.eml").resolve())
        # Inside the zip: a .txt with its dateline's outlet, and a table's rows.
        window.select_place(names["Benghazi"])
        wait_drawn(qtbot, window)
        text = window.passages.toPlainText()
        assert "bundle.zip#inside/note.txt" in text and "2021-10-05" in text and "وكالة" in text
        docs = {h.article.doc for h in window.reader.passages(window.session.filter, None, 0, 100)}
        assert {"bundle.zip#inside/clips.csv#1", "items.json#1", "saved.mhtml",
                "old_page.htm"} <= docs
        window.select_place(None)
        # The scan: read by OCR, or one problem line naming it and the packages to install.
        if not ocr:
            said = [str(p) for p in window.problems if "scan_ar.png" in str(p)]
            assert len(said) == 1 and "tesseract-ocr-ara" in said[0]
    finally:
        window.dispose()
