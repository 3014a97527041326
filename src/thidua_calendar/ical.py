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

Revisions come from the data and a small committed history, never from the clock or from
the previous output alone (``docs/feeds.md``, *Revisions*; ``docs/design.md``). Every event
is fingerprinted (dates with the exclusive end, summary, description). A
:class:`FeedHistory` records, per UID, the SEQUENCE, the revision date (DTSTAMP and
LAST-MODIFIED) and the fingerprint of the last build; it is written beside the feed
(``NAME.history.toml``) and committed with it. A build reads it: an unchanged event keeps its
SEQUENCE and date; a changed one gets SEQUENCE + 1 and the revision of the data it comes from
(:func:`entry_revision`: the catalogue's, the plan's, the congresses' or the days off's); a
new one SEQUENCE 0 and that revision. So a clean rebuild (a
fresh checkout, ``--fresh``, a new machine) gives the same bytes as an incremental one. A
previously published feed given as ``previous`` is read the same way (feeds published before
the history existed migrate from it); where both know an event, the later revision wins, so
SEQUENCE never goes down. An event whose content changed while the revision did not is still
given SEQUENCE + 1 but reported (:attr:`Feed.unrevised`; :class:`UnrevisedEditWarning` from
:func:`to_ical`): its LAST-MODIFIED cannot honestly move without a newer revision.

``icalendar`` is imported here only, when a feed is built.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
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
from ._wording.feeds import (
    feed_categories,
    feed_is_large,
    feed_too_large,
    reminder_text,
    unrevised_edits,
)
from ._years import check_date
from .commemorations import default_catalog
from .errors import InvalidTypeError, ThiduaError

if TYPE_CHECKING:
    from pathlib import Path

    from ._schedule import Entry, Schedule
    from .commemorations import Catalog

UID_NAMESPACE: Final = uuid.UUID("6f1c1b0e-7a53-5b8e-9a0e-3d0c2f7a9e11")
"""Namespace of the UUIDv5 event UIDs (never change it: subscribers would see duplicates)."""
UID_DOMAIN: Final = "thidua-calendar"
SIZE_LIMIT: Final = 1_000_000
"""Google Calendar drops events from feeds larger than about 1 MB: larger ones are refused."""
APPLE_SPECIAL_DAY: Final = {
    EntryKind.DAY_OFF: "WORK-HOLIDAY",
    EntryKind.WORKING_DAY: "ALTERNATE-WORKDAY",
}
"""``X-APPLE-SPECIAL-DAY`` of days off and make-up working days, as Apple's holiday calendars
(``calendars.icloud.com/holidays``) mark them so that Apple Calendar shows a day as a holiday
or as a working day; no other event carries it."""
HISTORY_HEADER: Final = "# thidua-calendar feed history"
"""The first line of a feed history file (how :func:`~._files.written_here` knows it)."""


class FeedError(ThiduaError, ValueError):
    """A feed that cannot be built (nothing selected, a bad option)."""


class FeedTooLargeError(FeedError):
    """The feed would be larger than :data:`SIZE_LIMIT` (pass ``allow_large=True``)."""


class FeedSizeWarning(UserWarning):
    """:func:`to_ical` with ``allow_large=True`` made a feed over about 1 MB."""


class UnrevisedEditWarning(UserWarning):
    """:func:`to_ical` found events whose content changed while the data's revision did not."""


def _days_before(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        in_range(0, 366)(_instance, attribute, value)


def _hour(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    in_range(0, 23)(_instance, attribute, value)


@attrs.frozen
class Reminders:
    """Optional VALARM reminders: days before the day, at a local hour (``None``: none).

    Every trigger is a duration relative to the event's start (all-day events start at local
    midnight, so ``-P6DT15H`` is 09:00 a week before, wherever the subscriber is): clients
    that ignore absolute triggers (khal) or ``RELATED=END`` (khal, Apple's EventKit) fire
    them at the same time as the others. Which clients honour them: ``docs/feeds.md``.

    Attributes:
        round_anniversaries: Before each năm tròn / năm lẻ 5 anniversary.
        phase_ends: Before the last day of each phase.
        deadlines: Before each report deadline.
        hour: The local hour (0–23) at which every reminder fires.

    Examples:
        >>> Reminders().trigger(7)  # 09:00 a week before the day
        datetime.timedelta(days=-7, seconds=32400)
    """

    round_anniversaries: int | None = attrs.field(default=7, validator=_days_before)
    phase_ends: int | None = attrs.field(default=7, validator=_days_before)
    deadlines: int | None = attrs.field(default=3, validator=_days_before)
    hour: int = attrs.field(default=9, validator=_hour)

    def trigger(self, days: int, offset: int = 0) -> dt.timedelta:
        """The trigger ``days`` before a day that is ``offset`` days after the start.

        Args:
            days: Days before the day.
            offset: Days from the event's start to the day (the last day of a phase).
        """
        return dt.timedelta(days=offset - days, hours=self.hour)


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
    return hashlib.sha256(data).hexdigest()[:16]


@attrs.frozen
class EventRevision:
    """What a feed history knows of one event.

    Attributes:
        sequence: Its SEQUENCE.
        revised: The revision date of its DTSTAMP and LAST-MODIFIED.
        content: The fingerprint of its dates, summary and description.
    """

    sequence: int
    revised: dt.date
    content: str


def _later(a: EventRevision, b: EventRevision | None) -> EventRevision:
    return a if b is None else max(a, b, key=lambda r: (r.sequence, r.revised))


@attrs.frozen
class FeedHistory:
    """The SEQUENCE, revision date and fingerprint of each event of a feed, by UID.

    Written beside the feed (``NAME.history.toml``) and committed with it, it is what makes a
    clean rebuild give the same bytes as an incremental one. It keeps events that left the
    feed's span, so an event that comes back continues its SEQUENCE.

    Attributes:
        events: UID → :class:`EventRevision`.

    Examples:
        >>> h = FeedHistory({"a@x": EventRevision(2, dt.date(2026, 6, 1), "0123456789abcdef")})
        >>> FeedHistory.from_bytes(h.to_bytes()) == h
        True
    """

    events: dict[str, EventRevision] = attrs.field(factory=dict)

    @classmethod
    def from_bytes(cls, data: bytes) -> FeedHistory:
        """Read a history file (:meth:`to_bytes`).

        Raises:
            FeedError: The file is malformed (the message is one line).
        """
        import tomllib

        def bad(reason: str) -> FeedError:
            return FeedError(f"the feed history cannot be read: {reason}")

        try:
            doc = tomllib.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise bad(" ".join(str(exc).split())[:80]) from None
        table = doc.get("events", {})
        if not isinstance(table, dict):
            raise bad("[events] is not a table")
        events: dict[str, EventRevision] = {}
        for uid, row in table.items():
            if not isinstance(row, dict):
                raise bad(f"the event {uid!r} is not a table")
            sequence, revised, content = (row.get(k) for k in ("sequence", "revised", "content"))
            if (
                not isinstance(sequence, int)
                or isinstance(sequence, bool)
                or sequence < 0
                or not isinstance(revised, dt.date)
                or isinstance(revised, dt.datetime)
                or not isinstance(content, str)
            ):
                raise bad(f"the event {uid!r} needs sequence (≥ 0), revised (a date), content")
            events[uid] = EventRevision(sequence, revised, content)
        return cls(events)

    @classmethod
    def from_feed(cls, data: bytes) -> FeedHistory:
        """The history a previously published feed holds (SEQUENCE, LAST-MODIFIED, content).

        Raises:
            FeedError: The feed cannot be parsed, or one of its events lacks what a feed this
                tool wrote always has (DTSTART, a DTSTAMP or LAST-MODIFIED, an integer
                SEQUENCE). The message is one short line, never the feed's raw bytes.
        """
        return cls(_read_previous(data))

    def merged(self, other: FeedHistory) -> FeedHistory:
        """Both histories; where both know an event, the later one (higher SEQUENCE, date)."""
        events = dict(self.events)
        for uid, revision in other.events.items():
            events[uid] = _later(revision, events.get(uid))
        return FeedHistory(events)

    def to_bytes(self) -> bytes:
        """The history file: a TOML table of events by UID, one line each, sorted by UID."""
        lines = [
            f"{HISTORY_HEADER}: SEQUENCE and LAST-MODIFIED of each event of a feed.",
            "# Commit it beside the feed: a clean rebuild reads it (docs/feeds.md, Revisions).",
            "[events]",
        ]
        for uid in sorted(self.events):
            r = self.events[uid]
            key = uid.replace("\\", "\\\\").replace('"', '\\"')
            lines.append(
                f'"{key}" = {{ sequence = {r.sequence}, revised = {r.revised.isoformat()}, '
                f'content = "{r.content}" }}'
            )
        return ("\n".join(lines) + "\n").encode("utf-8")


def _read_previous(data: bytes) -> dict[str, EventRevision]:
    """SEQUENCE, LAST-MODIFIED and content of each event of a previously published feed."""
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
    found: dict[str, EventRevision] = {}
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
        if isinstance(stamp, dt.datetime):
            stamp = stamp.astimezone(dt.UTC).date() if stamp.tzinfo else stamp.date()
        found[uid] = EventRevision(
            max(sequence, 0),
            stamp,
            _fingerprint(
                start.isoformat(),
                end.isoformat(),
                str(event.get("SUMMARY", "")),
                str(event.get("DESCRIPTION", "")),
            ),
        )
    return found


@attrs.frozen
class Feed:
    """A built feed, with what its next build needs.

    Attributes:
        data: The feed's bytes.
        history: The history to write beside it (:meth:`FeedHistory.to_bytes`).
        unrevised: The SUMMARY of each event whose content changed while the data's revision
            did not (its SEQUENCE went up, its LAST-MODIFIED could not): report them.
        events: The number of events.
        name: The calendar's name as written (NAME, X-WR-CALNAME).
    """

    data: bytes
    history: FeedHistory
    unrevised: tuple[str, ...]
    events: int
    name: str = ""

    @property
    def size(self) -> int:
        """The feed's size in bytes."""
        return len(self.data)

    def notices(self) -> list[tuple[type[UserWarning], str]]:
        """What to report about the feed, one line each, Vietnamese first, then English.

        A feed over :data:`SIZE_LIMIT` (kept with ``allow_large``) gives a
        :class:`FeedSizeWarning`; events edited without a revision bump
        (:attr:`unrevised`) an :class:`UnrevisedEditWarning`. :func:`to_ical` issues them as
        warnings; ``ics`` and ``publish`` print them as ``warning:`` lines.
        """
        found: list[tuple[type[UserWarning], str]] = []
        if self.size > SIZE_LIMIT:
            found.append((FeedSizeWarning, feed_is_large(self.name, self.size)))
        if self.unrevised:
            found.append((UnrevisedEditWarning, unrevised_edits(self.name, self.unrevised)))
        return found


def history_path(feed: str | os.PathLike[str]) -> Path | None:
    """Where a feed's history goes: ``NAME.history.toml`` beside ``NAME.ics``.

    The one rule for ``ics`` (unless ``--history FILE``) and ``publish``. Standard output and
    devices have none.

    Examples:
        >>> history_path("site/tat-ca.ics").as_posix()
        'site/tat-ca.history.toml'
        >>> history_path("-") is None
        True
    """
    from pathlib import Path

    text = os.fspath(feed)
    if text == "-" or text.startswith(("/dev/", "/proc/")):
        return None
    path = Path(text)
    return path.with_name(f"{path.name.removesuffix('.ics')}.history.toml")


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
    history: FeedHistory | None = None,
    allow_large: bool = False,
) -> bytes:
    r"""A subscription feed of schedule entries (the bytes of :func:`build_feed`).

    Args:
        source: A :class:`Schedule` or its entries.
        name: The calendar's name (``, ; \\`` and newlines are removed: clients show them raw).
        description: The calendar's description (TEXT: line breaks are kept).
        lang: Language of titles and descriptions (``SUMMARY;LANGUAGE=…``).
        color: A CSS3 colour name (``COLOR``) — also written as ``X-APPLE-CALENDAR-COLOR``.
        refresh: How often clients should refresh, an ISO 8601 duration.
        reminders: Optional VALARM reminders.
        revision: The revision date (DTSTAMP / LAST-MODIFIED) of every new or changed event.
            Default: each event's own data's revision (:func:`entry_revision`: the
            catalogue's, the plan's, the congresses' or the days off's).
        previous: The previously published feed: its SEQUENCE and revision of each event.
        history: The feed's history (:class:`FeedHistory`), the source of truth for SEQUENCE
            and LAST-MODIFIED; merged with ``previous`` when both are given.
        allow_large: Return a feed over :data:`SIZE_LIMIT` (with a warning) instead of
            refusing it.

    Returns:
        The feed, UTF-8 without BOM, CRLF line ends, lines folded at 75 octets.

    Raises:
        FeedTooLargeError: The feed is over :data:`SIZE_LIMIT` and ``allow_large`` is false.
        FeedError: No entries, or a bad option.
        InvalidTypeError: An argument of the wrong type.

    Warns:
        FeedSizeWarning: With ``allow_large``, the feed is larger than about 1 MB.
        UnrevisedEditWarning: Events changed while the data's revision did not.
    """
    feed = build_feed(
        source,
        name=name,
        description=description,
        lang=lang,
        color=color,
        refresh=refresh,
        reminders=reminders,
        revision=revision,
        previous=previous,
        history=history,
        allow_large=allow_large,
    )
    for category, message in feed.notices():
        warnings.warn(message, category, stacklevel=2)
    return feed.data


def build_feed(
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
    history: FeedHistory | None = None,
    allow_large: bool = False,
) -> Feed:
    """A feed with its new history and what to report; the arguments of :func:`to_ical`.

    It never warns: the caller reports :attr:`Feed.unrevised` and a large :attr:`Feed.size`
    (the command line and ``publish`` as one-line messages, never a raw Python warning).

    Raises:
        FeedTooLargeError: The feed is over :data:`SIZE_LIMIT` and ``allow_large`` is false.
        FeedError: No entries, or a bad option.
        InvalidTypeError: An argument of the wrong type.
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
    if history is not None and not isinstance(history, FeedHistory):
        raise InvalidTypeError(f"history must be a FeedHistory, not {type(history).__name__}")
    if revision is not None:
        check_date(revision, "revision")
    catalog = source.catalog if isinstance(source, Schedule) else None
    if not entries:
        from ._wording.errors import empty_feed

        vi, en = empty_feed()
        raise FeedError(en, vi=vi)
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
    known = FeedHistory.from_feed(previous) if previous else FeedHistory()
    if history is not None:
        known = known.merged(history)

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

    revisions = dict(known.events)  # events that left the span stay in the history
    seen: set[str] = set()
    unrevised: list[str] = []
    for entry in entries:
        uid = event_uid(entry.uid)
        if uid in seen:
            raise FeedError(f"two entries share the identity {entry.uid!r}")
        seen.add(uid)
        summary = scrub_text(entry.title(lang))
        text = scrub_text(entry.description(lang))
        end = entry.end + dt.timedelta(days=1)  # DTEND of an all-day event is exclusive
        content = _fingerprint(entry.start.isoformat(), end.isoformat(), summary, text)
        rev = revision or entry_revision(entry, catalog)
        before = known.events.get(uid)
        if before is None:
            now = EventRevision(0, rev, content)
        elif before.content == content:
            now = before
        else:
            if rev <= before.revised:
                unrevised.append(summary)
            now = EventRevision(before.sequence + 1, max(rev, before.revised), content)
        revisions[uid] = now
        stamp = _stamp(now.revised)
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("last-modified", stamp)
        event.add("sequence", now.sequence)
        event.add("dtstart", entry.start)
        event.add("dtend", end)
        event.add("summary", _text(summary), parameters={"LANGUAGE": lang})
        event.add("description", _text(text), parameters={"LANGUAGE": lang})
        event.add("categories", _value_types()[1](feed_categories(entry, lang)))
        event.add("transp", "TRANSPARENT")
        event.add("class", "PUBLIC")
        special = APPLE_SPECIAL_DAY.get(entry.kind)
        if special is not None:
            event.add("x-apple-special-day", special)
        alarm = _alarm(entry, reminders, lang, summary)
        if alarm is not None:
            event.add_component(alarm)
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    if len(data) > SIZE_LIMIT and not allow_large:
        vi, en = feed_too_large(clean, len(data), SIZE_LIMIT)
        raise FeedTooLargeError(en, vi=vi)
    return Feed(data, FeedHistory(revisions), tuple(unrevised), len(entries), clean)


def _alarm(entry: Entry, reminders: Reminders | None, lang: LangArg, summary: str) -> Any:
    """A VALARM at ``reminders.hour`` local time, days before the day, relative to DTSTART."""
    if reminders is None:
        return None
    from icalendar import Alarm

    days: int | None = None
    offset = 0  # days from DTSTART to the day the reminder is about
    if (
        entry.kind is EntryKind.MILESTONE
        and entry.rank in (Rank.TRON, Rank.LE5)
        and entry.ordinal is not None
    ):
        days = reminders.round_anniversaries
    elif entry.kind is EntryKind.PHASE:
        days = reminders.phase_ends
        # From DTSTART, neither RELATED=END nor an absolute time: khal reads only durations
        # from the start (it ignores absolute triggers), Apple's EventKit only offsets from it.
        offset = (entry.end - entry.start).days
    elif entry.kind is EntryKind.DEADLINE:
        days = reminders.deadlines
    if days is None:
        return None
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", _text(reminder_text(entry, summary, days, lang)))
    alarm.add("trigger", reminders.trigger(days, offset))
    return alarm


def _duration(text: str) -> dt.timedelta:
    match = re.fullmatch(r"P(?:(\d+)W|(\d+)D|T(\d+)H)", text)
    assert match
    weeks, days, hours = (int(g) if g else 0 for g in match.groups())
    return dt.timedelta(weeks=weeks, days=days, hours=hours)


def entry_revision(entry: Entry, catalog: Catalog | None = None) -> dt.date:
    """The revision of the data an entry comes from: the date of its event when new or changed.

    Each entry is dated by the file its content is read from, so an edit to one file (with its
    revision bumped) never re-dates, or hides an unrevised edit of, another file's events:

    - a congress or an election: ``data/congresses.toml``
      (:func:`~thidua_calendar.congresses.congresses_revision`);
    - a holiday break or a make-up working day: ``data/days-off.toml``
      (:func:`~thidua_calendar.workdays.days_off_revision`);
    - a day of the catalogue (milestone, festival, observance): its catalogue's
      (``[meta] revision``: the plan's catalogue, else ``catalog``, else the shipped one);
    - a deadline: its plan's ``[plan] revision``;
    - a phase: the newest of its plan's and, since its description names them, of the
      catalogue's when it has focus milestones and of the congresses' when it greets a
      congress.

    A plan without a revision is dated by its catalogue, a catalogue without one by the
    shipped catalogue. For the shipped files these are the dates
    :func:`~thidua_calendar.data_revision` gives them.

    Args:
        entry: A schedule entry.
        catalog: The catalogue of the schedule it is from (:attr:`Schedule.catalog`).

    Examples:
        >>> import thidua_calendar as tc
        >>> tet = tc.schedule(2026, kinds=["day_off"]).entries[1]
        >>> entry_revision(tet) == tc.data_revision().of("days-off.toml")
        True
    """
    from .congresses import congresses_revision
    from .workdays import days_off_revision

    shipped = default_catalog().revision
    assert shipped is not None  # the shipped catalogue's parts all have one
    plan = entry.plan
    cat = plan.catalog if plan is not None else catalog
    of_catalog = cat.revision if cat is not None and cat.revision is not None else shipped
    if entry.kind is EntryKind.EVENT:
        return congresses_revision()
    if entry.kind in (EntryKind.DAY_OFF, EntryKind.WORKING_DAY):
        return days_off_revision()
    if entry.kind not in (EntryKind.PHASE, EntryKind.DEADLINE):
        return of_catalog
    revisions = [plan.revision if plan is not None and plan.revision is not None else of_catalog]
    if entry.focus_milestones:
        revisions.append(of_catalog)
    if entry.focus_events:
        revisions.append(congresses_revision())
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
