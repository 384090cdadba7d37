"""Arabic text normalisation that remembers where every character came from.

``normalize(text)`` folds the spelling variation Arabic news shows in place names (hamza forms
of alif, alif maqsura, ta marbuta, tatweel, diacritics, Persian letter forms, presentation
forms, invisible formatting characters, exotic spaces) and returns the folded text together
with, for each folded character, its index in the original. Spans found in the folded text are
mapped back with ``Normalized.span``, so mentions always carry offsets into the original text.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

# Characters dropped entirely: harakat, Quranic marks, superscript alif, tatweel, formatting.
_DROP = set(range(0x064B, 0x0660)) | {0x0670, 0x0640, 0x00AD, 0x061C, 0xFEFF}
_DROP |= set(range(0x0610, 0x061B)) | set(range(0x06D6, 0x06EE))
_DROP |= set(range(0x200B, 0x2010)) | set(range(0x202A, 0x202F)) | set(range(0x2060, 0x2070))

# Marks that attach to the preceding letter: a span ending before them is extended over them.
_TRAILING = frozenset(chr(c) for c in _DROP if unicodedata.combining(chr(c)) or c == 0x0640)

_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي", "ئ": "ي",
    "ة": "ه", "ۃ": "ه", "ە": "ه", "ۀ": "ه",
    "ؤ": "و",
    "ک": "ك", "ڪ": "ك",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4",
    "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
}


def _is_space(ch: str) -> bool:
    return ch != "\n" and (ch.isspace() or unicodedata.category(ch) == "Zs")


def _fold_char(ch: str) -> str:
    """The folded form of one original character ('' when it is dropped)."""
    cp = ord(ch)
    if cp in _DROP:
        return ""
    if 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFC:  # presentation forms
        nfkc = unicodedata.normalize("NFKC", ch)
        # Only forms that decompose (not ﴾ ﴿, unassigned code points: they would recurse for
        # ever), and into at most one word: ﷺ would be four words at one original offset.
        if nfkc != ch:
            folded = "".join(_fold_char(c) for c in nfkc)
            if len(_WORD.findall(folded)) <= 1:
                return folded
    if _is_space(ch):
        return " "
    return _FOLD.get(ch, ch)


@dataclass(frozen=True, slots=True)
class Normalized:
    """Folded text plus, for each of its characters, the index of the original character."""

    original: str
    text: str
    origin: Sequence[int]  # a range when nothing was dropped

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the folded text back to the original text.

        The original span starts at the first folded character's source and ends after the
        last one's, extended over diacritics or tatweel that follow it.
        """
        if start >= end:
            raise ValueError("empty span")
        ostart = self.origin[start]
        oend = self.origin[end - 1] + 1
        src = self.original
        while oend < len(src) and src[oend] in _TRAILING:
            oend += 1
        return ostart, oend


def _slow_normalize(text: str) -> Normalized:
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        if not folded:
            continue
        out.append(folded)
        origin.extend([i] * len(folded))
    return Normalized(text, "".join(out), tuple(origin))


def _translation_table() -> dict[int, str | None]:
    """``str.translate`` table doing what ``_fold_char`` does for one-to-one characters."""
    table: dict[int, str | None] = {cp: None for cp in _DROP}
    table.update({ord(k): v for k, v in _FOLD.items()})
    for cp in range(0x3100):  # every space character is below U+3100
        ch = chr(cp)
        if cp not in table and _is_space(ch):
            table[cp] = " "
    return table


_TABLE = _translation_table()
_DROPPED = frozenset(chr(c) for c in _DROP)
# Presentation forms may fold into several characters: those texts take the slow path.
_EXPANDING = re.compile("[\uFB50-\uFDFF\uFE70-\uFEFC]")

#: The characters ``_TABLE`` changes, and into what ('' when dropped). No character is changed
#: into one that is changed in turn, so they may be replaced one after the other, in any order.
_CHANGES = {chr(k): v or "" for k, v in _TABLE.items() if v != chr(k)}
assert not set(_CHANGES.values()) & set(_CHANGES)
_CHANGED = re.compile("[" + "".join(re.escape(c) for c in sorted(_CHANGES)) + "]")
_DROPPED_RUN = re.compile("[" + "".join(re.escape(c) for c in sorted(_DROPPED)) + "]+")


def _translate(text: str) -> str:
    """``text.translate(_TABLE)``, faster: a few ``str.replace`` over text that is mostly
    letters left as they are (``str.translate`` looks up every character)."""
    for ch in {m.group() for m in _CHANGED.finditer(text)}:  # no list of every match
        text = text.replace(ch, _CHANGES[ch])
    return text


def normalize(text: str) -> Normalized:
    """Fold ``text`` for matching; see the module docstring."""
    if _EXPANDING.search(text):
        return _slow_normalize(text)
    folded = _translate(text)
    if len(folded) == len(text):
        return Normalized(text, folded, range(len(text)))
    # The index of every character kept: the ranges between the runs of dropped ones (a
    # machine-integer array: 8 bytes a character, not a list's 40, on megabyte articles).
    origin = array("q")
    pos = 0
    for m in _DROPPED_RUN.finditer(text):
        origin.extend(range(pos, m.start()))
        pos = m.end()
    origin.extend(range(pos, len(text)))
    return Normalized(text, folded, origin)


def fold(text: str) -> str:
    """Just the folded text (for names in the gazetteer)."""
    if _EXPANDING.search(text):
        return "".join(_fold_char(ch) for ch in text)
    return _translate(text)


_WORD = re.compile(r"[^\W\d_]+")
#: Splits folded text into separator, word, separator, ..., word, separator.
WORD_SPLIT = re.compile(r"([^\W\d_]+)")


def words(text: str) -> list[str]:
    """The letter runs of ``text`` after folding: the tokens names are matched on."""
    return _WORD.findall(fold(text))


def word_spans(folded: str) -> list[tuple[int, int]]:
    """Spans of the letter runs in already-folded text."""
    return [m.span() for m in _WORD.finditer(folded)]
