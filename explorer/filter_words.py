"""A filter in words, for what an export says about itself (the HTML map's heading, a file name).

Non-Qt and in English: the CLI's exports and the HTML map use it; the window describes its
filter with the chips' translated labels (``explorer.qt.chips``) and passes them on.
"""

from __future__ import annotations

import re

from explorer.query import ALL_TYPES, TOPONYMS, Filter

#: Characters a proposed file name keeps (letters of any script, digits, ``-``); the rest
#: become ``-``.
_NAME_UNSAFE = re.compile(r"[^\w-]+")
MAX_NAME_CHARS = 60


def filter_lines(f: Filter) -> list[str]:
    """``f`` as short phrases, in the chips' order; ``[]`` for the filter that keeps all."""
    out = [f"country {c}" for c in sorted(f.countries)]
    out += [f"region {r}" for r in sorted(f.regions)]
    out += [f"only {k}" for k in sorted(f.kinds)]
    if f.types != TOPONYMS:
        out.append({ALL_TYPES: "place names and demonyms",
                    frozenset({"demonym"}): "demonyms only"}.get(f.types, "no mention type"))
    if f.date_from and f.date_to:
        out.append(f"{f.date_from} to {f.date_to}")
    elif f.date_from:
        out.append(f"from {f.date_from}")
    elif f.date_to:
        out.append(f"until {f.date_to}")
    if f.min_confidence > 0:
        out.append(f"confidence ≥ {f.min_confidence:.2f}")
    if f.area is not None:
        out.append(f.area.words())
    if f.text:
        out.append(f"“{f.text}”")
    if f.doc is not None:
        out.append(f"article {f.doc}")
    out += [f"outlet {o}" for o in sorted(f.outlets)]
    out += [f"{x.upper()} files" for x in sorted(f.formats)]
    return out


def file_stem(corpus: str, words: list[str]) -> str:
    """A file name (no suffix) from the corpus' name and the filter's words:
    ``("news", ["country SY", "“حلب”"])`` → ``"news-country-SY-حلب"``; bounded, no
    separators or dots, never empty."""
    parts = [corpus, *words]
    stem = "-".join(p for p in (_NAME_UNSAFE.sub("-", x).strip("-_") for x in parts) if p)
    return stem[:MAX_NAME_CHARS].strip("-_") or "explorer"


__all__ = ["file_stem", "filter_lines"]
