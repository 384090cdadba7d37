"""Skeletons: what the press's many Arabic spellings of one foreign name share.

Arabic writes a foreign name's vowels as it pleases (الدانمرك، الدنمارك), its g as غ or ج
(بنغلاديش، بنجلاديش), and the same consonant with different letters (ت or ط, س or ص, ك or ق).
``skeleton`` keeps what every spelling agrees on for a *written* name; ``loose_skeleton`` also
merges those consonant pairs, for a spelling *made* from a Latin name
(``gazetteer.transliterate``), which cannot know which letter the press chose.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Protocol

_LONG_VOWELS = str.maketrans("", "", "اوي")
_STRICT = str.maketrans({"غ": "ج"})
#: Letters a transliteration cannot tell apart, each to one of them.
_LOOSE = str.maketrans({"غ": "ج", "ق": "ك", "ط": "ت", "ص": "س", "ض": "د", "ح": "ه", "ظ": "ز",
                        "ث": "س", "ذ": "ز", "ة": "ه"})


def bare(word: str) -> str:
    """A folded word without its article (kept on words of four letters or fewer)."""
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _shape(word: str, merge: dict[int, str] | None = None) -> str:
    """The long vowels inside dropped, doubled letters single, then letters merged (a merge
    makes no double: «جيغاوا» keeps two letters before its alif)."""
    if len(word) >= 2:
        inner = word[0] + word[1:-1].translate(_LONG_VOWELS) + word[-1]
        word = "".join(c for k, c in enumerate(inner) if k == 0 or c != inner[k - 1])
    return word.translate(merge) if merge else word


def skeleton(word: str) -> str:
    """A folded word as the press's spellings of a foreign name share it: the article off,
    the long vowels inside the word dropped (the first and last letters kept: دنماركي is an
    adjective, not دنمارك), ج and غ alike, no doubled letters.

    >>> skeleton("الدانمرك") == skeleton("الدنمارك") == skeleton("دنمارك")
    True
    >>> skeleton("بنجلاديش") == skeleton("بنغلاديش")
    True
    """
    return _shape(bare(word), _STRICT)


def loose_skeleton(word: str) -> str:
    """``skeleton`` with the consonants a transliteration cannot tell apart merged (ط/ت, ص/س,
    ق/ك, ح/ه, ض/د, ث/س, ذ/ظ/ز).

    >>> loose_skeleton("طوكيو") == loose_skeleton("توكيو")
    True
    """
    return _shape(bare(word), _LOOSE)


#: Fewest letters a skeleton must keep to be read freely: shorter ones collide with words.
SKELETON_LETTERS = 5
#: Fewest letters of a short skeleton («اربل»: إربل for أربيل), read only with support
#: (``geoparser.short_spelling``).
SHORT_SKELETON_LETTERS = 4
#: A town this big or bigger is prominent: its name is read through the press's spellings.
VARIANT_POPULATION = 100_000
#: Which prominent place a skeleton shared by two names stands for, best first.
_SKELETON_RANK = {"country": 0, "region": 1, "admin1": 2, "admin2": 3}
_ARABIC = re.compile(r"[\u0600-\u06FF]")


class _Sized(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def population(self) -> int: ...


def skeleton_index(
    index: Mapping[tuple[str, ...], Sequence[tuple[int, str]]],
    places: Sequence[_Sized],
    min_population: int,
) -> dict[str, tuple[str, ...] | None]:
    """Skeleton → the one-word name of a prominent place with it (an area, or a town of
    ``min_population`` or more), None when names of one rank that differ share it. Of two names
    sharing a skeleton, a country's outranks a region's, a region's a division's, and those a
    big town's or a feature's («غرينلاند» the country over «جرينلاند» the island); two names of
    the same places share it in peace («أوزبكستان», «أزبكستان»). Skeletons of
    ``SHORT_SKELETON_LETTERS`` are kept too, for readings with support. Compiled with the
    gazetteer (``gazetteer.store``)."""
    out: dict[str, tuple[str, ...] | None] = {}
    rank_of: dict[str, int] = {}
    places_of: dict[str, frozenset[int]] = {}  # the places of the name kept
    kinds: dict[int, int | None] = {}

    def rank(i: int) -> int | None:
        if i not in kinds:
            p = places[i]
            kinds[i] = (_SKELETON_RANK.get(p.kind, 4)
                        if p.kind != "city" or p.population >= min_population else None)
        return kinds[i]

    for key, entries in index.items():
        if len(key) != 1 or not _ARABIC.match(key[0]):
            continue
        shape = skeleton(key[0])
        if len(shape) < SHORT_SKELETON_LETTERS:
            continue
        ranked = {i: r for i, t in entries if t == "toponym" and (r := rank(i)) is not None}
        if not ranked:
            continue
        best = min(ranked.values())
        if shape not in out or best < rank_of[shape]:
            out[shape], rank_of[shape], places_of[shape] = key, best, frozenset(ranked)
        elif best == rank_of[shape]:
            known = out[shape]
            if (known is not None and known != key and bare(known[0]) != bare(key[0])
                    and places_of[shape] != frozenset(ranked)):
                out[shape] = None
    return out
