"""Word (``.docx``, python-docx), OpenDocument text (``.odt``, odfpy) and RTF (striprtf).

Text: the paragraphs in order (tables row by row, cells joined with " | "). Metadata: the
document's core properties (title, author, creation date, language). Word and OpenDocument
files are zips, checked for zip bombs first (``explorer.formats.archive``); a damaged or
password-protected (encrypted: an OLE file, not a zip) document raises ``FormatError``.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from explorer.formats.archive import open_zip
from explorer.formats.base import Extracted, FormatError, Limits
from explorer.formats.text import iso_date, tidy

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CODEPAGE = re.compile(rb"\\ansicpg(\d{3,5})")


def read_docx(data: bytes, limits: Limits) -> list[Extracted]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if data.startswith(_OLE):
        raise FormatError("password-protected (encrypted) or old-format Word file, skipped")
    open_zip(data, limits, "Word document")
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, AttributeError,
            TypeError, OSError) as exc:
        raise FormatError(f"damaged Word document ({_why(exc)})") from None
    except Exception as exc:  # lxml's XMLSyntaxError and python-docx's own
        raise FormatError(f"damaged Word document ({_why(exc)})") from None
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in child.iter(_w("t"))))
        elif tag == "tbl":
            for row in child.iter(_w("tr")):
                cells = ["".join(t.text or "" for t in tc.iter(_w("t")))
                         for tc in row.iter(_w("tc"))]
                lines.append(" | ".join(c for c in cells if c.strip()))
    props = document.core_properties
    text = tidy("\n".join(lines))
    title = " ".join((props.title or "").split())
    return [Extracted(
        text=text, format="docx", title=title,
        published=iso_date(props.created) if props.created else None,
        author=props.author or None, language=props.language or None)]


def _w(tag: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + tag


def read_odt(data: bytes, limits: Limits) -> list[Extracted]:
    from odf import teletype, text
    from odf.namespaces import DCNS, METANS, TEXTNS
    from odf.opendocument import load

    if data.startswith(_OLE):
        raise FormatError("password-protected (encrypted) OpenDocument file, skipped")
    zf = open_zip(data, limits, "OpenDocument file")
    try:
        manifest = zf.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in \
            zf.namelist() else b""
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise FormatError(f"damaged OpenDocument file ({_why(exc)})") from None
    if b"encryption-data" in manifest:
        raise FormatError("password-protected OpenDocument file, skipped")
    try:
        doc = load(io.BytesIO(data))
    except Exception as exc:  # odfpy raises whatever its SAX parser or zipfile raise
        raise FormatError(f"damaged OpenDocument file ({_why(exc)})") from None
    blocks = ((TEXTNS, "p"), (TEXTNS, "h"))
    lines = [teletype.extractText(el) for el in getattr(doc.text, "childNodes", [])
             if getattr(el, "qname", None) in blocks]
    if not any(lines):  # paragraphs inside sections or tables
        lines = [teletype.extractText(el) for el in
                 doc.getElementsByType(text.H) + doc.getElementsByType(text.P)]
    meta = _odf_meta(doc, DCNS, METANS)
    return [Extracted(
        text=tidy("\n".join(lines)), format="odt", title=meta.get("title", ""),
        published=iso_date(meta.get("creation-date") or meta.get("date")),
        author=meta.get("initial-creator") or meta.get("creator") or None,
        language=meta.get("language") or None)]


def _odf_meta(doc: Any, dcns: str, metans: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for node in getattr(doc.meta, "childNodes", []):
        ns, name = getattr(node, "qname", (None, None))
        if ns in (dcns, metans) and name:
            value = "".join(str(c) for c in getattr(node, "childNodes", []))
            if value.strip():
                out[name] = " ".join(value.split())
    return out


def read_rtf(data: bytes, limits: Limits) -> list[Extracted]:
    from striprtf.striprtf import rtf_to_text

    m = _CODEPAGE.search(data[:4096])
    codepage = f"cp{int(m.group(1))}" if m else "cp1252"
    try:
        "".encode(codepage)
    except LookupError:
        codepage = "cp1252"
    try:
        text: str = rtf_to_text(  # type: ignore[no-untyped-call]
            data.decode("latin-1"), encoding=codepage, errors="replace")
    except Exception as exc:  # striprtf's regexes on a damaged file
        raise FormatError(f"damaged RTF document ({_why(exc)})") from None
    return [Extracted(text=tidy(text), format="rtf")]


def _why(exc: BaseException) -> str:
    said = " ".join(str(exc).split())[:120]
    return f"{type(exc).__name__}: {said}" if said else type(exc).__name__
