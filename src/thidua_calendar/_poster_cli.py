"""The ``thidua-calendar poster`` command: the printable year poster (SVG or HTML).

Registered on the command line's sub-parsers by :func:`add_poster_command`. The module imports
:mod:`thidua_calendar.cli` only when the command runs, so ``cli`` may import it at the top.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TypeVar

from .poster import PAPERS, PosterPlanError

P = TypeVar("P", bound=argparse.ArgumentParser)


def add_poster_command(subparsers: argparse._SubParsersAction[P]) -> P:
    """Add the ``poster`` command to the command line's sub-parsers; returns its parser."""
    p = subparsers.add_parser(
        "poster",
        help="a printable year poster: month grids with lunar days, phases, anniversaries",
        description="Write the year at a glance on one landscape page: twelve month grids "
        "with the lunar day of every day, the plan's phases as coloured bands with their "
        "themes, Tết, Giỗ Tổ Hùng Vương and the ngày lễ lớn highlighted, and every "
        "anniversary (năm tròn and năm lẻ 5 marked) numbered on its day and listed. The "
        "format follows the extension: .svg, or .html (the SVG with print CSS: open it in a "
        "browser and print). A plan with errors is refused unless --force is given.",
        epilog="examples:\n  thidua-calendar poster 2026 -o lich-thi-dua-2026.svg\n"
        "  thidua-calendar poster 2026 --plan plan.toml --paper A3 -o lich-thi-dua-2026.html\n"
        "  thidua-calendar poster 2026 --catalog my-org.toml --lang en -o calendar-2026.svg",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("year", type=int, metavar="YEAR", help="the year shown")
    p.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="the poster: FILE.svg or FILE.html"
    )
    p.add_argument("--plan", metavar="FILE", help="a plan file: its phases, themes and days")
    p.add_argument(
        "--catalog",
        metavar="FILE",
        help="without --plan: a TOML file of your own commemorations, added to (or "
        "overriding by key) the shipped catalogue",
    )
    p.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="language of the poster (default: vi)"
    )
    p.add_argument(
        "--paper",
        choices=tuple(PAPERS),
        default="A4",
        help="paper size, printed landscape (default: A4)",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="draw the poster of a plan with errors, with a warning banner listing them",
    )
    p.set_defaults(handler=cmd_poster)
    return p


def cmd_poster(args: argparse.Namespace) -> int:
    """Run ``poster``: exit 1 (with the diagnostics) when the plan has errors."""
    from ._files import write_atomic
    from .cli import PROG, UsageError
    from .errors import ThiduaError
    from .plans import load_plan
    from .poster import poster_format, render_poster

    out = Path(args.output)
    try:
        fmt = poster_format(out)
    except ThiduaError as exc:
        raise UsageError(str(exc)) from None
    if args.plan and args.catalog:
        raise UsageError("--catalog goes in the plan's [follow] table when --plan is given")
    plan = load_plan(args.plan) if args.plan else None
    try:
        text = render_poster(
            args.year,
            plan=plan,
            catalog=args.catalog,
            lang=args.lang,
            fmt=fmt,
            paper=args.paper,
            force=args.force,
        )
    except PosterPlanError as exc:
        for d in exc.diagnostics:
            print(d.in_lang(args.lang).text(), file=sys.stderr)
        print(
            f"{PROG}: error: the plan has errors; fix them first (thidua-calendar plan check) "
            "or draw the poster anyway with --force",
            file=sys.stderr,
        )
        return 1
    write_atomic(out, text.encode("utf-8"))
    print(f"wrote {out} ({fmt.upper()}, {args.paper} landscape)", file=sys.stderr)
    return 0
