"""Checking text and files: :func:`check_text`, :func:`check_file`."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Final

from ..commemorations import Lang
from ..errors import DataError, OutOfRangeError, ThiduaError
from ._checks import check
from ._phases import SUPPORTED_YEARS, extract
from ._report import Report

if TYPE_CHECKING:
    from docx.table import Table
    from docx.text.paragraph import Paragraph


class MissingDependencyError(ThiduaError, ImportError):
    """An optional dependency is needed (python-docx, for .docx files)."""


def check_text(
    text: str, *, year: int | None = None, lang: Lang = "vi", path: str | None = None
) -> Report:
    """Check a plan document given as text.

    The text is normalised to NFC first (columns still refer to the text as given).

    Args:
        text: The document.
        year: The plan year, when the text does not say it (or says it wrongly).
        lang: The language of the messages: ``vi`` or ``en``.
        path: The file name shown in :meth:`Report.to_text`.

    Returns:
        The findings and the extracted calendar.

    Raises:
        OutOfRangeError: ``year`` is outside 1901–2199.
        ValueError: ``lang`` is neither ``vi`` nor ``en``.

    Examples:
        >>> report = check_text("Kế hoạch thi đua năm 2025: kỷ niệm 92 năm Ngày thành lập "
        ...                     "Đoàn TNCS Hồ Chí Minh (26/3/1931 - 26/3/2025).", lang="en")
        >>> [(f.code, f.suggestion) for f in report.findings]
        [('ordinal-mismatch', 'write 94 năm')]
    """
    if year is not None:
        if isinstance(year, bool) or not isinstance(year, int):
            raise TypeError(f"year must be an int, not {type(year).__name__}")
        if year not in SUPPORTED_YEARS:
            raise OutOfRangeError(f"year {year} is outside the supported range 1901–2199")
    if lang not in ("vi", "en"):
        raise ValueError(f"lang must be 'vi' or 'en', not {lang!r}")
    extraction = extract(text, year)
    return Report(
        findings=tuple(check(extraction, lang)), extraction=extraction, path=path, lang=lang
    )


def check_file(path: str | Path, *, year: int | None = None, lang: Lang = "vi") -> Report:
    """Check a plan document in a file: ``.txt``, ``.md`` (UTF-8) or ``.docx``.

    Raises:
        OSError: The file cannot be read.
        DataError: The file is not text (not UTF-8), not a readable .docx, or of a kind
            that cannot be read (.doc, .pdf …).
        MissingDependencyError: A .docx file without python-docx installed.
    """
    p = Path(path)
    return check_text(read_document(p), year=year, lang=lang, path=str(path))


_BINARY: Final = frozenset({".doc", ".pdf", ".odt", ".rtf", ".xls", ".xlsx", ".ppt", ".pptx"})


def read_document(path: Path) -> str:
    """The text of a document file (paragraphs of a .docx as lines)."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _read_docx(path)
    if suffix in _BINARY:
        raise DataError(
            f"cannot read {suffix} files; save the document as .docx or plain text (.txt)",
            path=str(path),
        )
    return decode(path.read_bytes(), str(path))


def decode(data: bytes, path: str = "<stdin>") -> str:
    """Text from bytes: UTF-8 (with or without a BOM) or UTF-16 with a BOM.

    Raises:
        DataError: Neither.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DataError(f"not UTF-16 text ({exc.reason})", path=path) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(
            f"not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8 or .docx",
            path=path,
        ) from None


def _read_docx(path: Path) -> str:
    try:
        import docx
    except ImportError:
        raise MissingDependencyError(
            "reading .docx files needs python-docx: pip install 'thidua-calendar[docx]'"
        ) from None
    with path.open("rb") as stream:
        try:
            document = docx.Document(stream)
        except Exception as exc:  # a damaged package fails in zipfile, lxml or python-docx
            raise DataError(
                f"not a readable .docx document ({type(exc).__name__}: {exc})", path=str(path)
            ) from None
    return "\n".join(_blocks(document.iter_inner_content()))


def _blocks(items: Iterator[Paragraph | Table]) -> Iterator[str]:
    """Paragraph texts in document order, table cells included (merged cells once)."""
    from docx.text.paragraph import Paragraph

    for item in items:
        if isinstance(item, Paragraph):
            yield item.text
            continue
        seen: set[int] = set()
        for row in item.rows:
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                yield from _blocks(cell.iter_inner_content())
