"""What every format reader returns, and the limits they all keep.

A reader turns the bytes of one file into one or more ``Extracted`` documents: the article text
(LF line ends) and the metadata the file itself states. A file that holds several articles (an
mbox, a feed, a table, a zip archive, an e-mail with attachments) gives one per article, each
with its own ``part`` (``"3"``, ``"report.pdf"``, ``"3/report.pdf"``): its doc name in the
corpus is the file's followed by ``#`` and the part (``folder/mail.mbox#3``).

Readers raise ``FormatError`` with a one-line reason when the file cannot be read; a part that
cannot be read is a ``note`` of the file (a problem line), the other parts are still read.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field


class FormatError(ValueError):
    """The file cannot be read as its format; ``str(exc)`` says why in one line."""


class OcrUnavailable(FormatError):
    """The file needs OCR and Tesseract (or one of its language models) is not installed."""


@dataclass(slots=True)
class Extracted:
    """One article read from a file: its text and the metadata the file states."""

    text: str
    format: str
    part: str = ""  # "" for the whole file; else the member's name inside the file
    title: str = ""
    published: str | None = None  # ISO 8601, from the document's own metadata
    author: str | None = None
    outlet: str | None = None  # site, publication or sender's organisation
    url: str | None = None
    language: str | None = None  # as the document states it (BCP 47, e.g. "ar")
    #: Offsets in ``text`` where pages 2, 3, ... start (PDFs); empty: no pages.
    page_starts: tuple[int, ...] = ()
    notes: list[str] = field(default_factory=list)  # non-fatal problems met on the way


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that keep a hostile file from taking the reader's time or memory."""

    max_bytes: int = 20 * 1024 * 1024  # a file, or a member once unpacked
    max_total_bytes: int = 200 * 1024 * 1024  # everything unpacked from one archive
    max_ratio: int = 200  # unpacked / packed size of one member
    max_members: int = 2000  # members of an archive, messages, feed entries, table rows
    max_pages: int = 500  # PDF pages read
    max_depth: int = 3  # archives in archives, attachments of attachments
    seconds: float = 60.0  # one file's extraction (PDF pages, OCR)


class Deadline:
    """A time budget: ``check()`` raises ``FormatError`` once it is spent."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def expired(self) -> bool:
        return time.monotonic() > self.end

    def left(self) -> float:
        return max(0.1, self.end - time.monotonic())
