"""Corrections and imports accept only finite decimals, known comparators, years in range and
bounded text (issue 17.5). Before, a correction with value "abc", a list or sNaN, or an imported
actual of Infinity / NaN / year 99999 was stored, after which the region's scorecard and
/api/v1/status answered 500 and JSON output printed Infinity."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

from paths import EXAMPLES
from zhibiao.cli import main
from zhibiao.errors import InputError
from zhibiao.store import validate as check

BAD_VALUES = ["abc", "Infinity", "-Infinity", "NaN", "sNaN", "1e400", "1" * 41, "", "6.5.1"]


@pytest.mark.parametrize("value", BAD_VALUES + [True, None, [1], {"a": 1}, float("inf"), float("nan")])
def test_bad_numbers_are_refused(value):
    with pytest.raises(InputError, match="value"):
        check.decimal(value)


@pytest.mark.parametrize("value, expected", [("6.5", "6.5"), (" 1,234.5 ", "1234.5"), ("6.5%", "6.5"), (-5.6, "-5.6"),
                                             (7, "7"), ("0.000000001", "0E-8")])
def test_good_numbers_keep_their_digits(value, expected):
    assert check.decimal(value) == Decimal(expected)


@pytest.mark.parametrize("value", [99999, 1948, 2201, "20x4", 2024.5, True, None, "Infinity"])
def test_years_out_of_range_are_refused(value):
    with pytest.raises(InputError, match="year"):
        check.year(value)


def test_comparators_and_text():
    assert check.comparator(">=") == ">="
    for bad in ("≈", "=>", "", None, 5):
        with pytest.raises(InputError):
            check.comparator(bad)
    assert check.text("地区生产总值\u202e\x1b", "name", 20) == "地区生产总值"
    with pytest.raises(InputError, match="longer than 200"):
        check.text("名" * 201, "name", 200)
    with pytest.raises(InputError, match="required"):
        check.text("  ", "name", 200, required=True)


def test_correction_changes_are_checked_field_by_field():
    assert check.correction_changes({"value": "5.5", "comparator": "~", "year": 2024, "unit": "%"}) == {
        "value": 5.5, "comparator": "~", "year": 2024, "unit": "%"}
    assert check.correction_changes({"value": "123456789012345.12345678"})["value"] == "123456789012345.12345678"
    for bad in ({"value": "abc"}, {"value": [1]}, {"value": "sNaN"}, {"comparator": "≈"}, {"year": 99999},
                {"indicator": "no_such_indicator"}, {"name": ""}, {"unit": "x" * 33}, {"text": "x"}, ["value"]):
        with pytest.raises(InputError):
            check.correction_changes(bad)


def _csv(tmp_path, rows: list[str]):
    path = tmp_path / "bureau.csv"
    path.write_text("region,indicator,year,value,comparator,name,unit,source\n" + "\n".join(rows) + "\n",
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory):
    import sqlite3

    path = tmp_path_factory.mktemp("db") / "x.db"
    assert main(["ingest", str(EXAMPLES), "--db", str(path), "-q"]) == 0
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture()
def db(examples_db, tmp_path):
    path = tmp_path / "x.db"
    path.write_bytes(examples_db.read_bytes())
    return str(path)


@pytest.mark.parametrize("row", [
    "湖州市,gdp_growth,2024,Infinity,=,,,",
    "湖州市,gdp_growth,2024,NaN,=,,,",
    "湖州市,gdp_growth,2024,sNaN,=,,,",
    "湖州市,gdp_growth,2024,1e400,=,,,",
    "湖州市,gdp_growth,99999,6.1,=,,,",
    "湖州市,gdp_growth,2024,6.1,≈,,,",
    "湖州市,gdp_growth,2024,6.1,=," + "名" * 300 + ",,",
    "湖州市,gdp_growth,2024,6.1,=,,%,来" + "源" * 600,
])
def test_a_bad_imported_figure_is_refused_and_nothing_is_stored(row, db, tmp_path, capsys):
    path = _csv(tmp_path, ["湖州市,cpi,2024,0.3,=,,%,统计局", row])
    assert main(["import-actuals", str(path), "--db", db]) == 2
    err = capsys.readouterr().err
    assert "bureau.csv row 3" in err
    # nothing stored, not even the good row; every view still answers
    assert main(["status", "-r", "湖州市", "-y", "2024", "--db", db, "--format", "json"]) == 0
    out = capsys.readouterr().out
    json.loads(out)  # valid JSON (no Infinity, no NaN)
    assert "Infinity" not in out and "NaN" not in out
    assert main(["import-actuals", str(path), "--db", db, "--skip-invalid"]) == 0
    assert "stored 1" in capsys.readouterr().out
