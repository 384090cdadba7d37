"""Reading throughput per format, and the share of indexing time spent reading (extraction).

A mixed folder is generated (``--docs`` articles, default 1,200) from the seed articles'
paragraphs: plain text, web pages, PDFs (the Arabic one printed by QtWebEngine in
tests/data/formats, and Latin ones of ``--pdf-pages`` pages), Word, OpenDocument, RTF, e-mails,
mboxes (10 messages), RSS feeds (10 entries), CSV and JSON Lines tables (20 rows), spreadsheets
(20 rows) and zips (5 members), in equal shares of articles. With ``--ocr``, PNG scans too
(Tesseract: seconds each).

Then, in this one process (so the figures are per core):

1. every file read as the corpus reads it (``explorer.corpus.read_articles``: bounded read,
   format reader, furniture and passages), timed per format: MB/s and articles/s;
2. the folder indexed (``explorer.index.build.Indexer``, ``--jobs 1``): its wall time, and the
   share of it that step 1 (reading) accounts for.

    python benchmarks/formats.py [--docs 1200] [--out DIR] [--pdf-pages 3] [--ocr]
"""

from __future__ import annotations

import argparse
import io
import random
import shutil
import sys
import tempfile
import time
import zipfile
from collections import defaultdict
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from explorer.corpus import ArticleError, list_files, read_articles  # noqa: E402
from explorer.formats import format_of  # noqa: E402
from tests.explorer.format_files import FIXTURES  # noqa: E402
from tests.explorer.pdf_builder import pdf  # noqa: E402

SEEDS = ROOT / "seeds"


def paragraphs() -> list[str]:
    out: list[str] = []
    for f in sorted(SEEDS.glob("*.txt")):
        out += [p.strip() for p in f.read_text(encoding="utf-8").split("\n") if
                len(p.split()) >= 8]
    return out


def _article(rng: random.Random, paras: list[str]) -> tuple[str, list[str]]:
    body = rng.sample(paras, k=min(len(paras), rng.randint(3, 8)))
    return " ".join(body[0].split()[:8]), body


def _txt(title: str, body: list[str]) -> bytes:
    return "\n\n".join([title, *body]).encode()


def _html(title: str, body: list[str]) -> bytes:
    ps = "".join(f"<p>{p}</p>" for p in body)
    return (f'<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>{title}'
            '</title><meta property="og:site_name" content="الجريدة"><meta property='
            '"article:published_time" content="2021-09-28T14:52:00"></head><body><nav><a>'
            f"الرئيسية</a> <a>العالم</a></nav><article><h1>{title}</h1>{ps}</article>"
            "<footer>جميع الحقوق محفوظة</footer></body></html>").encode()


def _eml(title: str, body: list[str], n: int) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Desk <desk@wire.example>"
    msg["Subject"] = title
    msg["Date"] = f"Tue, {1 + n % 28:02d} Sep 2021 14:52:00 +0000"
    msg.set_content("\n\n".join(body))
    return msg.as_bytes()


def _rtf(body: list[str]) -> bytes:
    text = r"\par ".join("".join(f"\\u{ord(c)}?" if ord(c) > 127 else c for c in p)
                         for p in body)
    return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\f0 " + text + "}").encode()


def _csv(rows: list[tuple[str, list[str]]]) -> bytes:
    import csv

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["title", "text", "date", "outlet"])
    for i, (t, b) in enumerate(rows):
        w.writerow([t, "\n".join(b), f"2021-09-{1 + i % 28:02d}", "الجريدة"])
    return buf.getvalue().encode()


def _jsonl(rows: list[tuple[str, list[str]]]) -> bytes:
    import json

    return "\n".join(json.dumps({"title": t, "text": "\n".join(b), "outlet": "Wire"},
                                ensure_ascii=False) for t, b in rows).encode()


def _xlsx(rows: list[tuple[str, list[str]]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Title", "Text", "Source"])
    for t, b in rows:
        sheet.append([t, "\n".join(b), "الجريدة"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _rss(rows: list[tuple[str, list[str]]]) -> bytes:
    from xml.sax.saxutils import escape

    items = "".join(f"<item><title>{escape(t)}</title><link>https://a.example/{i}</link>"
                    f"<description>{escape(''.join(f'<p>{p}</p>' for p in b))}</description>"
                    "<pubDate>Tue, 28 Sep 2021 14:52:00 +0000</pubDate></item>"
                    for i, (t, b) in enumerate(rows))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>'
            f"وكالة</title>{items}</channel></rss>").encode()


def _docx(title: str, body: list[str]) -> bytes:
    import docx

    d = docx.Document()
    d.core_properties.title = title
    for p in body:
        d.add_paragraph(p)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _odt(body: list[str]) -> bytes:
    from odf import text as T
    from odf.opendocument import OpenDocumentText

    o = OpenDocumentText()
    for p in body:
        o.text.addElement(T.P(text=p))
    out = io.BytesIO()
    o.write(out)
    return out.getvalue()


def generate(out: Path, docs: int, pdf_pages: int, ocr: bool, seed: int = 1) -> dict[str, int]:
    """The mixed folder; returns the number of articles written per format."""
    rng = random.Random(seed)
    paras = paragraphs()
    latin = [f"Talks were held in Doha and Cairo on day {i}" for i in range(pdf_pages)]
    arabic_pdf = (FIXTURES / "ar_report.pdf").read_bytes()
    kinds: list[tuple[str, int, Callable[[int], bytes]]] = [
        ("txt", 1, lambda n: _txt(*_article(rng, paras))),
        ("html", 1, lambda n: _html(*_article(rng, paras))),
        ("pdf", 1, lambda n: arabic_pdf if n % 2 else pdf(latin)),
        ("docx", 1, lambda n: _docx(*_article(rng, paras))),
        ("odt", 1, lambda n: _odt(_article(rng, paras)[1])),
        ("rtf", 1, lambda n: _rtf(_article(rng, paras)[1])),
        ("eml", 1, lambda n: _eml(*_article(rng, paras), n)),
        ("mbox", 10, lambda n: b"".join(
            b"From desk@wire.example Tue Sep 28 14:52:00 2021\n" + _eml(*_article(rng, paras), k)
            + b"\n" for k in range(10))),
        ("xml", 10, lambda n: _rss([_article(rng, paras) for _ in range(10)])),
        ("csv", 20, lambda n: _csv([_article(rng, paras) for _ in range(20)])),
        ("jsonl", 20, lambda n: _jsonl([_article(rng, paras) for _ in range(20)])),
        ("xlsx", 20, lambda n: _xlsx([_article(rng, paras) for _ in range(20)])),
        ("zip", 5, lambda n: _zip([(f"{k}.html", _html(*_article(rng, paras)))
                                   for k in range(5)])),
    ]
    if ocr:
        png = (FIXTURES / "scan_ar.png").read_bytes()
        kinds.append(("png", 1, lambda n: png))
    share = max(1, docs // len(kinds))
    written: dict[str, int] = {}
    out.mkdir(parents=True, exist_ok=True)
    for suffix, per_file, make in kinds:
        n_files = max(1, share // per_file)
        for n in range(n_files):
            (out / f"{suffix}_{n:05d}.{suffix}").write_bytes(make(n))
        written[suffix] = n_files * per_file
    return written


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            zf.writestr(name, data)
    return out.getvalue()


def measure(root: Path) -> tuple[dict[str, list[float]], float]:
    """Per format: [files, bytes, articles, seconds]; and the total reading time."""
    files, _ = list_files(root)
    per: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0, 0.0])
    total = 0.0
    for _, path in files:
        fmt = path.suffix.lstrip(".") if format_of(path.name) else "txt"
        t0 = time.perf_counter()
        try:
            articles, _ = read_articles(path, root)
        except ArticleError:
            articles = []
        dt = time.perf_counter() - t0
        row = per[fmt]
        row[0] += 1
        row[1] += path.stat().st_size
        row[2] += len(articles)
        row[3] += dt
        total += dt
    return per, total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=1200, help="articles to generate (about)")
    ap.add_argument("--out", type=Path, help="folder to generate into (default: a temp one)")
    ap.add_argument("--pdf-pages", type=int, default=3, help="pages of the Latin PDFs")
    ap.add_argument("--ocr", action="store_true", help="PNG scans too (needs Tesseract)")
    args = ap.parse_args()
    tmp = None if args.out else Path(tempfile.mkdtemp(prefix="formats-bench-"))
    root = args.out or (tmp / "corpus")  # type: ignore[operator]
    try:
        t0 = time.perf_counter()
        written = generate(root, args.docs, args.pdf_pages, args.ocr)
        print(f"generated {sum(written.values()):,} articles in "
              f"{len(list(root.iterdir())):,} files in {time.perf_counter() - t0:.1f} s")
        measure(root)  # warm: imports of every reader, the OS cache
        per, reading = measure(root)
        print(f"{'format':<7}{'files':>7}{'articles':>9}{'MB':>8}{'MB/s':>9}{'articles/s':>12}")
        for fmt in sorted(per, key=lambda k: -per[k][3]):
            files, size, arts, secs = per[fmt]
            print(f"{fmt:<7}{int(files):>7}{int(arts):>9}{size / 1e6:>8.2f}"
                  f"{size / 1e6 / secs:>9.2f}{arts / secs:>12.1f}")
        size = sum(r[1] for r in per.values())
        arts = sum(r[2] for r in per.values())
        print(f"{'all':<7}{int(sum(r[0] for r in per.values())):>7}{int(arts):>9}"
              f"{size / 1e6:>8.2f}{size / 1e6 / reading:>9.2f}{arts / reading:>12.1f}")
        from explorer.index.build import Indexer

        db = (tmp or root.parent) / "formats-bench.sqlite"
        db.unlink(missing_ok=True)
        from gazetteer import load_geoparser

        geoparser = load_geoparser()
        t0 = time.perf_counter()
        summary = Indexer(root, db, jobs=1, geoparser=geoparser).run()
        indexing = time.perf_counter() - t0
        print(f"index (1 core): {summary.new:,} articles in {indexing:.1f} s "
              f"({summary.new / indexing:.1f} articles/s); reading (extraction) is "
              f"{100 * reading / indexing:.0f}% of it")
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
