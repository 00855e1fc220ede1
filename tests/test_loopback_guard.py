"""The guard of tests/conftest.py: loopback and unix sockets connect, anything else fails."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.auxil.network import NetworkAccessBlocked, is_local_host

UNROUTABLE = ("10.255.255.1", 80)  # would hang until a timeout without the guard


@pytest.fixture
def echo_server() -> Iterator[int]:
    """A TCP server on 127.0.0.1 that echoes one message per connection; yields its port."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.05)  # so the thread sees `done` soon after the test
    done = threading.Event()

    def serve() -> None:
        while not done.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(10)
                conn.sendall(conn.recv(1024))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    done.set()
    thread.join(timeout=10)
    server.close()


def test_connect_to_a_non_loopback_address_fails_at_once() -> None:
    started = time.monotonic()
    with socket.socket() as sock, pytest.raises(NetworkAccessBlocked, match=r"10\.255\.255\.1"):
        sock.connect(UNROUTABLE)
    with socket.socket() as sock, pytest.raises(NetworkAccessBlocked):
        sock.connect_ex(UNROUTABLE)
    with pytest.raises(NetworkAccessBlocked, match=r"127\.0\.0\.1, ::1, localhost"):
        socket.create_connection(UNROUTABLE, timeout=30)
    assert time.monotonic() - started < 1


def test_a_hostname_is_not_even_resolved() -> None:
    with pytest.raises(NetworkAccessBlocked, match=r"example\.com"):
        socket.getaddrinfo("example.com", 80)
    with pytest.raises(NetworkAccessBlocked, match=r"example\.com"):
        socket.create_connection(("example.com", 80), timeout=30)
    with pytest.raises(NetworkAccessBlocked, match=r"example\.com"):
        httpx.get("http://example.com/", timeout=30)


async def test_asyncio_connections_are_guarded_too() -> None:
    with pytest.raises(NetworkAccessBlocked):
        await asyncio.open_connection(*UNROUTABLE)
    with pytest.raises(NetworkAccessBlocked):
        await asyncio.open_connection("example.com", 80)


def test_loopback_connections_work(echo_server: int) -> None:
    for host in ("127.0.0.1", "localhost"):
        with socket.create_connection((host, echo_server), timeout=10) as sock:
            sock.sendall(b"xin chao")
            assert sock.recv(1024) == b"xin chao"
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", echo_server)) == 0


async def test_asyncio_loopback_connection_works(echo_server: int) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", echo_server)
    writer.write(b"ping")
    assert await reader.read(1024) == b"ping"
    writer.close()
    await writer.wait_closed()


def test_unix_socket_connections_work(tmp_path: Path) -> None:
    path = str(tmp_path / "s.sock")
    with socket.socket(socket.AF_UNIX) as server, socket.socket(socket.AF_UNIX) as client:
        server.bind(path)
        server.listen()
        client.connect(path)
        conn, _ = server.accept()
        with conn:
            client.sendall(b"ok")
            assert conn.recv(16) == b"ok"


@pytest.mark.parametrize(
    ("host", "local"),
    [
        ("127.0.0.1", True),
        ("127.0.0.53", True),
        ("::1", True),
        ("[::1]", True),
        ("::ffff:127.0.0.1", True),
        ("localhost", True),
        ("LOCALHOST.", True),
        (b"127.0.0.1", True),
        ("10.255.255.1", False),
        ("0.0.0.0", False),
        ("example.com", False),
        ("localhost.example.com", False),
        ("2001:db8::1", False),
        (None, False),
    ],
)
def test_which_hosts_are_loopback(host: object, local: bool) -> None:
    assert is_local_host(host) is local
