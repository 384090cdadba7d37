"""Files of every format an analyst's folder holds, to articles: text plus metadata.

One module per format family, each through a library made for it (see the README):

- ``html``: saved web pages (trafilatura);
- ``pdf``: PDF with a text layer (pdfminer.six; Arabic put in logical order); scans by OCR;
- ``ocr``: images and scanned PDFs (Tesseract, its Arabic, English and French models);
- ``office``: Word ``.docx`` (python-docx), OpenDocument ``.odt`` (odfpy), RTF (striprtf);
- ``mail``: ``.eml`` and ``.mbox`` (the standard library's ``email``): one article a message,
  attachments read as their own formats;
- ``feed``: RSS and Atom (defusedxml: no entity expansion, no external entities);
- ``table``: ``.csv``, ``.tsv``, ``.json``, ``.jsonl``, ``.xlsx`` (openpyxl): one article a row;
- ``archive``/``ziparchive``: ``.zip`` read inside, bounded.

``extract(name, data, limits)`` picks the reader by the name's suffix, unless the content
says otherwise (a ``.pdf`` that is really an HTML page is read as HTML, with a note).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePosixPath

from explorer.formats.base import Extracted, FormatError, Limits, OcrUnavailable

__all__ = ["SUFFIXES", "Extracted", "FormatError", "Limits", "OcrUnavailable", "extract",
           "format_of", "sniff"]

Reader = Callable[[bytes, Limits, int], list[Extracted]]

#: Suffix → format name; ``.txt`` is read by ``explorer.corpus`` itself.
SUFFIX_FORMATS: dict[str, str] = {
    ".html": "html", ".htm": "html", ".xhtml": "html", ".mhtml": "html", ".mht": "html",
    ".pdf": "pdf",
    ".png": "image", ".jpg": "image", ".jpeg": "image", ".tif": "image", ".tiff": "image",
    ".docx": "docx", ".odt": "odt", ".rtf": "rtf",
    ".eml": "eml", ".mbox": "mbox",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".csv": "csv", ".tsv": "csv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".xlsx": "xlsx",
    ".zip": "zip",
}
#: Every suffix read besides ``.txt``.
SUFFIXES = frozenset(SUFFIX_FORMATS)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"), (b"{\\rtf", "rtf"), (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"), (b"II*\x00", "image"), (b"MM\x00*", "image"),
)
_NAMES = {"pdf": "a PDF document", "html": "an HTML page", "image": "an image",
          "rtf": "an RTF document", "zip": "a zip archive", "feed": "an RSS/Atom feed",
          "docx": "a Word document", "odt": "an OpenDocument text", "xlsx": "a spreadsheet"}


def format_of(name: str) -> str | None:
    """The format a file name's suffix says, or None (``.txt`` and unknown suffixes)."""
    return SUFFIX_FORMATS.get(PurePosixPath(name).suffix.lower())


def sniff(data: bytes) -> str | None:
    """The format the first bytes show, when they show one (None: plain text or unknown)."""
    for magic, fmt in _MAGIC:
        if data.startswith(magic):
            return fmt
    if data.startswith(b"PK\x03\x04"):
        head = data[:4096]
        if b"word/" in head:
            return "docx"
        if b"application/vnd.oasis.opendocument.text" in head:
            return "odt"
        if b"xl/" in head:
            return "xlsx"
        return "zip"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith(b"<?xml") and (b"<rss" in data[:2048] or b"<feed" in data[:2048]):
        return "feed"
    return None


def extract(name: str, data: bytes, limits: Limits | None = None, depth: int = 0
            ) -> list[Extracted]:
    """The articles in a file's bytes (``name`` is its file name, for the suffix).
    Raises ``FormatError`` with a one-line reason when nothing can be read."""
    limits = limits or Limits()
    said = format_of(name)
    seen = sniff(data)
    notes: list[str] = []
    fmt = said
    if seen and said and seen != said and not _compatible(said, seen):
        notes.append(f"named {PurePosixPath(name).suffix} but is {_NAMES.get(seen, seen)}: "
                     f"read as {_NAMES.get(seen, seen).split(' ', 1)[1]}")
        fmt = seen
    fmt = fmt or seen
    if fmt is None:
        raise FormatError("unknown format, skipped")
    reader = _reader(fmt)
    out = reader(data, limits, depth)
    if notes and out:
        out[0].notes[:0] = notes
    return out


def extract_member(name: str, data: bytes, limits: Limits, depth: int) -> list[Extracted]:
    """The articles of a file held in another one (an e-mail's attachment, a zip's member),
    one level deeper: plain text decoded as the folder reader decodes a ``.txt``, any other
    format by ``extract``. Raises ``FormatError`` as ``extract`` does."""
    if name.lower().endswith(".txt"):
        from explorer.decode import DecodeError, decode

        try:
            return [Extracted(text=decode(data).text, format="txt")]
        except DecodeError as exc:
            raise FormatError(str(exc)) from None
    return extract(name, data, limits, depth + 1)


def _compatible(said: str, seen: str) -> bool:
    return (said, seen) in {("eml", "html"), ("mbox", "html"), ("feed", "html"),
                            ("csv", "html"), ("zip", "docx"), ("zip", "odt"), ("zip", "xlsx")}


def _reader(fmt: str) -> Reader:
    from explorer.formats import feed, html, mail, ocr, office, pdf, table, ziparchive

    readers: dict[str, Reader] = {
        "html": lambda d, lim, _: html.read(d, lim),
        "pdf": lambda d, lim, _: pdf.read(d, lim),
        "image": lambda d, lim, _: ocr.read_image(d, lim),
        "docx": lambda d, lim, _: office.read_docx(d, lim),
        "odt": lambda d, lim, _: office.read_odt(d, lim),
        "rtf": lambda d, lim, _: office.read_rtf(d, lim),
        "eml": mail.read_eml,
        "mbox": mail.read_mbox,
        "feed": lambda d, lim, _: feed.read(d, lim),
        "csv": lambda d, lim, _: table.read_csv(d, lim),
        "json": lambda d, lim, _: table.read_json(d, lim),
        "jsonl": lambda d, lim, _: table.read_jsonl(d, lim),
        "xlsx": lambda d, lim, _: table.read_xlsx(d, lim),
        "zip": ziparchive.read,
    }
    return readers[fmt]
