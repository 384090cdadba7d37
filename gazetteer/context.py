"""Context rules: is a matched name a place where it stands, and which kind of place is cued?

The vocabulary lives in ``data/context.yaml``; the rules here are general and hold for any text.
Each rule has a name (a ``Rejection``) that the explain view shows:

* a title or a given name before a name makes it a person, unless the word before is a
  preposition that only looks like one («أمام» before, not «إمام» imam) or the name is a
  country that is the office's domain («أمير قطر», «رئيس وزراء لبنان»);
* an organisation, club or outlet word before or after a name makes it part of that name
  («أولمبيك آسفي», «فرانس برس», «صحيفة الشرق الأوسط»); a country followed by the adjective of a
  town is a club («المغرب التطواني»);
* a local division word is a place cue in the countries that use it («بمركز مغاغة»);
* idioms («مسقط رأسه»), tanween (an indefinite word: «ورداً»), compass words, time zones, and a
  feminine adjective after a plural noun («فصائل سورية») are not places.
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
from gazetteer.model import Place, PlaceKind, Rejection, Verdict
from gazetteer.names import demonym_forms
from gazetteer.normalize import Normalized, fold
from gazetteer.resolver import Cue

CONTEXT_FILE = Path(__file__).resolve().parent / "data" / "context.yaml"
#: Small foreign towns' names that the Arabic lexicon knows as words (scripts/build_wordlists.py).
LEXICON_NAMES_FILE = Path(__file__).resolve().parent / "data" / "lexicon_names.txt"
WORD_NAMES_FILE = Path(__file__).resolve().parent / "data" / "word_names.txt"

#: Kinds of place that can be an office's domain or a division's parent.
AREAS = frozenset({PlaceKind.COUNTRY, PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.REGION})
_MEDIA_TYPES = {
    "newspaper": Rejection.NEWSPAPER,
    "news agency": Rejection.NEWS_AGENCY,
    "TV channel": Rejection.TV_CHANNEL,
}
#: A town this small (or named like a common word), named with the article right after a
#: definite noun, is an adjective.
SMALL_TOWN = 100_000
#: A name written with tanween is a common word unless it names an area or a city this big.
TANWEEN_POPULATION = 100_000
_TANWEEN = re.compile("[\u064b-\u064d]")
_ARABIC = re.compile("[\u0600-\u06ff]")
#: A place's name followed by 24 (the hours of a news outlet's day), in quotation marks, is the
#: outlet's name: «لبنان 24», “دارفور24″.
_OUTLET_NUMBER = re.compile(r"[ \t]?(24)(?![0-9])[ \t]*([»\"”″’']?)")
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


_ADJECTIVES: dict[str, frozenset[str]] = {}


def own_adjectives(place: Place) -> frozenset[str]:
    """The folded inflected demonyms of ``place`` (ال included)."""
    found = _ADJECTIVES.get(place.id)
    if found is None:
        found = _ADJECTIVES[place.id] = frozenset(
            f for a in place.demonyms_ar for f in demonym_forms(a)
        )
    return found


def rejection(
    m: RawMatch,
    site: Site,
    voc: Vocabulary,
    places: Sequence[Place] = (),
    *,
    toponym: bool,
) -> Verdict | None:
    """Why this match is not a place mention here, or None when it may be one."""
    toks = site.toks
    words = toks.words
    before = m.first > 0 and toks.near(m.first)
    prev = words[m.first - 1] if before else ""
    if len(m.key) == 1 and m.key[0] in voc.directions:
        return Verdict(Rejection.DIRECTION)
    r = roles(prev, voc)
    if r.time_before:
        return Verdict(Rejection.TIME_ZONE, f"'{prev} …'")
    if not toponym:
        return None
    after = m.last < len(words) and toks.near(m.last)
    nxt = words[m.last] if after else ""
    written = site.norm.original[m.start:m.end]
    if _TANWEEN.search(written) and not any(
        p.kind in AREAS or p.population >= TANWEEN_POPULATION for p in places
    ):
        # «ورداً» (in reply) is a word with its indefinite ending, not the town Werder; a
        # country or a big city (روسياً) may carry a case ending a writer added.
        return Verdict(Rejection.INDEFINITE, f"'{written}'")
    idiom = _idiom_at(m, toks, voc)
    if idiom:
        return Verdict(Rejection.IDIOM, f"'{idiom}'")
    outlet = _outlet(m, site, voc, nxt)
    if outlet:
        return outlet
    club = _club(m, voc, r, prev, nxt, places, site.town_adjective)
    if club:
        return Verdict(Rejection.CLUB, club)
    not_a_name = bool(prev) and _DIACRITICS.sub("", site.original(m.first - 1)) in voc.not_names
    domain = r.office and any(p.kind in AREAS for p in places)
    if (
        len(m.key) == 1
        and m.key[0] in voc.first_names
        and m.proclitic == ""
        and nxt
        and not nxt.startswith("و")
        and not any(p.kind == PlaceKind.COUNTRY for p in places)
        and r.cue is None  # «مقاطعة فلاديمير»: a place cue before it
    ):
        return Verdict(Rejection.GIVEN_NAME, f"before '{nxt}'")
    if prev and not not_a_name and not domain:
        if r.first_name:
            return Verdict(Rejection.SURNAME, f"after the given name '{prev}'")
        # A title before a person's name is definite («الرئيس بايدن», also before a proclitic
        # reading: no one says "the president in Eden"); without the article it is an office
        # and the name its domain («حاكم دبي», «أمير قطر»).
        # «زار الرئيس سلطنة عمان»: after a verb of visiting and the visitor's title, a
        # country is the place visited.
        if (
            r.title
            and m.proclitic not in ("و", "ف")
            and _definite(prev)
            and not _visited_country(m, toks, places)
        ):
            return Verdict(Rejection.PERSON, f"after '{prev}'")
        # «المهاجم الأوروغوياني الجديد داروين»: a title, then one or two describing words
        # (a definite nisba, الجديد, السابق), then the name.
        title = _title_before_modifiers(m.first, toks)
        if title and m.proclitic == "" and not any(p.kind in AREAS or p.capital for p in places):
            return Verdict(Rejection.PERSON, f"after '{title}'")
    if r.local is not None and any(p.country in r.local for p in places):
        return None  # «بمركز مغاغة»: a division of a country that has them, not a centre
    if prev and r.org_before and m.proclitic == "":
        return Verdict(Rejection.ORGANISATION, f"after '{prev}'")
    if nxt and roles(nxt, voc).org_after:
        return Verdict(Rejection.NAME_PART, f"before '{nxt}'")
    if prev and r.direction:
        prev2 = words[m.first - 2] if m.first > 1 and toks.near(m.first - 1) else ""
        if prev2 and roles(prev2, voc).org_head:
            return Verdict(Rejection.ORGANISATION, f"'{prev2} {prev} …'")
    if _feminine_adjective(m, site, voc, prev, places) or (
        r.cue is None and _definite_feminine_adjective(m, site, voc, prev, places)
    ):
        return Verdict(Rejection.ADJECTIVE, f"'{prev} {written}'")
    if (
        _definite_noun(prev, voc)
        and r.cue is None
        and len(m.key) == 1
        and not m.proclitic
        and m.key[0].startswith("ال")
        and places
        and all(
            (p.kind == PlaceKind.CITY and (p.population < SMALL_TOWN or p.common_word))
            or (p.kind == PlaceKind.ADMIN2 and p.common_word)
            for p in places
        )
    ):
        # «الفن الجميل», «والفرقة الهاشمية»: a definite word after a definite noun is its
        # adjective, not a village
        return Verdict(Rejection.DEFINITE_ADJECTIVE, f"'{prev} {written}'")
    return None


#: Titles of players and artists, which stay a person's over describing words; a statesman's
#: («زار الرئيس الفرنسي بيروت») is as often followed by the place he visits.
_PERSON_TITLES = frozenset({"المهاجم", "المدافع", "الحارس", "اللاعب", "النجم", "المدرب",
                            "الفنان", "الفنانه", "المغني", "المغنيه", "الممثل", "الممثله",
                            "المطرب", "المطربه", "الكاتب", "الكاتبه", "الشاعر", "الشاعره",
                            "الروائي", "المخرج", "الملاكم", "العداء", "العداءه"})
#: Describing words that may stand between a title and a name besides nisba adjectives.
_MODIFIERS = frozenset({"الجديد", "السابق", "الاسبق", "الشاب", "الراحل", "الراحله", "المخضرم",
                        "الجديده", "السابقه", "الشابه", "الدولي"})


def _title_before_modifiers(first: int, toks: Tokens) -> str:
    """The player's or artist's title two or three words before a name when only describing
    words stand between («المهاجم الأوروغوياني الجديد داروين»: 'المهاجم'), else ''."""
    words = toks.words
    k = first - 1
    for _ in range(2):
        if k < 1 or not toks.near(k + 1) or not toks.near(k):
            return ""
        word = words[k]
        if not (word in _MODIFIERS or (word.startswith("ال") and word.endswith("ي")
                                       and len(word) >= 6)):
            return ""
        before = words[k - 1]
        if before in _PERSON_TITLES:
            return before
        k -= 1
    return ""


#: Words that begin with «ال» once folded but are no nouns an adjective could follow: إلى folds
#: to «الي», إلا to «الا»; the relative pronouns.
_NOT_NOUNS = frozenset({"الي", "والي", "الا", "والا", "الذي", "التي", "الذين", "اللذين", "اللتين",
                        "اللذان", "اللتان", "اللواتي", "اللاتي", "اللائي"})


def _definite_noun(word: str, voc: Vocabulary) -> bool:
    """A definite noun («الفن», «والفرقة») that a definite word after it may describe; not
    «إلى» (folded «الي»), «إلا» nor a relative pronoun."""
    return (
        word.startswith(("ال", "وال"))
        and word not in _NOT_NOUNS
        and word not in voc.prepositions
    )


#: Verbs of visiting and travel (folded), said of a statesman before his title.
_VISIT_VERBS = frozenset(fold(w) for w in (
    "زار", "زارت", "يزور", "تزور", "سيزور", "ستزور", "وصل", "وصلت", "يصل", "تصل", "سيصل",
    "غادر", "غادرت", "يغادر", "تغادر", "توجه", "توجهت", "يتوجه", "تتوجه", "دخل", "دخلت", "يدخل",
))


def _visited_country(m: RawMatch, toks: Tokens, places: Sequence[Place]) -> bool:
    """«زار الرئيس الجزائر»: a verb of visiting, a title, then a country's name."""
    return (
        m.first >= 2
        and toks.near(m.first - 1)
        and toks.words[m.first - 2] in _VISIT_VERBS
        and any(p.kind == PlaceKind.COUNTRY for p in places)
    )


def _definite(word: str) -> bool:
    """A definite Arabic word (الرئيس, والرئيس, للرئيس), or a Latin title (Mr, Dr) or «د»."""
    if not _ARABIC.match(word) or len(word) <= 2:
        return True
    return word.startswith(("ال", "لل")) or _bare(word).startswith("ال")


def _idiom_at(m: RawMatch, toks: Tokens, voc: Vocabulary) -> str:
    """The idiom the match is part of, as written folded ('' if none)."""
    if len(m.key) != 1:
        return ""
    words = toks.words
    for idiom in voc.idioms:
        if idiom.name != m.key[0] or idiom.proclitic != m.proclitic:
            continue
        b = len(idiom.before)
        if m.first < b or m.last + len(idiom.after) > len(words):
            continue
        if words[m.first - b: m.first] != list(idiom.before):
            continue
        after = words[m.last: m.last + len(idiom.after)]
        if all(
            w.startswith(p[:-1]) if p.endswith("*") else w == p
            for w, p in zip(after, idiom.after, strict=True)
        ) and all(toks.near(k) for k in range(m.first - b + 1, m.last + len(idiom.after))):
            return " ".join([*idiom.before, m.proclitic + m.key[0], *after])
    return ""


def _outlet(m: RawMatch, site: Site, voc: Vocabulary, nxt: str) -> Verdict | None:
    """A news outlet named after a place: «فرانس برس», «صحيفة الشرق الأوسط»."""
    if nxt in voc.media_after:
        return Verdict(voc.media_after[nxt], f"'… {nxt}'")
    after = site.toks.seps[m.last] if m.last < len(site.toks.seps) else ""
    quoted = any(q in site.toks.seps[m.first] for q in _QUOTES)
    if (hit := _OUTLET_NUMBER.match(after)) and (quoted or hit.group(2) or after[0] == "2"):
        # «لبنان 24», «دارفور 24», «فرانس 24», «دارفور24» (glued): a news outlet named after
        # a place
        return Verdict(Rejection.NEWS_SITE, f"'… {after.strip(' ' + _QUOTES)[:2]}'")
    written = m.proclitic + m.key[0]
    if len(m.key) == 1 and written in voc.media_after and site.toks.near(m.first):
        # «فرانس برس»: برس is the agency's word, not ب + a town
        return Verdict(voc.media_after[written], f"'… {written}'")
    kind = voc.media_names.get(" ".join(m.key))
    if kind is None:
        return None
    prev = site.before_quoted(m.first)
    if m.proclitic in ("ل", "ول") and site.quoted(m):
        return Verdict(kind, "quoted after 'ل'")
    if prev and (roles(prev, voc).media_before or prev in voc.reporting_verbs):
        return Verdict(kind, f"after '{prev}'")
    return None


def _club(
    m: RawMatch,
    voc: Vocabulary,
    r: Roles,
    prev: str,
    nxt: str,
    places: Sequence[Place],
    town_adjective: Callable[[str], bool],
) -> str:
    """The words that make the name a club's: «أولمبيك آسفي», «مانشستر يونايتد», «المغرب
    التطواني» ('' if none)."""
    if r.club_before and m.proclitic == "":
        return f"after '{prev}'"
    if nxt in voc.club_after:
        return f"before '{nxt}'"
    # A country followed by the adjective of a town: the club of that town.
    town = (
        bool(nxt)
        and nxt not in voc.directions
        and bool(places)
        and all(p.kind == PlaceKind.COUNTRY for p in places)
        and not any(nxt in own_adjectives(p) for p in places)
        and town_adjective(nxt)
    )
    return f"before the town adjective '{nxt}'" if town else ""


def _feminine_adjective(
    m: RawMatch, site: Site, voc: Vocabulary, prev: str, places: Sequence[Place]
) -> bool:
    """«فصائل سورية», «ليرة تركية»: the feminine adjective of a country that is spelt like its
    name, after an indefinite feminine noun."""
    if len(m.key) != 1 or m.proclitic or not prev or prev.startswith("ال"):
        return False
    word = m.key[0]
    # An adjective agrees in definiteness: «بقيادة السعودية» is "led by Saudi Arabia".
    if not site.original(m.first).endswith("ة") or word.startswith("ال"):
        return False
    if not any(word in own_adjectives(p) for p in places if p.kind == PlaceKind.COUNTRY):
        return False
    return _feminine_noun(prev, voc)


def _feminine_noun(word: str, voc: Vocabulary) -> bool:
    """A noun a feminine adjective agrees with: a singular in ة (folded ه: «ليرة», «القيادة»),
    a plural in ات, or a broken plural of things («فصائل», «الدول»)."""
    bare = word[2:] if word.startswith("ال") else word
    return (
        (len(bare) >= 3 and bare.endswith("ه"))
        or (len(bare) >= 4 and bare.endswith("ات"))
        or bare in voc.plural_nouns
    )


def _definite_feminine_adjective(
    m: RawMatch, site: Site, voc: Vocabulary, prev: str, places: Sequence[Place]
) -> bool:
    """«القيادة السعودية», «الملاعب السعودية»: after a definite feminine noun, a country's name
    that is also its definite feminine adjective (السعودية) is the adjective."""
    if len(m.key) != 1 or m.proclitic or not m.key[0].startswith("ال"):
        return False
    if not site.original(m.first).endswith("ة") or not _definite_noun(prev, voc):
        return False
    if not any(m.key[0] in own_adjectives(p) for p in places if p.kind == PlaceKind.COUNTRY):
        return False
    return _feminine_noun(prev, voc)


def cue(m: RawMatch, toks: Tokens, voc: Vocabulary) -> Cue | None:
    """The kind of place the word before the name cues, if any. Not across a preposition
    on the name: «مدينة بجزيرة صقلية» is "a town on the island of Sicily", so the town is not
    «جزيرة»."""
    if m.first == 0 or not toks.near(m.first) or any(c in "بلك" for c in m.proclitic):
        return None
    words = toks.words
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
    return found


#: «مديرية أمن X»: a governorate's directorate (of security, health, education, police…).
_DIRECTORATE = frozenset({"مديريه", "لمديريه", "بمديريه", "ومديريه"})
_DIRECTORATE_FIELDS = frozenset({"امن", "صحه", "تعليم", "شرطه", "زراعه", "اوقاف", "تموين",
                                 "اسكان", "تربيه", "الصحه", "الزراعه", "الاوقاف", "التموين"})
_DIRECTORATE_KINDS = frozenset({PlaceKind.ADMIN1})
