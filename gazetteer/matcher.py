"""Finding name candidates in text: folded words, proclitics, multi-word names, longest match."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from gazetteer.normalize import Normalized, normalize, word_spans
from gazetteer.store import Gazetteer

# Proclitics that attach to a following noun: conjunctions و ف, prepositions ب ل ك, and
# their combinations. Longest first so that وب is tried before و.
PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_TOKEN_CACHE_SIZE = 500_000
_GAP = re.compile(r"[ \t\-\u2010-\u2013]{1,3}")  # what may stand between the words of a name


@dataclass(frozen=True, slots=True)
class Token:
    start: int  # in the folded text
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class RawMatch:
    """A name found in the text before any filtering or resolution."""

    start: int  # original offsets
    end: int
    first: int  # token numbers [first, last)
    last: int
    key: tuple[str, ...]
    entries: tuple[tuple[int, str], ...]  # (place number, type)
    proclitic: str  # the stripped prefix ('' if none); 'لل' when the article's alif was elided


def variants(token: str) -> Iterator[tuple[int, str, str]]:
    """(characters cut, word to look up, proclitic) for a token, the bare token first."""
    yield 0, token, ""
    if not _ARABIC.match(token):
        return
    for p in PROCLITICS:
        if token.startswith(p) and len(token) - len(p) >= 2:
            rest = token[len(p):]
            yield len(p), rest, p
            # ل + ال → لل: "للولايات" is "ل" + "الولايات" with the alif of the article elided
            if p in ("ل", "ول", "فل") and rest.startswith("ل") and len(rest) >= 3:
                yield len(p) + 1, "ال" + rest[1:], p + "ل"


class Matcher:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        # token → its (characters cut, proclitic, candidate keys) readings that name something:
        # most tokens name nothing, and the same tokens recur in every article.
        self._options: dict[str, tuple[tuple[int, str, list[tuple[str, ...]]], ...]] = {}

    def tokens(self, norm: Normalized) -> list[Token]:
        return [Token(s, e, norm.text[s:e]) for s, e in word_spans(norm.text)]

    def find(
        self, text: str, spans: Sequence[tuple[int, int]] | None = None
    ) -> tuple[Normalized, list[Token], list[RawMatch]]:
        """All longest, non-overlapping name matches inside ``spans`` (whole text if None)."""
        norm = normalize(text)
        toks = self.tokens(norm)
        allowed = _span_lookup(norm, toks, spans)
        span_ends = [e for _, e in sorted(spans)] if spans is not None else []
        index = self.gaz.index
        first_words = self.gaz.first_words
        words = self.gaz.words
        cache = self._options
        folded = norm.text
        out: list[RawMatch] = []
        i, n = 0, len(toks)
        while i < n:
            region = allowed[i]
            if region < 0:
                i += 1
                continue
            best: tuple[int, int, int, tuple[str, ...], str] | None = None
            token = toks[i].text
            options = cache.get(token)
            if options is None:
                # A word like كبيرا is not ك + بيرا: only its bare form is looked up.
                forms: Iterable[tuple[int, str, str]] = (
                    ((0, token, ""),) if token in words else variants(token)
                )
                options = tuple(
                    (cut, proclitic, keys)
                    for cut, word, proclitic in forms
                    if (keys := first_words.get(word))
                )
                if len(cache) < _TOKEN_CACHE_SIZE:
                    cache[token] = options
            for cut, proclitic, keys in options:
                for key in keys:
                    size = len(key)
                    if best and (size < best[0] or (size == best[0] and cut >= best[1])):
                        break
                    if i + size > n or not all(
                        toks[i + k].text == key[k]
                        and allowed[i + k] == region
                        and _GAP.fullmatch(folded[toks[i + k - 1].end:toks[i + k].start])
                        for k in range(1, size)
                    ):
                        continue
                    best = (size, cut, i, key, proclitic)
                    break
            if best is None:
                i += 1
                continue
            size, cut, _, key, proclitic = best
            start, end = norm.span(toks[i].start + cut, toks[i + size - 1].end)
            if spans is not None:  # the marks after the last letter may lie past the span
                end = min(end, span_ends[region])
            out.append(RawMatch(start, end, i, i + size, key, tuple(index[key]), proclitic))
            i += size
        return norm, toks, out


def _span_lookup(
    norm: Normalized, toks: list[Token], spans: Sequence[tuple[int, int]] | None
) -> list[int]:
    """For each token, the number of the allowed span it lies in, or -1 outside all spans."""
    if spans is None:
        return [0] * len(toks)
    ordered = sorted(spans)
    out = []
    j = 0
    for t in toks:
        ostart = norm.origin[t.start]
        oend = norm.origin[t.end - 1] + 1
        while j < len(ordered) and ordered[j][1] < oend:
            j += 1
        if j < len(ordered) and ordered[j][0] <= ostart and oend <= ordered[j][1]:
            out.append(j)
        else:
            out.append(-1)
    return out
