"""The clerk's command line: Vietnamese first, Windows consoles, Excel, forgiving input."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import Cli
from thidua_calendar import DataError, load_plan, parse_plan
from thidua_calendar._wording.cli_argparse import argparse_message
from thidua_calendar.commemorations import load_catalog

# --- 1. Vietnamese first --------------------------------------------------------------------


def test_help_is_vietnamese_by_default_and_english_with_lang_en(cli: Cli) -> None:
    code, out, _ = cli("--help")
    assert code == 0
    assert out.startswith("cách dùng: thidua-calendar")
    assert "tùy chọn:" in out
    assert "in trợ giúp này rồi thoát" in out
    code, out, _ = cli("schedule", "--help")
    assert "ví dụ:" in out
    assert "  # lịch cả năm 2026\n  thidua-calendar schedule 2026\n" in out
    assert "NĂM [NĂM ...]" in out
    code, out, _ = cli("schedule", "--help", "--lang", "en")
    assert code == 0
    assert out.startswith("usage: thidua-calendar schedule")
    assert "  # the whole of 2026\n  thidua-calendar schedule 2026\n" in out
    assert "YEAR [YEAR ...]" in out
    assert "cách dùng" not in out


def test_the_environment_gives_the_default_and_lang_wins(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("THIDUA_LANG", "en")
    _, out, _ = cli("tet", "--help")
    assert out.startswith("usage: ")
    _, out, _ = cli("tet", "2026")
    assert "Tuesday 2026-02-17" in out  # the output too
    _, out, _ = cli("tet", "2026", "--lang", "vi")  # an explicit --lang wins
    assert "Thứ Ba, 17/02/2026" in out
    _, out, _ = cli("--lang", "vi", "tet", "--help")  # before the command as well
    assert out.startswith("cách dùng: ")
    monkeypatch.setenv("THIDUA_LANG", "EN ")  # spelt loosely
    _, out, _ = cli("tet", "--help")
    assert out.startswith("usage: ")


def test_a_bad_environment_language_is_a_clear_error(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("THIDUA_LANG", "fr")
    code, out, err = cli("tet", "2026")
    assert (code, out) == (2, "")
    assert err == (
        "thidua-calendar: lỗi: biến THIDUA_LANG phải là vi hoặc en, không phải 'fr' "
        "(THIDUA_LANG must be vi or en)\n"
    )
    code, out, _ = cli("tet", "2026", "--lang", "en")  # an explicit --lang still works
    assert (code, out.split()[0]) == (0, "Year")


@pytest.mark.parametrize(
    ("argv", "vi", "en"),
    [
        (["tet"], "thiếu đối số bắt buộc: NĂM", "the following arguments are required: YEAR"),
        (
            ["tet", "2020", "--format", "xml"],
            "đối số --format: giá trị không hợp lệ 'xml' (chọn một trong",
            "argument --format: invalid choice: 'xml' (choose from",
        ),
        (["tet", "2020", "--bogus"], "không hiểu các đối số: --bogus", "unrecognized arguments"),
        (["frobnicate"], "đối số LỆNH: giá trị không hợp lệ 'frobnicate'", "invalid choice"),
        (
            ["tet", "-2020"],
            "cần một năm hoặc hai năm, không phải '-2020'",
            "expected a year or two years, not '-2020'",
        ),
        (
            ["poster", "20x6", "-o", "a.svg"],
            "đối số NĂM: cần một năm viết bằng chữ số 0-9, không phải '20x6'",
            "argument YEAR: expected a year in digits 0-9, not '20x6'",
        ),
        (["tet", "2030", "2020"], "khoảng 2030–2020 kết thúc trước khi bắt đầu", "ends before"),
        (["convert", "31/04/2026"], "'31/04/2026' là ngày không có thật", "no such day"),
        (["convert", "hôm qua"], "không phải là ngày (viết YYYY-MM-DD", "is not a date"),
        (["convert", "2026-01-01", "--leap"], "--leap chỉ dùng cùng --to-solar", "--leap only"),
        (["schedule", "2026", "--format", "plan-text"], "--format plan-text cần --plan", "needs"),
    ],
)
def test_usage_errors_in_both_languages(cli: Cli, argv: list[str], vi: str, en: str) -> None:
    code, out, err = cli(*argv)
    assert (code, out, err.count("\n")) == (2, "", 1)
    assert err.startswith("thidua-calendar")
    assert ": lỗi: " in err
    assert vi in err
    code, out, err = cli(*argv, "--lang", "en")
    assert (code, out, err.count("\n")) == (2, "", 1)
    assert ": error: " in err
    assert en in err


def test_every_argparse_message_is_recognised() -> None:
    """Each template of argparse's messages this Python uses is said again in Vietnamese."""
    import argparse

    samples = [
        "the following arguments are required: YEAR, -o/--output",
        "argument --paper: invalid choice: 'A5' (choose from 'A4', 'A3')",
        "argument --x: invalid choice: 'tes', maybe you meant 'tet'? (choose from 'tet')",
        "unrecognized arguments: --x y",
        "argument -o/--output: expected one argument",
        "argument FILE: expected at least one argument",
        "argument --x: expected at most one argument",
        "argument --x: expected 2 arguments",
        "argument --year: invalid int value: 'x'",
        "argument --a: not allowed with argument --b",
        "argument --a: ignored explicit argument 'x'",
        "ambiguous option: --for could match --format, --force",
        "one of the arguments --a --b is required",
    ]
    for message in samples:
        said = argparse_message(message, "vi")
        assert said != message, message
        assert not any(word in said for word in ("argument", "invalid", "expected", "choose"))
    assert argparse_message(samples[1], "en") == samples[1]
    # the parser's own errors come through it: a missing value of an option
    parser_errors = [argparse.ArgumentError(None, "expected one argument")]
    assert [argparse_message(str(e), "vi") for e in parser_errors] == ["cần một giá trị"]


def test_file_errors_and_status_lines_are_vietnamese(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "demo.ics"
    code, _, err = cli("ics", "-o", str(out), "--from", "2026", "--to", "2026", "--major-days")
    assert code == 0
    assert err.splitlines()[-1].startswith(f"đã ghi {out} (")
    assert "sự kiện, 2026–2026)" in err
    code, _, err = cli("ics", "-o", str(out), "--from", "2026", "--to", "2026", "--major-days")
    assert f"{out}: không đổi (" in err
    english = tmp_path / "demo-en.ics"
    argv = ["ics", "-o", str(english), "--from", "2026", "--to", "2026", "--major-days"]
    code, _, err = cli(*argv, "--lang", "en")
    assert err.splitlines()[-1].startswith(f"wrote {english} (")
    code, _, err = cli(*argv, "--lang", "en")
    assert f"{english}: unchanged (" in err
    missing = tmp_path / "khong-co.toml"
    code, _, err = cli("schedule", "2026", "--plan", str(missing))
    assert (code, err) == (2, f"thidua-calendar: lỗi: không có tệp hoặc thư mục này: {missing}\n")
    code, _, err = cli("schedule", "2026", "--plan", str(missing), "--lang", "en")
    assert err == f"thidua-calendar: error: No such file or directory: {missing}\n"
    plan = tmp_path / "plan.toml"
    assert cli("plan", "new", "--year", "2026", "-o", str(plan))[0] == 0
    code, _, err = cli("plan", "new", "--year", "2026", "-o", str(plan))
    assert (code, err) == (2, f"thidua-calendar: lỗi: {plan} đã có; dùng --force để ghi đè\n")


def test_plan_new_comments_follow_the_language(cli: Cli) -> None:
    _, vi, _ = cli("plan", "new", "--year", "2026")
    _, en, _ = cli("plan", "new", "--year", "2026", "--lang", "en")
    assert vi.startswith("# Kế hoạch mẫu năm 2026 (halves), viết bởi `thidua-calendar plan new`.")
    assert "# cùng mọi ngày lễ lớn" in vi
    assert "# Chào mừng thành công: " in vi
    assert en.startswith("# Starter plan for 2026 (halves), written by `thidua-calendar plan new`.")
    assert "# plus every ngày lễ lớn" in en
    assert "# In honour of: the 14th National Congress" in en
    assert tomllib.loads(vi) == tomllib.loads(en)  # the TOML is the same


def test_a_vietnamese_starter_plan_is_known_as_the_tools(cli: Cli, tmp_path: Path) -> None:
    from thidua_calendar._files import written_here

    plan = tmp_path / "plan.toml"
    cli("plan", "new", "--year", "2026", "-o", str(plan))
    assert written_here(plan)


# --- 2. Windows and Excel -------------------------------------------------------------------


def run_on_a_windows_console(*argv: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    """The command line with the streams of a Windows console (code page 1252)."""
    environ = {**os.environ, "PYTHONIOENCODING": "cp1252", **env}
    environ.pop("PYTHONUTF8", None)
    return subprocess.run(
        [sys.executable, "-m", "thidua_calendar", *argv],
        capture_output=True,
        env=environ,
        check=False,
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["schedule", "2026"],
        ["--help"],
        ["plan", "new", "--year", "2026"],
        ["tet", "1800"],  # an error on standard error
        ["milestones", "2026", "--format", "csv"],
    ],
)
def test_a_cp1252_console_gets_utf8_and_never_charmap(argv: list[str]) -> None:
    result = run_on_a_windows_console(*argv)
    assert b"charmap" not in result.stderr
    assert b"Traceback" not in result.stderr
    assert result.returncode == (2 if argv == ["tet", "1800"] else 0)
    text = (result.stdout or result.stderr).decode("utf-8")  # strict: valid UTF-8
    assert any(letter in text for letter in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịọỏốồổỗộớờởỡợụủứừửữựỳỷỹ")


def test_schedule_redirected_to_a_file_on_windows(tmp_path: Path) -> None:
    out = tmp_path / "lich.txt"
    with out.open("wb") as file:
        result = subprocess.run(
            [sys.executable, "-m", "thidua_calendar", "schedule", "2026"],
            stdout=file,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONIOENCODING": "cp1252"},
            check=False,
        )
    assert (result.returncode, result.stderr) == (0, b"")
    assert "Tết Nguyên đán" in out.read_text(encoding="utf-8")


def test_csv_written_to_a_file_has_a_bom_for_excel(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "lich.csv"
    code, stdout, err = cli("schedule", "2026", "--format", "csv", "-o", str(out))
    assert (code, stdout) == (0, "")
    assert err.startswith(f"đã ghi {out} (")
    assert err.endswith(" dòng)\n")
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark
    with out.open(encoding="utf-8-sig", newline="") as file:  # as Excel reads it
        rows = list(csv.DictReader(file))
    assert next(iter(rows[0])) == "kind"  # the BOM is not part of the first column's name
    assert any("Tết Nguyên đán" in row["title"] for row in rows)
    assert f"({len(rows)} dòng)" in err
    # standard output stays without one (a pipe's reader may not expect it), unless --bom
    _, stdout, _ = cli("schedule", "2026", "--format", "csv")
    assert stdout.startswith("kind,")
    _, stdout, _ = cli("schedule", "2026", "--format", "csv", "--bom")
    assert stdout.startswith("\ufeffkind,")
    assert stdout.removeprefix("\ufeff") == data.decode("utf-8-sig")
    # a CSV carries no mark of its writer: replacing it needs --force
    code, _, err = cli("schedule", "2026", "--format", "csv", "-o", str(out))
    assert code == 2
    assert "--force" in err
    assert cli("schedule", "2026", "--format", "csv", "-o", str(out), "--force")[0] == 0


def test_bom_is_for_csv_only(cli: Cli) -> None:
    code, out, err = cli("tet", "2026", "--format", "json", "--bom")
    assert (code, out) == (2, "")
    assert err == "thidua-calendar: lỗi: --bom chỉ dùng cùng --format csv\n"


def test_json_and_text_into_a_file(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "tet.json"
    assert cli("tet", "2020", "2030", "--format", "json", "-o", str(out))[0] == 0
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")
    text = tmp_path / "lich.txt"
    assert cli("schedule", "2026", "-o", str(text))[0] == 0
    _, stdout, _ = cli("schedule", "2026")
    assert text.read_text(encoding="utf-8") == stdout  # no width limit in a file or a pipe


def widest(text: str) -> int:
    return max(len(line) for line in text.splitlines())


def words(table: str) -> list[str]:
    """The words of a text table, without its header rule."""
    return [w for w in table.split() if set(w) != {"-"}]


@pytest.mark.parametrize("columns", [80, 120])
def test_text_tables_fit_the_terminal(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    _, unlimited, _ = cli("schedule", "2026")
    assert widest(unlimited) > 120  # the titles make it wider than a terminal
    monkeypatch.setenv("COLUMNS", str(columns))
    for argv in (
        ["schedule", "2026"],
        ["schedule", "2026", "--lang", "en"],
        ["milestones", "2026"],
        ["tet", "2020", "2030"],
    ):
        code, out, _ = cli(*argv)
        assert code == 0
        assert widest(out) <= columns, argv
    # the long column is wrapped, not cut: the same words in the same order
    _, fitted, _ = cli("schedule", "2026")
    assert words(fitted) == words(unlimited)
    assert len(fitted.splitlines()) > len(unlimited.splitlines())


def test_width_option_wins_and_is_checked(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    _, out, _ = cli("milestones", "2026", "--width", "90")
    assert widest(out) <= 90
    code, _, err = cli("milestones", "2026", "--width", "10")
    assert code == 2
    assert "cần số cột từ 40 trở lên, không phải '10'" in err


def test_a_terminal_without_columns_gets_its_own_width(tmp_path: Path) -> None:
    """On a real terminal (a pseudo-terminal here) the table fits its width."""
    pty = pytest.importorskip("pty")
    import fcntl
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    environ = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    process = subprocess.Popen(
        [sys.executable, "-m", "thidua_calendar", "schedule", "2026"],
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env=environ,
    )
    os.close(follower)  # the child holds the terminal now; read while it writes
    chunks = []
    try:
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the child has closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
        returncode = process.wait(timeout=60)
    assert returncode == 0
    text = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    assert "Tết Nguyên đán" in text
    assert widest(text) <= 100


# --- 3. Forgiving input ---------------------------------------------------------------------

PLAN = '[plan]\ntitle = "Kế hoạch thi đua năm 2025"\nyear = 2025\n'


def test_a_bom_at_the_start_of_a_plan_or_catalogue_is_accepted(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_bytes(b"\xef\xbb\xbf" + PLAN.encode("utf-8"))
    assert load_plan(plan).title == "Kế hoạch thi đua năm 2025"
    assert parse_plan("\ufeff" + PLAN).year == 2025
    catalogue = tmp_path / "org.toml"
    catalogue.write_bytes(
        b"\xef\xbb\xbf"
        + '[[commemoration]]\nkey = "cty"\nname_vi = "Ngày thành lập Công ty"\n'
        'calendar = "solar"\nmonth = 3\nday = 15\norigin = "2006-03-15"\n'.encode()
    )
    assert "cty" in load_catalog(catalogue)


def test_a_bom_plan_on_the_command_line(cli: Cli, tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_bytes(b"\xef\xbb\xbf" + PLAN.encode("utf-8"))
    code, out, err = cli("plan", "check", str(plan))
    assert code == 0, err
    assert "0 lỗi" in out


@pytest.mark.parametrize(
    ("line", "corrected"),
    [
        ("title = “Kế hoạch thi đua năm 2025”", 'title = "Kế hoạch thi đua năm 2025"'),
        ("title = ‘Kế hoạch’", "title = 'Kế hoạch'"),
        ("start = 02/09/2025", 'start = "2025-09-02"'),
        ("start = 2/9/2025   # Quốc khánh", 'start = "2025-09-02"   # Quốc khánh'),
        ("start = “02/09/2025”", 'start = "2025-09-02"'),
        ('start = "02/09/2025"', 'start = "2025-09-02"'),
        ('date = "20.08.2025"', 'date = "2025-08-20"'),
    ],
)
def test_word_quotes_and_written_dates_show_the_corrected_line(
    cli: Cli, tmp_path: Path, line: str, corrected: str
) -> None:
    path = tmp_path / "plan.toml"
    text = PLAN.replace('title = "Kế hoạch thi đua năm 2025"', line) if "title" in line else PLAN
    if "title" not in line:
        text += line + "\n"
    path.write_text(text, encoding="utf-8")
    number = text.splitlines().index(line) + 1
    code, out, err = cli("plan", "check", str(path))
    assert (code, out, err.count("\n")) == (2, "", 1)
    assert err.startswith(f"thidua-calendar: lỗi: {path}:{number}: ")
    assert f"sửa dòng thành: {corrected}\n" in err
    code, _, err = cli("plan", "check", str(path), "--lang", "en")
    assert err.startswith(f"thidua-calendar: error: {path}:{number}: ")
    assert f"write the line as: {corrected}\n" in err
    with pytest.raises(DataError) as caught:
        load_plan(path)
    assert caught.value.line == number
    fixed = text.replace(line, corrected)
    assert parse_plan(fixed).title  # the corrected line reads


def test_an_impossible_written_date_says_so(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN + "start = 31/04/2025\n", encoding="utf-8")
    _, _, err = cli("plan", "check", str(path))
    assert err == (
        f"thidua-calendar: lỗi: {path}:4: 31/04/2025 không phải là ngày có thật; "
        'ngày viết "YYYY-MM-DD" (năm-tháng-ngày)\n'
    )


TOMLLIB_WORDS = (
    "Invalid",
    "Expected",
    "Unclosed",
    "Unterminated",
    "Cannot",
    "Illegal",
    "Found",
    "Duplicate",
    "Unescaped",
    "at line",
)


@pytest.mark.parametrize(
    "broken",
    [
        "[plan\n",
        '[plan]\ntitle = "KH\nyear = 2025\n',
        "[plan]\ntitle = KH\n",
        "[plan]\ntitle\n",
        '[plan]\ntitle = "KH" năm\n',
        "[plan]\nfocus = [1, 2\n",
        '[plan]\ntitle = "a"\ntitle = "b"\n',
        "[plan]\n[plan]\n",
        "[[phase]\n",
        '[plan]\ntitle = "C:\\x"\n',
        "[plan]\nstart = 2025-02-30\n",
        "[plan]\nx = {a = 1, a = 2}\n",
        "[plan]\n= 1\n",
        "[plan]\ntitle = 'a' 'b'\n",
        "[plan]\nyear = 02025\n",
    ],
)
def test_tomllib_never_speaks_to_the_clerk(cli: Cli, tmp_path: Path, broken: str) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(broken, encoding="utf-8")
    code, out, err = cli("plan", "check", str(path))
    assert (code, out, err.count("\n")) == (2, "", 1)
    assert err.startswith(f"thidua-calendar: lỗi: {path}:")
    assert not any(word in err for word in TOMLLIB_WORDS), err
    code, _, err = cli("plan", "check", str(path), "--lang", "en")
    assert err.startswith(f"thidua-calendar: error: {path}:")
    assert not any(word in err for word in TOMLLIB_WORDS), err
    with pytest.raises(DataError) as caught:
        parse_plan(broken)
    assert caught.value.line is not None


def test_a_file_saved_as_ansi_is_told_to_be_saved_as_utf8(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_bytes(PLAN.encode("cp1258", errors="replace"))
    _, _, err = cli("plan", "check", str(path))
    assert "hãy lưu lại với mã hóa UTF-8" in err
    _, _, err = cli("plan", "check", str(path), "--lang", "en")
    assert "not UTF-8 text" in err


def test_csv_of_plan_check_opens_in_excel(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, encoding="utf-8")
    out = tmp_path / "ket-qua.csv"
    code, _, _ = cli("plan", "check", str(path), "--format", "csv", "-o", str(out))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [r["code"] for r in rows] == ["no-phases"]
