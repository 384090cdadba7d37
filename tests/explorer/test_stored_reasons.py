"""Typed reasons in the index (``explorer.stored_reasons``): written as codes and fields, read
back equal; an index written before (English text in the column) still shows its text."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from explorer.stored_reasons import decode, encode, from_stored, to_pairs
from gazetteer import Geoparser
from gazetteer.reasons import Reason, ReasonCode, verbatim

R = ReasonCode
TEXT = "خبر أول\n\nوصل الوفد إلى بغداد ثم إلى البصرة. وقال مسؤول في بغداد إن الزيارة مهمة.\n"


def test_each_kind_of_field_comes_back_the_same() -> None:
    reasons = (Reason(R.NEAR_DOC_PLACE, km=12.345678, name="Aleppo"),
               Reason(R.POPULATION, n=1234567),
               Reason(R.COUNTRY_NAMED, code="SY", share=0.25),
               Reason(R.CUE, word="ولاية", kind=("district", "town")),
               Reason(R.ONLY_PLACE))
    stored = encode(reasons)
    assert stored.startswith('[["near_doc_place", {"km": 12.345678, "name": "Aleppo"}]')
    assert "ولاية" in stored  # not escaped
    assert decode(stored) == reasons
    assert [r.text for r in decode(stored)] == [r.text for r in reasons]
    assert encode(()) == "" and decode("") == ()
    assert from_stored(to_pairs(reasons)) == reasons and from_stored(stored) == reasons


def test_english_text_of_an_older_index_is_kept_as_is() -> None:
    old = "the word before it ('ولاية') calls it a town; population 1,234"
    assert decode(old) == verbatim(old)
    assert decode("[not json") == verbatim("[not json")
    assert decode('[["a code from a newer version", {}]]')[0].text == "a code from a newer version"


def test_the_index_stores_typed_reasons_and_reads_old_text(
    tmp_path: Path, world: Geoparser
) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    path = tmp_path / "i.sqlite"
    Indexer(corpus, path, jobs=1, geoparser=world).run()
    parsed = world.parse(TEXT)
    with IndexDB(path) as db:
        stored = db.mentions_in("a.txt")
    assert [m.reasons for m in stored] == [m.reasons for m in parsed]
    assert [[c.reasons for c in m.alternatives] for m in stored] == [
        [c.reasons for c in m.alternatives] for m in parsed]
    assert any(m.alternatives for m in stored)
    conn = sqlite3.connect(path)
    columns = {r for (r,) in conn.execute("SELECT reason FROM mentions")}
    assert all(c.startswith('[["') for c in columns), columns
    # As an index written before reasons were typed holds them: English text.
    with conn:
        conn.execute("UPDATE mentions SET reason = 'an old reason; its second part', "
                     "alternatives = json_array(json_array(place_id, 1.5, "
                     "json_array('an old runner-up reason')))")
    conn.close()
    with IndexDB(path) as db:
        old = db.mentions_in("a.txt")
    assert {m.reason for m in old} == {"an old reason; its second part"}
    assert {r.text for m in old for c in m.alternatives for r in c.reasons} == {
        "an old runner-up reason"}
