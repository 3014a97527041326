"""The plan document: the plan as the Word file the clerk files (``plan draft``).

The layout is that of Nghị định 30/2020/NĐ-CP on clerical work (công tác văn thư), Phụ lục I
(thể thức và kỹ thuật trình bày văn bản hành chính):

- A4 portrait; margins top and bottom 20 mm, left 30 mm, right 15 mm (the lower ends of the
  decree's 20–25, 30–35 and 15–20 mm, leaving the most room for the text);
- Times New Roman throughout, black;
- the header in two columns without borders: on the left the governing body (upper case,
  13 pt), the issuing body (upper case, 13 pt, bold) with a short line under it (a third to a
  half of its length) and ``Số: …/KH-…`` (13 pt); on the right the national name (upper
  case, 12 pt, bold), the motto (13 pt, bold) underlined for its whole length, and the
  place-and-date line (13 pt, italic; the date with the decree's zero rule, see
  :func:`thidua_calendar._wording.document_date`);
- the document type ``KẾ HOẠCH`` (14 pt, bold, centred), the subject (14 pt, bold, centred)
  with a short line under it;
- the content in 14 pt, justified, the first line indented 1.27 cm, 6 pt between
  paragraphs, line spacing 1.15 (the decree allows single to 1.5);
- at the end, in two columns: ``Nơi nhận:`` (12 pt, bold, italic) with its lines (11 pt),
  and the signature block (13–14 pt, bold, centred);
- page numbers from the second page, centred at the top (13 pt).

Every word comes from :mod:`thidua_calendar._wording.draft`; what the clerk fills in is
highlighted in yellow and written in brackets. The bytes depend on the plan only: the core
properties and the timestamps of the archive's members are the plan's revision date (else its
document date, else the first day of the plan), never the clock.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING, Any, Final

from ._files import DOCX_MARKER
from ._wording.draft import Block, DraftText, Segment, docx_needed, draft_text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .plans import Plan

FONT: Final = "Times New Roman"
PAGE_MM: Final = (210, 297)
MARGINS_MM: Final = {"top": 20, "bottom": 20, "left": 30, "right": 15}
BODY_PT: Final = 14
HEADER_PT: Final = 13
NATIONAL_PT: Final = 12
FIRST_LINE_CM: Final = 1.27
LEFT_COLUMN_MM: Final = 68  # the issuing body's column; the national name's takes the rest

ZIP_COMMENT: Final = DOCX_MARKER
"""The archive's comment, how :func:`thidua_calendar._files.written_here` knows the file."""


def _docx() -> Any:
    from .errors import MissingDependencyError

    try:
        import docx
    except ImportError:
        vi, en = docx_needed()
        raise MissingDependencyError(en, vi=vi) from None
    return docx


def stamp(plan: Plan) -> dt.datetime:
    """The time written into the document: the plan's revision, document date or first day."""
    day = plan.revision or plan.issued or plan.start
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def draft_docx(plan: Plan, *, place: str | None = None) -> bytes:
    """The plan as a Word document in the Nghị định 30/2020/NĐ-CP format.

    The header, the place-and-date line, ``KẾ HOẠCH`` and the subject, sections I. MỤC
    ĐÍCH, YÊU CẦU and II. NỘI DUNG to be written by the clerk (marked), III. THỜI GIAN (the
    phases with their windows and themes, the anniversaries and events each celebrates),
    IV. TỔ CHỨC THỰC HIỆN (the reporting schedule with its due dates), ``Nơi nhận:`` and the
    signature block. The plan is read over its whole period
    (:func:`~thidua_calendar.plan_span`), so a report due after the plan's end is listed.

    Args:
        plan: The plan.
        place: The place of the date line (``Hà Nội``); ``None`` leaves it to the clerk.

    Returns:
        The ``.docx`` file's bytes (the same plan gives the same bytes).

    Raises:
        MissingDependencyError: python-docx is not installed (the ``docx`` extra).
        InvalidTypeError: ``plan`` is not a :class:`Plan`.
    """
    from ._schedule import plan_span, schedule

    docx = _docx()
    sched = schedule(plan_span(plan), plan)
    text = draft_text(plan, sched, place=place)
    document = docx.Document()
    _page(document)
    _styles(document)
    _header(document, text)
    _title(document, text)
    for block in text.body:
        _block(document, block)
    _closing(document, text)
    _page_numbers(document)
    _properties(document, plan)
    return _archive(document, stamp(plan))


# --- units and runs ------------------------------------------------------------------------------


def _shared() -> Any:
    import docx.shared

    return docx.shared


def _run(paragraph: Any, segment: Segment, size: float, **style: bool) -> Any:
    from docx.enum.text import WD_COLOR_INDEX

    run = paragraph.add_run(segment.text)
    font = run.font
    font.name = FONT
    font.size = _shared().Pt(size)
    font.bold = style.get("bold", False)
    font.italic = style.get("italic", False)
    if style.get("underline"):
        font.underline = True
    if segment.blank:
        font.highlight_color = WD_COLOR_INDEX.YELLOW
    return run


def _paragraph(
    container: Any,
    segments: Sequence[Segment],
    size: float,
    *,
    align: str = "center",
    after: float = 0,
    before: float = 0,
    **style: bool,
) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    shared = _shared()
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.alignment = {
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
    }[align]
    fmt.space_before = shared.Pt(before)
    fmt.space_after = shared.Pt(after)
    fmt.line_spacing = 1.0
    for segment in segments:
        _run(paragraph, segment, size, **style)
    return paragraph


def _rule(container: Any, width_mm: float, text_mm: float) -> None:
    """A short centred line under a text: 40 % of its estimated length, as a bottom border."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shared = _shared()
    line = max(min(text_mm, width_mm) * 0.4, 15.0)
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.space_before = shared.Pt(0)
    fmt.space_after = shared.Pt(0)
    fmt.line_spacing = shared.Pt(2)
    side = shared.Mm(max((width_mm - line) / 2, 0))
    fmt.left_indent = side
    fmt.right_indent = side
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _text_mm(text: str, size: float, *, upper: bool = False) -> float:
    """A rough width of a line of Times New Roman (for the length of the lines under it)."""
    em = 0.62 if upper else 0.5
    return len(text) * size * em * 25.4 / 72


# --- the parts -----------------------------------------------------------------------------------


def _page(document: Any) -> None:
    shared = _shared()
    section = document.sections[0]
    section.page_width = shared.Mm(PAGE_MM[0])
    section.page_height = shared.Mm(PAGE_MM[1])
    section.top_margin = shared.Mm(MARGINS_MM["top"])
    section.bottom_margin = shared.Mm(MARGINS_MM["bottom"])
    section.left_margin = shared.Mm(MARGINS_MM["left"])
    section.right_margin = shared.Mm(MARGINS_MM["right"])
    section.header_distance = shared.Mm(10)
    section.footer_distance = shared.Mm(10)


def _styles(document: Any) -> None:
    """Times New Roman 14 pt, Vietnamese, for every script, in the default paragraph style."""
    from docx.oxml.ns import qn

    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = _shared().Pt(BODY_PT)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for key in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(key), FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        from docx.oxml import OxmlElement

        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")


def _columns(document: Any, left_mm: float) -> tuple[Any, Any]:
    """A borderless table of two columns across the text width; its two cells."""
    shared = _shared()
    width = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    left, right = table.rows[0].cells
    for cell, mm in ((left, left_mm), (right, width - left_mm)):
        cell.width = shared.Mm(mm)
        cell._tc.remove(cell.paragraphs[0]._p)  # each cell's text is added below
    for column, mm in zip(table.columns, (left_mm, width - left_mm), strict=True):
        column.width = shared.Mm(mm)
    return left, right


def _header(document: Any, text: DraftText) -> None:
    left, right = _columns(document, LEFT_COLUMN_MM)
    for line in text.parent:
        _paragraph(left, (Segment(line),), HEADER_PT)
    _paragraph(left, text.issuer, HEADER_PT, bold=True)
    issuer = "".join(s.text for s in text.issuer)
    _rule(left, LEFT_COLUMN_MM - 4, _text_mm(issuer, HEADER_PT, upper=True))
    _paragraph(left, text.number, HEADER_PT, before=6)
    _paragraph(right, (Segment(text.national_name),), NATIONAL_PT, bold=True)
    _paragraph(right, (Segment(text.motto),), HEADER_PT, bold=True, underline=True)
    _paragraph(right, text.place_date, HEADER_PT, before=12, italic=True)


def _title(document: Any, text: DraftText) -> None:
    width = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]
    _paragraph(document, (Segment(text.doc_type),), BODY_PT, before=18, bold=True)
    _paragraph(document, (Segment(text.subject),), BODY_PT, bold=True)
    _rule(document, width, _text_mm(text.subject, BODY_PT))
    document.add_paragraph().paragraph_format.space_after = _shared().Pt(0)


def _block(document: Any, block: Block) -> None:
    shared = _shared()
    bold = block.style in ("heading", "subheading")
    italic = any(s.blank for s in block.segments) and block.style == "text"
    paragraph = _paragraph(
        document, block.segments, BODY_PT, align="justify", after=6, bold=bold, italic=italic
    )
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = shared.Cm(FIRST_LINE_CM)
    fmt.line_spacing = 1.15
    if block.style == "heading":
        fmt.keep_with_next = True
        fmt.space_before = shared.Pt(6)
    elif block.style == "subheading":
        fmt.keep_with_next = True


def _closing(document: Any, text: DraftText) -> None:
    left, right = _columns(document, 75)
    _paragraph(
        left,
        (Segment(text.recipients_title),),
        12,
        align="left",
        before=12,
        bold=True,
        italic=True,
    )
    for line in text.recipients:
        _paragraph(left, line, 11, align="left")
    authority, signature, name = text.signer
    _paragraph(right, authority, HEADER_PT, before=12, bold=True)
    _paragraph(right, signature, HEADER_PT, before=6, after=48, italic=True)
    _paragraph(right, name, BODY_PT, bold=True)


def _page_numbers(document: Any) -> None:
    """Page numbers at the top centre, from the second page (13 pt)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = 1  # centre
    for kind, content in (("begin", None), (None, "PAGE"), ("separate", None), ("end", None)):
        run = paragraph.add_run()
        run.font.name = FONT
        run.font.size = _shared().Pt(HEADER_PT)
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = content
            run._r.append(instr)


def _properties(document: Any, plan: Plan) -> None:
    """The core properties from the plan (never the clock), without the template's thumbnail."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    when = stamp(plan)
    props = document.core_properties
    lines = [line.strip() for line in plan.organisation.splitlines() if line.strip()]
    props.author = lines[-1] if lines else ""
    props.title = plan.title
    props.subject = ""
    props.comments = "thidua-calendar plan draft"
    props.keywords = "kế hoạch thi đua"
    props.language = "vi-VN"
    props.last_modified_by = "thidua-calendar"
    props.revision = 1
    props.created = when.replace(tzinfo=None)
    props.modified = when.replace(tzinfo=None)
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del package.rels[rel_id]


def _archive(document: Any, when: dt.datetime) -> bytes:
    """The document's bytes, its members dated ``when``, with :data:`ZIP_COMMENT`."""
    from ._zip import repack

    saved = io.BytesIO()
    document.save(saved)
    return repack(saved.getvalue(), when.date(), ZIP_COMMENT)


__all__ = ["FONT", "MARGINS_MM", "PAGE_MM", "ZIP_COMMENT", "draft_docx", "stamp"]
