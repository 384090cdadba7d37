"""Why a place was chosen, or a name set aside: typed reasons, and the one table of their
English texts.

Each site that gives a reason makes a ``Reason``: a ``ReasonCode`` and its fields (a place's
name, a word of the text, a distance…), e.g. ``Reason(ReasonCode.NEAR_DOC_PLACE, km=12.0,
name="Aleppo")``; a rejection's detail is one too (``model.Verdict``: the words of the text
that decided, ``Reason(ReasonCode.AFTER_WORDS, word="Real")``). ``TEMPLATES`` is the only
place their English is written; ``Reason.text`` fills it in (what ``explorer mentions
--explain`` and ``explorer eval`` print), and the window puts the same fields
(``Reason.words``) into its translation of the template."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

#: A field's value: a number, a word or name, or a few words (a cue's kinds).
Value = str | int | float | tuple[str, ...]


class ReasonCode(StrEnum):
    """What speaks for a place (the value is the code stored in the index)."""

    # The place itself (``resolver.prior``, ``resolver.rank``).
    COUNTRY = "country"
    REGION = "region"
    ADMIN1 = "admin1"
    ADMIN2 = "admin2"
    CAPITAL = "capital"
    POPULATION = "population"
    FEATURE_FIRST = "feature_first"
    SEAT_DIVISION = "seat_division"
    STRAY_TOWN = "stray_town"
    # The document around it (``resolver.contextual``).
    NEAR_DOC_PLACE = "near_doc_place"
    CUE = "cue"
    WITHIN = "within"
    COUNTRY_NAMED = "country_named"
    DIVISION_NAMED = "division_named"
    NEAR_NAMED = "near_named"
    # How the geoparser settled it, or what let the name in (``geoparser``).
    ONLY_PLACE = "only_place"
    HIGHEST_PRIOR = "highest_prior"
    ADJECTIVE = "adjective"
    SPORTS_TOWN = "sports_town"
    SEAT_CUE = "seat_cue"
    DIVISION_OF = "division_of"
    AFTER_PREPOSITION = "after_preposition"
    SHADDA = "shadda"
    CAPITAL_AFTER = "capital_after"
    LIST_OF_COUNTRIES = "list_of_countries"
    FORMAL_NAME = "formal_name"
    LATIN_SPELLING = "latin_spelling"
    REGION_OF_NAMED = "region_of_named"
    CUE_ELSEWHERE = "cue_elsewhere"
    # A list's kind (``world_rules.ListRuns``).
    LIST_OF_TOWNS = "list_of_towns"
    LIST_OF_DIVISIONS = "list_of_divisions"
    LIST_KIND_DIFFERS = "list_kind_differs"
    # The baseline of ``evaluate``.
    MOST_POPULOUS = "most_populous"
    # The analyst's (``explorer.corrections``).
    CORRECTED_MENTION = "corrected_mention"
    CORRECTED_ARTICLE = "corrected_article"
    CORRECTED_CORPUS = "corrected_corpus"
    ACCEPTED = "accepted"
    # Why a name was set aside: a rejection's detail, the words of the text that decided
    # (``model.Verdict``; the rejection itself is ``model.Rejection``).
    AFTER_WORDS = "after_words"
    BEFORE_WORDS = "before_words"
    BESIDE_WORDS = "beside_words"
    AFTER_GIVEN_NAME = "after_given_name"
    BEFORE_TOWN_ADJECTIVE = "before_town_adjective"
    BEFORE_NUMBER = "before_number"
    LOWER_CASE = "lower_case"
    NAMES_LANGUAGE = "names_language"
    IN_NAMES_LANGUAGE = "in_names_language"
    A_MONTH = "a_month"
    NAMES_PARTY = "names_party"
    NO_PLACE_CUE = "no_place_cue"
    STARTS_SENTENCE = "starts_sentence"
    ENDS_NAME_OF = "ends_name_of"
    THE_WORDS = "the_words"
    WORDS_BEFORE_IT = "words_before_it"
    WORDS_AFTER_IT = "words_after_it"
    QUOTED_AFTER_LAM = "quoted_after_lam"
    # A reason kept as written (an index made before reasons were typed).
    TEXT = "text"


#: The English of each code, its {fields} filled from ``Reason.words``.
TEMPLATES: Mapping[ReasonCode, str] = {
    ReasonCode.COUNTRY: "a country",
    ReasonCode.REGION: "a region",
    ReasonCode.ADMIN1: "a first-level division",
    ReasonCode.ADMIN2: "a second-level division",
    ReasonCode.CAPITAL: "a national capital",
    ReasonCode.POPULATION: "population {n}",
    ReasonCode.FEATURE_FIRST: "a feature, not the areas named after it",
    ReasonCode.SEAT_DIVISION: "a division named like its town, which a bare name means",
    ReasonCode.STRAY_TOWN: "a small town in a country the document does not name",
    ReasonCode.NEAR_DOC_PLACE: "{km} km from {name}, named in the document",
    ReasonCode.CUE: "the word before it ('{word}') calls it a {kind}",
    ReasonCode.WITHIN: "the text places it in {name} ('{word}')",
    ReasonCode.COUNTRY_NAMED:
        "its country ({code}) is named in the document ({share} of its sure places)",
    ReasonCode.DIVISION_NAMED: "its division ({code}) is named in the document",
    ReasonCode.NEAR_NAMED: "{km} km from {name}, named nearby",
    ReasonCode.ONLY_PLACE: "the only place with this name",
    ReasonCode.HIGHEST_PRIOR: "highest prior",
    ReasonCode.ADJECTIVE: "an adjective of {name}",
    ReasonCode.SPORTS_TOWN: "'{word}' after the town, in sports news",
    ReasonCode.SEAT_CUE: "'{word}' before the name of {name}'s seat: the division",
    ReasonCode.DIVISION_OF: "'{word}': {area}, a division of {name}",
    ReasonCode.AFTER_PREPOSITION: "after a preposition: the country",
    ReasonCode.SHADDA: "the shadda in '{word}' doubles a consonant: {name}",
    ReasonCode.CAPITAL_AFTER: "'{word}' after the name: the capital city",
    ReasonCode.LIST_OF_COUNTRIES: "in a list of countries, beside {name}",
    ReasonCode.FORMAL_NAME: "the formal name of {name}",
    ReasonCode.LATIN_SPELLING: "an Arabic spelling of its Latin name '{name}'",
    ReasonCode.REGION_OF_NAMED: "a region of a country the document names",
    ReasonCode.CUE_ELSEWHERE: "named with its cue elsewhere in the document",
    ReasonCode.LIST_OF_TOWNS: "in a list of towns",
    ReasonCode.LIST_OF_DIVISIONS: "in a list of divisions",
    ReasonCode.LIST_KIND_DIFFERS: "the list's kind differs",
    ReasonCode.MOST_POPULOUS: "the most populous place of this name",
    ReasonCode.CORRECTED_MENTION: "corrected by the analyst (mention)",
    ReasonCode.CORRECTED_ARTICLE: "corrected by the analyst (article)",
    ReasonCode.CORRECTED_CORPUS: "corrected by the analyst (corpus)",
    ReasonCode.ACCEPTED: "accepted by the analyst",
    ReasonCode.AFTER_WORDS: "after '{word}'",
    ReasonCode.BEFORE_WORDS: "before '{word}'",
    ReasonCode.BESIDE_WORDS: "beside '{word}'",
    ReasonCode.AFTER_GIVEN_NAME: "after the given name '{word}'",
    ReasonCode.BEFORE_TOWN_ADJECTIVE: "before the town adjective '{word}'",
    ReasonCode.BEFORE_NUMBER: "before {word}",
    ReasonCode.LOWER_CASE: "'{word}' in lower case",
    ReasonCode.NAMES_LANGUAGE: "'{word}' names a language",
    ReasonCode.IN_NAMES_LANGUAGE: "'in {word}' names a language",
    ReasonCode.A_MONTH: "'{word}' is a month",
    ReasonCode.NAMES_PARTY: "'{word}' names a party",
    ReasonCode.NO_PLACE_CUE: "'{word}' with no place cue",
    ReasonCode.STARTS_SENTENCE: "'{word}' starts a sentence",
    ReasonCode.ENDS_NAME_OF: "ends the name of its '{word}'",
    ReasonCode.THE_WORDS: "'{word}'",
    ReasonCode.WORDS_BEFORE_IT: "'{word} …'",
    ReasonCode.WORDS_AFTER_IT: "'… {word}'",
    ReasonCode.QUOTED_AFTER_LAM: "quoted after 'ل'",
    ReasonCode.TEXT: "{text}",
}

#: The kinds a cue may call for (``CUE``'s ``kind`` field), joined by "or" in a text.
KIND_WORDS = ("town", "state or province", "district", "country", "state, province or district")


def _number(field: str, value: Value) -> str:
    """A number as the reason writes it: distances rounded, populations grouped, shares in
    per cent."""
    if field == "km" and isinstance(value, int | float):
        return f"{value:,.0f}"
    if field == "share" and isinstance(value, int | float):
        return f"{value:.0%}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


@dataclass(frozen=True, slots=True, init=False)
class Reason:
    """One reason: its code and its fields, by name (hashable, comparable). The code is
    given first, by position (a field may be called ``code``: a country's or division's)."""

    code: ReasonCode
    fields: tuple[tuple[str, Value], ...]

    def __init__(self, code: ReasonCode, /, **fields: Value) -> None:
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "fields", tuple(sorted(fields.items())))

    def words(self, kinds: Mapping[str, str] | None = None, either: str = "or") -> dict[str, str]:
        """The fields as the template's words: numbers written out, a cue's kinds joined by
        ``either`` (each through ``kinds`` when given: a translation)."""
        out = {}
        for k, v in self.fields:
            if isinstance(v, tuple):
                out[k] = f" {either} ".join(kinds.get(w, w) if kinds else w for w in v)
            else:
                out[k] = _number(k, v)
        return out

    @property
    def text(self) -> str:
        """The reason in English."""
        return fill(TEMPLATES[self.code], self.words())


_FIELD = re.compile(r"\{(\w+)\}")


def fill(template: str, words: Mapping[str, str]) -> str:
    """``template`` with each {field} replaced by its word, in one pass (a missing field
    stays as it is; no format specs: a translation may put the fields in any order)."""
    return _FIELD.sub(lambda m: words.get(m[1], m[0]), template)


def text_of(reasons: Iterable[Reason]) -> str:
    """A mention's reasons in English, as ``explorer mentions --explain`` prints them."""
    return "; ".join(r.text for r in reasons)


def verbatim(text: str) -> tuple[Reason, ...]:
    """A reason kept as written (none for an empty text)."""
    return (Reason(ReasonCode.TEXT, text=text),) if text else ()


__all__ = ["KIND_WORDS", "TEMPLATES", "Reason", "ReasonCode", "Value", "fill", "text_of",
           "verbatim"]
