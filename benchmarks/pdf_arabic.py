"""Which PDF library gives Arabic text back as it was written: each installed one (pypdf,
pdfminer.six, pypdfium2) and the explorer's reader (pdfminer.six's glyphs + its own
visual-to-logical order) on tests/data/formats/ar_report.pdf (Arabic printed by QtWebEngine).

For each: the words of the text found (NFKC, so presentation forms count as their letters),
how much of the word order is right (difflib ratio of the word sequences), presentation forms
left, and the time. pypdf is not a dependency: ``pip install pypdf`` in a scratch venv to
compare it.

    python benchmarks/pdf_arabic.py
"""

from __future__ import annotations

import difflib
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PDF = ROOT / "tests" / "data" / "formats" / "ar_report.pdf"
TRUTH = """قصف مدفعي على مدينة حلب
قالت مصادر محلية إن القصف استهدف أحياء في شرق مدينة حلب السورية، وأسفر عن سقوط ضحايا.
وأضافت المصادر أن الطيران حلّق فوق ريف إدلب ودمشق في 2021 بعد اجتماع في بيروت.
الصفحة الثانية: وصل الوفد إلى القاهرة ثم توجه إلى عمّان."""


def words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text))


def pypdf_text() -> str:
    import pypdf

    return "\n".join(p.extract_text() for p in pypdf.PdfReader(PDF).pages)


def pdfminer_text() -> str:
    from pdfminer.high_level import extract_text

    return str(extract_text(PDF))


def pdfium_text() -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(PDF)
    return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))


def explorer_text() -> str:
    from explorer.formats import extract

    return extract("a.pdf", PDF.read_bytes())[0].text


def main() -> None:
    truth = words(TRUTH)
    readers: list[tuple[str, Callable[[], str]]] = [
        ("pypdf", pypdf_text), ("pdfminer.six", pdfminer_text), ("pypdfium2", pdfium_text),
        ("explorer", explorer_text)]
    for name, read in readers:
        try:
            read()  # warm: imports
        except ImportError:
            print(f"{name:<13} not installed")
            continue
        t0 = time.perf_counter()
        text = read()
        ms = 1000 * (time.perf_counter() - t0)
        got = words(text)
        found = len(set(truth) & set(got))
        order = difflib.SequenceMatcher(None, truth, got).ratio()
        shaped = sum(0xFB50 <= ord(c) <= 0xFEFF for c in text)
        print(f"{name:<13} words {found}/{len(set(truth))}  order {order:.2f}  "
              f"presentation forms {shaped:>3}  {ms:.0f} ms")


if __name__ == "__main__":
    main()
