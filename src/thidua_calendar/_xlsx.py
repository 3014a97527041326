"""A listing as an Excel workbook (``--format xlsx``): openpyxl, the ``xlsx`` extra.

Why a workbook beside the CSV: Excel in a Vietnamese locale uses ``;`` as its list separator
and opens a comma CSV as one column unless it is imported by hand; an ``.xlsx`` opens right on
a double click, its dates real dates. The sheet has the columns of the CSV, in its order, with
its header row:

- the columns of dates (:data:`DATE_COLUMNS`) hold Excel dates shown ``dd/mm/yyyy`` (a date
  before 1 March 1900, which Excel's calendar cannot hold — an anniversary's origin — is
  written as text ``dd/mm/yyyy``); numbers are numbers, ``true``/``false`` Excel booleans,
  ``None`` an empty cell;
- the header row is bold, frozen and filtered; the columns are as wide as their text (at most
  :data:`MAX_WIDTH` characters);
- no cell is a formula: text is written as text, and text a spreadsheet would read as a
  formula when typed (starting with ``=``, ``+``, ``-``, ``@``, TAB or CR, OWASP's list, as the
  CSV writer guards, :data:`thidua_calendar._render.FORMULA_STARTS`) also gets Excel's *quote
  prefix*, the mark a leading ``'`` leaves: the cell shows the text exactly and stays text when
  edited. A character a workbook cannot hold (a control) becomes U+FFFD
  (:func:`thidua_calendar._hygiene.scrub_text`);
- the same listing gives the same bytes: the workbook's created and modified times and the
  archive's timestamps are 1 January of the listing's year (the caller's ``year``), never the
  clock, and the archive carries :data:`thidua_calendar._files.XLSX_MARKER`, so the tool
  replaces its own workbook but not one a clerk has saved from Excel.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

from ._render import FORMULA_STARTS

if TYPE_CHECKING:
    from ._render import Record

DATE_COLUMNS: Final = frozenset({"date", "start", "end", "origin", "solar"})
"""The columns of the listings' records that hold dates (``YYYY-MM-DD`` in JSON and CSV)."""

DATE_FORMAT: Final = "dd/mm/yyyy"
"""The number format of a date cell: the way Vietnamese documents write a date."""

MAX_WIDTH: Final = 60
"""The widest a column is made, in characters (a description wraps nowhere: it runs on)."""

FIRST_EXCEL_DATE: Final = dt.date(1900, 3, 1)
"""The first day Excel's 1900 date system counts right (it believes 29/02/1900 existed)."""

_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SHEET_FORBIDDEN: Final = re.compile(r"[\[\]:*?/\\]")


def _openpyxl() -> Any:
    """The openpyxl module (untyped: no stubs are needed to type-check the project)."""
    from importlib import import_module

    from .errors import MissingDependencyError

    try:
        openpyxl = import_module("openpyxl")
        import_module("openpyxl.styles")
        import_module("openpyxl.utils")
        import_module("openpyxl.writer.excel")
    except ImportError:
        from ._wording.errors import xlsx_needed

        vi, en = xlsx_needed()
        raise MissingDependencyError(en, vi=vi) from None
    return openpyxl


def sheet_name(title: str) -> str:
    r"""A worksheet's name from a title: at most 31 characters, none of ``[ ] : * ? / \\``.

    Examples:
        >>> sheet_name("Lịch 2026")
        'Lịch 2026'
        >>> sheet_name("Tết 2020/2030")
        'Tết 2020-2030'
    """
    return _SHEET_FORBIDDEN.sub("-", title)[:31] or "Sheet1"


def _value(column: str, value: object) -> tuple[object, bool]:
    """A record's value as a cell's: (value, whether it is text to mark as text)."""
    from ._hygiene import scrub_text

    if value is None or isinstance(value, bool | int | float):
        return value, False
    text = scrub_text(str(value))
    if column in DATE_COLUMNS and _ISO_DATE.fullmatch(text):
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            return text, False
        if day < FIRST_EXCEL_DATE:
            from ._wording import date_vi

            return date_vi(day), False
        return day, False
    return text, text.startswith(FORMULA_STARTS)


def _width(value: object) -> int:
    if isinstance(value, dt.date):
        return len("dd/mm/yyyy")
    if value is None:
        return 0
    if isinstance(value, bool):
        return len("FALSE")
    return max((len(line) for line in str(value).splitlines()), default=0)


def to_xlsx(records: Sequence[Record], columns: Sequence[str], *, title: str, year: int) -> bytes:
    """The records as a one-sheet workbook (see the module for the rules).

    Args:
        records: The listing's records (as JSON and CSV get them).
        columns: The columns, in order (the CSV's).
        title: The sheet's title (its tab and the workbook's title property).
        year: The listing's year: the workbook is dated 1 January of it.

    Returns:
        The ``.xlsx`` file's bytes (the same records give the same bytes).

    Raises:
        MissingDependencyError: openpyxl is not installed (the ``xlsx`` extra).
    """
    from ._files import XLSX_MARKER
    from ._zip import repack

    openpyxl = _openpyxl()
    get_column_letter = openpyxl.utils.get_column_letter
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = sheet_name(title)
    bold = openpyxl.styles.Font(bold=True)
    widths = [len(c) for c in columns]
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=column)
        cell.font = bold
    for row, record in enumerate(records, start=2):
        for index, column in enumerate(columns, start=1):
            value, as_text = _value(column, record.get(column))
            cell = sheet.cell(row=row, column=index)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever it starts with
            if as_text:
                cell.quotePrefix = True
            if isinstance(value, dt.date):
                cell.number_format = DATE_FORMAT
            widths[index - 1] = max(widths[index - 1], _width(value))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(width, MAX_WIDTH) + 2
    sheet.freeze_panes = "A2"
    if columns:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(records) + 1}"
    when = dt.datetime(year, 1, 1)
    props = workbook.properties
    props.creator = "thidua-calendar"
    props.title = title
    props.created = when
    props.modified = when
    # Workbook.save would date the workbook "modified" now: its writer, given an archive, not.
    saved = io.BytesIO()
    openpyxl.writer.excel.ExcelWriter(workbook, zipfile.ZipFile(saved, "w")).save()
    return repack(saved.getvalue(), when.date(), XLSX_MARKER)


__all__ = ["DATE_COLUMNS", "DATE_FORMAT", "FIRST_EXCEL_DATE", "MAX_WIDTH", "sheet_name", "to_xlsx"]
