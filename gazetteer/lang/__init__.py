"""Languages the geoparser reads (issue 19): ``get(code)`` gives a ``Language``.

Arabic and English have rules; French is not registered until its folding, articles, cue words
and rejection rules are real (see the README, issue 19)."""

from __future__ import annotations

from gazetteer.lang.ar import ARABIC
from gazetteer.lang.base import (
    KEEP,
    DateWords,
    FurnitureWords,
    Here,
    Keep,
    Language,
    RejectionRule,
    first_verdict,
)
from gazetteer.lang.en import ENGLISH

__all__ = ["KEEP", "DateWords", "FurnitureWords", "Here", "Keep", "Language", "RejectionRule",
           "codes", "first_verdict", "get"]

_REGISTRY: dict[str, Language] = {ARABIC.code: ARABIC, ENGLISH.code: ENGLISH}


def get(code: str) -> Language:
    """The language of this ISO 639-1 code; ``KeyError`` naming the known ones otherwise."""
    try:
        return _REGISTRY[code]
    except KeyError:
        raise KeyError(f"no language {code!r}: known are {', '.join(codes())}") from None


def codes() -> tuple[str, ...]:
    """The codes of the registered languages, sorted."""
    return tuple(sorted(_REGISTRY))
