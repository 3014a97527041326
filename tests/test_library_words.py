"""The library's errors on the command line: Vietnamese by default, English with --lang en.

The library raises English (``str(error)``, what a Python user reads and matches) and carries
the Vietnamese beside it (``ThiduaError.message_vi``); the command line says the one of its
language inside its frame — never an English sentence after ``lỗi:`` (issue 16).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import Cli
from thidua_calendar import OutOfRangeError, ThiduaError, load_plan
from thidua_calendar._wording.errors import in_lang

# letters only Vietnamese writes (with their diacritics): a Vietnamese message has some
VIETNAMESE = re.compile(r"[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]")

PLANS = {
    "typo-field.toml": '[plan]\ntitle = "KH"\nyear = 2026\ncolour = "red"\n',
    "year-as-text.toml": '[plan]\ntitle = "KH"\nyear = "2026"\n',
    "backwards.toml": (
        '[plan]\ntitle = "KH"\nyear = 2026\n[[phase]]\nlabel = "Đợt 1"\n'
        'start = "2026-06-01"\nend = "2026-01-31"\n'
    ),
    "category.toml": '[plan]\ntitle = "KH"\nyear = 2026\n[follow]\ncategories = ["nope"]\n',
    "no-end.toml": (
        '[plan]\ntitle = "KH"\nyear = 2026\n[[phase]]\nlabel = "Đợt 1"\nstart = "2026-06-01"\n'
    ),
    "key.toml": '[plan]\ntitle = "KH"\nyear = 2026\n[follow]\nkeys = ["quoc_khan"]\n',
    "table.toml": "[planz]\n",
    "no-title.toml": "[plan]\nyear = 2026\n",
    "rule-day.toml": '[plan]\ntitle = "KH"\nyear = 2026\n[reporting]\nquarterly = { day = 45 }\n',
    "rule-flag.toml": (
        '[plan]\ntitle = "KH"\nyear = 2026\n[reporting]\nyearly = { day = 5, working_day = 3 }\n'
    ),
    "rule-shape.toml": '[plan]\ntitle = "KH"\nyear = 2026\n[reporting]\nphase_review = 5\n',
    "rule-both.toml": (
        '[plan]\ntitle = "KH"\nyear = 2026\n[reporting]\n'
        "phase_review = { day = 5, days_after = 10 }\n"
    ),
    "tba.toml": (
        '[plan]\ntitle = "KH"\nyear = 2026\n[[phase]]\nlabel = "Đợt 1"\nstart = "2026-06-01"\n'
        "end_event = { tba = false }\n"
    ),
    "year-1.toml": (
        '[plan]\ntitle = "KH"\nyear = 2026\n[[phase]]\nlabel = "Đợt 1"\n'
        'start = "0001-01-01"\nend = "0001-12-31"\n'
    ),
}

CASES = [
    (
        ["schedule", "1800"],
        "năm 1800 nằm ngoài khoảng được hỗ trợ 1901–2199",
        "first year 1800 is outside the supported range 1901–2199",
    ),
    (
        ["convert", "2026-03-01", "--to-solar", "--leap"],
        "năm âm lịch 2026 không có tháng 3 nhuận; năm không có tháng nhuận",
        "lunar year 2026 has no leap month 3; it has no leap month",
    ),
    (
        ["convert", "2025-03-01", "--to-solar", "--leap"],
        "năm âm lịch 2025 không có tháng 3 nhuận; tháng nhuận của năm là tháng 6",
        "lunar year 2025 has no leap month 3; its leap month is 6",
    ),
    (
        ["convert", "1600-01-01"],
        "ngày 01/01/1600 nằm ngoài khoảng được hỗ trợ 31/01/1900 – 14/02/2200",
        "1600-01-01 is outside the supported range 1900-01-31 to 2200-02-14",
    ),
    (
        ["tet", "1000"],
        "năm âm lịch 1000 nằm ngoài khoảng được hỗ trợ 1900–2199",
        "lunar year 1000 is outside the supported range 1900–2199",
    ),
    (
        ["milestones", "2026", "--key", "quoc_khan"],
        "không có ngày kỷ niệm nào mang khóa 'quoc_khan'; có phải là quoc_khanh",
        "unknown commemoration 'quoc_khan'; did you mean quoc_khanh",
    ),
    (
        ["poster", "2026", "-o", "lich.doc"],
        "không vẽ được lịch treo tường thành tệp '.doc': đặt tên tệp .svg, .html hoặc .pdf "
        "(lich.doc)",
        "cannot write a poster as '.doc': name the file .svg, .html or .pdf (lich.doc)",
    ),
    (
        ["plan", "check", "typo-field.toml"],
        "typo-field.toml:4: [plan]: không có trường 'colour' (các trường được dùng: date,",
        "typo-field.toml:4: [plan]: unknown field 'colour' (expected one of: date,",
    ),
    (
        ["plan", "check", "year-as-text.toml"],
        "year-as-text.toml:3: [plan]: year phải là số nguyên, không phải chữ",
        "year-as-text.toml:3: [plan]: year must be an integer, not a string",
    ),
    (
        ["plan", "check", "backwards.toml"],
        "backwards.toml:7: đợt 'Đợt 1': đợt kết thúc (31/01/2026) trước khi bắt đầu (01/06/2026)",
        "backwards.toml:7: phase 'Đợt 1': the phase ends (2026-01-31) before it starts "
        "(2026-06-01)",
    ),
    (
        ["plan", "check", "category.toml"],
        "category.toml:5: [follow]: không có nhóm 'nope'; chọn trong national, party,",
        "category.toml:5: [follow]: unknown category 'nope'; choose from national, party,",
    ),
    (
        ["plan", "check", "no-end.toml"],
        "no-end.toml:4: đợt 'Đợt 1': thiếu end (một ngày, một tháng, hoặc end_event = {…})",
        "no-end.toml:4: phase 'Đợt 1': missing end (a date, a month, or end_event = {…})",
    ),
    (
        ["plan", "check", "key.toml"],
        "key.toml:5: [follow]: không có ngày kỷ niệm nào mang khóa 'quoc_khan'",
        "key.toml:5: [follow]: unknown commemoration 'quoc_khan'",
    ),
    (
        ["plan", "check", "table.toml"],
        "table.toml:1: không có bảng planz; một kế hoạch gồm [plan], [follow], [[phase]] và "
        "[reporting]",
        "table.toml:1: unknown table(s) planz; a plan has [plan], [follow], [[phase]] and "
        "[reporting]",
    ),
    (
        ["plan", "check", "no-title.toml"],
        "no-title.toml:1: [plan]: thiếu trường 'title'",
        "no-title.toml:1: [plan]: missing field 'title'",
    ),
    (
        ["plan", "check", "rule-day.toml"],
        "rule-day.toml:5: [reporting]: quarterly.day phải từ 1 đến 31, không phải 45",
        "rule-day.toml:5: [reporting]: quarterly.day must be 1–31, not 45",
    ),
    (
        ["plan", "check", "rule-flag.toml"],
        "rule-flag.toml:5: [reporting]: yearly.working_day phải là true hoặc false",
        "rule-flag.toml:5: [reporting]: yearly.working_day must be true or false",
    ),
    (
        ["plan", "check", "rule-shape.toml"],
        "rule-shape.toml:5: [reporting]: phase_review phải là một bảng như",
        "rule-shape.toml:5: [reporting]: phase_review must be a table such as",
    ),
    (
        ["plan", "check", "rule-both.toml"],
        "rule-both.toml:5: [reporting]: phase_review ghi day và months_after, hoặc days_after",
        "rule-both.toml:5: [reporting]: phase_review gives day and months_after, or days_after",
    ),
    (
        ["plan", "check", "tba.toml"],
        "tba.toml:7: đợt 'Đợt 1': tba phải là true",
        "tba.toml:7: phase 'Đợt 1': tba must be true",
    ),
    (
        ["plan", "check", "year-1.toml"],
        "year-1.toml:6: đợt 'Đợt 1': start 01/01/1 nằm ngoài các năm được hỗ trợ 1901–2199",
        "year-1.toml:6: phase 'Đợt 1': start 0001-01-01 is outside the supported years 1901–2199",
    ),
]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, text in PLANS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("argv", "vi", "en"), CASES, ids=[" ".join(c[0]) for c in CASES])
@pytest.mark.usefixtures("here")
def test_library_words(cli: Cli, argv: list[str], vi: str, en: str) -> None:
    code, out, err = cli(*argv)
    assert (code, out) == (2, "")
    assert err.startswith(f"thidua-calendar: lỗi: {vi}"), err
    assert err.count("\n") == 1
    message = err.removeprefix("thidua-calendar: lỗi: ")
    assert VIETNAMESE.search(message)
    assert "must be" not in message
    assert "unknown" not in message
    assert "outside" not in message
    code, out, err = cli(*argv, "--lang", "en")
    assert (code, out) == (2, "")
    assert err.startswith(f"thidua-calendar: error: {en}"), err
    assert not VIETNAMESE.search(err.replace("Đợt", ""))  # a plan's own label may stay


def test_the_english_message_is_the_errors_own(tmp_path: Path) -> None:
    path = tmp_path / "backwards.toml"
    path.write_text(PLANS["backwards.toml"], encoding="utf-8")
    with pytest.raises(ThiduaError) as raised:
        load_plan(path)
    assert str(raised.value).endswith("the phase ends (2026-01-31) before it starts (2026-06-01)")
    assert raised.value.message_vi is not None
    assert raised.value.message_vi.endswith(
        "đợt kết thúc (31/01/2026) trước khi bắt đầu (01/06/2026)"
    )
    plain = OutOfRangeError("only English")
    assert plain.message_vi is None
    assert in_lang(plain, "vi") == in_lang(plain, "en") == "only English"


def test_an_output_the_tool_did_not_write_is_refused_in_both_languages(
    cli: Cli, tmp_path: Path
) -> None:
    page = tmp_path / "report.svg"
    page.write_text("<svg/>\n", encoding="utf-8")
    code, _, err = cli("poster", "2026", "-o", str(page))
    assert (code, err) == (
        2,
        f"thidua-calendar: lỗi: {page} đã có và không do thidua-calendar ghi; "
        "dùng --force để ghi đè\n",
    )
    code, _, err = cli("poster", "2026", "-o", str(page), "--lang", "en")
    assert (code, err) == (
        2,
        f"thidua-calendar: error: {page} exists and was not written by thidua-calendar; "
        "use --force to replace it\n",
    )


COMMANDS = [
    ["schedule"],
    ["milestones"],
    ["tet"],
    ["convert"],
    ["ics"],
    ["publish"],
    ["poster"],
    ["lint"],
    ["plan", "new"],
    ["plan", "check"],
    ["plan", "draft"],
]


@pytest.mark.parametrize("argv", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_every_placeholder_of_the_help_is_vietnamese(cli: Cli, argv: list[str]) -> None:
    code, out, _ = cli(*argv, "--help")
    assert code == 0
    english = re.findall(r"--[a-z-]+ ([A-Z][A-Z_]{2,})\b", out)
    assert [word for word in english if word != "URL"] == [], out


def test_a_control_character_in_an_option_or_a_plan_is_refused_in_vietnamese(
    cli: Cli, tmp_path: Path
) -> None:
    out = tmp_path / "x.ics"
    code, _, err = cli("ics", "2026", "--name", "a\x07b", "-o", str(out))
    assert code == 2
    assert "không được có ký tự điều khiển U+0007 (ký tự thứ 2); hãy xóa nó" in err
    code, _, err = cli("ics", "2026", "--name", "a\x07b", "-o", str(out), "--lang", "en")
    assert "control character U+0007 at character 2 is not allowed; remove it" in err
    plan = tmp_path / "p.toml"
    plan.write_text('[plan]\ntitle = "KH\\u001b"\nyear = 2026\n', encoding="utf-8")
    code, _, err = cli("plan", "check", str(plan))
    assert code == 2
    assert "p.toml:2: [plan]: title: không được có ký tự điều khiển U+001B" in err
    assert not out.exists()
