"""The web app served for real (uvicorn on a free loopback port, in a thread), for the tests that
need a socket rather than the test client: browsers, raw requests, concurrent readers."""
from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


@dataclass
class Served:
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@contextmanager
def served(app, wait: float = 20.0):
    """Serve ``app`` until the block ends; waits up to ``wait`` seconds for it to start (a loaded
    machine starts it slowly)."""
    import uvicorn

    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + wait
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield Served(srv.config.port)
    finally:
        srv.should_exit = True
        thread.join(timeout=10)
