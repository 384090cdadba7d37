"""Context rules: is a matched name a place where it stands, and which kind of place is cued?

The vocabulary lives in ``data/context.yaml``; the rules here are general (a title or a given
name before a name makes it a person, an organisation word makes it part of a name, a bare
compass word is a direction) and hold for any text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import yaml

from gazetteer.matcher import PROCLITICS, RawMatch, Tokens
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
    #: Word → what it is in this vocabulary (see ``roles``), filled as words are met.
    roles_cache: dict[str, Roles] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )


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


_BARE_CACHE: dict[str, str] = {}
_BARE_CACHE_SIZE = 200_000


def _bare(word: str) -> str:
    """A word without one leading proclitic, for cue words written بمدينة or وولاية."""
    bare = _BARE_CACHE.get(word)
    if bare is None:
        bare = word
        for p in PROCLITICS:
            if word.startswith(p) and len(word) - len(p) >= 3:
                bare = word[len(p):]
                break
        if len(_BARE_CACHE) < _BARE_CACHE_SIZE:
            _BARE_CACHE[word] = bare
    return bare


class Roles(NamedTuple):
    """What a word standing before (or after) a name is in the vocabulary."""

    time_before: bool  # a time word (بتوقيت …), proclitic or not
    first_name: bool
    title: bool  # proclitic or not
    org_before: bool  # proclitic or not
    direction: bool
    org_head: bool  # proclitic or not
    org_after: bool
    cue: str | None  # the kind of place it cues, proclitic or not


_ROLES_CACHE_SIZE = 200_000


def roles(word: str, voc: Vocabulary) -> Roles:
    """The roles of ``word`` (cached per vocabulary: the same words recur in every text)."""
    found = voc.roles_cache.get(word)
    if found is None:
        bare = _bare(word)
        cue_kind = None
        for kind, words in voc.cues.items():
            if word in words or bare in words:
                cue_kind = kind
                break
        found = Roles(
            word in voc.time_before or bare in voc.time_before,
            word in voc.first_names,
            word in voc.titles or bare in voc.titles,
            word in voc.org_before or bare in voc.org_before,
            word in voc.directions,
            word in voc.org_phrase_heads or bare in voc.org_phrase_heads,
            word in voc.org_after,
            cue_kind,
        )
        if len(voc.roles_cache) < _ROLES_CACHE_SIZE:
            voc.roles_cache[word] = found
    return found


def rejection(m: RawMatch, toks: Tokens, voc: Vocabulary, *, toponym: bool) -> str | None:
    """Why this match is not a place mention here, or None when it may be one."""
    words = toks.words
    before = m.first > 0 and toks.near(m.first)
    prev = words[m.first - 1] if before else ""
    if len(m.key) == 1 and m.key[0] in voc.directions:
        return "a compass direction, not a place"
    r = roles(prev, voc)
    if r.time_before:
        return f"a time zone ('{prev} …')"
    if not toponym:
        return None
    after = m.last < len(words) and toks.near(m.last)
    nxt = words[m.last] if after else ""
    if (
        len(m.key) == 1
        and m.key[0] in voc.first_names
        and m.proclitic == ""
        and nxt
        and not nxt.startswith("و")
    ):
        return f"a given name: before '{nxt}'"
    if m.proclitic == "" and prev:
        if r.first_name:
            return f"a surname: after the given name '{prev}'"
        if r.title:
            return f"a person: after the title '{prev}'"
    if prev and r.org_before and m.proclitic == "":
        return f"part of an organisation's name: after '{prev}'"
    if nxt and roles(nxt, voc).org_after:
        return f"part of a name: before '{nxt}'"
    if prev and r.direction:
        prev2 = words[m.first - 2] if m.first > 1 and toks.near(m.first - 1) else ""
        if prev2 and roles(prev2, voc).org_head:
            return f"part of an organisation's name: '{prev2} {prev} …'"
    return None


def cue(m: RawMatch, toks: Tokens, voc: Vocabulary) -> str | None:
    """The kind of place the word before the name cues ('city', 'admin1', 'country'), if any."""
    if m.first == 0 or not toks.near(m.first):
        return None
    return roles(toks.words[m.first - 1], voc).cue
