"""The explorer's fast paths give exactly what the plain definitions they replace give.

- furniture: the date pattern is only searched in a line holding one of ``META_WORDS``;
  ``line_key`` replaces the letters that change;
- ``explorer mentions``: each JSON line is built from pieces, each place written once.
"""

from __future__ import annotations

import json
import random
import re

from explorer import dates as D
from explorer import furniture as F
from explorer.cli import _mention_line, _string
from explorer.pipeline import open_corpus
from gazetteer.model import Place
from tests.conftest import SEEDS

_PATTERNS = [("metadata", D.META, D.META_WORDS)]


def test_every_line_the_date_pattern_matches_holds_a_meta_word() -> None:
    # Lines made of pieces of the patterns themselves, so that the patterns do match some.
    pieces: set[str] = set()
    for _, pattern, _ in _PATTERNS:
        for word in re.split(r"[\\()|?:\[\]{}*+^$.\s]+", pattern.pattern):
            pieces.add(word)
            pieces.update(word[i:j] for i in range(len(word)) for j in range(i + 1, i + 4))
    pieces.discard("")
    labels = re.sub(r"\(\?:([^)]*)\)\??", r"\1", D.PUBLISHED_LABEL + "|" + D.UPDATED_LABEL)
    pieces.update(x.strip().replace("\\ ", " ") for x in labels.split("|"))
    vocab = [*sorted(pieces), " ", "2021/09/28", "28-09-2021", "14:52", " : ", "©", " › "]
    vocab += ["2021/09/28"] * 200
    rng = random.Random(3)
    matched = 0
    for _ in range(20_000):
        k = rng.randint(1, 6)
        sep = " " if rng.random() < 0.5 else ""
        line = sep.join(rng.choice(vocab) for _ in range(k))
        for reason, pattern, needles in _PATTERNS:
            if pattern.search(line):
                matched += 1
                assert needles is None or any(n in line for n in needles), (reason, line)
    assert matched > 100


def test_line_key_is_the_translate_definition() -> None:
    rng = random.Random(1)
    alphabet = [*F._LETTER_CHANGES, *"ابتثجحخدذرسشصضطظعغفقكلمنهوي ABCdef\t\u064b\u0640\u0670"]
    for _ in range(2000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        plain = F._DIACRITICS.sub("", line).translate(F._LETTER_MAP).lower()
        assert F.line_key(line) == " ".join(plain.split())


def test_mention_lines_are_json_dumps_of_the_rows() -> None:
    index = open_corpus(SEEDS)
    places: dict[int, tuple[Place, str]] = {}
    n = 0
    for article in index.articles:
        doc = _string(article.doc)
        for m in index.mentions[article.doc]:
            for explain in (False, True):
                row = {"doc": article.doc, **m.as_json(explain=explain)}
                want = json.dumps(row, ensure_ascii=False) + "\n"
                assert _mention_line(doc, m, explain, places) == want
                n += 1
    assert n > 100
