"""Bytes of an article file to text: the encoding detected, line ends made ``"\\n"``.

Order of the checks, cheapest and surest first:

1. Byte-order marks: UTF-8 (``EF BB BF``), UTF-16 LE (``FF FE``) and BE (``FE FF``).
2. Known binary formats by their first bytes (PDF, ZIP/Office, images, ...), then NUL bytes:
   a text file in any 8-bit encoding or in UTF-8 has none.
3. Strict UTF-8: exact, and what almost every modern file is. A UTF-8 file with a few invalid
   bytes (a damaged byte in the middle of an Arabic article) is still UTF-8: when at least
   ``MIN_VALID_PER_INVALID`` valid multi-byte characters stand for every damaged spot (a run
   of adjacent invalid bytes: two bytes hit together are one spot, not two), each
   invalid byte becomes U+FFFD and ``Decoded.replaced`` lists their byte offsets (the reader
   reports them as a non-fatal problem). Text in an old code page almost never forms valid
   multi-byte UTF-8 sequences, so it does not pass for damaged UTF-8.
4. charset-normalizer, for the old code pages (Windows-1256, ISO-8859-6 and the rest).
   On short Arabic text it often guesses a CJK multi-byte encoding, and it cannot tell
   ISO-8859-6 from Windows-1256 on a few words. So it is also asked to rank only the two
   Arabic code pages, and a reading in which (almost) every non-ASCII character is Arabic
   wins over a reading full of accented Latin letters or CJK ideographs, unless its Arabic
   letters sit inside Latin words (French read as ISO-8859-6: ``café`` → ``cafى``). Between
   two Arabic readings, the one with more words starting with the article ``ال`` wins (the two
   code pages put ``ل`` at different bytes, so the wrong one turns ``ال`` into ``ان`` or
   ``اف``), then charset-normalizer's ranking decides (it favours Windows-1256). A word or two
   without ``ال`` can be valid in both: ``تم`` in ISO-8859-6 is ``ته`` in Windows-1256; such
   text is read as Windows-1256, the common one.

The decoded text then has CRLF and lone CR turned into LF: it is the text every offset refers to.
A file that cannot be read as text raises ``DecodeError`` with a one-line reason.
"""

from __future__ import annotations

import codecs
import re
from os import PathLike
from typing import NamedTuple

from charset_normalizer import from_bytes

#: Code pages of Arabic text, in the order charset-normalizer is asked to rank them.
ARABIC_CODEPAGES = ("cp1256", "iso8859_6")

#: Share of the non-ASCII characters that must be Arabic for a reading to count as Arabic.
ARABIC_SHARE = 0.95

#: Arabic letters glued to a Latin letter, per Arabic character, above which a reading is no
#: Arabic text but a Latin one in the wrong code page.
MAX_MIXED_SHARE = 0.02

#: Characters of a decoded text looked at to judge it (the whole text is decoded strictly).
SAMPLE_CHARS = 200_000

#: Share of control characters (other than tab, newline, carriage return, form feed) above
#: which decoded "text" is taken for binary data.
MAX_CONTROL_SHARE = 0.01

#: Valid non-ASCII UTF-8 characters needed per damaged spot (a run of adjacent invalid bytes)
#: to read a file as damaged UTF-8.
MIN_VALID_PER_INVALID = 20

#: First bytes of common binary formats that are sometimes renamed to ``.txt``.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)

#: Control characters (Unicode category Cc) but tab, LF, VT, FF and CR.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_ESCAPED = re.compile("[\udc80-\udcff]")  # invalid bytes, as "surrogateescape" decodes them
_ESCAPED_RUN = re.compile("[\udc80-\udcff]+")  # a damaged spot: adjacent invalid bytes
_DEFINITE = re.compile(r"(?<!\w)(?:[وفبكل]{0,2})ال\w")
_MIXED = re.compile("[A-Za-z][\u0621-\u064a]|[\u0621-\u064a][A-Za-z]")
_NON_ASCII = re.compile(r"[^\x00-\x7f\s]")
_ARABIC = re.compile(
    "[\u0600-\u06ff"  # Arabic
    "\u0750-\u077f"  # Arabic Supplement
    "\ufb50-\ufdff"  # Presentation Forms-A
    "\ufe70-\ufeff"  # Presentation Forms-B
    "\u200c-\u200f]"  # joiners and direction marks
)


class DecodeError(ValueError):
    """The bytes are not text this reader can decode; ``str(exc)`` is a one-line reason."""


class Decoded(NamedTuple):
    """A decoded file: its text, the encoding read, and the byte offsets replaced by U+FFFD."""

    text: str
    encoding: str
    replaced: tuple[int, ...] = ()


def decode(data: bytes, path: str | PathLike[str] | None = None) -> Decoded:
    """Decode an article file's bytes, line ends normalised to ``"\\n"``.

    ``path`` (the file the bytes came from) is accepted for callers' convenience; detection
    never looks at the name. Raises ``DecodeError`` for binary or undecodable data.
    """
    decoded = _decode(data)
    if _control_share(decoded.text[:SAMPLE_CHARS]) > MAX_CONTROL_SHARE:
        raise DecodeError("binary data (control characters), not text")
    return decoded._replace(text=normalise_newlines(decoded.text))


def describe_replaced(offsets: tuple[int, ...], shown: int = 5) -> str:
    """``(12, 40)`` → ``"invalid UTF-8 at bytes 12, 40 replaced with U+FFFD"`` (bounded)."""
    listed = ", ".join(map(str, offsets[:shown]))
    more = f", … ({len(offsets)} in all)" if len(offsets) > shown else ""
    noun = "byte" if len(offsets) == 1 else "bytes"
    return f"invalid UTF-8 at {noun} {listed}{more} replaced with U+FFFD"


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR to LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes) -> Decoded:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                damaged = _damaged_utf8(data, len(bom)) if name == "utf-8-sig" else None
                if damaged is None:
                    raise DecodeError(f"undecodable: invalid {name} at byte {exc.start}") from None
                return damaged._replace(encoding=name)
            if codec.startswith("utf-16"):
                text = text.removeprefix("\ufeff")
            return Decoded(text, name)
    for signature, what in BINARY_SIGNATURES:
        if data.startswith(signature):
            raise DecodeError(f"binary file: {what}, not plain text")
    if b"\x00" in data:
        raise DecodeError("binary data (NUL bytes), not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _damaged_utf8(data) or _detect(data)


def _damaged_utf8(data: bytes, skip: int = 0) -> Decoded | None:
    """UTF-8 with a few invalid bytes, each replaced by U+FFFD; None if it is not UTF-8."""
    text = data[skip:].decode("utf-8", "surrogateescape")
    # counted without a list of matches: a code-page file has millions of "invalid" bytes
    bad = len(text) - len(_ESCAPED.sub("", text))
    valid = len(text) - len(text.encode("ascii", "ignore")) - bad
    # Judged per damaged spot: in a code-page file nearly every word is a run of "invalid"
    # bytes with no valid multi-byte character, so runs tell the two apart as bytes did,
    # and two bytes hit together no longer weigh twice against the article (bug 25).
    spots = len(_ESCAPED_RUN.sub("\ufffd", text)) - len(text) + bad
    if not bad or valid < MIN_VALID_PER_INVALID * spots:
        return None
    offsets: list[int] = []
    pos, done = skip, 0
    for m in _ESCAPED.finditer(text):
        pos += len(text[done : m.start()].encode("utf-8", "surrogateescape"))
        offsets.append(pos)
        pos, done = pos + 1, m.end()
    return Decoded(_ESCAPED.sub("\ufffd", text), "utf-8", tuple(offsets))


def _detect(data: bytes) -> Decoded:
    """Old code pages, with charset-normalizer (see the module docstring)."""
    arabic_ranked = [m.encoding for m in from_bytes(data, cp_isolation=list(ARABIC_CODEPAGES))]
    readings: list[tuple[int, float, int, str, str]] = []
    for codec in ARABIC_CODEPAGES:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[:SAMPLE_CHARS]
        share = _arabic_share(sample)
        if share >= ARABIC_SHARE and not _inside_latin_words(sample):
            rank = arabic_ranked.index(codec) if codec in arabic_ranked else len(ARABIC_CODEPAGES)
            readings.append((len(_DEFINITE.findall(sample)), share, -rank, text, codec))
    if readings:
        *_, text, codec = max(readings)
        return Decoded(text, codec)
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("undecodable: not UTF-8, UTF-16 or a known code page")
    return Decoded(str(best), best.encoding)


def _arabic_share(text: str) -> float:
    """Share of the non-ASCII, non-space characters that are Arabic (letters, marks, signs)."""
    non_ascii = len(_NON_ASCII.findall(text))
    return len(_ARABIC.findall(text)) / non_ascii if non_ascii else 0.0


def _inside_latin_words(text: str) -> bool:
    """Are Arabic letters glued to Latin ones, more than a stray typo would explain?"""
    return len(_MIXED.findall(text)) > MAX_MIXED_SHARE * len(_ARABIC.findall(text))


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / len(text) if text else 0.0
