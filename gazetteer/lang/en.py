"""English (issue 19): case-aware rules behind the language seam. Its vocabulary is
``data/en/context.yaml`` (cue words, titles, organisation and club words, outlets); it has no
proclitics, and names keep their case (an English capital carries meaning: May, West, White).

The rejection rules, asked in the order of ``RULES``:

* a name written in lower case is a word (may, white, reading);
* a demonym naming a language ("speaks French", "in Russian and English") or in a name ("the
  American University", "the French Open", "Latin American") is no adjective of a country;
* a compass word alone is a direction (the West, North of Yorkshire read as Nord);
* a generic word of a longer name matched alone is part of that name ("Cook Islands" → Islands,
  "Orange County" → the town Orange);
* organisations, clubs, outlets and people named after places: the New York Times, Bank of
  America, Real Madrid, France 24, CNN Turk, Paris Hilton, Michael Jordan;
* a capitalised common word or a sentence's first word needs support: a place cue before it
  (in, at, near, city of…), or a state or country after a comma ("Mobile, Ala.").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from gazetteer.context import AREAS, Vocabulary, vocabulary
from gazetteer.lang.base import KEEP, Here, Keep, RejectionRule
from gazetteer.lang.en_written import written_names
from gazetteer.lang.words import DateWords, FurnitureWords
from gazetteer.latin_demonyms import english_forms
from gazetteer.model import PlaceKind, Rejection, Verdict
from gazetteer.normalize import fold
from gazetteer.reasons import Reason
from gazetteer.reasons import ReasonCode as R

CONTEXT_FILE = Path(__file__).resolve().parents[1] / "data" / "en" / "context.yaml"
LATIN_WORDS_FILE = Path(__file__).resolve().parents[1] / "data" / "latin_words.txt"
GIVEN_NAMES_FILE = Path(__file__).resolve().parents[1] / "data" / "en" / "given_names.txt"

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words before a name that make it a place: prepositions of place, and the nouns of a place
#: before "of" ("the city of", "the province of").
PLACE_PREPOSITIONS = _words("""
    in at near from to into outside across via toward towards through around throughout
    inside within between visited visit
""")
PLACE_NOUNS_BEFORE_OF = _words("""
    city town village capital province state region county district country island islands
    port suburb outskirts north south east west centre center heart streets people
    government governor mayor residents
""")
#: Everyday English words written with a capital (the gazetteer's one-word names of places
#: that are also words); those of ``data/latin_words.txt`` are added.
COMMON_WORDS = _words("""
    May March August June April West East North South Center Centre White Black Green Brown
    Mobile Reading Nice Bath Split Of Union Independence Liberty Justice Victory Hope Unity
    Mission Commerce Progress Enterprise Paradise Orange Sandy Deal Sale Post Police Most
    Mass Bar Best Bull Gap Lead Rock Bay Cross Page Price Young Long Wells Field Bridge Hill
    Hall Street Park Lake River Beach Point Home Grant Chase Sun Star Moon Hollywood Bush
    Trump Church Hospital Temple Court Fort Mount Gate Valley Sea Ocean Gulf Harbour Harbor
    Island Islands Republic Kingdom State States Capital Commonwealth Federal Global
    National International Western Eastern Northern Southern Central Middle Upper Lower
    Senate House Congress Parliament Council Assembly Ministry Department Office Agency Army
    Navy Marine Guard Media Press Times Tribune News Radio Friday Monday Sunday Saturday
    Tuesday Wednesday Thursday Christmas Easter Eid Ramadan Trade Energy Power Oil Gas Gold
    Silver Iron Steel Coal Salt Sugar Rice Corn Wheat Cotton Wood Stone Fire Water Rain Snow
    Storm Wind Cloud Sky Earth Land Man Woman Boy Girl King Queen Prince Lord Bishop Abbot
    Miss Mr Mrs Dr Can Will Shall Might Must Do Did Does Is Are Was Were Be Been
""")
#: Words a sentence often starts with: a name of a place read there needs support.
SENTENCE_STARTERS = _words("""
    The This That These Those But However After Before While When As It He She They We In On
    At For With From And Or So Then Also Despite During Since Under Over Meanwhile Still Yet
    Now Today Here There Some Many Most All Both Each One Two Three A An If Even More Such
    Other Another Last Next First Its His Her Their Our Your My Why What Who How Where Which
    Although Though Because Unless Until Once Only Just Not No Yes Every Any Few Several
    Much Less Least Among Against Across Through Without Within Instead Rather Like Unlike
    Indeed Thus Hence Besides Moreover Furthermore Again Already Always Never Often Soon
    Later Earlier Recently Finally Officials Police Authorities Witnesses Residents
""")
#: Generic words of longer names: matched alone, beside a capitalised word, they are part of a
#: name the gazetteer lacks ("Cook Islands", "Upper Nile").
GENERIC_WORDS = _words("""
    Islands Island Isles Isle County Parish Borough Township District Province State Region
    Valley River Lake Mountains Mountain Mount Bay Gulf Sea Coast Strait Desert Plain Plains
    Peninsula Heights Hills Forest Park Falls Springs Beach Harbor Harbour Port Point Cape
    Upper Lower Great Little New Old Saint Grand Central Middle Greater
""")
#: Common given names (none a place's): the name after one is a surname.
GIVEN_NAMES = _words("""
    Michael John James David Robert William Richard Joseph Thomas Charles Christopher Daniel
    Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Edward
    Ronald Timothy Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin
    Scott Brandon Benjamin Samuel Gregory Frank Alexander Raymond Patrick Jack Dennis Jerry
    Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty
    Margaret Sandra Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah
    Stephanie Rebecca Laura Sharon Cynthia Kathleen Amy Shirley Angela Helen Anna Brenda Emma
    Boris Vladimir Emmanuel Angela Olaf Recep Benjamin Joe Kamala Hillary Bernie Nancy Ron
""")
#: After a one-word town's name, the words that make it part of a county's or a parish's name.
COUNTY_WORDS = frozenset({"County", "Parish", "Borough", "Township"})
_MONTHS = "january february march april may june july august september october november december"
MONTHS = frozenset(_MONTHS.split())
#: Words before a demonym that make it a language's name ("speaks French", "translated into
#: Turkish"); "in" too, when no noun follows ("in French, the word…").
LANGUAGE_BEFORE = _words("""
    speak speaks spoke spoken speaking learn learns learned learnt learning teach teaches
    taught teaching translated translate translates translating into fluent
""")
#: Words after a demonym that make it a language's name ("French speakers", "Russian-language").
LANGUAGE_AFTER = _words("language languages speaker speakers speaking translation subtitles")
#: After "in" and a demonym, the words that end the phrase: it was the language ("in French and
#: English", "in Russian to the crowd"); a noun after it makes it an adjective ("in French
#: politics").
PHRASE_ENDS = _words("""
    and or but the a an to with by on at for of from as is was were are than that which who
""")
#: The words after a demonym that make it the first word of a name: "the American University",
#: "the French Open", "Turkish Airlines", "the Syrian Democratic Forces".
NAME_HEADS = _words("""
    University College School Academy Institute Museum Open Cup Championship Championships
    League Grand Prix Airlines Airways Railways Bank Party Forces Corps Legion Federation
    Association Society Foundation Company Corporation Group Times Post Review Journal Press
    Agency Broadcasting Radio Television Department Administration Ministry Service Authority
    Commission Office Bureau Committee Board Directorate Observatory Club Stock Exchange
""")
#: Capitalised words before a demonym that make it the end of a compound: "Latin American",
#: "Native American", "Anglo Irish", "Royal Dutch".
COMPOUND_BEFORE = _words("""
    Latin Native Anglo Afro Indo Euro Pan Royal Ancient Old North South East West Central
    Northern Southern Eastern Western Middle
""")
#: How many capitalised words after a demonym may lead to a ``NAME_HEADS`` word.
NAME_HEAD_WORDS = 3
#: Adjectives of parties and of a state's institutions, read as demonyms of a republic.
PARTY_WORDS = _words("Republican Republicans Democrat Democrats Democratic Federal Royal Imperial")
_CAPITAL = re.compile(r"[A-Z\u00c0-\u00de]")
_OUTLET_NUMBER = re.compile(r"[ \t]?24(?![0-9])")
#: The last word of an organisation's name ("Meteorological Department"), and how many
#: capitalised words after a place's name may lead to it.
ORG_HEADS = _words("""
    Department Administration Ministry Service Agency Authority Commission Office Bureau
    Institute University Force Corporation Committee Board Directorate Company
""")
ORG_PHRASE_WORDS = 3
#: Abbreviated titles before a surname ("Mrs. Parsons", "Sgt. Don Yarbrough" reads Don).
_DOTTED_TITLE = re.compile(
    r"(?<![\w.'\u2018\"\u201c])(Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Col|Lt|Capt|Sgt|Det|Cpl|Rev|Prof|Supt|Maj|Adm"
    r"|Cmdr|Pvt|Atty|Insp|Ald|Hon)\.[ \t]+$")
#: The word before a match starting its sentence: after a stop, a quote, a bracket or a dash.
_SENTENCE_FIRST = re.compile(
    r"(?:^|[.!?:;\"\u201c\u201d\u2018\u2019()\[\]\u2013\u2014])\s*[A-Za-z]+[ \t]+$")
#: A given name and an initial before a surname ("Marsha J. Moore").
_INITIAL = re.compile(r"(?<![\w.])[A-Z][a-z]+[ \t]+([A-Z])\.[ \t]+$")
#: After "X City", the words of a city's own bodies and offices: no club.
CIVIC_WORDS = _words("""
    Council Councils Manager Hall Commission Commissioners Clerk Attorney Limits Court Board
    Schools School Police Administrator Engineer Planner Planning Treasurer Auditor
""")
#: Saint's abbreviations and word: before a name matched alone, it is part of a saint's name.
SAINT_WORDS = ("St.", "St ", "Saint ", "Ste.", "Ste ")
SAINT_PREV = frozenset({"St", "St.", "Saint", "Ste", "Ste."})
_POSSESSIVE_NAME = re.compile(r"['\u2019]s[ \t]+[A-Z]")
#: The reporting verbs after a person's name, not a town's ("Welch said", "Gainesville says").
SAID = frozenset({"said", "told"})
#: A town smaller than this, right before a capitalised word, is part of a longer name.
SMALL_TOWN = 50_000
#: Around a name, how many words the rules look at for sport (a club's name).
SPORT_WINDOW = 25


@lru_cache(maxsize=1)
def common_words(path: Path = LATIN_WORDS_FILE) -> frozenset[str]:
    """``COMMON_WORDS`` and the gazetteer's one-word Latin names that are English words."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    return COMMON_WORDS | {s for line in lines if (s := line.strip()) and not s.startswith("#")}


@lru_cache(maxsize=1)
def given_names(path: Path = GIVEN_NAMES_FILE) -> frozenset[str]:
    """``GIVEN_NAMES`` and the common US given names of ``data/en/given_names.txt`` (1990 US
    Census), less the words a sentence starts with and the everyday words (May, Will)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    listed = {s for line in lines if (s := line.strip()) and not s.startswith("#")}
    return GIVEN_NAMES | frozenset(listed - SENTENCE_STARTERS - common_words())


def _capitalised(word: str) -> bool:
    return bool(word) and bool(_CAPITAL.match(word))


def _area(h: Here) -> bool:
    return any(p.kind in AREAS for p in h.places)


def _country(h: Here) -> bool:
    return any(p.kind == PlaceKind.COUNTRY for p in h.places)


def _before(h: Here, k: int) -> str:
    """The word ``k`` words before the match (1: the one right before), '' across a mark."""
    toks, i = h.site.toks, h.m.first - k
    if i < 0 or any(not toks.near(j) for j in range(i + 1, h.m.first + 1)):
        return ""
    return toks.words[i]


def _after(h: Here, k: int) -> str:
    """The word ``k`` words after the match (1: the one right after), '' across a mark."""
    toks, i = h.site.toks, h.m.last + k - 1
    if i >= len(toks.words) or any(not toks.near(j) for j in range(h.m.last, i + 1)):
        return ""
    return toks.words[i]


def lower_case(h: Here) -> Verdict | None:
    """"may", "white", "reading": an English name is written with a capital; in lower case the
    word is a word."""
    if not _CAPITAL.search(h.written) and h.written.isalpha():
        return Verdict(Rejection.ENGLISH_WORD, Reason(R.LOWER_CASE, word=h.written))
    return None


def demonym_language(h: Here) -> Verdict | None:
    """"speaks French", "translated into Turkish", "in Russian and English", "French speakers":
    a demonym that names a language is no adjective of a country."""
    if h.toponym:
        return None
    prev, nxt = h.prev.lower(), h.nxt.lower()
    if prev in LANGUAGE_BEFORE or nxt in LANGUAGE_AFTER or _hyphen_language(h):
        return Verdict(Rejection.LANGUAGE, Reason(R.NAMES_LANGUAGE, word=h.written))
    if prev == "in" and (not nxt or nxt in PHRASE_ENDS):
        return Verdict(Rejection.LANGUAGE, Reason(R.IN_NAMES_LANGUAGE, word=h.written))
    return None


def _hyphen_language(h: Here) -> bool:
    """"Russian-language media", "French-speaking": the language joined by a hyphen."""
    after = h.site.norm.original[h.m.end:h.m.end + 10].lower()
    return after.startswith(("-language", "-speaking", "-speaker"))


def demonym_in_a_name(h: Here) -> Verdict | None:
    """"the American University", "the French Open", "the Syrian Democratic Forces", "Latin
    American": a demonym starting a run of capitalised words that ends with a name's head, or
    ending a compound, is part of a name, not the country's adjective."""
    if h.toponym:
        return None
    if _capitalised(h.prev) and h.prev in COMPOUND_BEFORE:
        return Verdict(Rejection.NAME_PART, Reason(R.AFTER_WORDS, word=h.prev))
    toks, words = h.site.toks, h.site.toks.words
    for j in range(h.m.last, min(len(words), h.m.last + NAME_HEAD_WORDS)):
        if toks.seps[j].strip(" \t") or not _capitalised(words[j]):
            return None
        if words[j] in NAME_HEADS:
            return Verdict(Rejection.NAME_PART, Reason(R.BEFORE_WORDS, word=words[j]))
    return None


def compass_word(h: Here) -> Verdict | None:
    """"the West", "North": a compass word alone is a direction, not the place named like it."""
    if len(h.m.key) == 1 and h.m.key[0] in h.voc.directions:
        return Verdict(Rejection.DIRECTION)
    return None


def generic_word_alone(h: Here) -> Verdict | None:
    """"Cook Islands" → Islands, "Upper Nile" → Upper: a generic word of a longer name, read
    alone beside a capitalised word, is part of that name."""
    if len(h.m.key) != 1 or h.m.key[0] not in GENERIC_WORDS:
        return None
    side = h.prev if _capitalised(h.prev) else h.nxt if _capitalised(h.nxt) else ""
    return Verdict(Rejection.NAME_PART, Reason(R.BESIDE_WORDS, word=side)) if side else None


def county_of_the_name(h: Here) -> Verdict | None:
    """"Orange County", "Jefferson Parish": a town's name before the county's word is part of
    the county's name (the town is not the county)."""
    if (h.nxt in COUNTY_WORDS and not _area(h)
            and any(p.kind == PlaceKind.CITY for p in h.places)):
        return Verdict(Rejection.NAME_PART, Reason(R.BEFORE_WORDS, word=h.nxt))
    return None


def saint(h: Here) -> Verdict | None:
    """"St. Patrick's Day", "St. Mary's High School", "St. Patrick" read as Patrick: a name
    after Saint's abbreviation the gazetteer lacks as a whole is part of a saint's name, and a
    saint's name with "'s" before a capitalised word names a feast, a church or a school (a
    city's does not: "St. Petersburg's Mayor")."""
    saintly = h.written.startswith(SAINT_WORDS) or h.prev in SAINT_PREV
    if not saintly:
        return None
    big = any(p.kind == PlaceKind.CITY and p.population >= SMALL_TOWN for p in h.places)
    if _POSSESSIVE_NAME.match(h.site.norm.original, h.m.end) and not big:
        return Verdict(Rejection.NAME_PART, Reason(R.THE_WORDS, word=f"{h.written}'s"))
    if h.prev in SAINT_PREV and len(h.m.key) == 1:
        return Verdict(Rejection.NAME_PART, Reason(R.AFTER_WORDS, word=h.prev))
    return None


def outlet(h: Here) -> Verdict | None:
    """"France 24", "CNN Turk", "the New York Times", "Agence France-Presse": an outlet named
    after a place."""
    after = h.site.norm.original[h.m.end:h.m.end + 4]
    if _OUTLET_NUMBER.match(after):
        return Verdict(Rejection.TV_CHANNEL, Reason(R.BEFORE_NUMBER, word="24"))
    if h.nxt in h.voc.media_after:
        return Verdict(h.voc.media_after[h.nxt], Reason(R.BEFORE_WORDS, word=h.nxt))
    if h.roles.media_before:
        return Verdict(Rejection.NEWS_SITE, Reason(R.AFTER_WORDS, word=h.prev))
    return None


def club(h: Here) -> Verdict | None:
    """"Real Madrid", "Olympique Marseille"; "Manchester United" and "Leeds City" in sports
    news: a club named after its town ("Dublin City Council" is the city's council)."""
    if h.roles.club_before and _capitalised(h.prev):
        return Verdict(Rejection.CLUB, Reason(R.AFTER_WORDS, word=h.prev))
    if h.nxt == "City" and _after(h, 2) in CIVIC_WORDS:
        return None  # "Dublin City Council": the city's own body, no club
    if h.nxt in h.voc.club_after or (h.nxt in ("United", "City") and _sport_near(h)):
        return Verdict(Rejection.CLUB, Reason(R.BEFORE_WORDS, word=h.nxt))
    return None


def _sport_near(h: Here) -> bool:
    words = h.site.toks.words
    lo, hi = max(0, h.m.first - SPORT_WINDOW), min(len(words), h.m.last + SPORT_WINDOW)
    sport = h.voc.sport_words
    return any(words[k] in sport for k in range(lo, hi))


def organisation(h: Here) -> Verdict | None:
    """"Bank of America", "University of Texas" (of + a head before it), "Radio France",
    "Texas Instruments"-like words after ("Dubai Airport", "Qatar Airways")."""
    if h.prev == "of" and _before(h, 2) in h.voc.org_phrase_heads:
        return Verdict(Rejection.ORGANISATION, Reason(R.AFTER_WORDS, word=f"{_before(h, 2)} of"))
    if h.roles.org_before and _capitalised(h.prev):
        return Verdict(Rejection.ORGANISATION, Reason(R.AFTER_WORDS, word=h.prev))
    if h.nxt in h.voc.org_after:
        return Verdict(Rejection.ORGANISATION, Reason(R.BEFORE_WORDS, word=h.nxt))
    return None


def organisation_phrase(h: Here) -> Verdict | None:
    """"the Kenya Meteorological Department", "the Kiev Military Administration", "the U.S.
    Forest Service": a name starting a run of capitalised words that ends with an
    organisation's head is part of the organisation's name."""
    toks, words = h.site.toks, h.site.toks.words
    for j in range(h.m.last, min(len(words), h.m.last + ORG_PHRASE_WORDS)):
        # An abbreviation's own stop ("U.S. Forest") is no mark between the words.
        sep = toks.seps[j][1:] if j == h.m.last and h.written.endswith(".") else toks.seps[j]
        if sep.strip(" \t") or not _capitalised(words[j]):
            return None
        if words[j] in ORG_HEADS:
            return Verdict(Rejection.ORGANISATION, Reason(R.BEFORE_WORDS, word=words[j]))
    return None


def surname(h: Here) -> Verdict | None:
    """"Michael Jordan", "Kevin Durant": a name after a given name is a surname."""
    if h.prev in GIVEN_NAMES:
        return Verdict(Rejection.SURNAME, Reason(R.AFTER_GIVEN_NAME, word=h.prev))
    if h.roles.title and _capitalised(h.prev) and not (h.roles.office and _area(h)):
        return Verdict(Rejection.PERSON, Reason(R.AFTER_WORDS, word=h.prev))
    return None


def title_or_initial(h: Here) -> Verdict | None:
    """"Mrs. Parsons", "Sgt. Lansing", "Marsha J. Moore": a town's one-word name after a
    title's abbreviation or after a given name and an initial is a person (the stop cuts the
    words apart, so the title is read in the text)."""
    if len(h.m.key) != 1 or not _towns_or_features(h):
        return None
    before = h.site.norm.original[max(0, h.m.start - 24):h.m.start]
    if m := _DOTTED_TITLE.search(before):
        return Verdict(Rejection.PERSON, Reason(R.AFTER_WORDS, word=f"{m.group(1)}."))
    if m := _INITIAL.search(before):
        return Verdict(Rejection.SURNAME, Reason(R.AFTER_WORDS, word=f"{m.group(1)}."))
    return None


def given_name(h: Here) -> Verdict | None:
    """"Paris Hilton", "Jordan Peterson": a place-like given name before a capitalised word that
    is no generic word of a place ("Jordan River"), with no place cue before it; a country is
    not read so ("Jordan King Abdullah")."""
    if (
        len(h.m.key) == 1
        and (h.m.key[0] in h.voc.first_names or h.m.key[0] in given_names())
        and _capitalised(h.nxt)
        and h.nxt not in GENERIC_WORDS
        and h.nxt not in h.voc.titles
        and not _country(h)
        and h.prev not in PLACE_PREPOSITIONS
    ):
        return Verdict(Rejection.GIVEN_NAME, Reason(R.BEFORE_WORDS, word=h.nxt))
    return None


def month(h: Here) -> Verdict | None:
    """"in May", "by March": a month's name is no place, whatever stands before it."""
    if len(h.m.key) == 1 and h.m.key[0].lower() in MONTHS and h.m.key[0].istitle():
        return Verdict(Rejection.ENGLISH_WORD, Reason(R.A_MONTH, word=h.written))
    return None


def party_word(h: Here) -> Verdict | None:
    """"Republican votes", "Democratic senators": a party's adjective, not a demonym."""
    if len(h.m.key) == 1 and h.m.key[0] in PARTY_WORDS:
        return Verdict(Rejection.ENGLISH_WORD, Reason(R.NAMES_PARTY, word=h.written))
    return None


def demonym_stays(h: Here) -> Keep | None:
    """The rules after this one are about names, not adjectives (Syrian, French)."""
    return None if h.toponym else KEEP


def place_cue(h: Here) -> Keep | None:
    """"in May", "the city of Mobile", "Mobile, Ala.": a preposition of place, a place's noun
    and "of" before the name, or a capitalised word after a comma, support it."""
    if h.prev.lower() in PLACE_PREPOSITIONS or h.roles.cue is not None:
        return KEEP
    if h.prev == "of" and _before(h, 2).lower() in PLACE_NOUNS_BEFORE_OF:
        return KEEP
    toks = h.site.toks
    j = h.m.last
    if j < len(toks.words) and toks.seps[j].strip() == "," and _capitalised(toks.words[j]):
        return KEEP
    return None


def _small_or_feature(h: Here) -> bool:
    """Every place of the name is a town under ``SMALL_TOWN`` (no capital) or a feature."""
    return all(
        (p.kind == PlaceKind.CITY and p.population < SMALL_TOWN and not p.capital)
        or p.kind == PlaceKind.FEATURE
        for p in h.places
    )


def _towns_or_features(h: Here) -> bool:
    return all(p.kind in (PlaceKind.CITY, PlaceKind.FEATURE) for p in h.places)


def _starts_a_sentence(h: Here) -> bool:
    """Is the word before the match the first of its sentence (or of the text)?"""
    start = h.m.start
    before = h.site.norm.original[max(0, start - 60):start]
    m = _SENTENCE_FIRST.search(before)
    return m is not None and (m.start() > 0 or start <= 60)


def person_speaks(h: Here) -> Verdict | None:
    """"Douglas said", "Welch told officers": a small town's one-word name right before "said"
    or "told" is a person quoted (a capital speaks for its government: "Moscow said"; a town
    says things in the present: "Gainesville says no")."""
    if (
        len(h.m.key) == 1
        and h.nxt in SAID
        and _small_or_feature(h)
    ):
        return Verdict(Rejection.SURNAME, Reason(R.BEFORE_WORDS, word=h.nxt))
    return None


def surname_after_a_name(h: Here) -> Verdict | None:
    """"Darren Ripley", "Rhonda Welch", "Keith Paul": a small town's one-word name right after
    a capitalised word that is no word of a place (no title, compass, generic, common word or
    sentence starter, inside the sentence) is a surname; so is any town's after a common given
    name ("Andrew Trapani", ``given_names``)."""
    prev = h.prev
    if (
        len(h.m.key) == 1
        and prev.istitle()
        and prev.isalpha()
        and not _starts_a_sentence(h)
        and prev not in GENERIC_WORDS
        and prev not in COUNTY_WORDS
        and prev not in SENTENCE_STARTERS
        and prev not in h.voc.directions
        and prev not in h.voc.titles
        and prev not in common_words()
        and prev.lower() not in MONTHS
        and (_small_or_feature(h) or (prev in given_names() and _towns_or_features(h)))
    ):
        return Verdict(Rejection.SURNAME, Reason(R.AFTER_WORDS, word=prev))
    return None


def small_place_in_a_longer_name(h: Here) -> Verdict | None:
    """"Hamza Shahbaz", "Garda Lorraine O'Donovan": the name of a small town or a feature
    right before another capitalised word (no generic word of a place: "Kohat District") is the
    first word of a person's or a thing's name, with no place cue before it."""
    if (
        len(h.m.key) == 1
        and _capitalised(h.nxt)
        and h.nxt not in GENERIC_WORDS
        and h.nxt not in COUNTY_WORDS
        and all(p.kind not in AREAS and p.kind != PlaceKind.REGION
                and (p.kind != PlaceKind.CITY or p.population < SMALL_TOWN) for p in h.places)
    ):
        return Verdict(Rejection.NAME_PART, Reason(R.BEFORE_WORDS, word=h.nxt))
    return None


def common_word(h: Here) -> Verdict | None:
    """"May", "White", "Center": a capitalised everyday word needs a place cue (a country is
    itself: Turkey, Chad)."""
    if len(h.m.key) == 1 and h.m.key[0] in common_words() and not _country(h):
        return Verdict(Rejection.ENGLISH_WORD, Reason(R.NO_PLACE_CUE, word=h.written))
    return None


def sentence_initial(h: Here) -> Verdict | None:
    """"Most", "Many": the first word of a sentence, a word sentences start with, is not a
    name without support."""
    if len(h.m.key) == 1 and h.m.key[0] in SENTENCE_STARTERS and not _country(h):
        return Verdict(Rejection.ENGLISH_WORD, Reason(R.STARTS_SENTENCE, word=h.written))
    return None


RULES: tuple[RejectionRule, ...] = (
    lower_case,
    demonym_language,
    demonym_in_a_name,
    compass_word,
    generic_word_alone,
    county_of_the_name,
    saint,
    outlet,
    club,
    organisation,
    organisation_phrase,
    month,
    party_word,
    surname,
    title_or_initial,
    given_name,
    demonym_stays,
    place_cue,
    person_speaks,
    surname_after_a_name,
    small_place_in_a_longer_name,
    common_word,
    sentence_initial,
)


DATES = DateWords(
    months={m: i for i, m in enumerate(_MONTHS.split(), start=1)},
    published=(r"published(?:\ on)?", "posted", r"first\ published"),
    updated=(r"updated(?:\ on)?", r"last\ updated", "modified"),
    label_words=("published", "posted", "updated", "modified"),
    ampm=("am", "pm", "a.m.", "p.m."),
    evening=frozenset({"pm", "p.m."}),
    at=("at",),
)

FURNITURE = FurnitureWords(
    read_also=(r"^(?:read|see)\ (?:also|more)", r"^related(?:\ (?:stories|articles|news))?"),
    cookies=("cookies?",),
    cookie_site=("we\\ use", "our\\ site", "by\\ continuing", "accept"),
    load_more=(r"^(?:load|show|read)\ more$",),
    comment_form=(r"^(?:leave|add|post)\ a\ (?:comment|reply)", r"will\ not\ be\ published"),
    follow_us=(r"follow\ us",),
    newsletter=(r"sign\ up\ for", r"subscribe\ to"),
    copyright=(r"all\ rights\ reserved", "copyright"),
    tags=("tags", "topics"),
    advertisement=("advertisement", r"sponsored(?:\ content)?"),
    ui_words=_words("""
    share tweet facebook twitter whatsapp telegram linkedin email print copy link save send
    back home menu search close
"""),
    ui_connectors=_words("""
    on via by or and to
"""),
    photo_credits=("reuters", "afp", "ap", "getty images", "getty", "file photo", "file"),
    photo_words=("photo", "picture", "image"),
)


class English:
    """The English ``Language``."""

    code = "en"
    direction = "ltr"
    proclitics: tuple[str, ...] = ()
    articles: tuple[str, ...] = ("the",)
    rejection_rules: tuple[RejectionRule, ...] = RULES
    city_then_area = True
    divisions_decide = True
    dates = DATES
    furniture = FURNITURE

    def __init__(self) -> None:
        self._voc: Vocabulary | None = None

    def fold(self, text: str) -> str:
        """Folded as the gazetteer's names are (case kept: May is not may)."""
        return fold(text)

    def vocabulary(self) -> Vocabulary:
        if self._voc is None:
            self._voc = vocabulary.__wrapped__(CONTEXT_FILE)
        return self._voc

    def demonym_forms(self, adjective: str) -> list[str]:
        """"Syrian" → Syrian, Syrians; "French" stays (no plural of its own)."""
        return english_forms(fold(adjective))

    def written_names(self, text: str) -> Iterable[tuple[int, int, str, str | None]]:
        """"U.S.", "UK", "D.C.", "Tulsa, Okla.", a dateline's "CHARLESTON"."""
        return written_names(text)


ENGLISH = English()
