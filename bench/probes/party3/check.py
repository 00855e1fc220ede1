"""Standalone consistency check for the party3 held-out probe set.

    /work/main/.venv/bin/python check.py      (python-docx needed for the .docx)

Checks:
  * questions.json has the agreed shape: 40 answerable + 10 unanswerable,
    ids p3-01..p3-50, 6-8 answerable questions per document, 1-3 must phrases;
  * every must phrase occurs in its document's folded text and NOT in the
    folded question;
  * for each unanswerable question, the key facts listed below are absent
    from all six documents (printed);
  * counts (answerable / unanswerable / without diacritics).

Folding: Unicode NFD, drop combining marks, đ/Đ -> d, lowercase, collapse
whitespace runs to one space. Punctuation is NOT removed.
"""
import json
import pathlib
import re
import sys
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
DOCS_DIR = HERE / "docs"

# key facts whose absence makes each unanswerable question unanswerable
# (checked, folded, against every document in docs/)
KEY_FACTS_ABSENT = {
    "p3-41": ["95 năm", "95 nam"],                                   # plan is for the 90th anniversary only
    "p3-42": ["Quảng Trị"],                                          # no Quảng Trị document
    "p3-43": ["06-CT/TU"],                                           # Cần Thơ directive is 05-CT/TU
    "p3-44": ["lần thứ XII"],                                        # Tiền Giang resolution is of the XIth congress
    "p3-45": ["đảng viên không hoàn thành", "đảng viên bị xếp loại không"],
    "p3-46": ["T/M BAN THƯỜNG VỤ", "Bí thư Thành ủy", "Phó Bí thư Thường trực Thành ủy"],
    "p3-47": ["kinh phí", "tỷ đồng kỷ niệm"],
    "p3-48": ["Ngọc Hiển"],
    "p3-49": ["Tổng Bí thư"],
    "p3-50": ["đảng phí"],
}
# p3-45: the only "Không hoàn thành nhiệm vụ" figure (09, 6,12%) is about chi bộ;
# the party-member breakdown is cut off after "Hoàn thành xuất sắc nhiệm vụ 249".
SPECIAL = {
    "p3-45": ("e6", "ket qua xep loai dang vien", "khong hoan thanh"),  # (doc, after this, must not appear)
}


def fold(s: str) -> str:
    s = unicodedata.normalize("NFD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("đ", "d").replace("Đ", "D").lower()
    return re.sub(r"\s+", " ", s).strip()


def has_diacritics(s: str) -> bool:
    n = unicodedata.normalize("NFD", s)
    return any(unicodedata.combining(ch) for ch in n) or "đ" in s.lower()


def read_doc(path: pathlib.Path) -> str:
    if path.suffix == ".txt":
        return path.read_text(encoding="utf-8")
    if path.suffix == ".docx":
        from docx import Document
        d = Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                for cell in row.cells:
                    parts.append(cell.text)
        return "\n".join(parts)
    raise ValueError(path)


def main() -> int:
    errors = []
    files = sorted(p for p in DOCS_DIR.iterdir() if p.suffix in (".txt", ".docx"))
    docs = {}
    for p in files:
        key = p.name.split("_", 1)[0]
        if key in docs:
            errors.append(f"document prefix {key} used twice")
        docs[key] = fold(read_doc(p))
    print("documents:")
    for p in files:
        print(f"  {p.name:32s} {len(read_doc(p)):6d} chars")
    if len(docs) != 6:
        errors.append(f"expected 6 documents, found {len(docs)}")

    data = json.loads((HERE / "questions.json").read_text(encoding="utf-8"))
    if set(data) != {"about", "questions"}:
        errors.append(f"top-level keys {sorted(data)}")
    qs = data["questions"]
    want_keys = {"id", "q", "answerable", "must", "docs", "type"}
    types = {"who", "when", "number", "where", "list", "definition", "purpose", "document", "what"}
    per_doc = {}
    ans = [q for q in qs if q["answerable"]]
    una = [q for q in qs if not q["answerable"]]
    for i, q in enumerate(qs, 1):
        if set(q) != want_keys:
            errors.append(f"{q.get('id')}: keys {sorted(q)}")
        if q["id"] != f"p3-{i:02d}":
            errors.append(f"id {q['id']} at position {i}")
        if q["type"] not in types:
            errors.append(f"{q['id']}: type {q['type']}")
        fq = fold(q["q"])
        if q["answerable"]:
            if len(q["docs"]) != 1 or q["docs"][0] not in docs:
                errors.append(f"{q['id']}: docs {q['docs']}")
                continue
            if not 1 <= len(q["must"]) <= 3:
                errors.append(f"{q['id']}: {len(q['must'])} must phrases")
            per_doc[q["docs"][0]] = per_doc.get(q["docs"][0], 0) + 1
            for m in q["must"]:
                fm = fold(m)
                if fm not in docs[q["docs"][0]]:
                    errors.append(f"{q['id']}: must {m!r} not in {q['docs'][0]}")
                if fm in fq:
                    errors.append(f"{q['id']}: must {m!r} occurs in the question")
        else:
            if q["must"] or q["docs"]:
                errors.append(f"{q['id']}: unanswerable with must/docs")

    print("\nunanswerable questions, key facts checked absent from all six documents:")
    for q in una:
        facts = KEY_FACTS_ABSENT.get(q["id"])
        if not facts:
            errors.append(f"{q['id']}: no key facts listed")
            continue
        found = [(f, k) for f in facts for k, t in docs.items() if fold(f) in t]
        status = "absent" if not found else f"FOUND {found}"
        print(f"  {q['id']}: {', '.join(repr(f) for f in facts)} -> {status}")
        if found:
            errors.append(f"{q['id']}: key fact present {found}")
        if q["id"] in SPECIAL:
            dk, after, bad = SPECIAL[q["id"]]
            tail = docs[dk].split(after, 1)[1] if after in docs[dk] else ""
            ok = bool(tail) and bad not in tail
            print(f"         {dk}: {bad!r} absent after {after!r} -> {'absent' if ok else 'PROBLEM'}")
            if not ok:
                errors.append(f"{q['id']}: special check failed")

    for k in sorted(docs):
        n = per_doc.get(k, 0)
        if not 6 <= n <= 8:
            errors.append(f"{k}: {n} answerable questions (want 6-8)")
    if len(ans) != 40 or len(una) != 10:
        errors.append(f"counts {len(ans)} answerable / {len(una)} unanswerable")

    nd_a = sum(not has_diacritics(q["q"]) for q in ans)
    nd_u = sum(not has_diacritics(q["q"]) for q in una)
    print(f"\nanswerable per document: {dict(sorted(per_doc.items()))}")
    print(f"answerable: {len(ans)} (without diacritics: {nd_a})")
    print(f"unanswerable: {len(una)} (without diacritics: {nd_u})")
    print(f"total without diacritics: {nd_a + nd_u}/{len(qs)} = {100 * (nd_a + nd_u) / len(qs):.0f}%")
    print(f"must phrases: {sum(len(q['must']) for q in ans)}")

    if errors:
        print("\nFAILED:")
        for e in errors:
            print("  " + e)
        return 1
    print("\nOK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
