"""Context rules: is a matched name a place where it stands, and which kind of place is cued?

The vocabulary lives in ``data/context.yaml``; the rules here are general (a title or a given
name before a name makes it a person, an organisation word makes it part of a name, a bare
compass word is a direction) and hold for any text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from gazetteer.matcher import PROCLITICS, RawMatch, Token
from gazetteer.normalize import fold

CONTEXT_FILE = Path(__file__).resolve().parent / "data" / "context.yaml"


@dataclass(frozen=True)
class Vocabulary:
    titles: frozenset[str]
    first_names: frozenset[str]
    org_before: frozenset[str]
    org_after: frozenset[str]
    org_phrase_heads: frozenset[str]
    directions: frozenset[str]
    time_before: frozenset[str]
    cues: dict[str, frozenset[str]]


def _folded(words: list[str]) -> frozenset[str]:
    out = set()
    for w in words:
        f = fold(str(w)).strip()
        out.add(f)
        if f.startswith("ال") and len(f) > 3:
            out.add(f[2:])
    return frozenset(out)


@lru_cache(maxsize=1)
def vocabulary(path: Path = CONTEXT_FILE) -> Vocabulary:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Vocabulary(
        titles=_folded(data["titles"]),
        first_names=_folded(data["first_names"]),
        org_before=_folded(data["org_before"]),
        org_after=_folded(data["org_after"]),
        org_phrase_heads=_folded(data["org_phrase_heads"]),
        directions=_folded(data["directions"]),
        time_before=_folded(data["time_before"]),
        cues={k: _folded(v) for k, v in data["cues"].items()},
    )


def _bare(word: str) -> str:
    """A word without one leading proclitic, for cue words written بمدينة or وولاية."""
    for p in PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= 3:
            return word[len(p):]
    return word


def _near(folded: str, toks: list[Token], a: int, b: int) -> bool:
    """True when tokens a < b are separated only by spaces (no punctuation, no line break)."""
    return folded[toks[a].end:toks[b].start].strip(" \t") == ""


def rejection(
    m: RawMatch, toks: list[Token], folded: str, voc: Vocabulary, *, toponym: bool
) -> str | None:
    """Why this match is not a place mention here, or None when it may be one."""
    before = m.first > 0 and _near(folded, toks, m.first - 1, m.first)
    prev = toks[m.first - 1].text if before else ""
    prev2 = (
        toks[m.first - 2].text
        if m.first > 1 and prev and _near(folded, toks, m.first - 2, m.first - 1)
        else ""
    )
    after = m.last < len(toks) and _near(folded, toks, m.last - 1, m.last)
    nxt = toks[m.last].text if after else ""
    if len(m.key) == 1 and m.key[0] in voc.directions:
        return "a compass direction, not a place"
    if prev in voc.time_before or _bare(prev) in voc.time_before:
        return f"a time zone ('{prev} …')"
    if not toponym:
        return None
    if (
        len(m.key) == 1
        and m.key[0] in voc.first_names
        and m.proclitic == ""
        and nxt
        and not nxt.startswith("و")
    ):
        return f"a given name: before '{nxt}'"
    if m.proclitic == "" and prev:
        if prev in voc.first_names:
            return f"a surname: after the given name '{prev}'"
        if prev in voc.titles or _bare(prev) in voc.titles:
            return f"a person: after the title '{prev}'"
    if prev and (prev in voc.org_before or _bare(prev) in voc.org_before) and m.proclitic == "":
        return f"part of an organisation's name: after '{prev}'"
    if nxt and nxt in voc.org_after:
        return f"part of a name: before '{nxt}'"
    heads = voc.org_phrase_heads
    if prev2 and (prev2 in heads or _bare(prev2) in heads) and prev in voc.directions:
        return f"part of an organisation's name: '{prev2} {prev} …'"
    return None


def cue(m: RawMatch, toks: list[Token], folded: str, voc: Vocabulary) -> str | None:
    """The kind of place the word before the name cues ('city', 'admin1', 'country'), if any."""
    if m.first == 0 or not _near(folded, toks, m.first - 1, m.first):
        return None
    prev = toks[m.first - 1].text
    for kind, words in voc.cues.items():
        if prev in words or _bare(prev) in words:
            return kind
    return None
