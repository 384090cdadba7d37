"""Context: the vocabulary a reading rule consults (cue words, titles and offices, clubs, media,
idioms) and the roles a word plays before a name; which kind of place a word cues.

The vocabulary lives in ``data/ar/context.yaml``; the Arabic rules that reject a name where it
stands are ``gazetteer.lang.ar_rejections`` (issue 19: the language seam).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import yaml

from gazetteer.matcher import PROCLITICS, RawMatch, Tokens
from gazetteer.model import Place, PlaceKind, Rejection
from gazetteer.normalize import Normalized, fold
from gazetteer.resolver import Cue

CONTEXT_FILE = Path(__file__).resolve().parent / "data" / "ar" / "context.yaml"
#: Small foreign towns' names that the Arabic lexicon knows as words (scripts/build_wordlists.py).
LEXICON_NAMES_FILE = Path(__file__).resolve().parent / "data" / "ar" / "lexicon_names.txt"
WORD_NAMES_FILE = Path(__file__).resolve().parent / "data" / "ar" / "word_names.txt"

#: Kinds of place that can be an office's domain or a division's parent.
AREAS = frozenset({PlaceKind.COUNTRY, PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.REGION})
_MEDIA_TYPES = {
    "newspaper": Rejection.NEWSPAPER,
    "news agency": Rejection.NEWS_AGENCY,
    "TV channel": Rejection.TV_CHANNEL,
}
_QUOTES = "«»\"“”'‘’″"
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")


@dataclass(frozen=True)
class Idiom:
    before: tuple[str, ...]  # folded words before the name (last one nearest)
    name: str  # the folded name, one word
    after: tuple[str, ...]  # folded words after it; a trailing * matches any word so beginning
    proclitic: str = ""  # the proclitic written on the name («بسائر»)


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
    club_before: frozenset[str] = frozenset()
    club_words: frozenset[str] = frozenset()
    club_after: frozenset[str] = frozenset()
    sport_words: frozenset[str] = frozenset()
    media_after: dict[str, Rejection] = field(default_factory=dict)
    media_names: dict[str, Rejection] = field(default_factory=dict)  # folded name → type
    media_before: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()
    offices: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()  # original spelling, diacritics removed
    prepositions: frozenset[str] = frozenset()  # the same, folded
    idioms: tuple[Idiom, ...] = ()
    plural_nouns: frozenset[str] = frozenset()
    local_divisions: dict[str, frozenset[str]] = field(default_factory=dict)
    list_heads: dict[str, str] = field(default_factory=dict)  # folded word → kind
    #: Local division words that name a division of either level (folded).
    either_level: frozenset[str] = frozenset()
    #: Word → what it is in this vocabulary (see ``roles``), filled as words are met.
    roles_cache: dict[str, Roles] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )


def _folded(words: Sequence[object]) -> frozenset[str]:
    out = set()
    for w in words:
        f = fold(str(w)).strip()
        out.add(f)
        if f.startswith("ال") and len(f) > 3:
            out.add(f[2:])
    return frozenset(out)


def _exact(words: Sequence[object]) -> frozenset[str]:
    return frozenset(f for f in (fold(str(w)).strip() for w in words) if f)


def _idiom(pattern: str) -> Idiom:
    words = pattern.split()
    at = next(i for i, w in enumerate(words) if "[" in w)
    head, _, rest = words[at].partition("[")
    name = rest.rstrip("]")
    return Idiom(
        tuple(fold(w) for w in words[:at]),
        fold(name),
        tuple(fold(w) for w in words[at + 1:]),
        fold(head),
    )


@lru_cache(maxsize=1)
def vocabulary(path: Path = CONTEXT_FILE) -> Vocabulary:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    media_after = {
        w: _MEDIA_TYPES[kind]
        for kind, words in data.get("media_after", {}).items()
        for w in _exact(words)
    }
    media_names = {
        w: _MEDIA_TYPES[kind]
        for kind, words in data.get("media_names", {}).items()
        for w in _exact(words)
    }
    return Vocabulary(
        titles=_folded(data["titles"]),
        first_names=_folded(data["first_names"]),
        org_before=_folded(data["org_before"]),
        org_after=_folded(data["org_after"]),
        org_phrase_heads=_folded(data["org_phrase_heads"]),
        directions=_folded(data["directions"]),
        time_before=_folded(data["time_before"]),
        cues={k: _folded(v) for k, v in data["cues"].items()},
        club_before=_folded(data.get("club_before", [])),
        club_words=_exact(data.get("club_words", [])),
        club_after=_exact(data.get("club_after", [])),
        sport_words=_exact(data.get("sport_words", [])),
        media_after=media_after,
        media_names=media_names,
        media_before=_folded(data.get("media_before", [])),
        reporting_verbs=_exact(data.get("reporting_verbs", [])),
        offices=_folded(data.get("offices", [])),
        not_names=frozenset(_DIACRITICS.sub("", str(w)) for w in data.get("not_names", [])),
        prepositions=_exact(data.get("not_names", [])),
        idioms=tuple(_idiom(p) for p in data.get("idioms", [])),
        plural_nouns=_exact(data.get("plural_nouns", [])),
        list_heads={
            w: kind
            for kind, words in (data.get("list_heads") or {}).items()
            for w in _exact(words)
        },
        local_divisions={
            w: frozenset(countries)
            for word, countries in (data.get("local_divisions") or {}).items()
            for w in _folded([word])
        },
        either_level=_folded(data.get("either_level", [])),
    )


@lru_cache(maxsize=1)
def word_names(path: Path = WORD_NAMES_FILE) -> frozenset[str]:
    """Folded names of places of any size that are everyday Arabic words by the lexicon and
    their frequency (ليل Lille, سيول Seoul; empty if missing)."""
    return lexicon_names(path)


@lru_cache(maxsize=2)
def lexicon_names(path: Path = LEXICON_NAMES_FILE) -> frozenset[str]:
    """Folded names of small foreign towns that are also Arabic words (empty if missing)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(s for line in lines if (s := line.strip()) and not s.startswith("#"))


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
    direction: bool  # proclitic or not
    org_head: bool  # proclitic or not
    org_after: bool
    cue: Cue | None  # the kind of place it cues, proclitic or not
    club_before: bool  # proclitic or not
    office: bool  # proclitic or not
    media_before: bool
    local: frozenset[str] | None  # a local division word: the countries that use it


_ROLES_CACHE_SIZE = 200_000
#: A local division word (مركز, قضاء) calls for a second-level division; a word for a state or
#: province (ولاية, محافظة, إقليم) for a first-level one, or a second where that is what the
#: country calls so (Morocco's provinces are GeoNames' second level).
_LOCAL_KINDS = frozenset({PlaceKind.ADMIN2})
#: ... but a word for a region of a country («منطقة») for a division of either level, the first
#: before the second: «منطقة درعا» is the governorate, «منطقة خاركيف» the oblast.
_EITHER_KINDS = frozenset({PlaceKind.ADMIN1, PlaceKind.ADMIN2})
_CUE_KINDS = {PlaceKind.ADMIN1.value: frozenset({PlaceKind.ADMIN1, PlaceKind.ADMIN2})}


def cue_kinds(kind: str) -> frozenset[str]:
    """The kinds of place a cue of ``kind`` (in context.yaml) calls for."""
    return _CUE_KINDS.get(kind, frozenset({kind}))


def roles(word: str, voc: Vocabulary) -> Roles:
    """The roles of ``word`` (cached per vocabulary: the same words recur in every text)."""
    found = voc.roles_cache.get(word)
    if found is None:
        bare = _bare(word)

        def has(words: frozenset[str]) -> bool:
            return word in words or bare in words

        local = voc.local_divisions.get(word, voc.local_divisions.get(bare))
        the_cue = None
        if local is not None:
            either = has(voc.either_level)
            the_cue = Cue(word, _EITHER_KINDS if either else _LOCAL_KINDS, local)
        else:
            for kind, words in voc.cues.items():
                if has(words):
                    the_cue = Cue(word, cue_kinds(kind))
                    break
        found = Roles(
            has(voc.time_before),
            word in voc.first_names or (word.startswith("و") and word[1:] in voc.first_names),
            has(voc.titles),
            has(voc.org_before),
            has(voc.directions),
            has(voc.org_phrase_heads),
            word in voc.org_after,
            the_cue,
            has(voc.club_before) or has(voc.club_words),
            has(voc.offices),
            has(voc.media_before),
            local,
        )
        if len(voc.roles_cache) < _ROLES_CACHE_SIZE:
            voc.roles_cache[word] = found
    return found


@dataclass(frozen=True)
class Site:
    """Where a match stands: the folded tokens and the original text they came from."""

    toks: Tokens
    norm: Normalized
    #: Is this folded word the nisba adjective of a place other than a country («التطواني»)?
    town_adjective: Callable[[str], bool] = lambda word: False
    #: The gazetteer's places (toponyms) of the match that covers token ``i``, with the
    #: match's first token; None where no name was matched ("Abidjan-Bouaké": either side).
    match_at: Callable[[int], tuple[int, Sequence[Place]] | None] = lambda i: None

    def original(self, i: int) -> str:
        """Token ``i`` as written (diacritics and tatweel kept)."""
        b, origin = self.toks.bounds, self.norm.origin
        return self.norm.original[origin[b[2 * i]]: origin[b[2 * i + 1] - 1] + 1]

    def before_quoted(self, i: int) -> str:
        """The word before token ``i`` across quotation marks and spaces only ('' if none)."""
        if i == 0 or self.toks.seps[i].strip(" \t" + _QUOTES) != "":
            return ""
        return self.toks.words[i - 1]

    def quoted(self, m: RawMatch) -> bool:
        seps = self.toks.seps
        return any(q in seps[m.first] for q in _QUOTES) and (
            m.last >= len(seps) or any(q in seps[m.last] for q in _QUOTES)
        )


def cue(m: RawMatch, toks: Tokens, voc: Vocabulary) -> Cue | None:
    """The kind of place the word before the name cues, if any. Not across a preposition
    on the name: «مدينة بجزيرة صقلية» is "a town on the island of Sicily", so the town is not
    «جزيرة»."""
    if m.first == 0 or any(c in "بلك" for c in m.proclitic):
        return None
    words = toks.words
    if not toks.near(m.first):
        if words[m.first - 1] in _DE and _joined(toks, m.first):
            return _cue_before_de(m, toks, voc)
        return None
    found = roles(words[m.first - 1], voc).cue
    if (
        found is None
        and m.first >= 2
        and words[m.first - 1] in _DIRECTORATE_FIELDS
        and words[m.first - 2] in _DIRECTORATE
        and toks.near(m.first - 1)
    ):
        # «مديرية أمن أسيوط», «مديرية صحة إدلب»: a governorate's directorate of security,
        # health…: the name is the governorate's.
        return Cue(f"{words[m.first - 2]} {words[m.first - 1]}", _DIRECTORATE_KINDS)
    if found is None and words[m.first - 1] in _DE:
        return _cue_before_de(m, toks, voc)
    return found


def _cue_before_de(m: RawMatch, toks: Tokens, voc: Vocabulary) -> Cue | None:
    """"la ville de Tours", "la wilaya d'Oran": the noun of a place before French "de" (with
    "la" or "l'" after it: "la province de la Manouba") cues the name."""
    words = toks.words
    k = m.first - 2
    if k >= 1 and words[k] in _DE_ARTICLES and _joined(toks, k + 1):
        k -= 1
    if k >= 0 and _joined(toks, k + 1):
        return roles(words[k], voc).cue
    return None


#: French "de" and its forms between a place's noun and the name, and the article after it.
_DE = frozenset({"de", "d", "du", "des"})
_DE_ARTICLES = frozenset({"la", "l"})


def _joined(toks: Tokens, b: int) -> bool:
    """Tokens b - 1 and b are separated by spaces or an elision's apostrophe only (d'Oran)."""
    return toks.seps[b].strip(" \t'\u2019") == "" and len(toks.seps[b]) <= 2


#: «مديرية أمن X»: a governorate's directorate (of security, health, education, police…).
_DIRECTORATE = frozenset({"مديريه", "لمديريه", "بمديريه", "ومديريه"})
_DIRECTORATE_FIELDS = frozenset({"امن", "صحه", "تعليم", "شرطه", "زراعه", "اوقاف", "تموين",
                                 "اسكان", "تربيه", "الصحه", "الزراعه", "الاوقاف", "التموين"})
_DIRECTORATE_KINDS = frozenset({PlaceKind.ADMIN1})
