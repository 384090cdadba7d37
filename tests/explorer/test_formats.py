"""Each format read from a real file into text and the document's own metadata."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explorer.corpus import OcrNeeded, read_article, read_articles, read_corpus, split_doc
from explorer.formats import FormatError, extract, ocr
from tests.explorer.format_files import (
    FIXTURES,
    docx_bytes,
    eml_bytes,
    mhtml_bytes,
    odt_bytes,
    xlsx_bytes,
    zip_bytes,
)

needs_tesseract = pytest.mark.skipif(
    not ocr.available(),
    reason=f"Tesseract with its ara/eng/fra models is not installed ({ocr.INSTALL_HINT})")


def one(name: str, data: bytes | None = None):  # type: ignore[no-untyped-def]
    [e] = extract(name, data if data is not None else (FIXTURES / name).read_bytes())
    return e


def test_web_page_main_text_and_metadata() -> None:
    e = one("ar_page.html")
    assert e.text.startswith("قصف مدفعي على مدينة حلب\n")
    assert "ريف إدلب" in e.text
    for furniture in ("الرئيسية", "التعليقات", "تعليق من زائر", "جميع الحقوق"):
        assert furniture not in e.text  # menu, comments, footer
    assert (e.title, e.published, e.author, e.outlet, e.url, e.language) == (
        "قصف مدفعي على مدينة حلب", "2021-09-28T14:52", "سامر خليل", "الجريدة",
        "https://example.org/news/aleppo-shelling", "ar")


def test_saved_mhtml_page() -> None:
    e = one("page.mhtml", mhtml_bytes())
    assert e.format == "mhtml" and "ريف إدلب" in e.text
    assert e.url == "https://example.org/news/aleppo-shelling"


def test_arabic_pdf_in_logical_order_with_pages() -> None:
    """Printed by QtWebEngine (scripts/make_format_fixtures.py): shaped glyphs drawn left to
    right; read back as letters in logical order, the shadda on its letter, 2021 not 1202."""
    e = one("ar_report.pdf")
    lines = e.text.split("\n")
    assert lines[0] == "قصف مدفعي على مدينة حلب"
    assert "وأضافت المصادر أن الطيران حلّق فوق ريف إدلب ودمشق في 2021 بعد اجتماع في بيروت." \
        in lines
    assert not any("\ufb50" <= ch <= "\ufeff" for ch in e.text)  # no presentation forms
    assert len(e.page_starts) == 1
    assert e.text[e.page_starts[0]:].startswith("الصفحة الثانية: وصل الوفد إلى القاهرة")
    assert e.text.endswith("عمّان.")


def test_pdf_passages_keep_their_page(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "ar_report.pdf", tmp_path)
    article = read_article(tmp_path / "ar_report.pdf", tmp_path)
    pages = {p.text[:14]: p.page for p in article.passages}
    assert pages["قصف مدفعي على "] == 1
    assert pages["الصفحة الثانية"] == 2
    assert article.format == "pdf" and article.title == "قصف مدفعي على مدينة حلب"


def test_word_document() -> None:
    e = one("report.docx", docx_bytes())
    assert e.text == "وصل الوفد إلى القاهرة ثم توجه إلى عمّان.\nحلب | دمشق"
    assert (e.title, e.author, e.language, e.published) == (
        "تقرير عن حلب", "علي حسن", "ar", "2021-09-28T14:52")


def test_opendocument_text() -> None:
    e = one("depeche.odt", odt_bytes())
    assert e.text == "Arrivée à Beyrouth\nLa délégation est arrivée à Beyrouth puis à Damas."
    assert (e.title, e.language, e.published) == ("Dépêche", "fr", "2021-09-28T10:00")


def test_rtf_with_unicode_escapes() -> None:
    assert one("ar_note.rtf").text == "وصل الوفد إلى بيروت.\nThen it went to Damascus."


def test_mbox_one_article_per_message() -> None:
    msgs = extract("news.mbox", (FIXTURES / "news.mbox").read_bytes())
    assert [m.part for m in msgs] == ["1", "2", "3"]
    assert [m.title for m in msgs] == ["قصف على حلب", "Delegation arrives in Beirut",
                                       "Arrivée à Damas"]
    assert [m.published for m in msgs] == ["2021-09-28T14:52", "2021-09-29T09:00",
                                           "2021-09-30T10:00"]
    assert msgs[1].author == "Wire Service" and msgs[1].outlet == "wire.example"
    assert "<p>" not in msgs[1].text and "The delegation arrived in Beirut" in msgs[1].text
    assert msgs[0].language == "ar"


def test_email_attachments_are_articles_of_their_own() -> None:
    pdf = (FIXTURES / "ar_report.pdf").read_bytes()
    out = extract("mail.eml", eml_bytes({"report.pdf": pdf, "notes.docx": docx_bytes(),
                                         "tool.exe": b"MZ"}))
    assert [e.part for e in out] == ["", "report.pdf", "notes.docx"]
    assert out[0].title == "تقرير من الموصل" and out[0].author == "Sara Haddad"
    assert out[1].format == "pdf" and out[1].page_starts
    assert out[2].text.startswith("وصل الوفد إلى القاهرة")


def test_rss_and_atom_entries() -> None:
    rss = extract("ar_feed.xml", (FIXTURES / "ar_feed.xml").read_bytes())
    assert [(e.part, e.url, e.published) for e in rss] == [
        ("1", "https://agency.example/1", "2021-09-28T14:52"),
        ("2", "https://agency.example/2", "2021-09-29T08:00")]
    assert rss[0].outlet == "وكالة الأنباء" and rss[0].author == "سامر خليل"
    assert rss[1].text == ("أمطار غزيرة في الجزائر\n\n"
                           "هطلت أمطار غزيرة على ولاية وهران في غرب الجزائر.")
    [atom] = extract("fr_feed.atom", (FIXTURES / "fr_feed.atom").read_bytes())
    assert (atom.title, atom.url, atom.language, atom.author) == (
        "Séisme au Maroc", "https://journal.example/seisme", "fr", "Claire Martin")


def test_tables_one_article_per_row() -> None:
    csv_rows = extract("clips.csv", (FIXTURES / "clips.csv").read_bytes())
    assert [(e.title, e.published, e.outlet, e.url) for e in csv_rows] == [
        ("قمة في الرياض", "2021-09-28", "الجريدة", "https://clips.example/1"),
        ("Floods in Libya", "2023-09-11T08:30", "Wire", "https://clips.example/2")]
    jsonl = extract("clips.jsonl", (FIXTURES / "clips.jsonl").read_bytes())
    assert [e.title for e in jsonl] == ["زلزال في تركيا", "Sommet à Alger"]
    assert jsonl[0].notes == ["lines 2 not valid JSON, skipped"]
    rows = extract("clips.xlsx", xlsx_bytes())
    assert [(e.part, e.title, e.published) for e in rows] == [
        ("1", "حريق في بغداد", "2022-05-03T09:30"), ("3", "Crue à Tunis", "2022-10-01")]
    j = extract("c.json", b'{"articles": [{"headline": "H", "body": "Text in Rabat."}]}')
    assert j[0].text == "H\n\nText in Rabat."
    with pytest.raises(FormatError, match="no text column"):
        extract("c.csv", b"a,b\n1,2\n")


def test_zip_members_read_as_their_formats() -> None:
    data = zip_bytes({"2021/report.pdf": (FIXTURES / "ar_report.pdf").read_bytes(),
                      "a.txt": "نص عن بنغازي".encode(), "clips.csv":
                      (FIXTURES / "clips.csv").read_bytes(), "x.bin": b"\0\1"})
    out = extract("bundle.zip", data)
    assert [e.part for e in out] == ["2021/report.pdf", "a.txt", "clips.csv#1", "clips.csv#2"]


@needs_tesseract
def test_ocr_of_images_in_three_languages() -> None:
    assert "بيروت" in one("scan_ar.png").text
    text = one("scan_en_fr.png").text
    assert "The delegation arrived in Beirut" in text and "délégation" in text


@needs_tesseract
def test_scanned_pdf_is_read_by_ocr() -> None:
    e = one("scan_ar.pdf")
    assert e.format == "pdf-ocr" and "بيروت" in e.text


def test_a_folder_of_every_format(tmp_path: Path) -> None:
    for f in FIXTURES.iterdir():
        shutil.copy(f, tmp_path)
    (tmp_path / "report.docx").write_bytes(docx_bytes())
    (tmp_path / "depeche.odt").write_bytes(odt_bytes())
    (tmp_path / "clips.xlsx").write_bytes(xlsx_bytes())
    (tmp_path / "mail.eml").write_bytes(eml_bytes({"a.rtf": (FIXTURES / "ar_note.rtf")
                                                   .read_bytes()}))
    corpus = read_corpus(tmp_path)
    docs = [a.doc for a in corpus.articles]
    for doc in ("ar_page.html", "ar_report.pdf", "report.docx", "depeche.odt", "ar_note.rtf",
                "news.mbox#2", "ar_feed.xml#1", "fr_feed.atom#1", "clips.csv#2", "clips.jsonl#1",
                "clips.xlsx#3", "mail.eml", "mail.eml#a.rtf"):
        assert doc in docs
    if ocr.available():
        assert "scan_ar.png" in docs
    # a part read again by its doc, as the index does
    article = read_article(tmp_path / "news.mbox#2", tmp_path)
    assert article.title == "Delegation arrives in Beirut"
    assert read_article(tmp_path / "mail.eml#a.rtf", tmp_path).format == "rtf"


def test_split_doc() -> None:
    assert split_doc("a/mail.mbox#3") == ("a/mail.mbox", "3")
    assert split_doc("b.zip#x/y.csv#2") == ("b.zip", "x/y.csv#2")
    assert split_doc("notes#1.txt") == ("notes#1.txt", None)


def test_missing_tesseract_is_one_line_naming_the_files(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("scan_ar.png", "scan_en_fr.png", "ar_page.html"):
        shutil.copy(FIXTURES / name, tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))  # no tesseract on the PATH
    ocr.languages.cache_clear()
    try:
        corpus = read_corpus(tmp_path)
        with pytest.raises(OcrNeeded, match="apt-get install tesseract-ocr"):
            read_articles(tmp_path / "scan_ar.png", tmp_path)
    finally:
        ocr.languages.cache_clear()
    assert [a.doc for a in corpus.articles] == ["ar_page.html"]
    [problem] = corpus.problems
    assert "2 files need OCR" in problem.message
    assert "scan_ar.png, scan_en_fr.png" in problem.message
    assert "apt-get install tesseract-ocr tesseract-ocr-ara" in problem.message


def test_csv_cells_with_line_ends_commas_and_semicolons() -> None:
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["title", "text"])
    writer.writerow(["A, b", "First line, in Rabat;\nsecond line; in Fes."])
    writer.writerow(["C", "Third, in Tunis."])
    rows = extract("t.csv", buf.getvalue().encode())
    assert [(e.part, e.title) for e in rows] == [("1", "A, b"), ("2", "C")]
    assert rows[0].text == "A, b\n\nFirst line, in Rabat;\nsecond line; in Fes."
    semi = extract("s.csv", "titre;texte\nX;Un texte, à Alger.\n".encode())
    assert semi[0].text == "X\n\nUn texte, à Alger."


def test_a_saved_pages_resource_folder_is_not_read(tmp_path: Path) -> None:
    """``Page.html`` saved "complete" with ``Page_files/`` (its pictures, scripts): the
    page is an article, its pictures are not scans to OCR; a folder of scans is read."""
    shutil.copy(FIXTURES / "ar_page.html", tmp_path / "Page.html")
    (tmp_path / "Page_files").mkdir()
    shutil.copy(FIXTURES / "scan_en_fr.png", tmp_path / "Page_files" / "photo.png")
    (tmp_path / "Page_files" / "feed.xml").write_bytes(b"<svg/>")
    (tmp_path / "Other_files").mkdir()  # no Other.html beside it: an ordinary folder
    shutil.copy(FIXTURES / "ar_note.rtf", tmp_path / "Other_files" / "note.rtf")
    corpus = read_corpus(tmp_path)
    assert [a.doc for a in corpus.articles] == ["Other_files/note.rtf", "Page.html"]
    assert corpus.problems == []


def test_mbox_body_line_starting_with_from_stays_in_its_message() -> None:
    data = (b"From a@x.example Tue Sep 28 14:52:00 2021\nFrom: A <a@x.example>\nSubject: One\n\n"
            b"Talks in Doha.\nFrom Cairo the delegation flew on.\n\n"
            b"From b@x.example Wed Sep 29 09:00:00 2021\nFrom: B <b@x.example>\nSubject: Two\n\n"
            b"Talks in Amman.\n")
    one, two = extract("m.mbox", data)
    assert one.text == "One\n\nTalks in Doha.\nFrom Cairo the delegation flew on."
    assert (two.part, two.title) == ("2", "Two")
