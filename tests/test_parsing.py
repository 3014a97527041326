"""Strict parsing (issue 13, item 5) and text hygiene at TOML load (item 2, the input side).

Dates are ``YYYY-MM-DD`` (or the month form ``YYYY-MM`` where a plan allows it) in ASCII
digits; years on the command line are ASCII digits without a sign; line numbers are counted
as TOML counts them; a string from a TOML file holds no control character, NUL or
noncharacter.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import thidua_calendar as tc
from conftest import Cli
from thidua_calendar._toml import Located, strict_date

PLAN = '[plan]\ntitle = "KH"\nyear = 2026\n'
ARABIC_2020 = "\u0662\u0660\u0662\u0660"  # ٢٠٢٠
CATALOGUE = (
    '[[commemoration]]\nkey = "ngay_truong"\nname_vi = "Ngày thành lập Trường"\n'
    'calendar = "solar"\nmonth = 9\nday = 5\n'
)


def located_error(text: str, tmp_path: Path, *, catalogue: bool = False) -> str:
    path = tmp_path / ("cat.toml" if catalogue else "plan.toml")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(tc.DataError) as info:
        tc.load_catalog(path) if catalogue else tc.load_plan(path)
    message = str(info.value)
    assert message.startswith(f"{path}:"), message
    return message.removeprefix(f"{path}:")


# --- dates in plans ---------------------------------------------------------------------------

NOT_DATES = [
    "2026-W01-1",
    "2026-001",
    "20260101",
    f"{ARABIC_2020}-01-01",
    "2026-1-1x",
    "+2026-01-01",
]


@pytest.mark.parametrize("text", [*NOT_DATES, "2026-01-01T00:00"])
def test_strict_date_takes_one_form(text: str) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        strict_date(text)


@pytest.mark.parametrize("text", NOT_DATES)
def test_plan_dates_take_one_form(text: str, tmp_path: Path) -> None:
    start = located_error(PLAN + f'start = "{text}"\n', tmp_path)
    assert start.startswith("4: [plan]: impossible start"), start
    issued = located_error(PLAN + f'date = "{text}"\n', tmp_path)
    assert issued.startswith("4: [plan]: date must be a date YYYY-MM-DD"), issued
    phase = PLAN + f'[[phase]]\nlabel = "Đợt 1"\nstart = "{text}"\nend = "2026-06"\n'
    assert located_error(phase, tmp_path).startswith("6: phase 'Đợt 1': impossible start")


def test_a_month_in_other_digits_is_refused(tmp_path: Path) -> None:
    assert located_error(PLAN + f'start = "{ARABIC_2020}-01"\n', tmp_path).startswith("4: ")


@pytest.mark.parametrize("value", ["20260101", "2026", "true", "2026.5"])
def test_a_number_where_a_date_is_expected(value: str, tmp_path: Path) -> None:
    assert located_error(PLAN + f"start = {value}\n", tmp_path).startswith("4: [plan]: start")
    assert located_error(PLAN + f"date = {value}\n", tmp_path).startswith("4: [plan]: date")


@pytest.mark.parametrize("value", ["20260101", '"2026-W01-1"', '"20260101"'])
def test_a_tba_expected_date_is_strict(value: str, tmp_path: Path) -> None:
    text = (
        PLAN + '[[phase]]\nlabel = "Đợt 1"\nstart = "2026-01-01"\n'
        f"end_event = {{ tba = true, expected = {value} }}\n"
    )
    message = located_error(text, tmp_path)
    assert message.startswith("7: phase 'Đợt 1': expected must be a date"), message
    good = text.replace(value, '"2026-06-30"')
    (tmp_path / "good.toml").write_text(good, encoding="utf-8")
    phase = tc.load_plan(tmp_path / "good.toml").phases[0]
    assert phase.end == dt.date(2026, 6, 30)
    assert phase.end_event is not None
    assert phase.end_event.expected == dt.date(2026, 6, 30)


def test_catalogue_dates_are_strict(tmp_path: Path) -> None:
    text = CATALOGUE + 'valid_from = "2026-W01-1"\n'
    assert "valid_from must be a date" in located_error(text, tmp_path, catalogue=True)
    text = f'[meta]\nrevision = "{ARABIC_2020}-01-01"\n' + CATALOGUE
    message = located_error(text, tmp_path, catalogue=True)
    assert message.startswith("2: [meta]: revision must be a date"), message


# --- years and dates on the command line -------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["tet", "-2020"],
        ["tet", "2020", "-2030"],
        ["tet", "2020-"],
        ["tet", ARABIC_2020],
        ["tet", "+2020"],
        ["milestones", "-2025"],
        ["milestones", "2_025"],
        ["schedule", "-2026"],
        ["convert", f"{ARABIC_2020}-01-01"],
        ["convert", "01/01/" + ARABIC_2020],
        ["ics", "--from", "-2020", "-o", "x.ics"],
        ["ics", "--to", ARABIC_2020, "-o", "x.ics"],
        ["poster", "+2026"],
        ["plan", "new", "--year", ARABIC_2020],
        ["lint", "--year", "-2026", "-"],
    ],
)
def test_command_line_years_are_ascii_digits(
    argv: list[str], cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = cli(*argv)
    assert code == 2, (argv, out, err)
    assert err.strip()
    assert "\n" not in err.strip()
    assert "Traceback" not in err
    assert not (tmp_path / "x.ics").exists()


def test_command_line_years_still_work(cli: Cli) -> None:
    assert cli("tet", "2020")[0] == 0
    assert cli("tet", "2020-2021")[0] == 0
    assert cli("tet", "2020", "2021")[0] == 0
    assert cli("convert", "2020-01-25", "25/01/2020")[0] == 0


# --- line numbers as TOML counts them ---------------------------------------------------------


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
def test_only_lf_ends_a_line(separator: str, tmp_path: Path) -> None:
    # str.splitlines() also splits at these; TOML does not (raw in a string and a comment).
    text = f'[plan]\ntitle = "a{separator}b" # c{separator}d\nyear = 2026\nbogus = 1\n'
    assert located_error(text, tmp_path).startswith("4: [plan]: unknown field 'bogus'")


def test_crlf_lines(tmp_path: Path) -> None:
    text = PLAN.replace("\n", "\r\n") + "bogus = 1\r\n"
    path = tmp_path / "plan.toml"
    path.write_bytes(text.encode())
    with pytest.raises(tc.DataError, match=r"plan\.toml:4: \[plan\]: unknown field 'bogus'"):
        tc.load_plan(path)


@pytest.mark.parametrize("quote", ['"""', "'''"])
def test_a_multi_line_string_does_not_shift_later_lines(quote: str, tmp_path: Path) -> None:
    text = (
        PLAN + f'theme = {quote}\nmột\u2028hai\n[[phase]]\nlabel = "giả"\nend = 1\n{quote}\n'
        '[[phase]]\nlabel = "Đợt 1"\nstart = "2026-01-01"\nend = "2026-02-30"\n'
    )
    message = located_error(text, tmp_path)
    assert message.startswith("13: phase 'Đợt 1': impossible end"), message


def test_table_lines_skip_multi_line_strings() -> None:
    doc = Located(
        'a = """\n[[phase]]\n"""\nb = \'x\' # [[phase]]\n[[phase]]\nlabel = "A"\n', "t.toml"
    )
    assert doc.table_line("phase", 0) == 5
    assert doc.field_line("phase", 0, "label") == 6
    assert doc.key_line("b") == 4


# --- text hygiene at TOML load ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "shown"),
    [
        ("title", r"KH\u0000", "U+0000"),
        ("title", r"KH\u001b[31m", "U+001B"),
        ("title", r"KH\u0007", "U+0007"),
        ("organisation", r"CĐ\u0085", "U+0085"),
        ("organisation", r"CĐ\u007f", "U+007F"),
        ("number", r"12\t3", "U+0009"),
        ("number", r"12\n3", "U+000A"),
        ("theme", "a\ufffe", "U+FFFE"),
        ("theme", "a\uffff", "U+FFFF"),
        ("theme", "a\ufdd0", "U+FDD0"),
        ("theme", "a\U0001fffe", "U+1FFFE"),
        ("theme", "a\U0010ffff", "U+10FFFF"),
    ],
)
def test_plan_text_hygiene(field: str, value: str, shown: str, tmp_path: Path) -> None:
    text = "[plan]\nyear = 2026\n" + ("" if field == "title" else 'title = "KH"\n')
    text += f'{field} = "{value}"\n'
    line = 3 if field == "title" else 4
    message = located_error(text, tmp_path)
    # The one text-hygiene rule's message (thidua_calendar._hygiene), at the field's line.
    assert message.startswith(f"{line}: [plan]: {field}: ")
    assert f" {shown} at character " in message
    assert message.endswith(" is not allowed; remove it")


def test_multi_line_fields_keep_tab_and_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN + 'theme = "a\\tb\\nc"\norganisation = "A\\nB"\n', encoding="utf-8")
    plan = tc.load_plan(path)
    assert (plan.theme, plan.organisation) == ("a\tb\nc", "A\nB")
    text = PLAN + '[[phase]]\nlabel = "Đợt\\t1"\nstart = "2026-01"\nend = "2026-02"\n'
    assert located_error(text, tmp_path).startswith("5: phase #1: label: tab U+0009")
    # A CR written as an escape is refused even in a multi-line field (a file's CRLF line
    # ends never reach the text: TOML reads them as LF).
    text = PLAN + 'theme = "a\\r\\nb"\n'
    assert "theme: control character U+000D" in located_error(text, tmp_path)


def test_catalogue_text_hygiene(tmp_path: Path) -> None:
    text = CATALOGUE.replace("Trường", "Trường\\u0001")
    message = located_error(text, tmp_path, catalogue=True)
    assert message.startswith("3: commemoration 'ngay_truong': name_vi: control character U+0001")
    text = CATALOGUE + 'aliases = ["ok", "x\\u009b"]\n'
    message = located_error(text, tmp_path, catalogue=True)
    assert message.startswith("7: commemoration 'ngay_truong': aliases: control character U+009B")
    text = CATALOGUE + 'notes = "dòng 1\\ndòng 2\\tx"\n'
    (tmp_path / "ok.toml").write_text(text, encoding="utf-8")
    assert tc.load_catalog(tmp_path / "ok.toml")["ngay_truong"].notes == "dòng 1\ndòng 2\tx"


def test_plan_lists_of_texts_are_clean(tmp_path: Path) -> None:
    text = PLAN + '[follow]\nkeys = ["quoc_khanh\\u0000"]\n'
    assert located_error(text, tmp_path).startswith("5: [follow]: keys: control character U+0000")
