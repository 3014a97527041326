"""The words of the plan document (``plan draft``), in the order the document gives them.

The document is the clerk's own text, so it is Vietnamese only; what the command line says
about it (the status line, a missing extra) is in both languages. Its layout follows Nghị
định 30/2020/NĐ-CP, Phụ lục I: the header (issuing body and number on the left, the national
name, the motto and the place-and-date line on the right), the document type and subject,
the content, then the recipients beside the signature. Fonts, sizes and margins are the
renderer's (:mod:`thidua_calendar.draft`); this module gives the words and marks which
of them the clerk fills in (:attr:`Segment.blank`).

Examples:
    >>> import datetime as dt
    >>> "".join(s.text for s in place_and_date("Hà Nội", dt.date(2026, 2, 5)))
    'Hà Nội, ngày 05 tháng 02 năm 2026'
    >>> [(s.text, s.blank) for s in place_and_date(None, None)]
    [('[Địa danh]', True), (', ', False), ('ngày … tháng … năm …', True)]
    >>> "".join(s.text for s in number_line("5/KH-CĐCS"))
    'Số: 05/KH-CĐCS'
    >>> subject("Kế hoạch phát động phong trào thi đua năm 2026", 2026)
    'Phát động phong trào thi đua năm 2026'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final, Literal

import attrs

from . import date_vi, document_date, pick, quoted
from .milestones import milestone_label
from .plans import plan_title

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from .._schedule import Schedule
    from .._vocabulary import LangArg
    from ..congresses import Congress
    from ..plans import Plan


@attrs.frozen
class Segment:
    """A piece of a paragraph.

    Attributes:
        text: The words.
        blank: Whether the clerk fills it in (shown marked in the document).
    """

    text: str
    blank: bool = False


def _text(text: str) -> tuple[Segment, ...]:
    return (Segment(text),)


def _blank(text: str) -> tuple[Segment, ...]:
    return (Segment(text, blank=True),)


Style = Literal["heading", "subheading", "text", "item"]


@attrs.frozen
class Block:
    """A paragraph of the content.

    Attributes:
        style: ``heading`` (``I. MỤC ĐÍCH, YÊU CẦU``), ``subheading`` (``1. Mục đích``),
            ``text`` (a paragraph) or ``item`` (a ``-`` line of a list).
        segments: Its words.
    """

    style: Style
    segments: tuple[Segment, ...]

    @property
    def text(self) -> str:
        """The paragraph's text."""
        return "".join(s.text for s in self.segments)


@attrs.frozen
class DraftText:
    """Every word of the plan document, in its parts.

    Attributes:
        parent: The lines of the governing body (tên cơ quan chủ quản), upper case.
        issuer: The issuing body (tên cơ quan ban hành), upper case.
        number: ``Số: 15/KH-CĐVC``.
        national_name: ``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM``.
        motto: ``Độc lập - Tự do - Hạnh phúc``.
        place_date: ``Hà Nội, ngày 05 tháng 02 năm 2026``.
        doc_type: ``KẾ HOẠCH``.
        subject: The subject (trích yếu).
        body: The content, from the grounds to section IV.
        recipients_title: ``Nơi nhận:``.
        recipients: The recipient lines.
        signer: The signature block's lines (authority and title, signature, name).
    """

    parent: tuple[str, ...]
    issuer: tuple[Segment, ...]
    number: tuple[Segment, ...]
    national_name: str
    motto: str
    place_date: tuple[Segment, ...]
    doc_type: str
    subject: str
    body: tuple[Block, ...]
    recipients_title: str
    recipients: tuple[tuple[Segment, ...], ...]
    signer: tuple[tuple[Segment, ...], ...]

    def paragraphs(self) -> list[str]:
        """The document's text, paragraph by paragraph, in reading order (for tests and lint)."""
        head = [*self.parent, _joined(self.issuer), _joined(self.number)]
        head += [self.national_name, self.motto, _joined(self.place_date)]
        head += [self.doc_type, self.subject]
        tail = [self.recipients_title, *(_joined(r) for r in self.recipients)]
        return head + [b.text for b in self.body] + tail + [_joined(s) for s in self.signer]


def _joined(segments: Sequence[Segment]) -> str:
    return "".join(s.text for s in segments)


NATIONAL_NAME: Final = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO: Final = "Độc lập - Tự do - Hạnh phúc"
DOC_TYPE: Final = "KẾ HOẠCH"
PLACEHOLDER_ISSUER: Final = "[TÊN CƠ QUAN, TỔ CHỨC]"


# --- the header --------------------------------------------------------------------------------


def issuer_lines(organisation: str) -> tuple[tuple[str, ...], tuple[Segment, ...]]:
    r"""The governing body's lines and the issuing body, upper case, from a plan's organisation.

    A two-line organisation (a letterhead: ``LĐLĐ tỉnh X`` over ``Công đoàn cơ sở Y``) gives
    the governing body and the issuing body; an empty one a placeholder.

    Examples:
        >>> issuer_lines("Liên đoàn Lao động tỉnh Bắc Kạn\nCông đoàn cơ sở Trường A")
        (('LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC KẠN',), (Segment(text='CÔNG ĐOÀN CƠ SỞ TRƯỜNG A', blank=False),))
    """  # noqa: E501
    lines = [line.strip() for line in organisation.splitlines() if line.strip()]
    if not lines:
        return (), _blank(PLACEHOLDER_ISSUER)
    return tuple(line.upper() for line in lines[:-1]), _text(lines[-1].upper())


_NUMBER: Final = re.compile(r"\s*(?:Số\s*:?\s*)?(\d+)(.*)", re.IGNORECASE | re.DOTALL)


def number_line(number: str) -> tuple[Segment, ...]:
    """``Số: 05/KH-CĐCS`` (a number below 10 takes a leading zero), or one to fill in.

    Examples:
        >>> [(s.text, s.blank) for s in number_line("")]
        [('Số: ', False), ('…/KH-…', True)]
        >>> "".join(s.text for s in number_line("Số: 31/KH-LĐLĐ"))
        'Số: 31/KH-LĐLĐ'
    """
    number = number.strip()
    if not number:
        return (Segment("Số: "), Segment("…/KH-…", blank=True))
    match = _NUMBER.fullmatch(number)
    if match:
        digits, rest = match.groups()
        number = f"{int(digits):02d}{rest}"
    return _text(f"Số: {number}")


def place_and_date(place: str | None, date: dt.date | None) -> tuple[Segment, ...]:
    """The place-and-date line; a part not known is left for the clerk."""
    where = _text(place.strip()) if place and place.strip() else _blank("[Địa danh]")
    when = _text(document_date(date)) if date is not None else _blank("ngày … tháng … năm …")
    return (*where, Segment(", "), *when)


def subject(title: str, year: int, *, school_year: bool = False) -> str:
    """The subject line: the plan's title without its leading ``Kế hoạch``, capitalised."""
    rest = re.sub(r"^\s*kế\s+hoạch\s*", "", title.strip(), flags=re.IGNORECASE)
    if not rest:
        rest = plan_title(year, school_year=school_year).removeprefix("Kế hoạch ")
    return rest[:1].upper() + rest[1:]


# --- the content ---------------------------------------------------------------------------------


def _heading(text: str) -> Block:
    return Block("heading", _text(text))


def _subheading(text: str) -> Block:
    return Block("subheading", _text(text))


def _paragraph(text: str) -> Block:
    return Block("text", _text(text))


def _placeholder(text: str) -> Block:
    return Block("text", _blank(text))


def _items(texts: Sequence[str]) -> list[Block]:
    """``-`` lines, each ending with ``;`` and the last with ``.``."""
    last = len(texts) - 1
    return [Block("item", _text(f"- {t}{'.' if i == last else ';'}")) for i, t in enumerate(texts)]


def _year_words(plan: Plan) -> str:
    if plan.school_year:
        return f"năm học {plan.year} - {plan.year + 1}"
    return f"năm {plan.year}"


def _grounds(plan: Plan, subject_text: str) -> list[Block]:
    grounds = _placeholder(
        "[Căn cứ … (các văn bản chỉ đạo, hướng dẫn của cấp trên về công tác thi đua, khen "
        "thưởng: số, ngày, cơ quan ban hành);]"
    )
    lowered = subject_text[:1].lower() + subject_text[1:]
    lines = [line.strip() for line in plan.organisation.splitlines() if line.strip()]
    issuer = _text(lines[-1]) if lines else _blank("[Tên cơ quan, tổ chức]")
    intro = Block("text", (*issuer, Segment(f" ban hành Kế hoạch {lowered} như sau:")))
    return [grounds, intro]


def _purpose() -> list[Block]:
    return [
        _heading("I. MỤC ĐÍCH, YÊU CẦU"),
        _subheading("1. Mục đích"),
        _placeholder(
            "[Mục đích của phong trào thi đua: đơn vị soạn thảo (động viên cán bộ, đoàn viên, "
            "người lao động thi đua hoàn thành nhiệm vụ …).]"
        ),
        _subheading("2. Yêu cầu"),
        _placeholder(
            "[Yêu cầu đối với việc tổ chức phong trào: đơn vị soạn thảo (thiết thực, hiệu quả, "
            "tránh hình thức …).]"
        ),
    ]


def _content(plan: Plan) -> list[Block]:
    blocks = [_heading("II. NỘI DUNG")]
    if plan.theme:
        blocks.append(_paragraph(f"Chủ đề {_year_words(plan)}: {quoted(plan.theme)}."))
    blocks.append(
        _placeholder(
            "[Nội dung thi đua, chỉ tiêu và giải pháp thực hiện: đơn vị soạn thảo theo nhiệm "
            "vụ chính trị của cơ quan, đơn vị.]"
        )
    )
    return blocks


def _event_text(congress: Congress) -> str:
    """``Đại hội XIV của Đảng (19/01/2026 - 23/01/2026)``: the event and its days."""
    title = congress.label("vi", term=False)
    title = title[:1].upper() + title[1:]
    days = congress.days
    if days is None:
        return title
    first, last = date_vi(days[0]), date_vi(days[1])
    return f"{title} ({first if days[0] == days[1] else f'{first} - {last}'})"


def _time(plan: Plan, sched: Schedule) -> list[Block]:
    blocks = [_heading("III. THỜI GIAN")]
    phases = [e for e in sched.entries if e.phase is not None]
    period = f"từ {date_vi(plan.start)} đến {date_vi(plan.end)}"
    if not phases:
        blocks.append(_paragraph(f"Phong trào thi đua được tổ chức {period}."))
        return blocks
    blocks.append(
        _paragraph(f"Phong trào thi đua được tổ chức {period}, chia thành {len(phases)} đợt:")
    )
    for number, entry in enumerate(phases, start=1):
        phase = entry.phase
        assert phase is not None
        window = plan.window(phase)
        blocks.append(_subheading(f"{number}. {phase.label}: {window}"))
        if phase.theme:
            blocks.append(_paragraph(f"Chủ đề: {quoted(phase.theme)}."))
        elif phase.theme is not None:
            blocks.append(_placeholder("[Chủ đề của đợt thi đua]"))
        if entry.focus_milestones:
            blocks.append(_paragraph("Thi đua lập thành tích chào mừng các ngày kỷ niệm:"))
            blocks += _items([milestone_label(m, "vi") for m in entry.focus_milestones])
        if entry.focus_events:
            blocks.append(_paragraph("Thi đua chào mừng thành công:"))
            blocks += _items([_event_text(c) for c in entry.focus_events])
    return blocks


def _organisation(plan: Plan, sched: Schedule) -> list[Block]:
    blocks = [_heading("IV. TỔ CHỨC THỰC HIỆN"), _subheading("1. Chế độ báo cáo")]
    deadlines = [e.deadline for e in sched.entries if e.deadline is not None]
    if not deadlines:
        blocks.append(_placeholder("[Thời hạn gửi báo cáo sơ kết, tổng kết: đơn vị soạn thảo.]"))
    else:
        blocks.append(_paragraph("Các bộ phận, đơn vị gửi báo cáo theo thời hạn sau:"))
        blocks += _items([f"{d.title('vi')}: hạn {date_vi(d.date)}" for d in deadlines])
        rules = plan.reporting
        moved = (rules.phase_review, rules.quarterly, rules.half_year, rules.yearly)
        if any(r is not None and r.working_day for r in moved):
            blocks.append(
                _paragraph(
                    "Hạn báo cáo trùng ngày nghỉ (thứ Bảy, Chủ nhật, nghỉ lễ, Tết) được chuyển "
                    "sang ngày làm việc kế tiếp; các hạn trên đã tính theo quy định này."
                )
            )
    blocks += [
        _subheading("2. Phân công thực hiện"),
        _placeholder(
            "[Trách nhiệm của các bộ phận, đơn vị trong tổ chức thực hiện kế hoạch: đơn vị "
            "soạn thảo.]"
        ),
    ]
    return blocks


def draft_text(plan: Plan, sched: Schedule, *, place: str | None = None) -> DraftText:
    """Every word of a plan's document.

    Args:
        plan: The plan.
        sched: The schedule of the plan's whole period with the plan (its phases with their
            focus milestones and events, its deadlines).
        place: The place of the date line (``Hà Nội``); ``None`` leaves it to the clerk.
    """
    parent, issuer = issuer_lines(plan.organisation)
    subject_text = subject(plan.title, plan.year, school_year=plan.school_year)
    body = [
        *_grounds(plan, subject_text),
        *_purpose(),
        *_content(plan),
        *_time(plan, sched),
        *_organisation(plan, sched),
    ]
    recipients = (
        (
            Segment("- "),
            Segment("[Cơ quan, tổ chức cấp trên] (để báo cáo)", blank=True),
            Segment(";"),
        ),
        (Segment("- "), Segment("[Các bộ phận, đơn vị] (để thực hiện)", blank=True), Segment(";")),
        _text("- Lưu: VT."),
    )
    signer = (
        _blank("[CHỨC VỤ NGƯỜI KÝ]"),
        _blank("[Chữ ký, dấu]"),
        _blank("[Họ và tên]"),
    )
    return DraftText(
        parent=parent,
        issuer=issuer,
        number=number_line(plan.number),
        national_name=NATIONAL_NAME,
        motto=MOTTO,
        place_date=place_and_date(place, plan.issued),
        doc_type=DOC_TYPE,
        subject=subject_text,
        body=tuple(body),
        recipients_title="Nơi nhận:",
        recipients=recipients,
        signer=signer,
    )


# --- what the command line says ------------------------------------------------------------------


def docx_needed(reading: bool = False) -> tuple[str, str]:
    """Why a .docx cannot be made (or read) without python-docx: ``(vi, en)``."""
    if reading:
        return (
            "đọc tệp .docx cần gói python-docx: pip install 'thidua-calendar[docx]'",
            "reading .docx files needs python-docx: pip install 'thidua-calendar[docx]'",
        )
    return (
        "tạo tệp .docx cần gói python-docx: pip install 'thidua-calendar[docx]'",
        "writing a .docx file needs python-docx: pip install 'thidua-calendar[docx]'",
    )


def draft_summary(phases: int, deadlines: int, lang: LangArg) -> str:
    """The detail of ``wrote FILE (…)``: ``Nghị định 30/2020, 2 đợt, 8 hạn báo cáo``."""
    return pick(
        lang,
        f"Nghị định 30/2020, A4, {phases} đợt, {deadlines} hạn báo cáo",
        f"Decree 30/2020 layout, A4, {phases} phase(s), {deadlines} deadline(s)",
    )


__all__ = [
    "DOC_TYPE",
    "MOTTO",
    "NATIONAL_NAME",
    "Block",
    "DraftText",
    "Segment",
    "docx_needed",
    "draft_summary",
    "draft_text",
    "issuer_lines",
    "number_line",
    "place_and_date",
    "subject",
]
