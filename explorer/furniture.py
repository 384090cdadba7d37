"""Page furniture: the lines of a scraped news page that are not the article.

A scraped page carries, besides the article, the site's furniture: "read also" links, cookie
notices, share buttons, "load more", the comment form, toolbar labels in English, the title
repeated by the page template, and metadata (outlet, publication and update dates). None of
it is shown as a passage or geoparsed.

Detection works line by line, by general rules that any outlet's pages meet, never by the
text of particular pages. Every rule is data below: a reason (reported with the furniture), a
pattern, and a length limit where a long line is article text whatever it starts with.
Patterns match the *key* of a line (see ``line_key``): diacritics and tatweel removed, the
hamza forms of alif written ``ا``, ``ى`` as ``ي``, ``ة`` as ``ه``, Latin lower-cased,
Arabic-Indic digits as ASCII, whitespace collapsed. So ``إقرأ أيضاً`` and ``اقرا ايضا`` are
one pattern.

Line rules, tried in order, first match wins:

- ``LINE_RULES``: related-article links (``اقرأ أيضا: …``, ``مواضيع ذات صلة``), cookie notices
  (a cookie word *and* the site addressing its reader), "load more", comment-form boilerplate,
  follow-us and newsletter promotions, copyright, tags, advertisement labels, lines without
  a word (``* * *``), breadcrumbs;
- *toolbar*: at most ``UI_MAX_WORDS`` words, all from ``UI_WORDS`` (share, print, the social
  networks, back, menu, ...) or connectors and numbers;
- *metadata*: a publication or update label with a date (``تم النشر: 2021/09/28 الساعة
  14:52``, ``نشر في 28-09-2021``, ``آخر تحديث: 28 سبتمبر 2021``) and little else;
- *mostly Latin*: in an Arabic page, a short line written mostly in Latin letters (an
  untranslated interface label such as "Skip to content").

Then rules that need the whole page, in this order:

- *read-also block*: a bare "read also" label (nothing after it) makes the next lines link
  titles: the first non-empty lines after it, up to a blank line, that are short and
  unpunctuated like headlines (at most ``LINK_TITLE_MAX_LINES``).
- *title*: the first line no rule took. It is the article's title when it reads like one
  (at most ``TITLE_MAX_WORDS`` words, not ending with a full stop); otherwise the page has
  lost its title and the line is a paragraph.
- *bare dates*: before the first paragraph, a line that is only a date (and time) is
  metadata too. Dates become ISO 8601 (``2021-09-28T14:52``); numeric dates are day first
  unless the year leads or the month would exceed 12. The first publication date found goes
  to ``published``, the first update date to ``updated``.
- *outlet*: the short line just before the first metadata line (the site's name).
- *repeats*: a line equal to the title ("title repeated"), and any line equal to an earlier
  line ("repeated line").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from explorer.article import Furniture
from explorer.dates import BARE_DATE, META, META_WORDS, parse_date
from gazetteer.lang.ar_words import FURNITURE as _AR_FURNITURE
from gazetteer.lang.words import FurnitureWords

# -- normalisation --------------------------------------------------------------------------

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LETTER_MAP = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
        **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + i): str(i) for i in range(10)},  # Eastern Arabic-Indic digits
        "٫": ".", "٬": ",",
    }
)
#: Characters trimmed from both ends of a line, besides whitespace.
EDGE_CHARS = "\ufeff\u200b\u200c\u200d\u200e\u200f\u2066\u2067\u2068\u2069\u202a\u202b\u202c"


#: ``_LETTER_MAP`` as replacements: none makes a character that another one replaces.
_LETTER_CHANGES = {chr(k): str(v) for k, v in _LETTER_MAP.items()}
_LETTER_CHANGED = re.compile("[" + "".join(re.escape(c) for c in sorted(_LETTER_CHANGES)) + "]")


#: What ``str.split()`` splits on (``\s`` is ``str.isspace``), and strips.
_SPACE_RUN = re.compile(r"\s+")
_OTHER_SPACE = re.compile(r"[^\S ]")
_STRIPPED = "".join(chr(c) for c in range(0x110000) if chr(c).isspace())


#: ``str.lower`` works in a buffer of 12 bytes a character: a longer line is lowered in pieces.
_LOWER_PIECE = 1 << 16


def _lower(text: str) -> str:
    """``text.lower()``, a long text in pieces cut after a space (a final sigma's context
    never crosses one)."""
    if len(text) <= _LOWER_PIECE:
        return text.lower()
    pieces, at = [], 0
    while at < len(text):
        cut = text.find(" ", at + _LOWER_PIECE)
        end = len(text) if cut < 0 else cut + 1
        pieces.append(text[at:end].lower())
        at = end
    return "".join(pieces)


def line_key(line: str) -> str:
    """The form rules are matched against (see the module docstring)."""
    key = _DIACRITICS.sub("", line)
    # key.translate(_LETTER_MAP), faster: a few replacements in a line of mostly other letters
    for ch in {m.group() for m in _LETTER_CHANGED.finditer(key)}:  # no list of every match
        key = key.replace(ch, _LETTER_CHANGES[ch])
    # " ".join(key.lower().split()) without a list of every word (a 5 MB line is one line):
    # most lines have only single spaces between words, and nothing to collapse.
    key = _lower(key)
    if "  " in key or _OTHER_SPACE.search(key):
        key = _SPACE_RUN.sub(" ", key)
    return key.strip(_STRIPPED)


# -- line rules -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rule:
    """A line is furniture for ``reason`` when ``pattern`` is found in its key.

    ``max_words``: only lines of at most that many words (longer ones are article text).
    ``requires``: a second pattern that must also be found (context, e.g. "our site").
    """

    reason: str
    pattern: re.Pattern[str]
    max_words: int | None = None
    requires: re.Pattern[str] | None = None
    def matches(self, key: str, n_words: int) -> bool:
        if self.max_words is not None and n_words > self.max_words:
            return False
        if not self.pattern.search(key):
            return False
        return self.requires is None or bool(self.requires.search(key))


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.VERBOSE)


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: The Arabic furniture words (``gazetteer.lang.ar``), and the English ones until English has a
#: language of its own (issue 19); each rule tries the Arabic alternatives first.
_AR = _AR_FURNITURE
_EN = FurnitureWords(
    read_also=(r"^(?:read\ also|see\ also|related(?:\ (?:articles|stories|news))?"
               r"|more\ on\ this)\b",),
    cookies=(r"\bcookies?\b",),
    cookie_site=(r"\bwe\ use\b", r"\bthis\ (?:web)?site\ uses\b", r"\baccept\b", r"\bconsent\b",
                 r"\bby\ continuing\b"),
    load_more=(r"^(?:load|show|view|read)\ more$",),
    comment_form=(r"\bleave\ a\ (?:reply|comment)\b", r"email\ address\ will\ not\ be\ published"),
    follow_us=(r"follow\ us",),
    newsletter=(r"\bsubscribe\b", r"\bnewsletter\b"),
    copyright=("©", r"\ball\ rights\ reserved\b"),
    tags=("tags",),
    advertisement=("advertisement", "sponsored", "ad"),
    ui_words=_word_set("share print copy link email facebook twitter whatsapp telegram "
                       "linkedin x menu search close back home"),
    ui_connectors=_word_set("- | : · •"),
)
_WORDS = (_AR, _EN)


def _any(field: str) -> str:
    """The alternatives of ``field`` in every language, Arabic first."""
    return "|".join(x for w in _WORDS for x in getattr(w, field))


#: "Read also" labels. Their line is a link; alone, they head a block of link titles.
READ_ALSO = _re(_any("read_also"))

LINE_RULES: tuple[Rule, ...] = (
    # the label set off by a colon or dash (or alone); else only on a line short as a headline
    Rule("related-article link", READ_ALSO, requires=_re(r"^[^:\-–—]{0,30}(?:[:\-–—]|$)")),
    Rule("related-article link", READ_ALSO, max_words=20),
    # the site speaking to its reader, not an article about cookies
    Rule("cookie notice", _re(_any("cookies")), requires=_re(_any("cookie_site"))),
    Rule("load more", _re(_any("load_more"))),
    Rule("comment form", _re(_any("comment_form")), max_words=30),
    Rule("follow-us promotion", _re(rf"^(?:{_any('follow_us')})\b"), max_words=15),
    Rule("newsletter sign-up", _re(_any("newsletter")), max_words=20),
    Rule("copyright notice", _re(_any("copyright")), max_words=20),
    Rule("tags", _re(rf"^(?:{_any('tags')})\ ?:"), max_words=30),
    Rule("advertisement label", _re(rf"^(?:{_any('advertisement')})$")),
    Rule("decoration (no words)", _re(r"^[\W_]*$")),
    Rule("breadcrumb", _re(r"(?:\ ?[›»]\ ?.*){2}|(?:\ [>|/]\ .*){2}"), max_words=10),
)

#: Words of share bars, toolbars and navigation (keys). A line of at most ``UI_MAX_WORDS``
#: words, all of them UI words, connectors or numbers, is a toolbar label.
UI_WORDS = frozenset(x for w in _WORDS for x in w.ui_words)
#: Names written in two words, joined with "_" in ``UI_WORDS``.
UI_PHRASES = re.compile("|".join(w.ui_phrases for w in _WORDS if w.ui_phrases))
UI_CONNECTORS = frozenset(x for w in _WORDS for x in w.ui_connectors)
UI_MAX_WORDS = 8

#: A date-and-time furniture line may carry this many other words (weekday, time zone).
META_MAX_EXTRA_WORDS = 4
#: Longest line taken for the site's name, just before the date line.
OUTLET_MAX_WORDS = 5
#: Longest first line still taken for a title.
TITLE_MAX_WORDS = 30
#: "Read also" link titles: longest line, most lines after one bare label.
LINK_TITLE_MAX_WORDS = 20
LINK_TITLE_MAX_LINES = 6
#: Longest line the mostly-Latin rule applies to.
LATIN_MAX_WORDS = 8
#: Characters looked at to tell an Arabic page from a Latin one.
PAGE_SAMPLE_CHARS = 100_000
#: A line this long (words), or ending in a full stop, is a paragraph: it ends the page header
#: (where a line holding only a date is the publication date).
PARAGRAPH_MIN_WORDS = 12

# -- the page -------------------------------------------------------------------------------


@dataclass(slots=True)
class Line:
    """A non-empty line: its span in the text (trimmed of whitespace), text and key."""

    index: int  # line number, from 0
    start: int
    end: int
    text: str
    key: str
    n_words: int
    reason: str | None = None  # why it is furniture; None for article text


@dataclass(slots=True)
class Page:
    """A text cut into lines, each either furniture (with a reason) or article text."""

    text: str
    lines: list[Line] = field(default_factory=list)
    title: Line | None = None
    outlet: str | None = None
    published: str | None = None
    updated: str | None = None

    @property
    def furniture(self) -> tuple[Furniture, ...]:
        return tuple(Furniture(ln.start, ln.end, ln.reason) for ln in self.lines if ln.reason)

    @property
    def text_lines(self) -> list[Line]:
        return [ln for ln in self.lines if ln.reason is None]


def split_lines(text: str) -> list[Line]:
    """Non-empty lines with their spans, trimmed of whitespace and invisible marks."""
    out: list[Line] = []
    pos = 0
    for index, raw in enumerate(text.split("\n")):
        stripped_left = raw.lstrip().lstrip(EDGE_CHARS).lstrip()
        body = stripped_left.rstrip().rstrip(EDGE_CHARS).rstrip()
        if body:
            start = pos + len(raw) - len(stripped_left)
            key = line_key(body)
            out.append(Line(index, start, start + len(body), body, key, key.count(" ") + 1))
        pos += len(raw) + 1
    return out


def analyse_page(text: str) -> Page:
    """Cut ``text`` (LF line ends) into lines and tell furniture from article text."""
    page = Page(text, split_lines(text))
    lines = page.lines
    sample = text[:PAGE_SAMPLE_CHARS]
    latin = _latin_letters(sample)  # few or none: counted first, Arabic only if need be
    arabic_page = latin == 0 or _arabic_letters(sample) >= latin
    for ln in lines:
        ln.reason = _line_rule(ln, arabic_page)
    _read_also_blocks(lines)
    page.title = _title(lines)
    _metadata(page)
    _repeats(page)
    return page


def _line_rule(ln: Line, arabic_page: bool) -> str | None:
    for rule in LINE_RULES:
        if rule.matches(ln.key, ln.n_words):
            return rule.reason
    if ln.n_words <= UI_MAX_WORDS and _is_toolbar(ln.key):
        return "share or toolbar label"
    if (
        any(w in ln.key for w in META_WORDS)
        and META.search(ln.key)
        and _meta_extra_words(ln.key, META) <= META_MAX_EXTRA_WORDS
    ):
        return "metadata"
    if (
        arabic_page
        and ln.n_words <= LATIN_MAX_WORDS
        and _latin_letters(ln.text) > _arabic_letters(ln.text)
    ):
        return "mostly Latin (site interface)"
    return None


def _is_toolbar(key: str) -> bool:
    key = UI_PHRASES.sub(r"\1_\2", key)
    tokens = [t.strip(".,:;!؟?،؛()[]{}\"'«»") for t in key.split()]
    tokens = [t for t in tokens if t]
    if not tokens or len(tokens) > UI_MAX_WORDS:
        return False
    ui = 0
    for t in tokens:
        if t in UI_WORDS or (t.startswith("و") and t[1:] in UI_WORDS):
            ui += 1
        elif not (t in UI_CONNECTORS or t.isdigit()):
            return False
    return ui > 0


def _meta_extra_words(key: str, pattern: re.Pattern[str]) -> int:
    """Words of ``key`` outside the matches of ``pattern`` (separators not counted)."""
    rest = pattern.sub(" ", key)
    return len([w for w in rest.split() if w.strip("|-–—،,:·•/")])


def _is_headline(ln: Line, max_words: int) -> bool:
    return ln.n_words <= max_words and not (ln.text.endswith(".") and not ln.text.endswith(".."))


def _is_paragraph(ln: Line) -> bool:
    return ln.n_words >= PARAGRAPH_MIN_WORDS or ln.text.endswith((".", "؟", "?", "!"))


def _read_also_blocks(lines: list[Line]) -> None:
    """A bare "read also" label: the headline-like lines right after it are link titles."""
    for i, ln in enumerate(lines):
        if ln.reason != "related-article link":
            continue
        rest = READ_ALSO.sub("", ln.key).strip(" :-–—.،")
        if rest:
            continue  # the link title is on the label's line
        block: list[Line] = []
        for nxt in lines[i + 1 :]:
            if block and nxt.index > block[-1].index + 1:
                break  # a blank line ends the block
            if nxt.reason is not None or len(block) >= LINK_TITLE_MAX_LINES:
                break
            if not _is_headline(nxt, LINK_TITLE_MAX_WORDS):
                break
            block.append(nxt)
        for nxt in block:
            nxt.reason = "related-article link"


def _title(lines: list[Line]) -> Line | None:
    first = next((ln for ln in lines if ln.reason is None), None)
    if first is None or not _is_headline(first, TITLE_MAX_WORDS):
        return None
    return first


def _metadata(page: Page) -> None:
    """Dates to ``published``/``updated``; bare dates in the header; the outlet line."""
    in_header = True
    first_meta: Line | None = None
    for ln in page.lines:
        if ln.reason is None and ln is not page.title and _is_paragraph(ln):
            in_header = False
        if ln.reason == "metadata":
            for m in META.finditer(ln.key):
                when = parse_date(m["date"], m["time"])
                if when and m["pub"] and page.published is None:
                    page.published = when
                elif when and m["upd"] and page.updated is None:
                    page.updated = when
        elif in_header and ln.reason is None and ln is not page.title:
            bare = BARE_DATE.search(ln.key)
            if not bare or _meta_extra_words(ln.key, BARE_DATE) > META_MAX_EXTRA_WORDS - 1:
                continue
            when = parse_date(bare["date"], bare["time"])
            if not when:
                continue
            ln.reason = "metadata"
            if page.published is None:
                page.published = when
        else:
            continue
        if first_meta is None and ln.reason == "metadata":
            first_meta = ln
    if first_meta is not None:
        _outlet(page, first_meta)


def _outlet(page: Page, meta: Line) -> None:
    i = page.lines.index(meta)
    if i == 0:
        return
    before = page.lines[i - 1]
    if (
        before.reason is None
        and before is not page.title
        and before.n_words <= OUTLET_MAX_WORDS
        and not any(c.isdigit() for c in before.key)
        and not before.text.endswith((".", "،", ",", ":", "؟", "?", "!", "-"))
    ):
        before.reason = "outlet"
        page.outlet = before.text


def _repeats(page: Page) -> None:
    seen: set[str] = set()
    title_key = page.title.key if page.title else None
    for ln in page.lines:
        if ln.reason is not None or ln is page.title:
            seen.add(ln.key)
            continue
        if ln.key == title_key:
            ln.reason = "title repeated"
        elif ln.key in seen:
            ln.reason = "repeated line"
        seen.add(ln.key)


# Runs of letters, not letters: one string per word found instead of one per letter.
_ARABIC_LETTERS = re.compile("[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]+")
_LATIN_LETTERS = re.compile("[A-Za-z\u00c0-\u024f]+")


def _arabic_letters(text: str) -> int:
    return sum(map(len, _ARABIC_LETTERS.findall(text)))


def _latin_letters(text: str) -> int:
    return sum(map(len, _LATIN_LETTERS.findall(text)))
