"""The feed commands: ``ics`` (one subscription feed) and ``publish`` (a site of feeds)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Final

from .._wording import cli as words
from .._wording.cli import default_feed_name
from .._wording.errors import in_lang
from ._errors import UsageError, refuse_plan
from ._options import (
    P,
    add_allow_outside_option,
    add_catalog_option,
    add_category_option,
    add_command,
    add_kind_option,
    add_lang_option,
    add_major_days_option,
    add_span_options,
    categories_of,
    epilog,
    text,
    var,
)
from ._output import current_lang, flush, note, warning, write_file
from ._text_options import user_text


def add_feed_commands(subparsers: argparse._SubParsersAction[P]) -> None:
    """Add ``ics`` and ``publish`` to the command line's sub-parsers."""
    add_command(
        subparsers,
        "ics",
        _ics_arguments,
        help=text("ics"),
        description=text("ics.description"),
        epilog=epilog("ics"),
    )
    add_command(
        subparsers,
        "publish",
        _publish_arguments,
        help=text("publish"),
        description=text("publish.description"),
        epilog=epilog("publish"),
    )


def _ics_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", required=True, metavar=var("FILE"), help=text("ics.output"))
    add_span_options(p)
    p.add_argument("--plan", metavar=var("FILE"), help=text("ics.plan"))
    add_allow_outside_option(p)
    add_category_option(p, "category.feed")
    add_kind_option(p)
    add_major_days_option(p)
    add_catalog_option(p)
    p.add_argument("--name", type=user_text(), metavar=var("NAME"), help=text("ics.name"))
    p.add_argument(
        "--description",
        type=user_text(one_line=False),
        metavar=var("DESCRIPTION"),
        help=text("ics.description_option"),
    )
    p.add_argument("--color", metavar=var("COLOR"), help=text("ics.color"))
    p.add_argument("--reminders", action="store_true", help=text("ics.reminders"))
    p.add_argument("--history", metavar=var("FILE"), help=text("ics.history"))
    p.add_argument("--fresh", action="store_true", help=text("ics.fresh"))
    add_allow_large_option(p)
    add_force_option(p)
    add_lang_option(p)
    p.set_defaults(handler=cmd_ics)


def _publish_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("directory", metavar=var("DIR"))
    p.add_argument("--plan", action="append", metavar=var("FILE"), help=text("publish.plan"))
    add_allow_outside_option(p)
    p.add_argument("--base-url", metavar="URL", help=text("publish.base_url"))
    add_span_options(p)
    add_catalog_option(p)
    add_allow_large_option(p)
    add_lang_option(p)
    add_force_option(p, "force.dir")
    p.set_defaults(handler=cmd_publish)


def add_allow_large_option(p: argparse.ArgumentParser) -> None:
    """``--allow-large``: write a feed over about 1 MB instead of refusing it."""
    p.add_argument("--allow-large", action="store_true", help=text("ics.allow_large"))


def add_force_option(p: argparse.ArgumentParser, what: str = "force.file") -> None:
    """``--force``: replace output files that thidua-calendar did not write.

    ``what`` is the key of the help's words for the files (``force.dir``).
    """
    p.add_argument("--force", action="store_true", help=text("force", what=text(what)))


VIETNAM_TIME: Final = dt.timezone(dt.timedelta(hours=7), "ICT")
"""Vietnam's time (Asia/Ho_Chi_Minh: UTC+7, no daylight saving since 1975)."""


def _reference_year(now: dt.datetime | None = None) -> int:
    """The current year in Vietnam, read once at the command-line boundary.

    ``SOURCE_DATE_EPOCH`` (a Unix time, for reproducible builds) replaces the clock; ``now``
    (an aware time) is the clock in tests. The year is Vietnam's: at 01:00 on 1 January in
    Hà Nội it is already the new year, while UTC still has the old one.
    """
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None:
        try:
            return dt.datetime.fromtimestamp(int(epoch), VIETNAM_TIME).year
        except (ValueError, OverflowError, OSError):
            raise UsageError(words.bad_source_date_epoch(epoch, current_lang())) from None
    return (now or dt.datetime.now(dt.UTC)).astimezone(VIETNAM_TIME).year


def _feed_span(args: argparse.Namespace, plan_year: int | None) -> tuple[int, int]:
    """--from/--to, else the previous year to five years ahead of the plan's or this year."""
    from .._years import FIRST_YEAR, LAST_YEAR, YEARS, range_text

    base = plan_year if plan_year is not None else _reference_year()
    # The default span stops at the supported years (a plan for 2199 has a feed to 2199).
    first = args.from_year if args.from_year is not None else max(base - 1, FIRST_YEAR)
    last = args.to_year if args.to_year is not None else max(min(base + 5, LAST_YEAR), first)
    if last < first:
        raise UsageError(words.span_backwards(first, last, current_lang()))

    if first not in YEARS or last not in YEARS:
        raise UsageError(words.span_outside(first, last, range_text(), current_lang()))
    return first, last


def cmd_ics(args: argparse.Namespace) -> int:
    """Run ``ics``: write a subscription feed and its history."""
    from pathlib import Path

    from .._files import write_set, written_here
    from .._limits import DOCUMENT_LIMIT, read_bytes  # a previous feed: at most 16 MB read
    from .._schedule import schedule
    from ..ical import FeedHistory, FeedTooLargeError, Reminders, build_feed, history_path
    from ..plans import PlanHasErrorsError, load_plan, require_no_errors

    plan = load_plan(args.plan, allow_outside=args.allow_outside_catalog) if args.plan else None
    if plan is not None:
        try:
            require_no_errors(plan)
        except PlanHasErrorsError as refused:
            return refuse_plan(refused, args.lang)
    first, last = _feed_span(args, plan.year if plan else None)
    result = schedule(
        (first, last),
        plan,
        catalog=args.catalog,
        categories=categories_of(args),
        kinds=args.kind or None,
        major_days=args.major_days,
    )

    def ours(path: Path | None) -> bytes | None:
        # A file this tool wrote (a foreign file is refused, or replaced with --force, never
        # read as a revision).
        if path is None or not path.is_file() or not written_here(path):
            return None
        return read_bytes(path, DOCUMENT_LIMIT)

    out = Path(args.output)
    hist = Path(args.history) if args.history else history_path(args.output)
    previous = None if args.output == "-" or args.fresh else ours(out)
    old_history = ours(hist)
    name = args.name or (plan.title if plan else default_feed_name(args.lang))
    try:
        feed = build_feed(
            result,
            name=name,
            description=args.description,
            lang=args.lang,
            color=args.color,
            reminders=Reminders() if args.reminders else None,
            previous=previous,
            history=FeedHistory.from_bytes(old_history) if old_history else None,
            allow_large=args.allow_large,
        )
    except FeedTooLargeError as exc:
        raise UsageError(f"{out}: {in_lang(exc, args.lang)}") from None
    for _category, message in feed.notices():
        warning(f"{out}: {message}")
    detail = words.feed_detail(len(result), first, last, args.lang)
    outputs = [(out, feed.data)] if ours(out) != feed.data or args.output == "-" else []
    new_history = feed.history.to_bytes()
    if hist is not None and old_history != new_history:
        outputs.append((hist, new_history))
    if not outputs:
        note(words.unchanged(out, detail, args.lang))
        return 0
    if args.output == "-":
        write_file(out, feed.data, force=args.force)
        outputs = outputs[1:]
    flush()
    write_set(outputs, force=args.force)
    # The feed last: its line, with the count and span, closes the output.
    for path, _ in sorted(outputs, key=lambda output: output[0] == out):
        note(words.wrote(path, detail if path == out else "", args.lang))
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    """Run ``publish``: a set of feeds and an index.html for a static host."""
    import warnings
    from pathlib import Path

    from .._publish import publish
    from ..plans import PlanHasErrorsError, load_plan

    first, last = _feed_span(args, None)
    plans = [load_plan(path, allow_outside=args.allow_outside_catalog) for path in args.plan or ()]
    # Each warning (an unrevised edit, a large feed: one per feed, naming it) is one line,
    # never a raw Python warning; printed before the error, if publishing then fails.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            written = publish(
                Path(args.directory),
                plans=plans,
                catalog=args.catalog,
                first_year=first,
                last_year=last,
                base_url=args.base_url,
                lang=args.lang,
                force=args.force,
                allow_large=args.allow_large,
            )
        except PlanHasErrorsError as refused:
            return refuse_plan(refused, args.lang)
        finally:
            for found in caught:
                warning(" ".join(str(found.message).split()))
    for path in written:
        note(words.wrote(path, "", args.lang))
    return 0
