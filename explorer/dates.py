"""Dates on news pages: publication and update labels, bare dates, and their ISO 8601 form.

Patterns match *line keys* (``explorer.furniture.line_key``: hamza and ta marbuta folded,
Arabic-Indic digits as ASCII, lower case). Numeric dates are day first unless the year leads or
the month would exceed 12; month names come in Egyptian/Gulf, Levantine, Maghrebi and English
usage. ``explorer.furniture`` uses them to find metadata lines.
"""

from __future__ import annotations

import re
from datetime import datetime

from gazetteer.lang.ar_words import DATES as _AR_DATES
from gazetteer.lang.words import DateWords

#: The Arabic date words (``gazetteer.lang.ar``), and the English ones until English has a
#: language of its own (issue 19).
_AR = _AR_DATES
_EN = DateWords(
    months={
        **dict.fromkeys(["january", "jan"], 1), **dict.fromkeys(["february", "feb"], 2),
        **dict.fromkeys(["march", "mar"], 3), **dict.fromkeys(["april", "apr"], 4),
        **dict.fromkeys(["may"], 5), **dict.fromkeys(["june", "jun"], 6),
        **dict.fromkeys(["july", "jul"], 7), **dict.fromkeys(["august", "aug"], 8),
        **dict.fromkeys(["september", "sep", "sept"], 9),
        **dict.fromkeys(["october", "oct"], 10), **dict.fromkeys(["november", "nov"], 11),
        **dict.fromkeys(["december", "dec"], 12),
    },
    published=(r"published(?:\ on)?", r"posted(?:\ on)?"),
    updated=(r"(?:last\ )?updated(?:\ on)?", "modified"),
    label_words=("published", "posted", "updated", "modified"),
    ampm=("am", "pm"),
    evening=frozenset({"pm"}),
    at=("at",),
)
_WORDS = (_AR, _EN)
#: Month names (keys) in Egyptian/Gulf, Levantine and Maghrebi usage, and English.
MONTHS: dict[str, int] = {name: n for w in _WORDS for name, n in w.months.items()}
_MONTH = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
#: A date: year first (2021/09/28), day first (28/09/2021, 28-9-2021, 28.09.2021), or with
#: a month name (28 سبتمبر 2021, 27 سبتمبر/أيلول 2021, September 28, 2021).
DATE = re.compile(
    rf"""
    (?P<y1>\d{{4}})[/.-](?P<m1>\d{{1,2}})[/.-](?P<d1>\d{{1,2}})
  | (?P<d2>\d{{1,2}})[/.-](?P<m2>\d{{1,2}})[/.-](?P<y2>\d{{4}})
  | (?P<d3>\d{{1,2}})\ ?(?P<n3>{_MONTH})(?:\ ?/\ ?(?:{_MONTH}))?\ ?,?\ ?(?P<y3>\d{{4}})
  | (?P<n4>{_MONTH})\.?\ (?P<d4>\d{{1,2}}),?\ (?P<y4>\d{{4}})
    """,
    re.VERBOSE,
)
_AMPM = "|".join(x for w in _WORDS for x in w.ampm)
_EVENING = frozenset(x for w in _WORDS for x in w.evening)
_AT = "|".join(x for w in _WORDS for x in w.at)
_DAY = "|".join(w.day for w in _WORDS if w.day)
TIME = re.compile(
    rf"(?P<h>\d{{1,2}}):(?P<min>\d{{2}})(?::\d{{2}})?(?:\ ?(?P<ampm>{_AMPM})\b)?",
    re.VERBOSE,
)
PUBLISHED_LABEL = "|".join(x for w in _WORDS for x in w.published)
UPDATED_LABEL = "|".join(x for w in _WORDS for x in w.updated)
#: A labelled date: the label, an optional colon or dash, the date, optionally the time.
META = re.compile(
    rf"""(?<!\w)(?:(?P<pub>{PUBLISHED_LABEL})|(?P<upd>{UPDATED_LABEL}))
         \ ?[:\-–]?\ ?(?:(?:(?:{_DAY})\ )?\w+\ ?[،,]?\ )??
         (?P<date>{DATE.pattern})(?:\ ?[،,-]?\ ?(?:{_AT})?\ ?(?P<time>{TIME.pattern}))?""",
    re.VERBOSE,
)
#: Every label above holds one of these: a line holding none cannot be a labelled date, and
#: ``in`` says so far faster than the search.
META_WORDS = tuple(x for w in _WORDS for x in w.label_words)
BARE_DATE = re.compile(
    rf"(?P<date>{DATE.pattern})(?:\ ?[،,-]?\ ?(?:{_AT})?\ ?(?P<time>{TIME.pattern}))?",
    re.VERBOSE,
)


def parse_date(date: str, time: str | None = None) -> str | None:
    """``"2021/09/28", "14:52"`` → ``"2021-09-28T14:52"``; ``None`` if not a real date.

    Both arguments are line keys (see ``explorer.furniture.line_key``): Arabic letters folded,
    Arabic-Indic digits made ASCII, lower case.
    """
    m = DATE.fullmatch(date.strip())
    if not m:
        return None
    g = m.groupdict()
    if g["y1"]:
        y, mo, d = int(g["y1"]), int(g["m1"]), int(g["d1"])
    elif g["y2"]:
        y, mo, d = int(g["y2"]), int(g["m2"]), int(g["d2"])
        if mo > 12 >= d:  # 09/28/2021: month first after all
            mo, d = d, mo
    elif g["y3"]:
        y, mo, d = int(g["y3"]), MONTHS[g["n3"]], int(g["d3"])
    else:
        y, mo, d = int(g["y4"]), MONTHS[g["n4"]], int(g["d4"])
    hour = minute = None
    if time:
        t = TIME.fullmatch(time.strip())
        if t:
            hour, minute = int(t["h"]), int(t["min"])
            ampm = t["ampm"]
            if ampm in _EVENING and hour < 12:
                hour += 12
            elif ampm and ampm not in _EVENING and hour == 12:
                hour = 0
    try:
        when = datetime(y, mo, d, hour or 0, minute or 0)
    except ValueError:
        return None
    if hour is None:
        return when.strftime("%Y-%m-%d")
    return when.strftime("%Y-%m-%dT%H:%M")
