"""A folder of article files to a ``Corpus``: every file read or refused in one line.

``.txt`` files are read here as plain text; web pages, PDFs, images, Word/OpenDocument/RTF
documents, e-mails, feeds, tables and zip archives through ``explorer.formats``, which may
find several articles in one file: each has the doc ``FILE#PART`` (``mail.mbox#3``).

Files are found recursively, in sorted order, following symbolic links to files and folders,
but never into a folder already being read (a link back to an ancestor, or to a folder read
elsewhere): such a link is reported and skipped. Folders are walked with an explicit stack, so
any depth of nesting is fine. Each file is checked with ``stat``, then opened non-blocking and
checked again on the open descriptor (a file swapped for a FIFO in between cannot block the
reader), and read in chunks only up to the size limit, so a huge file costs nothing.

Refused, each as a ``Problem`` (one line), the rest of the corpus loading normally:

- broken symbolic links and links that loop (for ``.txt`` names and names without a suffix);
- anything that is not a regular file (a FIFO would block the reader);
- files larger than ``max_bytes``;
- empty files (and files of only whitespace): skipped, never read as empty articles;
- unreadable files (permissions, I/O errors);
- binary or undecodable content (see ``explorer.decode``).

A UTF-8 file with a few invalid bytes is read with them replaced by U+FFFD; a non-fatal problem
names the file and the byte offsets replaced.
"""

from __future__ import annotations

import bisect
import errno
import hashlib
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from explorer.article import Article, Corpus, Problem
from explorer.bounded_read import read_regular
from explorer.decode import DecodeError, decode, describe_replaced, normalise_newlines
from explorer.formats import Extracted, FormatError, Limits, OcrUnavailable, extract, format_of
from explorer.furniture import analyse_page
from explorer.language import detect as detect_language
from explorer.language import of_document as language_of
from explorer.passages import page_passages

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: The largest ``--max-bytes`` accepted: 1 GiB (a file is decoded whole in memory).
MAX_MAX_BYTES = 1024 * 1024 * 1024
SUFFIX = ".txt"  # read here; every suffix of ``explorer.formats.SUFFIXES`` is read too


class CorpusError(Exception):
    """The corpus folder itself cannot be read (missing, not a folder, no permission)."""


class ArticleError(Exception):
    """One file could not be read as an article; ``str(exc)`` says why, in one line."""


class OcrNeeded(ArticleError):
    """The file could only be read by OCR, and Tesseract (or its models) is missing."""


def size_limit(max_bytes: int) -> str:
    """``20971520`` → ``"20 MB"`` (MiB, as the default is written), else bytes."""
    mb = 1024 * 1024
    if max_bytes >= mb and max_bytes % mb == 0:
        return f"{max_bytes // mb} MB"
    return f"{max_bytes:,} bytes"


def article_from_text(
    doc: str, path: Path, text: str, encoding: str = "utf-8", replaced: tuple[int, ...] = ()
) -> Article:
    """An article from decoded text (LF line ends): furniture, metadata and passages."""
    page = analyse_page(text)
    return Article(
        doc=doc,
        path=path,
        text=text,
        title=page.title.text if page.title else "",
        outlet=page.outlet,
        published=page.published,
        updated=page.updated,
        passages=page_passages(page),
        furniture=page.furniture,
        encoding=encoding,
        replaced=replaced,
        language=detect_language(text),
    )


def read_article(path: Path, root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read one article; raise ``ArticleError`` with a one-line reason if it can't be.

    ``path`` is a file, or a file and a part (``mail.mbox#3``: the third message; see
    ``explorer.formats``): then that one article of the file."""
    path = Path(path)
    file, part = split_doc(path.as_posix())
    if part is None:
        articles, _ = read_articles(path, root, max_bytes)
        if len(articles) == 1 and "#" not in articles[0].doc:
            return articles[0]
        raise ArticleError("holds several articles: name one as FILE#PART")
    articles, _ = read_articles(Path(file), root, max_bytes)
    want = _doc(Path(file), root) + "#" + part
    for article in articles:
        if article.doc == want:
            return article
    raise ArticleError(f"no part {part!r} in the file (any more)")


def read_articles(path: Path, root: Path, max_bytes: int = DEFAULT_MAX_BYTES
                  ) -> tuple[list[Article], list[Problem]]:
    """The articles of one file (one, or one per message, entry, row or member of a file that
    holds several) and the problems of its parts that could not be read (one line each).
    Raises ``ArticleError`` (``OcrNeeded`` when only OCR could read it) if none can be."""
    path = Path(path)
    doc = _doc(path, root)
    data, st = _read_bytes(path, max_bytes)
    if format_of(path.name) is None:  # .txt (and links without a suffix): plain text
        return [_text_article(doc, path, data, st)], []
    try:
        extracted = extract(path.name, data, Limits(max_bytes=max_bytes))
    except OcrUnavailable as exc:
        raise OcrNeeded(str(exc)) from None
    except FormatError as exc:
        raise ArticleError(str(exc)) from None
    except (MemoryError, RecursionError) as exc:  # a hostile file beyond the readers' bounds
        raise ArticleError(f"cannot be read ({type(exc).__name__}), skipped") from None
    except Exception as exc:  # a parser's own failure on a damaged file: that file only
        said = " ".join(str(exc).split())[:100]
        raise ArticleError(f"damaged or unreadable {format_of(path.name)} file "
                           f"({type(exc).__name__}{': ' + said if said else ''}), skipped"
                           ) from None
    articles: list[Article] = []
    problems: list[Problem] = []
    for e in extracted:
        where = f"{path}#{e.part}" if e.part else str(path)
        problems.extend(Problem(where, note) for note in e.notes)
        text = normalise_newlines(e.text)
        if not text.strip():
            problems.append(Problem(where, "no text, skipped"))
            continue
        articles.append(_extracted_article(doc, path, e, text, st))
    if not articles:
        raise ArticleError(problems[0].message if problems else "no text, skipped")
    return articles, problems


def _read_bytes(path: Path, max_bytes: int) -> tuple[bytes, os.stat_result]:
    """A file's bytes, every check of the module docstring made."""
    try:
        st = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise ArticleError("broken symbolic link (its target does not exist)") from None
        raise ArticleError("file vanished before it could be read") from None
    except PermissionError:
        raise ArticleError("unreadable: permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ArticleError("symbolic link loop") from None
        raise ArticleError(f"unreadable: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise ArticleError("not a regular file, skipped")
    if st.st_size > max_bytes:
        raise ArticleError(f"larger than the {size_limit(max_bytes)} limit (--max-bytes), skipped")
    if st.st_size == 0:
        raise ArticleError("empty file, skipped")
    try:
        data = read_regular(path, max_bytes)
    except PermissionError:
        raise ArticleError("unreadable: permission denied") from None
    except OSError as exc:
        raise ArticleError(f"unreadable: {exc.strerror or exc}") from None
    if data is None:  # swapped since stat
        raise ArticleError("not a regular file, skipped")
    if len(data) > max_bytes:  # grew since stat
        raise ArticleError(f"larger than the {size_limit(max_bytes)} limit (--max-bytes), skipped")
    if not data:
        raise ArticleError("empty file, skipped")
    return data, st


def _text_article(doc: str, path: Path, data: bytes, st: os.stat_result) -> Article:
    try:
        text, encoding, replaced = decode(data, path)
    except DecodeError as exc:
        raise ArticleError(f"{exc}, skipped") from None
    if not text.strip():
        raise ArticleError("empty file (only whitespace), skipped")
    article = article_from_text(doc, path, text, encoding, replaced)
    article.size, article.mtime_ns = st.st_size, st.st_mtime_ns
    article.sha256 = hashlib.sha256(data).hexdigest()
    return article


def _extracted_article(doc: str, path: Path, e: Extracted, text: str, st: os.stat_result
                       ) -> Article:
    """An article from what a format reader found: the document's own metadata first, then
    what the text says (furniture: title line, dateline, outlet line)."""
    article = article_from_text(f"{doc}#{e.part}" if e.part else doc, path, text)
    article.title = e.title or article.title
    article.published = e.published or article.published
    article.outlet = e.outlet or article.outlet
    article.author, article.url = e.author, e.url
    article.language = language_of(e.language, text)
    article.format = e.format
    if e.page_starts:
        article.page_starts = e.page_starts
        article.passages = tuple(
            replace(p, page=bisect.bisect_right(e.page_starts, p.start) + 1)
            for p in article.passages)
    article.size, article.mtime_ns = st.st_size, st.st_mtime_ns
    # The part's own content: a message of an mbox keeps its hash when another one changes.
    article.sha256 = hashlib.sha256(f"{e.format}\0{text}".encode("utf-8", "surrogatepass")
                                    ).hexdigest()
    return article


def split_doc(doc: str) -> tuple[str, str | None]:
    """``"mail.mbox#3"`` → ``("mail.mbox", "3")``; a doc of a whole file → ``(doc, None)``.

    The part starts at the first ``#`` that follows the suffix of a format that holds several
    articles, so ``notes#1.txt`` is a file's name, not a part."""
    start = 0
    while (i := doc.find("#", start)) != -1:
        if format_of(doc[:i]) is not None:
            return doc[:i], doc[i + 1:]
        start = i + 1
    return doc, None


def read_corpus(root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Corpus:
    """Every ``.txt`` file under ``root``, in sorted order of their relative paths."""
    corpus = Corpus(root=Path(root))
    for item in iter_articles(corpus.root, max_bytes):
        if isinstance(item, Article):
            corpus.articles.append(item)
        else:
            corpus.problems.append(item)
    corpus.problems.sort(key=lambda p: p.path)
    return corpus


def _is_link_loop(path: Path) -> bool:
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def list_files(root: Path) -> tuple[list[tuple[str, Path]], list[Problem]]:
    """The article files under ``root`` as (doc, path), sorted by doc, without reading them;
    and the problems met on the way (unreadable folders, link loops).

    Raises ``CorpusError`` when ``root`` itself cannot be read."""
    root = Path(root)
    if not root.exists():
        if root.is_symlink() and _is_link_loop(root):
            raise CorpusError(f"{root}: a symbolic link loop, not a folder")
        raise CorpusError(f"{root}: no such folder")
    if not root.is_dir():
        raise CorpusError(f"{root}: not a folder")
    if not os.access(root, os.R_OK | os.X_OK):
        raise CorpusError(f"{root}: folder not readable (permission denied)")
    problems: list[Problem] = []
    prefix = os.path.join(str(root), "")
    files = []
    for p in _walk(root, problems):
        name = str(p)  # below root: its doc is the rest of the path (no pathlib: 100,000s)
        doc = name[len(prefix):].replace(os.sep, "/") if name.startswith(prefix) else _doc(p, root)
        files.append((doc, p))
    files.sort(key=lambda d: d[0])
    return files, problems


def iter_articles(root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Problem]:
    """The corpus one article (or problem) at a time, articles in sorted order: memory holds
    one file's articles, not the corpus. Folder problems come first; files that need OCR
    while Tesseract is missing are said in one line at the end."""
    files, problems = list_files(root)
    yield from problems
    need_ocr: list[Path] = []
    for _, path in files:
        try:
            articles, notes = read_articles(path, root, max_bytes)
        except OcrNeeded:
            need_ocr.append(path)
            continue
        except ArticleError as exc:
            yield Problem(str(path), str(exc))
            continue
        for article in articles:
            yield article
            if article.replaced:
                yield Problem(str(path), describe_replaced(article.replaced))
        yield from notes
    if need_ocr:
        yield ocr_problem(root, need_ocr)


def merge_ocr_problems(problems: list[Problem], root: Path) -> list[Problem]:
    """The files refused for want of Tesseract (one problem each, as the index keeps them)
    said in one line, where the first of them was; the other problems as they are."""
    from explorer.formats.ocr import INSTALL_HINT

    need = [p for p in problems if INSTALL_HINT in p.message]
    if not need:
        return problems
    merged = ocr_problem(root, [Path(p.path) for p in need])
    out: list[Problem] = []
    for p in problems:
        if INSTALL_HINT not in p.message:
            out.append(p)
        elif p is need[0]:
            out.append(merged)
    return out


def ocr_problem(root: Path, paths: list[Path]) -> Problem:
    """One line for every file left unread for want of Tesseract."""
    from explorer.formats.ocr import PACKAGES

    shown = ", ".join(_doc(p, root) for p in paths[:10])
    more = f" and {len(paths) - 10} more" if len(paths) > 10 else ""
    noun = "file needs" if len(paths) == 1 else "files need"
    return Problem(str(root), f"{len(paths)} {noun} OCR but Tesseract is not installed "
                              f"({shown}{more}): apt-get install {PACKAGES}")


def _doc(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


#: Suffixes browsers give the folder of a page saved "complete" (``Page.html`` and
#: ``Page_files/``; Firefox in French: ``Page_fichiers``).
RESOURCE_FOLDER_SUFFIXES = ("_files", "_fichiers", "_archivos", "_Dateien")


def page_resource_folders(names: Iterable[str]) -> set[str]:
    """The folders among ``names`` that hold a saved web page's resources: ``X_files`` next
    to ``X.html`` (or ``.htm``). Their images are the page's pictures, not scans to OCR."""
    names = list(names)
    pages = {n.rsplit(".", 1)[0] for n in names if n.lower().endswith((".html", ".htm"))}
    return {n for n in names for s in RESOURCE_FOLDER_SUFFIXES
            if n.endswith(s) and n[: -len(s)] in pages}


def _walk(root: Path, problems: list[Problem]) -> list[Path]:
    """The ``.txt`` files under ``root``, depth first from an explicit stack (no recursion).

    A folder is taken off the stack in the order recursion would reach it. Each stack entry
    carries the (device, inode) of the folders above it, so a link back up is recognised;
    ``seen`` holds every folder read so far.
    """
    st = root.stat()
    Key = tuple[int, int]
    stack: list[tuple[Path, Key, frozenset[Key]]] = [(root, (st.st_dev, st.st_ino), frozenset())]
    seen: set[Key] = set()
    files: list[Path] = []
    while stack:
        folder, key, above = stack.pop()
        if key in above:
            problems.append(Problem(
                str(folder), "symbolic link loop: links back to a folder above it, not followed"))
            continue
        if key in seen:
            problems.append(Problem(
                str(folder), "symbolic link to a folder already read, not followed"))
            continue
        seen.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            problems.append(Problem(str(folder), f"folder not readable: {exc.strerror or exc}"))
            continue
        folders: list[tuple[Path, Key, frozenset[Key]]] = []
        resources = page_resource_folders(e.name for e in entries)
        for entry in entries:
            path = Path(entry.path)
            is_link = entry.is_symlink()
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if is_dir and entry.name in resources:
                continue  # a saved page's images, styles and scripts: not articles
            if is_dir:
                try:
                    st = path.stat()
                except OSError as exc:
                    problems.append(
                        Problem(str(path), f"folder not readable: {exc.strerror or exc}"))
                    continue
                folders.append((path, (st.st_dev, st.st_ino), above | {key}))
            elif entry.name.lower().endswith(SUFFIX) or format_of(entry.name) is not None:
                files.append(path)
            elif is_link and "." not in entry.name and not path.exists():
                files.append(path)  # a broken or looping link that may have been meant as a folder
        stack.extend(reversed(folders))
    return files
