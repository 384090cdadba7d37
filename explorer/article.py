"""The corpus' value types: articles, their passages, and problems met while reading them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

#: Passage kinds: the article's title, a short heading or dateline, a photo caption, a paragraph.
PASSAGE_KINDS = ("title", "heading", "caption", "paragraph")


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of article text shown to the user and geoparsed.

    ``start``/``end`` are offsets into ``Article.text``; ``text == article.text[start:end]``.
    """

    start: int
    end: int
    text: str
    kind: str = "paragraph"
    page: int | None = None  # the PDF page it is on (1-based); None: no pages


@dataclass(frozen=True, slots=True)
class Furniture:
    """A stretch of page furniture (links, notices, toolbar labels): neither shown nor geoparsed."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class Problem:
    """Something the reader could not read or had to skip, said in one line."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


@dataclass(slots=True)
class Article:
    """One file of the corpus, decoded, with its metadata and passages."""

    doc: str  # path relative to the corpus root, POSIX separators; "#part" for one of many
    path: Path
    text: str  # the decoded text; every offset refers to it
    title: str = ""
    outlet: str | None = None
    published: str | None = None  # ISO 8601, e.g. "2021-09-28T14:52"
    updated: str | None = None
    passages: tuple[Passage, ...] = ()
    furniture: tuple[Furniture, ...] = ()
    encoding: str = "utf-8"
    # Identity: what the file was when it was read (an index re-reads it when these change).
    size: int = 0
    mtime_ns: int = 0
    sha256: str = ""
    replaced: tuple[int, ...] = ()  # byte offsets of invalid UTF-8 read as U+FFFD
    # What the file itself states (explorer.formats): None when it says nothing.
    author: str | None = None
    url: str | None = None
    language: str | None = None
    format: str = "txt"  # txt, html, mhtml, pdf, pdf-ocr, image, docx, odt, rtf, email, ...
    page_starts: tuple[int, ...] = ()  # offsets in text where pages 2, 3, ... start (PDFs)


@dataclass(slots=True)
class Corpus:
    """What ``read_corpus`` returns: the articles it read and the problems it met."""

    root: Path
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
