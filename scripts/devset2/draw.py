"""The fixed rule that chose the second development set (written before any excerpt was read).

80 slots, in pairs: slots 1-2, 5-6, 9-10… take a country of the Arab League drawn with
weight = population; slots 3-4, 7-8… any other country drawn with weight = sqrt(population) (so
every region of the world comes up, not only China and India). Each slot also draws a genre
uniformly from GENRES. Seeded, so the list is the same on every run:

    python scripts/devset2/draw.py > scripts/devset2/draw.tsv

For each slot the annotator takes the first real Arabic news article found (the search tool's
stored pages, Arabic outlets) about that genre in that country, published in any year, keeps one
excerpt of 80-250 words (whole sentences, from the start of the article body), annotates every
place mention by hand, and only then runs the explorer. With no article of that genre, the first
article about that country of any genre; with none at all, the slot is skipped and said so in
NOTES.md, never replaced by a choice of one's own.

Halves: the excerpt files are named by slot (NNN_…), so `explorer eval --half even` is slots
001, 003, 005… (the development half, tuned on) and `--half odd` is slots 002, 004… (the check
half: scored once, at the end). Each half has Arab-League and other countries alike.
"""
from __future__ import annotations

import math
import random
import re
from pathlib import Path

SEED = 20261207
SLOTS = 80
ARAB_LEAGUE = {
    "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA",
    "SA", "SO", "SD", "SY", "TN", "AE", "YE",
}
GENRES = (
    "weather", "fire", "tourism", "flood", "election", "sport", "earthquake or storm",
    "economy and trade", "crime and courts", "culture and arts", "health",
    "transport and accidents",
    "agriculture and water", "education", "energy and mining", "migration", "religion",
    "science and environment", "protest", "diplomacy",
)


def countries() -> list[tuple[str, str, int]]:
    text = (Path(__file__).parents[2] / "gazetteer/data/countries.yaml").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        m = re.search(r'name: "([^"]+)".*country: "([A-Z]{2})".*population: (\d+)', line)
        if m and int(m.group(3)) > 0:
            rows.append((m.group(2), m.group(1), int(m.group(3))))
    return sorted(rows)


def main() -> None:
    rng = random.Random(SEED)
    rows = countries()
    arab = [r for r in rows if r[0] in ARAB_LEAGUE]
    rest = [r for r in rows if r[0] not in ARAB_LEAGUE]
    print("slot\tcountry\tname\tgenre")
    for slot in range(SLOTS):
        if (slot // 2) % 2 == 0:
            cc, name, _ = rng.choices(arab, weights=[r[2] for r in arab])[0]
        else:
            cc, name, _ = rng.choices(rest, weights=[math.sqrt(r[2]) for r in rest])[0]
        print(f"{slot + 1:03d}\t{cc}\t{name}\t{rng.choice(GENRES)}")


if __name__ == "__main__":
    main()
