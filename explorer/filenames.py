"""File names that are not UTF-8, in the index and on screen.

In memory a file name is what ``os.fsdecode`` gives: a byte that is not UTF-8 (an Arabic name
in cp1256 from a Windows archive) is a lone surrogate U+DC80–U+DCFF, which ``os.fsencode``
turns back into the very byte. SQLite text must be UTF-8, so the index stores such a byte as
the private-use character U+10FF00 + byte (``stored``), and reading gives the surrogate back
(``loaded``). A real character of that range in a name (never seen in practice) is stored as
its UTF-8 bytes the same way, so every name round-trips: ``loaded(stored(n)) == n``.

``readable`` is a name for people: the bytes that are not UTF-8 decoded as Windows Arabic
(cp1256, which also holds the French accented letters), so ``مقال.txt`` reads as itself.
"""

from __future__ import annotations

import re

_BASE = 0x10FF00
#: What ``stored`` must rewrite: surrogate-escaped bytes and the private-use range it uses.
_UNSAFE = re.compile("[\udc80-\udcff\U0010ff80-\U0010ffff]")
_STORED = re.compile("[\U0010ff80-\U0010ffff]")
_ESCAPED = re.compile("[\udc80-\udcff]+")


def _store_char(m: re.Match[str]) -> str:
    c = m.group()
    code = ord(c)
    if code <= 0xDCFF:
        return chr(_BASE + code - 0xDC00)
    return "".join(chr(_BASE + b) for b in c.encode("utf-8"))


def stored(name: str) -> str:
    """``name`` as valid UTF-8 text for the index (unchanged when it is UTF-8 already)."""
    return _UNSAFE.sub(_store_char, name) if _UNSAFE.search(name) else name


def loaded(text: str) -> str:
    """The name ``stored`` wrote as ``text``."""
    if not _STORED.search(text):
        return text
    raw = _STORED.sub(lambda m: chr(0xDC00 + ord(m.group()) - _BASE), text)
    # Bytes that together are UTF-8 (a real character of the private range) read as it.
    return raw.encode("utf-8", "surrogateescape").decode("utf-8", "surrogateescape")


def loaded_or_none(text: str | None) -> str | None:
    return None if text is None else loaded(text)


def readable(name: str) -> str:
    """``name`` for display: bytes that are not UTF-8 read as cp1256 (Windows Arabic)."""
    if not _ESCAPED.search(name):
        return name
    return _ESCAPED.sub(
        lambda m: m.group().encode("utf-8", "surrogateescape").decode("cp1256", "replace"),
        name)
