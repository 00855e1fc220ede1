#!/usr/bin/env python3
"""Standalone checker for the seed4 blind probe set (stdlib only).

Checks: exactly 40 answerable + 10 unanswerable questions, unique ids, valid
types, and that every "must" phrase (or one alternative of a nested list)
occurs as whole words in the folded text of at least one document listed in
"docs", while no phrase/alternative occurs in the folded question.
Folding = NFD, drop combining marks, đ/Đ -> d, lowercase, collapse every run of
non-alphanumeric characters to one space.
"""

import collections
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "..", "knowledge", "corpus"))
TYPES = {
    "who",
    "when",
    "how_many",
    "where",
    "list",
    "definition",
    "why",
    "document",
    "other",
    "unanswerable",
}


def strip_marks(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("đ", "d").replace("Đ", "D")


def fold(s):
    return re.sub(r"[^0-9a-z]+", " ", strip_marks(s).lower()).strip()


def has_diacritics(s):
    return strip_marks(s) != s


def load_docs():
    docs = {}
    for name in sorted(os.listdir(CORPUS)):
        if name.endswith(".txt"):
            with open(os.path.join(CORPUS, name), encoding="utf-8") as f:
                docs[name[:3]] = " " + fold(f.read()) + " "
    return docs


def main():
    with open(os.path.join(HERE, "questions.json"), encoding="utf-8") as f:
        data = json.load(f)
    assert isinstance(data.get("about"), str) and data["about"].strip(), "missing about"
    qs = data["questions"]
    docs = load_docs()
    errors = []
    ids = [q["id"] for q in qs]
    dup = [i for i, n in collections.Counter(ids).items() if n > 1]
    if dup:
        errors.append(f"duplicate ids: {dup}")
    ans = [q for q in qs if q["answerable"]]
    una = [q for q in qs if not q["answerable"]]
    if len(ans) != 40:
        errors.append(f"answerable count {len(ans)} != 40")
    if len(una) != 10:
        errors.append(f"unanswerable count {len(una)} != 10")
    per_doc = collections.Counter()
    for q in qs:
        qid = q["id"]
        if q["type"] not in TYPES:
            errors.append(f"{qid}: bad type {q['type']}")
        fq = " " + fold(q["q"]) + " "
        if not q["answerable"]:
            if q["must"] or q["docs"] or q["type"] != "unanswerable":
                errors.append(
                    f"{qid}: unanswerable must have empty must/docs and type unanswerable"
                )
            continue
        if q["type"] == "unanswerable":
            errors.append(f"{qid}: answerable question typed unanswerable")
        if not (1 <= len(q["must"]) <= 3):
            errors.append(f"{qid}: must has {len(q['must'])} items")
        if not q["docs"]:
            errors.append(f"{qid}: no docs")
        for d in q["docs"]:
            if d not in docs:
                errors.append(f"{qid}: unknown doc {d}")
        per_doc[q["docs"][0]] += 1
        for item in q["must"]:
            alts = item if isinstance(item, list) else [item]
            found = False
            for p in alts:
                fp = fold(p)
                if fp != p:
                    errors.append(f"{qid}: phrase not in folded form: {p!r}")
                if not (2 <= len(fp.split()) <= 6):
                    errors.append(f"{qid}: phrase length {len(fp.split())} words: {p!r}")
                if fp in fq:
                    errors.append(f"{qid}: phrase occurs in question: {p!r}")
                if any(" " + fp + " " in docs.get(d, "") for d in q["docs"]):
                    found = True
            if not found:
                errors.append(f"{qid}: must item not found in docs {q['docs']}: {item!r}")
    no_diac = sum(1 for q in qs if not has_diacritics(q["q"]))
    types = collections.Counter(q["type"] for q in qs)
    print(f"questions: {len(qs)}  answerable: {len(ans)}  unanswerable: {len(una)}")
    print(f"unique ids: {len(set(ids))}")
    print(
        f"without diacritics: {no_diac}/{len(qs)} "
        f"(answerable {sum(1 for q in ans if not has_diacritics(q['q']))}, "
        f"unanswerable {sum(1 for q in una if not has_diacritics(q['q']))})"
    )
    print("answerable per primary doc: " + ", ".join(f"{d}={per_doc[d]}" for d in sorted(docs)))
    print("types: " + ", ".join(f"{t}={n}" for t, n in sorted(types.items())))
    if errors:
        print(f"FAIL: {len(errors)} problem(s)")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("OK: all checks passed")


if __name__ == "__main__":
    main()
