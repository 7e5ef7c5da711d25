"""`zhibiao ingest URL…` and `zhibiao cite` as users run them, against the tests' own web site on
127.0.0.1 (the CLI processes inherit the tests' confinement to 127.0.0.0/8)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from docserver import DocServer, build_site


def zb(*args, env=None, timeout=120):
    return subprocess.run([sys.executable, "-m", "zhibiao", *args], capture_output=True, text=True, timeout=timeout,
                          env=os.environ | (env or {}))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    server = build_site(DocServer(), tmp_path_factory.mktemp("site"))
    yield server
    server.close()


def test_ingest_an_address_then_status_and_cite_show_it(site, tmp_path):
    db = str(tmp_path / "z.db")
    url = site.url("/notice.html")
    r = zb("ingest", url, "--db", db)
    assert r.returncode == 0, r.stderr
    assert f"new       {url} · 湖州市人民政府关于下达2024年湖州市国民经济和社会发展计划的通知" in r.stdout
    assert "documents: 1 new" in r.stdout
    r = zb("ingest", url, "--db", db, "--format", "json")
    data = json.loads(r.stdout)
    assert r.returncode == 0 and data["documents"]["unchanged"] == 1 and data["fetched"][0]["url"] == url
    r = zb("status", "-r", "湖州市", "-y", "2024", "--db", db, "--format", "json")
    line = json.loads(r.stdout)["targets"][0]
    assert line["citation"]["url"] == url and line["citation"]["retrieved_at"]
    r = zb("status", "-r", "湖州市", "-y", "2024", "--db", db, env={"COLUMNS": "250"})
    assert r.returncode == 0 and "来源" in r.stdout and url in r.stdout
    r = zb("cite", "-r", "湖州市", "-y", "2024", "-i", "gdp_growth", "--db", db)
    assert r.returncode == 0 and "[EB/OL]" in r.stdout and url in r.stdout and "湖政发〔2024〕3号" in r.stdout
    csl = json.loads(zb("cite", "-r", "湖州市", "-y", "2024", "--db", db, "-f", "csl").stdout)
    assert [i["URL"] for i in csl] == [url]
    bib = zb("cite", "-r", "湖州市", "-y", "2024", "--db", db, "-f", "bibtex").stdout
    assert bib.startswith("@report{zhibiao-330500-2024-") and f"url = {{{url}}}" in bib
    out = tmp_path / "t.csv"
    assert zb("export", str(out), "-r", "湖州市", "-y", "2024", "--db", db).returncode == 0
    header, first = out.read_text("utf-8-sig").splitlines()[:2]
    assert "url" in header.split(",") and "citation" in header.split(",") and url in first


def test_urls_file_mixed_with_files_and_failures(site, tmp_path):
    db = str(tmp_path / "z.db")
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# plans\n{site.url('/zwgk/art_2024_5.html')}\n{site.url('/missing.html')}\n"
                    f"{site.url('/private/plan.html')}\n", "utf-8")
    r = zb("ingest", "--urls", str(urls), "--db", db, "--format", "json")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    data = json.loads(r.stdout)
    assert data["documents"] == {"new": 1, "replaced": 0, "unchanged": 0, "failed": 2}
    assert data["fetched"][0]["via"] == site.url("/zwgk/art_2024_5.html")
    assert [f["error"] for f in data["failures"]] == [
        f"{site.url('/missing.html')}: HTTP 404 Not Found",
        f"{site.url('/private/plan.html')}: robots.txt of {site.url('')} forbids this path to crawlers: not fetched"]
    r = zb("ingest", "--urls", str(urls), "--db", db)  # text: one line per failure on stderr
    assert r.returncode == 1 and "documents: 0 new, 0 replaced, 1 unchanged, 2 failed" in r.stdout
    assert r.stderr.strip().splitlines() == [f"failed: {f['error']}" for f in data["failures"]]


def test_private_addresses_are_refused_by_default(site, tmp_path):
    before = len(site.hits)
    r = zb("ingest", site.url("/notice.html"), "--db", str(tmp_path / "z.db"),
           env={"ZHIBIAO_FETCH_ALLOW_PRIVATE": "0"})
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stderr.strip() == (f"failed: {site.url('/notice.html')}: 127.0.0.1 is a loopback address: refused (set "
                                "ZHIBIAO_FETCH_ALLOW_PRIVATE=1 to allow fetching from private networks); nothing was sent")
    assert len(site.hits) == before


def test_bad_settings_and_usage(site, tmp_path):
    r = zb("ingest", site.url("/notice.html"), "--db", str(tmp_path / "z.db"), env={"ZHIBIAO_FETCH_DELAY": "x"})
    assert r.returncode == 2 and "ZHIBIAO_FETCH_DELAY" in r.stderr and "Traceback" not in r.stderr
    assert zb("ingest", "--db", str(tmp_path / "z.db")).returncode == 2
    r = zb("ingest", "--urls", str(tmp_path / "none.txt"), "--db", str(tmp_path / "z.db"))
    assert r.returncode == 2 and "none.txt" in r.stderr


@pytest.mark.parametrize("address", ["ftp://example.com/plan.txt", "file:///tmp/plan.txt"])
def test_an_address_of_another_scheme_is_refused_as_such(tmp_path, address):
    r = zb("ingest", address, "--db", str(tmp_path / "z.db"))
    assert (r.returncode, r.stderr.strip()) == (2, f"error: {address}: only http:// and https:// addresses are fetched")
