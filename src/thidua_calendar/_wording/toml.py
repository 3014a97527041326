"""The words of a plan or catalogue file that TOML cannot read, Vietnamese and English.

tomllib's own messages (``Invalid value``, ``Invalid statement``) never reach a clerk: each
is said again here (:func:`syntax_error`), and the two mistakes a clerk typing in Word makes —
curly quotes and a date written ``02/09/2025`` — are answered with the corrected line
(:func:`curly_quotes`, :func:`written_date`). Each function gives the pair ``(vi, en)`` that
:class:`~thidua_calendar.errors.DataError` carries.

Examples:
    >>> curly_quotes('title = "Kế hoạch"')[0]
    'dấu ngoặc kép cong (“ ” ‘ ’, kiểu Word tự đổi) không dùng được trong tệp TOML; sửa dòng thành: title = "Kế hoạch"'
    >>> syntax_error("Unclosed array")[1]
    'invalid TOML: unclosed list [ … ] (a closing ] is missing)'
"""  # noqa: E501

from __future__ import annotations

import re
from typing import Final

Pair = tuple[str, str]

_EN_PREFIX: Final = "invalid TOML: "

_SYNTAX: Final[tuple[tuple[str, str, str], ...]] = (
    (
        r"Invalid statement",
        "dòng không hợp lệ: cần dạng khóa = giá trị, [bảng] hoặc [[bảng]]",
        "invalid line: expected key = value, [table] or [[table]]",
    ),
    (
        r"Invalid value",
        'giá trị không hợp lệ: chữ phải nằm trong dấu ngoặc kép thẳng "…", ngày viết '
        '"YYYY-MM-DD", số viết không có số 0 ở đầu',
        'invalid value: text goes in straight quotes "…", a date as "YYYY-MM-DD", a number '
        "without leading zeros",
    ),
    (
        r"Expected '=' after a key in a key/value pair",
        "thiếu dấu = sau tên khóa",
        "expected = after the key",
    ),
    (
        r"Expected '\]' at the end of a table declaration",
        "thiếu dấu ] ở cuối tên bảng",
        "expected ] at the end of the table header",
    ),
    (
        r"Expected '\]\]' at the end of an array declaration",
        "thiếu ]] ở cuối tên bảng [[…]]",
        "expected ]] at the end of the [[…]] header",
    ),
    (
        r"Expected newline or end of document after a statement",
        "sau giá trị còn thừa chữ: mỗi dòng một khóa = giá trị (ghi chú bắt đầu bằng #)",
        "unexpected text after the value: one key = value a line (comments start with #)",
    ),
    (
        r"Invalid date or datetime",
        'ngày không có thật hoặc sai dạng (viết "YYYY-MM-DD")',
        'a date that does not exist or is malformed (write "YYYY-MM-DD")',
    ),
    (
        r"Unclosed array",
        "danh sách [ … ] chưa đóng (thiếu ])",
        "unclosed list [ … ] (a closing ] is missing)",
    ),
    (
        r"Unclosed inline table",
        "bảng {{ … }} chưa đóng (thiếu }})",
        "unclosed inline table {{ … }} (a closing }} is missing)",
    ),
    (
        r"Unterminated string",
        "chuỗi chữ chưa đóng: thiếu dấu ngoặc kép cuối",
        "unterminated string: the closing quote is missing",
    ),
    (
        r"Unescaped '\\' in a string",
        r"dấu \ trong chuỗi phải viết \\ (hoặc dùng dấu ngoặc đơn '…')",
        r"a \ in a string is written \\ (or use single quotes '…')",
    ),
    (
        r"Invalid initial character for a key part",
        "tên khóa không hợp lệ (chữ không dấu, số, - hoặc _)",
        "invalid key (ASCII letters, digits, - or _)",
    ),
    (
        r"Cannot declare (.+) twice",
        "bảng {0} được khai báo hai lần",
        "the table {0} is declared twice",
    ),
    (r"Cannot overwrite a value", "một khóa được ghi hai lần", "a key is given twice"),
    (
        r"Duplicate inline table key (.+)",
        "khóa {0} được ghi hai lần trong {{ … }}",
        "the key {0} is given twice in {{ … }}",
    ),
    (
        r"Cannot (?:mutate immutable|redefine) namespace (.+)",
        "{0} đã được khai báo trước đó",
        "{0} is already declared",
    ),
    (r"Illegal character (.+)", "ký tự không được phép {0}", "a character not allowed: {0}"),
    (r"Found invalid character (.+)", "ký tự không được phép {0}", "a character not allowed: {0}"),
    (
        r"Invalid hex value|Escaped character is not a Unicode scalar value"
        r"|Found invalid character in escape sequence",
        r"mã thoát \… không hợp lệ trong chuỗi",
        r"an invalid escape \… in a string",
    ),
)
_COMPILED: Final = tuple((re.compile(p + r"\Z"), vi, en) for p, vi, en in _SYNTAX)


def syntax_error(message: str) -> Pair:
    """The message of tomllib (without its ``(at line …)``) in our words.

    An unknown message gets general words: tomllib's own text is never shown.
    """
    for pattern, vi, en in _COMPILED:  # every template is formatted: braces doubled
        match = pattern.match(message)
        if match:
            return "TOML sai cú pháp: " + vi.format(*match.groups()), _EN_PREFIX + en.format(
                *match.groups()
            )
    return "TOML sai cú pháp", _EN_PREFIX + "syntax error"


def curly_quotes(corrected: str) -> Pair:
    """A line with Word's curly quotes, and the line with straight ones."""
    return (
        "dấu ngoặc kép cong (“ ” ‘ ’, kiểu Word tự đổi) không dùng được trong tệp TOML; "
        f"sửa dòng thành: {corrected}",
        "curly quotes (“ ” ‘ ’, as Word types them) are not TOML quotes; "
        f"write the line as: {corrected}",
    )


def written_date(corrected: str) -> Pair:
    """A date written ``dd/mm/yyyy``, and the line with it as ``"yyyy-mm-dd"``."""
    return (
        'ngày trong tệp kế hoạch viết "YYYY-MM-DD" (năm-tháng-ngày, trong dấu ngoặc kép); '
        f"sửa dòng thành: {corrected}",
        'a date in a plan file is written "YYYY-MM-DD" (year-month-day, in quotes); '
        f"write the line as: {corrected}",
    )


def no_such_written_date(text: str) -> Pair:
    """A date written ``dd/mm/yyyy`` that does not exist (31/04/2026)."""
    return (
        f'{text} không phải là ngày có thật; ngày viết "YYYY-MM-DD" (năm-tháng-ngày)',
        f'{text} is not a day that exists; a date is written "YYYY-MM-DD" (year-month-day)',
    )


def not_utf8() -> Pair:
    """A file that is not UTF-8 text (saved as ANSI by Notepad, or a Word file)."""
    return (
        "tệp không phải văn bản UTF-8; hãy lưu lại với mã hóa UTF-8 (Notepad: Lưu thành "
        "→ Mã hóa UTF-8)",
        "not UTF-8 text; save the file again as UTF-8 (Notepad: Save as → Encoding UTF-8)",
    )


__all__ = ["curly_quotes", "no_such_written_date", "not_utf8", "syntax_error", "written_date"]
