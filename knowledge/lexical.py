"""BM25 over folded text with word bigrams, as a sparse matrix so a query costs one column sum."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from knowledge.syllables import is_syllable
from knowledge.textnorm import lexical_tokens, reference_keys


def index_terms(text: str) -> list[str]:
    """Folded words plus adjacent bigrams ("cay_tre"): Vietnamese words are often two syllables;
    and the documents the text names, by type and number ("17-ct/")."""
    words = lexical_tokens(text)
    bigrams = (f"{a}_{b}" for a, b in itertools.pairwise(words))
    return [*words, *bigrams, *sorted(reference_keys(text))]


class IdfTable(dict[str, float]):
    """Term → IDF weight; `unknown` weighs a word the library lacks (as its rarest word)."""

    def __init__(self, weights: dict[str, float]) -> None:
        super().__init__(weights)
        self.unknown = max(weights.values(), default=5.0)


class LexicalIndex:
    """Okapi BM25 (k1=1.5, b=0.75) with precomputed per-term document weights."""

    def __init__(self, texts: list[str], k1: float = 1.5, b: float = 0.75) -> None:
        self.vocabulary: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        counts: list[int] = []
        lengths = np.zeros(len(texts), dtype=np.float32)
        for row, text in enumerate(texts):
            terms = index_terms(text)
            lengths[row] = len(terms)
            tf: dict[int, int] = {}
            for term in terms:
                col = self.vocabulary.setdefault(term, len(self.vocabulary))
                tf[col] = tf.get(col, 0) + 1
            rows.extend([row] * len(tf))
            cols.extend(tf.keys())
            counts.extend(tf.values())
        n_docs, n_terms = len(texts), len(self.vocabulary)
        tf_matrix = sparse.csr_matrix(
            (np.asarray(counts, dtype=np.float32), (rows, cols)), shape=(n_docs, n_terms)
        )
        df = np.bincount(np.asarray(cols, dtype=np.int64), minlength=n_terms).astype(np.float32)
        idf = np.log1p((n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)
        self.idf = IdfTable({t: float(idf[c]) for t, c in self.vocabulary.items()})
        avg = float(lengths.mean()) if n_docs else 1.0
        norm = k1 * (1 - b + b * lengths / max(avg, 1.0))
        coo = tf_matrix.tocoo()
        tf_values = coo.data
        weights = idf[coo.col] * tf_values * (k1 + 1) / (tf_values + norm[coo.row])
        self._weights = sparse.csc_matrix((weights, (coo.row, coo.col)), shape=(n_docs, n_terms))
        self.size = n_docs

    def scores(self, query: str) -> NDArray[np.float32]:
        ids = sorted({self.vocabulary[t] for t in index_terms(query) if t in self.vocabulary})
        if not ids or self.size == 0:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._weights[:, ids].sum(axis=1), dtype=np.float32).ravel()


class Spelling:
    """Maps a mistyped folded word to a library word one edit away ("nghanh" → "nganh"); a
    well-formed syllable is never a typo."""

    def __init__(self, index: LexicalIndex) -> None:
        self._idf = index.idf
        self._by_delete: dict[str, list[str]] = {}
        for term in index.vocabulary:
            if "_" in term or not term.isalpha() or len(term) < 3:
                continue
            for key in {term, *(term[:i] + term[i + 1 :] for i in range(len(term)))}:
                self._by_delete.setdefault(key, []).append(term)

    def correct(self, word: str) -> str | None:
        """The most common library word within one edit of `word`, or None."""
        if word in self._idf or not word.isalpha() or len(word) < 3:
            return None
        if is_syllable(word):  # a real word the library lacks ("mất") is not a typo
            return None
        keys = {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}
        found = {term for key in keys for term in self._by_delete.get(key, ()) if term != word}
        # The first letter is kept: "phieu" is not a typo of "hieu".
        close = [t for t in found if t[0] == word[0] and _one_edit(word, t)]
        # Lowest idf = most frequent in the library.
        return min(close, key=lambda t: (self._idf.get(t, 99.0), t)) if close else None


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


_MAX_SPELLINGS = 5000  # more partial phrases than this: the letters are too common to tell


def _walk(
    letters: str, words: Iterable[str], neighbours: dict[str, list[str]]
) -> list[tuple[str, ...]] | None:
    """Every chain of library word pairs from one of `words` whose words start with `letters`,
    in the order walked; None when there are none, or too many to tell."""
    paths: list[tuple[str, ...]] = [(word,) for word in words if word[0] == letters[0]]
    for letter in letters[1:]:
        paths = [(*p, w) for p in paths for w in neighbours.get(p[-1], ()) if w[0] == letter]
        if not paths or len(paths) > _MAX_SPELLINGS:
            return None
    return paths


class Acronyms:
    """Reads an abbreviation a member types ("GPMB") as the library's phrase whose syllables
    it initials ("giai phong mat bang"), from the library's word pairs; built on first use."""

    def __init__(self, index: LexicalIndex) -> None:
        self._index = index
        self._next: dict[str, list[str]] | None = None
        self._previous: dict[str, list[str]] | None = None

    def _pairs(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """Each library word's followers and predecessors, from its word pairs."""
        if self._next is None or self._previous is None:
            following: dict[str, list[str]] = {}
            preceding: dict[str, list[str]] = {}
            for term in self._index.vocabulary:
                first, pair, second = term.partition("_")
                if pair and first.isalpha() and second.isalpha():
                    following.setdefault(first, []).append(second)
                    preceding.setdefault(second, []).append(first)
            self._next, self._previous = following, preceding
        return self._next, self._previous

    def phrase(self, letters: str, last: str | None = None) -> str | None:
        """The commonest phrase of the library spelled by `letters` (folded), ending with the
        word `last` when given (then read from its end), or None."""
        following, preceding = self._pairs()
        if last is None:
            paths = _walk(letters, following, following)
        else:
            backwards = _walk(letters[::-1], [last], preceding)
            paths = [path[::-1] for path in backwards] if backwards else None
        if not paths:
            return None
        idf = self._index.idf

        def commonness(path: tuple[str, ...]) -> tuple[float, tuple[str, ...]]:
            rarest = max(idf.get(f"{a}_{b}", idf.unknown) for a, b in itertools.pairwise(path))
            return rarest, path

        return " ".join(min(commonness(path) for path in paths)[1])
