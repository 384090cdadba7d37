"""The geoparser's reasons ("Why this place") in the interface's language.

The geoparser (``gazetteer``, no Qt) writes each reason as an English sentence built from a
few templates, joined by "; ", and the index stores them so. Here each template is a pattern
whose parts (names, numbers, words) are carried into its translation; a reason no pattern
knows stays as the geoparser wrote it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# The templates the geoparser writes its reasons from, with their {fields}: each is the
# translatable source, and the pattern that recognises a reason made from it.
TEMPLATES: tuple[object, ...] = (  # QT_TRANSLATE_NOOP gives the text back
    QT_TRANSLATE_NOOP("Reasons", "a country"),
    QT_TRANSLATE_NOOP("Reasons", "a region"),
    QT_TRANSLATE_NOOP("Reasons", "a first-level division"),
    QT_TRANSLATE_NOOP("Reasons", "a second-level division"),
    QT_TRANSLATE_NOOP("Reasons", "a national capital"),
    QT_TRANSLATE_NOOP("Reasons", "population {n}"),
    QT_TRANSLATE_NOOP("Reasons", "a feature, not the areas named after it"),
    QT_TRANSLATE_NOOP("Reasons", "a division named like its town, which a bare name means"),
    QT_TRANSLATE_NOOP("Reasons", "{km} km from {name}, named in the document"),
    QT_TRANSLATE_NOOP("Reasons", "{km} km from {name}, named nearby"),
    QT_TRANSLATE_NOOP("Reasons", "the word before it ('{word}') calls it a {kind}"),
    QT_TRANSLATE_NOOP("Reasons", "the text places it in {name} ('{word}')"),
    QT_TRANSLATE_NOOP("Reasons",
                      "its country ({code}) is named in the document ({share} of its sure "
                      "places)"),
    QT_TRANSLATE_NOOP("Reasons", "its division ({code}) is named in the document"),
    QT_TRANSLATE_NOOP("Reasons", "the most populous place of this name"),
    QT_TRANSLATE_NOOP("Reasons", "the only place with this name"),
    QT_TRANSLATE_NOOP("Reasons", "highest prior"),
    QT_TRANSLATE_NOOP("Reasons", "named with its cue elsewhere in the document"),
    QT_TRANSLATE_NOOP("Reasons", "an adjective of {name}"),
    QT_TRANSLATE_NOOP("Reasons", "in a list of countries, beside {name}"),
    QT_TRANSLATE_NOOP("Reasons", "the formal name of {name}"),
    QT_TRANSLATE_NOOP("Reasons", "'{word}' after the name: the capital city"),
    # explorer.corrections.REASON and ACCEPTED_REASON: what a corrected mention carries.
    QT_TRANSLATE_NOOP("Reasons", "corrected by the analyst (mention)"),
    QT_TRANSLATE_NOOP("Reasons", "corrected by the analyst (article)"),
    QT_TRANSLATE_NOOP("Reasons", "corrected by the analyst (corpus)"),
    QT_TRANSLATE_NOOP("Reasons", "accepted by the analyst"),
)


def _pattern(template: str) -> re.Pattern[str]:
    """The template as a whole-text pattern, each {field} a named group."""
    parts = re.split(r"\{(\w+)\}", template)  # text, field, text, field, …, text
    return re.compile("".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)"
                              for i, p in enumerate(parts)) + r"\Z")


_COMPILED = tuple((_pattern(str(t)), str(t)) for t in TEMPLATES)
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
