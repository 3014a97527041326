"""The ``plan`` commands: ``plan check``, ``plan new`` and ``plan draft``.

``check`` validates a plan file, ``new`` writes a starter, ``draft`` the plan's Word document.
"""

from __future__ import annotations

import argparse

from .. import _render
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
    parse_year,
)
from ._output import write, write_file
from ._text_options import user_text


def add_plan_command(subparsers: argparse._SubParsersAction[P]) -> None:
    """Add ``plan`` (``check``, ``new``, ``draft``) to the command line's sub-parsers."""
    add_command(
        subparsers,
        "plan",
        _actions,
        help="check a plan file, write a starter plan, or draft the plan document (.docx)",
        description="Plan files: check one, write a new one, or draft its document.",
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
    add_command(
        actions,
        "draft",
        _draft_arguments,
        help="the plan as a Word document (.docx) in the Nghị định 30/2020 format",
        description="Write the plan document the clerk files, as a .docx in the format of "
        "Nghị định 30/2020/NĐ-CP (A4, Times New Roman, the decree's margins): the header, "
        "the place and date line, KẾ HOẠCH and the subject, sections I and II to be written "
        "(marked in yellow), III. THỜI GIAN (the phases, their themes and the anniversaries "
        "and events each celebrates), IV. TỔ CHỨC THỰC HIỆN (the reporting schedule), Nơi "
        "nhận and the signature block. Needs python-docx (pip install "
        "'thidua-calendar[docx]'). A plan with errors, or an existing FILE that "
        "thidua-calendar did not write, is refused unless --force is given.",
        epilog="examples:\n  thidua-calendar plan draft plan.toml -o ke-hoach.docx\n"
        "  thidua-calendar plan draft plan.toml --place 'Hà Nội' -o ke-hoach.docx",
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


def _draft_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="the plan file")
    p.add_argument("-o", "--output", required=True, metavar="DOCX", help="the document: FILE.docx")
    p.add_argument(
        "--place",
        type=user_text(),
        help="the place of the date line (Hà Nội); default: left for the clerk to fill in",
    )
    add_allow_outside_option(p)
    add_lang_option(p, "the messages (the document is Vietnamese)")
    p.add_argument(
        "--force",
        action="store_true",
        help="draft a plan with errors; replace an existing DOCX that thidua-calendar did not "
        "write (or that was edited since)",
    )
    p.set_defaults(handler=cmd_plan_draft)


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
        return refuse_plan(refused, args.lang, "draft it anyway with --force")
    data = draft_docx(plan, place=args.place)
    detail = draft_summary(len(plan.phases), len(plan.deadlines()), args.lang)
    write_file(Path(args.output), data, detail, force=args.force)
    return EXIT_OK
