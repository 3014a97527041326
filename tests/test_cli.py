"""The command line: output formats, languages, variants, and one-line errors with exit 2."""

from __future__ import annotations

import argparse
import ast
import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PLAN_WITH_A_YEAR_TYPO, Cli
from thidua_calendar import Category, EntryKind, Lang
from thidua_calendar.cli import build_parser, main
from thidua_calendar.cli._options import LANGS, terminal_width


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
@pytest.mark.usefixtures("english")
def test_errors_are_one_line_with_exit_2(cli: Cli, argv: list[str], message: str) -> None:
    code, out, err = cli(*argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("thidua-calendar")
    assert ": error: " in err
    assert message in err


@pytest.mark.usefixtures("english")
def test_version_and_help(cli: Cli) -> None:
    code, out, _ = cli("--version")
    assert code == 0
    assert out.startswith("thidua-calendar 0.")
    for command in ("convert", "tet"):
        code, out, _ = cli(command, "--help")
        assert code == 0
        assert "examples:" in out
        assert "--format" in out


@pytest.mark.usefixtures("english")
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
    assert err == f"thidua-calendar: lỗi: không có tệp hoặc thư mục này: {tmp_path / 'nope.toml'}\n"
    code, _, err = cli(
        "milestones", "2026", "--catalog", str(tmp_path / "nope.toml"), "--lang", "en"
    )
    assert code == 2
    assert "No such file or directory" in err
    assert "nope.toml" in err


# --- several --rank: the union of the ranks ------------------------------------------------


@pytest.mark.usefixtures("english")
def test_milestones_accepts_several_ranks(cli: Cli) -> None:
    _, out, _ = cli("milestones", "2025", "--format", "json")
    every = json.loads(out)
    assert {r["rank"] for r in every} >= {"tron", "le5", "khac"}
    code, out, _ = cli("milestones", "2025", "--rank", "tron", "--rank", "le5", "--format", "json")
    assert code == 0
    both = json.loads(out)
    assert both == [r for r in every if r["rank"] in ("tron", "le5")]  # in the same order
    assert {r["rank"] for r in both} == {"tron", "le5"}
    by_key = {r["key"]: r for r in both}
    assert by_key["thanh_lap_dang"]["ordinal"] == 95  # năm lẻ 5
    assert by_key["giai_phong_mien_nam"]["ordinal"] == 50  # năm tròn
    for rank in ("tron", "le5", "khac"):
        _, out, _ = cli("milestones", "2025", "--rank", rank, "--format", "json")
        assert json.loads(out) == [r for r in every if r["rank"] == rank]
    _, out, _ = cli("milestones", "2025", "--rank", "tron", "--rank", "all", "--format", "json")
    assert json.loads(out) == every
    code, out, err = cli("milestones", "2025", "--rank", "tron", "--rank", "round")
    assert (code, out) == (2, "")
    assert "invalid choice: 'round'" in err
    _, out, _ = cli("milestones", "--help")
    assert "--rank tron --rank le5" in out


# --- one list of languages -----------------------------------------------------------------


def every_parser() -> dict[str, argparse.ArgumentParser]:
    """Each command's parser (``plan check`` as well as ``plan``), its options added."""
    found: dict[str, argparse.ArgumentParser] = {}

    def walk(parser: argparse.ArgumentParser, prefix: str) -> None:
        parser.format_help()  # adds a command's deferred options
        found[prefix] = parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, f"{prefix} {name}".strip())

    walk(build_parser(), "")
    return found


def test_every_lang_option_has_the_same_languages() -> None:
    with_lang = {
        name: action
        for name, parser in every_parser().items()
        for action in parser._actions
        if action.dest == "lang"
    }
    assert sorted(with_lang) == [
        "",  # thidua-calendar --lang en COMMAND …
        "convert",
        "ics",
        "lint",
        "milestones",
        "plan check",
        "plan draft",
        "plan new",  # the comments of the starter plan
        "poster",
        "publish",
        "schedule",
        "tet",
    ]
    assert all(action.choices is LANGS for action in with_lang.values())
    assert all(action.default == "vi" for action in with_lang.values())
    assert list(LANGS) == [lang.value for lang in Lang]  # the library's languages


@pytest.mark.parametrize(
    "argv",
    [
        ["tet", "2025"],
        ["milestones", "2025"],
        ["plan", "check", "plan.toml"],
        ["lint", "a.txt"],
        ["poster", "2026", "-o", "a.svg"],
    ],
)
def test_an_unknown_language_is_refused_by_the_parser(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    code, out, err = cli(*argv, "--lang", "fr")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert "đối số --lang: giá trị không hợp lệ 'fr' (chọn một trong 'vi', 'en')" in err
    monkeypatch.setenv("THIDUA_LANG", "en")  # the environment's language says it then
    code, out, err = cli(*argv, "--lang", "fr")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert "argument --lang: invalid choice: 'fr' (choose from 'vi', 'en')" in err


# --- a closed standard output --------------------------------------------------------------


@pytest.fixture
def bad_plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN_WITH_A_YEAR_TYPO, encoding="utf-8")
    return path


def into_a_closed_pipe(*argv: str) -> subprocess.CompletedProcess[str]:
    """Run the command line with standard output a pipe whose reader has already gone."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(
            [sys.executable, "-m", "thidua_calendar", *argv],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(write)


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["tet", "2025"], 0),  # a short output: the pipe breaks when it is flushed
        (["schedule", "2020", "2030", "--format", "json"], 0),  # a long one: while writing
        (["plan", "check", "{plan}"], 1),  # the check still says that the plan has errors
        (["plan", "check", "{plan}", "--format", "json"], 1),
        (["--help"], 0),
        (["tet", "--help"], 0),
    ],
)
def test_a_closed_pipe_is_silent_and_keeps_the_exit_code(
    bad_plan: Path, argv: list[str], code: int
) -> None:
    result = into_a_closed_pipe(*(a.format(plan=bad_plan) for a in argv))
    assert (result.returncode, result.stderr) == (code, "")


def test_a_closed_pipe_in_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], bad_plan: Path
) -> None:
    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    assert main(["plan", "check", str(bad_plan)]) == 1  # the plan does have an error
    assert "phase-year-typo" in capsys.readouterr().out
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["plan", "check", str(bad_plan)]) == 1
    assert main(["tet", "2020", "2030"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.usefixtures("english")
def test_a_broken_pipe_to_an_output_file_is_an_error(
    monkeypatch: pytest.MonkeyPatch, cli: Cli, tmp_path: Path
) -> None:
    import thidua_calendar._files

    def broken(path: Path, data: bytes, *, force: bool = False) -> None:
        raise BrokenPipeError(32, "Broken pipe", str(path))

    monkeypatch.setattr(thidua_calendar._files, "write_output", broken)
    out = tmp_path / "plan.toml"
    code, _, err = cli("plan", "new", "--year", "2026", "-o", str(out))
    assert code == 2
    assert err == f"thidua-calendar: error: Broken pipe: {out}\n"


# --- start-up: a command imports what it uses ----------------------------------------------

HEAVY = (
    "thidua_calendar._milestones",
    "thidua_calendar._publish",
    "thidua_calendar._schedule",
    "thidua_calendar.commemorations",
    "thidua_calendar.congresses",
    "thidua_calendar.ical",
    "thidua_calendar.lint",
    "thidua_calendar.plans",
    "thidua_calendar.poster",
    "icalendar",
    "tomllib",
)


def loaded_after(code: str) -> list[str]:
    """The heavy modules, ``shutil`` and ``tempfile`` that a fresh interpreter running ``code``
    loads."""
    wanted = (*HEAVY, "shutil", "tempfile")
    program = (
        "import sys, io\n"
        f"{code}\n"
        f"print(sorted(m for m in {wanted!r} if m in sys.modules), file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    loaded: list[str] = ast.literal_eval(result.stderr.strip().splitlines()[-1])
    return loaded


def test_building_the_parser_imports_no_command_stack() -> None:
    code = (
        "from thidua_calendar.cli import build_parser\n"
        "parser = build_parser()\n"
        "parser.format_help()\n"
        "parser.parse_args(['tet', '2025'])\n"
        "parser.parse_args(['convert', '2025-01-29', '--format', 'json'])"
    )
    assert loaded_after(code) == []


@pytest.mark.parametrize("argv", [["tet", "2025"], ["convert", "2025-01-29"], ["--version"]])
def test_lunar_commands_import_no_command_stack(argv: list[str]) -> None:
    code = (
        "from thidua_calendar.cli import main\n"
        "sys.stdout = io.StringIO()\n"
        f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass"
    )
    # shutil and tempfile may come with the lunar tables (importlib.resources): only the
    # command stacks count here
    assert [m for m in loaded_after(code) if m not in ("shutil", "tempfile")] == []


def test_the_help_width_is_the_terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    monkeypatch.setenv("COLUMNS", "61")
    assert terminal_width() == shutil.get_terminal_size().columns == 61
    for parser in (every_parser()[""], every_parser()["tet"], every_parser()["plan"]):
        ours = parser.format_help()
        assert parser.formatter_class.__module__ == "thidua_calendar.cli._options"
        parser.formatter_class = next(  # argparse's own
            c for c in parser.formatter_class.__mro__ if c.__module__ == "argparse"
        )
        assert ours == parser.format_help()  # argparse's width is shutil's
    monkeypatch.setenv("COLUMNS", "0")
    assert terminal_width() == shutil.get_terminal_size().columns
    monkeypatch.delenv("COLUMNS")
    assert terminal_width() == shutil.get_terminal_size().columns


@pytest.mark.usefixtures("english")
def test_deferred_options_come_from_the_library(cli: Cli) -> None:
    from thidua_calendar.poster import PAPERS

    kinds = [k.value for k in EntryKind]  # the library's vocabularies
    categories = [c.value for c in Category]

    code, out, _ = cli("schedule", "--help")
    assert code == 0
    assert f"one of {', '.join(kinds)}" in " ".join(out.split())
    assert f"one of {', '.join(categories)}" in " ".join(out.split())
    code, out, _ = cli("poster", "--help")
    assert code == 0
    assert f"--paper {{{','.join(PAPERS)}}}" in out
    code, _, err = cli("schedule", "2026", "--kind", "bogus")
    assert code == 2
    assert "argument --kind: invalid choice: 'bogus'" in err


def test_category_all_lists_the_categories_left_out_by_default(cli: Cli) -> None:
    code, default, _ = cli("milestones", "2024", "--format", "csv")
    assert code == 0
    assert "tran_phu_ngay_sinh" not in default
    code, every, _ = cli("milestones", "2024", "--category", "all", "--format", "csv")
    assert code == 0
    assert "tran_phu_ngay_sinh" in every
    code, leaders, _ = cli("milestones", "2024", "--category", "leader", "--format", "csv")
    assert code == 0
    assert "tran_phu_ngay_sinh" in leaders
    assert "thanh_lap_dang" not in leaders
