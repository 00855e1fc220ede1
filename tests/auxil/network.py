"""Network for tests: a free loopback port, and a guard that refuses every other address.

Every outside system has a fake on 127.0.0.1 (tests/auxil/fake_*.py), so a connection anywhere
else is a test that would pass here and hang or fail offline; the guard makes it fail at once.
It covers the test process and its threads, not subprocesses.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

import pytest

LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})


class NetworkAccessBlocked(RuntimeError):
    """A test tried to reach an address other than the loopback."""

    def __init__(self, target: object) -> None:
        super().__init__(
            f"tests may only connect to 127.0.0.1, ::1, localhost or unix sockets; "
            f"blocked {target!r} (use a fake server from tests/auxil/)"
        )


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def is_local_host(host: object) -> bool:
    """Whether `host` (name, address text or bytes) is the loopback."""
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    name = host.strip("[]").split("%", 1)[0].rstrip(".").lower()
    if name in LOCAL_NAMES:
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


def is_local_address(address: object) -> bool:
    """Whether a `connect` address is a unix socket or a loopback (host, port, ...) tuple."""
    if isinstance(address, str | bytes):  # AF_UNIX path (or abstract name)
        return True
    return isinstance(address, tuple) and bool(address) and is_local_host(address[0])


def _is_resolvable_here(host: object) -> bool:
    """Names `getaddrinfo` may look up: the loopback, and no host at all (a server's bind)."""
    return host in (None, "", b"") or is_local_host(host) or host in ("0.0.0.0", "::")


def install_loopback_guard(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `connect`, `connect_ex`, `create_connection` and `getaddrinfo` refuse non-loopback."""
    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex
    create_connection, getaddrinfo = socket.create_connection, socket.getaddrinfo

    def guarded_connect(self: socket.socket, address: Any) -> None:
        if not is_local_address(address):
            raise NetworkAccessBlocked(address)
        connect(self, address)

    def guarded_connect_ex(self: socket.socket, address: Any) -> int:
        if not is_local_address(address):
            raise NetworkAccessBlocked(address)
        return connect_ex(self, address)

    def guarded_create_connection(address: tuple[str, int], *args: Any, **kwargs: Any) -> Any:
        if not is_local_host(address[0]):
            raise NetworkAccessBlocked(address)
        return create_connection(address, *args, **kwargs)

    def guarded_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if not _is_resolvable_here(host):
            raise NetworkAccessBlocked(host)
        return getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)
    monkeypatch.setattr(socket, "create_connection", guarded_create_connection)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)
