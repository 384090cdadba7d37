"""PDF with a text layer, through pdfminer.six: text per page, Arabic in logical order.

pdfminer.six gives every glyph with its position; ``explorer.formats.bidi`` puts each line's
glyphs in logical order (PDFs draw Arabic left to right, often as presentation forms). The
lines of one text box are one paragraph. Page starts are kept (``Extracted.page_starts``).
Metadata: the document information dictionary (Title, Author, CreationDate) and the
catalogue's ``/Lang``. A PDF without text (a scan) is read by OCR (``explorer.formats.ocr``).

Bounds: at most ``Limits.max_pages`` pages and ``Limits.seconds`` seconds; the rest is
skipped with a note. A compressed stream may inflate to ``MAX_STREAM_BYTES`` at most, and all
of one document's to ``MAX_INFLATED_BYTES`` (a "zip bomb" inside a PDF): pdfminer's zlib is
given a bounded one. Encrypted PDFs that need a password, and PDFs pdfminer cannot parse
(broken cross-reference tables beyond repair), raise ``FormatError``.
"""

from __future__ import annotations

import io
import logging
import unicodedata
import zlib
from typing import Any

from explorer.formats.base import Deadline, Extracted, FormatError, Limits
from explorer.formats.bidi import is_rtl, visual_to_logical
from explorer.formats.text import iso_date

FORMAT = "pdf"
SUFFIXES = (".pdf",)

#: Bytes one compressed stream may inflate to; all streams of one document together.
MAX_STREAM_BYTES = 64 * 1024 * 1024
MAX_INFLATED_BYTES = 512 * 1024 * 1024


class StreamBomb(Exception):
    """A compressed stream inflating past the bounds."""


class _BoundedZlib:
    """``zlib`` for pdfminer: ``decompress`` stops at the bounds (``StreamBomb``)."""

    error = zlib.error
    MAX_WBITS = zlib.MAX_WBITS

    def __init__(self) -> None:
        self.left = MAX_INFLATED_BYTES

    def decompress(self, data: bytes, wbits: int = zlib.MAX_WBITS, bufsize: int = 0) -> bytes:
        d = zlib.decompressobj(wbits)
        out = d.decompress(data, min(MAX_STREAM_BYTES, self.left) + 1)
        if len(out) > min(MAX_STREAM_BYTES, self.left):
            raise StreamBomb(f"a compressed stream inflates to more than {len(out) - 1:,} "
                             "bytes (a decompression bomb)")
        if not d.eof and not d.unconsumed_tail and not out:
            raise zlib.error("incomplete or truncated stream")
        self.left -= len(out)
        return out

    def decompressobj(self, *args: Any, **kwargs: Any) -> Any:
        return zlib.decompressobj(*args, **kwargs)


_ZLIB = _BoundedZlib()


for _name in ("pdfminer", "pdfminer.pdfpage", "pdfminer.pdfdocument", "pdfminer.pdfinterp",
              "pdfminer.psparser", "pdfminer.pdfparser", "pdfminer.cmapdb"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)  # broken files are said in one line


def read(data: bytes, limits: Limits) -> list[Extracted]:
    from pdfminer import pdftypes
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.psexceptions import PSException

    setattr(pdftypes, "zlib", _ZLIB)  # noqa: B010 (a module attribute mypy knows as zlib)
    _ZLIB.left = MAX_INFLATED_BYTES
    deadline = Deadline(limits.seconds)
    notes: list[str] = []
    try:
        doc = PDFDocument(PDFParser(io.BytesIO(data)))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise FormatError("password-protected PDF, skipped") from None
    except (PSException, ValueError, KeyError, TypeError, AttributeError, IndexError,
            RecursionError) as exc:
        raise FormatError(f"damaged PDF, cannot be read ({_why(exc)})") from None
    declared = _page_count(doc)
    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=LAParams())
    interpreter = PDFPageInterpreter(manager, device)
    pages: list[str] = []
    try:
        for n, page in enumerate(PDFPage.create_pages(doc)):
            if n >= limits.max_pages:
                notes.append(f"only the first {limits.max_pages} pages read (of "
                             f"{declared or 'more'})")
                break
            if deadline.expired():
                notes.append(f"only the first {n} pages read: the {limits.seconds:.0f} s "
                             "limit was reached")
                break
            try:
                interpreter.process_page(page)
                pages.append(_page_text(device.get_result()))
            except StreamBomb as exc:
                notes.append(f"page {n + 1} skipped: {exc}")
                pages.append("")
                if _ZLIB.left <= 0:
                    break
            except (PSException, ValueError, KeyError, TypeError, AttributeError, IndexError,
                    AssertionError, RecursionError, OverflowError) as exc:
                notes.append(f"page {n + 1} damaged, skipped ({_why(exc)})")
                pages.append("")
    except (PSException, ValueError, KeyError, TypeError, AttributeError, IndexError,
            RecursionError) as exc:
        if not pages:
            raise FormatError(f"damaged PDF, cannot be read ({_why(exc)})") from None
        notes.append(f"damaged after page {len(pages)}, the rest skipped ({_why(exc)})")
    if not pages:
        raise FormatError("PDF without pages")
    text, starts = join_pages(pages)
    info = _info(doc)
    out = Extracted(
        text=text, format=FORMAT, title=info.get("Title", ""),
        published=iso_date(info.get("CreationDate")), author=info.get("Author") or None,
        language=_lang(doc), page_starts=starts, notes=notes)
    if not text.strip():
        from explorer.formats import ocr

        return [ocr.ocr_pdf(data, out, limits, deadline)]
    return [out]


def join_pages(pages: list[str]) -> tuple[str, tuple[int, ...]]:
    """Pages' texts as one text (a blank line between pages) and the offsets of pages 2...n."""
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    for i, page in enumerate(pages):
        if i:
            parts.append("\n\n")
            pos += 2
            starts.append(pos)
        parts.append(page)
        pos += len(page)
    return "".join(parts), tuple(starts)


def _page_text(layout: Any) -> str:
    from pdfminer.layout import LTChar, LTTextBox, LTTextLine

    paragraphs: list[str] = []
    for box in _boxes(layout, LTTextBox):
        lines: list[str] = []
        for line in box:
            if not isinstance(line, LTTextLine):
                continue
            s = _line_visual([c for c in line if isinstance(c, LTChar)])
            if s:
                lines.append(visual_to_logical(s))
        if lines:
            paragraphs.append(" ".join(lines))
    return "\n".join(paragraphs)


def _line_visual(chars: list[Any]) -> str:
    """A line's glyphs left to right, a space where there is a gap. A combining mark (shadda,
    harakat) goes with its letter: before it in a right-to-left line, since
    ``visual_to_logical`` reverses the line (so the mark ends up after its letter)."""
    # Marks follow the content stream: drawn next to their letter (just before it in a
    # right-to-left run, as shaping engines emit them; just after it in a left-to-right one).
    rtl = is_rtl("".join(c.get_text() for c in chars))
    bases: list[Any] = []
    marks: list[list[str]] = []
    waiting: list[str] = []
    for c in chars:
        if _is_mark(c.get_text()):
            if rtl or not marks:
                waiting.append(c.get_text())
            else:
                marks[-1].append(c.get_text())
            continue
        bases.append(c)
        marks.append(waiting)
        waiting = []
    if not bases:
        return ""
    if waiting:
        marks[-1].extend(waiting)
    order = sorted(range(len(bases)), key=lambda k: bases[k].x0)
    bases, marks = [bases[k] for k in order], [marks[k] for k in order]
    out: list[str] = []
    prev_x1: float | None = None
    for base, its_marks in zip(bases, marks, strict=True):
        if prev_x1 is not None and out[-1] != " " and base.x0 - prev_x1 > 0.15 * max(
                base.size, 1.0):
            out.append(" ")
        glyph = base.get_text()
        out.append("".join(its_marks) + glyph if rtl else glyph + "".join(its_marks))
        prev_x1 = base.x1
    return " ".join("".join(out).split())


def _is_mark(glyph: str) -> bool:
    return bool(glyph) and unicodedata.category(glyph[0]).startswith("M")


def _boxes(layout: Any, kind: type) -> list[Any]:
    """Text boxes in pdfminer's reading order, also inside figures."""
    out: list[Any] = []
    stack = [iter(layout)]
    while stack:
        for obj in stack[-1]:
            if isinstance(obj, kind):
                out.append(obj)
            elif hasattr(obj, "__iter__") and not isinstance(obj, (str, bytes)):
                stack.append(iter(obj))
                break
        else:
            stack.pop()
    return out


def _page_count(doc: Any) -> int | None:
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(doc.catalog.get("Pages")).get("Count"))
    except Exception:  # any damage: the count is only for the note
        return None
    return count if isinstance(count, int) else None


def _info(doc: Any) -> dict[str, str]:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    out: dict[str, str] = {}
    for info in doc.info[:4]:
        for key in ("Title", "Author", "CreationDate", "ModDate"):
            try:
                value = resolve1(info.get(key))
            except Exception:  # damaged metadata is no reason to lose the text
                continue
            if isinstance(value, bytes):
                value = decode_text(value)
            if isinstance(value, str) and value.strip():
                out[key] = " ".join(value.split())
    return out


def _lang(doc: Any) -> str | None:
    from pdfminer.pdftypes import resolve1

    try:
        lang = resolve1(doc.catalog.get("Lang"))
    except Exception:  # as above
        return None
    if isinstance(lang, bytes):
        lang = lang.decode("latin-1", "replace")
    return lang if isinstance(lang, str) and lang else None


def _why(exc: BaseException) -> str:
    said = " ".join(str(exc).split())[:120]
    return f"{type(exc).__name__}: {said}" if said else type(exc).__name__
