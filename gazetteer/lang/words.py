"""The words of a language that the Qt-free core reads without the geoparser: datelines and a
page's furniture. Light (no gazetteer data, no matcher): the window imports it at start."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class DateWords:
    """The words of a language's datelines (``explorer.dates`` builds its patterns from them),
    as line keys (``explorer.furniture.line_key``: folded, lower case); labels are pieces of a
    verbose regular expression (a space written ``\\ ``), in the order they are tried."""

    months: Mapping[str, int]  # month names → 1..12
    published: tuple[str, ...]  # labels of the publication date («تم النشر», published on)
    updated: tuple[str, ...]  # labels of the update date
    #: A word every label above holds: a line with none of them cannot be a labelled date.
    label_words: tuple[str, ...]
    ampm: tuple[str, ...] = ()  # after a time: before or after noon, in the order tried
    evening: frozenset[str] = frozenset()  # those of ``ampm`` that say after noon
    at: tuple[str, ...] = ()  # between a date and its time («الساعة», at)
    day: str = ""  # the word that may stand before a weekday's name («يوم»)


@dataclass(frozen=True)
class FurnitureWords:
    """The words of a page's furniture in a language (``explorer.furniture`` builds its rules
    from them): each field a tuple of alternatives of a verbose regular expression over line
    keys, in the order they are tried; ``ui_words`` and ``ui_connectors`` words."""

    read_also: tuple[str, ...]  # "read also" labels («اقرأ أيضا»), anchored with ^
    cookies: tuple[str, ...]  # a cookie notice's words…
    cookie_site: tuple[str, ...]  # … with the site speaking to its reader
    load_more: tuple[str, ...]  # whole lines: «المزيد», load more
    comment_form: tuple[str, ...]
    follow_us: tuple[str, ...]  # at the start of a line
    newsletter: tuple[str, ...]
    copyright: tuple[str, ...]
    tags: tuple[str, ...]  # a line starting with one of these and a colon
    advertisement: tuple[str, ...]  # whole lines
    ui_words: frozenset[str]  # share bars, toolbars, navigation
    ui_connectors: frozenset[str] = frozenset()
    ui_phrases: str = ""  # names written in two words, joined with "_" in ``ui_words``
    #: Picture credits ending a caption (agencies, «أرشيفية») and words starting one («صورة»).
    photo_credits: tuple[str, ...] = ()
    photo_words: tuple[str, ...] = ()
