"""The ``plan`` commands: ``plan check``, ``plan new`` and ``plan draft``.

``check`` validates a plan file, ``new`` writes a starter, ``draft`` the plan's Word document.
"""

from __future__ import annotations

import argparse

from .. import _render
from .._wording import cli as words
from .._wording.cli import check_summary
from ._errors import EXIT_FOUND_ERRORS, EXIT_OK, UsageError, refuse_plan
from ._options import (
    HelpFormatter,
    P,
    Parser,
    add_allow_outside_option,
    add_category_option,
    add_command,
    add_lang_option,
    add_listing_options,
    categories_of,
    epilog,
    parse_year,
    text,
    var,
)
from ._output import current_lang, deliver, deliver_xlsx, write, write_file
from ._text_options import user_text


def add_plan_command(subparsers: argparse._SubParsersAction[P]) -> None:
    """Add ``plan`` (``check``, ``new``, ``draft``) to the command line's sub-parsers."""
    add_command(
        subparsers,
        "plan",
        _actions,
        help=text("plan"),
        description=text("plan.description"),
        formatter_class=HelpFormatter,
    )


def _actions(plan: argparse.ArgumentParser) -> None:
    actions = plan.add_subparsers(dest="plan_command", metavar=var("ACTION"), parser_class=Parser)
    actions.required = True
    add_command(
        actions,
        "check",
        _check_arguments,
        help=text("plan.check"),
        description=text("plan.check.description"),
        epilog=epilog("plan check"),
    )
    add_command(
        actions,
        "new",
        _new_arguments,
        help=text("plan.new"),
        description=text("plan.new.description"),
        epilog=epilog("plan new"),
    )
    add_command(
        actions,
        "draft",
        _draft_arguments,
        help=text("plan.draft"),
        description=text("plan.draft.description"),
        epilog=epilog("plan draft"),
    )


def _check_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar=var("FILE"))
    add_allow_outside_option(p)
    add_listing_options(p)
    p.set_defaults(handler=cmd_plan_check)


def _new_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--year",
        type=parse_year,
        required=True,
        metavar=var("YEAR"),
        help=text("plan.new.year"),
    )
    p.add_argument(
        "--template",
        choices=("halves", "quarters", "school-year"),
        default="halves",
        help=text("plan.new.template"),
    )
    p.add_argument(
        "--organisation",
        default="",
        metavar=var("ORGANISATION"),
        type=user_text(one_line=False),  # a letterhead may take two lines
        help=text("plan.new.organisation"),
    )
    add_category_option(p, "category.new")
    p.add_argument("-o", "--output", metavar=var("FILE"), help=text("plan.new.output"))
    p.add_argument("--force", action="store_true", help=text("plan.new.force"))
    add_lang_option(p, "comments")
    p.set_defaults(handler=cmd_plan_new)


def _draft_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar=var("FILE"), help=text("plan.draft.file"))
    p.add_argument(
        "-o", "--output", required=True, metavar=var("FILE.docx"), help=text("plan.draft.output")
    )
    p.add_argument("--place", type=user_text(), metavar=var("PLACE"), help=text("plan.draft.place"))
    add_allow_outside_option(p)
    add_lang_option(p, "messages")
    p.add_argument("--force", action="store_true", help=text("plan.draft.force"))
    p.set_defaults(handler=cmd_plan_draft)


def cmd_plan_check(args: argparse.Namespace) -> int:
    """Run ``plan check``: exit 1 when the plan has errors."""
    from ..plans import load_plan

    plan = load_plan(args.file, allow_outside=args.allow_outside_catalog)
    found = [d.in_lang(args.lang) for d in plan.check()]
    records = [{"file": args.file, **d.as_record()} for d in found]
    if args.format == "json":
        deliver(args, _render.to_json(records), raw=True, rows=len(records))
    elif args.format in ("csv", "xlsx"):
        columns = ["file", "severity", "code", "line", "message", "suggestion"]
        if args.format == "xlsx":
            sheet = words.sheet_title("plan check", args.lang)
            deliver_xlsx(args, records, columns, sheet=sheet, year=plan.year)
        else:
            csv = _render.to_csv(records, columns)
            deliver(args, csv, raw=True, csv=True, rows=len(records))
    else:
        errors = sum(d.severity == "error" for d in found)
        summary = check_summary(args.file, errors, len(found) - errors, args.lang)
        deliver(args, "".join(d.text() + "\n" for d in found) + summary + "\n", raw=False)
    return EXIT_FOUND_ERRORS if any(d.severity == "error" for d in found) else EXIT_OK


def cmd_plan_new(args: argparse.Namespace) -> int:
    """Run ``plan new``: write a starter plan."""
    from pathlib import Path

    from ..plans import starter_plan_toml

    chosen = categories_of(args)
    if chosen == "all":
        from .._vocabulary import Category

        chosen = [c.value for c in Category]
    toml = starter_plan_toml(
        args.year,
        args.template,
        organisation=args.organisation,
        categories=chosen,
        lang=args.lang,
    )
    if args.output in (None, "-"):
        write(toml)
        return EXIT_OK
    out = Path(args.output)
    if out.is_file() and not args.force:  # even a plan it wrote: it may have been filled in
        raise UsageError(words.file_exists(out, current_lang()))
    write_file(out, toml.encode("utf-8"), force=args.force)
    return EXIT_OK


def cmd_plan_draft(args: argparse.Namespace) -> int:
    """Run ``plan draft``: exit 1 (with the diagnostics) when the plan has errors."""
    from pathlib import Path

    from .._wording.draft import draft_summary
    from ..draft import draft_docx
    from ..plans import PlanHasErrorsError, load_plan, require_no_errors

    plan = load_plan(args.file, allow_outside=args.allow_outside_catalog)
    try:
        require_no_errors(plan, force=args.force)
    except PlanHasErrorsError as refused:
        return refuse_plan(refused, args.lang, anyway="draft")
    data = draft_docx(plan, place=args.place)
    detail = draft_summary(len(plan.phases), len(plan.deadlines()), args.lang)
    write_file(Path(args.output), data, detail, force=args.force)
    return EXIT_OK
