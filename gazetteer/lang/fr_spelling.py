"""French spellings of names the gazetteer has in other Latin spellings (issue 19).

The French press writes the Maghreb's and West Africa's names its own way: Taroudante
(GeoNames: Taroudannt), Zagoura (Zagora), Guelmime (Guelmim), Skhirat (Skhirate), Kénitra
(Kenitra), Béni Mellal (Beni Mellal), El-Hamiz (El Hamiz). ``skeleton`` keeps what such
spellings share: no accents, hyphens read as spaces, "ou" read as "o", a word's final mute
"e" dropped, doubled letters single, "dj" as "j", "sh" as "ch". A run of capitalised words
whose skeleton is a name of a place of those countries, when the words are not that name as
written, is read as that place, with support only (``supported``): a preposition of place or
a province's noun before it, or a place of the same country next to it in a list of names
(commas, "et"), or that country named in the text.

The match's key is the name's words and a mark (``~`` and the countries read), so that a key
has one set of places; its candidates are the places of those countries with that skeleton.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from gazetteer.matcher import RawMatch, Tokens
from gazetteer.model import MentionType, Place, PlaceKind
from gazetteer.normalize import Normalized
from gazetteer.normalize import words as fold_words
from gazetteer.store import Gazetteer

TOPONYM = MentionType.TOPONYM
#: The countries whose names the French press spells its own way (the Maghreb, French-speaking
#: West and Central Africa).
COUNTRIES = frozenset(("MA", "DZ", "TN", "LY", "MR", "SN", "ML", "NE", "BF", "TD", "CI", "GN",
                       "CM", "TG", "BJ"))
#: Fewest letters of a skeleton read: shorter ones meet everyday words.
MIN_LETTERS = 5
#: Most words in one name read so.
MAX_WORDS = 4
#: Words before a name that support it (folded, no accents, lower case).
_CUE_WORDS = """
    a en au aux dans vers depuis chez pres de d du des province provinces prefecture wilaya
    wilayas region regions gouvernorat commune communes ville villes village localite daira
"""
CUES = frozenset(_CUE_WORDS.split())
#: A capitalised word (hyphens and apostrophes inside: Aït-M'hand).
_WORD = re.compile(
    r"(?<![A-Za-z\u00c0-\u024f])[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f]*"
    r"(?:[\-\u2010\u2011'\u2019][A-Za-z\u00c0-\u024f]+)*")
#: Between two capitalised words of one name: a space or a hyphen, and maybe a particle of
#: names in lower case (El Kelâa des Sraghna, Dar el Beida).
_NAME_GAP = re.compile(r"[ \-\u2010\u2011](?:(?:des|de|du|el|al|ben|ait)[ \-\u2010\u2011])?")
_DOUBLE = re.compile(r"(.)\1+")


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """What the French and the gazetteer's Latin spellings of a name share.

    >>> skeleton("Taroudante") == skeleton("Taroudannt")
    True
    >>> skeleton("Zagoura") == skeleton("Zagora"), skeleton("Guelmime") == skeleton("Guelmim")
    (True, True)
    >>> skeleton("El-Hamiz") == skeleton("El Hamiz"), skeleton("Béni Mellal")
    (True, 'beni melal')
    """
    text = _plain(name).lower().replace("\u2019", "'")
    out = []
    for word in re.split(r"[\s\-\u2010\u2011']+", text):
        if not word:
            continue
        word = word.replace("ou", "o").replace("dj", "j").replace("sh", "ch")
        if len(word) > 4 and word.endswith("e"):
            word = word[:-1]
        out.append(_DOUBLE.sub(r"\1", word))
    return " ".join(out)


#: The index of each gazetteer read (by its id; the gazetteer is kept, so the id stays its).
_INDEXES: dict[int, tuple[Gazetteer, dict[str, tuple[tuple[int, str], ...]]]] = {}


def _index(gaz: Gazetteer) -> dict[str, tuple[tuple[int, str], ...]]:
    """``_make_index(gaz)``, made once a gazetteer."""
    got = _INDEXES.get(id(gaz))
    if got is None or got[0] is not gaz:
        if len(_INDEXES) >= 4:
            _INDEXES.clear()
        got = _INDEXES[id(gaz)] = (gaz, _make_index(gaz))
    return got[1]


def _make_index(gaz: Gazetteer) -> dict[str, tuple[tuple[int, str], ...]]:
    """Skeleton → the places of ``COUNTRIES`` (toponyms) with a Latin name of that skeleton."""
    places = gaz.places
    found: dict[str, set[tuple[int, str]]] = {}
    for key, entries in gaz.index.items():
        if len(key) > MAX_WORDS or not key[0][:1].isupper() or not key[0].isascii():
            continue
        ours = [(i, t) for i, t in entries if t == TOPONYM and places[i].country in COUNTRIES]
        if not ours:
            continue
        sk = skeleton(" ".join(key))
        if len(sk.replace(" ", "")) >= MIN_LETTERS:
            found.setdefault(sk, set()).update(ours)
    return {sk: tuple(sorted(e)) for sk, e in found.items()}


Spans = list[tuple[int, int, frozenset[str]]]


def _countries(gaz: Gazetteer, raws: Sequence[RawMatch]) -> tuple[set[str], Spans]:
    """The countries named in the text, and each match's countries (start, end, countries)."""
    places = gaz.places
    named: set[str] = set()
    spans = []
    for r in raws:
        cs = frozenset(places[i].country or "" for i, t in r.entries if t == TOPONYM)
        if any(places[i].kind == PlaceKind.COUNTRY for i, t in r.entries if t == TOPONYM):
            named |= cs
        spans.append((r.start, r.end, cs))
    return named, sorted(spans, key=lambda s: (s[0], s[1]))


_LIST_JOIN = re.compile(r"\s*(?:,|;|et)\s*")


def _in_list(text: str, start: int, end: int, spans: Spans, country: str) -> bool:
    """A place of ``country`` right before or after the name, with a comma, ";" or "et"
    between them (``spans``: sorted by start, none overlapping the name)."""
    k = bisect_left(spans, (start, -1, frozenset()))
    for s, e, cs in spans[max(0, k - 2):k + 2]:
        if country not in cs:
            continue
        if e <= start and start - e <= 6 and _LIST_JOIN.fullmatch(text, e, start):
            return True
        if s >= end and s - end <= 6 and _LIST_JOIN.fullmatch(text, end, s):
            return True
    return False


def variant_matches(
    gaz: Gazetteer, text: str, norm: Normalized, toks: Tokens, raws: Sequence[RawMatch]
) -> list[RawMatch]:
    """The French spellings of ``COUNTRIES``' places in ``text`` (``raws``: the names found as
    written), each with support; a spelling found replaces the matches it overlaps."""
    index = _index(gaz)
    if not index:
        return []
    places = gaz.places
    exact = {(r.start, r.end): r for r in raws}
    bounds = sorted((r.start, r.end) for r in raws)
    words = list(_WORD.finditer(text))
    # joins[j]: word j continues the name of word j - 1.
    joins = [k > 0 and _NAME_GAP.fullmatch(text, words[k - 1].end(), w.start()) is not None
             for k, w in enumerate(words)]
    starts = toks.bounds[0::2]
    found: list[tuple[int, int, tuple[tuple[int, str], ...]]] = []
    sure_ones: set[int] = set()  # names as written, given more places: no support needed
    own: dict[int, frozenset[tuple[int, str]]] = {}  # the places kept without support
    taken = -1
    for k, first in enumerate(words):
        if first.start() < taken:
            continue
        most = 1
        while most < MAX_WORDS and k + most < len(words) and joins[k + most]:
            most += 1
        best: tuple[int, tuple[tuple[int, str], ...]] | None = None
        for n in range(most, 0, -1):
            last = words[k + n - 1]
            if _crosses(bounds, first.start(), last.end()):
                continue
            written = text[first.start():last.end()]
            entries = index.get(skeleton(written), ()) or _compass(gaz, written)
            raw = exact.get((first.start(), last.end()))
            if raw is not None:
                # The name as written is the gazetteer's: its places are the name's, and the
                # town or the division its name leaves out, or its English spelling's.
                entries = _its_division(places, raw, entries) or _its_town(gaz, raw)
                if entries:
                    sure_ones.add(len(found))
                    best = (last.end(), entries)
                elif entries := _added(raw, _compass(gaz, written)):
                    # The English spelling's divisions need support, the name's own not.
                    own[len(found)] = frozenset(raw.entries)
                    best = (last.end(), entries)
                break
            if entries:
                best = (last.end(), entries)
                break
        if best is None:
            continue
        found.append((first.start(), best[0], best[1]))
        taken = best[0]
    if not found:
        return []
    named, spans = _countries(gaz, raws)
    # Support: a cue before, the country named, or a place of the country next to it in a
    # list (a name found as written, or a spelling supported so: read until none is added).
    support: list[set[str]] = []
    for k, (start, end, entries) in enumerate(found):
        countries = {places[i].country or "" for i, _ in entries}
        if k in sure_ones:
            support.append(countries)
            continue
        before = _plain(text[max(0, start - 30):start]).lower().replace("\u2019", "'")
        prev = re.findall(r"[a-z]+", before)
        if prev and prev[-1] in CUES:
            support.append(countries)
        else:
            support.append({c for c in countries
                            if c in named or _in_list(text, start, end, spans, c)})
    grown = True
    while grown:
        grown = False
        sure = [(s, e, frozenset(c)) for (s, e, _), c in zip(found, support, strict=True) if c]
        for k, (start, end, entries) in enumerate(found):
            more = {places[i].country or "" for i, _ in entries} - support[k]
            new = {c for c in more if _in_list(text, start, end, sure, c)}
            if new:
                support[k] |= new
                grown = True
    out: list[RawMatch] = []
    for k, ((start, end, entries), countries) in enumerate(zip(found, support, strict=True)):
        mine = own.get(k, frozenset())
        kept = tuple((i, t) for i, t in entries if places[i].country in countries
                     or (i, t) in mine)
        first_tok = bisect_left(starts, bisect_left(norm.origin, start))
        last_tok = bisect_left(starts, bisect_left(norm.origin, end))
        if kept and first_tok < last_tok:
            # The mark names the countries read: one key, one set of places (the geoparser
            # keeps a key's places for the next texts).
            mark = "~" + "|".join(sorted({places[i].country or "" for i, _ in kept}))
            key = (*fold_words(text[start:end]), mark)
            out.append(RawMatch(start, end, first_tok, last_tok, key, kept, ""))
    return out


def _crosses(bounds: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does a name found as written overlap ``start``-``end`` without lying inside it?"""
    k = bisect_left(bounds, (start, -1))
    for s, e in bounds[max(0, k - 3):k + 3]:
        if s < end and start < e and not (start <= s and e <= end):
            return True
    return False


def _its_division(
    places: Sequence[Place], raw: RawMatch, entries: tuple[tuple[int, str], ...]
) -> tuple[tuple[int, str], ...]:
    """Khénifra: the town is named so (an alternate name), its province only Khenifra. The
    name's places and the divisions of the same spelling with the Arabic name of one of its
    towns ('': none such, nothing to add)."""
    own = {i for i, t in raw.entries if t == TOPONYM}
    towns = {(places[i].country, places[i].name_ar) for i in own
             if places[i].kind == PlaceKind.CITY and places[i].name_ar}
    added = tuple((i, t) for i, t in entries if i not in own
                  and places[i].kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2)
                  and (places[i].country, places[i].name_ar) in towns)
    return (*raw.entries, *added) if added else ()


#: Countries where French is an official language, whose divisions GeoNames may name in
#: English (Cameroon's South-West, Far North).
FRENCH_OFFICIAL = COUNTRIES | frozenset((
    "RW", "BI", "SC", "VU", "DJ", "KM", "MG", "HT", "CA", "CD", "CG", "GA", "CF", "GQ", "CH",
    "BE", "LU"))
#: French compass names of divisions and their English spellings.
COMPASS = {
    "Nord-Ouest": ("North-West", "Northwest", "North West"),
    "Nord-Est": ("North-East", "Northeast", "North East"),
    "Sud-Ouest": ("South-West", "Southwest", "South West"),
    "Sud-Est": ("South-East", "Southeast", "South East"),
    "Extreme-Nord": ("Far North", "Extreme North"),
}
_COMPASS = {skeleton(k): v for k, v in COMPASS.items()}


def _compass(gaz: Gazetteer, written: str) -> tuple[tuple[int, str], ...]:
    """Sud-Ouest, Extrême-Nord: the first-level divisions of ``FRENCH_OFFICIAL`` countries
    named by the English spellings of a French compass name ('': not one)."""
    english = _COMPASS.get(skeleton(written))
    if english is None:
        return ()
    places = gaz.places
    found: list[tuple[int, str]] = []
    for name in english:
        for i, t in gaz.index.get(tuple(fold_words(name)), ()):
            p = places[i]
            if (t == TOPONYM and p.kind == PlaceKind.ADMIN1 and p.country in FRENCH_OFFICIAL
                    and (i, t) not in found):
                found.append((i, t))
    return tuple(found)


def _added(
    raw: RawMatch, entries: tuple[tuple[int, str], ...]
) -> tuple[tuple[int, str], ...]:
    """The name's places and ``entries`` ('': ``entries`` adds none)."""
    more = tuple(e for e in entries if e not in raw.entries)
    return (*raw.entries, *more) if more else ()


def _its_town(gaz: Gazetteer, raw: RawMatch) -> tuple[tuple[int, str], ...]:
    """Genève, Derna: the French name is the first-level division's only (the canton, the
    district), its seat town of the same Latin name has it not. The name's places and those
    towns ('': the name has a town, or no division, or the division no town of its name)."""
    places = gaz.places
    own = [i for i, t in raw.entries if t == TOPONYM]
    if any(places[i].kind == PlaceKind.CITY for i in own):
        return ()
    added: list[tuple[int, str]] = []
    for i in own:
        division = places[i]
        if division.kind != PlaceKind.ADMIN1:  # a province (admin2): bulletins name them
            continue
        for j, t in gaz.index.get(tuple(fold_words(division.name)), ()):
            town = places[j]
            if (t == TOPONYM and town.kind == PlaceKind.CITY and town.name == division.name
                    and town.country == division.country and (j, t) not in added):
                added.append((j, t))
    return (*raw.entries, *added) if added else ()
