"""The language seam (issue 19): the registry, the Arabic language, and a Geoparser that reads
with the rules of the language it is given, in their order."""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import Gazetteer, Geoparser, lang
from gazetteer.lang.ar import ARABIC, Arabic
from gazetteer.lang.ar_rejections import RULES
from gazetteer.lang.base import KEEP, Here, Keep, RejectionRule
from gazetteer.model import Rejection, Verdict

DATA = Path(__file__).parent / "data" / "rules.yaml"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_files([DATA], frozenset())


class _Rules(Arabic):
    """Arabic with other rejection rules."""

    def __init__(self, rules: tuple[RejectionRule, ...]) -> None:
        super().__init__()
        self.rejection_rules = rules


def test_the_registry_gives_arabic_and_names_what_it_knows() -> None:
    assert lang.get("ar") is ARABIC
    assert lang.codes() == ("ar", "en", "fr")
    assert ARABIC.direction == "rtl"
    assert ARABIC.fold("الجزائر") == "الجزاير" and ARABIC.fold("أريحا") == "اريحا"
    assert {"قطريه", "القطريون"} <= set(ARABIC.demonym_forms("قطري"))
    with pytest.raises(KeyError, match="no language 'xx': known are ar, en, fr"):
        lang.get("xx")


def test_the_geoparser_reads_arabic_by_default(gaz: Gazetteer) -> None:
    assert Geoparser(gaz).language is ARABIC


def test_the_arabic_rules_are_named_and_ordered() -> None:
    names = [r.__name__ for r in RULES]
    assert names.index("demonym_stays") < names.index("indefinite")
    assert names.index("local_division") < names.index("organisation_before")
    assert len(set(names)) == len(names)


def test_the_first_rule_with_a_verdict_decides(gaz: Gazetteer) -> None:
    text = "قال الأمير قطر"
    # Arabic: a definite title before the name makes it a person's.
    _, rejected = Geoparser(gaz).analyse(text)
    assert [(r.text, r.why) for r in rejected] == [("قطر", Rejection.PERSON)]

    def everything_is_an_idiom(h: Here) -> Verdict:
        return Verdict(Rejection.IDIOM, h.written)

    def keep_all(h: Here) -> Keep:
        return KEEP

    first = Geoparser(gaz, language=_Rules(rules=(everything_is_an_idiom, *RULES)))
    mentions, rejected = first.analyse(text)
    assert mentions == [] and [(r.why, r.detail) for r in rejected] == [(Rejection.IDIOM, "قطر")]
    # A rule that keeps the match silences the rules after it: Qatar stands.
    kept = Geoparser(gaz, language=_Rules(rules=(keep_all, *RULES)))
    assert [m.place.name for m in kept.parse(text)] == ["Qatar"]
    # Without the title rule, nothing else rejects it.
    without = tuple(r for r in RULES if r.__name__ != "after_title")
    assert [m.place.name for m in Geoparser(gaz, language=_Rules(rules=without)).parse(text)] \
        == ["Qatar"]


def test_the_matcher_takes_the_languages_proclitics(gaz: Gazetteer) -> None:
    class NoProclitics(Arabic):
        proclitics = ()

    text = "قال الأمير إنه سافر وباريس"
    assert [m.text for m in Geoparser(gaz).parse(text)] == ["باريس"]
    assert Geoparser(gaz, language=NoProclitics()).parse(text) == []
