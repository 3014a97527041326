"""A directory of subscription feeds with an ``index.html`` to subscribe from.

``publish(DIR)`` writes the shared feeds — the ngày lễ lớn, the days off (holiday breaks and
make-up working days, :mod:`thidua_calendar.workdays`), the union days, every commemoration —
over the site's years, one feed per plan over the plan's own period
(:func:`thidua_calendar._schedule.plan_span`), and an index page: for each feed its address to
copy, a ``webcal://`` link, a Google Calendar "add by URL" link and a download link, its event
count and its span.

Each feed has its history beside it, ``NAME.history.toml`` (:class:`~.ical.FeedHistory`, the
name by :func:`~.ical.history_path`, as ``ics`` writes it): the SEQUENCE, revision date and
fingerprint of each event. It is the source of truth, written with the feeds in the same
all-or-nothing set, so a clean rebuild (a fresh DIR holding only the committed histories)
gives the same bytes as an incremental one; feeds already in DIR are read too (feeds
published before the histories existed keep their numbers). Unchanged events keep their
SEQUENCE, an unchanged feed keeps its bytes; an event edited without a revision bump is
reported (:class:`~.ical.UnrevisedEditWarning`, one line per feed), and a feed over about
1 MB is refused, naming it, unless ``allow_large``.

The set is designed so that subscribing to several feeds shows no event twice (a calendar app
shows each subscription's copy of an event, whatever its UID): a plan's feed has its phases,
its deadlines and only the followed days that no shared feed has, and the days off are in
their own feed only. Where two feeds still share
events — ``tat-ca`` gathers every shared commemoration, two plans may follow the same local
day — the page says so in the feed's section, with the other feed's name.

Nothing is written until everything is ready: every plan is checked, every feed and the index
are built in memory, every existing file in DIR is checked (one this tool did not write is
refused unless ``force``); then the changed files are written to temporary files and swapped
in together (:func:`thidua_calendar._files.write_set`). Two plans whose feeds would have the
same file name, or a plan whose feed would take a shared feed's name, are refused.
"""

from __future__ import annotations

import html
import os
import re
import warnings
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Final
from urllib.parse import quote, urlsplit, urlunsplit

import attrs

from ._files import write_set, written_here
from ._hygiene import scrub_text
from ._limits import DOCUMENT_LIMIT, read_bytes
from ._schedule import Entry, Schedule, plan_id, plan_span, schedule
from ._vocabulary import Category, EntryKind, Lang, LangArg
from ._wording import date_vi, lang_of
from ._wording.publish import (
    base_url_problem,
    event_count,
    feed_name,
    index_words,
    overlap_note,
    years_line,
)
from ._years import check_year
from .commemorations import Catalog
from .errors import InvalidTypeError
from .ical import (
    Feed,
    FeedError,
    FeedHistory,
    FeedSummary,
    build_feed,
    event_uid,
    feed_summary,
    history_path,
)
from .plans import Plan, require_no_errors


@attrs.frozen
class FeedSpec:
    """One feed of a published set.

    Attributes:
        filename: The feed's file name in the site (``ngay-le-lon.ics``).
        name: The calendar's name.
        description: The calendar's description.
        select: Which entries it has, of the shared schedule or of the plan's.
        plan: The plan of a plan's feed.
        text_lang: The language of the name and description: the page's for shared feeds,
            Vietnamese for a plan's (its title and organisation are the plan's own words).
    """

    filename: str
    name: str
    description: str
    select: Callable[[Entry], bool]
    plan: Plan | None = None
    text_lang: Lang | None = None


SHARED_FEEDS = ("ngay-le-lon", "ngay-nghi", "cong-doan", "tat-ca")

DAYS_OFF: Final = frozenset({EntryKind.DAY_OFF, EntryKind.WORKING_DAY})
"""The entries of the days-off feed only: holiday breaks and make-up working days."""


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

    ngay_le_lon, ngay_nghi, cong_doan, tat_ca = SHARED_FEEDS
    specs = [
        shared(ngay_le_lon, lambda e: e.major_day),
        shared(ngay_nghi, lambda e: e.kind in DAYS_OFF),
        shared(
            cong_doan,
            lambda e: (
                e.milestone is not None and e.milestone.commemoration.category is Category.UNION
            ),
        ),
        shared(tat_ca, lambda e: e.kind not in DAYS_OFF),
    ]
    for plan in plans:
        specs.append(
            FeedSpec(
                f"{plan_id(plan)}.ics",
                plan.title,
                plan.organisation or plan.title,
                lambda e: e.kind not in DAYS_OFF,
                plan,
                Lang.VI,
            )
        )
    return specs


def site_url(base_url: str) -> str:
    """The site's address as links need it: checked and normalised with :mod:`urllib.parse`.

    The scheme is kept as given (an ``http://`` site is never shown as ``https``), a
    non-ASCII host name becomes its IDNA form, characters a path may not hold are
    percent-encoded (``%XX`` already there is kept), and the path ends with ``/``. A query or
    a fragment is refused: a static host serves files by path, the feed's file name cannot
    follow a query, and a fragment never reaches the server. A user name or password is
    refused: the public page would show it.

    Examples:
        >>> site_url("https://example.org/lịch")
        'https://example.org/l%E1%BB%8Bch/'
        >>> site_url("http://Example.org:8080/a%20b/")
        'http://example.org:8080/a%20b/'

    Raises:
        FeedError: Not an http(s) URL with a host, or a URL with credentials, a query or a
            fragment (the message in Vietnamese, then English).
    """
    try:
        parts = urlsplit(base_url.strip())
    except ValueError:
        raise FeedError(base_url_problem("host", base_url)) from None
    if parts.username is not None or parts.password is not None:
        raise FeedError(base_url_problem("credentials", base_url))
    if parts.scheme not in ("http", "https"):
        raise FeedError(base_url_problem("scheme", base_url))
    if parts.query or "?" in base_url:
        raise FeedError(base_url_problem("query", base_url))
    if parts.fragment or "#" in base_url:
        raise FeedError(base_url_problem("fragment", base_url))
    host = parts.hostname or ""
    try:
        port = parts.port
        host = host.encode("idna").decode("ascii")
    except (ValueError, UnicodeError):
        raise FeedError(
            base_url_problem("port" if ":" in parts.netloc.rsplit("]", 1)[-1] else "host", base_url)
        ) from None
    if not host or any(c in host for c in ' <>"\\^`{|}'):
        raise FeedError(base_url_problem("host", base_url))
    netloc = (f"[{host}]" if ":" in host else host) + (f":{port}" if port is not None else "")
    path = quote(re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", parts.path), safe="/%!$&'()*+,;=:@~")
    if not path.endswith("/"):
        path += "/"
    return urlunsplit((parts.scheme, netloc, path, "", ""))


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
    allow_large: bool = False,
) -> list[Path]:
    """Write the feeds, their histories and ``index.html`` into ``directory`` (created if needed).

    Args:
        directory: Where the site goes.
        plans: Loaded plans (:func:`thidua_calendar.load_plan`), one feed each, over each
            plan's own period (:func:`~thidua_calendar._schedule.plan_span`).
        catalog: The catalogue of the shared feeds.
        first_year: First year of the shared feeds.
        last_year: Last year of the shared feeds.
        base_url: The site's public address, for absolute subscribe links (checked by
            :func:`site_url`); without it the page has relative links only.
        lang: The language of the feeds and the page.
        force: Replace files in ``directory`` that thidua-calendar did not write.
        allow_large: Write a feed over :data:`~.ical.SIZE_LIMIT` (with a warning) instead of
            refusing it.

    Returns:
        The files written (each feed's history before the feed), index last.

    Raises:
        PlanHasErrorsError: A plan has errors (nothing is written).
        FeedTooLargeError: A feed over about 1 MB without ``allow_large`` (the message
            starts with its file name; nothing is written).
        FeedError: A bad base URL, two plans with the same feed name, a plan with a shared
            feed's name, or an unreadable feed or history in ``directory`` (nothing is
            written).
        OutputExistsError: A file in ``directory`` was not written by thidua-calendar
            (nothing is written).
        OSError: A file cannot be written (nothing is replaced).
        InvalidTypeError: An argument of the wrong type.
        OutOfRangeError: A year outside the supported years.

    Warns:
        UnrevisedEditWarning: A feed has events edited while their data's revision was not
            bumped (one warning per feed, starting with its file name).
        FeedSizeWarning: With ``allow_large``, a feed is over about 1 MB.
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
        base_url = site_url(base_url)
    loaded = list(plans)
    for plan in loaded:
        require_no_errors(plan)
    _refuse_collisions(loaded)
    outputs: list[tuple[Path, bytes]] = []
    rows: list[tuple[FeedSpec, FeedSummary, frozenset[str]]] = []
    shared = schedule((first_year, last_year), catalog=catalog)
    in_shared: set[str] = set()
    for spec in _specs(loaded, lang):
        if spec.plan is None:
            selected = attrs.evolve(shared, entries=tuple(e for e in shared if spec.select(e)))
            in_shared.update(e.uid for e in selected)
        else:
            # The plan's own period, without what a shared feed already has: subscribed to
            # both, a calendar would show it twice.
            whole = schedule(plan_span(spec.plan), spec.plan)
            selected = attrs.evolve(
                whole,
                entries=tuple(e for e in whole if e.uid not in in_shared and spec.select(e)),
            )
        if not selected.entries:
            continue
        path = directory / spec.filename
        feed, history = _build(path, selected, spec, lang, allow_large)
        for category, message in feed.notices():
            warnings.warn(f"{spec.filename}: {message}", category, stacklevel=2)
        if _previous(history) != feed.history.to_bytes():
            outputs.append((history, feed.history.to_bytes()))
        if _previous(path) != feed.data:
            outputs.append((path, feed.data))
        uids = frozenset(event_uid(e.uid) for e in selected)
        rows.append((spec, feed_summary(feed.data), uids))
    index = directory / "index.html"
    page = _index_html(rows, base_url, first_year, last_year, lang).encode("utf-8")
    if _previous(index) != page:
        outputs.append((index, page))
    directory.mkdir(parents=True, exist_ok=True)
    write_set(outputs, force=force)
    return [path for path, _data in outputs]


def _build(
    path: Path, selected: Schedule, spec: FeedSpec, lang: LangArg, allow_large: bool
) -> tuple[Feed, Path]:
    """A feed of the site, built from its history and its previous file, and its history's path.

    An error names the feed's file (a message of one line).
    """
    history = history_path(path)
    assert history is not None  # a file in the site, not standard output
    known = _previous(history)
    try:
        feed = build_feed(
            selected,
            name=spec.name,
            description=spec.description,
            lang=lang,
            previous=_previous(path),
            history=FeedHistory.from_bytes(known) if known is not None else None,
            allow_large=allow_large,
        )
    except FeedError as exc:
        vi = f"{spec.filename}: {exc.message_vi}" if exc.message_vi else None
        raise type(exc)(f"{spec.filename}: {exc}", vi=vi) from None
    return feed, history


def _previous(path: Path) -> bytes | None:
    """The bytes of a file this tool wrote before, else None (a foreign file is not used)."""
    if not (path.is_file() and written_here(path)):
        return None
    return read_bytes(path, DOCUMENT_LIMIT)  # bounded: at most 16 MB are read


def _esc(text: str) -> str:
    # Names and descriptions are user text: no raw NUL, control or noncharacter in the page.
    return html.escape(scrub_text(text))


_STYLE = """\
*, *::before, *::after { box-sizing: border-box; }
body { font-family: system-ui, 'Noto Sans', 'DejaVu Sans', sans-serif; margin: 0 auto;
       max-width: 48rem; padding: 1rem; color: #222; line-height: 1.45;
       overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; }
section { border-top: 1px solid #ccc; padding: .5rem 0 1rem; }
.meta, .note { color: #444; }
label { display: block; font-size: .9rem; margin-top: .5rem; }
.copy { display: flex; gap: .5rem; }
.copy input { flex: 1 1 auto; min-width: 0; font: inherit; font-family: ui-monospace,
              'DejaVu Sans Mono', monospace; font-size: .9rem; padding: .35rem; }
.copy button { font: inherit; padding: .35rem .75rem; }
ul.links { padding-left: 1.2rem; }
ul.links li { margin: .25rem 0; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
      white-space: nowrap; }
"""

# Reading the page needs no script: the addresses are in the page. With a script, the copy
# buttons appear, and a page published without --base-url fills in its absolute addresses and
# subscribe links from where it is served.
_SCRIPT = """\
(function () {
  var relative = /^https?:$/.test(location.protocol);
  document.querySelectorAll("input[data-file]").forEach(function (input) {
    if (!relative) { return; }
    var url = new URL(input.getAttribute("data-file"), location.href).href;
    input.value = url;
    var webcal = document.getElementById(input.id + "-webcal");
    var google = document.getElementById(input.id + "-google");
    webcal.href = "webcal://" + url.split("://")[1];
    google.href = "https://calendar.google.com/calendar/render?cid=" + encodeURIComponent(url);
    webcal.parentNode.hidden = false;
    google.parentNode.hidden = false;
  });
  var status = document.getElementById("copy-status");
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var input = document.getElementById(button.getAttribute("data-copy"));
      input.select();
      var done = function () { status.textContent = status.getAttribute("data-done"); };
      if (navigator.clipboard) {
        navigator.clipboard.writeText(input.value).then(done, function () {
          if (document.execCommand("copy")) { done(); }
        });
      } else if (document.execCommand("copy")) { done(); }
    });
  });
})();
"""


def _links(filename: str, base_url: str | None) -> tuple[str, str | None, str | None]:
    """The address shown, and the webcal and Google links (None: filled by the page's script)."""
    if base_url is None:
        return filename, None, None
    url = base_url + quote(filename)
    webcal = "webcal://" + url.split("://", 1)[1]
    google = "https://calendar.google.com/calendar/render?cid=" + quote(url, safe="")
    return url, webcal, google


def _index_html(
    rows: list[tuple[FeedSpec, FeedSummary, frozenset[str]]],
    base_url: str | None,
    first: int,
    last: int,
    lang: LangArg,
) -> str:
    lang = lang_of(lang)
    words = index_words(lang)

    def named(template: str, spec: FeedSpec) -> str:
        """A template of the page with the feed's name put in, marked when in another language."""
        name = _esc(spec.name)
        if spec.text_lang is not None and spec.text_lang is not lang:
            name = f'<span lang="{spec.text_lang}">{name}</span>'
        return _esc(template).replace("{name}", name)

    def text(spec: FeedSpec, value: str) -> str:
        if spec.text_lang is not None and spec.text_lang is not lang:
            return f'<span lang="{spec.text_lang}">{_esc(value)}</span>'
        return _esc(value)

    sections: dict[bool, list[str]] = {False: [], True: []}
    for number, (spec, summary, uids) in enumerate(rows, start=1):
        count, start, end = summary.events, summary.first, summary.last
        span = f" · {date_vi(start)} – {date_vi(end)}" if start and end else ""
        field = f"feed-{number}"
        address, webcal, google = _links(spec.filename, base_url)
        hidden = " hidden" if webcal is None else ""
        notes = []
        for other, _summary, other_uids in rows[: number - 1]:
            common = uids & other_uids
            if common:
                note = overlap_note(len(common), common == other_uids, lang)
                notes.append(f'<p class="note">{named(note, other)}</p>')
        data_file = f' data-file="{_esc(spec.filename)}"' if base_url is None else ""
        webcal_href = f' href="{_esc(webcal)}"' if webcal else ""
        google_href = f' href="{_esc(google)}"' if google else ""
        copy = (
            f'<button type="button" data-copy="{field}" hidden>{_esc(words["copy"])}'
            f'<span class="sr">{named(words["copy_hidden"], spec)}</span></button>'
        )
        section = [
            f'<section aria-labelledby="{field}-name">',
            f'<h3 id="{field}-name">{text(spec, spec.name)}</h3>',
            f"<p>{text(spec, spec.description)}</p>",
            f'<p class="meta">{_esc(event_count(count, lang))}{_esc(span)}</p>',
            *notes,
            f'<label for="{field}">{named(words["address"], spec)}</label>',
            f'<div class="copy"><input id="{field}" type="text" readonly '
            f'value="{_esc(address)}"{data_file}>{copy}</div>',
            '<ul class="links">',
            f'<li{hidden}><a id="{field}-webcal"{webcal_href}>'
            f"{named(words['subscribe'], spec)}</a></li>",
            f'<li{hidden}><a id="{field}-google"{google_href}>'
            f"{named(words['google'], spec)}</a></li>",
            f'<li><a href="{_esc(quote(spec.filename))}" download>'
            f"{named(words['download'], spec)}</a></li>",
            "</ul>",
            "</section>",
        ]
        sections[spec.plan is not None].append("\n".join(section))
    title = words["title"]
    parts = [
        f"<h2>{_esc(words['shared'])}</h2>",
        f"<p>{_esc(years_line(first, last, lang))}</p>",
        *sections[False],
    ]
    if sections[True]:
        parts += [
            f"<h2>{_esc(words['plans'])}</h2>",
            f"<p>{_esc(words['plans_note'])}</p>",
            *sections[True],
        ]
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_esc(title)}</title>
<style>
{_STYLE}</style>
</head>
<body>
<main>
<h1>{_esc(title)}</h1>
<p>{_esc(words["intro"])}</p>
<p>{_esc(words["how"])}</p>
{chr(10).join(parts)}
<p id="copy-status" role="status" data-done="{_esc(words["copied"])}"></p>
</main>
<footer><p><small>thidua-calendar</small></p></footer>
<script>
{_SCRIPT}</script>
</body>
</html>
"""
