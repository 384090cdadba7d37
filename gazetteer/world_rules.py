"""Rules for the world's names in Arabic news (issue 16) that the matcher and the geoparser call
from one-line call sites, kept apart so they can move with the Arabic rules.

- ``glued_reading``: names written with their words glued in the source («الولاياتالمتحدة»,
  «كفرالشيخ») and a direction glued to a name («جنوبأكادير»).
- ``foreign_g_reading``: the Egyptian ج for a foreign g («كايسونج» for «كايسونغ») of a place
  outside the Arab world, read like a spelling made from Latin: weak, counted only with support.
- ``list_kinds``: in a list of places, a division or its town of the same name takes the kind
  of the list's other names (Khartoum the state among states, Marsa Matruh among towns).
- ``word_region``: a one-word name of a region or feature inside one country that is also an
  everyday word («الصعيد»: Upper Egypt, and «على الصعيد العالمي», at the world level) needs
  support like any common-word name: a cue or a place of its country in the text; so does a
  division named by the first word of its longer name («الضفة», the West Bank).

All words are folded (``gazetteer.normalize``).
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from gazetteer.model import Candidate, Mention, Place, PlaceKind
from gazetteer.normalize import fold
from gazetteer.reasons import Reason
from gazetteer.reasons import ReasonCode as R

if TYPE_CHECKING:
    from gazetteer.matcher import Tokens

Key = tuple[str, ...]
#: A reading as the matcher's options hold it: (characters cut, proclitic, names of two words
#: or more by their second word, the name).
Reading = tuple[int, str, None, Key]

#: The fewest letters of a glued token, and of the name after a glued direction.
GLUED_LETTERS = 6
NAME_LETTERS = 4
#: Words that the press glues to the name after them: directions and place cues (folded).
GLUED_PREFIXES = ("جنوب", "شمال", "شرق", "غرب", "وسط", "مدينه", "محافظه", "ولايه")


def glued_index(keys: Iterable[Key]) -> dict[str, Key]:
    """Every name of two words or more with its words glued: «الولاياتالمتحده» → the key."""
    out: dict[str, Key] = {}
    for key in keys:
        if len(key) > 1:
            out.setdefault("".join(key), key)
    return out


def glued_reading(
    forms: Sequence[tuple[int, str, str]],
    glued: Mapping[str, Key],
    single_names: Mapping[str, Sequence[Key]],
    words: Collection[str],
    prominent: Callable[[str], bool],
) -> tuple[Reading, ...]:
    """The reading of a token that names nothing as written: a glued name; a glued direction
    or cue and a one-word name after it; or a word glued before a prominent place's name with
    the article («بدءاالولاياتالمتحدة», «فرنساوالولاياتالمتحدة»). The span is the name only.

    ``forms`` are the token's (characters cut, word, proclitic) forms, the bare token first;
    ``single_names`` the names by their first word; ``words`` everyday words, never split;
    ``prominent(name)``: does the one-word name name a country, division, region, feature or
    big city.
    """
    for cut, word, proclitic in forms:
        if len(word) < GLUED_LETTERS or word in words:
            continue
        key = glued.get(word)
        if key is not None:
            return ((cut, proclitic, None, key),)
        for prefix in GLUED_PREFIXES:
            rest = word[len(prefix):]
            if (
                word.startswith(prefix)
                and len(rest) >= NAME_LETTERS
                and (rest,) in single_names.get(rest, ())
            ):
                return ((cut + len(prefix), "", None, (rest,)),)  # «و» was the direction's
    cut, word, _ = forms[0]  # the bare token: a proclitic cut first changes nothing here
    if len(word) >= GLUED_LETTERS + 2 and word not in words:
        for k in range(2, len(word) - GLUED_LETTERS + 1):
            rest = word[k:]
            if not rest.startswith("ال"):
                continue
            key = glued.get(rest)
            if key is None and (rest,) in single_names.get(rest, ()) and prominent(rest):
                key = (rest,)
            if key is not None:
                return ((cut + k, "", None, key),)
    return ()


#: Kinds of place that a region-like everyday word may name, and the small namesakes beside
#: them (a district of Yemen named «الصعيد») that do not make the word strong.
_AREAS = (PlaceKind.FEATURE, PlaceKind.REGION)
_SMALL = (PlaceKind.CITY, PlaceKind.ADMIN2)
SMALL_PLACE = 100_000


def word_region(key: Key, places: Sequence[Place], words: Collection[str]) -> bool:
    """A one-word name that is an everyday word and names regions or features inside one
    country (Upper Egypt, «الصعيد») and at most small towns or districts besides: it is weak,
    and counts only with a cue or a place of that country in the document."""
    if len(key) != 1 or key[0] not in words:
        return False
    areas = [p for p in places
             if (p.kind in _AREAS or shortened_division(key, p)) and p.country]
    return bool(areas) and all(
        p in areas
        or (p.kind in _SMALL and not p.capital and p.population < SMALL_PLACE)
        for p in places
    )


def shortened_division(key: Key, place: Place) -> bool:
    """A first-level division named by the first word of its own longer Arabic name
    («الضفة» for «الضفة الغربية», the West Bank): an everyday word alone is weak like a
    region's (``word_region``)."""
    if place.kind != PlaceKind.ADMIN1:
        return False
    words = fold(place.name_ar).split()
    return len(words) > 1 and words[0] == key[0]


def sole_country(places: Sequence[Place]) -> str | None:
    """The one country all the places lie in, a region of one member country counting as in
    it (the Gaza Strip as a region and as a feature: Palestine); None for more or none."""
    countries = {p.country or (p.members[0] if len(p.members) == 1 else None) for p in places}
    return countries.pop() if len(countries) == 1 else None


#: The word before an everyday word that makes it the idiom («على الصعيد الدولي»: at the
#: international level), never the region (folded; with و or ف before it too).
IDIOM_BEFORE = frozenset({"علي", "وعلي", "فعلي"})


def region_idiom(
    key: Key, places: Sequence[Place], before: str, after: str, words: Collection[str]
) -> bool:
    """«على الصعيد الدولي»: an everyday word naming a region (``word_region``) between «على» and
    an adjective (الدولي، المحلي، الاقتصادي) is the idiom, whatever places of the region's
    country the text names; «على المزة وجوبر» is not."""
    return (
        before in IDIOM_BEFORE
        and len(after) >= 5 and after.startswith("ال") and after.endswith("ي")
        and word_region(key, places, words)
    )


def region_in_named_country(
    key: Key, places: Sequence[Place], countries: Collection[str], before: str,
    words: Collection[str],
) -> bool:
    """A region named by an everyday word (``word_region``) whose country the document names
    elsewhere (another place of that country: «الصعيد» in Egyptian news), unless the word
    before makes it the idiom. ``countries``: the countries of the document's other names."""
    return (
        word_region(key, places, words)
        and before not in IDIOM_BEFORE
        and any(p.country in countries for p in places
                if p.kind in _AREAS or shortened_division(key, p))
    )


#: Between two names of one list: numbers, brackets and separators, and at most one word ended
#: by a comma («القاهرة 31 الأسكندرية», «الخرطوم، الجزيرة (214) حريقاً، الشمالية (173)»); a
#: bare word between them («درعا جنوب دمشق») is no list.
_GAP_WORDS = re.compile(r"[^\s()\[\]\d.\-–]+")
_SEPARATORS = ("،", ",", "؛", ";", "و")


def list_gap(gap: str) -> bool:
    """Does ``gap`` (the text between two names) join them in one list?"""
    return list_gap_at(gap, 0, len(gap))


_SHOWN = re.compile(r"\S")


def list_gap_at(text: str, lo: int, hi: int) -> bool:
    """``list_gap(text[lo:hi])`` without copying the gap (it may be a long stretch of text)."""
    if _SHOWN.search(text, lo, hi) is None:
        return False
    parts = []
    for word in _GAP_WORDS.finditer(text, lo, hi):
        parts.append(word.group())
        if len(parts) > 2:  # more than a word and «و»: no list
            return False
    if parts and parts[-1] == "و":
        parts = parts[:-1]
    if not parts:
        return True  # numbers and brackets only
    return len(parts) == 1 and parts[0].endswith(_SEPARATORS[:4])


_DIVISIONS = (PlaceKind.ADMIN1, PlaceKind.ADMIN2)


#: A list's kind (``_kind_group``) as the reason of a name it gave that kind.
_LIST_OF = {"town": R.LIST_OF_TOWNS, "division": R.LIST_OF_DIVISIONS}


def _kind_group(place: Place) -> str | None:
    if place.kind in _DIVISIONS:
        return "division"
    if place.kind == PlaceKind.CITY:
        return "town"
    return None


def kind_switch(place: Place, alternatives: Sequence[Candidate]) -> Candidate | None:
    """The runner-up of a mention of ``place`` of the other kind (town or division), same
    country, same Arabic name: what a list of the other kind would make it."""
    own = _kind_group(place)
    if own is None:
        return None
    return next((
        c for c in alternatives
        if (g := _kind_group(c.place)) is not None and g != own
        and c.place.country == place.country and c.place.name_ar == place.name_ar
    ), None)


class ListRuns:
    """The lists of names of a text (runs of mentions joined by ``list_gap``), read once in
    text order (``add`` each mention, then ``close``), with the kinds of each list's names
    that are not in doubt: a list's Counter is kept only while it is read or when it has
    three names or more (a text of a million mentions keeps a number a mention)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._run_of = array("q")
        self._runs = 0  # how many lists so far; the last is being read...
        self._length = 0  # ... and has so many names
        self._kinds: dict[int, Counter[str]] = {}
        self._end = -1

    def add(self, start: int, end: int, place: Place, switch: Candidate | None) -> None:
        """The next mention (its place, and its runner-up of the other kind if any)."""
        if not self._runs or not list_gap_at(self._text, self._end, start):
            self.close()
            self._runs += 1
            self._length = 0
            self._kinds[self._runs - 1] = Counter()
        run = self._runs - 1
        self._end = end
        self._run_of.append(run)
        self._length += 1
        if switch is None and (g := _kind_group(place)) is not None:
            self._kinds[run][g] += 1

    def close(self) -> None:
        """The last list is read (``add`` starts another)."""
        if self._runs and self._length < 3:  # «سنار والنيل الأبيض»: two names are no list
            self._kinds.pop(self._runs - 1, None)

    def kind_of(self, k: int, m: Mention, switch: Candidate | None = None) -> Mention:
        """Mention number ``k`` (``m``, not settled by its cue) as its list's kind makes it."""
        others = self._kinds.get(self._run_of[k])
        alt = switch if switch is not None else kind_switch(m.place, m.alternatives)
        if others is None or alt is None:
            return m
        want = _kind_group(alt.place)
        if want is None or others[want] * 2 <= others.total():
            return m
        rest = tuple(c for c in m.alternatives if c is not alt)
        return replace(
            m, place=alt.place, reasons=(Reason(_LIST_OF[want]),),
            alternatives=(Candidate(m.place, alt.score, (Reason(R.LIST_KIND_DIFFERS),)), *rest))


def list_kinds(
    mentions: Sequence[Mention], text: str, settled: Collection[int] = ()
) -> list[Mention]:
    """In a list of places, a name shared by a division and its town takes the kind of the
    list's other names: «الخرطوم، الجزيرة، الشمالية، القضارف» are states, «القاهرة 31
    الأسكندرية 27 مطروح 24» towns. Only a runner-up of the same country and the same Arabic
    name is taken; a list of two names, or with no majority of the other kind, changes nothing.
    ``settled``: the starts of names whose cue decided their kind («ولايات تبسة وخنشلة»): never
    changed, and counted as not in doubt."""
    ordered = sorted(mentions, key=lambda m: m.start)
    switch = [None if m.start in settled else kind_switch(m.place, m.alternatives)
              for m in ordered]
    runs = ListRuns(text)
    for m, alt in zip(ordered, switch, strict=True):
        runs.add(m.start, m.end, m.place, alt)
    runs.close()
    return [m if alt is None else runs.kind_of(k, m, alt)
            for k, (m, alt) in enumerate(zip(ordered, switch, strict=True))]


#: The fewest letters of a word read with ج for a foreign g (shorter ج words are Arabic words).
FOREIGN_G_LETTERS = 5


def foreign_g_reading(
    forms: Sequence[tuple[int, str, str]],
    index: Mapping[Key, Sequence[tuple[int, str]]],
    places: Sequence[Place],
    arab: Collection[str],
    toponym: str,
) -> tuple[int, str, Key, tuple[int, ...]] | None:
    """(characters cut, proclitic, key, place numbers) of a token that names nothing as written
    but whose ج read as غ is the one-word name of places outside the Arab world (``arab``:
    country codes): the Egyptian press writes ج for a foreign g. The caller records it as a
    made reading (weak). ``forms`` as for ``glued_reading``."""
    for cut, word, proclitic in forms:
        if len(word) < FOREIGN_G_LETTERS or "ج" not in word or word.startswith("ال"):
            continue
        numbers = tuple(
            i for i, t in index.get((word.replace("ج", "غ"),), ())
            if t == toponym and places[i].country and places[i].country not in arab
        )
        if numbers:
            return cut, proclitic, (word,), numbers
    return None


#: The word after a name that places it in the next name («إيتشيكاوا بمحافظة تشيبا», «ديلي
#: عاصمة تيمور الشرقية»), besides the place cues: folded.
CAPITAL_WORDS = frozenset({"عاصمه", "وعاصمه"})
#: How many tokens a name standing before a made spelling may have («ساو باولو/غواروليوس»).
_BEFORE_TOKENS = 3


def placed_beside(toks: Tokens, first: int, last: int, is_cue: Callable[[str], bool]) -> list[int]:
    """The tokens where a place must start to support the name of tokens [first, last): a
    name that places it («X بمحافظة Y», «X عاصمة Y», a cue word or the word capital then the
    place), or a name joined to it by a slash («ساو باولو/غواروليوس», «X/Y»: the airport of
    two towns). The geoparser counts a spelling made from a Latin name (a weak reading) when
    a place of its country starts there."""
    words, seps, n = toks.words, toks.seps, len(toks.words)
    out: list[int] = []
    if last < n:
        if seps[last].strip() == "/":
            out.append(last)
        elif seps[last].strip(" ،,") == "" and last + 1 < n and toks.near(last + 1) and (
            words[last] in CAPITAL_WORDS or is_cue(words[last])
        ):
            out.append(last + 1)
    if first and seps[first].strip() == "/":
        out.extend(range(max(0, first - _BEFORE_TOKENS), first))
    return out


def division_namesakes(
    key: Key,
    places: Sequence[Place],
    kinds: Collection[str],
    index: Mapping[Key, Sequence[tuple[int, str]]],
    all_places: Sequence[Place],
    named: Mapping[str, Collection[Key]],
) -> list[Place]:
    """«ولاية النيجر» (Niger State, Nigeria; the sources write it «نيجر»): a name that is only
    a country's («النيجر»), after a word that calls for a division (``kinds``: no country),
    stands for a division of that kind named like it, with or without the article, in a
    country the document names (``named``: country → the names that say so). [] when none."""
    if (
        len(key) != 1
        or PlaceKind.COUNTRY in kinds
        or not places
        or any(p.kind != PlaceKind.COUNTRY for p in places)
    ):
        return []
    own = {p.country for p in places}
    word = key[0]
    out: dict[str, Place] = {}
    for form in {word, word[2:]} if word.startswith("ال") else {word, "ال" + word}:
        for i, kind in index.get((form,), ()):
            p = all_places[i]
            if (kind == "toponym" and p.kind in kinds and p.country not in own
                    and named.get(p.country or "", ())):
                out[p.id] = p
    return list(out.values())


#: «مركز شرطة أسيوط»: the police of a local division (an Egyptian markaz), folded: the word
#: for the division before it cues the name after it.
POLICE_WORDS = frozenset({"شرطه"})

#: «ولاية جيغاوا المجاورة لكانو»: the words that make the next name a neighbour of the one
#: before (folded, the article optional; «ل» is the next name's proclitic).
_NEIGHBOUR = re.compile(r"^(?:ال)?(?:مجاوره|متاخمه|محاذيه)\s*ل?$")


def neighbour_kind(before: Sequence[Place], gap: str) -> str | None:
    """«ولاية جيغاوا المجاورة لكانو»: a division's neighbour named right after it («المجاورة
    لـ», «المتاخمة لـ») is a division of its kind: that kind (None when the rule says
    nothing). ``gap``: the original text between the two names."""
    if len(before) != 1 or before[0].kind not in _DIVISIONS:
        return None
    return before[0].kind if _NEIGHBOUR.match(fold(gap).strip()) else None


#: Plural words for settlements (folded): «قرى وقصبات سنجار», the villages and towns *of*
#: Sinjar district; «مدن خوزستان».
SETTLEMENT_PLURALS = frozenset({"قري", "القري", "قصبات", "بلدات", "مدن", "البلدات", "المدن"})


#: Words after which a name ends its phrase (folded): «مدن خوزستان في», «قرى سنجار من».
_PHRASE_END = frozenset({"في", "من", "الي", "علي", "عن", "مع", "بعد", "قبل", "حيث", "منذ"})


def settlements_of(toks: Tokens, first: int, last: int, is_cue: Callable[[str], bool]) -> bool:
    """Do settlement plurals stand right before the name of tokens [first, last) («قرى X»,
    «قرى وقصبات X»), the name ending its phrase (punctuation, the text's end, a preposition or
    a place cue after it: «سنجار بمحافظة نينوى»; not «بلدات تشيركاسي تيتشكي», a longer name
    the gazetteer lacks)?"""
    words = toks.words

    def plural(word: str) -> bool:
        return word in SETTLEMENT_PLURALS or (word[:1] == "و" and word[1:] in SETTLEMENT_PLURALS)

    ends = (last >= len(words) or not toks.near(last) or words[last] in _PHRASE_END
            or is_cue(words[last]))
    return first >= 1 and plural(words[first - 1]) and ends and toks.near(first)


def division_of_settlements(places: Sequence[Place]) -> list[Place]:
    """The divisions among the places of a name after settlement plurals, when a town of
    that name is among them too: «قرى وقصبات سنجار» names Sinjar district, not the town
    ([] when the rule says nothing)."""
    divisions = [p for p in places if p.kind in _DIVISIONS]
    towns = [p for p in places if p.kind == PlaceKind.CITY]
    return divisions if divisions and towns else []
