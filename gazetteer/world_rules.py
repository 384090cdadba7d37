"""Rules for the world's names in Arabic news (issue 16) that the matcher and the geoparser call
from one-line call sites, kept apart so they can move with the Arabic rules.

- ``glued_reading``: names written with their words glued in the source («الولاياتالمتحدة»,
  «كفرالشيخ») and a direction glued to a name («جنوبأكادير»).
- ``word_region``: a one-word name of a region or feature inside one country that is also an
  everyday word («الصعيد»: Upper Egypt, and «على الصعيد العالمي», at the world level) needs
  support like any common-word name: a cue or a place of its country in the text.

All words are folded (``gazetteer.normalize``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence

from gazetteer.model import Place, PlaceKind

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
    areas = [p for p in places if p.kind in _AREAS and p.country]
    return bool(areas) and all(
        p in areas
        or (p.kind in _SMALL and not p.capital and p.population < SMALL_PLACE)
        for p in places
    )


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
        and any(p.country in countries for p in places if p.kind in _AREAS)
    )
