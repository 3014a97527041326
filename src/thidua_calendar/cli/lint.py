"""The ``lint`` command: ``thidua-calendar lint FILE… [--year Y] [--format text|json] …``.

The plan-document checker (:mod:`thidua_calendar.lint`) is imported when the command runs.
"""

from __future__ import annotations

import argparse
import sys

from ._errors import EXIT_FOUND_ERRORS, EXIT_OK, UsageError
from ._options import P, add_catalog_option, add_command, add_lang_option, parse_year
from ._output import write, write_file

EPILOG = """\
examples:
  thidua-calendar lint ke-hoach-2022.txt
  thidua-calendar lint ke-hoach.docx --year 2025 --lang en
  thidua-calendar lint ke-hoach.md --format json
  thidua-calendar lint ke-hoach.txt --emit-plan plan.toml
  thidua-calendar lint ke-hoach-truong.txt --catalog ngay-cua-truong.toml
  thidua-calendar schedule 2022 --plan plan.toml --format plan-text
  pbpaste | thidua-calendar lint -

exit codes: 0 no errors (warnings and notes may be printed), 1 errors found, 2 unreadable input"""


def add_lint_command(subparsers: argparse._SubParsersAction[P]) -> P:
    """Add the ``lint`` command to the command line's sub-parsers; returns its parser."""
    return add_command(
        subparsers,
        "lint",
        _arguments,
        help="check a plan document (.txt, .md, .docx): anniversaries, phases, dates, congresses",
        description="Check a draft plan document (Kế hoạch phát động phong trào thi đua): "
        "extract its calendar — the plan year, anniversary statements, phases and themes, "
        "Tết, congress ordinals — and report each mistake with its line and column: an "
        "anniversary number that does not match its dates, a phase still dated last year, a "
        "congress ordinal that does not match its term, an impossible or incomplete date. "
        "Exit 1 when a document has errors.",
        epilog=EPILOG,
    )


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="a plan document: .txt or .md (UTF-8), .docx, or - for standard input",
    )
    p.add_argument(
        "--year",
        type=parse_year,
        help="the plan year, when the document does not say it (or wrongly)",
    )
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    add_lang_option(p)
    add_catalog_option(p, "recognise and check your organisation's days too: ")
    p.add_argument(
        "--emit-plan",
        metavar="OUT.toml",
        help="also write the document as a plan file (for schedule, ics, poster); one FILE only",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="with --emit-plan: replace a file that thidua-calendar did not write",
    )
    p.set_defaults(handler=cmd_lint)


def cmd_lint(args: argparse.Namespace) -> int:
    """Run ``lint``: exit 1 when a document has errors."""
    from pathlib import Path

    from .._limits import DOCUMENT_LIMIT, read_stream
    from ..lint import Report, check_file, check_text
    from ..lint._api import decode

    if args.emit_plan and len(args.files) != 1:
        raise UsageError("--emit-plan takes exactly one FILE")
    if args.files.count("-") > 1:
        raise UsageError("standard input (-) can be read only once")
    from ..commemorations import load_catalog

    catalog = load_catalog(args.catalog) if args.catalog else None  # read once for every FILE
    reports: list[Report] = []
    for name in args.files:
        if name == "-":
            text = (
                decode(read_stream(sys.stdin.buffer, DOCUMENT_LIMIT, "<stdin>"))
                if hasattr(sys.stdin, "buffer")
                else sys.stdin.read()
            )
            reports.append(
                check_text(text, year=args.year, lang=args.lang, catalog=catalog, path="<stdin>")
            )
        else:
            reports.append(check_file(name, year=args.year, lang=args.lang, catalog=catalog))
    if args.format == "json":
        if len(reports) == 1:
            write(reports[0].to_json(), raw=True)
        else:
            import json

            records = [r.to_dict() for r in reports]
            write(json.dumps(records, ensure_ascii=False, indent=2) + "\n", raw=True)
    else:
        for report in reports:
            write(report.to_text())
    if args.emit_plan:
        report = reports[0]
        if report.year is None:
            raise UsageError("cannot write a plan: the plan year was not found; give --year")
        write_file(Path(args.emit_plan), report.to_plan_toml().encode("utf-8"), force=args.force)
    return EXIT_FOUND_ERRORS if any(r.has_errors for r in reports) else EXIT_OK
