"""Synthetic corpora for the window's tests: many short articles naming well-known capitals."""

from __future__ import annotations

from pathlib import Path

#: Arabic names of capitals the gazetteer resolves without doubt, with their ISO codes.
CAPITALS = [("دمشق", "SY"), ("القاهرة", "EG"), ("بيروت", "LB"), ("بغداد", "IQ"),
            ("طهران", "IR"), ("موسكو", "RU"), ("باريس", "FR"), ("برلين", "DE")]


#: A word only the articles whose number is a multiple of ``KEYWORD_EVERY`` contain.
KEYWORD = "مفاوضات"
KEYWORD_EVERY = 10


def write_corpus(root: Path, articles: int, paragraphs: int = 3, *, every: str = "") -> Path:
    """``articles`` files, each of ``paragraphs`` paragraphs naming two capitals; ``every``
    (an Arabic place name) is named in every paragraph of every article too. The first
    paragraph of every ``KEYWORD_EVERY``-th article holds ``KEYWORD`` and names Tokyo (and
    ``every``) only."""
    root.mkdir(parents=True, exist_ok=True)
    for i in range(articles):
        lines = [f"تقرير رقم {i} عن الزيارات الرسمية", ""]
        for j in range(paragraphs):
            a = CAPITALS[(i + j) % len(CAPITALS)][0]
            b = CAPITALS[(i * 3 + j + 1) % len(CAPITALS)][0]
            extra = f" ثم توجه إلى {every}" if every else ""
            if j == 0 and i % KEYWORD_EVERY == 0:
                lines += [f"بدأت {KEYWORD} جديدة في طوكيو{extra} في الجولة {i}.", ""]
                continue
            lines += [f"وصل الوفد إلى {a} يوم الاثنين في زيارة رسمية، والتقى وزير الخارجية "
                      f"قبل أن يغادر إلى {b}{extra} في الجولة {i}-{j}.", ""]
        (root / f"a{i:05d}.txt").write_text("\n".join(lines), encoding="utf-8")
    return root
