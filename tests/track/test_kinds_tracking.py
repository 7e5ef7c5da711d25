"""Tracking across kinds of documents (issue 13.5): which figure is the actual (official, revision,
bulletin, 初步核算, 预计) with the figures it replaces still shown; five-year targets tracked every
year against the yearly change still needed, for outlines ending in 2025 and in 2030; targets a
later document restates checked against the issuing document's, never replacing them.

The documents in tests/track/docs/ are our own, written for these tests (regions real, figures
invented). The expected figures are computed here by plain float arithmetic, independently of the
Decimal code under test."""
from __future__ import annotations

import json
import math
from decimal import Decimal
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import zhibiao
from dbs import db_url  # noqa: F401  (fixture)
from zhibiao.ingest import ingest
from zhibiao.track.queries import ActualFact, DocRef, actual_precedence, target_period
from zhibiao.track.status import Actual, Context, TargetLine, decide, period_measure

DOCS = Path(__file__).parent / "docs"
OUTLINE_2025 = DOCS / "outline_yueyang_2021.txt"
BULLETINS_2025 = [DOCS / "bulletin_yueyang_2023.txt", DOCS / "bulletin_yueyang_2024.txt"]
OUTLINE_2030 = DOCS / "outline_changde_2026.txt"
BULLETINS_2030 = [DOCS / "bulletin_changde_2026.txt", DOCS / "bulletin_changde_2027.txt"]
BULLETIN_2023_TITLE = "2023年岳阳市国民经济和社会发展统计公报"
BULLETIN_2024_TITLE = "2024年岳阳市国民经济和社会发展统计公报"
WORK_REPORT_TITLE = "2024年岳阳市政府工作报告"
PLAN_REPORT_TITLE = "关于岳阳市2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告"


def _cli(*args: str):
    from zhibiao.cli import app

    r = CliRunner().invoke(app, list(args))
    assert r.exit_code == 0, r.output
    return r.stdout


def _rows(text: str) -> list[list[str]]:
    """The rows of the CLI's status table, each cell's wrapped lines joined (a row starts where its
    status cell, which never wraps, is printed)."""
    rows: list[list[str]] = []
    for line in text.splitlines():
        if not line.startswith("│"):
            continue
        cells = [c.strip() for c in line.strip("│").split("│")]
        if cells[2]:
            rows.append(cells)
        else:
            rows[-1] = [a + b for a, b in zip(rows[-1], cells)]
    return rows


def _row(text: str, name: str) -> list[str]:
    """A row, its cells without spaces (a wrapped cell loses the space at the wrap)."""
    return [c.replace(" ", "") for c in next(r for r in _rows(text) if r[0] == name)]


def _by_indicator(lines, indicator, period=True):
    return next(t for t in lines if _get(t, "indicator") == indicator and bool(_get(t, "period")) == period)


def _get(line, key):
    return line[key] if isinstance(line, dict) else getattr(line, key)


def _no_paths(text: str) -> None:
    assert ".txt" not in text and str(DOCS) not in text and "/tmp" not in text


# ------------------------------------------------------------------------ five-year outlines


@pytest.fixture
def outline_2025(db_url, tmp_path):  # noqa: F811
    tracker = zhibiao.open(db_url)
    summary = ingest(tracker.db, [OUTLINE_2025, *BULLETINS_2025])
    assert summary.count("failed") == 0
    return tracker, db_url


def test_an_outlines_base_values_are_no_observation_of_progress(db_url):  # noqa: F811
    tracker = zhibiao.open(db_url)
    assert ingest(tracker.db, [OUTLINE_2025]).count("failed") == 0
    assert {t.status for t in tracker.status("岳阳市", 2025).targets} == {"pending"}


def test_a_five_year_outline_with_two_bulletins(outline_2025):
    tracker, db = outline_2025
    report = tracker.status("岳阳市", 2025)
    lines = report.targets
    assert all(t.period == [2020, 2025] for t in lines)  # every end-year target, from its base year 2020

    # 年均 growth 7%: 2023 and 2024 observed (6.2, 5.6); 2021 and 2022 have no figure and count at 7 %
    gdp = _by_indicator(lines, "gdp_growth")
    observed = ((1.062 * 1.056) ** 0.5 - 1) * 100
    required = (1.07 ** 5 / (1.062 * 1.056 * 1.07 ** 2) - 1) * 100
    assert gdp.measure == "average" and gdp.status == "behind"
    assert gdp.progress["observed"] == pytest.approx(round(observed, 2))
    assert gdp.progress["required"] == pytest.approx(round(required, 2))
    assert gdp.progress["missing"] == [2021, 2022]
    assert [y["source"] for y in gdp.progress["years"]] == [BULLETIN_2023_TITLE, BULLETIN_2024_TITLE]
    assert f"{round(required, 2)}%" in gdp.explanation and BULLETIN_2024_TITLE in gdp.explanation

    # a level (城镇化率 66 % in 2025): the change a year since the outline's base value 60.0 against
    # the change still needed from 64.2 in 2024
    urban = _by_indicator(lines, "urbanization_rate")
    assert (urban.measure, urban.status) == ("level", "behind")
    assert urban.progress["observed"] == pytest.approx((64.2 - 60.0) / 4)
    assert urban.progress["required"] == pytest.approx(66 - 64.2)
    assert BULLETIN_2024_TITLE in urban.explanation and "纲要" in urban.explanation  # both sources, by title
    pm25 = _by_indicator(lines, "pm25")  # lower is better: -1.5 a year observed, -1 needed
    assert (pm25.status, pm25.progress["observed"], pm25.progress["required"]) == ("on_track", -1.5, -1)

    # 累计 ［30］万人 new jobs: 6.0 + 6.1 observed, 2021 and 2022 at 6 a year
    jobs = _by_indicator(lines, "new_urban_jobs")
    assert (jobs.measure, jobs.status) == ("cumulative", "on_track")
    assert jobs.progress["done"] == pytest.approx(6.0 + 6.1 + 2 * 6)
    assert jobs.progress["required"] == pytest.approx(30 - (6.0 + 6.1 + 2 * 6))
    # 累计 ［14］% decline of energy intensity, compounded: 3.0 % and 2.5 % observed
    energy = _by_indicator(lines, "energy_intensity_reduction")
    pace = 0.86 ** (1 / 5)
    done = 0.97 * 0.975 * pace ** 2
    assert (energy.measure, energy.status) == ("cumulative", "behind")
    assert energy.progress["done"] == pytest.approx(round((1 - done) * 100, 2))
    assert energy.progress["required"] == pytest.approx(round((1 - 0.86 / done) * 100, 2))

    # the outline's base value is where tracking starts, never an observation of progress: the
    # rate is judged by the bulletin's (年末城镇调查失业率 5.1 %, within 5.5)
    unemployment = _by_indicator(lines, "surveyed_unemployment")
    assert unemployment.status == "on_track" and unemployment.actual["source"] == BULLETIN_2024_TITLE

    for t in lines:
        _no_paths(t.explanation + t.explanation_en + json.dumps(t.progress, ensure_ascii=False))
        assert t.document["title"].endswith("远景目标纲要的通知")

    # the same, as a person runs it: text (both languages) and JSON, and the API
    text = _cli("status", "-r", "岳阳市", "-y", "2025", "--db", db)
    name, target, status, actual, explanation, source = _row(text, "地区生产总值增长")
    assert (target, status, actual) == ("7左右", "进度滞后", "比上年增长5.6%")
    assert f"需年均增长{round(required, 2)}%" in explanation and BULLETIN_2024_TITLE in explanation
    assert source and source in gdp.document["title"]
    assert _row(text, "城镇新增就业")[2] == "进度正常"
    _no_paths(text)
    english = _cli("status", "-r", "岳阳市", "-y", "2025", "--db", db, "--lang", "en")
    row = _row(english, "GDP growth (地区生产总值增长)")  # the catalogue's English name, the printed one beside
    assert row[2] == "behind" and "ayearisneededintheremaining1year(s)" in row[4]
    data = json.loads(_cli("status", "-r", "岳阳市", "-y", "2025", "--db", db, "-f", "json"))
    assert _by_indicator(data["targets"], "gdp_growth")["progress"]["required"] == gdp.progress["required"]
    client = TestClient(__import__("zhibiao.web.app", fromlist=["create_app"]).create_app(tracker.db))
    api = client.get("/api/v1/status", params={"region": "岳阳市", "year": 2025}).json()
    assert _by_indicator(api["targets"], "urbanization_rate")["status"] == "behind"
    page = client.get("/region/430600/2025").text
    assert "2021–2025" in page and BULLETIN_2024_TITLE in page


def test_an_outline_ending_in_2030(db_url):  # noqa: F811
    tracker = zhibiao.open(db_url)
    ingest(tracker.db, [OUTLINE_2030, *BULLETINS_2030])
    lines = tracker.status("常德市", 2030).targets
    assert {tuple(t.period) for t in lines} == {(2025, 2030)}
    gdp = _by_indicator(lines, "gdp_growth")  # 年均 5.5 %: 5.0 and 5.3 observed, three years left
    required = ((1.055 ** 5 / (1.05 * 1.053)) ** (1 / 3) - 1) * 100
    assert gdp.status == "behind" and gdp.progress["required"] == pytest.approx(round(required, 2))
    assert gdp.progress["missing"] == []
    jobs = _by_indicator(lines, "new_urban_jobs")  # 〔25〕: 5.1 + 5.0 done, 14.9 over three years
    assert jobs.status == "on_track" and jobs.progress["required"] == pytest.approx(round(14.9 / 3, 2))
    urban = _by_indicator(lines, "urbanization_rate")  # 62.0 (the outline's 2025, 预计) to 67 by 2030
    assert urban.progress["observed"] == pytest.approx((64.1 - 62.0) / 2)
    assert urban.progress["required"] == pytest.approx(round((67 - 64.1) / 3, 2))
    assert urban.status == "on_track"


def test_an_annual_target_and_a_five_year_target_of_one_year_stay_apart(outline_2025, tmp_path):
    tracker, _db = outline_2025
    notice = tmp_path / "notice_2025.txt"
    notice.write_text((DOCS / "notice_yueyang_2023.txt").read_text("utf-8").replace("2023", "2025"), encoding="utf-8")
    ingest(tracker.db, [notice])
    gdp = [t for t in tracker.status("岳阳市", 2025).targets if t.indicator == "gdp_growth"]
    # the year's own target first: views taking one line per indicator (the grid) show the annual plan's
    assert [(t.text, bool(t.period)) for t in gdp] == [("6.5左右", False), ("7左右", True)]
    annual = next(t for t in gdp if not t.period)
    assert annual.status == "pending" and annual.document["doc_type"] == "plan_notice"
    # a status set by hand for the five-year target leaves the annual one alone
    tracker.override("岳阳市", 2025, "gdp_growth@2020-2025", "on_track", "市统计局快报")
    gdp = [t for t in tracker.status("岳阳市", 2025).targets if t.indicator == "gdp_growth"]
    assert [(t.status, t.overridden) for t in gdp] == [("pending", False), ("on_track", True)]


def test_a_relative_five_year_target_in_a_year_before_its_end(db_url, tmp_path):  # noqa: F811
    """与经济增长同步 over 2021–2025 judged on the latest year's figures: on its way, not achieved."""
    outline = tmp_path / "outline.txt"
    outline.write_text(OUTLINE_2025.read_text("utf-8").replace(
        "民生福祉\t4\t城镇新增就业", "民生福祉\t4\t居民人均可支配收入增长\t%\t5.0\t—\t与经济增长同步\t预期性\n\t4\t城镇新增就业"),
        encoding="utf-8")
    bulletin = tmp_path / "bulletin.txt"
    text = BULLETINS_2025[1].read_text("utf-8").replace(
        "全年城镇新增就业", "全年全体居民人均可支配收入36000元，比上年增长{}%。全年城镇新增就业")
    tracker = zhibiao.open(db_url)
    for growth, status in (("6.0", "on_track"), ("4.1", "behind")):
        bulletin.write_text(text.format(growth), encoding="utf-8")  # a new version of the bulletin
        ingest(tracker.db, [outline, bulletin])
        line = _by_indicator(tracker.status("岳阳市", 2025).targets, "disposable_income_growth")
        assert line.status == status and "5.6%" in line.explanation  # against 2024's GDP growth


def test_the_end_year_judges_the_whole_period():
    """With every year's figure in, a 年均 or 累计 target is achieved or missed over its period."""
    growth = {2021: "8", 2022: "7", 2023: "6", 2024: "7", 2025: "7"}
    t = _five_year("地区生产总值增长", "7左右", "~", "7")
    s = decide(t, _fact(growth[2025], 2025), Series(growth))
    mean = (math.prod(1 + float(v) / 100 for v in growth.values()) ** 0.2 - 1) * 100
    assert s.status == "basically_achieved" and s.progress["done"] == pytest.approx(round(mean, 2))
    assert decide(t, None, Series({y: "5" for y in growth})).status == "missed"
    jobs = _five_year("城镇新增就业", "[30]", "=", "30", unit="万人")
    assert decide(jobs, None, Series({y: "6.1" for y in growth}, unit="万人")).status == "achieved"
    assert decide(jobs, None, Series({y: "5.9" for y in growth}, unit="万人")).status == "missed"
    assert decide(jobs, None, Series({}, unit="万人")).status == "pending"


@pytest.mark.parametrize("name, text, unit, indicator, measure", [
    ("地区生产总值增长", "7左右", "%", "gdp_growth", "average"),
    ("地区生产总值", "年均增长6%", "%", "gdp_growth", "average"),
    ("城镇新增就业", "［30］", "万人", "new_urban_jobs", "cumulative"),
    ("城镇新增就业", "累计达到30万人", "万人", "new_urban_jobs", "cumulative"),
    ("单位地区生产总值能源消耗降低", "13.5", "%", "energy_intensity_reduction", "cumulative"),
    ("单位地区生产总值能耗", "下降13.5%", "%", None, "cumulative"),
    ("常住人口城镇化率", "66", "%", "urbanization_rate", "level"),
    ("地区生产总值", "5800以上", "亿元", "gdp_level", "level"),
])
def test_how_a_five_year_target_counts_its_years(name, text, unit, indicator, measure):
    t = TargetLine(name=name, indicator=indicator, text=text, kind="numeric", comparator="=", value=Decimal(1),
                   value_high=None, unit=unit, year=2025, reference=None)
    assert period_measure(t) == measure


@pytest.mark.parametrize("doc_type, plan_year, year, period", [
    ("five_year_plan", 2021, 2025, (2020, 2025)),   # an outline issued in its first year
    ("five_year_plan", 2020, 2025, (2020, 2025)),   # a proposal adopted in the base year
    ("five_year_plan", 2026, 2030, (2025, 2030)),
    ("five_year_plan", 2021, 2035, (2020, 2035)),   # a 远景 goal
    ("work_report", 2021, 2025, (2020, 2025)),      # a work report's 十四五 paragraph
    ("work_report", 2024, 2027, (2023, 2027)),      # 到2027年
    ("work_report", 2024, 2024, None), ("plan_report", 2024, 2023, None), ("plan_notice", None, 2025, None),
])
def test_the_period_a_target_covers(doc_type, plan_year, year, period):
    assert target_period(doc_type, plan_year, year) == period


# ------------------------------------------------------------------------ which figure counts


def _doc(doc_type: str, plan_year: int, doc_id: int = 1) -> DocRef:
    return DocRef(id=doc_id, title=f"doc {doc_id}", doc_type=doc_type, region_code="430600", region_name="岳阳市",
                  plan_year=plan_year, issued_on=None, doc_number=None, issuer=None, url=None, sha256="x")


def _actual_fact(doc, context, text, estimated=False, year=2023, imported=False, period=None, fact_id=1):
    return ActualFact(id=fact_id, region_code="430600", indicator="gdp_growth", name="地区生产总值", year=year,
                      period=period, measure="growth", value=Decimal("6"), unit="%", comparator="=",
                      estimated=estimated, imported=imported, text=text, span=[0, 1], source_span=None, doc=doc,
                      source="x", context=context)


@pytest.mark.parametrize("doc_type, plan_year, context, text, estimated, basis", [
    ("statistical_bulletin", 2023, "一、综合\n初步核算，全年全市地区生产总值5100亿元，", "比上年增长6.2%", True, "bulletin"),
    ("work_report", 2024, "过去一年，初步核算，全市地区生产总值", "增长6.1%", True, "preliminary"),
    ("work_report", 2024, "过去一年，全市经济回升向好。预计全年地区生产总值", "增长6.0%", True, "estimate"),
    ("work_report", 2024, "过去一年，全市地区生产总值", "增长6.1%", False, "preliminary"),
    ("plan_report", 2024, "地区生产总值增长\t%\t6.5左右\t", "6.1", False, "preliminary"),
    ("plan_report", 2024, "研发经费投入强度\t%\t2.6\t", "2.7（预计）", True, "estimate"),
    ("plan_report", 2024, "地区生产总值增长\t6.5\t", "6.0", True, "estimate"),  # a 预计全年 column
    ("plan_report", 2024, "预计全年增长6%。\n初步核算，全年地区生产总值", "增长6.1%", True, "preliminary"),
    ("statistical_bulletin", 2024, "经最终核实，2023年全市地区生产总值", "增长6.3%", False, "revision"),
    ("work_report", 2026, "2023年全市地区生产总值", "增长6.3%", False, "revision"),  # published years later
])
def test_the_basis_of_a_figure(doc_type, plan_year, context, text, estimated, basis):
    assert _actual_fact(_doc(doc_type, plan_year), context, text, estimated).basis == basis


def test_the_order_of_precedence_of_actuals():
    ranked = [
        _actual_fact(None, "", "6.4", imported=True, fact_id=1),
        _actual_fact(_doc("statistical_bulletin", 2024, 2), "经核实，2023年地区生产总值", "增长6.3%", fact_id=2),
        _actual_fact(_doc("statistical_bulletin", 2023, 3), "初步核算，全年", "增长6.2%", True, fact_id=3),
        _actual_fact(_doc("plan_report", 2024, 4), "初步核算，全年", "增长6.1%", True, fact_id=4),
        _actual_fact(_doc("work_report", 2024, 5), "预计全年", "增长6.0%", True, fact_id=5),
        _actual_fact(_doc("work_report", 2023, 6), "前三季度", "增长5.9%", True, period="2023-01/2023-09",
                     fact_id=6),
    ]
    assert [a.basis for a in ranked[:5]] == ["official", "revision", "bulletin", "preliminary", "estimate"]
    for i in range(len(ranked)):
        shuffled = ranked[i:] + ranked[:i]
        assert [a.id for a in sorted(shuffled, key=actual_precedence)] == [1, 2, 3, 4, 5, 6]


def test_an_estimate_then_the_bulletin(db_url):  # noqa: F811
    """The work report's 预计 figure counts until the bulletin for the year is in; then the
    bulletin's figure counts and the estimate is shown as what it replaced."""
    tracker = zhibiao.open(db_url)
    ingest(tracker.db, [DOCS / "notice_yueyang_2023.txt", DOCS / "workreport_yueyang_2024.txt"])
    gdp = _by_indicator(tracker.status("岳阳市", 2023).targets, "gdp_growth", period=False)
    assert (gdp.actual["value"], gdp.actual["basis"], gdp.actual["source"]) == (6, "estimate", WORK_REPORT_TITLE)
    assert "（预计）" in gdp.explanation and " (estimated)" in gdp.explanation_en

    ingest(tracker.db, [DOCS / "bulletin_yueyang_2023.txt"])
    gdp = _by_indicator(tracker.status("岳阳市", 2023).targets, "gdp_growth", period=False)
    assert (gdp.actual["value"], gdp.actual["basis"], gdp.actual["source"]) == (6.2, "bulletin", BULLETIN_2023_TITLE)
    assert [(s["value"], s["basis"], s["source"]) for s in gdp.actual["superseded"]] == [
        (6, "estimate", WORK_REPORT_TITLE)]
    assert "（预计）" not in gdp.explanation  # the bulletin's 初步核算 figure is not an estimate
    assert f"取代预计数 6%（{WORK_REPORT_TITLE}）" in gdp.explanation
    assert f"replaces the estimated figure 6% ({WORK_REPORT_TITLE})" in gdp.explanation_en

    # the plan report's completion table (初步核算 figures) comes between them
    ingest(tracker.db, [DOCS / "planreport_yueyang_2024.txt"])
    gdp = _by_indicator(tracker.status("岳阳市", 2023).targets, "gdp_growth", period=False)
    assert gdp.actual["source"] == BULLETIN_2023_TITLE
    assert [s["basis"] for s in gdp.actual["superseded"]] == ["preliminary", "estimate"]
    assert PLAN_REPORT_TITLE in gdp.explanation and WORK_REPORT_TITLE in gdp.explanation

    # every view shows it: CLI text and JSON, the API, the scorecard
    data = json.loads(_cli("status", "-r", "岳阳市", "-y", "2023", "--db", db_url, "-f", "json"))
    line = _by_indicator(data["targets"], "gdp_growth", period=False)
    assert line["actual"]["basis"] == "bulletin" and len(line["actual"]["superseded"]) == 2
    text = _cli("status", "-r", "岳阳市", "-y", "2023", "--db", db_url)
    row = _row(text, "地区生产总值增长")
    assert row[3] == "比上年增长6.2%"
    assert f"取代初步核算数6.1%（{PLAN_REPORT_TITLE}）" in row[4] and f"预计数6%（{WORK_REPORT_TITLE}）" in row[4]
    client = TestClient(__import__("zhibiao.web.app", fromlist=["create_app"]).create_app(tracker.db))
    api = client.get("/api/v1/status", params={"region": "岳阳市", "year": 2023}).json()
    assert _by_indicator(api["targets"], "gdp_growth", period=False)["actual"]["superseded"][1]["basis"] == "estimate"
    row = client.get("/region/430600/2023").text.split('data-indicator="gdp_growth"', 1)[1].split("</tr>", 1)[0]
    assert "6.2%" in row and "增长6.0%" in row and WORK_REPORT_TITLE in row


def test_the_bulletin_counts_whichever_document_came_first(db_url):  # noqa: F811
    tracker = zhibiao.open(db_url)
    ingest(tracker.db, [DOCS / "notice_yueyang_2023.txt", DOCS / "bulletin_yueyang_2023.txt"])
    ingest(tracker.db, [DOCS / "workreport_yueyang_2024.txt"])
    gdp = _by_indicator(tracker.status("岳阳市", 2023).targets, "gdp_growth", period=False)
    assert (gdp.actual["value"], gdp.actual["basis"]) == (6.2, "bulletin")


# ------------------------------------------------------------------------ restated targets


def test_a_completion_table_restating_the_plan_is_checked_against_it(db_url):  # noqa: F811
    tracker = zhibiao.open(db_url)
    ingest(tracker.db, [DOCS / "planreport_yueyang_2024.txt"])
    # without the plan notice the report's restatement is all there is, and says so
    alone = _by_indicator(tracker.status("岳阳市", 2023).targets, "new_urban_jobs", period=False)
    assert alone.text == "5以上" and alone.restated
    ingest(tracker.db, [DOCS / "notice_yueyang_2023.txt"])
    lines = tracker.status("岳阳市", 2023).targets
    jobs = _by_indicator(lines, "new_urban_jobs", period=False)
    assert (jobs.text, jobs.document["doc_type"], jobs.restated) == ("5.5以上", "plan_notice", False)
    assert jobs.conflict and [(o["text"], o["restated"]) for o in jobs.others] == [("5以上", True)]
    assert f"后续文件 {PLAN_REPORT_TITLE} 转述为 5以上，与原定目标不同" in jobs.explanation
    assert "restates it as 5以上" in jobs.explanation_en
    gdp = _by_indicator(lines, "gdp_growth", period=False)  # restated as set: no flag
    assert gdp.text == "6.5左右" and gdp.document["doc_type"] == "plan_notice" and not gdp.conflict
    # the 2024 targets of the same report are its own, not restatements
    own = _by_indicator(tracker.status("岳阳市", 2024).targets, "new_urban_jobs", period=False)
    assert own.document["doc_type"] == "plan_report" and not own.restated


class Series(Context):
    """Each year's figure of one indicator (a region's bulletins)."""

    def __init__(self, values: dict[int, str], unit: str = "%"):
        self.values, self.unit = values, unit

    def actual_of(self, indicator, year):
        return _fact(self.values[year], year, self.unit) if year in self.values else None


def _fact(value: str, year: int, unit: str = "%") -> Actual:
    text = f"增长{value}%" if unit == "%" else f"{value}{unit}"
    return Actual(value=Decimal(value), unit=unit, text=text, document=f"{year}年公报", span=[0, 1], year=year,
                  period=None, estimated=False, measure="growth" if unit == "%" else "level")


def _five_year(name, text, comparator, value, unit="%") -> TargetLine:
    t = TargetLine(name=name, indicator="x", text=text, kind="numeric", comparator=comparator, value=Decimal(value),
                   value_high=None, unit=unit, year=2025, reference=None, base_year=2020)
    t.measure = "average" if unit == "%" else "cumulative"
    return t


def test_the_change_needed_is_judged_as_shown():
    """6.5 % and 6.1 % average 6.30 % (6.2998…); with 2021 and 2022 at 6.3 % the year left needs
    6.30 %: on track, as the explanation shows it, not behind by a ten-thousandth."""
    t = _five_year("人均地区生产总值增长", "6.3", "=", "6.3")
    s = decide(t, _fact("6.1", 2024), Series({2023: "6.5", 2024: "6.1"}))
    assert (s.progress["observed"], s.progress["required"], s.status) == (6.3, 6.3, "on_track")
    assert decide(t, _fact("6.0", 2024), Series({2023: "6.5", 2024: "6.0"})).status == "behind"
