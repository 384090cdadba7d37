"""The search box's language: what a query means, as FTS5 and in Python (issue 17, item 3).

A query is parsed here, never handed to SQLite as it was typed, so no input makes SQLite
refuse it (unbalanced quotes, a stray ``*`` or ``-``, parentheses, FTS5 keywords are text).

Syntax (``parse``):

- words separated by spaces: a passage must hold every one (``غزة رفح``);
- a hamza seat before و may be any: ``مسؤول``, ``مسئول`` and ``مسءول`` find each other;
- ``"..."``: a phrase, its words one after the other (``"وقف إطلاق النار"``); a word that
  SQLite splits in several (``covid-19``) is a phrase too; a quote left open is ignored;
- ``word*``: any word starting so (``مسؤول*`` finds مسؤولون, مسؤولية), at least
  ``MIN_PREFIX`` letters (a shorter one is searched as a word);
- ``OR`` (capitals) or ``أو`` between two words or phrases: either (``غزة أو رفح``);
- ``-word`` or ``NOT word``: passages without it (``غزة -رفح``); a query of excluded words
  only finds the passages holding none of them. There is no Arabic word for NOT: «لا» and
  «ليس» are words one may search for.

Words are folded as passages are (``explorer.query.fold_words``: hamza seats, alif maqsura,
ta marbuta, diacritics, tatweel, case, Latin accents), the same in the index and the query.
An Arabic word also matches the same word with the article and attached conjunctions and
prepositions (و ف, ب ك ل, ال; وال، بال، لل، وبال، فال…): its *cores* (the word without
such a prefix, at least ``MIN_CORE`` letters left) are asked for with every prefix
(``forms``). So «الحدود», «حدود» and «وبالحدود» all find «الحدود», «حدود», «للحدود»,
«وبالحدود»; «بلاد» finds «البلاد» and, its ب being perhaps a preposition, «ولاد» too.

The index stores each passage's folded words (``passages_fts``, unchanged): a query word
becomes the OR of its forms there (``fts_match``), a phrase the AND of its words' forms,
checked word after word by ``matches`` (registered in SQLite as ``explorer_search``).
The in-memory index calls ``matches`` itself: both indexes give the same answers.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from gazetteer.normalize import normalize

#: A search asks for passages holding at most this many different words; the others are
#: left out (``tidy_query`` says how many).
MAX_QUERY_WORDS = 32
#: Letters a word keeps once its prefix is taken off (shorter: the prefix is the word's own).
MIN_CORE = 3
#: Letters a prefix search (``word*``) needs; shorter, the ``*`` is ignored (``ا*`` would
#: ask for nearly every passage: 0.7 s at 3,000 articles).
MIN_PREFIX = 3
#: The name of the SQL function checking phrases (``install``).
SQL_FUNCTION = "explorer_search"

_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ك", "ل")
_ARTICLE = "ال"


def _prefix(conj: str, prep: str, art: str) -> str:
    if prep == "ل" and art:
        return conj + "لل"  # ل + ال is written لل
    return conj + prep + art


#: Every written prefix of conjunction, preposition and article, longest first.
PREFIXES: tuple[str, ...] = tuple(sorted(
    {p for c, b, a in product(_CONJUNCTIONS, _PREPOSITIONS, ("", _ARTICLE))
     if (p := _prefix(c, b, a))}, key=lambda p: (-len(p), p)))
_ARABIC = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")


def is_arabic(word: str) -> bool:
    return bool(word) and _ARABIC.match(word) is not None


@lru_cache(maxsize=4096)
def cores(word: str) -> tuple[str, ...]:
    """The readings of a folded word: itself and the word without a prefix (``PREFIXES``)
    leaving at least ``MIN_CORE`` letters, less those that are a shorter reading behind the
    article (their forms are that reading's)."""
    if not is_arabic(word):
        return (word,)
    found = [word] + [word[len(p):] for p in PREFIXES
                      if word.startswith(p) and len(word) - len(p) >= MIN_CORE]
    keep = set(found)
    out = []
    for r in dict.fromkeys(found):
        behind_article = any(r.startswith(p) and p.endswith(("ال", "لل")) and r[len(p):] in keep
                             for p in PREFIXES)
        if not behind_article:
            out.append(r)
    return tuple(out)


@lru_cache(maxsize=4096)
def forms(word: str) -> tuple[str, ...]:
    """The written forms a folded query word matches: each of its cores with every prefix
    (the article only on a core without one). A word that is not Arabic: itself."""
    if not is_arabic(word):
        return (word,)
    out: dict[str, None] = {}
    for core in cores(word):
        articled = core.startswith(_ARTICLE)
        bare = core[2:] if articled else core  # what follows the article
        for c, b, a in product(_CONJUNCTIONS, _PREPOSITIONS, ("", _ARTICLE)):
            if a and articled:
                continue
            if b == "ل" and (a or articled):
                # ل + ال is written لل; before a lam, ل alone (للاجئين, لله: no third lam).
                out[c + ("ل" if bare.startswith("ل") else "لل") + bare] = None
            else:
                out[_prefix(c, b, a) + core] = None
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Term:
    """A word or a phrase (several words one after the other); ``prefix``: its last word
    is the start of a word; ``spellings``: for each word, its other spellings (the hamza
    seats before و: مسؤول, مسئول, مسءول), folded."""

    words: tuple[str, ...]
    prefix: bool = False
    spellings: tuple[tuple[str, ...], ...] = ()

    def forms(self, i: int) -> tuple[str, ...]:
        """The written forms word ``i`` matches: those of each of its spellings."""
        others = self.spellings[i] if i < len(self.spellings) else ()
        return tuple(dict.fromkeys(f for w in (self.words[i], *others) for f in forms(w)))

    def fts(self) -> str:
        """The FTS5 expression of passages that may hold it (exactly, for one word)."""
        parts = []
        for i in range(len(self.words)):
            star = "*" if self.prefix and i == len(self.words) - 1 else ""
            parts.append("(" + " OR ".join(f'"{f}"{star}' for f in self.forms(i)) + ")")
        return " AND ".join(parts)

    def found_at(self, tokens: Sequence[str]) -> list[int]:
        """Where the term starts in ``tokens`` (a passage's folded words)."""
        n = len(self.words)
        wanted = _wanted(self)
        starts = self.forms(n - 1) if self.prefix else ()
        last = n - 1
        out = []
        for i in range(len(tokens) - n + 1):
            for k in range(n):
                t = tokens[i + k]
                if self.prefix and k == last:
                    if not t.startswith(starts):
                        break
                elif t not in wanted[k]:
                    break
            else:
                out.append(i)
        return out

    def source(self) -> str:
        text = " ".join(self.words) + ("*" if self.prefix else "")
        return f'"{text}"' if len(self.words) > 1 else text


@lru_cache(maxsize=1024)
def _wanted(term: Term) -> list[frozenset[str]]:
    return [frozenset(term.forms(i)) for i in range(len(term.words))]


@dataclass(frozen=True, slots=True)
class Clause:
    """Terms of which one must be in the passage; ``negated``: none may be."""

    terms: tuple[Term, ...]
    negated: bool = False
    source: str = ""  # as typed

    def found(self, tokens: Sequence[str]) -> bool:
        return any(t.found_at(tokens) for t in self.terms)

    def words(self) -> list[str]:
        return [w for t in self.terms for w in t.words]


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: every positive clause must be in a passage, no negated one."""

    clauses: tuple[Clause, ...] = ()
    dropped: int = 0  # different words left out beyond ``MAX_QUERY_WORDS``
    left_out: int = 0  # terms left out: repeats, or beyond the bound

    def __bool__(self) -> bool:
        return bool(self.clauses)

    @property
    def positive(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if not c.negated)

    @property
    def negative(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if c.negated)

    @property
    def words(self) -> tuple[str, ...]:
        """The folded words of the positive clauses, each once."""
        return tuple(dict.fromkeys(w for c in self.positive for w in c.words()))

    @property
    def exact(self) -> bool:
        """The FTS5 expression (``fts_match``) answers it alone: no phrase in it."""
        return all(len(t.words) == 1 for c in self.clauses for t in c.terms)

    def matches(self, tokens: Sequence[str]) -> bool:
        """A passage of these folded words (``fold_words``) passes the query."""
        return (all(c.found(tokens) for c in self.positive)
                and not any(c.found(tokens) for c in self.negative))

    def fts_match(self) -> str:
        """The FTS5 expression of the passages that may pass (every one that does): the
        positive clauses and the excluded words; the excluded phrases are left to
        ``matches``. With no positive clause: the passages holding an excluded term."""
        def group(terms: Sequence[Term]) -> str:
            return " OR ".join(f"({t.fts()})" for t in terms)

        if not self.positive:
            return group([t for c in self.negative for t in c.terms])
        expr = " AND ".join(f"({group(c.terms)})" for c in self.positive)
        single = [t for c in self.negative for t in c.terms if len(t.words) == 1]
        if single:
            expr = f"({expr}) NOT ({group(single)})"
        return expr

    def source(self) -> str:
        return " ".join(c.source for c in self.clauses)


# -- parsing ----------------------------------------------------------------------------------

_PIECE = re.compile(r'(-?)"([^"]*)"|[^\s"]+')
_OR = frozenset({"OR", "أو", "او", "اؤ"})
_NOT = frozenset({"NOT"})


def _words(text: str) -> list[str]:
    from explorer.query import fold_words

    return fold_words(text)


def _term(piece: str, phrase: bool) -> tuple[Term | None, bool]:
    """A piece of the query as a term (None: no word in it) and whether it is excluded."""
    negated = False
    if not phrase:
        stripped = piece.lstrip("-")
        negated = stripped != piece and bool(_words(stripped))
        piece = stripped
    words = _words(piece)
    if not words:
        return None, False
    prefix = piece.rstrip().endswith("*") and len(words[-1]) >= MIN_PREFIX
    return Term(tuple(words), prefix, _spellings(piece, words)), negated


#: A hamza seat before و (diacritics between): مسؤول, مسئول and مسءول are one word.
_SEAT = re.compile("[ؤئء](?=[\u064b-\u065f]*و)")
_SEATS = "ؤئء"


def _spellings(piece: str, words: list[str]) -> tuple[tuple[str, ...], ...]:
    """For each word of ``piece``, its other spellings with another hamza seat before و
    (at most three seats a word), folded; () when there is none."""
    if not any(c in piece for c in _SEATS + "\u0654"):
        return ()
    piece = unicodedata.normalize("NFC", piece)
    tokens = folded_tokens(piece)
    if [t[0] for t in tokens] != words:
        return ()
    out = []
    for word, s, e in tokens:
        raw = piece[s:e]
        spots = [m.start() for m in _SEAT.finditer(raw)][:3]
        others: dict[str, None] = {}
        for seats in product(_SEATS, repeat=len(spots)) if spots else ():
            chars = list(raw)
            for k, c in zip(spots, seats, strict=True):
                chars[k] = c
            folded = _words("".join(chars))
            if len(folded) == 1 and folded[0] != word:
                others[folded[0]] = None
        out.append(tuple(others))
    return tuple(out) if any(out) else ()


@lru_cache(maxsize=64)
def parse(text: str) -> Query:
    """The query ``text`` means (see the module docstring), its clauses each once, at most
    ``MAX_QUERY_WORDS`` different words (the clauses bringing more are left out)."""
    if text.count('"') % 2:  # the last quote is not closed: it is no quote
        k = text.rfind('"')
        text = text[:k] + " " + text[k + 1:]
    clauses: list[Clause] = []
    seen: set[str] = set()
    dropped: set[str] = set()
    left_out = 0
    pending_or = pending_not = False
    last_open = False  # the last clause is positive and an OR may join it

    def add(term: Term, negated: bool, source: str) -> None:
        nonlocal last_open, left_out
        new = set(term.words) - seen
        if len(seen) + len(new) > MAX_QUERY_WORDS:
            # A phrase is cut to the words that fit: a phrase of its first words.
            fit = _fitting(term.words, seen)
            dropped.update(set(term.words[fit:]) - seen)
            left_out += 1
            if fit == 0:
                last_open = False
                return
            term = Term(term.words[:fit], False, term.spellings[:fit])
            source = term.source()
            new = set(term.words) - seen
        seen.update(new)
        if pending_or and not negated and last_open:
            old = clauses[-1]
            if term in old.terms:
                left_out += 1
            else:
                clauses[-1] = Clause((*old.terms, term), False, f"{old.source} OR {source}")
            return
        clauses.append(Clause((term,), negated, ("-" if negated else "") + source))
        last_open = not negated

    for m in _PIECE.finditer(text):
        piece = m.group(0)
        phrase = m.group(2) is not None
        if not phrase and (piece in _OR or fold_or(piece)):
            pending_or = last_open
            continue
        if not phrase and piece in _NOT:
            pending_not = True
            continue
        if phrase:
            term, negated = _term(m.group(2), True)
            negated = bool(m.group(1))
            source = f'"{m.group(2).strip()}"'
        else:
            term, negated = _term(piece, False)
            source = piece.lstrip("-")
        if term is None:
            pending_or = pending_not = False
            continue
        if len(term.words) > 1 and not phrase:
            source = f'"{source}"'
        add(term, negated or pending_not, source)
        pending_or = pending_not = False
    unique: dict[tuple[bool, frozenset[Term]], Clause] = {}
    for c in clauses:
        unique.setdefault((c.negated, frozenset(c.terms)), c)
    left_out += len(clauses) - len(unique)
    return Query(tuple(unique.values()), len(dropped - seen), left_out)


def _fitting(words: Sequence[str], seen: set[str]) -> int:
    """How many of ``words``, from the first, fit in the bound with ``seen``."""
    more: set[str] = set()
    for k, w in enumerate(words):
        if w not in seen and w not in more:
            if len(seen) + len(more) == MAX_QUERY_WORDS:
                return k
            more.add(w)
    return len(words)


def fold_or(piece: str) -> bool:
    """The Arabic «أو» however it is spelled (hamza, diacritics)."""
    return bool(_ARABIC.match(piece)) and tuple(_words(piece)) == ("او",)


def tidy_query(text: str) -> tuple[str, int]:
    """``text`` as a search keeps it, and how many different words were left out beyond
    ``MAX_QUERY_WORDS``: as typed (single spaces) when nothing was left out (a repeated
    word, a clause beyond the bound), else the clauses kept as typed."""
    q = parse(text)
    if not q.left_out:
        return " ".join(text.split()), 0
    return q.source(), q.dropped


# -- highlighting -----------------------------------------------------------------------------


def folded_tokens(text: str) -> list[tuple[str, int, int]]:
    """The words of ``text`` as ``fold_words`` makes them, each with its span in ``text``."""
    from explorer.query import FTS_SEPARATORS

    norm = normalize(text)
    cased = norm.text.casefold()
    strip = not unicodedata.is_normalized("NFKD", cased)
    at: Sequence[int]  # for each folded character, its index in ``norm.text``
    if not strip and len(cased) == len(norm.text):  # one character for one (Arabic)
        folded, at = cased, range(len(cased))
    else:
        folded_chars: list[str] = []
        indexes: list[int] = []
        for i, ch in enumerate(norm.text):
            out = ch.casefold()
            if strip:
                out = "".join(c for c in unicodedata.normalize("NFKD", out)
                              if not unicodedata.combining(c))
            folded_chars.append(out)
            indexes.extend([i] * len(out))
        folded, at = "".join(folded_chars), indexes
    spans = []
    for m in re.finditer(rf"[^\W_{FTS_SEPARATORS}]+", folded):
        start, end = norm.span(at[m.start()], at[m.end() - 1] + 1)
        spans.append((m.group(0), start, end))
    return spans


def highlights(text: str, query: str) -> list[tuple[int, int]]:
    """The spans of ``text`` that a search for ``query`` found (its positive terms'
    words, every occurrence), in text order, merged where they touch."""
    q = parse(query)
    if not q.positive:
        return []
    tokens = folded_tokens(text)
    words = [t[0] for t in tokens]
    spans: list[tuple[int, int]] = []
    for c in q.positive:
        for term in c.terms:
            n = len(term.words)
            for i in term.found_at(words):
                spans.append((tokens[i][1], tokens[i + n - 1][2]))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


# -- SQLite ------------------------------------------------------------------------------------


def _sql_matches(words: object, query: object) -> int:
    if not isinstance(words, str) or not isinstance(query, str):
        return 0
    return int(parse(query).matches(words.split()))


def install(conn: sqlite3.Connection) -> None:
    """Register ``explorer_search(words, query)`` on ``conn``: 1 when a passage's stored
    folded words pass ``query`` (``Query.matches``)."""
    conn.create_function(SQL_FUNCTION, 2, _sql_matches, deterministic=True)


def sql_condition(column: str, query: str) -> tuple[str, list[str]]:
    """An SQL condition on ``column`` (a passage id) keeping the passages that pass
    ``query`` (``install`` must have been called on the connection), and its arguments."""
    q = parse(query)
    if q.positive:
        sql = (f"{column} IN (SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?"
               + ("" if q.exact else f" AND {SQL_FUNCTION}(words, ?)") + ")")
    else:
        sql = (f"{column} NOT IN (SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?"
               + ("" if q.exact else f" AND NOT {SQL_FUNCTION}(words, ?)") + ")")
    return sql, [q.fts_match()] + ([] if q.exact else [query])
