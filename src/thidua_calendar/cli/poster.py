"""The ``poster`` command: the printable year poster (SVG or HTML)."""

from __future__ import annotations

import argparse

from ._errors import UsageError, refuse_plan
from ._options import (
    P,
    add_allow_outside_option,
    add_catalog_option,
    add_command,
    add_lang_option,
    parse_year,
)
from ._output import write_file


def add_poster_command(subparsers: argparse._SubParsersAction[P]) -> P:
    """Add the ``poster`` command to the command line's sub-parsers; returns its parser."""
    return add_command(
        subparsers,
        "poster",
        _arguments,
        help="a printable year poster: month grids with lunar days, phases, anniversaries",
        description="Write the year at a glance on one landscape page: twelve month grids "
        "with the lunar day of every day, the plan's phases as coloured bands with their "
        "themes, Tết, Giỗ Tổ Hùng Vương and the ngày lễ lớn highlighted, and every "
        "anniversary (năm tròn and năm lẻ 5 marked) numbered on its day and listed. The "
        "format follows the extension: .svg, .html (the SVG with print CSS: open it in a "
        "browser and print), or .pdf (printed by headless Chromium, Chrome or Edge: "
        "THIDUA_CHROMIUM names one not on PATH). A plan with errors, or an existing FILE "
        "that thidua-calendar did not write, is refused unless --force is given.",
        epilog="examples:\n  thidua-calendar poster 2026 -o lich-thi-dua-2026.svg\n"
        "  thidua-calendar poster 2026 --plan plan.toml --paper A3 -o lich-thi-dua-2026.html\n"
        "  thidua-calendar poster 2026 --plan plan.toml -o lich-thi-dua-2026.pdf\n"
        "  thidua-calendar poster 2026 --catalog my-org.toml --lang en -o calendar-2026.svg",
    )


def _arguments(p: argparse.ArgumentParser) -> None:
    from ..poster import PAPERS

    p.add_argument("year", type=parse_year, metavar="YEAR", help="the year shown")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="the poster: FILE.svg, FILE.html or FILE.pdf",
    )
    p.add_argument("--plan", metavar="FILE", help="a plan file: its phases, themes and days")
    add_allow_outside_option(p)
    add_catalog_option(p, "without --plan: ")
    add_lang_option(p, "the poster")
    p.add_argument(
        "--paper",
        choices=tuple(PAPERS),
        default="A4",
        help="paper size, printed landscape (default: A4)",
    )
    p.add_argument(
        "--school-year",
        action="store_true",
        help="show the school year that starts in YEAR, September to August (năm học YEAR - "
        "YEAR+1); the default for a plan with school_year = true",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="draw the poster of a plan with errors, with a warning banner listing them; "
        "replace an existing FILE that thidua-calendar did not write",
    )
    p.set_defaults(handler=cmd_poster)


def cmd_poster(args: argparse.Namespace) -> int:
    """Run ``poster``: exit 1 (with the diagnostics) when the plan has errors."""
    from pathlib import Path

    from ..errors import ThiduaError
    from ..plans import PlanHasErrorsError, load_plan, require_no_errors
    from ..poster import Poster, poster_format, poster_schedule

    out = Path(args.output)
    try:
        fmt = poster_format(out)
    except ThiduaError as exc:
        raise UsageError(str(exc)) from None
    plan = load_plan(args.plan, allow_outside=args.allow_outside_catalog) if args.plan else None
    try:
        problems = require_no_errors(plan, force=args.force) if plan is not None else ()
    except PlanHasErrorsError as refused:
        return refuse_plan(refused, args.lang, "draw the poster anyway with --force")
    poster = Poster(
        poster_schedule(
            args.year, plan, school_year=args.school_year or None, catalog=args.catalog
        ),
        lang=args.lang,
        paper=args.paper,
        problems=problems,
    )
    data = poster.pdf() if fmt == "pdf" else poster.render(fmt).encode("utf-8")
    write_file(out, data, f"{fmt.upper()}, {args.paper} landscape", force=args.force)
    return 0
