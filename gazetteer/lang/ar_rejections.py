"""Arabic rejection rules: why a matched name is not a place where it stands, each a small named
function of the match's site (``gazetteer.lang.base.Here``), asked in the order of ``RULES``.

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
from functools import lru_cache
from pathlib import Path

from gazetteer.context import _DIACRITICS, _QUOTES, AREAS, Roles, Site, Vocabulary, _bare, roles
from gazetteer.lang.base import KEEP, Here, Keep, RejectionRule
from gazetteer.matcher import RawMatch, Tokens
from gazetteer.model import Place, PlaceKind, Rejection, Verdict
from gazetteer.names import demonym_forms
from gazetteer.normalize import fold
from gazetteer.reasons import Reason
from gazetteer.reasons import ReasonCode as R

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


def given_name_read_as_place(h: Here) -> Verdict | None:
    """«فرانسوا» read as «فرنسا» by its spelling: a given name is no spelling of a place."""
    m, words = h.m, h.site.toks.words
    if len(m.key) != 1 or m.last != m.first + 1:
        return None
    written = words[m.first]
    bare = written[len(m.proclitic):] if written.startswith(m.proclitic) else written
    if m.key[0] in (written, bare) or not ({written, bare} & h.voc.first_names):
        return None
    return Verdict(Rejection.GIVEN_NAME, Reason(R.THE_WORDS, word=bare))


SPELLING_WORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "ar" / "spelling_words.txt"


@lru_cache(maxsize=2)
def spelling_words(path: Path = SPELLING_WORDS_FILE) -> frozenset[str]:
    """Folded everyday words the matcher reads as another spelling of a place's name
    (``scripts/build_wordlists.py``: «حديثا», «تاريخه», «المغامرة»; empty if missing)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(s for line in lines if (s := line.strip()) and not s.startswith("#"))


def word_read_as_place(h: Here) -> Verdict | None:
    """«حديثا» (recently) read as «حديثة» (Haditha), «تاريخه» (its history) as «تاريخا»
    (Tarija): an everyday word is no spelling of a place's name without a place cue before it."""
    m, words = h.m, h.site.toks.words
    if len(m.key) != 1 or m.last != m.first + 1 or h.roles.cue is not None:
        return None
    written = words[m.first]
    bare = written[len(m.proclitic):] if written.startswith(m.proclitic) else written
    if m.key[0] in (written, bare) or bare not in spelling_words():
        return None
    return Verdict(Rejection.ARABIC_WORD, Reason(R.THE_WORDS, word=bare))


def compass_word(h: Here) -> Verdict | None:
    """«شمال», «الجنوب»: a compass word alone is a direction, not the place named like it."""
    if len(h.m.key) == 1 and h.m.key[0] in h.voc.directions:
        return Verdict(Rejection.DIRECTION)
    return None


def time_zone(h: Here) -> Verdict | None:
    """«بتوقيت مكة»: a time word before the name."""
    return (Verdict(Rejection.TIME_ZONE, Reason(R.WORDS_BEFORE_IT, word=h.prev))
            if h.roles.time_before else None)


def demonym_stays(h: Here) -> Keep | None:
    """The rules after this one are about names, not adjectives."""
    return None if h.toponym else KEEP


def indefinite(h: Here) -> Verdict | None:
    """«ورداً» (in reply) is a word with its indefinite ending, not the town Werder; a country
    or a big city (روسياً) may carry a case ending a writer added."""
    if _TANWEEN.search(h.written) and not any(
        p.kind in AREAS or p.population >= TANWEEN_POPULATION for p in h.places
    ):
        return Verdict(Rejection.INDEFINITE, Reason(R.THE_WORDS, word=h.written))
    return None


def idiom(h: Here) -> Verdict | None:
    """«مسقط رأسه»: the name is a word of an idiom."""
    found = _idiom_at(h.m, h.site.toks, h.voc)
    return Verdict(Rejection.IDIOM, Reason(R.THE_WORDS, word=found)) if found else None


def outlet(h: Here) -> Verdict | None:
    return _outlet(h.m, h.site, h.voc, h.nxt)


def club(h: Here) -> Verdict | None:
    why = _club(h.m, h.voc, h.roles, h.prev, h.nxt, h.places, h.site.town_adjective)
    return Verdict(Rejection.CLUB, why) if why else None


def given_name(h: Here) -> Verdict | None:
    """«ياسين بونو»: a given name before another word, with no place cue before it."""
    m = h.m
    if (
        len(m.key) == 1
        and m.key[0] in h.voc.first_names
        and m.proclitic == ""
        and h.nxt
        and not h.nxt.startswith("و")
        and not any(p.kind == PlaceKind.COUNTRY for p in h.places)
        and h.roles.cue is None  # «مقاطعة فلاديمير»: a place cue before it
    ):
        return Verdict(Rejection.GIVEN_NAME, Reason(R.BEFORE_WORDS, word=h.nxt))
    return None


def _person_may_follow(h: Here) -> bool:
    """A word before the name that may make it a person's: not a preposition that only looks
    like a title (a 'not a name' word), nor an office whose domain the name is («أمير قطر»)."""
    if not h.prev:
        return False
    not_a_name = _DIACRITICS.sub("", h.site.original(h.m.first - 1)) in h.voc.not_names
    domain = h.roles.office and any(p.kind in AREAS for p in h.places)
    return not not_a_name and not domain


def surname(h: Here) -> Verdict | None:
    if h.roles.first_name and _person_may_follow(h):
        return Verdict(Rejection.SURNAME, Reason(R.AFTER_GIVEN_NAME, word=h.prev))
    return None


def after_title(h: Here) -> Verdict | None:
    """A title before a person's name is definite («الرئيس بايدن», also before a proclitic
    reading: no one says "the president in Eden"); without the article it is an office and the
    name its domain («حاكم دبي», «أمير قطر»). «زار الرئيس سلطنة عمان»: after a verb of visiting
    and the visitor's title, a country is the place visited."""
    if (
        h.roles.title
        and h.m.proclitic not in ("و", "ف")
        and _definite(h.prev)
        and _person_may_follow(h)
        and not _visited_country(h.m, h.site.toks, h.places)
    ):
        return Verdict(Rejection.PERSON, Reason(R.AFTER_WORDS, word=h.prev))
    return None


def after_title_and_modifiers(h: Here) -> Verdict | None:
    """«المهاجم الأوروغوياني الجديد داروين»: a title, then one or two describing words (a
    definite nisba, الجديد, السابق), then the name."""
    if not _person_may_follow(h):
        return None
    title = _title_before_modifiers(h.m.first, h.site.toks)
    if title and h.m.proclitic == "" and not any(
        p.kind in AREAS or p.capital for p in h.places
    ):
        return Verdict(Rejection.PERSON, Reason(R.AFTER_WORDS, word=title))
    return None


def local_division(h: Here) -> Keep | None:
    """«بمركز مغاغة»: a division of a country that has them, not a centre."""
    local = h.roles.local
    return KEEP if local is not None and any(p.country in local for p in h.places) else None


def organisation_before(h: Here) -> Verdict | None:
    if h.prev and h.roles.org_before and h.m.proclitic == "":
        return Verdict(Rejection.ORGANISATION, Reason(R.AFTER_WORDS, word=h.prev))
    return None


def name_part(h: Here) -> Verdict | None:
    if h.nxt and roles(h.nxt, h.voc).org_after:
        return Verdict(Rejection.NAME_PART, Reason(R.BEFORE_WORDS, word=h.nxt))
    return None


def organisation_of_direction(h: Here) -> Verdict | None:
    """«مجلس جنوب …»: an organisation's head word, a compass word, then the name."""
    if not (h.prev and h.roles.direction):
        return None
    toks, first = h.site.toks, h.m.first
    prev2 = toks.words[first - 2] if first > 1 and toks.near(first - 1) else ""
    if prev2 and roles(prev2, h.voc).org_head:
        return Verdict(Rejection.ORGANISATION, Reason(R.WORDS_BEFORE_IT, word=f"{prev2} {h.prev}"))
    return None


def adjective(h: Here) -> Verdict | None:
    """«فصائل سورية», «القيادة السعودية»: a country's feminine adjective after its noun."""
    if _feminine_adjective(h.m, h.site, h.voc, h.prev, h.places) or (
        h.roles.cue is None
        and _definite_feminine_adjective(h.m, h.site, h.voc, h.prev, h.places)
    ):
        return Verdict(Rejection.ADJECTIVE, Reason(R.THE_WORDS, word=f"{h.prev} {h.written}"))
    return None


def definite_adjective(h: Here) -> Verdict | None:
    """«الفن الجميل», «والفرقة الهاشمية»: a definite word after a definite noun is its
    adjective, not a village."""
    m = h.m
    if (
        _definite_noun(h.prev, h.voc)
        and h.roles.cue is None
        and len(m.key) == 1
        and not m.proclitic
        and m.key[0].startswith("ال")
        and h.places
        and all(
            (p.kind == PlaceKind.CITY and (p.population < SMALL_TOWN or p.common_word))
            or (p.kind == PlaceKind.ADMIN2 and p.common_word)
            for p in h.places
        )
    ):
        return Verdict(Rejection.DEFINITE_ADJECTIVE,
                       Reason(R.THE_WORDS, word=f"{h.prev} {h.written}"))
    return None


#: The Arabic rules, in the order they are asked: the first verdict holds.
RULES: tuple[RejectionRule, ...] = (
    given_name_read_as_place,
    word_read_as_place,
    compass_word,
    time_zone,
    demonym_stays,
    indefinite,
    idiom,
    outlet,
    club,
    given_name,
    surname,
    after_title,
    after_title_and_modifiers,
    local_division,
    organisation_before,
    name_part,
    organisation_of_direction,
    adjective,
    definite_adjective,
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
        return Verdict(voc.media_after[nxt], Reason(R.WORDS_AFTER_IT, word=nxt))
    after = site.toks.seps[m.last] if m.last < len(site.toks.seps) else ""
    quoted = any(q in site.toks.seps[m.first] for q in _QUOTES)
    if (hit := _OUTLET_NUMBER.match(after)) and (quoted or hit.group(2) or after[0] == "2"):
        # «لبنان 24», «دارفور 24», «فرانس 24», «دارفور24» (glued): a news outlet named after
        # a place
        return Verdict(Rejection.NEWS_SITE,
                       Reason(R.WORDS_AFTER_IT, word=after.strip(' ' + _QUOTES)[:2]))
    written = m.proclitic + m.key[0]
    if len(m.key) == 1 and written in voc.media_after and site.toks.near(m.first):
        # «فرانس برس»: برس is the agency's word, not ب + a town
        return Verdict(voc.media_after[written], Reason(R.WORDS_AFTER_IT, word=written))
    kind = voc.media_names.get(" ".join(m.key))
    if kind is None:
        return None
    prev = site.before_quoted(m.first)
    if m.proclitic in ("ل", "ول") and site.quoted(m):
        return Verdict(kind, Reason(R.QUOTED_AFTER_LAM))
    if prev and (roles(prev, voc).media_before or prev in voc.reporting_verbs):
        return Verdict(kind, Reason(R.AFTER_WORDS, word=prev))
    return None


def _club(
    m: RawMatch,
    voc: Vocabulary,
    r: Roles,
    prev: str,
    nxt: str,
    places: Sequence[Place],
    town_adjective: Callable[[str], bool],
) -> Reason | None:
    """The words that make the name a club's: «أولمبيك آسفي», «مانشستر يونايتد», «المغرب
    التطواني» (None if none)."""
    if r.club_before and m.proclitic == "":
        return Reason(R.AFTER_WORDS, word=prev)
    if nxt in voc.club_after:
        return Reason(R.BEFORE_WORDS, word=nxt)
    # A country followed by the adjective of a town: the club of that town.
    town = (
        bool(nxt)
        and nxt not in voc.directions
        and bool(places)
        and all(p.kind == PlaceKind.COUNTRY for p in places)
        and not any(nxt in own_adjectives(p) for p in places)
        and town_adjective(nxt)
    )
    return Reason(R.BEFORE_TOWN_ADJECTIVE, word=nxt) if town else None


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


