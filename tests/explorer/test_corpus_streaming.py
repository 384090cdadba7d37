"""Articles one at a time, each with its identity (size, mtime, SHA-256 of its bytes)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from explorer.article import Article, Problem
from explorer.corpus import iter_articles, list_files, read_corpus


def test_iter_articles_streams_what_read_corpus_reads(seeds_copy: Path) -> None:
    (seeds_copy / "sub").mkdir()
    (seeds_copy / "sub" / "empty.txt").write_bytes(b"")
    items = list(iter_articles(seeds_copy))
    articles = [a for a in items if isinstance(a, Article)]
    problems = [p for p in items if isinstance(p, Problem)]
    corpus = read_corpus(seeds_copy)
    assert [a.doc for a in articles] == [a.doc for a in corpus.articles]
    assert problems == corpus.problems and "empty" in problems[0].message
    for a in articles:
        data = a.path.read_bytes()
        st = a.path.stat()
        assert (a.size, a.mtime_ns) == (st.st_size, st.st_mtime_ns)
        assert a.sha256 == hashlib.sha256(data).hexdigest()


def test_list_files_reads_nothing_and_names_docs_like_the_reader(seeds_copy: Path) -> None:
    (seeds_copy / "a" / "b").mkdir(parents=True)
    (seeds_copy / "a" / "b" / "x.txt").write_text("نص", encoding="utf-8")
    files, problems = list_files(seeds_copy)
    assert not problems
    docs = [d for d, _ in files]
    assert docs == sorted(docs) and "a/b/x.txt" in docs
    assert all(p == seeds_copy / d for d, p in files)
