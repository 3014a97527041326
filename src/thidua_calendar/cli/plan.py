"""The ``plan`` commands: ``plan check`` (validate a plan file) and ``plan new`` (a starter)."""

from __future__ import annotations

import argparse

from .. import _render
from .._wording.cli import check_summary
from ._errors import EXIT_FOUND_ERRORS, EXIT_OK, UsageError
from ._options import (
    HelpFormatter,
    P,
    Parser,
    add_allow_outside_option,
    add_category_option,
    add_command,
    add_listing_options,
    categories_of,
    parse_year,
)
from ._output import write, write_file
from ._text_options import user_text


def add_plan_command(subparsers: argparse._SubParsersAction[P]) -> None:
    """Add ``plan`` (with its actions ``check`` and ``new``) to the command line's sub-parsers."""
    add_command(
        subparsers,
        "plan",
        _actions,
        help="check a plan file, or write a starter plan",
        description="Plan files: check one, or write a new one.",
        formatter_class=HelpFormatter,
    )


def _actions(plan: argparse.ArgumentParser) -> None:
    actions = plan.add_subparsers(dest="plan_command", metavar="ACTION", parser_class=Parser)
    actions.required = True
    add_command(
        actions,
        "check",
        _check_arguments,
        help="validate a plan: overlapping phases, gaps, year typos, focus outside windows …",
        description="Validate a plan file. Exit 1 when it has errors.",
        epilog="examples:\n  thidua-calendar plan check plan.toml\n"
        "  thidua-calendar plan check plan.toml --format json --lang en",
    )
    add_command(
        actions,
        "new",
        _new_arguments,
        help="write a starter plan with each phase's round anniversaries filled in",
        description="Write a starter plan file for a year from a template.",
        epilog="examples:\n  thidua-calendar plan new --year 2026 --template halves -o plan.toml\n"
        "  thidua-calendar plan new --year 2025 --template school-year",
    )


def _check_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE")
    add_allow_outside_option(p)
    add_listing_options(p)
    p.set_defaults(handler=cmd_plan_check)


def _new_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=parse_year, required=True, help="the plan year")
    p.add_argument(
        "--template",
        choices=("halves", "quarters", "school-year"),
        default="halves",
        help="the phase shape (default: halves)",
    )
    p.add_argument(
        "--organisation",
        default="",
        type=user_text(one_line=False),  # a letterhead may take two lines
        help="the issuing organisation",
    )
    add_category_option(p, "follow this category's days (repeatable; default: union)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(handler=cmd_plan_new)


def cmd_plan_check(args: argparse.Namespace) -> int:
    """Run ``plan check``: exit 1 when the plan has errors."""
    from ..plans import load_plan

    plan = load_plan(args.file, allow_outside=args.allow_outside_catalog)
    found = [d.in_lang(args.lang) for d in plan.check()]
    if args.format == "json":
        write(_render.to_json([{"file": args.file, **d.as_record()} for d in found]), raw=True)
    elif args.format == "csv":
        records = [{"file": args.file, **d.as_record()} for d in found]
        columns = ["file", "severity", "code", "line", "message", "suggestion"]
        write(_render.to_csv(records, columns), raw=True)
    else:
        write("".join(d.text() + "\n" for d in found))
        errors = sum(d.severity == "error" for d in found)
        write(check_summary(args.file, errors, len(found) - errors, args.lang) + "\n")
    return EXIT_FOUND_ERRORS if any(d.severity == "error" for d in found) else EXIT_OK


def cmd_plan_new(args: argparse.Namespace) -> int:
    """Run ``plan new``: write a starter plan."""
    from pathlib import Path

    from ..plans import starter_plan_toml

    chosen = categories_of(args)
    if chosen == "all":
        from .._vocabulary import Category

        chosen = [c.value for c in Category]
    text = starter_plan_toml(
        args.year, args.template, organisation=args.organisation, categories=chosen
    )
    if args.output in (None, "-"):
        write(text)
        return EXIT_OK
    out = Path(args.output)
    if out.is_file() and not args.force:  # even a plan it wrote: it may have been filled in
        raise UsageError(f"{out} exists; use --force to overwrite it")
    write_file(out, text.encode("utf-8"), force=args.force)
    return EXIT_OK
