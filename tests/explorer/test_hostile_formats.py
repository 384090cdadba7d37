"""Hostile files (issue 18, item 5): each refused or read in bounded time and memory, with one
problem line naming the file, and the rest of the folder read as if it were not there."""

from __future__ import annotations

import io
import shutil
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from explorer.article import Corpus
from explorer.corpus import read_corpus
from explorer.formats import Limits, extract
from tests.explorer.format_files import FIXTURES, docx_bytes, zip_bytes
from tests.explorer.pdf_builder import pdf

GOOD = "وصل الوفد إلى بيروت يوم الثلاثاء.\n"


def read_with(tmp_path: Path, name: str, data: bytes | None = None
              ) -> tuple[Corpus, float, int]:
    """The folder of one hostile file and one good article, read; seconds and peak bytes."""
    root = tmp_path / "c"
    root.mkdir(parents=True, exist_ok=True)
    if data is not None:
        (root / name).write_bytes(data)
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        corpus = read_corpus(root)
    finally:
        seconds = time.perf_counter() - t0
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert [a.doc for a in corpus.articles if a.doc == "good.txt"] == ["good.txt"]
    return corpus, seconds, peak


def only_problem(corpus: Corpus, name: str) -> str:
    [problem] = corpus.problems
    assert problem.path.endswith(name)
    assert "\n" not in problem.message
    return problem.message


def bomb(size: int, name: str = "zeros.txt") -> bytes:
    """A zip whose one member unpacks to ``size`` zero bytes (a few hundred KB packed),
    written in chunks: the bomb itself never sits in memory."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf, \
            zf.open(name, "w", force_zip64=True) as member:
        chunk = bytes(1 << 20)
        for _ in range(size >> 20):
            member.write(chunk)
    return out.getvalue()


def test_zip_bomb_is_refused_before_it_unpacks(tmp_path: Path) -> None:
    data = bomb(256 << 20)  # 256 MiB of zeros
    assert len(data) < 2 << 20
    corpus, seconds, peak = read_with(tmp_path, "bomb.zip", data)
    assert "zip bomb" in only_problem(corpus, "bomb.zip")
    assert seconds < 10 and peak < 50 << 20


def test_nested_zip_bomb_and_docx_bomb(tmp_path: Path) -> None:
    nested = zip_bytes({f"layer{i}.zip": bomb(32 << 20) for i in range(3)})
    assert "zip bomb" in extract_problem("nested.zip", nested)
    docx = zip_bytes({"word/document.xml": b"<w:document/>",
                      "[Content_Types].xml": b""})
    bombed = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, \
            zipfile.ZipFile(bombed, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            zf.writestr(info, src.read(info))
        with zf.open("word/media/huge.bin", "w", force_zip64=True) as member:
            for _ in range(64):
                member.write(bytes(1 << 20))
    corpus, seconds, _ = read_with(tmp_path, "bomb.docx", bombed.getvalue())
    assert "zip bomb" in only_problem(corpus, "bomb.docx")
    assert seconds < 10


def extract_problem(name: str, data: bytes) -> str:
    """What a zip's reader says about its members: the archive's note or its refusal."""
    from explorer.formats import FormatError

    try:
        out = extract(name, data)
    except FormatError as exc:
        return str(exc)
    return " ".join(n for e in out for n in e.notes)


def test_pdf_with_a_huge_page_count_is_read_up_to_the_limit(tmp_path: Path) -> None:
    many = pdf(["Talks in Doha"] * 3000)
    [e] = extract("many.pdf", many, Limits(max_pages=200))
    assert len(e.page_starts) == 199 and e.notes == ["only the first 200 pages read (of 3000)"]
    # a page count that lies (a billion) costs nothing
    corpus, seconds, _ = read_with(tmp_path, "liar.pdf", pdf(["Talks in Doha"], count=10**9))
    assert "liar.pdf" in [a.doc for a in corpus.articles] and seconds < 10


def test_pdf_decompression_bomb_is_stopped(tmp_path: Path) -> None:
    """A content stream that inflates to 1 GiB (about 1 MB in the file): that page is
    skipped at the bound with one line, the other page read, memory bounded."""
    data = pdf(["Talks in Doha", "Then in Cairo"], bomb=1 << 30)
    assert len(data) < 2 << 20
    corpus, seconds, peak = read_with(tmp_path, "bomb.pdf", data)
    message = only_problem(corpus, "bomb.pdf")
    assert message.startswith("page 1 skipped: a compressed stream inflates to more than")
    [article] = [a for a in corpus.articles if a.doc == "bomb.pdf"]
    assert "Then in Cairo" in article.text
    assert seconds < 20 and peak < 300 << 20


def test_pdf_with_a_broken_xref_is_read_or_refused_in_one_line(tmp_path: Path) -> None:
    corpus, _, _ = read_with(tmp_path, "xref.pdf", pdf(["Talks in Doha"], broken_xref=True))
    assert "xref.pdf" in [a.doc for a in corpus.articles]  # pdfminer rebuilds the table
    half = (FIXTURES / "ar_report.pdf").read_bytes()[:5000]
    corpus, seconds, _ = read_with(tmp_path, "half.pdf", half)
    assert only_problem(corpus, "half.pdf").startswith(("damaged PDF", "PDF without pages"))
    assert seconds < 10


def test_garbage_after_a_pdf_header(tmp_path: Path) -> None:
    corpus, _, _ = read_with(tmp_path, "junk.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40)
    assert "PDF" in only_problem(corpus, "junk.pdf")


def test_password_protected_files_are_refused(tmp_path: Path) -> None:
    corpus, _, _ = read_with(tmp_path, "secret.pdf", pdf(["Talks"], password=b"secret"))
    assert only_problem(corpus, "secret.pdf") == "password-protected PDF, skipped"
    # an encrypted Office document is an OLE compound file, not a zip
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096)
    corpus, _, _ = read_with(tmp_path / "b", "secret.docx", ole)
    assert "password-protected" in only_problem(corpus, "secret.docx")
    # a zip with encrypted members (the flag bit set in both headers)
    data = bytearray(zip_bytes({"a.txt": GOOD.encode()}))
    data[6] |= 1
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 1
    corpus, _, _ = read_with(tmp_path / "c", "secret.zip", bytes(data))
    assert "password-protected" in only_problem(corpus, "secret.zip")


LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>x</title><description>&lol9;</description></item></channel></rss>
"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><title>&xxe;</title><description>x</description></item>
</channel></rss>
"""


def test_xml_entity_expansion_and_external_entities_are_refused(tmp_path: Path) -> None:
    corpus, seconds, peak = read_with(tmp_path, "laughs.xml", LAUGHS)
    assert "entity" in only_problem(corpus, "laughs.xml")
    assert seconds < 5 and peak < 50 << 20
    corpus, _, _ = read_with(tmp_path / "x", "xxe.rss", EXTERNAL)
    assert "entity" in only_problem(corpus, "xxe.rss")
    assert "root:" not in str(corpus.articles[0].text)


def test_a_pdf_that_is_really_html_is_read_as_html(tmp_path: Path) -> None:
    corpus, _, _ = read_with(tmp_path, "report.pdf", (FIXTURES / "ar_page.html").read_bytes())
    message = only_problem(corpus, "report.pdf")
    assert message == "named .pdf but is an HTML page: read as HTML page"
    [article] = [a for a in corpus.articles if a.doc == "report.pdf"]
    assert article.format == "html" and article.title == "قصف مدفعي على مدينة حلب"


@pytest.mark.parametrize("name", ["huge.pdf", "huge.zip", "huge.mbox"])
def test_a_2_gb_file_is_refused_unread(tmp_path: Path, name: str) -> None:
    root = tmp_path / "c"
    root.mkdir()
    with (root / name).open("wb") as f:
        f.truncate(2 << 30)  # sparse: 2 GiB long, no data written
    corpus, seconds, peak = read_with(tmp_path, name)
    assert only_problem(corpus, name) == "larger than the 20 MB limit (--max-bytes), skipped"
    assert seconds < 5 and peak < 10 << 20


def test_corrupt_docx_in_one_line(tmp_path: Path) -> None:
    good = docx_bytes()
    corpus, _, _ = read_with(tmp_path, "cut.docx", good[: len(good) // 2])
    assert "damaged" in only_problem(corpus, "cut.docx")
    broken = zip_bytes({"[Content_Types].xml": b"<not xml", "word/document.xml": b"<<<"})
    corpus, _, _ = read_with(tmp_path / "b", "junk.docx", broken)
    assert "damaged Word document" in only_problem(corpus, "junk.docx")


def test_hostile_files_in_the_index_leave_the_rest_indexed(tmp_path: Path, world) -> None:  # type: ignore[no-untyped-def]
    from explorer.index.build import Indexer
    from explorer.index.db import IndexDB

    root = tmp_path / "c"
    root.mkdir()
    (root / "bomb.zip").write_bytes(bomb(256 << 20))
    (root / "laughs.xml").write_bytes(LAUGHS)
    (root / "secret.pdf").write_bytes(pdf(["Talks"], password=b"secret"))
    shutil.copy(FIXTURES / "ar_page.html", root / "fake.pdf")
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    summary = Indexer(root, tmp_path / "i.db", geoparser=world).run()
    assert (summary.new, summary.refused) == (2, 3)
    with IndexDB(tmp_path / "i.db") as db:
        assert set(db.stored()) == {"good.txt", "fake.pdf"}
    assert sorted(Path(p.path).name for p in summary.problems) == [
        "bomb.zip", "fake.pdf", "laughs.xml", "secret.pdf"]


def test_an_image_claiming_billions_of_pixels_is_not_given_to_ocr(tmp_path: Path) -> None:
    import struct
    import zlib

    from explorer.formats.ocr import image_size

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body))

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 100_000, 100_000,
                                                          8, 0, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + chunk(b"IEND", b""))
    assert image_size(png) == (100_000, 100_000)
    assert image_size((FIXTURES / "scan_ar.png").read_bytes()) == (900, 170)
    corpus, seconds, _ = read_with(tmp_path, "huge.png", png)
    assert "100,000 × 100,000 pixels" in only_problem(corpus, "huge.png")
    assert seconds < 5
