"""Article text to passages: one non-empty, non-furniture line is one passage.

A passage's span is its line trimmed of whitespace, so ``text == article.text[start:end]``.
Kinds (``explorer.article.PASSAGE_KINDS``):

- ``title``: the page's title line (see ``explorer.furniture``);
- ``caption``: a photo caption: a line ending with a picture credit after a separator
  (``… قمة جنيف/ رويترز``, ``… عام 2011، رويترز``, ``… - REUTERS``, ``(Getty)``), or a short line
  starting with "photo" (``صورة أرشيفية …``, ``الصورة: …``);
- ``heading``: a short line (fewer than ``HEADING_MAX_WORDS`` words) that does not end like a
  sentence; datelines such as ``واشنطن -`` are headings too;
- ``paragraph``: everything else.
"""

from __future__ import annotations

import re

from explorer.article import Passage
from explorer.furniture import Line, Page, analyse_page
from gazetteer.lang.ar_words import FURNITURE as _AR_FURNITURE

_AR = _AR_FURNITURE

HEADING_MAX_WORDS = 12
CAPTION_MAX_WORDS = 40

#: Photo credits (line keys, see ``explorer.furniture.line_key``): news agencies, picture
#: agencies and the usual generic credits: the Arabic ones are ``gazetteer.lang.ar``'s.
PHOTO_CREDITS = (
    *_AR.photo_credits,
    "reuters", "afp", "ap", "epa", "epa-efe", "efe", "dpa", "upi", "anadolu", "anadolu agency",
    "getty", "getty images", "shutterstock", "istock", "xinhua", "sputnik", "tass", "file photo",
)
_CREDIT = "|".join(sorted((re.escape(c) for c in PHOTO_CREDITS), key=len, reverse=True))
#: A credit at the end of the line, after a slash, comma, dash or bar, or in parentheses.
CAPTION_CREDIT = re.compile(rf"(?:[/،,|\-–—]|\()\ ?(?:{_CREDIT})\ ?\)?\.?$", re.VERBOSE)
#: A line introduced as a picture.
_PHOTO = "|".join((*_AR.photo_words, "photo", "file photo"))
CAPTION_START = re.compile(rf"^\(?(?:{_PHOTO})\b\ ?[:(\-–]?", re.VERBOSE)
#: What ends a sentence (or a quoted one): such a line is no heading.
SENTENCE_END = (".", "!", "?", "؟", "…", ":", "؛", ";", "،", ",", '."', ".”", ".»")


def passage_kind(line: Line, is_title: bool = False) -> str:
    if is_title:
        return "title"
    if line.n_words <= CAPTION_MAX_WORDS and CAPTION_CREDIT.search(line.key):
        return "caption"
    if line.n_words < HEADING_MAX_WORDS and CAPTION_START.match(line.key):
        return "caption"
    if line.n_words < HEADING_MAX_WORDS and not line.text.endswith(SENTENCE_END):
        return "heading"
    return "paragraph"


def page_passages(page: Page) -> tuple[Passage, ...]:
    """The passages of an analysed page, in text order."""
    return tuple(
        Passage(ln.start, ln.end, ln.text, passage_kind(ln, ln is page.title))
        for ln in page.text_lines
    )


def split_passages(text: str) -> tuple[Passage, ...]:
    """The passages of ``text`` (LF line ends), furniture left out."""
    return page_passages(analyse_page(text))
