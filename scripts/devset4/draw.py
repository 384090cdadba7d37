"""The fixed rule that chose the fourth set, a CHECK set (written before any excerpt was read).

30 slots, in pairs like the second and third sets: slots 1-2, 5-6, 9-10… take a country of the
Arab League drawn with weight = population; slots 3-4, 7-8… any other country drawn with weight =
sqrt(population).  Each slot draws a TOPIC uniformly from TOPICS, a list of 20 topics whose labels
none of the earlier sets names (devset: conflict and politics of the Levant, Gulf, Egypt,
Maghreb; scripts/devset2/draw.py GENRES; scripts/devset3/draw.py TOPICS).  Seeded, so the list is
the same on every run:

    python scripts/devset4/draw.py > scripts/devset4/draw.tsv

No halves: every excerpt of this set is a check excerpt, never developed or tuned on, scored
once by the lead at the end (issue 16).
"""

from __future__ import annotations

import importlib.util
import math
import random
from pathlib import Path
from types import ModuleType

SEED = 20261208_4
SLOTS = 30
TOPICS = (
    "hospitals and doctors",
    "school exams",
    "dams and reservoirs",
    "electricity and power cuts",
    "roads and traffic",
    "prisons",
    "harvest and crops",
    "pilgrimage and shrines",
    "labour strikes",
    "markets and prices",
    "heritage restoration",
    "stadiums",
    "bridges and tunnels",
    "banks and currency",
    "libraries and books",
    "music and concerts",
    "humanitarian aid",
    "police",
    "newspapers and media",
    "parks and gardens",
)


def _devset2_draw() -> ModuleType:
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
