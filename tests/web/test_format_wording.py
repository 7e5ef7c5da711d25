"""The formats zhibiao reads are named alike in English and Chinese wherever bytes are refused as
no document — a loader's binary data (a file, an upload, a fetched address), a fetched answer of
another content type, an upload's suffix: every one of ``zhibiao.load.FORMATS`` (DOC and WPS too;
the English named TXT, HTML, PDF and DOCX only, the Chinese all six), from the one list. And an "add
by address" job's failures are said in the page's language (``GET /api/v1/jobs/{id}?lang=zh``), as
an upload's are. Real loaders, the tests' own web site on 127.0.0.1, real SQLite."""
from __future__ import annotations

import pytest

from docserver import DocServer, build_site, fetch_settings
from zhibiao.errors import FetchError, LoadError
from zhibiao.load import FORMATS, load_bytes
from zhibiao.web.messages import problem, problem_at

NAMES = list(dict.fromkeys(FORMATS.values()))  # TXT, HTML, PDF, DOCX, DOC, WPS


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    server = build_site(DocServer(), tmp_path_factory.mktemp("site"))
    yield server
    server.close()


def _refusal(data: bytes, name: str = "x.txt") -> str:
    with pytest.raises(LoadError) as caught:
        load_bytes(data, name)
    return str(caught.value)


BINARY = {"nul bytes": b"\x00\x01\x02" * 100,  # NUL bytes in what is read as text
          "unprintable": bytes(range(1, 9)) * 400 + "中文".encode() * 10}  # control characters, no NUL


@pytest.mark.parametrize("kind", list(BINARY))
def test_binary_data_names_every_format_in_either_language(kind):
    en = _refusal(BINARY[kind])
    assert en.startswith("x.txt: binary data") and en.endswith(f"not a document (one of {', '.join(NAMES)})"), en
    zh = problem("x.txt", en, "zh")
    assert zh == f"x.txt：不是可读取的文件（二进制数据）；支持 {'、'.join(NAMES)}"


def test_a_fetched_answer_of_another_type_names_the_same_formats(site):
    from zhibiao.fetch import Fetcher, fetch_address

    with Fetcher(fetch_settings()) as f, pytest.raises(FetchError) as caught:
        fetch_address(site.url("/logo.png"), f)
    en = str(caught.value)
    assert en == f"{site.url('/logo.png')}: not a document (content type image/png; one of {', '.join(NAMES)})"
    assert problem_at(en, "zh") == f"{site.url('/logo.png')}：不是文件（内容类型 image/png）；支持 {'、'.join(NAMES)}"


def test_a_jobs_failures_in_the_language_asked(tmp_path):
    from fastapi.testclient import TestClient

    from zhibiao.store import Database
    from zhibiao.store.jobs import create_job, update_job
    from zhibiao.web.app import create_app

    db = Database.open(tmp_path / "j.db")
    job = create_job(db, ["https://example.gov.cn/a.html", "https://example.gov.cn/b.html"])
    for url, error in (("https://example.gov.cn/a.html", "https://example.gov.cn/a.html: HTTP 404 Not Found"),
                       ("https://example.gov.cn/b.html", "https://example.gov.cn/b.html: the server sent an empty answer")):
        update_job(db, job["id"], result={"url": url, "via": None, "status": "failed", "error": error, "title": None,
                                          "document_id": None, "targets": 0, "actuals": 0})
    client = TestClient(create_app(db))
    said = {lang: [r["error"] for r in client.get(f"/api/v1/jobs/{job['id']}", params=params).json()["results"]]
            for lang, params in (("default", {}), ("en", {"lang": "en"}), ("zh", {"lang": "zh"}))}
    assert said["default"] == said["en"] == ["https://example.gov.cn/a.html: HTTP 404 Not Found",
                                             "https://example.gov.cn/b.html: the server sent an empty answer"]
    assert said["zh"] == ["https://example.gov.cn/a.html：服务器答复 HTTP 404 Not Found，未取得文件",
                          "https://example.gov.cn/b.html：服务器返回了空内容"]
