"""Add by address through the API (a background job with progress, token-guarded), provenance,
versions, originals and citations in the API and the pages — against the tests' own web site."""
from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from docserver import DocServer, build_site
from zhibiao.store import Database
from zhibiao.web.app import create_app

TOKEN = "t" * 32
AUTH = {"authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    server = build_site(DocServer(), tmp_path_factory.mktemp("site"))
    yield server
    server.close()


@pytest.fixture
def client(tmp_path):
    app = create_app(Database.open(tmp_path / "w.db"), token=TOKEN)
    with TestClient(app) as c:
        yield c


def wait(client, url: str, seconds: float = 60) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job = client.get(url).json()
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {url} did not finish")


def test_add_by_address_runs_as_a_job_and_the_document_carries_its_source(client, site):
    urls = [site.url("/zwgk/art_2024_5.html"), site.url("/notice.html"), site.url("/missing.html")]
    r = client.post("/api/v1/fetch", json={"urls": urls}, headers=AUTH)
    assert r.status_code == 202, r.text
    job = wait(client, r.json()["url"])
    assert job["state"] == "done" and job["total"] == 3 and job["done"] == 3
    by_url = {x["url"]: x for x in job["results"]}
    pdf = by_url[site.url("/files/plan2024.pdf")]
    assert pdf["status"] == "new" and pdf["via"] == urls[0] and pdf["document_id"]
    assert by_url[urls[2]]["status"] == "failed" and "HTTP 404" in by_url[urls[2]]["error"]
    doc = client.get(f"/api/v1/documents/{pdf['document_id']}").json()
    assert doc["source"]["url"] == site.url("/files/plan2024.pdf") and doc["source"]["http_status"] == 200
    assert doc["source"]["article"]["url"] == urls[0] and doc["source"]["retrieved_at"].endswith("Z")
    assert "[EB/OL]" in doc["citation"] and doc["version"] == 1
    original = client.get(f"/api/v1/documents/{pdf['document_id']}/original")
    assert original.status_code == 200 and original.content == site.pages["/files/plan2024.pdf"].body
    assert original.headers["content-type"] == "application/octet-stream"
    assert original.headers["content-disposition"].startswith("attachment")
    spans = client.get(f"/api/v1/documents/{pdf['document_id']}/text").json()["spans"]
    assert spans and all(site.url("/files/plan2024.pdf") in s["citation"] for s in spans)
    # status and citations of the region-year
    status = client.get("/api/v1/status", params={"region": "浙江省", "year": 2024}).json()
    assert status["targets"][0]["citation"]["url"] == site.url("/files/plan2024.pdf")
    csl = client.get("/api/v1/citations", params={"region": "浙江省", "year": 2024, "format": "csl"})
    assert csl.headers["content-type"].startswith("application/vnd.citationstyles.csl+json")
    assert [i["URL"] for i in csl.json()] == [site.url("/files/plan2024.pdf")]
    bib = client.get("/api/v1/citations", params={"region": "330000", "year": 2024, "format": "bibtex"})
    assert bib.text.startswith("@report{") and "attachment" in bib.headers["content-disposition"]
    rows = client.get("/api/v1/citations", params={"region": "浙江省", "year": 2024}).json()["rows"]
    assert rows[0]["citation"]["text"].endswith(site.url("/files/plan2024.pdf") + ".")
    # the pages show the address as the source
    page = client.get(f"/document/{pdf['document_id']}").text
    assert site.url("/files/plan2024.pdf") in page and urls[0] in page and "[EB/OL]" in page
    card = client.get("/region/330000/2024").text
    assert site.url("/files/plan2024.pdf") in card and "format=bibtex" in card


def test_fetching_needs_the_token_and_valid_addresses(client, site):
    assert client.post("/api/v1/fetch", json={"urls": [site.url("/notice.html")]}).status_code == 401
    r = client.post("/api/v1/fetch", json={"urls": ["file:///etc/passwd"]}, headers=AUTH)
    assert r.status_code == 422 and "not an http or https address" in r.json()["detail"]
    assert client.post("/api/v1/fetch", json={"urls": []}, headers=AUTH).status_code == 422
    assert client.get("/api/v1/jobs/" + "0" * 32).status_code == 404
    assert client.get("/api/v1/jobs/nope").status_code == 422


def test_read_only_server_refuses_fetching(tmp_path, site):
    with TestClient(create_app(Database.open(tmp_path / "r.db"))) as c:
        assert c.post("/api/v1/fetch", json={"urls": [site.url("/notice.html")]}).status_code == 403
        assert "fetch-form" not in c.get("/upload").text


def test_versions_of_a_changed_page(client, site, tmp_path):
    from docserver import Page, html_bytes, src

    text = src("huzhou_2024_plan.txt")
    site.pages["/v.html"] = Page(body=html_bytes(text, tmp_path, "v1.html"))
    job = wait(client, client.post("/api/v1/fetch", json={"urls": [site.url("/v.html")]}, headers=AUTH).json()["url"])
    doc_id = job["results"][0]["document_id"]
    site.pages["/v.html"] = Page(body=html_bytes(text.replace("6%左右", "7%左右", 1), tmp_path, "v2.html"))
    job = wait(client, client.post("/api/v1/fetch", json={"urls": [site.url("/v.html")]}, headers=AUTH).json()["url"])
    assert job["results"][0]["status"] == "replaced" and job["results"][0]["document_id"] == doc_id
    versions = client.get(f"/api/v1/documents/{doc_id}/versions").json()["rows"]
    assert [(v["version"], v["active"]) for v in versions] == [(2, True), (1, False)]
    assert versions[1]["superseded_at"]
    assert 'id="versions"' in client.get(f"/document/{doc_id}").text
    assert client.get("/api/v1/documents/999/versions").status_code == 404
    listed = client.get("/api/v1/documents").json()["rows"]
    assert sum(1 for d in listed if d["source"] and d["source"]["url"] == site.url("/v.html")) == 1


def test_actuals_carry_their_address_and_citation(client, site, tmp_path):
    from docserver import Page, html_bytes, src

    site.pages["/report.html"] = Page(body=html_bytes(src("huzhou_2025_work_report.txt"), tmp_path, "r.html"))
    job = wait(client, client.post("/api/v1/fetch", json={"urls": [site.url("/report.html")]}, headers=AUTH).json()["url"])
    assert job["results"][0]["actuals"] > 0, job
    rows = client.get("/api/v1/actuals", params={"region": "湖州市"}).json()["rows"]
    assert rows and all(r["url"] == site.url("/report.html") for r in rows)
    assert all(r["citation"].endswith(site.url("/report.html") + ".") and "[EB/OL]" in r["citation"] for r in rows)


def test_a_job_is_answered_by_every_worker_of_the_server(tmp_path, site):
    """`serve --workers N`: the job runs in the process that accepted it, any process reports it."""
    path = tmp_path / "shared.db"
    with TestClient(create_app(Database.open(path), token=TOKEN)) as one, \
            TestClient(create_app(Database.open(path), token=TOKEN)) as other:
        r = one.post("/api/v1/fetch", json={"urls": [site.url("/notice.html")]}, headers=AUTH)
        job = wait(other, r.json()["url"])
        assert job["state"] == "done" and job["results"][0]["status"] == "new"


def test_a_job_cut_short_by_a_stopped_server_says_so(tmp_path):
    from datetime import timedelta

    from zhibiao.store.jobs import create_job, get_job, update_job
    from zhibiao.store.schema import FetchJobRow

    db = Database.open(tmp_path / "j.db")
    job = create_job(db, ["http://127.0.0.1:9/a"])
    update_job(db, job["id"], state="running")
    with db.session.begin() as s:
        s.get(FetchJobRow, job["id"]).created_at -= timedelta(hours=2)
    stale = get_job(db, job["id"])
    assert stale["state"] == "failed" and "interrupted" in stale["error"]


def test_any_list_of_addresses_is_answered_without_a_server_error(client):
    """Fuzzed addresses with the token: a job or a 4xx, never a 5xx; every job ends. Fetching is
    confined to 127.0.0.0/8 and names are resolved from the hosts file, so nothing leaves the machine."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    address = st.one_of(st.text(max_size=60), st.from_regex(r"https?://[a-z0-9.:\[\]@%-]{0,30}/[^\s]{0,20}",
                                                            fullmatch=True))
    jobs = []

    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(address, max_size=4))
    def run(urls):
        r = client.post("/api/v1/fetch", json={"urls": urls}, headers=AUTH)
        assert r.status_code in (202, 422, 429), (urls, r.status_code, r.text)
        if r.status_code == 202:
            jobs.append(r.json()["url"])
            wait(client, jobs[-1])  # one at a time: the queue stays short

    run()
    for url in jobs:
        assert client.get(url).json()["state"] == "done"
