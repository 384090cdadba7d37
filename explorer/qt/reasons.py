"""The geoparser's reasons ("Why this place") in the interface's language.

The geoparser (``gazetteer``, no Qt) writes each reason as an English sentence built from a
few templates, joined by "; ", and the index stores them so. Here each template is a pattern
whose parts (names, numbers, words) are carried into its translation; a reason no pattern
knows stays as the geoparser wrote it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_NUM = r"[\d,.]+"
# (pattern, English template with {name} fields): the template is the translatable source.
PATTERNS: tuple[tuple[str, object], ...] = (  # QT_TRANSLATE_NOOP gives the text
    (r"a country", QT_TRANSLATE_NOOP("Reasons", "a country")),
    (r"a region", QT_TRANSLATE_NOOP("Reasons", "a region")),
    (r"a first-level division", QT_TRANSLATE_NOOP("Reasons", "a first-level division")),
    (r"a second-level division", QT_TRANSLATE_NOOP("Reasons", "a second-level division")),
    (r"a national capital", QT_TRANSLATE_NOOP("Reasons", "a national capital")),
    (rf"population (?P<n>{_NUM})", QT_TRANSLATE_NOOP("Reasons", "population {n}")),
    (r"a feature, not the areas named after it",
     QT_TRANSLATE_NOOP("Reasons", "a feature, not the areas named after it")),
    (r"a division named like its town, which a bare name means",
     QT_TRANSLATE_NOOP("Reasons", "a division named like its town, which a bare name means")),
    (rf"(?P<km>{_NUM}) km from (?P<name>.+), named in the document",
     QT_TRANSLATE_NOOP("Reasons", "{km} km from {name}, named in the document")),
    (rf"(?P<km>{_NUM}) km from (?P<name>.+), named nearby",
     QT_TRANSLATE_NOOP("Reasons", "{km} km from {name}, named nearby")),
    (r"the word before it \('(?P<word>.+)'\) calls it a (?P<kind>.+)",
     QT_TRANSLATE_NOOP("Reasons", "the word before it ('{word}') calls it a {kind}")),
    (r"the text places it in (?P<name>.+) \('(?P<word>.+)'\)",
     QT_TRANSLATE_NOOP("Reasons", "the text places it in {name} ('{word}')")),
    (r"its country \((?P<code>\w+)\) is named in the document \((?P<share>\d+%) of its sure "
     r"places\)",
     QT_TRANSLATE_NOOP("Reasons",
                       "its country ({code}) is named in the document ({share} of its sure "
                       "places)")),
    (r"its division \((?P<code>[\w.]+)\) is named in the document",
     QT_TRANSLATE_NOOP("Reasons", "its division ({code}) is named in the document")),
    (r"the most populous place of this name",
     QT_TRANSLATE_NOOP("Reasons", "the most populous place of this name")),
    (r"the only place with this name",
     QT_TRANSLATE_NOOP("Reasons", "the only place with this name")),
    (r"highest prior", QT_TRANSLATE_NOOP("Reasons", "highest prior")),
    (r"named with its cue elsewhere in the document",
     QT_TRANSLATE_NOOP("Reasons", "named with its cue elsewhere in the document")),
    (r"an adjective of (?P<name>.+)", QT_TRANSLATE_NOOP("Reasons", "an adjective of {name}")),
    (r"in a list of countries, beside (?P<name>.+)",
     QT_TRANSLATE_NOOP("Reasons", "in a list of countries, beside {name}")),
    (r"the formal name of (?P<name>.+)",
     QT_TRANSLATE_NOOP("Reasons", "the formal name of {name}")),
    (r"'(?P<word>.+)' after the name: the capital city",
     QT_TRANSLATE_NOOP("Reasons", "'{word}' after the name: the capital city")),
)
_COMPILED = tuple((re.compile(p + r"\Z"), str(t)) for p, t in PATTERNS)
KINDS: dict[str, object] = {
    "town": QT_TRANSLATE_NOOP("Reasons", "town"),
    "state or province": QT_TRANSLATE_NOOP("Reasons", "state or province"),
    "district": QT_TRANSLATE_NOOP("Reasons", "district"),
    "country": QT_TRANSLATE_NOOP("Reasons", "country"),
    "state, province or district": QT_TRANSLATE_NOOP("Reasons", "state, province or district"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Reasons", text)


def _kind(words: str) -> str:
    """A cue's kind words ("district or town") in the interface's language."""
    if words in KINDS:
        return _tr(str(KINDS[words]))
    parts = words.split(" or ")
    if all(p in KINDS for p in parts):
        word = QCoreApplication.translate("Reasons", "or")
        return f" {word} ".join(_tr(str(KINDS[p])) for p in parts)
    return words


def translate_reason(reason: str) -> str:
    """One mention's reason ("; "-joined pieces), each known piece translated."""
    return "; ".join(_piece(p) for p in reason.split("; "))


def _piece(text: str) -> str:
    for pattern, template in _COMPILED:
        m = pattern.match(text)
        if m is None:
            continue
        fields = m.groupdict()
        if "kind" in fields:
            fields["kind"] = _kind(fields["kind"])
        out = _tr(template)
        for key, value in fields.items():
            out = out.replace("{" + key + "}", value)
        return out
    return text
