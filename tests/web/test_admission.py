"""No reader waits a minute: a read not answered within the request timeout (its wait for a turn
included) is answered 503 with Retry-After, the work it started goes on and fills the cache; a
worker handles at most ``max_concurrent`` reads at once, the others wait their turn."""
from __future__ import annotations

import threading
import time

import httpx
import pytest
from fastapi import Request

from appserver import served
from paths import EXAMPLES


@pytest.fixture
def app(tmp_path):
    from zhibiao.ingest import ingest
    from zhibiao.store import Database
    from zhibiao.web.app import create_app

    db = Database.open(tmp_path / "adm.db")
    ingest(db, sorted(EXAMPLES.glob("*.txt"))[:2])
    return create_app(db)


def test_a_slow_read_is_answered_503_with_retry_after_and_its_work_fills_the_cache(app, monkeypatch):
    from zhibiao.web import pages

    st = app.state.zhibiao
    st.request_timeout = 0.5
    real = pages.home_view
    release, computed = threading.Event(), threading.Event()
    calls = []

    def slow_home_view(state):  # the national home page, cold: it takes until released
        calls.append(1)
        release.wait(30)
        value = real(state)
        computed.set()
        return value

    monkeypatch.setattr(pages, "home_view", slow_home_view)
    with served(app) as srv:
        busy = httpx.get(srv.url + "/", timeout=30)
        # answered at the timeout while the work still runs (no timing asserted: the work cannot end
        # before it is released, below)
        assert not computed.is_set()
        assert busy.status_code == 503 and busy.headers["retry-after"].isdigit(), busy.text
        assert "服务器繁忙" in busy.text and "busy" in busy.text
        api = httpx.get(srv.url + "/api/v1/nothing-here", timeout=30)
        assert api.status_code == 404  # quick reads are unaffected
        release.set()
        assert computed.wait(30)
        # the work went on: its answer is cached (or still being stored: a request then waits for
        # it), never computed again. (The timeout raised first: rendering the page must not count
        # against 0.5 s on a loaded machine — that is not what this test is about.)
        st.request_timeout = 30
        again = httpx.get(srv.url + "/", timeout=30)
        assert again.status_code == 200 and "<html" in again.text.lower()
        assert len(calls) == 1


def test_reads_beyond_the_limit_wait_their_turn_then_time_out_with_503(app):
    st = app.state.zhibiao
    st.max_concurrent, st.request_timeout = 1, 1.0
    release = threading.Event()
    entered = threading.Event()

    def hold(request: Request):  # a read that takes the one turn until released
        entered.set()
        release.wait(10)
        return {"ok": True}

    app.add_api_route("/api/v1/test-hold", hold)
    with served(app) as srv:
        answers = {}

        def get(name, path):
            answers[name] = httpx.get(srv.url + path, timeout=30)

        first = threading.Thread(target=get, args=("first", "/api/v1/test-hold"))
        first.start()
        assert entered.wait(10), answers
        get("second", "/api/v1/documents")  # the one turn is taken: it waits, then is answered 503
        assert not release.is_set()  # (answered while the turn was still held)
        assert answers["second"].status_code == 503 and answers["second"].headers["retry-after"].isdigit()
        assert answers["second"].json()["detail"].startswith("the server is busy")
        first.join(10)
        assert answers["first"].status_code == 503  # over its time too: answered, its work still holding the turn
        assert get("third", "/api/v1/documents") is None and answers["third"].status_code == 503
        release.set()  # the held work ends and gives its turn back
        for _ in range(50):
            if httpx.get(srv.url + "/api/v1/documents", timeout=30).status_code == 200:
                break
            time.sleep(0.1)
        else:
            raise AssertionError("the turn was never given back")


def test_writes_are_not_held_by_the_read_limit(app):
    st = app.state.zhibiao
    st.max_concurrent, st.request_timeout = 1, 0.01
    with served(app) as srv:
        r = httpx.post(srv.url + "/api/v1/extract", files={"file": ("a.txt", "2024年计划：地区生产总值增长6%。".encode(),
                                                                    "text/plain")}, timeout=60)
    assert r.status_code == 200, r.text
