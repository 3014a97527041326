r"""iCalendar subscription feeds (RFC 5545 / RFC 7986) that real clients accept.

The rules are those of ``docs/ical.md``: stable UIDs from each occasion's identity, DTSTAMP and
LAST-MODIFIED from the data's revision (never "now"), SEQUENCE that increases when an event
changes, all-day ``VALUE=DATE`` events with an exclusive DTEND, ``TRANSP:TRANSPARENT``, one
VEVENT per occurrence (no RRULE/RDATE), no calendar-level UID, NAME / X-WR-CALNAME and
``REFRESH-INTERVAL;VALUE=DURATION``.

Every TEXT property (NAME, X-WR-CALNAME, DESCRIPTION, X-WR-CALDESC, SUMMARY, CATEGORIES and the
reminders' DESCRIPTION) is escaped here, by RFC 5545 §3.3.11: backslash, semicolon, comma and
line break, nothing else; a literal ``\N`` in user text stays two characters (icalendar's own
escaping reads it as a line break, and writes ``X-WR-*`` properties unescaped). Before that,
:func:`thidua_calendar._hygiene.scrub_text` replaces controls, lone surrogates and
noncharacters with U+FFFD, so a strict parser never rejects the feed for one bad character.

Revisions are tracked through the previously published feed: pass its bytes as ``previous``
and every event whose dates, summary or description changed gets ``SEQUENCE`` + 1 and the new
revision as LAST-MODIFIED/DTSTAMP; unchanged events keep theirs, so an unchanged feed keeps
the same bytes.

``icalendar`` is imported here only, when a feed is built.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import uuid
import warnings
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

import attrs

from ._hygiene import scrub_text
from ._validators import in_range
from ._vocabulary import EntryKind, LangArg, Rank
from ._wording import lang_of
from ._wording.feeds import feed_categories, reminder_text
from ._years import check_date
from .commemorations import default_catalog
from .errors import InvalidTypeError, ThiduaError

if TYPE_CHECKING:
    from ._schedule import Entry, Schedule
    from .commemorations import Catalog

UID_NAMESPACE: Final = uuid.UUID("6f1c1b0e-7a53-5b8e-9a0e-3d0c2f7a9e11")
"""Namespace of the UUIDv5 event UIDs (never change it: subscribers would see duplicates)."""
UID_DOMAIN: Final = "thidua-calendar"
SIZE_WARNING: Final = 1_000_000
"""Google Calendar drops events from feeds larger than about 1 MB."""


class FeedError(ThiduaError, ValueError):
    """A feed that cannot be built (nothing selected, a bad option)."""


class FeedSizeWarning(UserWarning):
    """The feed is larger than Google Calendar accepts (about 1 MB)."""


def _days_before(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        in_range(0, 366)(_instance, attribute, value)


@attrs.frozen
class Reminders:
    """Optional VALARM reminders, in days before the day (``None``: no reminder).

    Attributes:
        round_anniversaries: Before each năm tròn / năm lẻ 5 anniversary.
        phase_ends: Before the last day of each phase.
        deadlines: Before each report deadline.
    """

    round_anniversaries: int | None = attrs.field(default=7, validator=_days_before)
    phase_ends: int | None = attrs.field(default=7, validator=_days_before)
    deadlines: int | None = attrs.field(default=None, validator=_days_before)


def event_uid(identity: str) -> str:
    """The UID of an occasion: a UUIDv5 of its identity (``milestone:thanh_lap_dang:2025``).

    Examples:
        >>> event_uid("milestone:thanh_lap_dang:2025")
        '59517053-9ea7-56bf-840a-b1c8cb6e151d@thidua-calendar'
    """
    return f"{uuid.uuid5(UID_NAMESPACE, identity)}@{UID_DOMAIN}"


def _clean_name(text: str) -> str:
    r"""A calendar name without ``, ; \\`` (Thunderbird shows their escapes) or newlines."""
    return re.sub(r"\s+", " ", re.sub(r"[,;\\]", " ", scrub_text(text))).strip()


def _escape_text(text: str) -> str:
    r"""A TEXT value as RFC 5545 §3.3.11 writes it (after :func:`~._hygiene.scrub_text`).

    Examples:
        >>> print(_escape_text("a,b;c\\N\nd\x00"))
        a\,b\;c\\N\nd�
    """
    return (
        scrub_text(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\n", "\\n")
    )


@functools.cache
def _value_types() -> tuple[Any, Any]:
    """The TEXT and CATEGORIES value types of icalendar, escaped by :func:`_escape_text`."""
    from icalendar.prop import vCategory, vText

    class Text(vText):
        """A TEXT value escaped by :func:`_escape_text`."""

        def to_ical(self) -> bytes:
            return _escape_text(str(self)).encode("utf-8")

    class Categories(vCategory):
        """A CATEGORIES value: TEXT values escaped by :func:`_escape_text`, joined by commas."""

        def to_ical(self) -> bytes:
            return ",".join(_escape_text(str(c)) for c in self.cats).encode("utf-8")

    return Text, Categories


def _text(value: str) -> Any:
    """A TEXT property value: scrubbed now, escaped when written."""
    return _value_types()[0](scrub_text(value))


def _stamp(revision: dt.date) -> dt.datetime:
    return dt.datetime(revision.year, revision.month, revision.day, tzinfo=dt.UTC)


def _fingerprint(start: str, end: str, summary: str, description: str) -> str:
    data = "\x1f".join((start, end, summary, description)).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


@attrs.frozen
class _Previous:
    sequence: int
    stamp: dt.datetime
    fingerprint: str


def _read_previous(data: bytes) -> dict[str, _Previous]:
    """SEQUENCE, LAST-MODIFIED and content of each event of a previously published feed.

    Raises:
        FeedError: The feed cannot be parsed, or one of its events lacks what a feed this
            tool wrote always has (DTSTART, a DTSTAMP or LAST-MODIFIED, an integer SEQUENCE).
            The message is one short line, never the feed's raw bytes.
    """
    from icalendar import Calendar

    def unreadable(reason: str, detail: str = "") -> FeedError:
        detail = " ".join(detail.split())  # a parser's message may quote the feed's bytes
        if len(detail) > 80:
            detail = detail[:79] + "…"
        return FeedError(f"the previous feed cannot be read: {reason}{detail}")

    try:
        calendar = Calendar.from_ical(data)
    except (ValueError, IndexError, TypeError, KeyError) as exc:
        raise unreadable("", str(exc)) from None
    found: dict[str, _Previous] = {}
    for event in calendar.walk("VEVENT"):
        uid = str(event.get("UID", ""))
        if not uid:
            continue
        try:
            if "DTSTART" not in event:
                raise unreadable(f"the event {uid!r} has no DTSTART")
            if "LAST-MODIFIED" not in event and "DTSTAMP" not in event:
                raise unreadable(f"the event {uid!r} has neither LAST-MODIFIED nor DTSTAMP")
            start = event.decoded("DTSTART")
            end = event.decoded("DTEND") if "DTEND" in event else start
            stamp = (
                event.decoded("LAST-MODIFIED")
                if "LAST-MODIFIED" in event
                else event.decoded("DTSTAMP")
            )
            sequence = int(str(event.get("SEQUENCE", 0)))
            if not isinstance(start, dt.date) or not isinstance(end, dt.date):
                raise unreadable(f"the event {uid!r} has no date in DTSTART or DTEND")
            if not isinstance(stamp, dt.date):
                raise unreadable(f"the event {uid!r} has no date in its time stamp")
        except FeedError:
            raise
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
            raise unreadable(f"the event {uid!r}: ", str(exc)) from None
        found[uid] = _Previous(
            sequence,
            stamp if isinstance(stamp, dt.datetime) else _stamp(stamp),
            _fingerprint(
                start.isoformat(),
                end.isoformat(),
                str(event.get("SUMMARY", "")),
                str(event.get("DESCRIPTION", "")),
            ),
        )
    return found


def to_ical(
    source: Schedule | Iterable[Entry],
    *,
    name: str,
    description: str | None = None,
    lang: LangArg = "vi",
    color: str | None = None,
    refresh: str = "P1D",
    reminders: Reminders | None = None,
    revision: dt.date | None = None,
    previous: bytes | None = None,
) -> bytes:
    r"""A subscription feed of schedule entries.

    Args:
        source: A :class:`Schedule` or its entries.
        name: The calendar's name (``, ; \\`` and newlines are removed: clients show them raw).
        description: The calendar's description (TEXT: line breaks are kept).
        lang: Language of titles and descriptions (``SUMMARY;LANGUAGE=…``).
        color: A CSS3 colour name (``COLOR``) — also written as ``X-APPLE-CALENDAR-COLOR``.
        refresh: How often clients should refresh, an ISO 8601 duration.
        reminders: Optional VALARM reminders.
        revision: The data's revision date (DTSTAMP / LAST-MODIFIED of new or changed events).
            Default: the newest of the catalogue's and the plan's revisions.
        previous: The previously published feed, to keep SEQUENCE and timestamps of unchanged
            events and increase them for changed ones.

    Returns:
        The feed, UTF-8 without BOM, CRLF line ends, lines folded at 75 octets.

    Raises:
        FeedError: No entries, or a bad option.
        InvalidTypeError: An argument of the wrong type.

    Warns:
        FeedSizeWarning: The feed is larger than about 1 MB.
    """
    from icalendar import Calendar, Event

    from ._schedule import Entry, Schedule

    if isinstance(source, str | bytes) or not isinstance(source, Schedule | Iterable):
        raise InvalidTypeError(f"source must be a Schedule or entries, not {type(source).__name__}")
    entries = list(source.entries if isinstance(source, Schedule) else source)
    for entry in entries:
        if not isinstance(entry, Entry):
            raise InvalidTypeError(f"an entry must be an Entry, not {type(entry).__name__}")
    for field, text in (("name", name), ("refresh", refresh)):
        if not isinstance(text, str):
            raise InvalidTypeError(f"{field} must be str, not {type(text).__name__}")
    for field, option in (("description", description), ("color", color)):
        if option is not None and not isinstance(option, str):
            raise InvalidTypeError(f"{field} must be str or None, not {type(option).__name__}")
    if revision is not None:
        check_date(revision, "revision")
    catalog = source.catalog if isinstance(source, Schedule) else None
    if not entries:
        raise FeedError("the selection is empty: no event to put in the feed")
    lang = lang_of(lang)
    if not re.fullmatch(r"P(\d+D|T\d+H|\d+W)", refresh):
        raise FeedError(f"refresh must be a duration such as P1D, PT6H or P1W, not {refresh!r}")
    rgb = None
    if color is not None:
        rgb = _CSS_COLOURS.get(color.lower())
        if rgb is None:
            raise FeedError(
                f"unknown colour {color!r}; use a CSS3 colour name such as "
                f"{', '.join(sorted(_CSS_COLOURS)[:6])} …"
            )
    rev = revision or _default_revision(entries, catalog)
    old = _read_previous(previous) if previous else {}

    calendar = Calendar()
    # No version in PRODID: upgrading the library must not change the bytes of a feed.
    calendar.add("prodid", f"-//thidua-calendar//thidua-calendar//{lang.upper()}")
    calendar.add("version", "2.0")
    clean = _clean_name(name)
    if not clean:
        raise FeedError("the calendar needs a name")
    calendar.add("name", _text(clean))
    calendar.add("x-wr-calname", _text(clean))
    if description:
        calendar.add("description", _text(description))
        calendar.add("x-wr-caldesc", _text(description))
    if color is not None and rgb is not None:
        calendar.add("color", color.lower())
        calendar.add("x-apple-calendar-color", rgb)
    calendar.add("refresh-interval", _duration(refresh), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", refresh)

    seen: set[str] = set()
    for entry in entries:
        uid = event_uid(entry.uid)
        if uid in seen:
            raise FeedError(f"two entries share the identity {entry.uid!r}")
        seen.add(uid)
        summary = scrub_text(entry.title(lang))
        text = scrub_text(entry.description(lang))
        end = entry.end + dt.timedelta(days=1)  # DTEND of an all-day event is exclusive
        fingerprint = _fingerprint(entry.start.isoformat(), end.isoformat(), summary, text)
        before = old.get(uid)
        if before is None:
            sequence, stamp = 0, _stamp(rev)
        elif before.fingerprint == fingerprint:
            sequence, stamp = before.sequence, before.stamp
        else:
            sequence, stamp = before.sequence + 1, max(_stamp(rev), before.stamp)
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("last-modified", stamp)
        event.add("sequence", sequence)
        event.add("dtstart", entry.start)
        event.add("dtend", end)
        event.add("summary", _text(summary), parameters={"LANGUAGE": lang})
        event.add("description", _text(text), parameters={"LANGUAGE": lang})
        event.add("categories", _value_types()[1](feed_categories(entry, lang)))
        event.add("transp", "TRANSPARENT")
        event.add("class", "PUBLIC")
        alarm = _alarm(entry, reminders, lang, summary)
        if alarm is not None:
            event.add_component(alarm)
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    if len(data) > SIZE_WARNING:
        warnings.warn(
            f"the feed is {len(data) / 1e6:.1f} MB; Google Calendar drops events from feeds "
            "over about 1 MB: choose a shorter span",
            FeedSizeWarning,
            stacklevel=2,
        )
    return data


def _alarm(entry: Entry, reminders: Reminders | None, lang: LangArg, summary: str) -> Any:
    if reminders is None:
        return None
    from icalendar import Alarm

    days: int | None = None
    trigger: dt.timedelta | dt.datetime | None = None
    if (
        entry.kind is EntryKind.MILESTONE
        and entry.rank in (Rank.TRON, Rank.LE5)
        and entry.ordinal is not None
    ):
        days = reminders.round_anniversaries
        trigger = -dt.timedelta(days=days) if days is not None else None
    elif entry.kind is EntryKind.PHASE and reminders.phase_ends is not None:
        days = reminders.phase_ends
        # An absolute trigger at 08:00 in Vietnam (01:00 UTC), `days` before the last day.
        day = entry.end - dt.timedelta(days=days)
        trigger = dt.datetime(day.year, day.month, day.day, 1, tzinfo=dt.UTC)
    elif entry.kind is EntryKind.DEADLINE and reminders.deadlines is not None:
        days = reminders.deadlines
        trigger = -dt.timedelta(days=days)
    if trigger is None or days is None:
        return None
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", _text(reminder_text(entry, summary, days, lang)))
    if isinstance(trigger, dt.datetime):
        # The default value type of TRIGGER is DURATION: an absolute one must say so.
        alarm.add("trigger", trigger, parameters={"VALUE": "DATE-TIME"})
    else:
        alarm.add("trigger", trigger)
    return alarm


def _duration(text: str) -> dt.timedelta:
    match = re.fullmatch(r"P(?:(\d+)W|(\d+)D|T(\d+)H)", text)
    assert match
    weeks, days, hours = (int(g) if g else 0 for g in match.groups())
    return dt.timedelta(weeks=weeks, days=days, hours=hours)


def _default_revision(entries: list[Entry], catalog: Catalog | None) -> dt.date:
    """The newest revision of the data behind the entries: catalogues and plans."""
    catalogs = {id(default_catalog()): default_catalog()}
    if catalog is not None:
        catalogs[id(catalog)] = catalog
    plans = {id(e.plan): e.plan for e in entries if e.plan is not None}
    catalogs.update((id(p.catalog), p.catalog) for p in plans.values())
    revisions = [c.revision for c in catalogs.values() if c.revision is not None]
    revisions += [p.revision for p in plans.values() if p.revision is not None]
    return max(revisions)


@attrs.frozen
class FeedSummary:
    """What a feed holds: its number of events, first and last day, and size."""

    events: int
    first: dt.date | None
    last: dt.date | None
    size: int


def feed_summary(data: bytes) -> FeedSummary:
    """Count, first and last day of a feed's events (for index pages)."""
    from icalendar import Calendar

    events = list(Calendar.from_ical(data).walk("VEVENT"))
    starts = [e.decoded("DTSTART") for e in events]
    ends = [e.decoded("DTEND") - dt.timedelta(days=1) for e in events]
    return FeedSummary(
        len(events), min(starts) if starts else None, max(ends) if ends else None, len(data)
    )


_CSS_COLOURS: Final = {
    "black": "#000000",
    "blue": "#0000FF",
    "brown": "#A52A2A",
    "crimson": "#DC143C",
    "darkblue": "#00008B",
    "darkgreen": "#006400",
    "darkorange": "#FF8C00",
    "darkred": "#8B0000",
    "firebrick": "#B22222",
    "forestgreen": "#228B22",
    "gold": "#FFD700",
    "goldenrod": "#DAA520",
    "gray": "#808080",
    "green": "#008000",
    "indigo": "#4B0082",
    "maroon": "#800000",
    "navy": "#000080",
    "olive": "#808000",
    "orange": "#FFA500",
    "orangered": "#FF4500",
    "purple": "#800080",
    "red": "#FF0000",
    "royalblue": "#4169E1",
    "seagreen": "#2E8B57",
    "steelblue": "#4682B4",
    "teal": "#008080",
    "tomato": "#FF6347",
}
