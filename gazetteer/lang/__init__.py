"""Languages the geoparser reads (issue 19): ``get(code)`` gives a ``Language``.

Arabic and English have rules; French is not registered until its folding, articles, cue words
and rejection rules are real (see the README, issue 19)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gazetteer.lang.words import DateWords, FurnitureWords

if TYPE_CHECKING:
    from gazetteer.lang.base import Language

# The rules (``gazetteer.lang.base``, each language's module) load the gazetteer's vocabulary
# and matcher: imported on the first ``get``, so that the words of datelines and furniture
# (``gazetteer.lang.ar_words``) are read without them.
__all__ = ["DateWords", "FurnitureWords", "codes", "get"]


def _registry() -> dict[str, Language]:
    from gazetteer.lang.ar import ARABIC
    from gazetteer.lang.en import ENGLISH

    return {ARABIC.code: ARABIC, ENGLISH.code: ENGLISH}


def get(code: str) -> Language:
    """The language of this ISO 639-1 code; ``KeyError`` naming the known ones otherwise."""
    try:
        return _registry()[code]
    except KeyError:
        raise KeyError(f"no language {code!r}: known are {', '.join(codes())}") from None


def codes() -> tuple[str, ...]:
    """The codes of the registered languages, sorted."""
    return tuple(sorted(_registry()))
