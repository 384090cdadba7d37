"""Arabic spellings made from a place's Latin name, for places no source names in Arabic.

``spellings("Kano")`` gives the loose skeletons (``gazetteer.spelling.loose_skeleton``) of the
Arabic spellings the press may write for a Latin name: consonants by rule (sh → ش, kh → خ,
ch → تش, ش or خ, c → ك or س, q → ك, x → كس, w → و or ف, j → ج, خ or ي…; č ş ž as their
sounds), the first letter (an initial vowel → ا, u → يو too), and the last (final a → ا or ة,
i/y → ي, o/u → و, a final e silent or ي, a final s ز after a voiced sound, silent after e).
Long vowels inside a word do not count in a skeleton, so they need no guessing. The rules are
checked against the thousands of places the sources name in both scripts (``agreement``;
``tests/gazetteer/test_transliterate.py`` holds the measured rate). A made spelling is a weak
reading: the geoparser counts it only with support (a place cue, or a place of its country
nearby).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Protocol

from gazetteer.normalize import fold
from gazetteer.spelling import loose_skeleton

#: Latin letter groups, longest first, and their Arabic readings (alternatives).
_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("sch", ("ش",)), ("eu", ("و", "ي")), ("tch", ("تش",)), ("dzh", ("ج",)),
    ("sh", ("ش",)), ("ch", ("تش", "ش", "ك", "خ")), ("kh", ("خ",)), ("gh", ("غ", "غه")),
    ("th", ("ث", "ت")), ("ph", ("ف",)), ("dh", ("د",)), ("zh", ("ج", "ز")),
    ("ts", ("تس",)), ("tz", ("تز",)), ("ck", ("ك",)), ("qu", ("ك", "كو")),
    ("ss", ("س",)), ("ll", ("ل",)), ("gu", ("غ", "غو")),
    ("b", ("ب",)), ("c", ("ك",)), ("d", ("د",)), ("f", ("ف",)), ("g", ("غ",)),
    ("h", ("ه", "")), ("j", ("ج", "خ", "ي")), ("k", ("ك",)), ("l", ("ل",)), ("m", ("م",)),
    ("n", ("ن",)), ("p", ("ب",)), ("q", ("ك",)), ("r", ("ر",)), ("s", ("س", "ز")),
    ("t", ("ت",)), ("v", ("ف",)), ("w", ("و", "ف")), ("x", ("كس",)), ("y", ("ي",)),
    ("z", ("ز",)),
    ("a", ("ا",)), ("e", ("ي", "")), ("i", ("ي",)), ("o", ("و",)), ("u", ("و",)),
)
#: Letters after which a final s sounds z.
_VOICED = frozenset({"d", "n", "m", "g", "l", "r", "b", "v", "e"})
_GROUP = re.compile("|".join(re.escape(g) for g, _ in _GROUPS))
_READINGS = dict(_GROUPS)
#: At most this many spellings per word (the alternatives multiply).
MAX_SPELLINGS = 24


#: Letters whose diacritic changes the sound (Czech, Slovak, Croatian, Polish, Turkish,
#: Romanian): spelled as the Latin groups the rules read (Zaječar «زاييتشار», Türkmenbaşy
#: «تركمانباشي»), before the other diacritics are dropped.
_SOUNDS = str.maketrans({"č": "tch", "ć": "tch", "ç": "tch", "š": "sh", "ş": "sh", "ș": "sh",
                         "ś": "sh", "ž": "zh", "ż": "zh", "ź": "zh", "ț": "ts", "ţ": "ts"})


def _ascii(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(_SOUNDS))
    return "".join(c for c in decomposed if c.isascii() and c.isalpha()).lower()


def _parts(word: str) -> list[tuple[str, ...]]:
    """Each letter group of the word with its readings, by position."""
    parts: list[tuple[str, ...]] = []
    groups = _GROUP.findall(word)
    for k, g in enumerate(groups):
        first, last = k == 0, k == len(groups) - 1
        if first and g in ("u", "eu"):
            parts.append(("ا", "يو"))  # Eureka «يوريكا», Uintah «يوينتاه»
        elif first and g in "aeiou":
            parts.append(("ا",))
        elif last and g == "a":
            parts.append(("ا", "ه"))
        elif last and g == "e":
            parts.append(("", "ي", "ه"))
        elif g == "c" and k + 1 < len(groups) and groups[k + 1][:1] in "eiy":
            parts.append(("س",))
        elif last and g in ("s", "x") and k and groups[k - 1] in ("e", "eu", "ou", "au"):
            parts.append(("س", "ز", "كس", ""))  # silent in French: Troyes «تروا», Montreux
        elif last and g == "s" and k and groups[k - 1] in _VOICED:
            parts.append(("س", "ز"))  # Leeds «ليدز», Kingsford's «كينغزفورد» too
        elif g == "s" and not (0 < k < len(groups) - 1 and groups[k - 1] in "aeiou"
                               and groups[k + 1] in "aeiou"):
            parts.append(("س",))  # z-like only between vowels
        else:
            parts.append(_READINGS.get(g, ("",)))
    return parts


def word_spellings(word: str) -> frozenset[str]:
    """The loose skeletons of one Latin word's Arabic spellings ('' words dropped).

    >>> sorted(word_spellings("Kano")) == [loose_skeleton("كانو")]
    True
    """
    letters = _ascii(word)
    if not letters:
        return frozenset()
    out: set[str] = set()
    for choice in itertools.islice(itertools.product(*_parts(letters)), MAX_SPELLINGS):
        arabic = fold("".join(choice))
        if arabic:
            out.add(loose_skeleton(arabic))
    return frozenset(out)


def spellings(name: str) -> frozenset[tuple[str, ...]]:
    """The loose skeletons of a Latin name, word by word (at most two words).

    >>> spellings("Kano") == {(loose_skeleton("كانو"),)}
    True
    """
    words = re.findall(r"[^\W\d_]+", name)
    if not words or len(words) > 2:
        return frozenset()
    per_word = [sorted(word_spellings(w)) for w in words]
    if not all(per_word):
        return frozenset()
    return frozenset(itertools.islice(itertools.product(*per_word), MAX_SPELLINGS))


def agreement(pairs: Iterable[tuple[str, str]]) -> tuple[int, int]:
    """How many of the (Latin name, Arabic name) pairs the rules spell (the Arabic name's loose
    skeleton among the made ones), and how many pairs were tried (one-word names)."""
    hit = tried = 0
    for latin, arabic in pairs:
        words = fold(arabic).split()
        if len(words) != 1 or len(re.findall(r"[^\W\d_]+", latin)) != 1:
            continue
        tried += 1
        hit += loose_skeleton(words[0]) in word_spellings(latin)
    return hit, tried


#: Places whose names are made (``made_index``): these kinds, a town of this many people at
#: least, with a made skeleton of this many letters at least. Towns of the Arab League are
#: made too (Bidbid, Oman: «بدبد»): the geoparser's guard on made spellings (a place cue or
#: the country's adjective, and a place of the country close by) keeps precision there too
#: (issue 16: +1 mention on devset2's development half, no new false place on any set).
MADE_KINDS = frozenset({"city", "admin1", "admin2"})
MADE_POPULATION = 15_000
MADE_SKELETON = 3
ARAB_LEAGUE = frozenset({
    "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA",
    "SA", "SO", "SD", "SY", "TN", "AE", "YE",
})
_ARABIC = re.compile(r"[\u0600-\u06FF]")


class _Named(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def country(self) -> str | None: ...
    @property
    def population(self) -> int: ...
    @property
    def names_ar(self) -> tuple[str, ...]: ...
    @property
    def names_en(self) -> tuple[str, ...]: ...


def made_index(places: Sequence[_Named]) -> dict[str, tuple[int, ...]]:
    """Loose skeleton → the places (by number) one of whose made spellings has it: places
    with one-word Latin names and no Arabic name, or an Arabic name that is one of the made
    spellings (see the constants above). Compiled with the
    gazetteer (``gazetteer.store``): making them takes seconds."""
    out: dict[str, list[int]] = {}
    for number, place in enumerate(places):
        if place.kind not in MADE_KINDS or (
            place.kind == "city" and place.population < MADE_POPULATION
        ):
            continue
        shapes = {s for n in place.names_en for s in word_spellings(n)}
        arabic = [n for n in place.names_ar if _ARABIC.search(n)]
        # A place the sources name in Arabic is made too when their name is itself one of the
        # made spellings (Dili «دلي», Ichikawa «ايشيكاوا»): a transliteration, which the
        # press writes its own way («ديلي», «إيتشيكاوا»); never an Arabic exonym's place.
        if arabic and not any(
            len(w := fold(n).split()) == 1 and loose_skeleton(w[0]) in shapes for n in arabic
        ):
            continue
        for shape in shapes:
            if len(shape) >= MADE_SKELETON and " " not in shape:
                out.setdefault(shape, []).append(number)
    return {k: tuple(v) for k, v in out.items()}
