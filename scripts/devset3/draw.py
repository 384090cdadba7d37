"""The fixed rule that chose the third development set (written before any excerpt was read).

40 slots, in pairs like the second set: slots 1-2, 5-6, 9-10… take a country of the Arab League
drawn with weight = population; slots 3-4, 7-8… any other country drawn with weight =
sqrt(population).  Each slot draws a TOPIC uniformly from TOPICS, a list of topics that neither
the first set (conflict and politics of the Levant, Gulf, Egypt, Maghreb) nor the second set's
genres (scripts/devset2/draw.py GENRES) name.  Seeded, so the list is the same on every run:

    python scripts/devset3/draw.py > scripts/devset3/draw.tsv

Halves: excerpt files are named by slot (NNN_cc_slug.txt); `explorer eval --half even` is slots
001, 003… (development), `--half odd` is slots 002, 004… (check half: scored ONCE, at the end).
"""
from __future__ import annotations

import importlib.util
import math
import random
from pathlib import Path

SEED = 20261207_3
SLOTS = 40
TOPICS = (
    "archaeology", "space and astronomy", "wildlife and nature reserves", "ports and shipping",
    "military exercises", "telecommunications and technology", "cinema and film festivals",
    "fishing", "mountains and climbing", "construction and real estate", "car industry",
    "food and cuisine", "museums", "history and anniversaries", "volcanoes and islands",
    "rivers and lakes", "border crossings", "aviation and airlines", "fashion",
    "universities and research",
)


def _devset2_draw():  # type: ignore[no-untyped-def]
    path = Path(__file__).parents[1] / "devset2" / "draw.py"
    spec = importlib.util.spec_from_file_location("devset2_draw", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    d2 = _devset2_draw()
    rng = random.Random(SEED)
    rows = d2.countries()
    arab = [r for r in rows if r[0] in d2.ARAB_LEAGUE]
    rest = [r for r in rows if r[0] not in d2.ARAB_LEAGUE]
    print("slot\tcountry\tname\ttopic")
    for slot in range(SLOTS):
        if (slot // 2) % 2 == 0:
            cc, name, _ = rng.choices(arab, weights=[r[2] for r in arab])[0]
        else:
            cc, name, _ = rng.choices(rest, weights=[math.sqrt(r[2]) for r in rest])[0]
        print(f"{slot + 1:03d}\t{cc}\t{name}\t{rng.choice(TOPICS)}")


if __name__ == "__main__":
    main()
