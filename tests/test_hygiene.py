"""Text hygiene: the one rule for user text, and every output that carries it.

Feeds (every TEXT property escaped, read back by icalendar and the strict ``ical``), CSV
(formula injection, bare CR), the terminal (controls shown, never sent) and ``index.html``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import attrs
import pytest
from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar

import thidua_calendar as tc
from conftest import Cli
from thidua_calendar import _render
from thidua_calendar._hygiene import (
    clean_line,
    clean_text,
    for_terminal,
    problem,
    scrub_text,
)
from thidua_calendar.errors import DataError, InvalidValueError
from thidua_calendar.plans import plan_toml

# --- the rule ------------------------------------------------------------------------------

REFUSED_EVERYWHERE = {
    "\x00": "control character U+0000",
    "\x01": "control character U+0001",
    "\x07": "control character U+0007",
    "\x1b": "control character U+001B",
    "\r": "control character U+000D",
    "\x7f": "control character U+007F",
    "\x85": "control character U+0085",
    "\x9b": "control character U+009B",
    "\udcff": "lone surrogate (a byte that is not UTF-8) U+DCFF",
    "\ufffe": "noncharacter U+FFFE",
    "\uffff": "noncharacter U+FFFF",
    "\ufdd0": "noncharacter U+FDD0",
    "\ufdef": "noncharacter U+FDEF",
    "\U0001fffe": "noncharacter U+1FFFE",
    "\U0010ffff": "noncharacter U+10FFFF",
}
LINE_ONLY = {
    "\n": "line break U+000A",
    "\u2028": "line break U+2028",
    "\u2029": "line break U+2029",
    "\t": "tab U+0009",
}
ALLOWED = "Công đoàn Trường THPT Lê Lợi, “Mừng Đảng; mừng Xuân” \\N 🎉 \ufffd \ufeff \ufdcf \ufdf0"


def test_ordinary_text_passes_unchanged() -> None:
    assert clean_text(ALLOWED, "theme") is ALLOWED
    assert clean_line(ALLOWED, "name") is ALLOWED
    assert clean_text("dòng 1\n\tdòng 2\u2028", "theme") == "dòng 1\n\tdòng 2\u2028"
    assert scrub_text(ALLOWED) == ALLOWED
    assert for_terminal(ALLOWED + "\n\t") == ALLOWED + "\n\t"
    assert problem(ALLOWED, one_line=True) is None


@pytest.mark.parametrize("char", sorted(REFUSED_EVERYWHERE))
def test_refused_characters_name_the_field_and_the_code_point(char: str) -> None:
    for check in (clean_text, clean_line):
        with pytest.raises(InvalidValueError) as caught:
            check(f"ab{char}c", "phase[2].theme")
        assert str(caught.value) == (
            f"phase[2].theme: {REFUSED_EVERYWHERE[char]} at character 3 is not allowed; remove it"
        )
        assert char not in str(caught.value)
    assert scrub_text(f"ab{char}c") == "ab\ufffdc"


@pytest.mark.parametrize("char", sorted(LINE_ONLY))
def test_one_line_fields_refuse_line_breaks_and_tabs(char: str) -> None:
    assert clean_text(f"a{char}b", "theme") == f"a{char}b"
    with pytest.raises(
        InvalidValueError, match=re.escape(f"name: {LINE_ONLY[char]} at character 2 ")
    ):
        clean_line(f"a{char}b", "name")


def test_every_noncharacter_is_refused() -> None:
    nonchars = [chr(c) for c in range(0xFDD0, 0xFDF0)]
    nonchars += [chr(plane << 16 | low) for plane in range(17) for low in (0xFFFE, 0xFFFF)]
    assert len(nonchars) == 66
    assert all(problem(c) is not None for c in nonchars)
    assert scrub_text("".join(nonchars)) == "\ufffd" * 66


def test_a_file_gets_a_located_data_error() -> None:
    with pytest.raises(DataError) as caught:
        clean_line("Trường\x00A", "organisation", path="plan.toml", line=4)
    assert str(caught.value) == (
        "plan.toml:4: organisation: control character U+0000 at character 7 is not allowed; "
        "remove it"
    )
    assert (caught.value.path, caught.value.line) == ("plan.toml", 4)
    assert isinstance(caught.value, ValueError)


def test_scrub_keeps_line_breaks_and_replaces_the_rest() -> None:
    assert scrub_text("a\r\nb\rc\nd\te") == "a\nb\ufffdc\nd\te"


def test_terminal_shows_controls_as_pictures() -> None:
    assert for_terminal("\x1b[2J\x07\x00\r\x7f\x9b\ud800\ufffe") == "␛[2J␇␀␍␡\ufffd\ufffd\ufffd"
    assert for_terminal("a\nb\tc") == "a\nb\tc"


# --- feeds ---------------------------------------------------------------------------------

NASTY = [
    "dấu phẩy, chấm phẩy; gạch \\ ngược",
    "chữ \\N và \\n và \\\\N",
    "xuống\ndòng",
    "về\rđầu",
    "về\r\nđầu",
    "nul\x00 soh\x01 esc\x1b del\x7f csi\x9b \ufffe\uffff \U0010fffe",
    "BEGIN:VEVENT\r\nSUMMARY:giả",
]


def _unescape(value: str) -> str:
    """RFC 5545 §3.3.11 TEXT, read independently of both parsers (for ``X-WR-*``)."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _strict(data: bytes) -> object:
    """The whole feed through the strict ``ical`` parser (raises if it rejects any of it)."""
    return IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))


def _unfolded(data: bytes) -> list[str]:
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")


def _assert_sound(data: bytes) -> None:
    """Every line ends with CRLF; no bare CR or LF, no control but the folds' CRLF."""
    text = data.decode("utf-8")
    assert text.endswith("\r\n")
    body = text.replace("\r\n", "")
    assert problem(body, one_line=True) is None, problem(body, one_line=True)


@pytest.mark.parametrize("text", NASTY)
def test_caldesc_is_text_escaped(text: str) -> None:
    data = tc.to_ical(tc.schedule(2025, major_days=True), name="Lịch", description=text)
    _assert_sound(data)
    assert sum(line == "BEGIN:VEVENT" for line in _unfolded(data)) == 8
    expected = scrub_text(text)
    parsed = Calendar.from_ical(data)
    assert str(parsed["DESCRIPTION"]) == expected
    assert _unescape(str(parsed["X-WR-CALDESC"])) == expected
    strict = _strict(data)
    assert strict.description == [expected]  # type: ignore[attr-defined]
    extras = {p.name: p.value for p in strict.extras}  # type: ignore[attr-defined]
    assert _unescape(extras["x-wr-caldesc"]) == expected
    assert len(strict.events) == 8  # type: ignore[attr-defined]


def test_literal_backslash_n_stays_two_characters() -> None:
    text = "Đợt \\N Tết\\nnhuận"
    data = tc.to_ical(tc.schedule(2025, major_days=True), name="Lịch", description=text)
    assert "X-WR-CALDESC:Đợt \\\\N Tết\\\\nnhuận" in _unfolded(data)
    assert str(Calendar.from_ical(data)["DESCRIPTION"]) == text
    assert _strict(data).description == [text]  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", NASTY)
def test_name_is_clean_text(text: str) -> None:
    data = tc.to_ical(tc.schedule(2025, major_days=True), name=f"Lịch {text}")
    _assert_sound(data)
    lines = _unfolded(data)
    names = [line for line in lines if line.startswith(("NAME:", "X-WR-CALNAME:"))]
    assert len(names) == 2
    value = names[0].split(":", 1)[1]
    assert names[1] == f"X-WR-CALNAME:{value}"
    assert not set(value) & set(",;\\")
    assert str(Calendar.from_ical(data)["NAME"]) == value
    assert _strict(data).name == [value]  # type: ignore[attr-defined]


def _catalog_with_name(name: str) -> tc.Catalog:
    base = tc.default_catalog()["thanh_lap_dang"]
    return tc.Catalog([attrs.evolve(base, name_vi=f"Ngày {name}", name_en=f"Day {name}")])


@pytest.mark.parametrize("text", NASTY)
def test_catalogue_name_and_theme_read_back_exactly(text: str) -> None:
    catalog = _catalog_with_name(text)
    phase = tc.Phase("Đợt 1", dt.date(2025, 1, 1), dt.date(2025, 6, 30), f"Chủ đề {text}")
    plan = tc.make_plan(f"Kế hoạch {text}", 2025, [phase], catalog=catalog)
    s = tc.schedule(2025, plan, kinds=["milestone", "phase"])
    assert len(s) == 2
    data = tc.to_ical(s, name="Lịch", reminders=tc.Reminders())
    _assert_sound(data)
    summaries = sorted(scrub_text(e.title("vi")) for e in s)
    descriptions = sorted(scrub_text(e.description("vi")) for e in s)
    assert any(scrub_text(text) in d for d in summaries)
    events = Calendar.from_ical(data).walk("VEVENT")
    assert sorted(str(e["SUMMARY"]) for e in events) == summaries
    assert sorted(str(e["DESCRIPTION"]) for e in events) == descriptions
    strict = _strict(data).events  # type: ignore[attr-defined]
    assert sorted(e.summary for e in strict) == summaries
    assert sorted(e.description for e in strict) == descriptions
    again = tc.to_ical(s, name="Lịch", reminders=tc.Reminders(), previous=data)
    assert again == data  # the previous feed reads back to the same text: nothing changed


def test_categories_are_text_escaped() -> None:
    from thidua_calendar.ical import _value_types

    categories = _value_types()[1](["a,b", "c\\Nd", "e;f\x00"])
    assert categories.to_ical() == "a\\,b,c\\\\Nd,e\\;f\ufffd".encode()
    data = tc.to_ical(tc.schedule(2025, major_days=True), name="Lịch")
    for event in _strict(data).events:  # type: ignore[attr-defined]
        assert "Ngày lễ lớn" in event.categories


def test_feed_with_nasty_text_in_every_client(tmp_path: Path) -> None:
    from feedcheck import SeenEvent, assert_all_views_show

    theme = "phẩy, chấm; \\N \\ nul\x00 esc\x1b \ufffe"
    phase = tc.Phase("Đợt 1", dt.date(2026, 1, 1), dt.date(2026, 6, 30), theme)
    s = tc.schedule(2026, tc.make_plan("Kế hoạch\x01", 2026, [phase]), kinds=["phase"])
    meant = [
        SeenEvent(
            uid=tc.event_uid(e.uid),
            summary=scrub_text(e.title("vi")),
            start=e.start,
            end=e.end + dt.timedelta(days=1),
            description=scrub_text(e.description("vi")),
        )
        for e in s
    ]
    views = assert_all_views_show(tc.to_ical(s, name="Kế hoạch"), tmp_path, meant)
    for seen in views.values():
        assert seen[0].summary == "Đợt 1: “phẩy, chấm; \\N \\ nul\ufffd esc\ufffd \ufffd”"


def test_cli_description_newline_is_a_line_break(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "f.ics"
    code, _, err = cli(
        "ics", "--major-days", "--from", "2025", "--to", "2025", "-o", str(out),
        "--description", "dòng 1\ndòng 2, có \\N",
    )  # fmt: skip
    assert code == 0, err
    assert (
        str(Calendar.from_ical(out.read_bytes())["X-WR-CALDESC"]) == "dòng 1\\ndòng 2\\, có \\\\N"
    )
    assert _strict(out.read_bytes()).description == ["dòng 1\ndòng 2, có \\N"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        ("--description", "x\ry", "control character U+000D at character 2"),
        ("--description", "x\x00y", "control character U+0000 at character 2"),
        ("--name", "Lịch\nthi đua", "line break U+000A at character 5"),
        ("--name", "Lịch\x1b[31m", "control character U+001B at character 5"),
        ("--name", "Lịch\udcff", "lone surrogate (a byte that is not UTF-8) U+DCFF"),
    ],
)
@pytest.mark.usefixtures("english")
def test_cli_refuses_controls_in_feed_text_flags(
    cli: Cli, tmp_path: Path, flag: str, value: str, message: str
) -> None:
    out = tmp_path / "f.ics"
    code, stdout, err = cli("ics", "--major-days", "-o", str(out), flag, value)
    assert code == 2
    assert f"argument {flag}: {message}" in err
    assert len(err.strip().splitlines()) == 1
    assert value not in err
    assert stdout == ""
    assert not out.exists()


@pytest.mark.usefixtures("english")
def test_cli_refuses_controls_in_plan_new_organisation(cli: Cli) -> None:
    code, out, err = cli("plan", "new", "--year", "2026", "--organisation", "Trường\x07A")
    assert code == 2
    assert "argument --organisation: control character U+0007 at character 7" in err
    assert out == ""
    assert "\x07" not in err
    code, out, _ = cli("plan", "new", "--year", "2026", "--organisation", "Công đoàn\nTrường A")
    assert code == 0
    assert "Công đoàn\\nTrường A" in out  # two lines of a letterhead, escaped in TOML


def test_text_flags_pass_good_text() -> None:
    from thidua_calendar.cli._text_options import user_text

    assert user_text()("Lịch thi đua") == "Lịch thi đua"
    assert user_text(one_line=False)("a\nb") == "a\nb"


# --- CSV -----------------------------------------------------------------------------------


def test_csv_defends_formula_cells_and_quotes_bare_cr() -> None:
    records = [
        {"name": '=HYPERLINK("http://x","y")', "n": -3, "ok": True},
        {"name": "+1", "n": 2, "ok": False},
        {"name": "-2+3", "n": 0, "ok": None},
        {"name": "@SUM(A1)", "n": 1.5, "ok": True},
        {"name": "\tTAB", "n": 1, "ok": True},
        {"name": "\rCR", "n": 1, "ok": True},
        {"name": "giữa\rdòng", "n": 1, "ok": True},
        {"name": 'a\nb, "c"', "n": 1, "ok": True},
        {"name": "Tết = vui", "n": 1, "ok": True},
    ]
    text = _render.to_csv(records, ["name", "n", "ok"])
    assert "\r\n" not in text
    assert text.endswith("\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows == [
        ["name", "n", "ok"],
        ['\'=HYPERLINK("http://x","y")', "-3", "true"],
        ["'+1", "2", "false"],
        ["'-2+3", "0", ""],
        ["'@SUM(A1)", "1.5", "true"],
        ["'\tTAB", "1", "true"],
        ["'\rCR", "1", "true"],
        ["giữa\rdòng", "1", "true"],
        ['a\nb, "c"', "1", "true"],
        ["Tết = vui", "1", "true"],
    ]
    assert '"giữa\rdòng"' in text


def test_csv_of_a_catalogue_name_starting_with_a_formula(cli: Cli, tmp_path: Path) -> None:
    catalog = tmp_path / "ngay.toml"
    catalog.write_text(
        """[[commemoration]]
key = "ngay_truong"
name_vi = "=cmd|' /C calc'!A0"
calendar = "solar"
month = 3
day = 26
origin = "1931-03-26"
""",
        encoding="utf-8",
    )
    code, out, err = cli(
        "milestones", "2026", "--catalog", str(catalog), "--key", "ngay_truong", "--format", "csv"
    )
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out, newline="")))
    cells = [cell for row in rows[1:] for cell in row]
    assert any(cell.startswith("'=cmd|") for cell in cells), rows
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)


# --- terminal ------------------------------------------------------------------------------


def test_text_output_shows_controls(capsys: pytest.CaptureFixture[str]) -> None:
    from thidua_calendar.cli._output import emit, write

    write("tên\x1b[2J\x07\r\n")
    assert capsys.readouterr().out == "tên␛[2J␇␍\n"

    class Args:
        format = "text"

    emit(  # type: ignore[arg-type]
        Args(), [{"name": "\x1b"}], lambda _width: "a\x1b]0;title\x07b\n", sheet="x", year=2026
    )
    assert capsys.readouterr().out == "a␛]0;title␇b\n"
    records = [{"name": "\x1b]0\x07\x9b"}]
    for fmt, expected in (
        ("json", _render.to_json(records)),  # JSON escapes C0 itself; the rest is data
        ("csv", _render.to_csv(records, ["name"])),
    ):
        Args.format = fmt
        emit(Args(), records, lambda: "", sheet="x", year=2026)  # type: ignore[arg-type]
        assert capsys.readouterr().out == expected
    assert "\\u001b]0\\u0007\x9b" in _render.to_json(records)


def _escape_catalog(tmp_path: Path) -> Path:
    catalog = tmp_path / "ngay.toml"
    catalog.write_text(
        """[[commemoration]]
key = "ngay_truong"
name_vi = "Ngày thành lập Trường \\u001b[2J\\u001b]0;x\\u0007"
calendar = "solar"
month = 3
day = 26
origin = "1931-03-26"
""",
        encoding="utf-8",
    )
    return catalog


@pytest.mark.parametrize(
    "argv",
    [
        ("milestones", "2026", "--key", "ngay_truong"),
        ("schedule", "2026", "--kind", "milestone"),
    ],
)
def test_escapes_from_a_catalogue_never_reach_the_terminal(
    cli: Cli, tmp_path: Path, argv: tuple[str, ...]
) -> None:
    code, out, err = cli(*argv, "--catalog", str(_escape_catalog(tmp_path)))
    assert "\x1b" not in out + err
    assert "\x07" not in out + err
    if code == 0:  # the catalogue is accepted: the escape is shown
        assert "Trường ␛[2J␛]0;x␇" in out
    else:  # refused where it is read
        assert code == 2
        assert "U+001B" in err


def test_plan_text_shows_controls(cli: Cli, tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(
        plan_toml(
            tc.make_plan(
                "Kế hoạch",
                2026,
                [tc.Phase("Đợt 1", dt.date(2026, 1, 1), dt.date(2026, 6, 30), "Chủ đề\x1b[5m")],
            )
        ),
        encoding="utf-8",
    )
    code, out, err = cli("schedule", "2026", "--plan", str(plan), "--format", "plan-text")
    assert "\x1b" not in out + err
    if code == 0:
        assert "Chủ đề␛[5m" in out
    else:
        assert code == 2
        assert "U+001B" in err


# --- index.html ----------------------------------------------------------------------------


def test_index_html_has_no_raw_controls(tmp_path: Path) -> None:
    from thidua_calendar._publish import publish

    plan = tc.make_plan(
        "Kế hoạch\x00 <b>",
        2026,
        [tc.Phase("Đợt 1", dt.date(2026, 1, 1), dt.date(2026, 6, 30), "Chủ đề")],
        organisation="Trường\x01\ufffe\x1b A & B",
    )
    publish(tmp_path, plans=[plan], first_year=2026, last_year=2026)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert problem(page) is None, problem(page)
    assert "Kế hoạch\ufffd &lt;b&gt;" in page
    assert "Trường\ufffd\ufffd\ufffd A &amp; B" in page
