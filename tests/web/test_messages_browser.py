"""Each page speaks its own language, in a real browser: an upload the loaders refuse, a request
with a value out of range, an indicator's description; the reader names a local document's file;
no page asks for a missing icon."""
from __future__ import annotations

import pytest

from test_browser import SHOTS, TOKEN, _serve, browser, page  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(example_db):
    from zhibiao.web.app import create_app

    yield from _serve(create_app(example_db, token=TOKEN))


def _upload_refused(page, server, path, lang):  # noqa: F811
    page.goto(f"{server}/upload?lang={lang}")
    page.set_input_files("#file", str(path))
    page.click("#preview-btn")
    page.wait_for_selector("#message.error-text")
    return page.inner_text("#message")


def test_a_refused_upload_is_said_in_the_page_s_language(page, server, tmp_path):  # noqa: F811
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    zh = _upload_refused(page, server, binary, "zh")
    page.screenshot(path=str(SHOTS / "upload_refused_zh.png"))
    assert zh == "失败：binary.txt：不是可读取的文件（二进制数据）；支持 TXT、HTML、PDF、DOCX、DOC、WPS"
    en = _upload_refused(page, server, binary, "en")
    page.screenshot(path=str(SHOTS / "upload_refused_en.png"))
    # the same formats in both languages (zhibiao.load.binary_data: FORMATS, one owner)
    assert en == "Failed: binary.txt: binary data (NUL bytes), not a document (one of TXT, HTML, PDF, DOCX, DOC, WPS)"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert _upload_refused(page, server, empty, "zh") == "失败：empty.txt：文件为空"


def test_a_table_s_filter_labels_join_as_the_page_s_language_does(page, server):  # noqa: F811
    """table.js joins a label and its value with the page's colon (i18n.yaml ``colon``): 状态：全部."""
    for lang, said in (("zh", "状态：全部"), ("en", "Status: all")):
        page.goto(f"{server}/region/330500/2024?lang={lang}")
        page.wait_for_selector("select.dt-status")
        assert page.locator("select.dt-status option").first.inner_text() == said


def test_a_value_out_of_range_is_explained_in_the_page_s_language(page, server):  # noqa: F811
    page.goto(f"{server}/compare/years?region=330500&year=1800&lang=zh")
    assert "年份（year）：应大于或等于 1949" in page.inner_text("main")
    assert "greater than" not in page.inner_text("main")
    page.screenshot(path=str(SHOTS / "error_422_zh.png"))
    page.goto(f"{server}/compare/years?region=330500&year=1800&lang=en")
    assert "year: Input should be greater than or equal to 1949" in page.inner_text("main")


def test_an_indicator_is_described_in_the_page_s_language(page, server):  # noqa: F811
    page.goto(f"{server}/indicator/gdp_growth?lang=zh")
    said = page.inner_text("#definition")
    page.screenshot(path=str(SHOTS / "indicator_zh.png"))
    assert said.startswith("增速指标 · 类别：经济 · 又称：地区生产总值增速、") and "越高越好" in said
    assert "Real growth" not in said
    page.goto(f"{server}/indicator/gdp_growth?lang=en")
    assert page.inner_text("#definition").startswith("Real growth of GDP")


def test_every_indicator_s_measure_and_category_has_words():
    from zhibiao.catalog import Catalog
    from zhibiao.web.pages import strings

    catalog = Catalog.default()
    for ind in (catalog.get(i) for i in catalog.indicators):
        for key in (f"ind_measure_{ind.measure}", f"ind_category_{ind.category}"):
            assert set(strings()[key]) == {"zh", "en"}, key


def test_the_reader_names_a_local_document_s_file_and_no_page_misses_its_icon(page, server, example_db):  # noqa: F811
    from sqlalchemy import text

    with example_db.engine.connect() as conn:
        doc_id = conn.execute(text("SELECT id FROM documents WHERE path LIKE '%huzhou_2024_plan.docx'")).scalar()
    failed = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(f"{server}/document/{doc_id}")
    page.wait_for_selector("#doctext[data-ready='1']")
    assert page.inner_text("#file-name") == "huzhou_2024_plan.docx"
    page.goto(f"{server}/document/{doc_id}?lang=en")
    page.wait_for_selector("#doctext[data-ready='1']")
    assert "Local file huzhou_2024_plan.docx" in page.inner_text("#provenance")
    page.screenshot(path=str(SHOTS / "reader_file_name_en.png"))
    page.goto(f"{server}/")
    page.wait_for_load_state("networkidle")
    assert failed == []
    assert page.evaluate("fetch('/favicon.ico').then(r => r.status)") == 200


def test_the_api_keeps_english_unless_asked(example_db, tmp_path):
    from fastapi.testclient import TestClient

    from zhibiao.web.app import create_app

    client = TestClient(create_app(example_db))
    files = {"file": ("binary.txt", b"\x00\x01" * 50, "text/plain")}
    assert client.post("/api/v1/extract", files=files).json()["detail"] == \
        "binary.txt: binary data (NUL bytes), not a document (one of TXT, HTML, PDF, DOCX, DOC, WPS)"
    assert client.post("/api/v1/extract?lang=zh", files=files).json()["detail"].startswith("binary.txt：不是可读取的文件")
    assert client.post("/api/v1/extract?lang=zh", files={"file": ("a.exe", b"x", "x")}).json()["detail"] == \
        "a.exe：不支持的文件类型（支持 TXT、HTML、PDF、DOCX、DOC、WPS）"
