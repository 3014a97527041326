"""Rendering of flat records as a text table, JSON or CSV (shared by every CLI listing)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final, Literal

Record = Mapping[str, object]
Format = Literal["text", "json", "csv"]
FORMATS: Final = ("text", "json", "csv")


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


def to_table(rows: Sequence[Sequence[str]], header: Sequence[str]) -> str:
    """A plain text table with aligned columns and a header rule."""
    widths = [len(h) for h in header]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    parts = [line(header), line(["-" * w for w in widths])]
    parts.extend(line(row) for row in rows)
    return "\n".join(parts) + "\n"
