"""A printable year poster (*lịch thi đua*): the campaign year at a glance, on one landscape page.

Twelve month grids (weeks from Monday) with the solar and the lunar day of every day, the
plan's phases as coloured bands with their themes in a legend, Tết, Giỗ Tổ Hùng Vương and the
ngày lễ lớn highlighted, and every anniversary, festival and report deadline marked on its
day and listed, numbered, below the grids. Output is SVG written by hand (real ``<text>``, so
it is selectable and searchable) or an HTML page that embeds it with print CSS.

Everything shown comes from the :class:`~thidua_calendar.Schedule` and the lunar engine; the
poster only lays it out. The output is a pure function of the input.

The package has three parts: :mod:`._measure` (font metrics, text widths, wrapping and
fitting), :mod:`._layout` (what is shown and where it goes) and :mod:`._draw` (SVG and HTML).

The poster renders a schedule: the command line (or the caller) loads the plan, refuses it
when it has errors unless told to draw it anyway, and makes the schedule of the year.

>>> import thidua_calendar as tc
>>> svg = render_poster(tc.schedule(2026))
>>> svg.startswith('<?xml version="1.0" encoding="UTF-8"?>')
True
>>> "Lịch thi đua năm 2026 – Năm Bính Ngọ" in svg
True
>>> english = render_poster(tc.schedule(2026), lang="en")
>>> "Emulation calendar 2026 – Year of Bính Ngọ (Horse)" in english
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final, Literal

import attrs

from .._diagnostics import Diagnostic
from .._schedule import Schedule, schedule
from .._validators import of_type
from .._vocabulary import Lang, to_lang
from .._wording.poster import lunar_label
from ..commemorations import Catalog
from ..errors import ThiduaError
from ..plans import Plan, year_span
from ._draw import PHASE_COLOURS, html_document, svg_document
from ._layout import MARGIN_MM, PAPERS, Content, lay_out, poster_title, size_mm
from ._measure import ellipsis, text_width, wrap
from ._pdf import PdfError, print_pdf

Paper = Literal["A4", "A3"]
Format = Literal["svg", "html"]
FileFormat = Literal["svg", "html", "pdf"]

FORMATS: Final = ("svg", "html")
EXTENSIONS: Final[dict[str, FileFormat]] = {
    ".svg": "svg",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}

Problem = Diagnostic
"""A diagnostic shown in the warning banner (the one diagnostic type)."""


class PosterError(ThiduaError, ValueError):
    """A poster cannot be made: an unsupported format or paper, or a schedule it cannot show."""


def poster_format(path: str | Path) -> FileFormat:
    """The output format for a file name, from its extension.

    >>> poster_format("lich-2026.svg"), poster_format("lich-2026.HTML"), poster_format("a.pdf")
    ('svg', 'html', 'pdf')

    Raises:
        PosterError: The extension is none of ``.svg``, ``.html``/``.htm`` and ``.pdf``.
    """
    suffix = Path(path).suffix.lower()
    fmt = EXTENSIONS.get(suffix)
    if fmt is None:
        from .._wording.errors import poster_extension

        vi, en = poster_extension(suffix, Path(path).name)
        raise PosterError(en, vi=vi)
    return fmt


def _check_choice(name: str, value: object, choices: Sequence[str]) -> None:
    if value not in choices:
        raise PosterError(f"unsupported {name} {value!r}; choose one of: {', '.join(choices)}")


def _one_year(_instance: Any, _attribute: attrs.Attribute[Any], value: Schedule) -> None:
    """The schedule covers one calendar or school year, and its plan (if any) touches it."""
    year = value.start.year
    spans = {year_span(year), year_span(year, school_year=True)}
    if (value.start, value.end) not in spans:
        raise PosterError(
            f"a poster shows one calendar year, not {value.start.isoformat()} – "
            f"{value.end.isoformat()}, or one school year (1 September to 31 August): make "
            "the schedule with poster_schedule(year, plan) or schedule(year, plan)"
        )
    first, last = value.start, value.end
    plan = value.plan
    if plan is not None and (plan.end < first or plan.start > last):
        from .._wording.errors import poster_plan_elsewhere

        vi, en = poster_plan_elsewhere(plan.start, plan.end, year, school_year=first.month != 1)
        raise PosterError(en, vi=vi)


def _paper(_instance: Any, _attribute: attrs.Attribute[Any], value: object) -> None:
    _check_choice("paper", value, tuple(PAPERS))


def _to_problems(value: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(value)


def _problems(_instance: Any, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    for problem in value:
        of_type(Diagnostic)(_instance, attribute, problem)


def _problem_text(problem: Problem, lang: Lang) -> str:
    """A diagnostic's line in the banner: ``plan.toml:21: error [code]: message``."""
    return problem.in_lang(lang).text()


@attrs.frozen
class Poster:
    """The year poster of a schedule, ready to be written as SVG or HTML.

    Attributes:
        schedule: The schedule of one calendar year (``schedule(year, plan)``) or of one
            school year, 1 September to 31 August (``schedule((plan.start, plan.end), plan)``
            for a school-year plan; :func:`poster_schedule` makes either): its entries, and
            its plan's phases, organisation and title.
        lang: ``vi`` or ``en``.
        paper: ``A4`` or ``A3`` (landscape).
        problems: Diagnostics listed in a red warning banner: the errors of a plan drawn
            although it has errors (``--force``). The poster does not check the plan.

    Raises:
        PosterError: An unsupported paper; a schedule that is not one calendar year, or whose
            plan does not touch its year.
        InvalidValueError: An unsupported language.
        InvalidTypeError: Not a schedule, or a problem that is not a diagnostic.
    """

    schedule: Schedule = attrs.field(validator=[of_type(Schedule), _one_year])
    lang: Lang = attrs.field(default=Lang.VI, converter=to_lang)
    paper: Paper = attrs.field(default="A4", validator=_paper)
    problems: tuple[Problem, ...] = attrs.field(
        default=(), converter=_to_problems, validator=_problems
    )

    @property
    def year(self) -> int:
        """The year shown."""
        return self.schedule.start.year

    @property
    def school_year(self) -> bool:
        """Whether the poster shows a school year (1 September to 31 August)."""
        return self.schedule.start.month == 9

    @property
    def title(self) -> str:
        """``Lịch thi đua năm 2026 – Năm Bính Ngọ``."""
        return poster_title(self.year, self.lang, school_year=self.school_year)

    def size_mm(self) -> tuple[float, float]:
        """The printed size of the drawing in millimetres (the page less its margins)."""
        return size_mm(self.paper)

    def render(self, fmt: Format = "svg") -> str:
        """The poster as ``svg`` or ``html`` text.

        Raises:
            PosterError: Another format.
        """
        _check_choice("poster format", fmt, FORMATS)
        return self.html() if fmt == "html" else self.svg()

    def svg(self) -> str:
        """A standalone SVG document (UTF-8, with an XML declaration)."""
        content = self._content()
        return svg_document(content, lay_out(content), self.paper)

    def html(self) -> str:
        """An HTML page embedding the SVG inline, with print CSS for one landscape page."""
        content = self._content()
        return html_document(content, lay_out(content), self.paper)

    def pdf(self, environ: Mapping[str, str] | None = None) -> bytes:
        """The poster printed as a one-page PDF by headless Chromium (from :meth:`html`).

        Args:
            environ: The environment to find Chromium in (``THIDUA_CHROMIUM``, ``PATH``);
                the process's by default.

        Raises:
            PosterError: No Chromium was found, or it did not print; the message (in the
                poster's language) says what to install or set.
        """
        try:
            return print_pdf(self.html(), self.lang, environ)
        except PdfError as exc:
            raise PosterError(str(exc)) from None

    def _content(self) -> Content:
        warnings = [_problem_text(problem, self.lang) for problem in self.problems]
        return Content(self.schedule, self.lang, warnings)


def poster_schedule(
    year: int,
    plan: Plan | None = None,
    *,
    school_year: bool | None = None,
    catalog: Catalog | str | Path | None = None,
) -> Schedule:
    """The schedule a poster of ``year`` shows: the calendar year, or the school year.

    Args:
        year: The calendar year, or the first year of the school year (2025: năm học
            2025 - 2026, 1 September 2025 to 31 August 2026).
        plan: The plan: its phases, themes and followed days.
        school_year: Show the school year; by default, when the plan is a school-year plan
            (``school_year = true``).
        catalog: Without a plan, a catalogue (or user catalogue file).

    >>> import thidua_calendar as tc
    >>> s = poster_schedule(2025, school_year=True)
    >>> s.start.isoformat(), s.end.isoformat()
    ('2025-09-01', '2026-08-31')
    """
    school = plan.school_year if school_year is None and plan is not None else bool(school_year)
    return schedule(year_span(year, school_year=school), plan, catalog=catalog)


def render_poster(
    schedule: Schedule,
    *,
    lang: Lang | str = "vi",
    fmt: Format = "svg",
    paper: Paper = "A4",
    problems: Sequence[Problem] = (),
) -> str:
    r"""The year poster of a schedule as SVG or HTML text.

    Args:
        schedule: The schedule of one calendar year: ``schedule(year)`` (every commemoration
            of the catalogue) or ``schedule(year, plan)`` (the plan's phases, organisation,
            title, deadlines and followed days).
        lang: ``vi`` or ``en``.
        fmt: ``svg`` (a standalone SVG document) or ``html`` (a page embedding it, with
            print CSS for one landscape page).
        paper: ``A4`` or ``A3``, landscape.
        problems: The error diagnostics of a plan drawn although it has errors: listed in a
            red warning banner. The poster does not check the plan; the caller refuses a plan
            with errors, or passes its errors here.

    Returns:
        The document text (UTF-8 when written; deterministic).

    Raises:
        PosterError: An unsupported format or paper; a schedule that is not one calendar
            year, or whose plan does not touch its year.
        InvalidValueError: An unsupported language.
        InvalidTypeError: Not a schedule.

    Examples:
        A plan whose phases overlap, drawn with its errors in the banner:

        >>> import thidua_calendar as tc
        >>> phases = [("Đợt 1", "2024-01-01", "2024-07-05"), ("Đợt 2", "2024-07-01", "2024-12-31")]
        >>> plan = tc.parse_plan('[plan]\ntitle = "Kế hoạch"\nyear = 2024\n' + "".join(
        ...     f'[[phase]]\nlabel = "{p}"\nstart = "{s}"\nend = "{e}"\n' for p, s, e in phases
        ... ))
        >>> errors = [d for d in plan.check() if d.severity == "error"]
        >>> page = render_poster(tc.schedule(2024, plan), fmt="html", problems=errors)
        >>> "CẢNH BÁO: kế hoạch có lỗi" in page, "[phase-overlap]" in page
        (True, True)
    """
    return Poster(schedule, lang=lang, paper=paper, problems=problems).render(fmt)


__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "MARGIN_MM",
    "PAPERS",
    "PHASE_COLOURS",
    "FileFormat",
    "Poster",
    "PosterError",
    "Problem",
    "ellipsis",
    "lunar_label",
    "poster_format",
    "poster_schedule",
    "poster_title",
    "render_poster",
    "text_width",
    "wrap",
]
