"""The written forms of English and French demonyms (issue 19), made from the singulars a
gazetteer file gives (``demonyms_en``, ``demonyms_fr``): plurals, and French's lower-case
adjectives beside its capitalised nouns ("les Marocains", "le gouvernement marocain").

Pure string rules, no language seam: the name index is built from them (``names``) and the
languages' ``demonym_forms`` say the same.
"""

from __future__ import annotations

#: English demonyms with no plural of their own: "the French", "the Chinese", "the Swiss".
_EN_NO_PLURAL = ("sh", "ch", "ese", "s", "x", "z", "y")
#: Accented capitals French often writes without their accent (Egyptien for Égyptien).
_BARE_CAPITALS = str.maketrans("ÀÂÉÈÊËÎÏÔÛÙÇ", "AAEEEEIIOUUC")


def english_plural(singular: str) -> str | None:
    """"Syrian" → Syrians, "Iraqi" → Iraqis; None for "French", "Chinese", "Swiss".

    >>> english_plural("Syrian"), english_plural("French")
    ('Syrians', None)
    """
    if not singular or singular.endswith(_EN_NO_PLURAL):
        return None
    return singular + "s"


def english_forms(singular: str) -> list[str]:
    """The singular and its plural ("Saudi Arabian", "Saudi Arabians")."""
    singular = singular.strip()
    if not singular:
        return []
    plural = english_plural(singular)
    return [singular] if plural is None else [singular, plural]


def french_plural(singular: str) -> str:
    """+s; -al → -aux; a word already ending in s or x is its own plural.

    >>> french_plural("marocain"), french_plural("national"), french_plural("français")
    ('marocains', 'nationaux', 'français')
    """
    if singular.endswith(("s", "x")):
        return singular
    if singular.endswith("al"):
        return singular[:-2] + "aux"
    return singular + "s"


def french_forms(noun: str) -> list[str]:
    """The noun (singular, plural), as written and with its first capital unaccented
    (Égyptien, Egyptien), and the lower-case adjective (singular, plural).

    >>> french_forms("Marocaine")
    ['Marocaine', 'Marocaines', 'marocaine', 'marocaines']
    """
    noun = noun.strip()
    if not noun:
        return []
    nouns = [noun, french_plural(noun)]
    bare = [n.translate(_BARE_CAPITALS) for n in nouns]
    adjectives = [n.lower() for n in nouns]  # "Sud-africain" → sud-africain
    return list(dict.fromkeys([*nouns, *bare, *adjectives]))
