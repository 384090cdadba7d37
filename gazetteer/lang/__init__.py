"""Languages the geoparser reads (issue 19): ``get(code)`` gives a ``Language``.

Arabic, English and French have rules (``ar.py``, ``en.py``, ``fr.py``)."""

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
    from gazetteer.lang.fr import FRENCH

    return {ARABIC.code: ARABIC, ENGLISH.code: ENGLISH, FRENCH.code: FRENCH}


def get(code: str) -> Language:
    """The language of this ISO 639-1 code; ``KeyError`` naming the known ones otherwise."""
    try:
        return _registry()[code]
    except KeyError:
        raise KeyError(f"no language {code!r}: known are {', '.join(codes())}") from None


def codes() -> tuple[str, ...]:
    """The codes of the registered languages, sorted."""
    return tuple(sorted(_registry()))
