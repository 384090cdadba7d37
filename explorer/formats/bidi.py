"""Lines of PDF glyphs in visual order (left to right on the page) to text in logical order.

PDF producers (Chromium, LibreOffice, Word) draw right-to-left text as glyphs placed left to
right, and many store the shaped presentation forms (``ﻗﺼﻒ``) rather than the letters. So a
line's characters are sorted by their position, and a line whose letters are mostly
right-to-left is reversed, with its left-to-right runs (Latin words, numbers: ``2021``,
``New York``) turned back and paired brackets swapped. Presentation forms become letters.
"""

from __future__ import annotations

import re

from explorer.formats.text import unshape

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]")
_LTR = re.compile("[A-Za-z0-9\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")
#: A left-to-right run, in a reversed line: LTR letters and digits with what joins them.
_LTR_RUN = re.compile(
    "[A-Za-z0-9\u00c0-\u024f\u0370-\u04ff]"
    "(?:[A-Za-z0-9\u00c0-\u024f\u0370-\u04ff .,:/%'’\\-]*[A-Za-z0-9\u00c0-\u024f\u0370-\u04ff])?"
)
_MIRROR = str.maketrans("()[]{}<>«»", ")(][}{><»«")


def is_rtl(line: str) -> bool:
    """More right-to-left letters than left-to-right ones."""
    return len(_RTL.findall(line)) > len(_LTR.findall(line))


def visual_to_logical(line: str) -> str:
    """A line in visual order (as placed on the page) to logical order, shapes unshaped."""
    if not is_rtl(line):
        return unshape(line)
    rev = line[::-1].translate(_MIRROR)
    rev = _LTR_RUN.sub(lambda m: m.group()[::-1].translate(_MIRROR), rev)
    return unshape(rev)
