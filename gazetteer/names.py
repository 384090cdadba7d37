"""Surface forms: every way a place can be written, folded into word tuples for matching."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from gazetteer.latin_demonyms import english_forms, french_forms
from gazetteer.model import MentionType, Place
from gazetteer.normalize import fold, words

# Plain strings in the name index (it is compiled with marshal); ``MentionType`` equals them.
TOPONYM: str = MentionType.TOPONYM.value
DEMONYM: str = MentionType.DEMONYM.value

# Endings of an Arabic nisba adjective (folded: ة is ه): sg. m/f, pl. m (nom/obl), pl. f, dual.
_NISBA_ENDINGS = ("", "ه", "ون", "ين", "ات", "ان", "تان", "تين")
_ARABIC = re.compile(r"[\u0600-\u06FF]")


@dataclass(frozen=True, slots=True)
class Form:
    """A surface form of a place: its folded words, whether it is Arabic, and its type."""

    words: tuple[str, ...]
    type: str
    arabic: bool


def demonym_forms(adjective: str) -> list[str]:
    """Inflected forms of an Arabic demonym; a form not ending in ي is taken literally.

    >>> demonym_forms("روسي")[:3]
    ['روسي', 'الروسي', 'روسيه']
    """
    base = fold(adjective).strip()
    stems = [base]
    if base.endswith("ي") and " " not in base:
        stems = [base + e for e in _NISBA_ENDINGS]
    out = []
    for s in stems:
        bare = s[2:] if s.startswith("ال") and len(s) > 4 else s
        out.extend([bare, "ال" + bare])
    return list(dict.fromkeys(out))


#: Countries whose towns the Arabic press writes from the Russian or the local form alike:
#: Ukrainian -iv / Russian -ov (خاركيف / خاركوف), Ukrainian h / Russian g (لوهانسك / لوغانسك).
SLAVIC_VARIANTS = frozenset({"UA"})


def slavic_variants(folded: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The other spellings of a Ukrainian name (folded words): -يف ↔ -وف at a word's end, ه
    inside a word ↔ غ.

    >>> sorted(slavic_variants(("خاركوف",)))
    [('خاركيف',)]
    >>> sorted(slavic_variants(("لوهانسك",)))
    [('لوغانسك',)]
    """

    def vowel(w: str) -> str:
        if len(w) > 3 and w.endswith("وف"):
            return w[:-2] + "يف"
        if len(w) > 3 and w.endswith("يف"):
            return w[:-2] + "وف"
        return w

    def consonant(w: str) -> str:
        return w[:1] + w[1:-1].replace("ه", "غ") + w[-1:] if len(w) > 2 else w

    out = {
        tuple(vowel(w) for w in folded),
        tuple(consonant(w) for w in folded),
        tuple(vowel(consonant(w)) for w in folded),
    }
    out.discard(folded)
    return out


#: Countries whose names end in a vowel that Arabic writes -ة or -ا alike (Turkish -a:
#: أورفة / أورفا, ملاطية / ملاطيا, أنطاكية / أنطاكيا).
FINAL_A_VARIANTS = frozenset({"TR"})


def final_a_variant(folded: tuple[str, ...]) -> tuple[str, ...] | None:
    """The -ا spelling of a name whose last word ends in ة (folded ه), or None.

    >>> final_a_variant(("شانلي", "اورفه"))
    ('شانلي', 'اورفا')
    """
    last = folded[-1] if folded else ""
    if len(last) < 4 or not last.endswith("ه"):
        return None
    return (*folded[:-1], last[:-1] + "ا")


#: Countries whose names come from languages with a hard g (Persian گ, Uzbek, Kyrgyz...) that
#: the Arabic press writes غ or, in Egypt, ج alike (باغرام / باجرام).
FOREIGN_G_VARIANTS = frozenset({"AF", "PK", "UZ", "TJ", "KG", "KZ", "TM"})


def foreign_g_variant(folded: tuple[str, ...]) -> tuple[str, ...] | None:
    """The ج spelling of a name whose words hold غ (a foreign g), or None. Words of four
    letters or fewer keep غ only: their ج forms are too often Arabic words (خروغ / خروج "exit").

    >>> foreign_g_variant(("باغرام",))
    ('باجرام',)
    >>> foreign_g_variant(("خروغ",)) is None
    True
    """
    if not any("غ" in w for w in folded) or any("غ" in w and len(w) < 5 for w in folded):
        return None
    return tuple(w.replace("غ", "ج") for w in folded)


#: First words of two-word names that the press often glues to the second (كفرالشيخ, أبوظبي,
#: ديرالزور, بيتلحم): the glued form is a form of the name too. Not عبد or بن, which glue into
#: people's names (عبدالله).
GLUED_HEADS = frozenset(fold(w) for w in (
    "كفر", "دير", "بيت", "بني", "أبو", "عين", "تل", "رأس", "سيدي", "بئر", "أم", "خان", "برج",
    "سوق", "قصر", "حمام", "دار", "مرج", "جسر", "باب", "بير",
))


def glued_form(folded: tuple[str, ...]) -> tuple[str, ...] | None:
    """The one-word form of a two-word name whose first word the press glues on, or None.

    >>> glued_form(("كفر", "الشيخ"))
    ('كفرالشيخ',)
    >>> glued_form(("الشيخ", "زايد")) is None
    True
    """
    if len(folded) == 2 and folded[0] in GLUED_HEADS:
        return (folded[0] + folded[1],)
    return None


def place_forms(place: Place) -> Iterator[Form]:
    """Every surface form of ``place``: Arabic and English names, its Ukrainian or Russian
    spelling (``SLAVIC_VARIANTS``), its -ا spelling (``FINAL_A_VARIANTS``), its ج for a foreign g
    (``FOREIGN_G_VARIANTS``), its glued form (``GLUED_HEADS``), and demonyms (Arabic; English
    and French with their plurals and French adjectives, ``latin_demonyms``)."""
    for name in (*place.names_ar, *place.names_en):
        ws = tuple(words(name))
        if ws:
            arabic = bool(_ARABIC.search(name))
            yield Form(ws, TOPONYM, arabic)
            if arabic and place.country in SLAVIC_VARIANTS:
                for variant in sorted(slavic_variants(ws)):
                    yield Form(variant, TOPONYM, True)
            if arabic and place.country in FINAL_A_VARIANTS and (a := final_a_variant(ws)):
                yield Form(a, TOPONYM, True)
            if arabic and place.country in FOREIGN_G_VARIANTS and (g := foreign_g_variant(ws)):
                yield Form(g, TOPONYM, True)
            if arabic and (glued := glued_form(ws)):
                yield Form(glued, TOPONYM, True)
    latin = [f for a in place.demonyms_en for f in english_forms(a)]
    latin += [f for a in place.demonyms_fr for f in french_forms(a)]
    for form in latin:
        ws = tuple(words(form))
        if ws:
            yield Form(ws, DEMONYM, False)
    if place.common_word:
        return  # an Arabic demonym of such a name (مالي) is as common a word as the name
    for adjective in place.demonyms_ar:
        for form in demonym_forms(adjective):
            ws = tuple(words(form))
            if ws:
                yield Form(ws, DEMONYM, True)


def build_index(places: Iterable[Place]) -> dict[tuple[str, ...], list[tuple[int, str]]]:
    """Map each folded word tuple to the (place number, type) pairs it may stand for."""
    index: dict[tuple[str, ...], list[tuple[int, str]]] = {}
    for i, place in enumerate(places):
        # A place's own forms repeat (names_ar holds name_ar; ة/ه spellings fold alike): drop
        # them per place, so a name shared by many places costs one append each, not a scan.
        for key, kind in dict.fromkeys((f.words, f.type) for f in place_forms(place)):
            index.setdefault(key, []).append((i, kind))
    # A form that names a place is a toponym even where another place's demonym looks the same;
    # but a Latin demonym of a country (Somali, Canadian) outweighs small places of other
    # countries named like it (the Somali Region of Ethiopia, Canadian in Texas).
    places = places if isinstance(places, Sequence) else list(places)
    for key, bucket in index.items():
        index[key] = settle(key, bucket, places)
    return index


def settle(key: tuple[str, ...], bucket: list[tuple[int, str]],
           places: Sequence[Place]) -> list[tuple[int, str]]:
    """The entries of one key kept: its toponyms where it has any, unless a Latin demonym
    outweighs them."""
    if not any(t == TOPONYM for _, t in bucket):
        return bucket
    keep = DEMONYM if _demonym_outweighs(key, bucket, places) else TOPONYM
    return [(i, t) for i, t in bucket if t == keep]


def _demonym_outweighs(key: tuple[str, ...], bucket: list[tuple[int, str]],
                       places: Sequence[Place]) -> bool:
    """A Latin form that is a country's demonym and names no country and no place of the
    demonym's countries."""
    if not any(t == DEMONYM for _, t in bucket) or any(_ARABIC.search(w) for w in key):
        return False
    countries = {places[i].country for i, t in bucket if t == DEMONYM}
    named = [places[i] for i, t in bucket if t == TOPONYM]
    return not any(p.kind == "country" or p.country in countries for p in named)
