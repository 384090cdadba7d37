"""From a folder to an index: read the corpus, load the gazetteer, geoparse every article."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from explorer.article import Problem
from explorer.corpus import DEFAULT_MAX_BYTES, read_corpus
from explorer.index import CorpusIndex
from gazetteer import Geoparser, load_geoparser


def gazetteer_problems(geoparser: Geoparser) -> list[Problem]:
    return [Problem(path, msg, line) for path, line, msg in geoparser.gaz.errors]


def open_corpus(
    corpus_dir: Path,
    gazetteer_files: Sequence[Path] = (),
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    geoparser: Geoparser | None = None,
) -> CorpusIndex:
    """Read ``corpus_dir``, geoparse it, and index the result.

    Problems with files (unreadable articles, bad gazetteer YAML) are collected in
    ``index.corpus.problems``; they never stop the rest of the work.
    """
    corpus = read_corpus(Path(corpus_dir), max_bytes=max_bytes)
    geoparser = geoparser or load_geoparser(gazetteer_files)
    corpus.problems.extend(gazetteer_problems(geoparser))
    return CorpusIndex.build(corpus, geoparser, countries=geoparser.gaz.countries)
