"""The ``thidua-calendar`` command line (also ``python -m thidua_calendar``).

Exit codes: 0 success, 1 a check found errors, 2 bad usage or unreadable input. Errors are
one line on standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from . import _render
from ._files import write_atomic
from ._poster_cli import add_poster_command
from ._schedule import KINDS
from ._version import __version__
from .commemorations import CATEGORIES
from .errors import ThiduaError
from .lint._cli import add_lint_command
from .lunar import (
    CALENDARS,
    LunarDate,
    can_chi,
    get_calendar,
    tet,
    to_lunar,
    zodiac,
)

PROG = "thidua-calendar"


class UsageError(Exception):
    """Bad usage detected after parsing (exit code 2)."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit with code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def parse_ymd(text: str) -> tuple[int, int, int]:
    """Split ``YYYY-MM-DD`` or the Vietnamese ``dd/mm/yyyy`` (also ``.`` or ``-``) into numbers.

    Raises:
        UsageError: The text has neither form.
    """
    text = text.strip()
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
        return year, month, day
    vn = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    if vn:
        day, month, year = (int(g) for g in vn.groups())
        return year, month, day
    raise UsageError(f"{text!r} is not a date (use YYYY-MM-DD or dd/mm/yyyy)")


def parse_date(text: str) -> dt.date:
    """Parse a Gregorian date written as ``YYYY-MM-DD`` or ``dd/mm/yyyy``.

    Raises:
        UsageError: Not a date in either form, or a day that does not exist.
    """
    year, month, day = parse_ymd(text)
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise UsageError(f"{text.strip()!r} is not a valid date: {exc}") from None


def parse_year_span(values: Sequence[str]) -> range:
    """One year (``2025``) or an inclusive pair (``2020 2030``, also ``2020-2030``)."""
    parts = [p for v in values for p in re.split(r"[-–]|\.\.", v) if p]
    if not 1 <= len(parts) <= 2 or not all(p.strip().isdigit() for p in parts):
        raise UsageError(f"expected a year or two years, not {' '.join(values)!r}")
    first, last = int(parts[0]), int(parts[-1])
    if last < first:
        raise UsageError(f"the span {first}–{last} ends before it starts")
    return range(first, last + 1)


def _weekday(date: dt.date, lang: str) -> str:
    return _render.WEEKDAYS[lang][date.weekday()]


def _vn_date(date: dt.date) -> str:
    return f"{date.day:02d}/{date.month:02d}/{date.year}"


def _emit(
    args: argparse.Namespace, records: list[dict[str, object]], text: Callable[[], str]
) -> None:
    if args.format == "json":
        sys.stdout.write(_render.to_json(records))
    elif args.format == "csv":
        columns = list(records[0]) if records else []
        sys.stdout.write(_render.to_csv(records, columns))
    else:
        sys.stdout.write(text())


# --- convert ------------------------------------------------------------------------------


def _convert_record(solar: dt.date, lunar: LunarDate, lang: str) -> dict[str, object]:
    return {
        "solar": solar.isoformat(),
        "weekday": _weekday(solar, lang),
        "lunar": str(lunar),
        "lunar_year": lunar.year,
        "lunar_month": lunar.month,
        "lunar_day": lunar.day,
        "leap": lunar.leap,
        "can_chi_year": lunar.can_chi_year,
        "can_chi_month": lunar.can_chi_month,
        "can_chi_day": lunar.can_chi_day,
        "zodiac": zodiac(lunar.year, "en" if lang == "en" else "vi"),
        "calendar": lunar.calendar.key,
        "provisional": lunar.provisional,
    }


def _convert_line(r: dict[str, object], lang: str) -> str:
    solar = dt.date.fromisoformat(str(r["solar"]))
    if lang == "en":
        leap = " (leap month)" if r["leap"] else ""
        line = (
            f"{r['weekday']} {r['solar']} = lunar {r['lunar_year']}-{r['lunar_month']:02}-"
            f"{r['lunar_day']:02}{leap}: day {r['can_chi_day']}, month {r['can_chi_month']}, "
            f"year {r['can_chi_year']} ({r['zodiac']})"
        )
        return line + (" [provisional]" if r["provisional"] else "")
    line = (
        f"{r['weekday']}, {_vn_date(solar)} = {r['lunar']} âm lịch (ngày {r['can_chi_day']}, "
        f"tháng {r['can_chi_month']}, năm {r['can_chi_year']} – con {r['zodiac']})"
    )
    return line + (" [tạm tính]" if r["provisional"] else "")


def cmd_convert(args: argparse.Namespace) -> int:
    """Run ``convert``."""
    calendar = get_calendar(args.calendar)
    records = []
    for text in args.dates:
        if args.to_solar:
            year, month, day = parse_ymd(text)
            lunar = LunarDate(year, month, day, args.leap, calendar=calendar)
            solar = lunar.to_solar()
        else:
            if args.leap:
                raise UsageError("--leap only applies with --to-solar")
            solar = parse_date(text)
            lunar = to_lunar(solar, calendar)
        records.append(_convert_record(solar, lunar, args.lang))
    _emit(args, records, lambda: "".join(_convert_line(r, args.lang) + "\n" for r in records))
    return 0


# --- tet --------------------------------------------------------------------------------


def cmd_tet(args: argparse.Namespace) -> int:
    """Run ``tet``."""
    calendar = get_calendar(args.calendar)
    records: list[dict[str, object]] = []
    for year in parse_year_span(args.years):
        date = tet(year, calendar)
        records.append(
            {
                "year": year,
                "date": date.isoformat(),
                "weekday": _weekday(date, args.lang),
                "can_chi": can_chi(year),
                "zodiac": zodiac(year, "en" if args.lang == "en" else "vi"),
                "calendar": calendar.key,
            }
        )

    def text() -> str:
        if args.lang == "en":
            header = ["Year", "Tết (lunar new year)", "Can chi", "Zodiac"]
            rows = [
                [str(r["year"]), f"{r['weekday']} {r['date']}", str(r["can_chi"]), str(r["zodiac"])]
                for r in records
            ]
        else:
            header = ["Năm", "Tết Nguyên đán", "Can chi", "Con giáp"]
            rows = [
                [
                    str(r["year"]),
                    f"{r['weekday']}, {_vn_date(dt.date.fromisoformat(str(r['date'])))}",
                    str(r["can_chi"]),
                    str(r["zodiac"]),
                ]
                for r in records
            ]
        return _render.to_table(rows, header)

    _emit(args, records, text)
    return 0


# --- milestones --------------------------------------------------------------------------


def cmd_milestones(args: argparse.Namespace) -> int:
    """Run ``milestones``."""
    from ._milestones import milestones

    years = parse_year_span(args.years)
    found = [
        m
        for year in years
        for m in milestones(
            year,
            catalog=args.catalog,
            categories=args.category or None,
            rank=args.rank,
            keys=args.key or None,
        )
    ]
    lang = args.lang
    records = [m.as_record(lang) for m in found]

    def text() -> str:
        if not found:
            return "Không có ngày kỷ niệm nào.\n" if lang == "vi" else "No milestones.\n"
        header = (
            ["Date", "N", "Rank", "Milestone"]
            if lang == "en"
            else ["Ngày", "Số năm", "Hạng", "Ngày kỷ niệm"]
        )
        rows = [
            [
                m.date.isoformat() if lang == "en" else _vn_date(m.date),
                str(m.ordinal) if m.ordinal is not None else "",
                m.rank.label(lang).split(" (")[0] if m.rank else "",
                m.label(lang),
            ]
            for m in found
        ]
        return _render.to_table(rows, header)

    _emit(args, records, text)
    return 0


# --- plans and schedules ------------------------------------------------------------------


def cmd_plan_check(args: argparse.Namespace) -> int:
    """Run ``plan check``: exit 1 when the plan has errors."""
    from .plans import load_plan

    plan = load_plan(args.file)
    found = [d.in_lang(args.lang) for d in plan.check()]
    if args.format == "json":
        sys.stdout.write(_render.to_json([{"file": args.file, **d.as_record()} for d in found]))
    elif args.format == "csv":
        records = [{"file": args.file, **d.as_record()} for d in found]
        columns = ["file", "severity", "code", "line", "message", "suggestion"]
        sys.stdout.write(_render.to_csv(records, columns))
    else:
        for d in found:
            print(d.text())
        errors = sum(d.severity == "error" for d in found)
        if args.lang == "en":
            print(f"{args.file}: {errors} error(s), {len(found) - errors} other finding(s)")
        else:
            print(f"{args.file}: {errors} lỗi, {len(found) - errors} lưu ý khác")
    return 1 if any(d.severity == "error" for d in found) else 0


def cmd_schedule(args: argparse.Namespace) -> int:
    """Run ``schedule``."""
    from ._schedule import schedule
    from .plans import load_plan

    years = parse_year_span(args.years)
    plan = load_plan(args.plan) if args.plan else None
    if plan is not None and args.catalog:
        raise UsageError("--catalog goes in the plan's [follow] table when --plan is given")
    if args.format == "plan-text" and plan is None:
        raise UsageError("--format plan-text needs --plan FILE")
    result = schedule(
        (years.start, years.stop - 1),
        plan,
        catalog=args.catalog,
        categories=args.category or None,
        kinds=args.kind or None,
    )
    if args.format == "plan-text":
        sys.stdout.write(result.to_plan_text(args.lang))
        return 0
    _emit(args, result.records(args.lang), lambda: result.to_text(args.lang))
    return 0


def cmd_plan_new(args: argparse.Namespace) -> int:
    """Run ``plan new``: write a starter plan."""
    from .plans import starter_plan_toml

    text = starter_plan_toml(args.year, args.template, organisation=args.organisation)
    if args.output in (None, "-"):
        sys.stdout.write(text)
        return 0
    out = Path(args.output)
    if out.exists() and not args.force:
        raise UsageError(f"{out} exists; use --force to overwrite it")
    write_atomic(out, text.encode("utf-8"))
    print(f"wrote {out}", file=sys.stderr)
    return 0


# --- feeds ----------------------------------------------------------------------------------


def _reference_year() -> int:
    """The current year, read once at the command-line boundary (or from SOURCE_DATE_EPOCH)."""
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC).year
        except (ValueError, OverflowError):
            raise UsageError(f"SOURCE_DATE_EPOCH must be a Unix time, not {epoch!r}") from None
    return dt.datetime.now(dt.UTC).year


def _feed_span(args: argparse.Namespace, plan_year: int | None) -> tuple[int, int]:
    """--from/--to, else the previous year to five years ahead of the plan's or this year."""
    base = plan_year if plan_year is not None else _reference_year()
    first = args.from_year if args.from_year is not None else base - 1
    last = args.to_year if args.to_year is not None else max(base + 5, first)
    if last < first:
        raise UsageError(f"the span {first}–{last} ends before it starts")
    if first < 1901 or last > 2199:
        raise UsageError(f"the span {first}–{last} is outside the supported range 1901–2199")
    return first, last


def cmd_ics(args: argparse.Namespace) -> int:
    """Run ``ics``: write a subscription feed."""
    import warnings

    from ._schedule import schedule
    from .ical import FeedSizeWarning, Reminders, to_ical
    from .plans import load_plan

    plan = load_plan(args.plan) if args.plan else None
    if plan is not None:
        errors = [d for d in plan.check() if d.severity == "error"]
        if errors:
            for d in errors:
                print(d.in_lang(args.lang).text(), file=sys.stderr)
            print(
                f"{PROG}: error: the plan has errors; fix them first (thidua-calendar plan check)",
                file=sys.stderr,
            )
            return 1
    if plan is not None and args.catalog:
        raise UsageError("--catalog goes in the plan's [follow] table when --plan is given")
    first, last = _feed_span(args, plan.year if plan else None)
    result = schedule(
        (first, last),
        plan,
        catalog=args.catalog,
        categories=args.category or None,
        kinds=args.kind or None,
    )
    out = Path(args.output)
    previous = out.read_bytes() if out.is_file() and not args.fresh else None
    name = args.name or (
        plan.title if plan else ("Lịch thi đua" if args.lang == "vi" else "Emulation calendar")
    )
    reminders = Reminders() if args.reminders else None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", FeedSizeWarning)
        data = to_ical(
            result,
            name=name,
            description=args.description,
            lang=args.lang,
            color=args.color,
            reminders=reminders,
            previous=previous,
        )
    for warning in caught:
        print(f"{PROG}: warning: {warning.message}", file=sys.stderr)
    if previous == data:
        print(f"{out}: unchanged ({len(result)} events, {first}–{last})", file=sys.stderr)
        return 0
    write_atomic(out, data)
    print(f"wrote {out} ({len(result)} events, {first}–{last})", file=sys.stderr)
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    """Run ``publish``: a set of feeds and an index.html for a static host."""
    from ._publish import publish

    first, last = _feed_span(args, None)
    written = publish(
        Path(args.directory),
        plans=args.plan or (),
        catalog=args.catalog,
        first_year=first,
        last_year=last,
        base_url=args.base_url,
        lang=args.lang,
    )
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    return 0


def _add_feed_commands(sub: argparse._SubParsersAction[_Parser]) -> None:
    p = sub.add_parser(
        "ics",
        help="write an iCalendar subscription feed (.ics)",
        description="Write an iCalendar feed for Google, Apple, Outlook and Thunderbird. "
        "Without --from/--to the span is the previous year to five years ahead "
        "(of the plan's year, or of this year). An existing output file is read "
        "as the previous revision: changed events get a higher SEQUENCE.",
        epilog="examples:\n  thidua-calendar ics -o le-lon.ics --kind holiday\n"
        "  thidua-calendar ics --plan plan.toml -o thi-dua.ics --reminders\n"
        "  thidua-calendar ics --from 2025 --to 2030 --category union -o cong-doan.ics",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the .ics file")
    _span_options(p)
    p.add_argument("--plan", metavar="FILE", help="a plan file: its phases, focus and deadlines")
    _category_option(p, "only this category of commemorations (repeatable)")
    _kind_option(p)
    _catalog_option(p)
    p.add_argument("--name", help="the calendar's name (default: the plan title)")
    p.add_argument("--description", help="the calendar's description")
    p.add_argument("--color", help="a CSS colour name for the calendar (red, navy …)")
    p.add_argument(
        "--reminders",
        action="store_true",
        help="add reminders 7 days before round anniversaries and phase ends",
    )
    p.add_argument(
        "--fresh",
        action="store_true",
        help="ignore an existing output file (restart SEQUENCE numbers)",
    )
    _lang_option(p)
    p.set_defaults(handler=cmd_ics)

    p = sub.add_parser(
        "publish",
        help="write a set of feeds and an index.html with subscribe links",
        description="Write feeds (ngày lễ lớn, union days, all commemorations, and one per "
        "plan) and an index.html with webcal:// and https:// subscribe links, "
        "ready for any static host.",
        epilog="examples:\n  thidua-calendar publish site --base-url https://example.org/lich/\n"
        "  thidua-calendar publish site --plan plan.toml --from 2025 --to 2030",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("directory", metavar="DIR")
    p.add_argument("--plan", action="append", metavar="FILE", help="a plan (repeatable)")
    p.add_argument(
        "--base-url",
        metavar="URL",
        help="where DIR will be served (https://…/), for absolute subscribe links",
    )
    _span_options(p)
    _catalog_option(p)
    _lang_option(p)
    p.set_defaults(handler=cmd_publish)


def _span_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--from",
        dest="from_year",
        type=int,
        metavar="YEAR",
        help="first year (default: the previous year)",
    )
    p.add_argument(
        "--to",
        dest="to_year",
        type=int,
        metavar="YEAR",
        help="last year (default: five years ahead)",
    )


# --- parser -----------------------------------------------------------------------------


def _common(parser: argparse.ArgumentParser, *, calendar: bool = False) -> None:
    parser.add_argument(
        "--format", choices=_render.FORMATS, default="text", help="output format (default: text)"
    )
    _lang_option(parser)
    if calendar:
        parser.add_argument(
            "--calendar",
            choices=sorted(CALENDARS),
            default="vietnam",
            help="calendar variant (default: vietnam, the historical Vietnamese calendar)",
        )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the whole command line."""
    parser = _Parser(
        prog=PROG,
        description="The calendar skeleton of Vietnamese emulation-campaign plans.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    p = sub.add_parser(
        "convert",
        help="convert Gregorian dates to lunar dates (or back with --to-solar)",
        description="Convert Gregorian dates to Vietnamese lunar dates with can-chi names, "
        "or lunar dates to Gregorian with --to-solar.",
        epilog="examples:\n  thidua-calendar convert 2030-02-02\n"
        "  thidua-calendar convert 03/02/2025 --format json\n"
        "  thidua-calendar convert --to-solar 2020-04-01 --leap",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("dates", nargs="+", metavar="DATE", help="YYYY-MM-DD or dd/mm/yyyy")
    p.add_argument(
        "--to-solar",
        action="store_true",
        help="the dates are lunar (year-month-day); print their Gregorian dates",
    )
    p.add_argument(
        "--leap", action="store_true", help="with --to-solar: the month is the leap month"
    )
    _common(p, calendar=True)
    p.set_defaults(handler=cmd_convert)

    p = sub.add_parser(
        "tet",
        help="the date of Tết Nguyên đán for a year or a span of years",
        description="The Gregorian date of Tết Nguyên đán (lunar new year) with its can-chi name.",
        epilog="examples:\n  thidua-calendar tet 2026\n"
        "  thidua-calendar tet 2020 2030 --format json\n"
        "  thidua-calendar tet 1968 --calendar china",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("years", nargs="+", metavar="YEAR", help="a year, or the first and last year")
    _common(p, calendar=True)
    p.set_defaults(handler=cmd_tet)

    p = sub.add_parser(
        "milestones",
        help="the anniversaries of a year, with ordinal and rank",
        description="The commemorations of a year (or span of years) with their ordinal, their "
        "rank under Nghị định 145/2013/NĐ-CP (năm tròn, năm lẻ 5) and the wording "
        "plans use.",
        epilog="examples:\n  thidua-calendar milestones 2025 --rank tron\n"
        "  thidua-calendar milestones 2026 --category union --format json\n"
        "  thidua-calendar milestones 2026 --catalog my-org.toml --lang en",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("years", nargs="+", metavar="YEAR", help="a year, or the first and last year")
    p.add_argument(
        "--rank",
        choices=("tron", "le5", "khac", "all"),
        default="all",
        help="only năm tròn (tron), năm lẻ 5 (le5) or other years (default: all)",
    )
    _category_option(p, "only this category (repeatable)")
    p.add_argument(
        "--key", action="append", metavar="KEY", help="only this commemoration (repeatable)"
    )
    _catalog_option(p)
    _common(p)
    p.set_defaults(handler=cmd_milestones)
    _add_plan_commands(sub)
    _add_feed_commands(sub)
    add_poster_command(sub)
    add_lint_command(sub)
    return parser


def _add_plan_commands(sub: argparse._SubParsersAction[_Parser]) -> None:
    p = sub.add_parser(
        "schedule",
        help="the chronological schedule of a year: milestones, phases, festivals, deadlines",
        description="One chronological view of a year (or span): anniversaries, the ngày lễ "
        "lớn, lunar festivals, observances and, with --plan, the plan's phases "
        "and reporting deadlines.",
        epilog="examples:\n  thidua-calendar schedule 2026\n"
        "  thidua-calendar schedule 2026 --plan plan.toml --format plan-text\n"
        "  thidua-calendar schedule 2025 2026 --kind holiday --format json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("years", nargs="+", metavar="YEAR", help="a year, or the first and last year")
    p.add_argument("--plan", metavar="FILE", help="a plan file (TOML)")
    _category_option(p, "without --plan: only this category (repeatable)")
    _kind_option(p)
    _catalog_option(p)
    p.add_argument(
        "--format",
        choices=(*_render.FORMATS, "plan-text"),
        default="text",
        help="output format (default: text; plan-text needs --plan)",
    )
    _lang_option(p)
    p.set_defaults(handler=cmd_schedule)

    plan = sub.add_parser(
        "plan",
        help="check a plan file, or write a starter plan",
        description="Plan files: check one, or write a new one.",
    )
    plan_sub = plan.add_subparsers(dest="plan_command", metavar="ACTION", parser_class=_Parser)
    plan_sub.required = True
    p = plan_sub.add_parser(
        "check",
        help="validate a plan: overlapping phases, gaps, year typos, focus outside windows …",
        description="Validate a plan file. Exit 1 when it has errors.",
        epilog="examples:\n  thidua-calendar plan check plan.toml\n"
        "  thidua-calendar plan check plan.toml --format json --lang en",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", metavar="FILE")
    _common(p)
    p.set_defaults(handler=cmd_plan_check)
    p = plan_sub.add_parser(
        "new",
        help="write a starter plan with each phase's round anniversaries filled in",
        description="Write a starter plan file for a year from a template.",
        epilog="examples:\n  thidua-calendar plan new --year 2026 --template halves -o plan.toml\n"
        "  thidua-calendar plan new --year 2025 --template school-year",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--year", type=int, required=True, help="the plan year")
    p.add_argument(
        "--template",
        choices=("halves", "quarters", "school-year"),
        default="halves",
        help="the phase shape (default: halves)",
    )
    p.add_argument("--organisation", default="", help="the issuing organisation")
    p.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(handler=cmd_plan_new)


def _category_option(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument(
        "--category",
        action="append",
        metavar="CATEGORY",
        choices=CATEGORIES,
        help=f"{help_text}; one of {', '.join(CATEGORIES)}",
    )


def _kind_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--kind",
        action="append",
        metavar="KIND",
        choices=KINDS,
        help=f"only this kind of entry (repeatable); one of {', '.join(KINDS)}",
    )


def _lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="language of the output (default: vi)"
    )


def _catalog_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--catalog",
        metavar="FILE",
        help="a TOML file of your own commemorations, added to (or overriding "
        "by key) the shipped catalogue",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
    except (ThiduaError, UsageError, TypeError, ValueError) as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(
            f"{PROG}: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "),
            file=sys.stderr,
        )
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
