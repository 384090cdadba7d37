"""``explorer mentions --jobs N`` (same bytes for any N), ``--explain`` with the names set
aside, and ``explorer eval --baseline``, on a small corpus written for the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explorer.cli import main

SENTENCES = (
    "وصل وزير الخارجية إلى بيروت قادما من باريس، ثم توجه إلى طرابلس شمال لبنان.",
    "فاز أولمبيك آسفي على ضيفه في الرباط، ونقلت وكالة فرانس برس عن المدرب قوله.",
    "انسحبت النيجر ومالي وبوركينا فاسو من المجموعة، وقال مسؤول لـ«الشرق الأوسط» إن القرار نهائي.",
    "هاجمت فصائل سورية مواقع قرب حلب، وأعلنت دمشق أنها سترد.",
)


@pytest.fixture()
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "corpus"
    for i in range(40):  # more articles than one worker's share
        folder = root / f"part{i % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        text = f"خبر رقم {i}\n\n" + "\n\n".join(SENTENCES[i % 4:] + SENTENCES[:i % 4])
        (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    return root


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_jobs_print_the_same_bytes(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one = run(capsys, "mentions", str(corpus), "--jobs", "1")
    assert one.count("\n") > 200
    for jobs in ("2", "3"):
        assert run(capsys, "mentions", str(corpus), "--jobs", jobs) == one
    explained = run(capsys, "mentions", str(corpus), "--jobs", "1", "--explain")
    assert run(capsys, "mentions", str(corpus), "--jobs", "2", "--explain") == explained


def test_jobs_must_be_positive(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["mentions", str(corpus), "--jobs", "0"])
    assert exc.value.code == 2
    assert "at least 1" in capsys.readouterr().err


def test_explain_shows_the_names_set_aside_with_their_rule(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [json.loads(line) for line in run(capsys, "mentions", str(corpus), "--explain")
            .splitlines()]
    rejected = {(r["text"], r["rule"]) for r in rows if r["type"] == "rejected"}
    assert ("آسفي", "club") in rejected
    # «فرانس برس»: whether فرانس reads as France or ف + a town, the agency's name sets it aside
    assert any(rule == "news_agency" and text.endswith("رانس") for text, rule in rejected)
    assert ("الشرق الأوسط", "newspaper") in rejected
    assert ("سورية", "adjective") in rejected
    kept = {(r["text"], r["place"]["name"]) for r in rows if r["type"] == "toponym"}
    assert ("مالي", "Mali") in kept
    tripoli = {r["place"]["country"] for r in rows if r.get("text") == "طرابلس"}
    assert tripoli == {"LB"}


def test_eval_baseline(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = "part0/000.txt"
    text = (corpus / doc).read_text(encoding="utf-8")
    start = text.index("طرابلس")
    gold = {"format": "seeds-gold/1", "documents": {doc: {"mentions": [
        {"start": start, "end": start + 6, "text": "طرابلس", "name": "Tripoli",
         "geonameid": 266826}]}}}
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    out = run(capsys, "eval", str(path), str(corpus), "--baseline", "--json")
    scores = json.loads(out)
    assert scores["overall"]["resolution_accuracy"] == 1.0  # Tripoli, Lebanon
    assert scores["baseline"]["resolution_accuracy"] == 0.0  # the biggest Tripoli: Libya's
    assert scores["baseline"]["precision"] < scores["overall"]["precision"]
    table = run(capsys, "eval", str(path), str(corpus), "--baseline")
    assert "naive dictionary (baseline)" in table and "explorer - baseline" in table
