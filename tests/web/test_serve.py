"""`zhibiao serve` as a reader of the README runs it: it says whether writes are allowed and how to
allow them; a token it generates is printed once and works."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request


def _port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def _start(tmp_path, *args):
    port = _port()
    proc = subprocess.Popen([sys.executable, "-m", "zhibiao", "serve", "--db", str(tmp_path / "z.db"), "--port",
                             str(port), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, ZHIBIAO_LANG="en"))
    lines = []
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/coverage", timeout=2):
                break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        raise AssertionError("the server never answered: " + proc.stderr.read())
    return proc, port


def _stop(proc) -> str:
    proc.terminate()
    out, _err = proc.communicate(timeout=20)
    return out


def _post_correction(port, token):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/corrections", method="POST",
                                 data=json.dumps({"document_id": 1, "line_type": "target", "index": 0,
                                                  "action": "confirm"}).encode(),
                                 headers={"content-type": "application/json", "authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            return r.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_serve_without_a_token_says_how_to_allow_writes(tmp_path):
    proc, port = _start(tmp_path)
    try:
        assert _post_correction(port, "anything") == 403
    finally:
        out = _stop(proc)
    assert "read-only" in out and "--generate-token" in out


def test_a_generated_token_is_printed_once_and_allows_writes(tmp_path):
    proc, port = _start(tmp_path, "--generate-token")
    try:
        head = [proc.stdout.readline() for _ in range(2)]  # printed before the server started
        tokens = [line.split(": ", 1)[1].strip() for line in head if line.startswith("write token")]
        assert len(tokens) == 1 and len(tokens[0]) == 32
        assert _post_correction(port, "wrong") == 401
        assert _post_correction(port, tokens[0]) == 404  # authorised; there is no document 1
    finally:
        out = "".join(head) + _stop(proc)
    assert out.count(tokens[0]) == 1


def test_a_given_token_is_never_echoed(tmp_path):
    proc, port = _start(tmp_path, "--token", "my-own-token-123")
    try:
        assert _post_correction(port, "my-own-token-123") == 404
    finally:
        out = _stop(proc)
    assert "my-own-token-123" not in out and "writes allowed" in out
