"""Rendering of flat records as a text table, JSON or CSV (shared by every CLI listing).

The fourth format of the listings, an Excel workbook, is :mod:`thidua_calendar._xlsx`'s.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Final, Literal

if TYPE_CHECKING:
    import textwrap

Record = Mapping[str, object]
Format = Literal["text", "json", "csv", "xlsx"]
FORMATS: Final = ("text", "json", "csv", "xlsx")


def to_json(records: Sequence[Record]) -> str:
    """A JSON array of the records (UTF-8 text, not ASCII-escaped), with a final newline."""
    import json  # here: the short commands print text and need neither json nor csv

    return json.dumps(list(records), ensure_ascii=False, indent=2) + "\n"


def to_csv(records: Sequence[Record], columns: Sequence[str]) -> str:
    """CSV with a header row; booleans as ``true``/``false``, ``None`` as empty.

    Safe to open in a spreadsheet (OWASP's advice on CSV injection): a text cell that starts
    with ``=``, ``+``, ``-``, ``@``, TAB or CR gets a leading ``'``, so Excel, LibreOffice and
    Google Sheets show it as text instead of running it as a formula (numbers, written by the
    tool, are left as they are: ``-3`` stays a number). A cell holding CR or LF is quoted, so a
    reader never splits its row. Rows end with LF.
    """
    import csv
    import io

    out = io.StringIO()
    # CRLF as the terminator makes the writer quote a cell holding a bare CR (with LF alone it
    # quotes LF only); each row's CRLF is then written as LF.
    writer = csv.writer(out, lineterminator="\r\n")
    lines = []
    for row in [list(columns), *([_cell(record.get(c)) for c in columns] for record in records)]:
        out.seek(0)
        out.truncate()
        writer.writerow(row)
        lines.append(out.getvalue()[:-2] + "\n")
    return "".join(lines)


FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
"""The first characters that make a spreadsheet read a cell as a formula (OWASP)."""


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    return str(value)


def to_table(rows: Sequence[Sequence[str]], header: Sequence[str], width: int | None = None) -> str:
    """A plain text table with aligned columns and a header rule.

    Args:
        rows: The rows, each a cell per column.
        header: The column names.
        width: The most characters a line may hold (the terminal's width): the last column,
            the long one (a title, a label), is wrapped at spaces to fit, its further lines
            indented under it. It keeps at least 20 characters however narrow the width.
            ``None``: no limit.

    Examples:
        >>> rows = [["01/01", "Tết Dương lịch, nghỉ một ngày"]]
        >>> print(to_table(rows, ["Ngày", "Tên"], 30), end="")
        Ngày   Tên
        -----  -----------------------
        01/01  Tết Dương lịch, nghỉ
               một ngày
    """
    widths = [len(h) for h in header]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    indent = sum(widths[:-1]) + 2 * (len(widths) - 1)
    if width is not None and widths and indent + widths[-1] > width:
        widths[-1] = max(width - indent, 20)
        wrap = _wrapper(widths[-1])
    else:
        wrap = None

    def lines(cells: Sequence[str]) -> list[str]:
        *first, last = cells
        pieces = (wrap.wrap(last) or [""]) if wrap is not None else [last]
        head = "  ".join(c.ljust(w) for c, w in zip(first, widths, strict=False))
        out = [f"{head}  {pieces[0]}" if first else pieces[0]]
        out += [" " * indent + piece for piece in pieces[1:]]
        return [line.rstrip() for line in out]

    parts = [*lines(header), *lines(["-" * w for w in widths])]
    for row in rows:
        parts.extend(lines(row))
    return "\n".join(parts) + "\n"


def _wrapper(width: int) -> textwrap.TextWrapper:
    import textwrap

    return textwrap.TextWrapper(width, break_long_words=True, break_on_hyphens=False)
