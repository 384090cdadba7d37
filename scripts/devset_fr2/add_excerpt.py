"""Save one excerpt of the French check set by the rule of scripts/devset_fr2/README.md.

    python scripts/devset_fr2/add_excerpt.py SLOT CC TOPIC OUTLET URL HIT QUERY < body.txt

The body (headline, bylines, captions already dropped by hand) is read from stdin, blank-line
separated paragraphs kept, and cut after the last whole sentence ending at or before the 800th
character; if that leaves fewer than 80 words, following whole sentences are added until it
has 80 (never past 250 words).  It is written as tests/data/devset_fr2/SLOT_CC_TOPIC.txt and
its row put in tests/data/devset_fr2/SOURCES.md.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 800
MIN_WORDS, MAX_WORDS = 80, 250
END = re.compile(r"[.!?…](?:[»”\"’)]+)?(?=\s|$)")
HEAD = (
    "# Sources of tests/data/devset_fr2 (rule: scripts/devset_fr2/README.md)\n\n"
    "| file | outlet | url | query | hit |\n|---|---|---|---|---|\n"
)


def cut(body: str) -> str:
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body.strip()) if p.strip()]
    text = "\n\n".join(paras)
    # a sentence cut by the store ends in an ellipsis at the very end: it is not whole
    ends = [
        m.end()
        for m in END.finditer(text)
        if not (m.end() >= len(text.rstrip()) and text.rstrip().endswith(("…", "...")))
    ]
    if not ends:
        raise SystemExit("stdin: no whole sentence in the body")
    inside = [e for e in ends if e <= LIMIT] or ends[:1]
    end = inside[-1]
    for later in ends:
        if len(text[:end].split()) >= MIN_WORDS:
            break
        if later > end and len(text[:later].split()) <= MAX_WORDS:
            end = later
    out = text[:end]
    if len(out.split()) < MIN_WORDS:
        raise SystemExit(f"stdin: {len(out.split())} words, under {MIN_WORDS}: page passed over")
    return out


def main(argv: list[str]) -> None:
    slot, cc, topic, outlet, url, hit, query = argv
    text = cut(sys.stdin.read())
    name = f"{slot}_{cc}_{topic}.txt"
    out = ROOT / "tests" / "data" / "devset_fr2" / name
    out.write_text(text + "\n", encoding="utf-8")
    md = ROOT / "tests" / "data" / "devset_fr2" / "SOURCES.md"
    rows = md.read_text(encoding="utf-8").splitlines()[4:] if md.exists() else []
    rows = [r for r in rows if r.strip() and not r.startswith(f"| {name} |")]
    rows.append(f"| {name} | {outlet} | {url} | {query} | {hit} |")
    md.write_text(HEAD + "\n".join(sorted(rows)) + "\n", encoding="utf-8")
    print(f"{name}: {len(text.split())} words, {len(text)} chars")


if __name__ == "__main__":
    main(sys.argv[1:])
