"""The language of an article or a passage, offline: by script, then by stopwords (issue 19).

Arabic script over Latin letters is Arabic; Latin text is English or French by which of their
most frequent words it holds more of (Spanish, German and Italian have lists too, so that they
are not taken for French or English). Text with too few letters, or Latin text with none of
these words, has no language (None). A document that states its language (``<html lang>``, a
feed's ``language``, Office properties) keeps it: ``stated`` reduces it to its primary subtag.
"""

from __future__ import annotations

import re

#: Arabic letters (the Arabic block and its supplements, presentation forms).
_ARABIC = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff"
                     "\ufb50-\ufdff\ufe70-\ufefc]+")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]+")
_WORD = re.compile("[a-z\u00e0-\u00ff\u0153\u00e6]+")
#: Fewer letters than this say nothing of a language.
MIN_LETTERS = 12
#: The characters of a long article read to tell its language.
SAMPLE_CHARS = 4_000

_WORDS = {
    "en": (
        "the of and to in is that for on with as by was were at from it its he she they said "
        "has have had this be been are an which who will would but not after over their his "
        "her more than about into also when there or you your can if all do may must should "
        "these those any only other such we our what how because while where whether"),
    "fr": (
        "le la les des du de et est un une dans pour que qui sur par pas au aux ce cette ces "
        "il elle ils sont ont été était avec plus mais son sa ses leur leurs selon où "
        "lors depuis entre contre après avant en se y ne nous vous je tu sous cet peut tout "
        "tous comme si sans être avoir"),
    "es": (
        "el los las del de la que y en por con una es se para como pero sus más fue según "
        "entre desde sobre"),
    "de": (
        "der die das und ist nicht mit den dem ein eine sich auf für von zu im wurde wird "
        "auch nach bei aus sind"),
    "it": (
        "il di che della delle degli dei nel nella sono è per con una gli anche dopo come "
        "alla alle più la"),
}
_STOPWORDS = {code: frozenset(words.split()) for code, words in _WORDS.items()}
#: Words of more than one list count for none (``de`` is French, Spanish and Italian).
_SHARED = frozenset(w for a in _STOPWORDS.values() for b in _STOPWORDS.values() if a is not b
                    for w in a & b)
#: The languages written right to left.
RTL = frozenset({"ar", "fa", "ur", "he", "ps", "ckb", "ku", "yi"})


def detect(text: str) -> str | None:
    """``"ar"``, ``"en"``, ``"fr"`` (or ``"es"``, ``"de"``, ``"it"``), or None when the text
    says too little."""
    sample = text[:SAMPLE_CHARS]
    arabic, latin = _letters(_ARABIC, sample), _letters(_LATIN, sample)
    if arabic + latin < MIN_LETTERS:
        return None
    if arabic >= latin:
        return "ar"
    # Elision splits French words: l'armée, d'Alger, qu'il.
    words = _WORD.findall(sample.lower().replace("’", " ").replace("'", " "))
    scores = {code: sum(1 for w in words if w in stop and w not in _SHARED)
              for code, stop in _STOPWORDS.items()}
    best = max(scores, key=lambda c: scores[c])
    return best if scores[best] > 0 else None


def stated(language: str | None) -> str | None:
    """A document's stated language as its primary subtag: ``"en-US"`` → ``"en"``, ``"FR"``
    → ``"fr"``; None for nothing or a value that is no language tag."""
    if not language:
        return None
    primary = re.split(r"[-_]", language.strip(), maxsplit=1)[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def direction(text: str, language: str | None = None) -> str:
    """``rtl`` or ``ltr`` for a passage: that of its own language (detected), else of
    ``language`` (its article's), else of the script most of its letters are in."""
    code = detect(text) or language  # '' (an article that said too little): none
    if code:
        return "rtl" if code in RTL else "ltr"
    sample = text[:SAMPLE_CHARS]
    return "rtl" if _letters(_ARABIC, sample) > _letters(_LATIN, sample) else "ltr"


def _letters(script: re.Pattern[str], text: str) -> int:
    """How many letters of ``text`` are of ``script`` (runs of them: few objects)."""
    return sum(map(len, script.findall(text)))


def of_document(stated_tag: str | None, text: str) -> str | None:
    """An article's language: what the document states (its primary subtag), unless its text
    is plainly in another script (an Arabic page whose template says ``lang="en"``), else what
    its text is in."""
    said, found = stated(stated_tag), detect(text)
    if said is None or (found is not None and (said in RTL) != (found in RTL)):
        return found
    return said
