"""How a mention is drawn, the same in the passage panel and the reader: one constant each.

A place's name (toponym) is amber and bold; an adjective of a place (demonym) light blue and
underlined (no italic: Arabic fonts have none, and a slanted fallback may lack the glyphs).
Inline CSS of the HTML subset Qt's rich-text widgets understand. Non-Qt.
"""

from __future__ import annotations

TEXT = "#1a1a1a"
TOPONYM_BACKGROUND = "#ffe08a"
DEMONYM_BACKGROUND = "#cfe3f7"
#: A place's name.
TOPONYM = f"background-color:{TOPONYM_BACKGROUND}; font-weight:bold;"
#: An adjective of a place.
DEMONYM = f"background-color:{DEMONYM_BACKGROUND}; text-decoration:underline;"
#: Each mention type's style (``gazetteer.model.MentionType`` values).
STYLES = {"toponym": TOPONYM, "demonym": DEMONYM}


def mention_style(mention_type: str) -> str:
    """The style of a mention of this type (a toponym's if the type is unknown)."""
    return STYLES.get(mention_type, TOPONYM)
