"""Skeletons: what the press's many Arabic spellings of one foreign name share.

Arabic writes a foreign name's vowels as it pleases (الدانمرك، الدنمارك), its g as غ or ج
(بنغلاديش، بنجلاديش), and the same consonant with different letters (ت or ط, س or ص, ك or ق).
``skeleton`` keeps what every spelling agrees on for a *written* name; ``loose_skeleton`` also
merges those consonant pairs, for a spelling *made* from a Latin name
(``gazetteer.transliterate``), which cannot know which letter the press chose.
"""

from __future__ import annotations

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
