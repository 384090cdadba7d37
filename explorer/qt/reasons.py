"""The geoparser's reasons ("Why this place") in the interface's language.

A reason is typed (``gazetteer.reasons``): its code picks the template below, translated, and
its fields (names, numbers, words) fill it in. Each template is the source text of
``gazetteer.reasons.TEMPLATES`` for its code (a test keeps them equal); a reason kept as
written (``ReasonCode.TEXT``: an index made before reasons were typed) shows as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from gazetteer.reasons import Reason, ReasonCode, fill

R = ReasonCode
# QT_TRANSLATE_NOOP gives the text back (typed ``object``): the translatable sources.
TEMPLATES: Mapping[ReasonCode, object] = {
    R.COUNTRY: QT_TRANSLATE_NOOP("Reasons", "a country"),
    R.REGION: QT_TRANSLATE_NOOP("Reasons", "a region"),
    R.ADMIN1: QT_TRANSLATE_NOOP("Reasons", "a first-level division"),
    R.ADMIN2: QT_TRANSLATE_NOOP("Reasons", "a second-level division"),
    R.CAPITAL: QT_TRANSLATE_NOOP("Reasons", "a national capital"),
    R.POPULATION: QT_TRANSLATE_NOOP("Reasons", "population {n}"),
    R.FEATURE_FIRST: QT_TRANSLATE_NOOP("Reasons", "a feature, not the areas named after it"),
    R.SEAT_DIVISION: QT_TRANSLATE_NOOP(
        "Reasons", "a division named like its town, which a bare name means"),
    R.STRAY_TOWN: QT_TRANSLATE_NOOP(
        "Reasons", "a small town in a country the document does not name"),
    R.NEAR_DOC_PLACE: QT_TRANSLATE_NOOP("Reasons", "{km} km from {name}, named in the document"),
    R.CUE: QT_TRANSLATE_NOOP("Reasons", "the word before it ('{word}') calls it a {kind}"),
    R.WITHIN: QT_TRANSLATE_NOOP("Reasons", "the text places it in {name} ('{word}')"),
    R.COUNTRY_NAMED: QT_TRANSLATE_NOOP("Reasons",
                                       "its country ({code}) is named in the document "
                                       "({share} of its sure places)"),
    R.DIVISION_NAMED: QT_TRANSLATE_NOOP("Reasons",
                                        "its division ({code}) is named in the document"),
    R.NEAR_NAMED: QT_TRANSLATE_NOOP("Reasons", "{km} km from {name}, named nearby"),
    R.ONLY_PLACE: QT_TRANSLATE_NOOP("Reasons", "the only place with this name"),
    R.HIGHEST_PRIOR: QT_TRANSLATE_NOOP("Reasons", "highest prior"),
    R.ADJECTIVE: QT_TRANSLATE_NOOP("Reasons", "an adjective of {name}"),
    R.SPORTS_TOWN: QT_TRANSLATE_NOOP("Reasons", "'{word}' after the town, in sports news"),
    R.SEAT_CUE: QT_TRANSLATE_NOOP(
        "Reasons", "'{word}' before the name of {name}'s seat: the division"),
    R.DIVISION_OF: QT_TRANSLATE_NOOP("Reasons", "'{word}': {area}, a division of {name}"),
    R.AFTER_PREPOSITION: QT_TRANSLATE_NOOP("Reasons", "after a preposition: the country"),
    R.SHADDA: QT_TRANSLATE_NOOP("Reasons", "the shadda in '{word}' doubles a consonant: {name}"),
    R.CAPITAL_AFTER: QT_TRANSLATE_NOOP("Reasons", "'{word}' after the name: the capital city"),
    R.LIST_OF_COUNTRIES: QT_TRANSLATE_NOOP("Reasons", "in a list of countries, beside {name}"),
    R.FORMAL_NAME: QT_TRANSLATE_NOOP("Reasons", "the formal name of {name}"),
    R.LATIN_SPELLING: QT_TRANSLATE_NOOP("Reasons", "an Arabic spelling of its Latin name '{name}'"),
    R.REGION_OF_NAMED: QT_TRANSLATE_NOOP("Reasons", "a region of a country the document names"),
    R.CUE_ELSEWHERE: QT_TRANSLATE_NOOP("Reasons", "named with its cue elsewhere in the document"),
    R.LIST_OF_TOWNS: QT_TRANSLATE_NOOP("Reasons", "in a list of towns"),
    R.LIST_OF_DIVISIONS: QT_TRANSLATE_NOOP("Reasons", "in a list of divisions"),
    R.LIST_KIND_DIFFERS: QT_TRANSLATE_NOOP("Reasons", "the list's kind differs"),
    R.MOST_POPULOUS: QT_TRANSLATE_NOOP("Reasons", "the most populous place of this name"),
    R.CORRECTED_MENTION: QT_TRANSLATE_NOOP("Reasons", "corrected by the analyst (mention)"),
    R.CORRECTED_ARTICLE: QT_TRANSLATE_NOOP("Reasons", "corrected by the analyst (article)"),
    R.CORRECTED_CORPUS: QT_TRANSLATE_NOOP("Reasons", "corrected by the analyst (corpus)"),
    R.ACCEPTED: QT_TRANSLATE_NOOP("Reasons", "accepted by the analyst"),
    # A rejection's detail: the words of the text that set the name aside.
    R.AFTER_WORDS: QT_TRANSLATE_NOOP("Reasons", "after '{word}'"),
    R.BEFORE_WORDS: QT_TRANSLATE_NOOP("Reasons", "before '{word}'"),
    R.BESIDE_WORDS: QT_TRANSLATE_NOOP("Reasons", "beside '{word}'"),
    R.AFTER_GIVEN_NAME: QT_TRANSLATE_NOOP("Reasons", "after the given name '{word}'"),
    R.BEFORE_TOWN_ADJECTIVE: QT_TRANSLATE_NOOP("Reasons", "before the town adjective '{word}'"),
    R.BEFORE_NUMBER: QT_TRANSLATE_NOOP("Reasons", "before {word}"),
    R.LOWER_CASE: QT_TRANSLATE_NOOP("Reasons", "'{word}' in lower case"),
    R.NAMES_LANGUAGE: QT_TRANSLATE_NOOP("Reasons", "'{word}' names a language"),
    R.IN_NAMES_LANGUAGE: QT_TRANSLATE_NOOP("Reasons", "'in {word}' names a language"),
    R.A_MONTH: QT_TRANSLATE_NOOP("Reasons", "'{word}' is a month"),
    R.NAMES_PARTY: QT_TRANSLATE_NOOP("Reasons", "'{word}' names a party"),
    R.NO_PLACE_CUE: QT_TRANSLATE_NOOP("Reasons", "'{word}' with no place cue"),
    R.STARTS_SENTENCE: QT_TRANSLATE_NOOP("Reasons", "'{word}' starts a sentence"),
    R.ENDS_NAME_OF: QT_TRANSLATE_NOOP("Reasons", "ends the name of its '{word}'"),
    R.THE_WORDS: QT_TRANSLATE_NOOP("Reasons", "'{word}'"),
    R.WORDS_BEFORE_IT: QT_TRANSLATE_NOOP("Reasons", "'{word} …'"),
    R.WORDS_AFTER_IT: QT_TRANSLATE_NOOP("Reasons", "'… {word}'"),
    R.QUOTED_AFTER_LAM: QT_TRANSLATE_NOOP("Reasons", "quoted after 'ل'"),
}
# The kinds a cue calls for (``gazetteer.reasons.KIND_WORDS``), and the word joining them.
KINDS: Mapping[str, object] = {
    "town": QT_TRANSLATE_NOOP("Reasons", "town"),
    "state or province": QT_TRANSLATE_NOOP("Reasons", "state or province"),
    "district": QT_TRANSLATE_NOOP("Reasons", "district"),
    "country": QT_TRANSLATE_NOOP("Reasons", "country"),
    "state, province or district": QT_TRANSLATE_NOOP("Reasons", "state, province or district"),
}
OR = QT_TRANSLATE_NOOP("Reasons", "or")


def _tr(text: object) -> str:
    return QCoreApplication.translate("Reasons", str(text))


def translate(reason: Reason) -> str:
    """One reason in the interface's language (one kept as written: as it is)."""
    template = TEMPLATES.get(reason.code)
    if template is None:
        return reason.text
    kinds = {k: _tr(v) for k, v in KINDS.items()}
    return fill(_tr(template), reason.words(kinds, _tr(OR)))


def translate_reasons(reasons: Iterable[Reason]) -> str:
    """A mention's reasons, each translated, "; "-joined as the geoparser joins them."""
    return "; ".join(translate(r) for r in reasons)
