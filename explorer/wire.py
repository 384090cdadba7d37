"""Wire copies: the same agency story reprinted by several outlets, found by near-duplicate
detection (MinHash over word shingles, banded for locality-sensitive hashing).

An article's *sketch* is the MinHash (``datasketch``) of its 3-word shingles, the words
folded as the full-text index folds them (``explorer.query.fold_words``: hamza seats, alif
maqsura, ta marbuta, diacritics), so two copies differing only in spelling variants share
their shingles. Two articles are copies when their sketches agree on at least ``THRESHOLD``
of their values (the estimated Jaccard similarity of their shingle sets): outlets' own
headers, datelines, footers and small edits leave a copy well above it, another story on the
same topic well below. The sketch is cut into ``bands`` (datasketch's ``MinHashLSH``
parameters for the threshold); copies share a band with high probability, so the index
compares an article with the few articles sharing one of its band keys only.

Groups are connected components of the "copies" relation: an article joins every group one
of its copies is in (merging them). ``WireGroups`` does it in memory (``CorpusIndex``); the
SQLite index does it as articles are stored (``explorer.index.writer``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import islice

import numpy as np
from datasketch import MinHash, MinHashLSH

from explorer.query import fold_words

#: Values in a sketch.
NUM_PERM = 128
#: The estimated Jaccard similarity of two copies' shingle sets, at least.
THRESHOLD = 0.5
#: Words per shingle.
SHINGLE = 3
#: Articles with fewer words are never copies (a short notice is alike in every outlet).
MIN_WORDS = 25
#: Only an article's first words are sketched: a huge article's copies share them too, and
#: time and memory stay bounded (datasketch hashes a batch as one array of NUM_PERM columns).
MAX_WORDS = 5_000
_BATCH = 1024
_WORD = re.compile(r"\S+")
_SEED = 1
_SCHEME = "affine32"  # datasketch 2's permutations (values below 2**32); the index keeps them
_DTYPE = np.dtype("<u4")  # MinHash values are below 2**32: stored in 4 bytes each


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    made = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME).permutations
    return made[0], made[1]


@cache
def bands() -> tuple[int, int]:
    """(bands, rows per band) for ``THRESHOLD`` and ``NUM_PERM`` (datasketch's choice)."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return int(lsh.b), int(lsh.r)


def shingles(words: Sequence[str]) -> set[bytes]:
    """The article's 3-word shingles (its words already folded)."""
    if len(words) < SHINGLE:
        return {" ".join(words).encode()}
    return {" ".join(words[i:i + SHINGLE]).encode()
            for i in range(len(words) - SHINGLE + 1)}


def sketch_words(words: Sequence[str]) -> bytes | None:
    """The sketch of an article of these folded words (None: too short to be a copy)."""
    if len(words) < MIN_WORDS:
        return None
    m = MinHash(num_perm=NUM_PERM, seed=_SEED, permutations=_permutations(), scheme=_SCHEME)
    found = list(shingles(words[:MAX_WORDS]))
    for i in range(0, len(found), _BATCH):
        m.update_batch(found[i:i + _BATCH])
    return bytes(m.hashvalues.astype(_DTYPE).tobytes())


def sketch_text(texts: Iterable[str]) -> bytes | None:
    """The sketch of an article whose passages are ``texts``."""
    words: list[str] = []
    for t in texts:
        words += fold_words(t)
        if len(words) >= MAX_WORDS:
            break
    return sketch_words(words)


def sketch_folded(passages: Iterable[str]) -> bytes | None:
    """The sketch from the passages' folded words as the full-text index stores them
    (space-separated, see ``explorer.index.writer.passage_words``)."""
    words: list[str] = []
    for p in passages:  # word by word: a passage may be a whole megabyte
        words += (m.group() for m in islice(_WORD.finditer(p), MAX_WORDS - len(words)))
        if len(words) >= MAX_WORDS:
            break
    return sketch_words(words)


def similarity(a: bytes, b: bytes) -> float:
    """The estimated Jaccard similarity of two sketches' shingle sets."""
    va = np.frombuffer(a, dtype=_DTYPE)
    vb = np.frombuffer(b, dtype=_DTYPE)
    if va.shape != vb.shape:
        return 0.0
    return float(np.count_nonzero(va == vb)) / len(va)


def band_keys(sketch: bytes) -> list[int]:
    """The sketch's band keys (signed 64-bit, as SQLite stores integers): two copies share
    one with high probability."""
    b, r = bands()
    width = r * _DTYPE.itemsize
    out = []
    for i in range(b):
        h = hashlib.blake2b(sketch[i * width:(i + 1) * width], digest_size=8,
                            person=i.to_bytes(4, "little"))
        out.append(int.from_bytes(h.digest(), "little", signed=True))
    return out


class WireGroups:
    """Groups of copies made in memory, articles added one by one."""

    def __init__(self) -> None:
        self._sketches: dict[str, bytes] = {}
        self._buckets: dict[int, list[str]] = {}
        self._group: dict[str, int] = {}  # doc -> group number
        self._next = 0

    def add(self, doc: str, sketch: bytes | None) -> None:
        if sketch is None:
            return
        keys = band_keys(sketch)
        found: set[int] = set()
        for k in keys:
            for other in self._buckets.get(k, ()):
                g = self._group[other]
                if g not in found and similarity(sketch, self._sketches[other]) >= THRESHOLD:
                    found.add(g)
        self._sketches[doc] = sketch
        for k in keys:
            self._buckets.setdefault(k, []).append(doc)
        if not found:
            self._group[doc] = self._next
            self._next += 1
            return
        gid = min(found)
        for d, g in self._group.items():
            if g in found:
                self._group[d] = gid
        self._group[doc] = gid

    def groups(self) -> dict[str, tuple[str, ...]]:
        """Each doc in a group of two or more: the group's docs, in file order."""
        members: dict[int, list[str]] = {}
        for d, g in self._group.items():
            members.setdefault(g, []).append(d)
        return {d: tuple(sorted(ms)) for ms in members.values() if len(ms) > 1 for d in ms}


__all__ = ["MAX_WORDS", "MIN_WORDS", "NUM_PERM", "THRESHOLD", "WireGroups", "band_keys", "bands",
           "similarity", "sketch_folded", "sketch_text", "sketch_words"]
