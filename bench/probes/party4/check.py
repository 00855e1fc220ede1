"""Standalone consistency check for the party4 probe set.

Run: /work/main/.venv/bin/python bench/probes/party4/check.py
Reads docs/*.txt directly, .docx via python-docx (paragraphs + table cells),
.pdf via pypdf extract_text(). Exits non-zero on the first failed assertion.
"""

import json
import pathlib
import re
import sys
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
DOCS = HERE / "docs"

N_ANSWERABLE = 36
N_UNANSWERABLE = 10
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

# Key missing fact of each unanswerable question: regexes over the folded text
# (see fold()). None of them may match any of the six documents.
ABSENT = {
    # signer of HD 20-HD/BTCTW: the stored copy stops before the signature block
    "p4-37": [r"\btruong ban\b", r"\bt m ban\b", r"\bk t truong ban\b", r"\bnguoi ky\b"],
    # grading levels of HD 20: cut off before that part
    "p4-38": [
        r"\btrong sach vung manh\b",
        r"\bhoan thanh tot nhiem vu\b",
        r"\byeu kem\b",
        r"\bhoan thanh xuat sac\b",
    ],
    # a district no document names
    "p4-39": [r"\bhong dan\b"],
    # signer / signing date / full number of Bac Lieu's Chi thi 30
    "p4-40": [
        r"\b30 ct tu\b",
        r"\bchi thi so 30\b",
        r"\bbi thu tinh uy\b",
        r"\bt m ban thuong vu\b",
    ],
    # number of branches holding congresses in Cang Long
    "p4-41": [r"\b\d+ chi bo\b", r"\bchi bo \d+\b"],
    # budget of Lao Cai KH 34 (cut off)
    "p4-42": [r"\bkinh phi\b", r"\btrieu dong\b", r"\bngan sach\b"],
    # amount of the first prize (not stated)
    "p4-43": [r"\bgiai nhat\b", r"\btrieu dong\b", r"\bnghin dong\b", r"\b000 dong\b"],
    # participation figures in Binh Son (not stated)
    "p4-44": [
        r"\bty le\b",
        r"\bphan tram\b",
        r"\bluot\b",
        r"\b\d+ (can bo|dang vien) (da )?tham gia\b",
    ],
    # a plan number and a province no document names
    "p4-45": [r"\b145 kh tu\b", r"\bquang tri\b"],
    # general knowledge: founding date of the Party
    "p4-46": [r"\b1930\b", r"\bthanh lap dang\b", r"\b3 2 1930\b"],
}


def fold(s: str) -> str:
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("đ", "d").replace("Đ", "D").lower()
    return re.sub(r"[^0-9a-z]+", " ", s).strip()


def read_doc(path: pathlib.Path) -> str:
    if path.suffix == ".txt":
        return path.read_text(encoding="utf-8")
    if path.suffix == ".docx":
        import docx

        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                for cell in row.cells:
                    parts.append(cell.text)
        return "\n".join(parts)
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        return "\n".join(p.extract_text() or "" for p in PdfReader(str(path)).pages)
    raise ValueError(f"unsupported file {path}")


def main() -> int:
    files = sorted(p for p in DOCS.iterdir() if p.is_file())
    docs = {}
    for p in files:
        m = re.match(r"(d\d+)_", p.name)
        assert m, f"bad file name {p.name}"
        assert m.group(1) not in docs, f"two files for {m.group(1)}"
        docs[m.group(1)] = (p, fold(read_doc(p)))
    assert sorted(docs) == [f"d{i}" for i in range(1, 7)], sorted(docs)
    exts = sorted(p.suffix for p, _ in docs.values())
    assert exts == [".docx", ".pdf", ".txt", ".txt", ".txt", ".txt"], exts
    for key, (p, txt) in sorted(docs.items()):
        print(f"{key}: {p.name}: {len(txt)} folded chars")

    data = json.loads((HERE / "questions.json").read_text(encoding="utf-8"))
    assert set(data) == {"about", "questions"}, set(data)
    qs = data["questions"]
    ids = [q["id"] for q in qs]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert all(re.fullmatch(r"p4-\d\d", i) for i in ids), ids
    ans = [q for q in qs if q["answerable"]]
    una = [q for q in qs if not q["answerable"]]
    assert len(ans) == N_ANSWERABLE, len(ans)
    assert len(una) == N_UNANSWERABLE, len(una)

    used = {}
    for q in qs:
        assert set(q) == {"id", "q", "answerable", "must", "docs", "type"}, q["id"]
        assert q["type"] in TYPES, (q["id"], q["type"])
        fq = fold(q["q"])
        if q["answerable"]:
            assert q["type"] != "unanswerable", q["id"]
            assert 1 <= len(q["must"]) <= 3, q["id"]
            assert q["docs"] and all(d in docs for d in q["docs"]), q["id"]
            for d in q["docs"]:
                used[d] = used.get(d, 0) + 1
            for phrase in q["must"]:
                fp = fold(phrase)
                # words of the phrase as written (tokens that are only punctuation,
                # such as "–", do not count)
                n_words = len([w for w in phrase.split() if fold(w)])
                assert 2 <= n_words <= 6, (q["id"], phrase, n_words)
                hit = [d for d in q["docs"] if f" {fp} " in f" {docs[d][1]} "]
                assert hit, f"{q['id']}: must {phrase!r} not in folded {q['docs']}"
                assert f" {fp} " not in f" {fq} ", f"{q['id']}: must {phrase!r} is in the question"
        else:
            assert q["type"] == "unanswerable" and q["must"] == [] and q["docs"] == [], q["id"]
            assert q["id"] in ABSENT, f"{q['id']}: no ABSENT entry"
            for pat in ABSENT[q["id"]]:
                for p, txt in docs.values():
                    assert not re.search(pat, txt), f"{q['id']}: {pat!r} found in {p.name}"
    assert set(ABSENT) == {q["id"] for q in una}, "ABSENT keys differ from unanswerable ids"
    assert sorted(used) == sorted(docs), f"documents without questions: {set(docs) - set(used)}"
    for d, n in sorted(used.items()):
        assert 5 <= n <= 8, (d, n)

    plain = sum(1 for q in qs if all(ord(c) < 128 for c in q["q"]))
    types = {}
    for q in qs:
        types[q["type"]] = types.get(q["type"], 0) + 1
    print(f"questions: {len(qs)} ({len(ans)} answerable, {len(una)} unanswerable)")
    print("per document:", ", ".join(f"{d}={n}" for d, n in sorted(used.items())))
    print("types:", ", ".join(f"{t}={n}" for t, n in sorted(types.items())))
    print(f"without diacritics: {plain}/{len(qs)} ({100 * plain / len(qs):.0f}%)")
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
