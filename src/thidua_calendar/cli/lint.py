"""The ``lint`` command: ``thidua-calendar lint FILE… [--year Y] [--format text|json] …``.

The plan-document checker (:mod:`thidua_calendar.lint`) is imported when the command runs.
"""

from __future__ import annotations

import argparse
import sys

from .._wording import cli as words
from ._errors import EXIT_FOUND_ERRORS, EXIT_OK, UsageError
from ._options import (
    P,
    add_catalog_option,
    add_command,
    add_lang_option,
    epilog,
    parse_year,
    text,
    var,
)
from ._output import current_lang, write, write_file


def add_lint_command(subparsers: argparse._SubParsersAction[P]) -> P:
    """Add the ``lint`` command to the command line's sub-parsers; returns its parser."""
    return add_command(
        subparsers,
        "lint",
        _arguments,
        help=text("lint"),
        description=text("lint.description"),
        epilog=epilog("lint", after=[text("lint.exit_codes")]),
    )


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "files",
        nargs="+",
        metavar=var("FILE"),
        help=text("lint.files"),
    )
    p.add_argument("--year", type=parse_year, metavar=var("YEAR"), help=text("lint.year"))
    p.add_argument("--format", choices=("text", "json"), default="text", help=text("format"))
    add_lang_option(p)
    add_catalog_option(p, "catalog.lint")
    p.add_argument("--emit-plan", metavar=var("OUT.toml"), help=text("lint.emit_plan"))
    p.add_argument("--force", action="store_true", help=text("lint.force"))
    p.set_defaults(handler=cmd_lint)


def cmd_lint(args: argparse.Namespace) -> int:
    """Run ``lint``: exit 1 when a document has errors."""
    from pathlib import Path

    from .._limits import DOCUMENT_LIMIT, read_stream
    from ..lint import Report, check_file, check_text
    from ..lint._api import decode

    if args.emit_plan and len(args.files) != 1:
        raise UsageError(words.emit_plan_one_file(current_lang()))
    if args.files.count("-") > 1:
        raise UsageError(words.stdin_once(current_lang()))
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
            raise UsageError(words.emit_plan_without_year(current_lang()))
        write_file(Path(args.emit_plan), report.to_plan_toml().encode("utf-8"), force=args.force)
    return EXIT_FOUND_ERRORS if any(r.has_errors for r in reports) else EXIT_OK
