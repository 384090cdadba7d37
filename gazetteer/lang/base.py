"""What a language gives the geoparser (issue 19): the ``Language`` protocol, and the shape of
its rejection rules (small named functions of one match's site, tried in order)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Final, Protocol

from gazetteer.context import Roles, Site, Vocabulary, roles
from gazetteer.lang.words import DateWords, FurnitureWords
from gazetteer.matcher import RawMatch
from gazetteer.model import Place, Verdict


class Keep:
    """A rule's answer that the match may be a place: the rules after it are not asked."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP: Final = Keep()


class Here:
    """One match where it stands, as the rejection rules read it: the words either side (folded,
    '' when a line or a sentence mark stands between), the roles of the word before, the match
    as written. Made for every match: plain slots, computed once."""

    __slots__ = ("m", "nxt", "places", "prev", "roles", "site", "toponym", "voc", "written")

    def __init__(self, m: RawMatch, site: Site, voc: Vocabulary, places: Sequence[Place],
                 toponym: bool) -> None:
        self.m, self.site, self.voc, self.places = m, site, voc, places
        self.toponym = toponym  # False: a demonym
        toks = site.toks
        words = toks.words
        self.prev = words[m.first - 1] if m.first > 0 and toks.near(m.first) else ""
        self.nxt = words[m.last] if m.last < len(words) and toks.near(m.last) else ""
        #: The roles of the word before (a cue, a title, an office…).
        self.roles: Roles = roles(self.prev, voc)
        self.written = site.norm.original[m.start:m.end]


#: A rejection rule: why the match is no place here (a ``Verdict``), ``KEEP`` when it may be
#: one whatever the later rules say, or None when the rule has nothing to say.
RejectionRule = Callable[[Here], "Verdict | Keep | None"]


def first_verdict(here: Here, rules: Sequence[RejectionRule]) -> Verdict | None:
    """The verdict of the first rule that has one (None when a rule keeps the match or none
    rejects it)."""
    for rule in rules:
        said = rule(here)
        if said is None:
            continue
        return None if isinstance(said, Keep) else said
    return None


class Language(Protocol):
    """A language's share of reading: how its words fold, what stands glued before a name, the
    words that cue, title or reject a name."""

    #: ISO 639-1 code ("ar", "en", "fr").
    code: str
    #: The direction of its script: "rtl" or "ltr".
    direction: str
    #: Letters glued before a name (Arabic و، ب، ل…), longest first.
    proclitics: tuple[str, ...]
    #: Definite articles, as folded, with what joins them to the name ("ال", "l'").
    articles: tuple[str, ...]
    #: Does "Paris, Texas" keep only the places of the name inside the area after the comma?
    city_then_area: bool
    #: Do the first-level divisions a document names, or names towns of, decide between
    #: namesake towns (Paris in a story from Texas is Paris, Texas)?
    divisions_decide: bool
    #: Why a match is not a place here, in the order they are asked.
    rejection_rules: tuple[RejectionRule, ...]
    #: The words of its datelines.
    dates: DateWords
    #: The words of a page's furniture.
    furniture: FurnitureWords

    def fold(self, text: str) -> str:
        """The text as names are compared."""
        ...

    def vocabulary(self) -> Vocabulary:
        """Cue words, titles and offices, clubs, media, idioms (loaded once)."""
        ...

    def demonym_forms(self, adjective: str) -> list[str]:
        """The inflected (folded) forms of a demonym or adjective of a place."""
        ...

    def written_names(self, text: str) -> Iterable[tuple[int, int, str, str | None]]:
        """Names written otherwise than the gazetteer has them (abbreviations, all-caps
        datelines): start, end, the name as the gazetteer has it, the country its place must be
        in (None: any)."""
        ...
