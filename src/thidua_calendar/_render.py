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
    """CSV with a header row; booleans as ``true``/``false``, ``None`` as empty."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([_cell(record.get(c)) for c in columns])
    return out.getvalue()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
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
