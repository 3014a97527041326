"""The ``milestones`` command: the anniversaries of a year, with ordinal and rank."""

from __future__ import annotations

import argparse

from .. import _render
from .._wording import rank_label
from .._wording.cli import listing_date, milestone_header, no_milestones, sheet_title
from ._options import (
    RANKS,
    P,
    add_catalog_option,
    add_category_option,
    add_command,
    add_include_ended_option,
    add_listing_options,
    add_years_argument,
    categories_of,
    epilog,
    parse_year_span,
    text,
    var,
)
from ._output import emit


def add_milestones_command(subparsers: argparse._SubParsersAction[P]) -> None:
    """Add ``milestones`` to the command line's sub-parsers."""
    add_command(
        subparsers,
        "milestones",
        _arguments,
        help=text("milestones"),
        description=text("milestones.description"),
        epilog=epilog("milestones"),
    )


def _arguments(p: argparse.ArgumentParser) -> None:
    add_years_argument(p)
    p.add_argument(
        "--rank",
        action="append",
        choices=RANKS,
        help=text("milestones.rank"),
    )
    add_category_option(p, "category.only")
    p.add_argument("--key", action="append", metavar=var("KEY"), help=text("milestones.key"))
    add_include_ended_option(p)
    add_catalog_option(p)
    add_listing_options(p)
    p.set_defaults(handler=cmd_milestones)


def cmd_milestones(args: argparse.Namespace) -> int:
    """Run ``milestones``: with several ``--rank``, the anniversaries of any of them."""
    from .._milestones import milestones
    from .._vocabulary import Rank

    years = parse_year_span(args.years)
    ranks = set(args.rank or ["all"])
    wanted = None if "all" in ranks else {Rank.parse(rank) for rank in ranks}
    found = [
        m
        for year in years
        for m in milestones(
            year,
            catalog=args.catalog,
            categories=categories_of(args),
            keys=args.key or None,
            include_ended=args.include_ended,
        )
        if wanted is None or m.rank in wanted
    ]
    lang = args.lang
    records = [m.as_record(lang) for m in found]

    def table(width: int | None) -> str:
        if not found:
            return no_milestones(lang) + "\n"
        rows = [
            [
                listing_date(m.date, lang),
                str(m.ordinal) if m.ordinal is not None else "",
                rank_label(m.rank, lang, short=True) if m.rank else "",
                m.label(lang),
            ]
            for m in found
        ]
        return _render.to_table(rows, milestone_header(lang), width)

    emit(args, records, table, sheet=sheet_title("milestones", lang, years), year=years.start)
    return 0
