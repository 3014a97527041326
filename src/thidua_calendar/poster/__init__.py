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

>>> svg = render_poster(2026)
>>> svg.startswith('<?xml version="1.0" encoding="UTF-8"?>')
True
>>> "Lịch thi đua năm 2026 – Năm Bính Ngọ" in svg
True
>>> "Emulation calendar 2026 – Year of Bính Ngọ (Horse)" in render_poster(2026, lang="en")
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Final, Literal

import attrs

from .._schedule import Schedule, schedule
from .._vocabulary import Lang
from .._wording import lang_of
from .._wording.poster import lunar_label
from ..commemorations import Catalog, resolve_catalog
from ..errors import ThiduaError
from ..plans import Diagnostic, Plan, load_plan
from ._draw import PHASE_COLOURS, html_document, svg_document
from ._layout import MARGIN_MM, PAPERS, Content, lay_out, poster_title, size_mm
from ._measure import text_width, wrap

Paper = Literal["A4", "A3"]
Format = Literal["svg", "html"]

FORMATS: Final = ("svg", "html")
EXTENSIONS: Final[dict[str, Format]] = {".svg": "svg", ".html": "html", ".htm": "html"}


class PosterError(ThiduaError, ValueError):
    """A poster cannot be made: unsupported format, paper or language, or a mismatched plan."""


class PosterPlanError(PosterError):
    """The plan has errors: the poster is refused unless forced.

    Attributes:
        diagnostics: The plan's error diagnostics.
    """

    def __init__(self, diagnostics: Sequence[Diagnostic], lang: Lang = Lang.VI) -> None:
        self.diagnostics = tuple(diagnostics)
        lines = "\n".join(d.text(lang) for d in self.diagnostics)  # type: ignore[arg-type]
        super().__init__(
            f"the plan has {len(self.diagnostics)} error(s); fix them "
            f"(thidua-calendar plan check) or force the poster:\n{lines}"
        )


def poster_format(path: str | Path) -> Format:
    """The output format for a file name, from its extension.

    >>> poster_format("lich-2026.svg"), poster_format("lich-2026.HTML")
    ('svg', 'html')

    Raises:
        PosterError: The extension is neither ``.svg`` nor ``.html``/``.htm``.
    """
    suffix = Path(path).suffix.lower()
    fmt = EXTENSIONS.get(suffix)
    if fmt is None:
        shown = f"{suffix!r}" if suffix else "no extension"
        raise PosterError(
            f"cannot write a poster as {shown}: name the file .svg or .html ({Path(path).name})"
        )
    return fmt


@attrs.frozen
class Poster:
    """A year poster, ready to be written as SVG or HTML.

    Attributes:
        year: The year shown.
        schedule: The schedule of the year (with its plan, if any).
        lang: ``vi`` or ``en``.
        paper: ``A4`` or ``A3`` (landscape).
        warnings: Diagnostic lines shown in a warning banner (a forced plan's errors).
    """

    year: int
    schedule: Schedule
    lang: Lang = Lang.VI
    paper: Paper = "A4"
    warnings: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """``Lịch thi đua năm 2026 – Năm Bính Ngọ``."""
        return poster_title(self.year, self.lang)

    def size_mm(self) -> tuple[float, float]:
        """The printed size of the drawing in millimetres (the page less its margins)."""
        return size_mm(self.paper)

    def render(self, fmt: Format = "svg") -> str:
        """The poster as ``svg`` or ``html`` text."""
        if fmt == "svg":
            return self.svg()
        if fmt == "html":
            return self.html()
        raise PosterError(f"unsupported poster format {fmt!r}; choose one of: svg, html")

    def svg(self) -> str:
        """A standalone SVG document (UTF-8, with an XML declaration)."""
        content = Content(self.schedule, self.lang, self.warnings)
        return svg_document(content, lay_out(content), self.paper)

    def html(self) -> str:
        """An HTML page embedding the SVG inline, with print CSS for one landscape page."""
        content = Content(self.schedule, self.lang, self.warnings)
        return html_document(content, lay_out(content), self.paper)


def _check_choice(name: str, value: object, choices: Sequence[str]) -> None:
    if value not in choices:
        raise PosterError(f"unsupported {name} {value!r}; choose one of: {', '.join(choices)}")


def render_poster(
    year: int,
    *,
    plan: Plan | str | Path | None = None,
    catalog: Catalog | str | Path | None = None,
    lang: Lang | str = "vi",
    fmt: Format = "svg",
    paper: Paper = "A4",
    force: bool = False,
) -> str:
    """The year poster of a year (and plan) as SVG or HTML text."""
    return make_poster(
        year, plan=plan, catalog=catalog, lang=lang, paper=paper, force=force
    ).render(_format(fmt))


def _format(fmt: object) -> Format:
    _check_choice("poster format", fmt, FORMATS)
    return "html" if fmt == "html" else "svg"


def make_poster(
    year: int,
    *,
    plan: Plan | str | Path | None = None,
    catalog: Catalog | str | Path | None = None,
    lang: Lang | str = "vi",
    paper: Paper = "A4",
    force: bool = False,
) -> Poster:
    """The :class:`Poster` of a year; see :func:`render_poster` for the arguments and errors."""
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"a year is an int, not {type(year).__name__}")
    _check_choice("language", lang, ("vi", "en"))
    language = lang_of(lang)
    _check_choice("paper", paper, tuple(PAPERS))
    if plan is not None and catalog is not None:
        raise PosterError("give the catalogue in the plan's [follow] table, not both")
    if isinstance(plan, str | Path):
        plan = load_plan(plan)
    warnings: tuple[str, ...] = ()
    if plan is not None:
        errors = [d for d in plan.check() if d.severity == "error"]
        if errors and not force:
            raise PosterPlanError(errors, language)
        warnings = tuple(d.text(language) for d in errors)  # type: ignore[arg-type]
        if plan.end < dt.date(year, 1, 1) or plan.start > dt.date(year, 12, 31):
            raise PosterError(
                f"the plan covers {plan.start.isoformat()} – {plan.end.isoformat()}, "
                f"not the year {year}"
            )
        result = schedule(year, plan)
    else:
        result = schedule(year, catalog=resolve_catalog(catalog))
    return Poster(year, result, language, paper, warnings)


__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "MARGIN_MM",
    "PAPERS",
    "PHASE_COLOURS",
    "Poster",
    "PosterError",
    "PosterPlanError",
    "lunar_label",
    "make_poster",
    "poster_format",
    "poster_title",
    "render_poster",
    "text_width",
    "wrap",
]
