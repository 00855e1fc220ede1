"""Standalone check of bench/probes/party2/questions.json against docs/.

Folding (same as the bench's comparison): Unicode NFD, drop combining marks,
đ/Đ -> d, lowercase, every non-alphanumeric run -> one space, strip.

Asserts:
  * ids unique; 45 answerable, 12 unanswerable; every doc in docs/ is used;
  * answerable: 1-3 must phrases of 2-6 words, each in the folded text of its doc
    (.txt read directly, .docx via python-docx paragraphs + tables, .pdf via pypdf)
    and NOT in the folded question; 6-10 questions per doc;
  * unanswerable: must == [] and docs == []; the near-miss key facts listed in
    ABSENT below occur in none of the documents (or not in the named one).
Prints counts (incl. how many questions are typed without diacritics).
Run: /work/main/.venv/bin/python bench/probes/party2/check.py
"""

import json
import os
import re
import sys
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")


def fold(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("đ", "d").replace("Đ", "D").lower()
    s = re.sub(r"[^0-9a-z]+", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def has_diacritics(s):
    nfd = unicodedata.normalize("NFD", s)
    return any(unicodedata.combining(c) for c in nfd) or "đ" in s or "Đ" in s


def read_doc(path):
    if path.endswith(".txt"):
        with open(path, encoding="utf-8") as f:
            return f.read()
    if path.endswith(".docx"):
        from docx import Document

        d = Document(path)
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                for cell in row.cells:
                    parts.append(cell.text)
        return "\n".join(parts)
    if path.endswith(".pdf"):
        from pypdf import PdfReader

        return "\n".join((p.extract_text() or "") for p in PdfReader(path).pages)
    raise ValueError(path)


# key facts of each unanswerable question that must NOT be in the documents
# (doc=None: all documents; otherwise only the named one). "re:" = regex on folded text.
ABSENT = {
    "p2-46": [
        ("d4_yenbai_ct17.txt", "2018"),
        ("d4_yenbai_ct17.txt", "2019"),
        ("d4_yenbai_ct17.txt", "2020"),
        ("d4_yenbai_ct17.txt", "re:17 ct tu"),
    ],
    "p2-47": [("d1_labang_kh09.txt", "bi thu"), ("d1_labang_kh09.txt", "t m")],
    "p2-48": [
        ("d6_gialai_kh1798.pdf", "kinh phi"),
        ("d6_gialai_kh1798.pdf", "ngan sach"),
        ("d6_gialai_kh1798.pdf", "trieu dong"),
    ],
    "p2-49": [(None, "quang tri")],
    "p2-50": [("d3_ninhthuan_nq10.txt", "2021"), ("d3_ninhthuan_nq10.txt", "2025")],
    "p2-51": [(None, "25 hd btctw"), (None, "2023")],
    "p2-52": [("d1_labang_kh09.txt", r"re:\d+ dang vien")],
    "p2-53": [("d6_gialai_kh1798.pdf", "2023"), (None, "nam 2023")],
    "p2-54": [(None, "lan thu tam")],
    "p2-55": [("d4_yenbai_ct17.txt", "t m ban bi thu"), ("d4_yenbai_ct17.txt", "ky")],
    "p2-56": [(None, "tong bi thu")],
    "p2-57": [(None, "tuoi")],
}


def main():
    with open(os.path.join(HERE, "questions.json"), encoding="utf-8") as file:
        qs = json.load(file)["questions"]
    names = sorted(os.listdir(DOCS))
    # questions name a document by its file name's prefix ("d1"), as the other probe sets do
    texts = {n.split("_")[0]: fold(read_doc(os.path.join(DOCS, n))) for n in names}
    errors = []
    ids = [q["id"] for q in qs]
    if len(ids) != len(set(ids)):
        errors.append("duplicate ids")
    ans = [q for q in qs if q["answerable"]]
    una = [q for q in qs if not q["answerable"]]
    per_doc = Counter()
    for q in qs:
        for k in ("id", "q", "answerable", "must", "docs", "type"):
            if k not in q:
                errors.append(f"{q.get('id')}: missing key {k}")
        if q["type"] not in (
            "who",
            "when",
            "number",
            "where",
            "list",
            "definition",
            "purpose",
            "document",
            "what",
        ):
            errors.append(f"{q['id']}: bad type {q['type']}")
    for q in ans:
        fq = fold(q["q"])
        if not (1 <= len(q["must"]) <= 3):
            errors.append(f"{q['id']}: {len(q['must'])} must phrases")
        if len(q["docs"]) != 1 or q["docs"][0] not in texts:
            errors.append(f"{q['id']}: bad docs {q['docs']}")
            continue
        doc = q["docs"][0]
        per_doc[doc] += 1
        for m in q["must"]:
            # a must phrase is written as the document's text folds in bench/answers.py
            # (punctuation kept, "27/11/2019"); this check folds punctuation away on both sides
            fm = fold(m)
            if not (2 <= len(fm.split()) <= 6):
                errors.append(f"{q['id']}: must '{m}' has {len(fm.split())} words")
            if f" {fm} " not in f" {texts[doc]} ":
                errors.append(f"{q['id']}: must '{m}' NOT in {doc}")
            if f" {fm} " in f" {fq} ":
                errors.append(f"{q['id']}: must '{m}' occurs in the question")
    for q in una:
        if q["must"] or q["docs"]:
            errors.append(f"{q['id']}: unanswerable with must/docs")
        for doc, phrase in ABSENT.get(q["id"], []):
            targets = [doc.split("_")[0]] if doc else list(texts)
            for n in targets:
                t = f" {texts[n]} "
                hit = re.search(phrase[3:], t) if phrase.startswith("re:") else f" {phrase} " in t
                if hit:
                    errors.append(f"{q['id']}: key fact '{phrase}' found in {n}")
        if q["id"] not in ABSENT:
            errors.append(f"{q['id']}: no absence check listed")
    for n in texts:
        if not (6 <= per_doc[n] <= 10):
            errors.append(f"{n}: {per_doc[n]} answerable questions (want 6-10)")
    if len(ans) != 45 or len(una) != 12:
        errors.append(f"counts {len(ans)} answerable / {len(una)} unanswerable")

    nd_ans = sum(not has_diacritics(q["q"]) for q in ans)
    nd_una = sum(not has_diacritics(q["q"]) for q in una)
    print(f"documents: {len(names)}")
    for n in texts:
        print(f"  {n}: {len(texts[n])} folded chars, {per_doc[n]} answerable questions")
    print(f"answerable: {len(ans)} ({nd_ans} without diacritics, {100 * nd_ans / len(ans):.0f}%)")
    print(f"unanswerable: {len(una)} ({nd_una} without diacritics)")
    print("types:", dict(Counter(q["type"] for q in qs)))
    if errors:
        print("FAIL")
        for e in errors:
            print("  -", e)
        sys.exit(1)
    print("OK: all checks passed")


if __name__ == "__main__":
    main()
