"""Checking text and files: :func:`check_text`, :func:`check_file`."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Final

from .._limits import DOCUMENT_LIMIT, DOCX_TOTAL_LIMIT, DOCX_XML_LIMIT, read_bytes, size_text
from .._vocabulary import LangArg
from .._wording import lang_of
from .._wording.draft import docx_needed
from .._years import check_year
from ..commemorations import Catalog, resolve_catalog
from ..errors import DataError
from ..errors import MissingDependencyError as MissingDependencyError  # lint re-exports it
from ._checks import check
from ._extract import extract
from ._report import Report

if TYPE_CHECKING:
    from docx.table import Table
    from docx.text.paragraph import Paragraph


def check_text(
    text: str,
    *,
    year: int | None = None,
    lang: LangArg = "vi",
    catalog: Catalog | str | Path | None = None,
    path: str | None = None,
) -> Report:
    """Check a plan document given as text.

    The text is normalised to NFC first (columns still refer to the text as given).

    Args:
        text: The document.
        year: The plan year, when the text does not say it (or says it wrongly).
        lang: The language of the messages: ``vi`` or ``en``.
        catalog: The catalogue whose days are recognised and checked: a
            :class:`~thidua_calendar.commemorations.Catalog`, the path of a user catalogue
            (merged over the shipped one), or ``None`` for the shipped catalogue. An
            organisation's own days ("Ngày thành lập Trường …") are then checked like the
            national ones.
        path: The file name shown in :meth:`Report.to_text`.

    Returns:
        The findings and the extracted calendar.

    Raises:
        OutOfRangeError: ``year`` is outside the supported years (``_years.YEARS``).
        InvalidTypeError: ``year`` is not an int (also a :class:`TypeError`).
        InvalidValueError: ``lang`` is neither ``vi`` nor ``en`` (also a :class:`ValueError`).
        DataError: The user catalogue is malformed.
        OSError: The user catalogue cannot be read.

    Examples:
        >>> report = check_text("Kế hoạch thi đua năm 2025: kỷ niệm 92 năm Ngày thành lập "
        ...                     "Đoàn TNCS Hồ Chí Minh (26/3/1931 - 26/3/2025).", lang="en")
        >>> [(f.code, f.suggestion) for f in report.findings]
        [('ordinal-mismatch', 'write 94 năm')]
    """
    if year is not None:
        year = check_year(year)
    language = lang_of(lang)
    extraction = extract(text, year, catalog=resolve_catalog(catalog))
    findings = tuple(check(extraction, language, path))
    return Report(findings=findings, extraction=extraction, path=path, lang=language)


def check_file(
    path: str | Path,
    *,
    year: int | None = None,
    lang: LangArg = "vi",
    catalog: Catalog | str | Path | None = None,
) -> Report:
    """Check a plan document in a file: ``.txt``, ``.md`` (UTF-8) or ``.docx``.

    Args:
        path: The file.
        year: As for :func:`check_text`.
        lang: As for :func:`check_text`.
        catalog: As for :func:`check_text`.

    Raises:
        OSError: The file (or the user catalogue) cannot be read.
        DataError: The file is not text (not UTF-8), not a readable .docx, or of a kind
            that cannot be read (.doc, .pdf …); or the user catalogue is malformed.
        MissingDependencyError: A .docx file without python-docx installed.
    """
    p = Path(path)
    return check_text(read_document(p), year=year, lang=lang, catalog=catalog, path=str(path))


_BINARY: Final = frozenset({".doc", ".pdf", ".odt", ".rtf", ".xls", ".xlsx", ".ppt", ".pptx"})


def read_document(
    path: Path,
    *,
    limit: int = DOCUMENT_LIMIT,
    xml_limit: int = DOCX_XML_LIMIT,
    total_limit: int = DOCX_TOTAL_LIMIT,
) -> str:
    """The text of a document file (paragraphs of a .docx as lines).

    Args:
        path: The file.
        limit: The largest file read (bytes; at most ``limit + 1`` are read).
        xml_limit: The largest total decompressed size of the XML parts of a .docx.
        total_limit: The largest total decompressed size of all the parts of a .docx.

    Raises:
        DataError: The file is over a limit, not text or not a readable .docx.
        OSError: The file cannot be read.
    """
    suffix = path.suffix.lower()
    if suffix in _BINARY:
        raise DataError(
            f"cannot read {suffix} files; save the document as .docx or plain text (.txt)",
            path=str(path),
        )
    data = read_bytes(path, limit)
    if suffix == ".docx":
        return _read_docx(data, str(path), xml_limit, total_limit)
    return decode(data, str(path))


def decode(data: bytes, path: str = "<stdin>") -> str:
    """Text from bytes: UTF-8 (with or without a BOM) or UTF-16 with a BOM.

    Text that cannot be decoded for sure is refused rather than checked as something else
    (which would report "0 findings"): UTF-32 (its BOM starts like UTF-16's), UTF-16 without
    a BOM and any text with a NUL character (no document has one; UTF-32 and UTF-16 text
    read as UTF-8 does), and bytes that are not UTF-8 throughout (mixed encodings).

    Raises:
        DataError: Any of these.
    """
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise DataError("UTF-32 text is not supported; save it as UTF-8 or .docx", path=path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DataError(f"not UTF-16 text ({exc.reason})", path=path) from None
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DataError(
                f"not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8 or .docx",
                path=path,
            ) from None
    if "\0" in text:
        raise DataError(
            f"not plain text: a NUL character at character {text.index(chr(0))} "
            "(UTF-32 or UTF-16 without a BOM?); save it as UTF-8 or .docx",
            path=path,
        )
    return text


def _check_docx_sizes(data: bytes, path: str, xml_limit: int, total_limit: int) -> None:
    """Refuse a .docx whose parts decompress to more than the limits (a zip bomb).

    The sizes are those the zip directory declares; :mod:`zipfile` never decompresses more
    of a part than its declared size (a part that holds more fails its CRC check), so the
    check bounds what python-docx reads.
    """
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DataError(
            f"not a readable .docx document ({type(exc).__name__}: {exc})", path=path
        ) from None
    xml = sum(m.file_size for m in members if m.filename.lower().endswith((".xml", ".rels")))
    total = sum(m.file_size for m in members)
    if xml > xml_limit or total > total_limit:
        raise DataError(
            f"the .docx document decompresses to more than {size_text(xml_limit)} of XML "
            f"or {size_text(total_limit)} in all, the limits",
            path=path,
        )


def _read_docx(data: bytes, path: str, xml_limit: int, total_limit: int) -> str:
    try:
        import docx
    except ImportError:
        vi, en = docx_needed(reading=True)
        raise MissingDependencyError(en, vi=vi) from None
    import io

    _check_docx_sizes(data, path, xml_limit, total_limit)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # a damaged package fails in zipfile, lxml or python-docx
        raise DataError(
            f"not a readable .docx document ({type(exc).__name__}: {exc})", path=path
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
