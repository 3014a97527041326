"""The command line: output formats, languages, variants, and one-line errors with exit 2."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Cli


def test_tet_json_lists_objects(cli: Cli) -> None:
    code, out, _ = cli("tet", "2020", "2030", "--format", "json")
    assert code == 0
    records = json.loads(out)
    assert [r["year"] for r in records] == list(range(2020, 2031))
    by_year = {r["year"]: r for r in records}
    assert by_year[2020]["date"] == "2020-01-25"
    assert by_year[2020]["can_chi"] == "Canh Tý"
    assert by_year[2030]["date"] == "2030-02-02"


def test_tet_variants(cli: Cli) -> None:
    _, out, _ = cli("tet", "2030", "--calendar", "china", "--format", "json")
    assert json.loads(out)[0]["date"] == "2030-02-03"
    _, out, _ = cli("tet", "1965", "--calendar", "vietnam-utc7", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["date"] == "1965-02-01"
    assert rows[0]["calendar"] == "vietnam-utc7"


def test_tet_range_forms(cli: Cli) -> None:
    _, out, _ = cli("tet", "2020-2022", "--format", "csv")
    assert [r["year"] for r in csv.DictReader(io.StringIO(out))] == ["2020", "2021", "2022"]


def test_tet_text_in_both_languages(cli: Cli) -> None:
    _, out, _ = cli("tet", "2026")
    assert "Thứ Ba, 17/02/2026" in out
    assert "Bính Ngọ" in out
    assert "Ngựa" in out
    _, out, _ = cli("tet", "2026", "--lang", "en")
    assert "Tuesday 2026-02-17" in out
    assert "Horse" in out


def test_convert_solar_to_lunar(cli: Cli) -> None:
    code, out, _ = cli("convert", "2030-02-02", "--format", "json")
    assert code == 0
    (record,) = json.loads(out)
    assert record["lunar_year"] == 2030
    assert record["lunar_month"] == 1
    assert record["lunar_day"] == 1
    assert record["leap"] is False
    assert record["can_chi_year"] == "Canh Tuất"


def test_convert_accepts_vietnamese_dates(cli: Cli) -> None:
    _, out, _ = cli("convert", "11/02/2021", "23.5.2020", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["lunar"] for r in rows] == ["30/12/2020", "01/04 nhuận/2020"]
    assert rows[1]["leap"] == "true"


def test_convert_to_solar(cli: Cli) -> None:
    _, out, _ = cli("convert", "--to-solar", "2020-04-01", "--leap", "--format", "json")
    assert json.loads(out)[0]["solar"] == "2020-05-23"
    _, out, _ = cli("convert", "--to-solar", "2037-03-10")
    assert "24/04/2037" in out


def test_convert_text(cli: Cli) -> None:
    _, out, _ = cli("convert", "2020-05-23")
    assert out.startswith("Thứ Bảy, 23/05/2020 = 01/04 nhuận/2020 âm lịch")
    _, out, _ = cli("convert", "2054-05-20")
    assert "[tạm tính]" in out  # a provisional month says so


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["convert", "2020-02-30"], "'2020-02-30' is not a valid date"),
        (["convert", "hôm nay"], "is not a date (use YYYY-MM-DD or dd/mm/yyyy)"),
        (["convert", "1800-01-01"], "outside the supported range"),
        (["convert", "--to-solar", "2023-02-30", "--leap"], "has 29 days"),
        (["convert", "--to-solar", "2024-04-01", "--leap"], "has no leap month"),
        (["convert", "2020-01-01", "--leap"], "--leap only applies with --to-solar"),
        (["tet", "2300"], "outside the supported range 1900–2199"),
        (["tet", "2030", "2020"], "ends before it starts"),
        (["tet", "abc"], "expected a year or two years"),
        (["tet", "2020", "--calendar", "japan"], "invalid choice: 'japan'"),
        (["tet", "2020", "--format", "xml"], "invalid choice: 'xml'"),
        (["frobnicate"], "invalid choice"),
        ([], "required"),
    ],
)
def test_errors_are_one_line_with_exit_2(cli: Cli, argv: list[str], message: str) -> None:
    code, out, err = cli(*argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("thidua-calendar")
    assert ": error: " in err
    assert message in err


def test_version_and_help(cli: Cli) -> None:
    code, out, _ = cli("--version")
    assert code == 0
    assert out.startswith("thidua-calendar 0.")
    for command in ("convert", "tet"):
        code, out, _ = cli(command, "--help")
        assert code == 0
        assert "examples:" in out
        assert "--format" in out


def test_python_dash_m_has_no_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "thidua_calendar", "tet", "1800"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        "thidua-calendar: error: lunar year 1800 is outside the supported range 1900–2199"
    )
    ok = subprocess.run(
        [sys.executable, "-m", "thidua_calendar", "tet", "2021", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(ok.stdout)[0]["can_chi"] == "Tân Sửu"


def test_milestones_json(cli: Cli) -> None:
    code, out, _ = cli("milestones", "2020", "--rank", "tron", "--format", "json")
    assert code == 0
    records = json.loads(out)
    by_key = {r["key"]: r for r in records}
    party = by_key["thanh_lap_dang"]
    assert party["ordinal"] == 90
    assert party["rank"] == "tron"
    assert party["date"] == "2020-02-03"
    assert party["origin"] == "1930-02-03"
    assert party["label"] == (
        "Kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2020)"
    )
    assert {"key", "name", "date", "origin", "ordinal", "rank", "label"} <= set(party)
    assert all(r["rank"] == "tron" for r in records)


def test_milestones_text_csv_and_filters(cli: Cli) -> None:
    _, out, _ = cli("milestones", "2021", "--category", "union", "--lang", "en")
    assert "92nd anniversary of the founding of the Vietnam Trade Union" in out
    _, out, _ = cli("milestones", "2020", "2021", "--key", "quoc_khanh", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["date"], r["ordinal"]) for r in rows] == [("2020-09-02", "75"), ("2021-09-02", "76")]


def test_milestones_with_a_user_catalogue(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "org.toml"
    path.write_text(
        '[[commemoration]]\nkey = "thanh_lap_cty"\nname_vi = "Ngày thành lập Công '
        'ty"\ncalendar = "solar"\nmonth = 3\nday = 15\norigin = "2006-03-15"\n',
        encoding="utf-8",
    )
    _, out, _ = cli("milestones", "2026", "--catalog", str(path), "--rank", "tron")
    assert "Kỷ niệm 20 năm Ngày thành lập Công ty (15/03/2006 - 15/03/2026)" in out
    path.write_text(
        '[[commemoration]]\nkey = "x"\nname_vi = "X"\ncalendar = "solar"\nmonth = 4\nday = 31\n',
        encoding="utf-8",
    )
    code, out, err = cli("milestones", "2026", "--catalog", str(path))
    assert code == 2
    assert out == ""
    assert f"{path}:6: commemoration 'x': 31/4 does not exist" in err
    code, _, err = cli("milestones", "2026", "--catalog", str(tmp_path / "nope.toml"))
    assert code == 2
    assert "No such file or directory" in err
    assert "nope.toml" in err
