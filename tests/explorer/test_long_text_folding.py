"""A long paragraph's full-text words and furniture key are made in pieces (bounded memory,
issue 21 W7), and are what the whole text at once gives."""

from __future__ import annotations

import random

import pytest

import explorer.furniture as furniture
import explorer.query as query

ALPHABET = [*"ΣσςAbC ΑΣ.İẞDŽبيروتأإآىة_ـ", " ", " ", "\u0301", "'", "\u00a0", "\n", "ﻻ",
            "\u064b", "ﷲ", "①", "ﬁ", "\u0327", "\t"]


def texts(seed: int, n: int = 5000) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 40))) for _ in range(n)]


def test_full_text_words_in_pieces_are_the_whole_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(query, "_FOLD_PIECE", 4)  # every text here is cut into pieces
    for text in texts(1):
        assert query.fold_words_text(text) == " ".join(query.fold_words(text)), repr(text)


def test_a_line_key_in_pieces_is_the_whole_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(furniture, "_LOWER_PIECE", 3)
    for text in texts(2):
        assert furniture._lower(text) == text.lower(), repr(text)
        assert furniture.line_key(text) == " ".join(
            furniture.line_key(w) for w in text.split() if furniture.line_key(w)), repr(text)
