"""Finding name candidates in text: folded words, proclitics, multi-word names, longest match."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from pathlib import Path
from typing import NamedTuple

from gazetteer.names import TOPONYM
from gazetteer.normalize import WORD_SPLIT, Normalized, normalize
from gazetteer.spelling import (
    SHORT_SKELETON_LETTERS,
    SKELETON_LETTERS,
    VARIANT_POPULATION,
    bare,
    loose_skeleton,
    skeleton,
    skeleton_index,
)
from gazetteer.store import Gazetteer
from gazetteer.transliterate import ARAB_LEAGUE, made_index
from gazetteer.world_rules import foreign_g_reading, glued_index, glued_reading

# Proclitics that attach to a following noun: conjunctions و ف, prepositions ب ل ك, and
# their combinations. Longest first so that وب is tried before و.
PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_TOKEN_CACHE_SIZE = 500_000
#: A spelling variant of a name is read only for places this big (or areas): see
#: ``_OptionCache._spelling_variants``.
_UNKNOWN = -2  # a token's span, not looked up yet
#: What may stand between the words of a name: spaces, hyphens, an apostrophe (Côte d’Ivoire).
_GAP = re.compile(r"[ \t\-\u2010-\u2013'\u2019]{1,3}")

Key = tuple[str, ...]
#: A token's readings that name something: (characters cut, proclitic, the names of two words
#: or more by their second word, the one-word name or None). Keys keep the gazetteer's order,
#: longest first.
Options = tuple[tuple[int, str, dict[str, list[Key]] | None, Key | None], ...]


@dataclass(frozen=True, slots=True)
class Token:
    start: int  # in the folded text
    end: int
    text: str


class Tokens:
    """The words of a folded text, held as flat lists (no object per word).

    ``words[i]`` is token ``i``; ``seps[i]`` the text between token ``i - 1`` and token ``i``
    (``seps[0]`` before the first, ``seps[len(words)]`` after the last); ``bounds[2 * i]`` and
    ``bounds[2 * i + 1]`` its start and end in the folded text.
    """

    __slots__ = ("bounds", "seps", "words")

    def __init__(self, folded: str) -> None:
        parts = WORD_SPLIT.split(folded)  # separator, word, separator, ..., word, separator
        self.words: list[str] = parts[1::2]
        self.seps: list[str] = parts[0::2]
        # Machine integers: 8 bytes a bound, not a list's 40, on megabyte articles.
        self.bounds: Sequence[int] = array("q", accumulate(map(len, parts)))

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, i: int) -> Token:
        return Token(self.bounds[2 * i], self.bounds[2 * i + 1], self.words[i])

    def near(self, b: int) -> bool:
        """True when tokens b - 1 and b are separated only by spaces (no punctuation, no LF)."""
        return self.seps[b].strip(" \t") == ""


class RawMatch(NamedTuple):
    """A name found in the text before any filtering or resolution."""

    start: int  # original offsets
    end: int
    first: int  # token numbers [first, last)
    last: int
    key: tuple[str, ...]
    entries: tuple[tuple[int, str], ...]  # (place number, type)
    proclitic: str  # the stripped prefix ('' if none); 'لل' when the article's alif was elided


def variants(
    token: str, proclitics: tuple[str, ...] = PROCLITICS
) -> Iterator[tuple[int, str, str]]:
    """(characters cut, word to look up, proclitic) for a token, the bare token first; the
    proclitics are the language's (``gazetteer.lang``), longest first."""
    yield 0, token, ""
    if not _ARABIC.match(token):
        return
    for p in proclitics:
        if token.startswith(p) and len(token) - len(p) >= 2:
            rest = token[len(p):]
            yield len(p), rest, p
            # ل + ال → لل: "للولايات" is "ل" + "الولايات" with the alif of the article elided
            if p in ("ل", "ول", "فل") and rest.startswith("ل") and len(rest) >= 3:
                yield len(p) + 1, "ال" + rest[1:], p + "ل"


#: Spellings made from Latin names (``_made_reading``): the token's fewest letters.
MADE_LETTERS = 4
COMMON_WORDS_FILE = Path(__file__).resolve().parent / "data" / "ar" / "common_words.txt"


@lru_cache(maxsize=1)
def common_words(path: Path = COMMON_WORDS_FILE) -> frozenset[str]:
    """The Arabic words of everyday text, folded (``scripts/build_common_words.py``): never
    read as spellings made from Latin names. Empty when the file is missing."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return frozenset()
    return frozenset(w for w in lines if w and not w.startswith("#"))


class _OptionCache(dict[str, Options]):
    """Token → its readings that name something, computed on first sight.

    Most tokens name nothing (an empty tuple), and the same tokens recur in every article:
    looking every token of a text up is one ``map`` over the words, at C speed.
    """

    def __init__(self, gazetteer: Gazetteer, proclitics: tuple[str, ...] = PROCLITICS) -> None:
        super().__init__()
        self.proclitics = proclitics
        self.first_words = gazetteer.first_words
        self.words = gazetteer.words
        index, places = gazetteer.index, gazetteer.places

        def prominent(word: str) -> bool:
            return any(
                places[i].kind != "city" or places[i].population >= VARIANT_POPULATION
                for i, _ in index.get((word,), ())
            )

        self.prominent = prominent
        self._index, self._places, self._gaz = index, places, gazetteer
        self._skeletons: dict[str, Key | None] | None = None
        self._made: dict[str, tuple[int, ...]] | None = None
        #: Tokens read as a spelling made from a Latin name → the places (``_made_reading``).
        self.made: dict[Key, tuple[tuple[int, str], ...]] = {}
        #: Tokens read through a short skeleton → the places (``_skeleton_reading``).
        self.short: dict[Key, tuple[tuple[int, str], ...]] = {}
        self._shapes: dict[str, tuple[dict[str, list[Key]] | None, Key | None]] = {}
        self._glued: tuple[dict[str, Key], frozenset[str]] | None = None  # (names, words)

    def _shape(self, word: str, keys: list[Key]) -> tuple[dict[str, list[Key]] | None, Key | None]:
        shape = self._shapes.get(word)
        if shape is None:
            by_second: dict[str, list[Key]] = {}
            single = None
            for key in keys:
                if len(key) == 1:
                    single = key
                else:
                    by_second.setdefault(key[1], []).append(key)
            shape = self._shapes[word] = (by_second or None, single)
        return shape

    def _spelling_variants(self, token: str) -> Options:
        """Readings of a token the gazetteer lacks as written, through the spelling variation
        of the press: final ا/ة (أورفا, أورفة), final hamza (تاجوراء, تاجورا), the article on
        a town's name ending in ة (العثمانية for عثمانية). Only one-word names of prominent
        places (an area, or a city of ``VARIANT_POPULATION`` or more): a common word never
        becomes a village."""
        if not _ARABIC.match(token) or len(token) < 4:
            return ()
        forms = []
        if len(token) >= 5 and token.endswith("ه"):
            forms.append(token[:-1] + "ا")
        elif len(token) >= 5 and token.endswith("ا"):
            forms.append(token[:-1] + "ه")
        if token.endswith("ء"):
            forms.append(token[:-1])
        elif token.endswith("ا"):
            forms.append(token + "ء")
        if token.startswith("ال") and token.endswith("ه") and len(token) >= 6:
            forms.append(token[2:])
        for form in forms:
            if self.prominent(form):
                return ((0, "", None, (form,)),)
        return self._skeleton_reading(token)

    def _skeleton_reading(self, token: str) -> Options:
        """«الدنمارك» for «الدانمرك», «بنجلاديش» for «بنغلاديش», «كوبنهاجن» for «كوبنهاغن»:
        the one prominent place (a country, a division, a region or a city of
        ``VARIANT_POPULATION`` or more) whose one-word name has the token's skeleton
        (``skeleton``: no long vowels inside, ج/غ alike, no doubled letters)."""
        if self._skeletons is None:
            self._skeletons = self._gaz.skeletons if self._gaz.skeletons is not None else (
                skeleton_index(self._index, self._places, VARIANT_POPULATION))
        for cut, word, proclitic in variants(token, self.proclitics):
            shape = skeleton(word)
            if len(shape) < SHORT_SKELETON_LETTERS:
                continue
            key = self._skeletons.get(shape)
            if key is None or key[0] == word:
                continue
            if len(shape) >= SKELETON_LETTERS:
                return ((cut, proclitic, None, key),)
            # A short skeleton («إربل», «الهملايا»): read as itself, its places recorded in
            # ``short``; the geoparser counts it only with support. Never a word's.
            if word not in self.words and not {word, bare(word)} & common_words():
                self.short[(word,)] = tuple(e for e in self._index[key] if e[1] == TOPONYM)
                return ((cut, proclitic, None, (word,)),)
        return self._made_reading(token)

    def _made_reading(self, token: str) -> Options:
        """«كانو», «جيغاوا»: a token that names nothing, read as an Arabic spelling made from
        the Latin name of a place no source names in Arabic (``gazetteer.transliterate``: by
        its loose skeleton). The places are recorded in ``made``: the geoparser counts such a
        reading only with support."""
        if self._made is None:
            self._made = self._gaz.made if self._gaz.made is not None else made_index(
                self._places)
        common = common_words()
        if token in common or token in self.words:  # a word, or read by ``_listed_words``
            return ()
        if g := foreign_g_reading(list(variants(token, self.proclitics)), self._index,
                                  self._places, ARAB_LEAGUE, TOPONYM):
            self.made[g[2]] = tuple((i, TOPONYM) for i in g[3])
            return ((g[0], g[1], None, g[2]),)
        for cut, word, proclitic in variants(token, self.proclitics):
            if len(word) < MADE_LETTERS or word.startswith("ال") or word in common:
                continue
            numbers = self._made.get(loose_skeleton(word))
            if numbers:
                key = (word,)
                self.made[key] = tuple((i, TOPONYM) for i in numbers)
                return ((cut, proclitic, None, key),)
        return ()

    def _glued_reading(self, token: str) -> Options:
        """«الولاياتالمتحدة», «جنوبأكادير»: see ``world_rules.glued_reading``."""
        if len(token) < 6 or not _ARABIC.match(token):
            return ()
        if self._glued is None:
            self._glued = (glued_index(self._index), common_words() | self.words)
        return glued_reading(
            list(variants(token)), self._glued[0], self.first_words, self._glued[1],
            self.prominent)

    def prominent_namesakes(self, word: str) -> tuple[int, ...]:
        """The prominent places (see ``_skeleton_reading``) whose one-word name has the
        skeleton of ``word`` but is written otherwise («جرينلاند»: Greenland, the country
        written «غرينلاند»), as place numbers."""
        if self._skeletons is None:
            self._skeletons = self._gaz.skeletons if self._gaz.skeletons is not None else (
                skeleton_index(self._index, self._places, VARIANT_POPULATION))
        shape = skeleton(word)
        key = self._skeletons.get(shape) if len(shape) >= SKELETON_LETTERS else None
        if key is None or key[0] == word:
            return ()
        return tuple(
            i for i, t in self._index.get(key, ()) if t == "toponym"
            and (self._places[i].kind != "city"
                 or self._places[i].population >= VARIANT_POPULATION)
        )

    def __missing__(self, token: str) -> Options:
        first_words = self.first_words
        # A word like كبيرا is not ك + بيرا: only its bare form is looked up. Nor is وكرم
        # و + ك + رم: after its first proclitic (و) it is a word of its own (كرم).
        words = self.words
        forms: Iterable[tuple[int, str, str]] = (
            ((0, token, ""),) if token in words else (
                v for v in variants(token, self.proclitics)
                if len(v[2]) < 2 or token[1:] not in words
            )
        )
        options = tuple(
            (cut, proclitic, *self._shape(word, keys))
            for cut, word, proclitic in forms
            if (keys := first_words.get(word))
        )
        if not options:
            options = self._glued_reading(token) or self._spelling_variants(token)
        if len(self) < _TOKEN_CACHE_SIZE:
            self[token] = options
        return options


class Matcher:
    def __init__(self, gazetteer: Gazetteer, proclitics: tuple[str, ...] = PROCLITICS) -> None:
        self.gaz = gazetteer
        self._options = _OptionCache(gazetteer, proclitics)
        self._entries: dict[Key, tuple[tuple[int, str], ...]] = {}  # tuple(index[key])

    def prominent_namesakes(self, word: str) -> tuple[int, ...]:
        """See ``_OptionCache.prominent_namesakes``."""
        return self._options.prominent_namesakes(word)

    def made(self, key: Key) -> bool:
        """Was ``key`` read as a spelling made from a Latin name (a weak reading)?"""
        return key in self._options.made

    def short(self, key: Key) -> bool:
        """Was ``key`` read through a short skeleton (a weak reading)?"""
        return key in self._options.short

    def find(
        self, text: str, spans: Sequence[tuple[int, int]] | None = None
    ) -> tuple[Normalized, Tokens, list[RawMatch]]:
        """All longest, non-overlapping name matches inside ``spans`` (whole text if None)."""
        norm = normalize(text)
        toks = Tokens(norm.text)
        words, seps, bounds = toks.words, toks.seps, toks.bounds
        region_of = _span_lookup(norm, bounds, spans)
        span_ends = [e for _, e in sorted(spans)] if spans is not None else []
        out: list[RawMatch] = []
        n = len(words)
        options_of = list(map(self._options.__getitem__, words))
        resume = 0  # tokens before this one are inside the last match
        # Only the tokens that may start a name: the others match nothing.
        for i in compress(range(n), options_of):
            if i < resume:
                continue
            region = _UNKNOWN  # looked up only for a token that may start a name
            best: tuple[int, int, Key, str] | None = None
            # As if trying every key of every reading, longest first, the first that fits
            # winning, and stopping at a key no longer than the best so far with no smaller
            # cut: only keys whose second word is the next token can fit.
            for cut, proclitic, by_second, single in options_of[i]:
                if (
                    by_second is not None
                    and i + 1 < n
                    and (keys := by_second.get(words[i + 1]))
                ):
                    if region == _UNKNOWN:
                        region = region_of(i)
                    if region < 0:
                        break
                    stopped = False
                    for key in keys:
                        size = len(key)
                        if best and (size < best[0] or (size == best[0] and cut >= best[1])):
                            stopped = True
                            break
                        if i + size <= n and all(
                            words[i + k] == key[k]
                            and _GAP.fullmatch(seps[i + k])
                            and region_of(i + k) == region
                            for k in range(1, size)
                        ):
                            best = (size, cut, key, proclitic)
                            stopped = True
                            break
                    if stopped:
                        continue  # the one-word name comes later in the order: never reached
                if single is not None and not (best and (best[0] > 1 or cut >= best[1])):
                    best = (1, cut, single, proclitic)
            if best is None:
                continue
            if region == _UNKNOWN:
                region = region_of(i)
            if region < 0:
                continue
            size, cut, key, proclitic = best
            start, end = norm.span(bounds[2 * i] + cut, bounds[2 * (i + size) - 1])
            if spans is not None:  # the marks after the last letter may lie past the span
                end = min(end, span_ends[region])
            entries = self._entries.get(key)
            if entries is None:
                made = self._options.made.get(key) or self._options.short.get(key)
                entries = made if made is not None else tuple(self.gaz.index[key])
                self._entries[key] = entries
            out.append(RawMatch(start, end, i, i + size, key, entries, proclitic))
            resume = i + size
        if out and self.gaz.words:
            out = self._listed_words(out, norm, toks, region_of, span_ends if spans else None)
        return norm, toks, out

    def _listed_words(
        self,
        out: list[RawMatch],
        norm: Normalized,
        toks: Tokens,
        region_of: Callable[[int], int],
        span_ends: list[int] | None,
    ) -> list[RawMatch]:
        """«ود مدني وسنجة والفاشر»: a word of its own in the lexicon (وسنجة) right after a
        place's name, with و, is و + the name of a town of the same country: in a list of
        places that reading wins. The name must be no common word and four letters or more."""
        words, seps, bounds = toks.words, toks.seps, toks.bounds
        places, index = self.gaz.places, self.gaz.index
        starts = {m.first for m in out}
        found: list[RawMatch] = []
        for m in out:
            prev = m
            while True:
                j = prev.last
                if j >= len(words) or j in starts:
                    break
                word = words[j]
                if (
                    len(word) < 5
                    or word[0] != "و"
                    or word not in self.gaz.words
                    or seps[j].strip(" \t،,")
                    or (key := (word[1:],)) not in index
                    or (region := region_of(j)) < 0
                ):
                    break
                countries = {places[k].country for k, _ in prev.entries}
                entries = tuple(index[key])
                if not any(
                    places[k].country in countries and not places[k].common_word
                    for k, kind in entries if kind == TOPONYM
                ):
                    break
                start, end = norm.span(bounds[2 * j] + 1, bounds[2 * j + 1])
                if span_ends is not None:
                    end = min(end, span_ends[region])
                prev = RawMatch(start, end, j, j + 1, key, entries, "و")
                found.append(prev)
                starts.add(j)
        return sorted([*out, *found], key=lambda r: r.first) if found else out


def _span_lookup(
    norm: Normalized, bounds: Sequence[int], spans: Sequence[tuple[int, int]] | None
) -> Callable[[int], int]:
    """For a token number, the number of the allowed span it lies in, or -1 outside all spans.

    The number is that of the first span (in sorted order) ending at or after the token's end,
    if it holds the whole token.
    """
    if spans is None:
        return _everywhere
    ordered = sorted(spans)
    reach = list(accumulate((e for _, e in ordered), max))  # furthest end so far
    origin = norm.origin
    m = len(ordered)

    def region(i: int) -> int:
        ostart = origin[bounds[2 * i]]
        oend = origin[bounds[2 * i + 1] - 1] + 1
        j = bisect_left(reach, oend)
        if j < m and ordered[j][0] <= ostart and oend <= ordered[j][1]:
            return j
        return -1

    return region


def _everywhere(i: int) -> int:
    return 0

