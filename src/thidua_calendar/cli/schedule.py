"""The ``schedule`` command: one chronological view of a year, with a plan's phases."""

from __future__ import annotations

import argparse

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
    parse_year_span,
)
from ._output import emit, write


def add_schedule_command(subparsers: argparse._SubParsersAction[P]) -> None:
    """Add ``schedule`` to the command line's sub-parsers."""
    add_command(
        subparsers,
        "schedule",
        _arguments,
        help="the chronological schedule of a year: milestones, phases, festivals, deadlines",
        description="One chronological view of a year (or span): anniversaries, the ngày lễ "
        "lớn, lunar festivals, observances and, with --plan, the plan's phases "
        "and reporting deadlines.",
        epilog="examples:\n  thidua-calendar schedule 2026\n"
        "  thidua-calendar schedule 2026 --plan plan.toml --format plan-text\n"
        "  thidua-calendar schedule 2025 2026 --major-days --format json",
    )


def _arguments(p: argparse.ArgumentParser) -> None:
    add_years_argument(p)
    p.add_argument("--plan", metavar="FILE", help="a plan file (TOML)")
    add_allow_outside_option(p)
    add_category_option(p, "without --plan: only this category (repeatable)")
    add_kind_option(p)
    add_major_days_option(p)
    add_include_ended_option(p)
    add_catalog_option(p)
    add_format_option(p, ("plan-text",), "output format (default: text; plan-text needs --plan)")
    add_lang_option(p)
    p.set_defaults(handler=cmd_schedule)


def cmd_schedule(args: argparse.Namespace) -> int:
    """Run ``schedule``."""
    from .._schedule import schedule
    from ..plans import load_plan

    years = parse_year_span(args.years)
    plan = load_plan(args.plan, allow_outside=args.allow_outside_catalog) if args.plan else None
    if args.format == "plan-text" and plan is None:
        raise UsageError("--format plan-text needs --plan FILE")
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
        write(result.to_plan_text(args.lang))
        return 0
    emit(args, result.records(args.lang), lambda: result.to_text(args.lang))
    return 0
