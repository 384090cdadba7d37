"""Typed reasons (``gazetteer.reasons``): one English template a code, numbers written as the
geoparser always wrote them, and the geoparser's mentions carrying typed reasons only."""

from __future__ import annotations

from gazetteer import Geoparser
from gazetteer.reasons import TEMPLATES, Reason, ReasonCode, fill, text_of, verbatim

R = ReasonCode


def test_every_code_has_one_english_template() -> None:
    assert set(TEMPLATES) == set(ReasonCode)
    assert len(set(TEMPLATES.values())) == len(TEMPLATES)  # no two codes say the same


def test_numbers_and_kinds_are_written_as_before() -> None:
    assert (Reason(R.NEAR_DOC_PLACE, km=1234.5001, name="Aleppo").text
            == "1,235 km from Aleppo, named in the document")
    assert Reason(R.NEAR_NAMED, km=3.2, name="Homs").text == "3 km from Homs, named nearby"
    assert Reason(R.POPULATION, n=1234567).text == "population 1,234,567"
    assert (Reason(R.COUNTRY_NAMED, code="LB", share=0.456).text
            == "its country (LB) is named in the document (46% of its sure places)")
    assert (Reason(R.CUE, word="ولاية", kind=("district", "town")).text
            == "the word before it ('ولاية') calls it a district or town")
    assert (Reason(R.DIVISION_OF, word="شمال X", area="North", name="Y").text
            == "'شمال X': North, a division of Y")


def test_fields_are_filled_once_and_by_name() -> None:
    # A name that looks like a field is the name, not a field to fill again.
    assert Reason(R.ADJECTIVE, name="{name} {km}").text == "an adjective of {name} {km}"
    assert fill("{b} then {a} and {c}", {"a": "1", "b": "2"}) == "2 then 1 and {c}"
    assert Reason(R.ONLY_PLACE) == Reason(R.ONLY_PLACE)
    assert Reason(R.WITHIN, name="A", word="b") == Reason(R.WITHIN, word="b", name="A")
    assert hash(Reason(R.CUE, word="w", kind=("town",))) == hash(
        Reason(R.CUE, kind=("town",), word="w"))


def test_text_kept_as_written() -> None:
    assert verbatim("") == ()
    assert text_of(verbatim("an old reason; another")) == "an old reason; another"
    assert text_of((Reason(R.CAPITAL), Reason(R.POPULATION, n=10))) == (
        "a national capital; population 10")


def test_the_geoparsers_mentions_carry_typed_reasons(mini: Geoparser) -> None:
    text = "وصل الوفد إلى جورجيا قادما من روسيا ثم زار سان بطرسبرغ وهلسنكي وواشنطن."
    mentions = mini.parse(text)
    assert len(mentions) >= 4 and any(m.alternatives for m in mentions)
    for m in mentions:
        assert m.reasons and all(r.code is not R.TEXT for r in m.reasons), m
        assert m.reason == "; ".join(r.text for r in m.reasons)
        assert m.as_json(explain=True)["reason"] == m.reason
        for c in m.alternatives:
            assert all(isinstance(r, Reason) and r.code is not R.TEXT for r in c.reasons)


def test_a_rejections_detail_is_typed_and_written_as_before() -> None:
    """What set a name aside is a code and the words of the text (the window translates it);
    ``Rejected.reason`` (``explorer mentions --explain``) writes it as the f-strings did."""
    from pathlib import Path

    from gazetteer import Gazetteer
    from gazetteer.lang.en import ENGLISH

    data = Path(__file__).parent / "data" / "rules_en.yaml"
    gp = Geoparser(Gazetteer.from_files([data], frozenset()), language=ENGLISH)
    _, rejected = gp.analyse("Real Madrid won the match. Paris Hilton arrived late.")
    by_text = {r.text: r for r in rejected}
    madrid, paris = by_text["Madrid"], by_text["Paris"]
    assert madrid.detail == Reason(R.AFTER_WORDS, word="Real")
    assert madrid.reason == "a club: after 'Real'"
    assert paris.detail is not None and paris.detail.code is not R.TEXT
    assert dict(paris.detail.fields) == {"word": "Hilton"}
    for r in rejected:  # every detail typed, none an English sentence
        assert r.detail is None or isinstance(r.detail, Reason), r


def test_rejection_details_are_written_as_the_f_strings_wrote_them() -> None:
    assert Reason(R.AFTER_GIVEN_NAME, word="Michel").text == "after the given name 'Michel'"
    assert Reason(R.IN_NAMES_LANGUAGE, word="Arabic").text == "'in Arabic' names a language"
    assert Reason(R.BEFORE_NUMBER, word="24").text == "before 24"
    assert Reason(R.WORDS_BEFORE_IT, word="بتوقيت").text == "'بتوقيت …'"
    assert Reason(R.WORDS_AFTER_IT, word="برس").text == "'… برس'"
    assert Reason(R.QUOTED_AFTER_LAM).text == "quoted after 'ل'"
