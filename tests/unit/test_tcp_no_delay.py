"""TCP_NODELAY on the server's sockets (`ui.tcp`): Streamlit's own listening socket lacks it."""

from __future__ import annotations

import socket
import sys

import pytest

from ui.tcp import enable_no_delay

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/fd")


def _no_delay(sock: socket.socket) -> bool:
    return bool(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))


def test_listening_and_accepted_sockets_get_no_delay_and_new_connections_inherit_it() -> None:
    listener = socket.socket(family=socket.AF_INET)  # as Streamlit binds it: protocol 0, Nagle on
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    with listener, socket.create_connection(listener.getsockname()) as early:
        accepted, _ = listener.accept()
        with accepted:
            assert not _no_delay(listener) and not _no_delay(accepted)
            assert enable_no_delay() >= 2
            assert _no_delay(listener) and _no_delay(accepted)
        with socket.create_connection(listener.getsockname()) as late:
            later, _ = listener.accept()
            with later:
                assert _no_delay(later)  # accepted after the fix: inherited from the listener
            assert late.fileno() != -1 and early.fileno() != -1  # the duplicates closed, not the sockets


def test_sockets_that_are_not_tcp_are_left_alone() -> None:
    left, right = socket.socketpair()
    with left, right:
        enable_no_delay()
        left.sendall(b"still open")
        assert right.recv(16) == b"still open"
