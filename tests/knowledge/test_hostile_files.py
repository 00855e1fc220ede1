"""Hostile files: zip and XML bombs, encrypted PDFs, odd folder entries. One line, nothing added.

The bombs are small here (limits set low through ParseLimits / settings); the full-size ones
(1.5 GB parts, millions of paragraphs) are measured by bench/bombs.py.
"""

from __future__ import annotations

import io
import os
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.texts.knowledge import describe
from knowledge.library import Library
from knowledge.limits import ParseLimits
from knowledge.loaders import load_text
from knowledge.types import KnowledgeError
from tests.auxil.documents import (
    DUC_TRONG_PLAN,
    SECRET,
    lying_sizes,
    pdf_bytes,
    plan_docx,
    repack,
    with_document_xml,
)
from tests.auxil.services import library_in

LIMIT = 20 * 2**20
SMALL = ParseLimits(
    docx_max_entries=40,
    docx_max_unzipped_mb=4,
    docx_max_ratio=50.0,
    docx_max_xml_elements=40_000,
    docx_max_paragraphs=200,
)


# --- building hostile .docx files ------------------------------------------------------------


def bombs() -> Iterator[tuple[str, bytes, str]]:
    """(file name, bytes, words the refusal must contain) for each hostile .docx."""
    zeros = b"\0" * (6 * 2**20)
    yield "laughs.docx", with_document_xml("billion-laughs"), "DTD"
    yield "unzip-total.docx", repack(plan_docx(), word__media__pad=zeros), "giải nén quá lớn"
    yield "ratio.docx", repack(plan_docx(), word__media__pad=zeros[: 2 * 2**20]), "tỉ lệ"
    big_part = repack(plan_docx(), word__media__pad=os.urandom(64) * 40_000)
    yield "lying.docx", lying_sizes(big_part, "word/media/pad", 1000), "khai sai kích thước"
    many = {f"word__media__p{i}": b"x" for i in range(50)}
    yield "parts.docx", repack(plan_docx(), **many), "quá nhiều thành phần"
    yield "paragraphs.docx", plan_docx(paragraphs=300), "quá nhiều đoạn văn"
    runs = b"<w:r><w:t>x</w:t></w:r>" * 25_000
    xml_name = "word/document.xml"
    xml = zipfile.ZipFile(io.BytesIO(plan_docx())).read(xml_name)
    crowded = xml.replace(b"<w:body>", b"<w:body><w:p>" + runs + b"</w:p>", 1)
    yield "elements.docx", repack(plan_docx(), {"word/document.xml": crowded}), "phần tử XML"
    # The bomb hides in the first of two parts with one name (readers differ on which wins).
    benign = {"word__document.xml": zipfile.ZipFile(io.BytesIO(plan_docx())).read(xml_name)}
    with warnings.catch_warnings():  # zipfile warns: a repeated name is the trick itself
        warnings.simplefilter("ignore")
        hidden = repack(with_document_xml("billion-laughs"), **benign)
    yield "repeated-part.docx", hidden, "DTD"


BOMBS = list(bombs())


# --- .docx bombs ------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "data", "words"), BOMBS, ids=[b[0] for b in BOMBS])
def test_docx_bomb_is_refused_with_one_line(name: str, data: bytes, words: str) -> None:
    assert len(data) < LIMIT  # every one of them passes the upload size check
    with pytest.raises(KnowledgeError) as caught:
        load_text(data, name, LIMIT, SMALL)
    message = describe(caught.value)
    assert words in message and name in message and "\n" not in message


def test_plan_docx_within_the_same_limits_is_read() -> None:
    text = load_text(plan_docx(paragraphs=20), "kh55.docx", LIMIT, SMALL)
    assert "sao đen" in text and "Đoạn bổ sung số 19." in text


def test_external_entity_is_refused_and_the_file_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_text(with_document_xml(str(secret)), "xxe.docx", LIMIT)
    assert "DTD" in describe(caught.value) and "hoa-sen" not in describe(caught.value)


def test_parsing_over_the_time_limit_is_killed() -> None:
    with pytest.raises(KnowledgeError) as caught:
        load_text(plan_docx(), "cham.docx", LIMIT, ParseLimits(timeout_s=0.01))
    assert "giây" in describe(caught.value) and "\n" not in describe(caught.value)


def test_parsing_over_the_memory_limit_is_stopped() -> None:
    # 200,000 paragraphs pass the counts allowed here, but their XML tree needs > 128 MB.
    generous = ParseLimits(memory_mb=128, docx_max_paragraphs=10**6)
    xml = zipfile.ZipFile(io.BytesIO(plan_docx())).read("word/document.xml")
    paragraphs = b"".join(b"<w:p><w:r><w:t>%d</w:t></w:r></w:p>" % i for i in range(200_000))
    heavy = repack(
        plan_docx(), {"word/document.xml": xml.replace(b"<w:body>", b"<w:body>" + paragraphs)}
    )
    with pytest.raises(KnowledgeError) as caught:
        load_text(heavy, "nang.docx", LIMIT, generous)
    assert "bộ nhớ" in describe(caught.value) and "\n" not in describe(caught.value)


def test_too_much_text_is_refused() -> None:
    with pytest.raises(KnowledgeError) as caught:
        load_text(
            (DUC_TRONG_PLAN * 40).encode(), "dai.txt", LIMIT, ParseLimits(max_text_chars=10_000)
        )
    assert "quá dài" in describe(caught.value)


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """A library with the plan in it and low limits, configured through settings."""
    library = library_in(
        tmp_path_factory.mktemp("guarded"),
        docx_max_entries=40,
        docx_max_unzipped_mb=4,
        docx_max_ratio=50.0,
        docx_max_xml_elements=40_000,
        docx_max_paragraphs=200,
    )
    library.ingest_bytes(DUC_TRONG_PLAN.encode(), "kh55.txt")
    return library


def test_settings_limits_reach_the_library(guarded: Library) -> None:
    assert guarded.limits == SMALL


@pytest.mark.parametrize(("name", "data", "words"), BOMBS, ids=[b[0] for b in BOMBS])
def test_bomb_changes_nothing_in_the_library(
    guarded: Library, name: str, data: bytes, words: str
) -> None:
    before = (guarded.documents(), guarded.fingerprint(), len(guarded.chunks()))
    with pytest.raises(KnowledgeError) as caught:
        guarded.ingest_bytes(data, name)
    assert words in describe(caught.value)
    assert (guarded.documents(), guarded.fingerprint(), len(guarded.chunks())) == before


# --- encrypted PDFs ---------------------------------------------------------------------------


def encrypted_pdf(algorithm: str, user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    page = pdf_bytes("Ke hoach so 12-KH/TU trien khai sinh hoat chinh tri")
    writer.add_page(PdfReader(io.BytesIO(page)).pages[0])
    writer.encrypt(user_password=user_password, owner_password="chu-so-huu", algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_owner_password_only_pdf_opens(algorithm: str) -> None:
    text = load_text(encrypted_pdf(algorithm, ""), "mo.pdf", LIMIT)
    assert "12-KH/TU" in text


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_pdf_needing_a_password_is_reported_as_such(algorithm: str) -> None:
    with pytest.raises(KnowledgeError) as caught:
        load_text(encrypted_pdf(algorithm, "mat-khau"), "khoa.pdf", LIMIT)
    message = describe(caught.value)
    assert "mật khẩu" in message and "hỏng" not in message and "\n" not in message
