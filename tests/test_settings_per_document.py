"""The settings are read once for each document extracted (zhibiao/settings.py, the one owner):
``api.read_and_extract`` reads them and passes them down — the loader's limits and the catalogue
the lines are annotated by — instead of the loader and the catalogue each reading them again.
Documents here are our own, written for the tests."""
from __future__ import annotations

import pytest

import zhibiao
from paths import EXAMPLES
from zhibiao.errors import LimitExceeded
from zhibiao.ingest import extract_one, ingest
from zhibiao.settings import Settings

PLAN = ("湖州市人民政府关于下达2025年湖州市国民经济和社会发展计划的通知\n\n湖政发〔2025〕3号\n\n"
        "各区县人民政府，市政府各部门：\n现将2025年湖州市国民经济和社会发展计划下达给你们，请认真组织实施。\n\n"
        "湖州市人民政府\n2025年1月20日\n\n附件\n\n2025年湖州市国民经济和社会发展主要目标\n\n"
        "序号\t指标名称\t单位\t2025年目标\n1\t地区生产总值增长\t%\t6左右\n2\t星空保护区夜空亮度达标率\t%\t90以上\n")
EXTRA_CATALOG = """indicators:
- id: night_sky_quality
  name_zh: 星空保护区夜空亮度达标率
  name_en: Dark-sky reserves meeting the night-sky brightness standard
  measure: share
  unit: '%'
  direction: up
"""


@pytest.fixture
def loads(monkeypatch):
    """How many times the settings are read (the real reading, counted)."""
    count = []
    read = Settings.load.__func__

    def counted(cls, *args, **kwargs):
        count.append(1)
        return read(cls, *args, **kwargs)

    monkeypatch.setattr(Settings, "load", classmethod(counted))
    return count


def test_every_format_reads_the_settings_once_a_document(loads):
    documents = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html", ".pdf", ".docx"))
    assert {p.suffix for p in documents} == {".txt", ".html", ".pdf", ".docx"}
    for path in documents:
        loads.clear()
        extraction = zhibiao.extract_file(path)
        assert extraction.targets or extraction.actuals, path.name
        assert len(loads) == 1, path.name
        loads.clear()
        assert extract_one(str(path)).error is None  # what ingest's workers run
        assert len(loads) == 1, path.name


def test_an_ingest_reads_them_once_a_document(loads, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for year in (2023, 2024, 2025):
        (folder / f"plan{year}.txt").write_text(PLAN.replace("2025", str(year)), encoding="utf-8")
    tracker = zhibiao.open(tmp_path / "db.sqlite")
    loads.clear()
    summary = ingest(tracker.db, [folder], jobs=1)
    assert summary.count("new") == 3 and len(loads) == 3


def test_the_settings_read_are_the_ones_used(loads, tmp_path, monkeypatch):
    """Read once, still in effect for every stage: the catalogue of ZHIBIAO_CATALOG annotates the
    lines, ZHIBIAO_MAX_FILE_MB limits the file."""
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    sky = next(t for t in zhibiao.extract_file(plan).targets if t.name.startswith("星空"))
    assert sky.indicator != "night_sky_quality"
    extra = tmp_path / "extra.yaml"
    extra.write_text(EXTRA_CATALOG, encoding="utf-8")
    monkeypatch.setenv("ZHIBIAO_CATALOG", str(extra))
    loads.clear()
    sky = next(t for t in zhibiao.extract_file(plan).targets if t.name.startswith("星空"))
    assert sky.indicator == "night_sky_quality" and len(loads) == 1
    monkeypatch.setenv("ZHIBIAO_MAX_FILE_MB", "0.0001")  # 100 bytes
    with pytest.raises(LimitExceeded, match="MB"):
        zhibiao.extract_file(plan)
