"""What is extracted from a plan document: the records the extractors return.

An :class:`Extraction` holds everything found in one document — its meta data (title,
number, date, plan year, theme), the anniversary statements, phase windows, Tết and
congress mentions, and the dates that are impossible, incomplete or out of range — with
the lines of the text and the catalogue the names were recognised with.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final, Literal, Protocol, TypeAlias

import attrs

from ..commemorations import Catalog, default_catalog
from ..plans import EndEvent
from ._dates import PrintedDate
from ._text import Lines

if TYPE_CHECKING:
    from .._vocabulary import Severity

StartPrecision = Literal["day", "month", "event"]
EndPrecision = Literal["day", "month", "event"]


class AddFinding(Protocol):
    """How a check reports a finding (the checks' one callback; see ``_checks.check``)."""

    def __call__(
        self,
        severity: Severity | str,
        code: str,
        line: int | None,
        column: int | None,
        vi: tuple[str, str],
        en: tuple[str, str],
        key: str | None = None,
    ) -> None: ...


Lede: TypeAlias = tuple[int, int, int | None]
"""A news page's day of the event it reports: (day, month, year or ``None``)."""


@attrs.frozen
class Anniversary:
    """An anniversary statement: "90 năm Ngày thành lập Đảng … (03/02/1930 - 03/02/2020)".

    Attributes:
        line: Line of the ordinal.
        column: Column (1-based, original text) of the ordinal.
        ordinal: The number printed.
        name: The event as printed.
        key: The catalogue key, when recognised.
        origin: The origin date, ISO, as printed (``None`` if impossible); derived from the
            catalogue when the text prints no dates.
        date: The anniversary date, likewise (derived from the plan year when not printed).
        printed: Whether the dates are printed in the text.
        unit: The word after the number: ``năm`` (years) or ``ngày`` (days, a mistake).
        unit_column: Column of that word.
        origin_printed: The printed origin.
        date_printed: The printed anniversary date.
        index: Position of the ordinal in the NFC line (for ordering).
    """

    line: int
    column: int
    ordinal: int
    name: str
    key: str | None
    origin: str | None
    date: str | None
    printed: bool = False
    unit: str = "năm"
    unit_column: int = attrs.field(default=0, eq=False, repr=False)
    origin_printed: PrintedDate | None = attrs.field(default=None, eq=False, repr=False)
    date_printed: PrintedDate | None = attrs.field(default=None, eq=False, repr=False)
    index: int = attrs.field(default=0, eq=False, repr=False)
    scope: int | None = attrs.field(default=None, eq=False, repr=False)
    """The year of the items the statement is listed under ("Năm 2018, tổ chức …")."""

    def record(self) -> dict[str, object]:
        """The JSON record: line, ordinal, name, origin, date, key."""
        return {
            "line": self.line,
            "ordinal": self.ordinal,
            "name": self.name,
            "origin": self.origin,
            "date": self.date,
            "key": self.key,
        }


@attrs.frozen
class PhaseWindow:
    """A phase (đợt) as the document prints it.

    Attributes:
        line: Line of its label (or of its window, when it has no label).
        column: Column of the label.
        label: ``Đợt 1`` as printed, or ``None``.
        start: First day (``None`` when it cannot be worked out: no year anywhere).
        end: Last day (``None`` for an event with no known date).
        start_precision: ``day``, ``month`` ("từ tháng 01/2020") or ``event`` ("từ khi phát
            động", "từ nay": the document date, else 1 January of the plan year).
        end_precision: ``day``, ``month`` or ``event``.
        end_event: The event the phase ends with ("đến khi tổ chức thành công Đại hội XIV").
        theme: The chủ đề, when quoted.
        focus: Keys of the anniversaries in the phase's text.
        note: What the window says when dates were inferred ("đến hết học kỳ I").
        window: The window as printed.
        dates: The printed dates of the window (for the date checks).
        places: Where each focus key is named: (key, line, column).
        anchor: Where the congress of ``end_event`` is named: (line, column, numeral column).
    """

    line: int
    column: int
    label: str | None
    start: dt.date | None
    end: dt.date | None
    start_precision: StartPrecision = "day"
    end_precision: EndPrecision = "day"
    end_event: EndEvent | None = None
    theme: str | None = None
    focus: tuple[str, ...] = ()
    note: str = ""
    window: str = attrs.field(default="", eq=False, repr=False)
    dates: tuple[PrintedDate, ...] = attrs.field(default=(), eq=False, repr=False)
    places: tuple[tuple[str, int, int], ...] = attrs.field(default=(), eq=False, repr=False)
    anchor: tuple[int, int, int] | None = attrs.field(default=None, eq=False, repr=False)

    def record(self) -> dict[str, object]:
        """The JSON record."""
        event: dict[str, object] | None = None
        if self.end_event is not None:
            event = {
                "congress": self.end_event.congress,
                "ordinal": self.end_event.ordinal,
                "commemoration": self.end_event.commemoration,
                "tba": self.end_event.tba,
            }
        return {
            "line": self.line,
            "label": self.label,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "start_precision": self.start_precision,
            "end_event": event,
            "theme": self.theme,
        }


@attrs.frozen
class TetMention:
    """A Tết mention: "Tết Nguyên đán Canh Tý 2020", "Xuân Bính Ngọ".

    Attributes:
        line: Its line.
        column: Column of "Tết" / "Xuân".
        can_chi: The can-chi name printed (canonical spelling).
        year: The year printed, if any.
        can_chi_column: Column of the can-chi name.
    """

    line: int
    column: int
    can_chi: str
    year: int | None
    can_chi_column: int = attrs.field(default=0, eq=False, repr=False)

    def record(self) -> dict[str, object]:
        """The JSON record."""
        return {"line": self.line, "can_chi": self.can_chi, "year": self.year}


@attrs.frozen
class CongressMention:
    """A congress mention: "Đại hội XIII Công đoàn Việt Nam nhiệm kỳ 2018-2023".

    Attributes:
        line: Its line.
        column: Column of "Đại hội".
        series: The congress series key (``party``, ``vn_trade_union`` …).
        ordinal: The number printed.
        term: The term printed, if any.
        held: A year printed with it ("lần thứ X - năm 2020").
        ahead: Whether the text looks forward to it ("tiến tới", "chào mừng" …).
        numeral_column: Column of the numeral.
        term_column: Column of the term.
        text: The mention as printed.
        upcoming: Whether the words right before it name it as still to come ("tiến tới",
            "hướng tới", "chuẩn bị cho").
    """

    line: int
    column: int
    series: str
    ordinal: int
    term: tuple[int, int] | None = None
    held: int | None = None
    ahead: bool = attrs.field(default=False, eq=False)
    numeral_column: int = attrs.field(default=0, eq=False, repr=False)
    term_column: int = attrs.field(default=0, eq=False, repr=False)
    text: str = attrs.field(default="", eq=False, repr=False)
    upcoming: bool = attrs.field(default=False, eq=False, repr=False)

    def record(self) -> dict[str, object]:
        """The JSON record."""
        term = f"{self.term[0]}-{self.term[1]}" if self.term else None
        return {"line": self.line, "body": self.series, "ordinal": self.ordinal, "term": term}


@attrs.frozen
class Located:
    """Something found at a place: an impossible or incomplete date.

    Attributes:
        line: Its line.
        column: Its column.
        text: What is printed.
        date: The printed date, when it is one.
    """

    line: int
    column: int
    text: str
    date: PrintedDate | None = attrs.field(default=None, eq=False, repr=False)


SURE_SOURCES: Final = frozenset({"given", "title", "date"})
"""Where a plan year comes from when it is known, not guessed (``Extraction.year_source``)."""


@attrs.frozen
class Extraction:
    """Everything extracted from one document.

    Attributes:
        year: The plan year (given, or found in the title and body).
        title: The title ("Kế hoạch …"), when found.
        theme: The year's theme (a "Chủ đề" heading), when found.
        number: The document number (``31/KH-LĐLĐ``).
        issued: The document date, when printed in full.
        anniversaries: The anniversary statements, in text order.
        phases: The phases.
        tet: The Tết mentions.
        congresses: The congress mentions of national series.
        impossible: Dates that do not exist.
        incomplete: Dates with blanks ("ngày / 3 tháng 11 năm 2019").
        out_of_range: Phase dates outside the years the checks handle.
        lines: The document's lines.
        school_year: Whether the plan covers a school year (September to August) that
            starts in ``year``.
        catalog: The catalogue the commemorations were recognised with (and are checked
            against).
        years: Every year the plan's period covers.
        year_source: Where the plan year comes from.
    """

    year: int | None
    title: str | None
    theme: str | None
    number: str | None
    issued: dt.date | None
    anniversaries: tuple[Anniversary, ...]
    phases: tuple[PhaseWindow, ...]
    tet: tuple[TetMention, ...]
    congresses: tuple[CongressMention, ...]
    impossible: tuple[Located, ...]
    incomplete: tuple[Located, ...]
    out_of_range: tuple[Located, ...]
    lines: Lines = attrs.field(eq=False, repr=False)
    school_year: bool = False
    catalog: Catalog = attrs.field(factory=default_catalog, eq=False, repr=False)
    years: tuple[int, ...] = attrs.field(default=(), eq=False, repr=False)
    """Every year the plan's period covers (a school year's two, a list's two years)."""
    year_source: str = attrs.field(default="", eq=False, repr=False)
    """Where the plan year comes from: ``given``, ``title``, ``date``, ``body`` (a guess)."""
