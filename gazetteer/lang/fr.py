"""French (issue 19): case-aware rules behind the language seam, on English's model. Its
vocabulary is ``data/fr/context.yaml`` (cue words, titles, organisation and club words,
outlets); it has no proclitics: the elided articles and the contractions (l', d', au, aux, du,
des) are words of their own before a name ("d'Algérie" reads "d" then "Algérie"). Names keep
their case; ``fold`` also drops accents, so that Algerie and Algérie compare equal.

The rejection rules, asked in the order of ``RULES``:

* a demonym in lower case is an adjective ("le gouvernement marocain"), kept, unless an
  article, "en" or a verb of speaking before it make it a language ("le français", "en
  arabe"); a capitalised one ("les Marocains") is a people, asked on, unless a capitalised
  word before it makes it the end of a name ("l'Institut Français");

* a name written in lower case is a word (nice, mer, tours);
* a compass word alone is a direction (le Nord, l'Ouest);
* organisations, media and clubs named after places: Météo-France, France 24, Radio France,
  Olympique de Marseille, Banque d'Algérie, Université de Tunis;
* people named after places: a title or a given name before it;
* "wilaya d'Oran", "province de Kénitra": the province's cue keeps the name (the province, not
  the town);
* a capitalised common word or a sentence's first word needs support: a cue before it (à, en,
  au, dans, la ville de, la région de…), or a country after a comma.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from gazetteer.context import Vocabulary, vocabulary
from gazetteer.lang.base import KEEP, Here, Keep, RejectionRule
from gazetteer.lang.en import (
    _area,
    _capitalised,
    _country,
    _sport_near,
)
from gazetteer.lang.words import DateWords, FurnitureWords
from gazetteer.latin_demonyms import french_forms
from gazetteer.model import Place, PlaceKind, Rejection, Verdict
from gazetteer.normalize import fold as fold_names
from gazetteer.reasons import Reason
from gazetteer.reasons import ReasonCode as R

if TYPE_CHECKING:
    from gazetteer.matcher import RawMatch, Tokens
    from gazetteer.normalize import Normalized
    from gazetteer.store import Gazetteer

CONTEXT_FILE = Path(__file__).resolve().parents[1] / "data" / "fr" / "context.yaml"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Articles, elided articles and contractions that stand before a name (folded, lower case).
ARTICLES = ("l'", "d'", "au", "aux", "du", "des", "en", "le", "la", "les")
_ARTICLE_WORDS = frozenset({"l", "d", "au", "aux", "du", "des", "le", "la", "les", "de"})
#: Prepositions of place: a name after one (or after one and an article) is a place.
PLACE_PREPOSITIONS = _words("""
    à a en au aux dans vers depuis chez près via sur jusqu jusqu'à entre travers partout
    visité visite quitté rejoint gagné traversé
""")
#: The nouns of a place before "de" / "d'" / "du" ("la ville de", "la région d'").
PLACE_NOUNS_BEFORE_DE = _words("""
    ville villes village villages capitale port province provinces région régions wilaya
    wilayas gouvernorat département district préfecture commune communes pays île îles
    banlieue périphérie environs nord sud est ouest centre cœur coeur rues habitants
    gouverneur maire wali préfet frontière frontières localité agglomération daïra canton
    quartier territoire royaume république
""")
#: After "de", these nouns make the name a province (the town of that name is not meant).
PROVINCE_NOUNS = _words("wilaya wilayas province provinces gouvernorat région département daïra")
#: Everyday French words written with a capital at a sentence's start or in titles, that the
#: gazetteer also has as one-word names of places.
COMMON_WORDS = _words("""
    Nice Tours Mer Grand Grande Saint Sainte Union Liberté Paix Espoir Victoire Centre Nord Sud
    Est Ouest Orient Mars Mai Juin Août Avril Lundi Mardi Mercredi Jeudi Vendredi Samedi
    Dimanche Noël Pâques Aïd Ramadan État États République Royaume Conseil Assemblée Sénat
    Parlement Gouvernement Ministère Police Armée Garde Presse Radio Télévision Journal Port
    Mont Montagne Lac Rivière Fleuve Plage Pont Porte Château Palais Cours Place Rue Avenue
    Bois Forêt Vallée Ville Île Cap Golfe Baie Désert Plaine Terre Soleil Lune Étoile Ciel
    Roi Reine Prince Président Monsieur Madame Mademoiselle Pierre Paul Jean Marie Louis
    Charles Bon Bonne Beau Belle Beach France Paris
""") - {"France", "Paris"}
#: Words a sentence often starts with: a name read there needs support.
SENTENCE_STARTERS = _words("""
    Le La Les Un Une Des Ce Cette Ces Cet Mais Et Ou Donc Or Ni Car Puis Alors Ainsi Aussi
    Après Avant Pendant Depuis Selon Pour Par Avec Sans Sous Sur Dans Chez Entre Vers Si
    Quand Lorsque Comme Il Elle Ils Elles On Nous Vous Je Tu Son Sa Ses Leur Leurs Notre Nos
    Votre Vos Mon Ma Mes Tout Toute Tous Toutes Plusieurs Certains Certaines Aucun Aucune
    Chaque Autre Autres Même Encore Déjà Toujours Jamais Souvent Enfin Cependant Pourtant
    Toutefois Néanmoins Désormais Aujourd Hier Demain Ici Là Voici Voilà Quelque Quelques
""")
#: Generic words of longer names: matched alone, beside a capitalised word, part of a name.
GENERIC_WORDS = _words("""
    Île Îles Mont Monts Lac Golfe Baie Cap Mer Océan Fleuve Rivière Vallée Plaine Désert
    Forêt Port Pointe Saint Sainte Grand Grande Petit Petite Nouveau Nouvelle Haut Haute
    Bas Basse Vieux Vieille
""")
#: Common given names (none a place's): the name after one is a surname.
GIVEN_NAMES = _words("""
    Jean Pierre Michel André Philippe Louis Alain Jacques Bernard Marcel Daniel Roger Claude
    Paul Henri Nicolas François Christophe Patrick Thierry Éric Frédéric Laurent Emmanuel
    Olivier Julien Sébastien Vincent Marie Nathalie Isabelle Sylvie Catherine Françoise
    Sophie Anne Christine Valérie Sandrine Céline Julie Camille Léa Manon Chloé Mohamed
    Mohammed Ahmed Ali Aziz Karim Rachid Youssef Abdelaziz Abdelmadjid Kaïs Habib Hassan Omar
    Donald Joe Vladimir Recep Benjamin Marine Ségolène Édouard Gérald Bruno Gabriel Jordan
""")
#: Titles whose office is held over an area: "le gouverneur de Tunis" names the province.
_OUTLET_NUMBER = re.compile(r"[ \t]?24(?![0-9])")
#: "Météo-France", "Ouest-France": the word joined by a hyphen before the name makes one name
#: (not a compass word: "le Sud-Liban" is the place).
HYPHEN_HEADS = _words("Météo Air Gaz Électricité Radio Télé Info Ouest")
#: The heads of an organisation's name before "de" / "d'" ("la Banque d'Algérie").
#: (not Union: "l'Union des Comores" is the country)
ORG_BEFORE_DE = _words("""
    Banque Université Olympique Stade Institut Agence Office Société Compagnie Caisse Musée
    Ministère Conseil Chambre Cour Tribunal Fédération Association Orchestre Théâtre
    Festival Tour Rallye Marathon Grand Coupe Championnat Open Académie École Lycée
    Bibliothèque Fondation Centre Hôpital Aéroport Port Gare Palais Opéra Parti Front
    Mouvement Assemblée Sénat Parlement Journal Radio Télévision
""")
#: Abbreviations of countries read anywhere (as written, case and stops kept).
ABBREVIATIONS = {
    "RDC": "Democratic Republic of the Congo", "RD Congo": "Democratic Republic of the Congo",
    "RCA": "Central African Republic", "É.-U.": "United States", "USA": "United States",
}
_ABBREVIATION = re.compile(
    "(?<![\\w.])(" + "|".join(map(re.escape, sorted(ABBREVIATIONS, key=len, reverse=True)))
    + ")(?![\\w])")
#: The countries of French-speaking Europe and Canada (their towns' names read as French).
HOME_COUNTRIES = frozenset(("FR", "BE", "CH", "LU", "MC", "CA", "RE", "GP", "MQ", "GF", "YT",
                            "NC", "PF", "PM", "WF", "BL", "MF"))
#: Around a name, how many words the rules look at for sport (a club's name).
SPORT_WINDOW = 25


@lru_cache(maxsize=4096)
def strip_accents(text: str) -> str:
    """"Algérie" → "Algerie", "Égypte" → "Egypte" (case kept)."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def _lower(word: str) -> str:
    return strip_accents(word).lower()


_PREPOSITIONS = frozenset(map(_lower, PLACE_PREPOSITIONS))
_NOUNS_BEFORE_DE = frozenset(map(_lower, PLACE_NOUNS_BEFORE_DE))
_PROVINCE_NOUNS = frozenset(map(_lower, PROVINCE_NOUNS))


#: Words right before a lower-case demonym that make it a language's name: "le français",
#: "en arabe", "parle russe", "traduit du turc" (an adjective follows its noun: "le
#: gouvernement marocain").
LANGUAGE_BEFORE = _words("""
    le l en du parle parlent parler parlant parlé parlée apprendre apprend apprennent
    enseigne enseigner traduit traduite traduits traduites
""")
#: Nouns of a feature before its adjective: "l'océan Indien", "le golfe Persique" name the
#: feature, not the country.
FEATURE_NOUNS = _words("""
    océan mer golfe détroit canal île îles mont monts désert fleuve lac baie plateau
""")
#: Words right after a demonym that make it a language's name ("français langue étrangère").
LANGUAGE_AFTER = _words("langue langues")
_LATIN_LOWER = re.compile(r"[a-z\u00df-\u00ff]")
_LATIN_CAPITAL = re.compile(r"[A-Z\u00c0-\u00de]")


_LANGUAGE_BEFORE = frozenset(map(_lower, LANGUAGE_BEFORE))
_FEATURE_NOUNS = frozenset(map(_lower, FEATURE_NOUNS))


def demonym_written(h: Here) -> Verdict | Keep | None:
    """"le gouvernement marocain", "les Marocains", "le français", "en arabe": a French
    adjective of a country is written in lower case (kept: the lower-case rule is for names),
    its people's noun with a capital (asked on); a lower-case demonym right after an article,
    "en" or a verb of speaking, or before "langue", names a language."""
    if h.toponym or _LATIN_CAPITAL.search(h.written):
        return None
    if _lower(_before(h, 1)) in _LANGUAGE_BEFORE or _lower(h.nxt) in LANGUAGE_AFTER:
        return Verdict(Rejection.LANGUAGE, Reason(R.NAMES_LANGUAGE, word=h.written))
    return KEEP


def demonym_in_a_name(h: Here) -> Verdict | None:
    """"l'Institut Français", "l'Alliance Française": a capitalised demonym after a capitalised
    word (no sentence's first word, no article) ends a name; "l'océan Indien": after a
    feature's noun, it is the feature's name."""
    if not h.toponym and _lower(h.prev) in _FEATURE_NOUNS:
        return Verdict(Rejection.NAME_PART, Reason(R.AFTER_WORDS, word=h.prev))
    if h.toponym or not _capitalised(h.prev) or h.prev in SENTENCE_STARTERS:
        return None
    if _lower(h.prev) in _ARTICLE_WORDS:
        return None
    return Verdict(Rejection.NAME_PART, Reason(R.AFTER_WORDS, word=h.prev))


def lower_case(h: Here) -> Verdict | None:
    """"nice", "tours", "mer": a French name is written with a capital; in lower case (Latin
    letters) the word is a word. Names in other scripts (Arabic quoted in the text) are not
    judged by case."""
    w = h.written
    if w.isalpha() and _LATIN_LOWER.search(w) and not _LATIN_CAPITAL.search(w):
        return Verdict(Rejection.COMMON_WORD, Reason(R.LOWER_CASE, word=w))
    return None


def _one_word(h: Here) -> str:
    """The name's one word ('' for a longer name), a French spelling's too (its key ends with
    a mark: ``~`` and countries, ``gazetteer.lang.fr_spelling``)."""
    key = h.m.key
    if len(key) == 2 and key[1].startswith("~"):
        return key[0]
    return key[0] if len(key) == 1 else ""


def compass_word(h: Here) -> Verdict | None:
    """"le Nord", "l'Ouest": a compass word alone is a direction, not the place named like it."""
    if _one_word(h) in h.voc.directions:
        return Verdict(Rejection.DIRECTION)
    return None


def _before(h: Here, k: int) -> str:
    """The word ``k`` words before the match (1: the one right before), '' across a mark; an
    elision's apostrophe is no mark ("d'Oran", "l'Égypte")."""
    toks, i = h.site.toks, h.m.first - k
    if i < 0:
        return ""
    for j in range(i + 1, h.m.first + 1):
        sep = toks.seps[j]
        if sep.strip(" \t'\u2019") or len(sep) > 2:
            return ""
    return toks.words[i]


def _without_article(h: Here) -> tuple[str, int]:
    """The word before the name's article (the name's own word before when none), and how far
    back it stands: "à la Mecque" → (à, 2); "au Maroc" → (au, 1); "à l'Ouest" → (à, 2)."""
    prev = _before(h, 1)
    if _lower(prev) in ("l", "la", "le", "les") and _before(h, 2):
        return _before(h, 2), 2
    return prev, 1


def _after_de(h: Here) -> str:
    """The noun before "de", "d'", "du", "des" (or "de la", "de l'") the name stands after, ''
    when the name stands after none: "la wilaya d'Oran" → wilaya."""
    k = 1
    w = _lower(_before(h, k))
    if w in ("l", "la"):
        k += 1
        w = _lower(_before(h, k))
    if w in ("de", "d", "du", "des"):
        return _before(h, k + 1)
    return ""


#: Words joined by a hyphen to a name that do not make another name of it: particles of Arabic
#: names (El-Hamiz), compass words (Sud-Liban), saints.
HYPHEN_PARTICLES = _words("""
    El Al Ben Beni Béni Bni Sidi Aït Ait Oued Bir Ain Aïn Saint Sainte St Ste Nord Sud Est
    Ouest Grand Grande
""")
_HYPHENS = "-\u2010\u2011"
_HYPHEN_AFTER = re.compile(f"[{_HYPHENS}]([A-Z\u00c0-\u00de][^\\W\\d_]*)")
_HYPHEN_BEFORE = re.compile(f"([A-Z\u00c0-\u00de][^\\W\\d_]*)[{_HYPHENS}]$")


#: Words of a route or a line before "Abidjan-Bouaké", "Paris-Dakar": the two names joined by
#: a hyphen after one are its two ends.
ROUTE_WORDS = _words("""
    autoroute autoroutes route routes ligne lignes axe axes liaison liaisons trajet trajets
    vol vols TGV train trains sens tronçon tronçons corridor corridors pipeline pipelines
    gazoduc gazoducs oléoduc oléoducs itinéraire itinéraires voie navette navettes ferry
    traversée bus autocar autocars
""")
_ROUTE_WORDS = frozenset(map(_lower, ROUTE_WORDS))


def _side(h: Here, hyphen_after: bool) -> tuple[int, Sequence[Place]] | None:
    """The match on the other side of the hyphen (its first token and places), if any."""
    toks = h.site.toks
    i = h.m.last if hyphen_after else h.m.first - 1
    if i < 0 or i >= len(toks.words):
        return None
    return h.site.match_at(i)


def _towns_and_countries(places: Sequence[Place]) -> list[Place]:
    return [p for p in places if p.kind in (PlaceKind.CITY, PlaceKind.COUNTRY)]


def _two_places(one: Sequence[Place], other: Sequence[Place]) -> bool:
    """Do these two sides name two places, not the towns a division is named after? Each
    side's most populous town or country: a town and a country, or two towns of different
    first-level divisions ("Abidjan-Bouaké", "Paris-Dakar"; not Assa-Zag, two towns of one
    province the province is named after)."""
    a, b = _towns_and_countries(one), _towns_and_countries(other)
    if not a or not b:
        return False
    p = max(a, key=lambda q: (q.kind == PlaceKind.COUNTRY, q.population))
    q = max(b, key=lambda q: (q.kind == PlaceKind.COUNTRY, q.population))
    kinds = {p.kind, q.kind}
    if kinds == {PlaceKind.COUNTRY}:
        return False
    if PlaceKind.COUNTRY in kinds:
        return True
    return (p.country, p.admin1) != (q.country, q.admin1) or not p.admin1


def _route(h: Here, side: tuple[int, Sequence[Place]], hyphen_after: bool) -> bool:
    """"l'axe Abidjan-Bouaké", "le vol Paris-Dakar", "Alger-Oran": the name and the one
    joined to it by a hyphen are a route's two ends when a route word stands before the
    pair, or when they are two places (``_two_places``); a given name on either side makes
    a person's name ("Marie-France")."""
    first = h.m.first if hyphen_after else side[0]
    toks = h.site.toks
    route_word = first > 0 and toks.near(first) and _lower(toks.words[first - 1]) in (
        _ROUTE_WORDS)
    if route_word:
        return bool(side[1])
    other = toks.words[side[0]]
    if {other, _one_word(h)} & GIVEN_NAMES:
        return False
    return _two_places(h.places, side[1])


def hyphenated_name(h: Here) -> Verdict | None:
    """"Assa-Zag", "Hydro-Québec", "Aix-Marseille": a name joined by a hyphen to a capitalised
    word is part of a longer name that the gazetteer lacks (a province named after two towns,
    an organisation, a university), not the place of its own name; particles (El-, Sidi-) and
    compass words (Sud-) are not such words; nor is a route's other end ("l'axe
    Abidjan-Bouaké": ``_route``)."""
    text = h.site.norm.original
    after = _HYPHEN_AFTER.match(text, h.m.end)
    if after and after.group(1) not in HYPHEN_PARTICLES:
        side = _side(h, True)
        if side is None or not _route(h, side, True):
            return Verdict(Rejection.NAME_PART,
                           Reason(R.BEFORE_WORDS, word=f"-{after.group(1)}"))
    before = _HYPHEN_BEFORE.search(text, max(0, h.m.start - 20), h.m.start)
    if before and before.group(1) not in HYPHEN_PARTICLES:
        side = _side(h, False)
        if side is None or not _route(h, side, False):
            return Verdict(Rejection.NAME_PART,
                           Reason(R.AFTER_WORDS, word=f"{before.group(1)}-"))
    return None


def outlet(h: Here) -> Verdict | None:
    """"France 24", "Radio France", "Jeune Afrique", "l'Agence France-Presse": an outlet named
    after a place."""
    after = h.site.norm.original[h.m.end:h.m.end + 4]
    if _OUTLET_NUMBER.match(after):
        return Verdict(Rejection.TV_CHANNEL, Reason(R.BEFORE_NUMBER, word="24"))
    if h.nxt in h.voc.media_after:
        return Verdict(h.voc.media_after[h.nxt], Reason(R.BEFORE_WORDS, word=h.nxt))
    if h.roles.media_before and _capitalised(h.prev):
        return Verdict(Rejection.NEWS_SITE, Reason(R.AFTER_WORDS, word=h.prev))
    return None


def hyphenated_organisation(h: Here) -> Verdict | None:
    """"Météo-France", "Air Algérie", "Gaz-de-France"-like names: a head word joined to the name
    by a hyphen is one organisation's name."""
    start = h.m.start
    before = h.site.norm.original[max(0, start - 12):start]
    m = re.search(r"([^\W\d_]+)[\-\u2010\u2011]$", before)
    if m and m.group(1) in HYPHEN_HEADS:
        return Verdict(Rejection.ORGANISATION, Reason(R.AFTER_WORDS, word=f"{m.group(1)}-"))
    return None


def club(h: Here) -> Verdict | None:
    """"Olympique de Marseille", "Olympique Lyonnais", "Stade de Reims", "Real Madrid",
    "Paris FC": a club named after its town."""
    if h.roles.club_before and _capitalised(h.prev):
        return Verdict(Rejection.CLUB, Reason(R.AFTER_WORDS, word=h.prev))
    noun = _after_de(h)
    if noun and noun in h.voc.club_before and _capitalised(noun):
        return Verdict(Rejection.CLUB, Reason(R.AFTER_WORDS, word=f"{noun} de"))
    if h.nxt in h.voc.club_after and (h.nxt != "City" or _sport_near(h)):
        return Verdict(Rejection.CLUB, Reason(R.BEFORE_WORDS, word=h.nxt))
    return None


#: Schools and institutions whose long names end with their town ("l'Ecole polytechnique
#: d'architecture et d'urbanisme d'El-Harrach").
INSTITUTION_HEADS = _words("""
    École Ecole Université Universite Institut Lycée Lycee Collège College Hôpital Hopital
    Musée Musee Conservatoire Académie Academie Centre Faculté Faculte
""")
#: The words of an institution's name between its head and the town: lower-case words and
#: the articles and "de", "et".
_INSTITUTION_WINDOW = 10


def _institution_before(h: Here) -> str:
    """The institution's head word this name ends the long name of ('' if none): "l'Ecole
    polytechnique d'architecture et d'urbanisme d'El-Harrach" → Ecole. The name must stand
    right after "de" / "d'"; the words back to the head are lower case (no mark between)."""
    if _lower(_before(h, 1)) not in ("de", "d", "du", "des"):
        return ""
    for k in range(2, _INSTITUTION_WINDOW + 1):
        word = _before(h, k)
        if not word:
            return ""
        if word in INSTITUTION_HEADS:
            return word
        if _capitalised(word):
            return ""
    return ""


def organisation(h: Here) -> Verdict | None:
    """"la Banque d'Algérie", "l'Université de Tunis" (a capitalised head before de), "Radio
    France", "Air France"; a word of an organisation after ("Maroc Telecom"); the town that
    ends a school's long name ("l'Ecole polytechnique d'architecture d'El-Harrach")."""
    noun = _after_de(h)
    if noun in ORG_BEFORE_DE and _capitalised(noun):
        return Verdict(Rejection.ORGANISATION, Reason(R.AFTER_WORDS, word=f"{noun} de"))
    head = "" if _country(h) else _institution_before(h)
    if head:
        return Verdict(Rejection.ORGANISATION, Reason(R.ENDS_NAME_OF, word=head))
    if h.roles.org_before and _capitalised(h.prev):
        return Verdict(Rejection.ORGANISATION, Reason(R.AFTER_WORDS, word=h.prev))
    if h.nxt in h.voc.org_after:
        return Verdict(Rejection.ORGANISATION, Reason(R.BEFORE_WORDS, word=h.nxt))
    return None


#: Lower-case nouns of a body before "de" ("la police de Liège", "l'équipe de France"): the
#: name is the body's, not the place.
BODY_NOUNS_BEFORE_DE = _words("""
    police gendarmerie parquet tribunal équipe sélection club université banque diocèse
    archevêché barreau
""")


def body_of_the_place(h: Here) -> Verdict | None:
    """"la police de Liège", "le parquet de Paris", "l'équipe de France": a body named after
    its place is not the place."""
    noun = _after_de(h)
    if noun and noun in BODY_NOUNS_BEFORE_DE:
        return Verdict(Rejection.ORGANISATION, Reason(R.AFTER_WORDS, word=f"{noun} de"))
    return None


def a_given_name(h: Here) -> Verdict | None:
    """"Aziz Akhannouch", "Patrick Février": a common given name that is also a place's name,
    before a capitalised word, is the person's given name (a country is not read so)."""
    if (_one_word(h) in GIVEN_NAMES and _capitalised(h.nxt)
            and h.nxt not in GENERIC_WORDS and not _country(h)):
        return Verdict(Rejection.GIVEN_NAME, Reason(R.BEFORE_WORDS, word=h.nxt))
    return None


def surname(h: Here) -> Verdict | None:
    """"Michel Orléans", "le président Lincoln": a name after a given name or a title is a
    person's (an office over an area stays: "le gouverneur de Tunis" has "de" between)."""
    if h.prev in GIVEN_NAMES:
        return Verdict(Rejection.SURNAME, Reason(R.AFTER_GIVEN_NAME, word=h.prev))
    if h.roles.title and not (h.roles.office and _area(h)):
        return Verdict(Rejection.PERSON, Reason(R.AFTER_WORDS, word=h.prev))
    return None


def given_name(h: Here) -> Verdict | None:
    """"Paris Hilton", "Florence Parly": a place-like given name before a capitalised word that
    is no generic word of a place, with no place cue before it; a country is not read so."""
    if (
        _one_word(h) in h.voc.first_names
        and _capitalised(h.nxt)
        and h.nxt not in GENERIC_WORDS
        and not _country(h)
        and _lower(_without_article(h)[0]) not in _PREPOSITIONS
    ):
        return Verdict(Rejection.GIVEN_NAME, Reason(R.BEFORE_WORDS, word=h.nxt))
    return None


def demonym_stays(h: Here) -> Keep | None:
    """The rules after this one are about names, not adjectives (marocain, française)."""
    return None if h.toponym else KEEP


def province_of_the_name(h: Here) -> Keep | None:
    """"la wilaya d'Oran", "la province de Kénitra", "le gouvernorat de Sfax": the province's
    noun before "de" keeps the name (its place is the province, resolved by the cue)."""
    noun = _after_de(h)
    return KEEP if noun and _lower(noun) in _PROVINCE_NOUNS else None


def place_cue(h: Here) -> Keep | None:
    """"à Nice", "en Algérie", "au Maroc", "dans la ville de Tours", "Tours, France": a
    preposition of place (before the article, if any), a place's noun and "de", a cue word,
    or a capitalised word after a comma support the name."""
    word, _ = _without_article(h)
    if _lower(word) in _PREPOSITIONS or h.roles.cue is not None:
        return KEEP
    noun = _after_de(h)
    if noun and _lower(noun) in _NOUNS_BEFORE_DE:
        return KEEP
    toks = h.site.toks
    j = h.m.last
    if j < len(toks.words) and toks.seps[j].strip() == "," and _capitalised(toks.words[j]):
        return KEEP
    return None


def generic_word_alone(h: Here) -> Verdict | None:
    """"Île Maurice" → Île, "Grand Tunis" → Grand: a generic word of a longer name, read alone
    beside a capitalised word, is part of that name."""
    if _one_word(h) not in GENERIC_WORDS:
        return None
    side = h.prev if _capitalised(h.prev) else h.nxt if _capitalised(h.nxt) else ""
    return Verdict(Rejection.NAME_PART, Reason(R.BESIDE_WORDS, word=side)) if side else None


def common_word(h: Here) -> Verdict | None:
    """"Nice", "Tours", "Mars": a capitalised everyday word needs a place cue (a country is
    itself)."""
    if _one_word(h) in COMMON_WORDS and not _country(h):
        return Verdict(Rejection.COMMON_WORD, Reason(R.NO_PLACE_CUE, word=h.written))
    return None


def sentence_initial(h: Here) -> Verdict | None:
    """"Le", "Selon": a word sentences start with is not a name without support."""
    if _one_word(h) in SENTENCE_STARTERS and not _country(h):
        return Verdict(Rejection.COMMON_WORD, Reason(R.STARTS_SENTENCE, word=h.written))
    return None


RULES: tuple[RejectionRule, ...] = (
    demonym_written,
    demonym_in_a_name,
    lower_case,
    compass_word,
    hyphenated_organisation,
    hyphenated_name,
    outlet,
    club,
    organisation,
    body_of_the_place,
    surname,
    a_given_name,
    given_name,
    demonym_stays,
    province_of_the_name,
    place_cue,
    generic_word_alone,
    common_word,
    sentence_initial,
)

_MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"

DATES = DateWords(
    months={m: i for i, m in enumerate(_MONTHS.split(), start=1)},
    published=(r"publié(?:\ le)?", r"mis\ en\ ligne(?:\ le)?"),
    updated=(r"mis\ à\ jour(?:\ le)?", r"modifié(?:\ le)?", r"actualisé(?:\ le)?"),
    label_words=("publié", "mis", "modifié", "actualisé"),
    ampm=(),
    evening=frozenset(),
    at=("à",),
)

FURNITURE = FurnitureWords(
    read_also=(r"^(?:lire|voir)\ (?:aussi|plus)", r"^(?:à\ lire|sur\ le\ même\ sujet)"),
    cookies=("cookies?", "témoins"),
    cookie_site=("nous\\ utilisons", "notre\\ site", "en\\ poursuivant", "accepter"),
    load_more=(r"^(?:charger|afficher|lire)\ plus$",),
    comment_form=(r"^(?:laisser|ajouter)\ un\ commentaire", r"ne\ sera\ pas\ publiée?"),
    follow_us=(r"suivez-nous", r"suivez\ nous"),
    newsletter=(r"inscrivez-vous", r"abonnez-vous"),
    copyright=(r"tous\ droits\ réservés", "copyright"),
    tags=("tags", "mots-clés", "thèmes"),
    advertisement=("publicité", r"contenu\ sponsorisé"),
    ui_words=_words("""
    partager tweeter facebook twitter whatsapp telegram linkedin email imprimer copier lien
    envoyer retour accueil menu rechercher fermer
"""),
    ui_connectors=_words("sur via par ou et à"),
    photo_credits=("reuters", "afp", "ap", "getty images", "getty", "archives"),
    photo_words=("photo", "image", "illustration"),
)


class French:
    """The French ``Language``."""

    code = "fr"
    direction = "ltr"
    proclitics: tuple[str, ...] = ()
    articles: tuple[str, ...] = ARTICLES
    rejection_rules: tuple[RejectionRule, ...] = RULES
    city_then_area = True
    divisions_decide = True
    #: A town of these countries named like an everyday English word (Nice, Orange) is no
    #: English word in French text: the French words are ``COMMON_WORDS``, read with their
    #: cues by ``common_word``.
    home_countries = HOME_COUNTRIES
    dates = DATES
    furniture = FURNITURE

    def __init__(self) -> None:
        self._voc: Vocabulary | None = None

    def fold(self, text: str) -> str:
        """Folded as the gazetteer's names are, accents dropped, case kept: Algérie and
        Algerie are one, Nice is not nice."""
        return strip_accents(fold_names(text))

    def vocabulary(self) -> Vocabulary:
        if self._voc is None:
            self._voc = vocabulary.__wrapped__(CONTEXT_FILE)
        return self._voc

    def demonym_forms(self, adjective: str) -> list[str]:
        """"Marocaine" → Marocaine(s), marocaine(s); "Français" → Français, français (the
        gazetteer gives the masculine and the feminine: ``demonyms_fr``)."""
        return french_forms(fold_names(adjective))

    def written_names(self, text: str) -> Iterable[tuple[int, int, str, str | None]]:
        """"RDC", "RCA", "É.-U.", "USA": French abbreviations of countries."""
        for m in _ABBREVIATION.finditer(text):
            yield m.start(1), m.end(1), ABBREVIATIONS[m.group(1)], None

    def variant_matches(
        self, gaz: Gazetteer, text: str, norm: Normalized, toks: Tokens,
        raws: Sequence[RawMatch],
    ) -> list[RawMatch]:
        """Taroudante, Zagoura, Kénitra: French spellings of the names of the Maghreb's and
        French-speaking Africa's places, with support (``gazetteer.lang.fr_spelling``)."""
        from gazetteer.lang.fr_spelling import variant_matches

        return variant_matches(gaz, text, norm, toks, raws)


FRENCH = French()
