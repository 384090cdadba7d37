"""Save one excerpt of the French or English development set by the rule of README.md.

    python scripts/devset_fr/add_excerpt.py fr|en SLOT CC TOPIC OUTLET URL HIT QUERY < body.txt

The body (headline, bylines, captions already dropped by hand) is read from stdin, blank-line
separated paragraphs kept, and cut after the last whole sentence ending at or before the 800th
character (the first sentence whole if it is longer).  It is written as
tests/data/devset_LANG/SLOT_CC_TOPIC.txt and its row appended to scripts/devset_LANG/sources.tsv.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 800
END = re.compile(r"[.!?…](?:[»”\"’)]+)?(?=\s|$)")


def cut(body: str) -> str:
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body.strip()) if p.strip()]
    text = "\n\n".join(paras)
    # a sentence cut by the store ends in an ellipsis at the very end: it is not whole
    ends = [m.end() for m in END.finditer(text)
            if not (m.end() >= len(text.rstrip()) and text.rstrip().endswith(("…", "...")))]
    inside = [e for e in ends if e <= LIMIT]
    if inside:
        return text[:inside[-1]]
    return text[:ends[0]] if ends else text


def main(argv: list[str]) -> None:
    lang, slot, cc, topic, outlet, url, hit, query = argv
    text = cut(sys.stdin.read())
    name = f"{slot}_{cc}_{topic}.txt"
    out = ROOT / "tests" / "data" / f"devset_{lang}" / name
    out.write_text(text + "\n", encoding="utf-8")
    tsv = ROOT / "scripts" / f"devset_{lang}" / "sources.tsv"
    if not tsv.exists():
        tsv.write_text("file\toutlet\turl\tquery\thit\n", encoding="utf-8")
    rows = [r for r in tsv.read_text(encoding="utf-8").splitlines()[1:]
            if not r.startswith(name + "\t")]
    rows.append("\t".join((name, outlet, url, query, hit)))
    rows.sort()
    tsv.write_text("file\toutlet\turl\tquery\thit\n" + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{name}: {len(text.split())} words, {len(text)} chars")


if __name__ == "__main__":
    main(sys.argv[1:])
