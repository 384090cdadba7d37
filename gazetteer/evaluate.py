"""Scoring mentions against hand-made gold (``seeds-gold/1``, see the shared eval README).

Recognition: a system toponym span that overlaps a gold span is a hit (precision, recall, F1).
Resolution: a hit whose place is right (same geonameid, or for a region a name in
``accept_names``); also accuracy within 161 km and the median error in km for points.
Right-place F1: precision and recall of spans found *and* resolved right. Place sets: per
document, the set of places the system names against the gold's (micro-averaged F1), what an
analyst filtering by place sees.
A system span over a ``neutral`` span counts neither way; over furniture or a negative it is a
false positive. Demonyms are not scored.

``NaiveDictionary`` is the baseline: every gazetteer name wherever it occurs (longest match, the
same matcher), the most populous place of that name wins.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geopy.distance import great_circle

from gazetteer.matcher import Matcher
from gazetteer.model import Mention, MentionType, Place, PlaceKind
from gazetteer.names import TOPONYM
from gazetteer.reasons import Reason, ReasonCode
from gazetteer.store import Gazetteer

WITHIN_KM = 161.0


@dataclass
class Score:
    tp: int = 0  # system spans that hit a gold mention
    fp: int = 0
    fn: int = 0  # gold mentions no system span hit
    resolved: int = 0  # hits resolved to the right place
    within: int = 0  # point hits within 161 km
    points: int = 0  # point hits (gold with coordinates)
    set_tp: int = 0  # per-document place sets: gold places the system names
    set_fp: int = 0  # places the system names that the gold does not
    set_fn: int = 0  # gold places the system does not name
    errors_km: list[float] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for k in ("tp", "fp", "fn", "resolved", "within", "points", "set_tp", "set_fp", "set_fn"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.errors_km += other.errors_km
        self.false_positives += other.false_positives
        self.missed += other.missed
        self.wrong += other.wrong

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return (self.tp) / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def place_f1(self) -> float:
        """F1 of spans found and resolved to the right place."""
        p = self.resolved / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.resolved / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def set_f1(self) -> float:
        """Micro F1 of the per-document sets of places named."""
        p = self.set_tp / (self.set_tp + self.set_fp) if self.set_tp + self.set_fp else 1.0
        r = self.set_tp / (self.set_tp + self.set_fn) if self.set_tp + self.set_fn else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return self.resolved / self.tp if self.tp else 1.0

    @property
    def accuracy_161(self) -> float:
        return self.within / self.points if self.points else 1.0

    @property
    def median_km(self) -> float:
        return statistics.median(self.errors_km) if self.errors_km else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "resolution_accuracy": round(self.accuracy, 4),
            "accuracy_161km": round(self.accuracy_161, 4),
            "median_error_km": round(self.median_km, 1),
            "right_place_f1": round(self.place_f1, 4),
            "place_set_f1": round(self.set_f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def load_gold(path: Path) -> dict[str, dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != "seeds-gold/1":
        raise ValueError(f"{path}: expected format 'seeds-gold/1', got {data.get('format')!r}")
    docs: dict[str, dict[str, Any]] = data["documents"]
    return docs


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _right_place(m: Mention, g: Mapping[str, Any]) -> bool:
    if g.get("geonameid") is not None:
        return bool(m.place.geonameid == g["geonameid"])
    accept = set(g.get("accept_names") or [])
    return bool(accept & {m.place.name, *m.place.names_en})


def score_document(mentions: Iterable[Mention], gold: Mapping[str, Any], doc: str = "") -> Score:
    s = Score()
    gold_mentions = [g for g in gold.get("mentions", []) if not g.get("furniture")]
    bad = [g for g in gold.get("mentions", []) if g.get("furniture")] + list(
        gold.get("negatives", [])
    )
    neutral = list(gold.get("neutral", []))
    hit_gold: set[int] = set()
    named: list[Place] = []  # the places of the system's scored spans
    for m in mentions:
        if m.type != MentionType.TOPONYM:
            continue
        span = (m.start, m.end)
        if not any(_overlaps(span, (n["start"], n["end"])) for n in neutral):
            named.append(m.place)
        hits = [i for i, g in enumerate(gold_mentions) if _overlaps(span, (g["start"], g["end"]))]
        if hits:
            s.tp += 1
            g = gold_mentions[hits[0]]
            hit_gold.update(hits)
            if _right_place(m, g):
                s.resolved += 1
            else:
                s.wrong.append(f"{doc}@{m.start} {m.text}: {m.place.name} ≠ {g['name']}")
            if g.get("lat") is not None:
                s.points += 1
                km = float(great_circle((m.place.lat, m.place.lon), (g["lat"], g["lon"])).km)
                s.errors_km.append(km)
                if km <= WITHIN_KM:
                    s.within += 1
            continue
        if any(_overlaps(span, (n["start"], n["end"])) for n in neutral):
            continue
        s.fp += 1
        why = next(
            (b.get("why", "furniture") for b in bad if _overlaps(span, (b["start"], b["end"]))), ""
        )
        s.false_positives.append(f"{doc}@{m.start} {m.text} → {m.place.name} {why}".rstrip())
    for i, g in enumerate(gold_mentions):
        if i not in hit_gold:
            s.fn += 1
            s.missed.append(f"{doc}@{g['start']} {g['text']} ({g['name']})")
    _score_sets(s, named, gold_mentions)
    return s


def _score_sets(
    s: Score, named: Sequence[Place], gold_mentions: Sequence[Mapping[str, Any]]
) -> None:
    """Compare the set of places the system names in a document with the gold's."""
    gold_keys: dict[str, Mapping[str, Any]] = {}
    for g in gold_mentions:
        key = f"gn:{g['geonameid']}" if g.get("geonameid") is not None else f"name:{g['name']}"
        gold_keys.setdefault(key, g)
    found: set[str] = set()
    extra: set[str] = set()
    for place in {p.id: p for p in named}.values():
        hit = next((k for k, g in gold_keys.items() if _same_place(place, g)), None)
        if hit is None:
            extra.add(place.id)
        else:
            found.add(hit)
    s.set_tp += len(found)
    s.set_fp += len(extra)
    s.set_fn += len(gold_keys) - len(found)


def _same_place(place: Place, g: Mapping[str, Any]) -> bool:
    if g.get("geonameid") is not None:
        return bool(place.geonameid == g["geonameid"])
    accept = set(g.get("accept_names") or [])
    return bool(accept & {place.name, *place.names_en})


def score_corpus(
    mentions: Mapping[str, Sequence[Mention]], gold: Mapping[str, Mapping[str, Any]]
) -> tuple[Score, dict[str, Score]]:
    """Overall score and per-document scores for the documents of ``gold``."""
    total = Score()
    per_doc: dict[str, Score] = {}
    for doc, g in sorted(gold.items()):
        sc = score_document(mentions.get(doc, ()), g, doc)
        per_doc[doc] = sc
        total.add(sc)
    return total, per_doc


class NaiveDictionary:
    """The baseline: every name of the gazetteer where it occurs, the most populous place wins.

    The same matcher as the geoparser (folding, proclitics, longest match), no context rules,
    no resolution beyond population (a country before any other kind at equal population).
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.matcher = Matcher(gazetteer)

    def parse(self, text: str, spans: Sequence[tuple[int, int]] | None = None) -> list[Mention]:
        _, _, raws = self.matcher.find(text, spans)
        places = self.gaz.places
        out = []
        for m in raws:
            cands = [places[i] for i, t in m.entries if t == TOPONYM]
            if not cands:
                continue
            best = max(cands, key=lambda p: (p.population, p.kind == PlaceKind.COUNTRY, p.id))
            out.append(
                Mention(m.start, m.end, text[m.start:m.end], MentionType.TOPONYM, best,
                        reasons=(Reason(ReasonCode.MOST_POPULOUS),))
            )
        return out
