"""English names written otherwise than the gazetteer has them (issue 19): "U.S.", "UK", "America",
"D.C.", the AP's state abbreviations after a town ("Mobile, Ala.") or a party ("D-W. Va."), Saint,
Mount and Fort abbreviated ("St. Petersburg"), and the all-caps town of a dateline ("CHARLESTON,
S.C. (AP) —", also after a headline's stop). ``written_names`` finds them in a text, each with the
name the gazetteer knows and the country it must be in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple


class Written(NamedTuple):
    start: int
    end: int
    name: str  # as the gazetteer writes it
    country: str | None  # the candidates kept: this country's (None: all)


#: Abbreviations read anywhere (as written, case and stops kept).
ANYWHERE = {
    "U.S.": "United States", "US": "United States", "U.S.A.": "United States",
    "USA": "United States", "UK": "United Kingdom", "U.K.": "United Kingdom",
    "UAE": "United Arab Emirates", "U.A.E.": "United Arab Emirates",
    "D.C.": "District of Columbia",
}
#: The AP's abbreviations of US states, read after a comma ("Tulsa, Okla."): alone, some are
#: words (Miss., Wash., La.).
STATES = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas",
    "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts",
    "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire",
    "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina",
    "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn.": "Tennessee", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington",
    "W.Va.": "West Virginia", "W. Va.": "West Virginia", "Wis.": "Wisconsin",
    "Wyo.": "Wyoming",
}
#: Saint, Mount and Fort abbreviated before a name ("St. Petersburg", "Mt. Pleasant"): read as
#: the gazetteer writes the whole name, when it has it.
ABBREVIATED_WORDS = {"St.": "Saint", "Mt.": "Mount", "Ft.": "Fort"}


def _alternatives(keys: list[str]) -> str:
    return "|".join(map(re.escape, sorted(keys, key=len, reverse=True)))


#: "America" alone is the United States; after Latin, South, North, Central it is part of a
#: region's name, which the gazetteer has.
_AMERICA = re.compile(r"(?<!Latin )(?<!South )(?<!North )(?<!Central )(?<![\w.])America(?![\w])")
_ANYWHERE = re.compile(rf"(?<![\w.])({_alternatives(list(ANYWHERE))})(?![\w])")
_STATE = re.compile(rf",[ \t]+({_alternatives(list(STATES))})(?![\w])")
#: A legislator's party and state: "Rep. Nick Rahall, D-W. Va.", "(R-Okla.)".
_PARTY_STATE = re.compile(rf"(?<![\w.])[DRI]-({_alternatives(list(STATES))})(?![\w])")
#: A dateline inside a line, after the headline's stop: "... accident. CHARLESTON, W.Va. --".
_DATELINE_AFTER_STOP = re.compile(
    rf"(?<=[.!?][ \t])([A-Z][A-Z'\-]+(?:[ \t][A-Z][A-Z'\-]+){{0,2}})"
    rf"(?=,[ \t]+(?:{_alternatives(list(STATES))}))")
_ABBREVIATED = re.compile(
    rf"(?<![\w.])({_alternatives(list(ABBREVIATED_WORDS))})[ \t]+"
    r"([A-Z][a-z]+)(?:[ \t]([A-Z][a-z]+))?")
#: A dateline: one to three all-caps words starting a line, before a comma, a parenthesis or
#: a dash.
_DATELINE = re.compile(
    r"^[ \t]*([A-Z][A-Z'\-]+(?:[ \t][A-Z][A-Z'\-]+){0,2})(?=,|[ \t]+\(|[ \t]+[-\u2013\u2014])",
    re.MULTILINE)


def written_names(text: str) -> Iterator[Written]:
    """The abbreviations and datelines of ``text``, in no particular order."""
    for m in _ANYWHERE.finditer(text):
        yield Written(m.start(1), m.end(1), ANYWHERE[m.group(1)], None)
    for m in _AMERICA.finditer(text):
        yield Written(m.start(), m.end(), "United States", None)
    for m in _STATE.finditer(text):
        yield Written(m.start(1), m.end(1), STATES[m.group(1)], "US")
    for m in _PARTY_STATE.finditer(text):
        yield Written(m.start(1), m.end(1), STATES[m.group(1)], "US")
    for m in _DATELINE_AFTER_STOP.finditer(text):
        if len(m.group(1)) >= 3:
            yield Written(m.start(1), m.end(1), m.group(1).title(), "US")
    for m in _ABBREVIATED.finditer(text):
        whole = ABBREVIATED_WORDS[m.group(1)]
        if m.group(3):
            yield Written(m.start(1), m.end(3), f"{whole} {m.group(2)} {m.group(3)}", None)
        yield Written(m.start(1), m.end(2), f"{whole} {m.group(2)}", None)
    for m in _DATELINE.finditer(text):
        word = m.group(1)
        if len(word) >= 3:
            yield Written(m.start(1), m.end(1), word.title(), None)
