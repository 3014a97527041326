"""The ``schedule`` command: one chronological view of a year, with a plan's phases."""

from __future__ import annotations

import argparse

from .._wording import cli as words
from ._errors import UsageError
from ._options import (
    P,
    add_allow_outside_option,
    add_catalog_option,
    add_category_option,
    add_command,
    add_format_option,
    add_include_ended_option,
    add_kind_option,
    add_lang_option,
    add_major_days_option,
    add_years_argument,
    categories_of,
    epilog,
    parse_year_span,
    text,
    var,
)
from ._output import current_lang, deliver, emit


def add_schedule_command(subparsers: argparse._SubParsersAction[P]) -> None:
    """Add ``schedule`` to the command line's sub-parsers."""
    add_command(
        subparsers,
        "schedule",
        _arguments,
        help=text("schedule"),
        description=text("schedule.description"),
        epilog=epilog("schedule"),
    )


def _arguments(p: argparse.ArgumentParser) -> None:
    add_years_argument(p)
    p.add_argument("--plan", metavar=var("FILE"), help=text("plan_file"))
    add_allow_outside_option(p)
    add_category_option(p, "category.without_plan")
    add_kind_option(p)
    add_major_days_option(p)
    add_include_ended_option(p)
    add_catalog_option(p)
    add_format_option(p, ("plan-text",), "format.schedule")
    add_lang_option(p)
    p.set_defaults(handler=cmd_schedule)


def cmd_schedule(args: argparse.Namespace) -> int:
    """Run ``schedule``."""
    from .._schedule import schedule
    from ..plans import load_plan

    years = parse_year_span(args.years)
    plan = load_plan(args.plan, allow_outside=args.allow_outside_catalog) if args.plan else None
    if args.format == "plan-text" and plan is None:
        raise UsageError(words.plan_text_without_plan(current_lang()))
    result = schedule(
        (years.start, years.stop - 1),
        plan,
        catalog=args.catalog,
        categories=categories_of(args),
        kinds=args.kind or None,
        major_days=args.major_days,
        include_ended=args.include_ended,
    )
    if args.format == "plan-text":
        deliver(args, result.to_plan_text(args.lang), raw=False)
        return 0
    emit(
        args,
        result.records(args.lang),
        lambda width: result.to_text(args.lang, width=width),
        sheet=words.sheet_title("schedule", args.lang, years),
        year=years.start,
    )
    return 0
