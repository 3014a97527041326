"""The ``poster`` command: the printable year poster (SVG, HTML or PDF)."""

from __future__ import annotations

import argparse

from .._wording.cli import poster_detail
from ._errors import refuse_plan
from ._options import (
    P,
    add_allow_outside_option,
    add_catalog_option,
    add_command,
    add_lang_option,
    epilog,
    parse_year,
    text,
    var,
)
from ._output import write_file


def add_poster_command(subparsers: argparse._SubParsersAction[P]) -> P:
    """Add the ``poster`` command to the command line's sub-parsers; returns its parser."""
    return add_command(
        subparsers,
        "poster",
        _arguments,
        help=text("poster"),
        description=text("poster.description"),
        epilog=epilog("poster"),
    )


def _arguments(p: argparse.ArgumentParser) -> None:
    from ..poster import PAPERS

    p.add_argument("year", type=parse_year, metavar=var("YEAR"), help=text("poster.year"))
    p.add_argument("-o", "--output", required=True, metavar=var("FILE"), help=text("poster.output"))
    p.add_argument("--plan", metavar=var("FILE"), help=text("poster.plan"))
    add_allow_outside_option(p)
    add_catalog_option(p, "catalog.without_plan")
    add_lang_option(p, "poster")
    p.add_argument("--paper", choices=tuple(PAPERS), default="A4", help=text("poster.paper"))
    p.add_argument("--school-year", action="store_true", help=text("poster.school_year"))
    p.add_argument("--force", action="store_true", help=text("poster.force"))
    p.set_defaults(handler=cmd_poster)


def cmd_poster(args: argparse.Namespace) -> int:
    """Run ``poster``: exit 1 (with the diagnostics) when the plan has errors."""
    from pathlib import Path

    from ..plans import PlanHasErrorsError, load_plan, require_no_errors
    from ..poster import Poster, poster_format, poster_schedule

    out = Path(args.output)
    fmt = poster_format(out)  # a PosterError: exit 2, in the command line's language
    plan = load_plan(args.plan, allow_outside=args.allow_outside_catalog) if args.plan else None
    try:
        problems = require_no_errors(plan, force=args.force) if plan is not None else ()
    except PlanHasErrorsError as refused:
        return refuse_plan(refused, args.lang, anyway="poster")
    poster = Poster(
        poster_schedule(
            args.year, plan, school_year=args.school_year or None, catalog=args.catalog
        ),
        lang=args.lang,
        paper=args.paper,
        problems=problems,
    )
    data = poster.pdf() if fmt == "pdf" else poster.render(fmt).encode("utf-8")
    detail = poster_detail(fmt.upper(), args.paper, args.lang)
    write_file(out, data, detail, force=args.force)
    return 0
