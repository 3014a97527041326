"""The lunar-calendar commands: ``convert`` (dates to lunar dates and back) and ``tet``.

They need the lunar engine only, which ``import thidua_calendar`` has already loaded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re

from .. import _render
from .._wording import cli as words
from .._wording import lang_of, weekday
from .._wording.cli import convert_line, tet_header, weekday_and_date
from ..lunar import LunarDate, can_chi, get_calendar, tet, to_lunar, zodiac
from ._errors import UsageError
from ._options import (
    P,
    add_command,
    add_listing_options,
    add_years_argument,
    epilog,
    parse_year_span,
    text,
    var,
)
from ._output import current_lang, emit


def add_lunar_commands(subparsers: argparse._SubParsersAction[P]) -> None:
    """Add ``convert`` and ``tet`` to the command line's sub-parsers."""
    add_command(
        subparsers,
        "convert",
        _convert_arguments,
        help=text("convert"),
        description=text("convert.description"),
        epilog=epilog("convert"),
    )
    add_command(
        subparsers,
        "tet",
        _tet_arguments,
        help=text("tet"),
        description=text("tet.description"),
        epilog=epilog("tet"),
    )


def _convert_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("dates", nargs="+", metavar=var("DATE"), help=text("convert.dates"))
    p.add_argument("--to-solar", action="store_true", help=text("convert.to_solar"))
    p.add_argument("--leap", action="store_true", help=text("convert.leap"))
    add_listing_options(p, calendar=True)
    p.set_defaults(handler=cmd_convert)


def _tet_arguments(p: argparse.ArgumentParser) -> None:
    add_years_argument(p)
    add_listing_options(p, calendar=True)
    p.set_defaults(handler=cmd_tet)


# --- values -------------------------------------------------------------------------------


def parse_ymd(text: str) -> tuple[int, int, int]:
    """Split ``YYYY-MM-DD`` or the Vietnamese ``dd/mm/yyyy`` (also ``.`` or ``-``) into numbers.

    Digits are ASCII 0-9 only (not Arabic-Indic or another script's digits).

    Raises:
        UsageError: The text has neither form.
    """
    text = text.strip()
    iso = re.fullmatch(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
        return year, month, day
    vn = re.fullmatch(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})", text)
    if vn:
        day, month, year = (int(g) for g in vn.groups())
        return year, month, day
    raise UsageError(words.not_a_date(text, current_lang()))


def parse_date(text: str) -> dt.date:
    """Parse a Gregorian date written as ``YYYY-MM-DD`` or ``dd/mm/yyyy``.

    Raises:
        UsageError: Not a date in either form, or a day that does not exist.
    """
    year, month, day = parse_ymd(text)
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise UsageError(words.no_such_day(text.strip(), current_lang())) from None


# --- convert ------------------------------------------------------------------------------


def _convert_record(solar: dt.date, lunar: LunarDate, lang: str) -> dict[str, object]:
    return {
        "solar": solar.isoformat(),
        "weekday": weekday(solar, lang_of(lang)),
        "lunar": str(lunar),
        "lunar_year": lunar.year,
        "lunar_month": lunar.month,
        "lunar_day": lunar.day,
        "leap": lunar.leap,
        "can_chi_year": lunar.can_chi_year,
        "can_chi_month": lunar.can_chi_month,
        "can_chi_day": lunar.can_chi_day,
        "zodiac": zodiac(lunar.year, lang_of(lang)),
        "calendar": lunar.calendar.key,
        "provisional": lunar.provisional,
    }


def cmd_convert(args: argparse.Namespace) -> int:
    """Run ``convert``."""
    calendar = get_calendar(args.calendar)
    records = []
    for written in args.dates:
        if args.to_solar:
            year, month, day = parse_ymd(written)
            lunar = LunarDate(year, month, day, args.leap, calendar=calendar)
            solar = lunar.to_solar()
        else:
            if args.leap:
                raise UsageError(words.leap_without_to_solar(current_lang()))
            solar = parse_date(written)
            lunar = to_lunar(solar, calendar)
        records.append(_convert_record(solar, lunar, args.lang))
    first = dt.date.fromisoformat(str(records[0]["solar"]))  # DATE… is one date or more
    emit(
        args,
        records,
        lambda _: "".join(convert_line(r, args.lang) + "\n" for r in records),
        sheet=words.sheet_title("convert", args.lang),
        year=first.year,
    )
    return 0


# --- tet ----------------------------------------------------------------------------------


def cmd_tet(args: argparse.Namespace) -> int:
    """Run ``tet``."""
    calendar = get_calendar(args.calendar)
    records: list[dict[str, object]] = []
    years = parse_year_span(args.years)
    for year in years:
        date = tet(year, calendar)
        records.append(
            {
                "year": year,
                "date": date.isoformat(),
                "weekday": weekday(date, lang_of(args.lang)),
                "can_chi": can_chi(year),
                "zodiac": zodiac(year, lang_of(args.lang)),
                "calendar": calendar.key,
            }
        )

    def table(width: int | None) -> str:
        rows = [
            [
                str(r["year"]),
                weekday_and_date(
                    str(r["weekday"]), dt.date.fromisoformat(str(r["date"])), args.lang
                ),
                str(r["can_chi"]),
                str(r["zodiac"]),
            ]
            for r in records
        ]
        header = tet_header(args.lang)
        return _render.to_table(rows, header, width)

    emit(args, records, table, sheet=words.sheet_title("tet", args.lang, years), year=years.start)
    return 0
