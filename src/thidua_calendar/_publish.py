"""A directory of subscription feeds with an ``index.html`` of subscribe links.

``publish(DIR)`` writes the ngày lễ lớn, the union days, every commemoration, and one feed per
plan, then an index page with ``webcal://`` and ``https://`` links, each feed's event count and
span — ready for any static host. Feeds already in DIR are read as the previous revision, so
unchanged events keep their SEQUENCE and an unchanged feed keeps its bytes.

Nothing is written until everything is ready: every plan is checked, every feed and the index
are built in memory, every existing file in DIR is checked (one this tool did not write is
refused unless ``force``); then the changed files are written to temporary files and swapped
in together (:func:`thidua_calendar._files.write_set`). Two plans whose feeds would have the
same file name, or a plan whose feed would take a shared feed's name, are refused.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from urllib.parse import urlsplit

import attrs

from ._files import write_set, written_here
from ._hygiene import scrub_text
from ._limits import DOCUMENT_LIMIT, read_bytes
from ._schedule import Entry, Schedule, plan_id, schedule
from ._vocabulary import Category, LangArg
from ._wording import date_vi, lang_of
from ._wording.publish import event_count, feed_name, index_words, years_line
from ._years import check_year
from .commemorations import Catalog
from .errors import InvalidTypeError
from .ical import FeedError, FeedSummary, feed_summary, to_ical
from .plans import Plan, require_no_errors


@attrs.frozen
class FeedSpec:
    """One feed of a published set."""

    filename: str
    name: str
    description: str
    select: Callable[[Entry], bool]
    plan: Plan | None = None


SHARED_FEEDS = ("ngay-le-lon", "cong-doan", "tat-ca")


def _plan_name(plan: Plan) -> str:
    return plan.path if plan.path and plan.path != "<string>" else repr(plan.title)


def _refuse_collisions(plans: Sequence[Plan]) -> None:
    """Two plans with the same feed file, or a plan taking a shared feed's name: an error."""
    seen: dict[str, Plan] = {}
    for plan in plans:
        name = plan_id(plan)
        if name in SHARED_FEEDS:
            raise FeedError(
                f"plan {_plan_name(plan)} would publish as {name}.ics, the name of a shared "
                "feed; give the plan another id ([plan] id = …)"
            )
        if name in seen:
            raise FeedError(
                f"plans {_plan_name(seen[name])} and {_plan_name(plan)} have the same identity "
                f"{name!r} and would both publish as {name}.ics; give one of them another id "
                "([plan] id = …)"
            )
        seen[name] = plan


def _specs(plans: Sequence[Plan], lang: LangArg) -> list[FeedSpec]:
    def shared(feed: str, select: Callable[[Entry], bool]) -> FeedSpec:
        name, description = feed_name(feed, lang)
        return FeedSpec(f"{feed}.ics", name, description, select)

    ngay_le_lon, cong_doan, tat_ca = SHARED_FEEDS
    specs = [
        shared(ngay_le_lon, lambda e: e.major_day),
        shared(
            cong_doan,
            lambda e: (
                e.milestone is not None and e.milestone.commemoration.category is Category.UNION
            ),
        ),
        shared(tat_ca, lambda e: True),
    ]
    for plan in plans:
        specs.append(
            FeedSpec(
                f"{plan_id(plan)}.ics",
                plan.title,
                plan.organisation or plan.title,
                lambda e: True,
                plan,
            )
        )
    return specs


def publish(
    directory: Path,
    *,
    plans: Iterable[Plan] = (),
    catalog: Catalog | str | Path | None = None,
    first_year: int,
    last_year: int,
    base_url: str | None = None,
    lang: LangArg = "vi",
    force: bool = False,
) -> list[Path]:
    """Write the feeds and ``index.html`` into ``directory`` (created if needed).

    Args:
        directory: Where the site goes.
        plans: Loaded plans (:func:`thidua_calendar.load_plan`), one feed each.
        catalog: The catalogue of the shared feeds.
        first_year: First year of every feed.
        last_year: Last year of every feed.
        base_url: The site's public address, for subscribe links.
        lang: The language of the feeds and the page.
        force: Replace files in ``directory`` that thidua-calendar did not write.

    Returns:
        The files written, index last.

    Raises:
        PlanHasErrorsError: A plan has errors (nothing is written).
        FeedError: A bad base URL, two plans with the same feed name, or a plan with a shared
            feed's name (nothing is written).
        OutputExistsError: A file in ``directory`` was not written by thidua-calendar
            (nothing is written).
        OSError: A file cannot be written (nothing is replaced).
        InvalidTypeError: An argument of the wrong type.
        OutOfRangeError: A year outside the supported years.
    """
    if not isinstance(directory, str | os.PathLike):
        raise InvalidTypeError(f"directory must be a path, not {type(directory).__name__}")
    directory = Path(directory)
    check_year(first_year, "first_year")
    check_year(last_year, "last_year")
    lang = lang_of(lang)
    if base_url is not None:
        if not isinstance(base_url, str):
            raise InvalidTypeError(f"base_url must be str or None, not {type(base_url).__name__}")
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FeedError(f"--base-url must be an http(s) URL, not {base_url!r}")
        base_url = base_url if base_url.endswith("/") else base_url + "/"
    loaded = list(plans)
    for plan in loaded:
        require_no_errors(plan)
    _refuse_collisions(loaded)
    outputs: list[tuple[Path, bytes]] = []
    rows: list[tuple[FeedSpec, FeedSummary]] = []
    shared: Schedule | None = None
    for spec in _specs(loaded, lang):
        if spec.plan is None:
            if shared is None:
                shared = schedule((first_year, last_year), catalog=catalog)
            selected = attrs.evolve(shared, entries=tuple(e for e in shared if spec.select(e)))
        else:
            selected = schedule((first_year, last_year), spec.plan)
        if not selected.entries:
            continue
        path = directory / spec.filename
        previous = _previous(path)
        data = to_ical(
            selected, name=spec.name, description=spec.description, lang=lang, previous=previous
        )
        if data != previous:
            outputs.append((path, data))
        rows.append((spec, feed_summary(data)))
    index = directory / "index.html"
    page = _index_html(rows, base_url, first_year, last_year, lang).encode("utf-8")
    if _previous(index) != page:
        outputs.append((index, page))
    directory.mkdir(parents=True, exist_ok=True)
    write_set(outputs, force=force)
    return [path for path, _data in outputs]


def _previous(path: Path) -> bytes | None:
    """The bytes of a file this tool wrote before, else None (a foreign file is not used)."""
    if not (path.is_file() and written_here(path)):
        return None
    return read_bytes(path, DOCUMENT_LIMIT)  # bounded: at most 16 MB are read


def _index_html(
    rows: list[tuple[FeedSpec, FeedSummary]],
    base_url: str | None,
    first: int,
    last: int,
    lang: LangArg,
) -> str:
    words = index_words(lang)

    def esc(text: str) -> str:
        # Names and descriptions are user text: no raw NUL, control or noncharacter in the page.
        return html.escape(scrub_text(text))

    items = []
    for spec, summary in rows:
        count, start, end = summary.events, summary.first, summary.last
        span = f"{date_vi(start)} – {date_vi(end)}" if start and end else ""
        links = [f'<a href="{esc(spec.filename)}">{words["download"]}</a>']
        if base_url:
            https = base_url + spec.filename
            webcal = "webcal://" + https.split("://", 1)[1]
            links = [
                f'<a href="{esc(webcal)}">{words["subscribe"]}</a>',
                f'<a href="{esc(https)}">https</a>',
            ]
        events = event_count(count, lang)
        items.append(
            f"<tr><td><strong>{esc(spec.name)}</strong><br><small>{esc(spec.description)}"
            f"</small></td><td>{esc(events)}</td><td>{esc(span)}</td>"
            f"<td>{' · '.join(links)}</td></tr>"
        )
    title = words["title"]
    note = "" if base_url else f"<p><em>{esc(words['hint'])}</em></p>"
    head = "".join(f"<th>{words[k]}</th>" for k in ("calendar", "events_head", "span", "links"))
    head = f"<tr>{head}</tr>"
    return f"""<!DOCTYPE html>
<html lang="{lang_of(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<style>
body {{ font-family: system-ui, 'Noto Sans', 'DejaVu Sans', sans-serif; margin: 2rem auto;
       max-width: 60rem; padding: 0 1rem; color: #222; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border-bottom: 1px solid #ddd; padding: .5rem; text-align: left; vertical-align: top; }}
</style>
</head>
<body>
<h1>{esc(title)}</h1>
<p>{esc(years_line(first, last, lang))}</p>
{note}
<table>
{head}
{chr(10).join(items)}
</table>
<p><small>thidua-calendar</small></p>
</body>
</html>
"""
