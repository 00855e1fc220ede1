"""Put diacritics back into a query typed without them, from the indexed text itself.

Each folded n-gram (1-3 words) of the library maps to its most frequent accented form, so
"ban sac cay tre" becomes "bản sắc cây tre" exactly as the documents write it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from knowledge.textnorm import fold, nfc

_TOKEN = re.compile(r"\w+(?:[-/]\w+)*|[^\w\s]", re.UNICODE)
MAX_N = 3


class DiacriticRestorer:
    """Corpus-derived restorer: folded n-gram → most frequent accented form."""

    def __init__(self, texts: list[str]) -> None:
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for text in texts:
            words = [w.lower() for w in re.findall(r"\w+", nfc(text))]
            for n in range(1, MAX_N + 1):
                for i in range(len(words) - n + 1):
                    gram = " ".join(words[i : i + n])
                    counts[fold(gram)][gram] += 1
        self._best = {key: forms.most_common(1)[0][0] for key, forms in counts.items()}

    def known(self, folded_word: str) -> bool:
        return folded_word in self._best

    def restore(self, query: str) -> str:
        """Restore words typed without diacritics; words typed with them are left alone."""
        tokens = _TOKEN.findall(nfc(query))
        out: list[str] = []
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if not token[0].isalnum() or fold(token) != token.lower():
                out.append(token)
                i += 1
                continue
            for n in range(MAX_N, 0, -1):
                window = tokens[i : i + n]
                if len(window) < n or not all(
                    t[0].isalnum() and fold(t) == t.lower() for t in window
                ):
                    continue
                form = self._best.get(" ".join(t.lower() for t in window))
                if form is not None:
                    out.extend(form.split())
                    i += n
                    break
            else:
                out.append(token)
                i += 1
        return _detokenize(out)


def _detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    return re.sub(r"\s+([,.;:!?)])", r"\1", text)
