"""What independent parsers and a real subscription client see in an iCalendar feed.

A helper for tests (not a test module). Each view takes the bytes of an ``.ics`` feed and returns
the events it shows as :class:`SeenEvent` values, so a test can assert that every view shows the
events that were meant::

    assert_all_views_show(feed_bytes, tmp_path, expected_events)  # a readable diff per view

    views = all_views(feed_bytes, tmp_path)  # or look at each view yourself
    assert views["ical.js"] == sorted_events(expected_events)

The views:

- :func:`parse_with_icalendar` — the ``icalendar`` package (the library the project writes
  with), with recurrences expanded by ``python-dateutil``: the RFC 5545 reading.
- :func:`parse_with_ical` — the ``ical`` package (allenporter; Home Assistant's parser), in its
  default strict mode (none of its ``ical.compat`` relaxations), expanded by its own timeline.
- :func:`parse_with_icaljs` — Mozilla ical.js, Thunderbird's parser, run by node on
  ``tests/js/parse_ics.mjs``, expanded by its own iterator.
- :func:`parse_with_vobject` — the ``vobject`` package, expanded by its ``getrruleset``.
- :func:`parse_with_recurring_ical_events` — ``recurring-ical-events`` on icalendar, which
  expands recurrences itself.
- :func:`subscribe_with_vdirsyncer_khal` — a real subscription: the feed is served on
  127.0.0.1, vdirsyncer's ``http`` storage syncs it into a ``filesystem`` vdir, and ``khal list``
  reads the events back.
- :func:`subscribe_with_thunderbird` — another real subscription: headless Thunderbird, on a
  throwaway profile, subscribes to feeds served on 127.0.0.1 (and refreshes them after an
  edit) and lists the events, the calendar's name and the reminder times it read. Not part of
  :func:`all_views` (one Thunderbird run takes seconds: tests give it several feeds at once);
  skipped outside CI when Thunderbird is not installed (:func:`require_thunderbird`).

Normalisation, the same for every view:

- ``start``/``end`` are dates. For an all-day event ``end`` is the EXCLUSIVE end, as DTEND is
  written in the feed (a one-day event on 3 Feb ends on 4 Feb). khal shows all-day ends
  inclusively; its view converts them back (see :func:`subscribe_with_vdirsyncer_khal`).
- A timed (DATE-TIME) event has ``all_day=False`` and the dates of its start and end as written
  (khal: in UTC, the local zone it is configured with). Project feeds have none; a view that
  reads a date as a date-time therefore differs from the others.
- ``summary`` is ``""`` when there is no SUMMARY; ``description`` is ``None`` when there is no
  DESCRIPTION or it is empty (khal cannot tell the two apart). Text is otherwise exact: no
  stripping and no Unicode normalisation (khal alone strips the description).
- A recurring event (RRULE/RDATE) is listed once per occurrence, with the master's UID, up to
  :data:`HORIZON` (khal: within the span listed).

Beside the events: :func:`calendar_properties` (NAME, X-WR-CALNAME, DESCRIPTION,
X-WR-CALDESC as icalendar, vobject, ``ical`` and ical.js decode them), libical's reading
(:func:`parse_with_libical`, under the system Python's GObject bindings) and the times reminders
fire, computed by icalendar (:func:`alarm_times_with_icalendar`), ical.js
(:func:`alarm_times_with_icaljs`) and recurring-ical-events
(:func:`alarm_times_with_recurring_ical_events`).

A tool that rejects the whole feed raises :class:`FeedCheckError` with the tool's own message; a
tool that reads the feed but reports a broken line or loses an event issues a
:class:`FeedCheckWarning` (an error under the project's ``filterwarnings = error``, so tests must
expect it with ``pytest.warns``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import hashlib
import http.server
import importlib.metadata
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
JS_DIR = TESTS / "js"
ICALJS_SCRIPT = JS_DIR / "parse_ics.mjs"
ICALJS_PACKAGE = JS_DIR / "node_modules" / "ical.js" / "package.json"

#: Recurrences are expanded up to (not including) this date.
HORIZON = datetime.date(2100, 1, 1)
#: More occurrences than this in one VEVENT is reported as an error (an unbounded rule).
MAX_OCCURRENCES = 10_000
#: Seconds any one subprocess (node, vdirsyncer, khal) may take.
TIMEOUT = 60.0

_INSTALL_HINT = "`make test` installs it (or `make venv` for the Python tools)"


class FeedCheckError(Exception):
    """A tool rejected the whole feed, or could not be run on it."""


class FeedCheckWarning(UserWarning):
    """A tool read the feed but reported a broken line or left an event out."""


@dataclasses.dataclass(frozen=True)
class SeenEvent:
    """One event (or one occurrence of a recurring event) as a tool shows it."""

    uid: str
    summary: str
    start: datetime.date
    end: datetime.date  # EXCLUSIVE end, as DTEND is written in the feed
    description: str | None
    all_day: bool = True


def sorted_events(events: Iterable[SeenEvent]) -> list[SeenEvent]:
    """The events in a canonical order, for comparing views."""
    return sorted(events, key=lambda e: (e.start, e.end, e.uid, e.summary, e.description or ""))


# --------------------------------------------------------------------------------------------
# Tools


def require_tool(name: str) -> str:
    """The path of a tool the harness runs, or a test failure (never a skip) naming it.

    ``name`` is ``node``, ``npm``, ``vdirsyncer``, ``khal`` or ``ical.js`` (for which the path of
    its installed ``package.json`` under ``tests/js/node_modules`` is returned).
    """
    if name == "ical.js":
        if ICALJS_PACKAGE.is_file():
            return str(ICALJS_PACKAGE)
        pytest.fail(
            f"ical.js is not installed in {JS_DIR / 'node_modules'}: "
            f"{_INSTALL_HINT} (`npm ci --prefix tests/js`)",
            pytrace=False,
        )
    if name in ("vdirsyncer", "khal"):
        # The dev extras install them beside this interpreter (.venv/bin), which need not be on
        # PATH when the tests are run as .venv/bin/python -m pytest.
        candidate = Path(sys.executable).parent / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        what = {
            "node": "Node.js, which runs ical.js",
            "npm": "npm, which installs ical.js",
            "vdirsyncer": "vdirsyncer, the subscription client",
            "khal": "khal, which lists what vdirsyncer synced",
        }.get(name, name)
        pytest.fail(f"{what} is not installed ({name} not found): {_INSTALL_HINT}", pytrace=False)
    return found


def tool_versions() -> dict[str, str]:
    """The versions of every tool the harness uses (fails like :func:`require_tool`)."""
    node = require_tool("node")
    ical_js = json.loads(Path(require_tool("ical.js")).read_text(encoding="utf-8"))["version"]
    versions = {
        "icalendar": importlib.metadata.version("icalendar"),
        "ical": importlib.metadata.version("ical"),
        "vobject": importlib.metadata.version("vobject"),
        "recurring-ical-events": importlib.metadata.version("recurring-ical-events"),
        "ical.js": str(ical_js),
        "node": _run([node, "--version"]).stdout.strip(),
    }
    for tool in ("vdirsyncer", "khal"):
        out = _run([require_tool(tool), "--version"]).stdout.strip()
        versions[tool] = out.rsplit(" ", 1)[-1]
    return versions


def _run(
    argv: list[str], *, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Runs a tool with no standard input and a timeout; its output is captured as UTF-8."""
    try:
        return subprocess.run(
            argv,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=env,
            cwd=cwd,
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise FeedCheckError(f"{argv[0]} took more than {TIMEOUT:g} s: {' '.join(argv)}") from exc


# --------------------------------------------------------------------------------------------
# icalendar


def _as_date(value: datetime.date) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):  # a repeated property: icalendar gives a list
        value = value[0]
    return str(value)


def _description(value: object) -> str | None:
    text = _text(value)
    return text or None


def parse_with_icalendar(data: bytes) -> list[SeenEvent]:
    """What the ``icalendar`` package reads, recurrences expanded with ``python-dateutil``.

    icalendar is lenient: it accepts a BOM and a date written without ``VALUE=DATE``, and keeps
    going past a line it cannot parse. Such lines are reported as :class:`FeedCheckWarning`.
    """
    import icalendar

    try:
        calendars = icalendar.Calendar.from_ical(data, multiple=True)
    except ValueError as exc:
        raise FeedCheckError(f"icalendar rejected the feed: {exc}") from exc
    seen: list[SeenEvent] = []
    for calendar in calendars:
        for component in calendar.walk():
            for error in getattr(component, "errors", []):
                warnings.warn(
                    f"icalendar: {component.name} {component.get('UID', '')!s}: {error[1]}",
                    FeedCheckWarning,
                    stacklevel=2,
                )
        vevents = list(calendar.walk("VEVENT"))
        overrides: dict[tuple[str, datetime.date], Any] = {}
        for vevent in vevents:
            if "RECURRENCE-ID" in vevent:
                key = (str(vevent.get("UID")), _as_date(vevent.decoded("RECURRENCE-ID")))
                overrides[key] = vevent
        for vevent in vevents:
            if "RECURRENCE-ID" in vevent:
                continue
            try:
                seen.extend(_icalendar_occurrences(vevent, overrides))
            except (ValueError, KeyError, TypeError) as exc:  # no DTSTART, a bad RRULE ...
                warnings.warn(
                    f"icalendar could not read event {vevent.get('UID', '')!s}: {exc}",
                    FeedCheckWarning,
                    stacklevel=2,
                )
    return seen


def _icalendar_event(vevent: Any, start: Any = None, end: Any = None) -> SeenEvent:
    start = vevent.start if start is None else start
    end = vevent.end if end is None else end
    return SeenEvent(
        uid=_text(vevent.get("UID")) or "",
        summary=_text(vevent.get("SUMMARY")) or "",
        start=_as_date(start),
        end=_as_date(end),
        description=_description(vevent.get("DESCRIPTION")),
        all_day=not isinstance(start, datetime.datetime),
    )


def _icalendar_occurrences(
    vevent: Any, overrides: dict[tuple[str, datetime.date], Any]
) -> list[SeenEvent]:
    from dateutil import rrule

    if not any(name in vevent for name in ("RRULE", "RDATE")):
        return [_icalendar_event(vevent)]
    start = vevent.start
    duration = vevent.end - start
    all_day = not isinstance(start, datetime.datetime)
    anchor = datetime.datetime.combine(start, datetime.time()) if all_day else start
    rules = rrule.rruleset()
    rules.rdate(anchor)  # DTSTART is always the first instance (RFC 5545 3.8.5.2)
    for prop in _as_list(vevent.get("RRULE")):
        text = prop.to_ical().decode()
        rule = rrule.rrulestr(text, dtstart=anchor, ignoretz=all_day)
        assert isinstance(rule, rrule.rrule), text  # one RRULE property holds one rule
        rules.rrule(rule)
    for name, add in (("RDATE", rules.rdate), ("EXDATE", rules.exdate)):
        for prop in _as_list(vevent.get(name)):
            for item in prop.dts:
                value = item.dt
                if isinstance(value, tuple):  # RDATE;VALUE=PERIOD
                    value = value[0]
                if all_day:
                    value = datetime.datetime.combine(_as_date(value), datetime.time())
                add(value)
    uid = _text(vevent.get("UID")) or ""
    seen: list[SeenEvent] = []
    for occurrence in rules:
        if occurrence.date() >= HORIZON:
            break
        if len(seen) >= MAX_OCCURRENCES:
            raise FeedCheckError(f"icalendar: {uid} has over {MAX_OCCURRENCES} occurrences")
        begin = occurrence.date() if all_day else occurrence
        override = overrides.get((uid, _as_date(begin)))
        if override is not None:
            seen.append(_icalendar_event(override))
        else:
            seen.append(_icalendar_event(vevent, begin, begin + duration))
    return seen


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


# --------------------------------------------------------------------------------------------
# ical (allenporter)


def parse_with_ical(data: bytes) -> list[SeenEvent]:
    """What the ``ical`` package reads in its default (strict) mode, expanded by its timeline.

    The bytes are decoded as strict UTF-8 with a BOM kept, as an HTTP client honouring
    ``charset=utf-8`` hands them over.
    """
    from ical.calendar_stream import IcsCalendarStream
    from ical.exceptions import CalendarParseError

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FeedCheckError(f"ical: the feed is not UTF-8: {exc}") from exc
    try:
        stream = IcsCalendarStream.from_ics(text)
    except CalendarParseError as exc:
        raise FeedCheckError(f"ical rejected the feed: {exc}: {exc.detailed_error}") from exc
    try:
        return _ical_events(stream)
    except (AttributeError, ValueError, TypeError) as exc:  # e.g. a VEVENT without DTSTART
        raise FeedCheckError(f"ical failed on the feed: {type(exc).__name__}: {exc}") from exc


def _ical_events(stream: Any) -> list[SeenEvent]:
    seen: list[SeenEvent] = []
    for calendar in stream.calendars:
        counts: dict[str, int] = {}
        for event in calendar.timeline:
            if _as_date(event.start) >= HORIZON:
                break
            uid = event.uid or ""
            counts[uid] = counts.get(uid, 0) + 1
            if counts[uid] > MAX_OCCURRENCES:
                raise FeedCheckError(f"ical: {uid} has over {MAX_OCCURRENCES} occurrences")
            seen.append(
                SeenEvent(
                    uid=uid,
                    summary=event.summary or "",
                    start=_as_date(event.start),
                    end=_as_date(event.end),
                    description=event.description or None,
                    all_day=not isinstance(event.start, datetime.datetime),
                )
            )
    return seen


# --------------------------------------------------------------------------------------------
# ical.js


def parse_with_icaljs(data: bytes) -> list[SeenEvent]:
    """What Mozilla ical.js (Thunderbird's parser) reads, run by node.

    ical.js is handed the exact text of the feed (a BOM kept). It reads values lazily: an event
    whose value it cannot read (``DTSTART:20250203`` without ``VALUE=DATE``) is lost while the
    rest are shown; each lost event is reported as a :class:`FeedCheckWarning`.
    """
    output = _icaljs_output(data)
    for lost in output["dropped"]:
        warnings.warn(
            f"ical.js lost event {lost['uid']}: {lost['error']}", FeedCheckWarning, stacklevel=2
        )
    return [
        SeenEvent(
            uid=item["uid"] or "",
            summary=item["summary"] or "",
            start=datetime.date.fromisoformat(item["start"][:10]),
            end=datetime.date.fromisoformat(item["end"][:10]),
            description=item["description"] or None,
            all_day=bool(item["startIsDate"]),
        )
        for item in output["events"]
    ]


def _icaljs_output(data: bytes) -> dict[str, Any]:
    """What ``tests/js/parse_ics.mjs`` prints for the feed (its events, calendar, reminders)."""
    node = require_tool("node")
    require_tool("ical.js")
    with tempfile.TemporaryDirectory(prefix="feedcheck-") as folder:
        feed = Path(folder) / "feed.ics"
        feed.write_bytes(data)
        result = _run([node, str(ICALJS_SCRIPT), str(feed), HORIZON.isoformat()], cwd=JS_DIR)
    if result.returncode != 0:
        raise FeedCheckError(f"ical.js: {result.stderr.strip() or f'exit {result.returncode}'}")
    output: dict[str, Any] = json.loads(result.stdout)
    return output


# --------------------------------------------------------------------------------------------
# vobject


def parse_with_vobject(data: bytes) -> list[SeenEvent]:
    """What the ``vobject`` package reads, recurrences expanded by its own ``getrruleset``.

    vobject decodes TEXT values as it parses: a comma left unescaped in a SUMMARY cuts it
    there, and an unescaped X-WR-CALDESC is split into a list (see
    :func:`calendar_properties`). RECURRENCE-ID overrides replace the occurrence they name.
    """
    import vobject  # type: ignore[import-untyped]

    try:
        calendars = list(vobject.readComponents(data.decode("utf-8")))
    except (UnicodeDecodeError, vobject.base.ParseError, ValueError) as exc:
        raise FeedCheckError(f"vobject rejected the feed: {exc}") from exc
    seen: list[SeenEvent] = []
    for calendar in calendars:
        vevents = list(getattr(calendar, "vevent_list", []))
        overrides = {
            (_vobject_text(e, "uid") or "", _as_date(e.recurrence_id.value)): e
            for e in vevents
            if hasattr(e, "recurrence_id")
        }
        for vevent in vevents:
            if hasattr(vevent, "recurrence_id"):
                continue
            try:
                seen.extend(_vobject_occurrences(vevent, overrides))
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                warnings.warn(
                    f"vobject could not read event {_vobject_text(vevent, 'uid')}: {exc}",
                    FeedCheckWarning,
                    stacklevel=2,
                )
    return seen


def _vobject_text(component: Any, name: str) -> str | None:
    prop = getattr(component, name, None)
    return None if prop is None else str(prop.value)


def _vobject_event(vevent: Any, start: Any = None, end: Any = None) -> SeenEvent:
    start = vevent.dtstart.value if start is None else start
    if end is None:
        end = vevent.dtend.value if hasattr(vevent, "dtend") else start
    return SeenEvent(
        uid=_vobject_text(vevent, "uid") or "",
        summary=_vobject_text(vevent, "summary") or "",
        start=_as_date(start),
        end=_as_date(end),
        description=_vobject_text(vevent, "description") or None,
        all_day=not isinstance(start, datetime.datetime),
    )


def _vobject_occurrences(
    vevent: Any, overrides: dict[tuple[str, datetime.date], Any]
) -> list[SeenEvent]:
    if not any(hasattr(vevent, name) for name in ("rrule", "rdate")):
        return [_vobject_event(vevent)]
    start = vevent.dtstart.value
    end = vevent.dtend.value if hasattr(vevent, "dtend") else start
    duration = end - start
    uid = _vobject_text(vevent, "uid") or ""
    seen: list[SeenEvent] = []
    for occurrence in vevent.getrruleset(addRDate=True):
        if _as_date(occurrence) >= HORIZON:
            break
        if len(seen) >= MAX_OCCURRENCES:
            raise FeedCheckError(f"vobject: {uid} has over {MAX_OCCURRENCES} occurrences")
        begin = occurrence if isinstance(start, datetime.datetime) else occurrence.date()
        override = overrides.get((uid, _as_date(begin)))
        if override is not None:
            seen.append(_vobject_event(override))
        else:
            seen.append(_vobject_event(vevent, begin, begin + duration))
    return seen


# --------------------------------------------------------------------------------------------
# recurring-ical-events


def parse_with_recurring_ical_events(data: bytes) -> list[SeenEvent]:
    """The occurrences ``recurring-ical-events`` (on icalendar) computes up to :data:`HORIZON`.

    It expands RRULE, RDATE, EXDATE and RECURRENCE-ID itself; events are read from the first
    date the feed names (:func:`feed_span`).
    """
    import icalendar
    import recurring_ical_events

    try:
        calendar = icalendar.Calendar.from_ical(data)
    except ValueError as exc:
        raise FeedCheckError(f"icalendar (for recurring-ical-events) rejected it: {exc}") from exc
    try:
        first = feed_span(data)[0]
    except FeedCheckError:
        return []
    try:
        occurrences = recurring_ical_events.of(calendar).between(first, HORIZON)
    except (ValueError, TypeError, KeyError) as exc:
        raise FeedCheckError(f"recurring-ical-events failed: {type(exc).__name__}: {exc}") from exc
    return [_icalendar_event(occurrence) for occurrence in occurrences]


# --------------------------------------------------------------------------------------------
# Calendar properties and reminders


#: The calendar-level TEXT properties :func:`calendar_properties` reads.
CALENDAR_PROPERTIES = ("NAME", "X-WR-CALNAME", "DESCRIPTION", "X-WR-CALDESC")


def calendar_properties(data: bytes) -> dict[str, dict[str, str | None]]:
    """NAME, X-WR-CALNAME, DESCRIPTION and X-WR-CALDESC as each parser decodes them, by tool.

    vobject and ical.js decode every TEXT value themselves. icalendar (7.3) keeps non-standard
    (``X-``) properties as written, escapes included, even through ``Calendar.description``:
    its view shows them so. The strict ``ical`` keeps them as written too, and its view
    decodes them with ``ical``'s own TEXT decoder (``ical.types.text``), TEXT being the value
    type RFC 5545 gives them by default. A value a
    parser splits (vobject reads an unescaped comma in X-WR-CALDESC as a list) is joined back
    with ``|``, so the difference shows.
    """
    import icalendar
    import vobject
    from ical.calendar_stream import IcsCalendarStream
    from ical.parsing.property import ParsedProperty
    from ical.types.text import TextEncoder

    text = data.decode("utf-8")
    seen: dict[str, dict[str, str | None]] = {}
    calendar = icalendar.Calendar.from_ical(data)
    seen["icalendar"] = {p: _text(calendar.get(p)) for p in CALENDAR_PROPERTIES}

    vcalendar = vobject.readOne(text)

    def vobject_value(name: str) -> str | None:
        props = vcalendar.contents.get(name.lower())
        if not props:
            return None
        value = props[0].value
        return "|".join(value) if isinstance(value, list) else str(value)

    seen["vobject"] = {p: vobject_value(p) for p in CALENDAR_PROPERTIES}

    strict = IcsCalendarStream.from_ics(text).calendars[0]
    extras = {prop.name.upper(): prop for prop in strict.extras}

    def ical_value(name: str) -> str | None:
        if name == "NAME":  # RFC 7986 allows several: ical gives a list
            return _text(strict.name)
        if name == "DESCRIPTION":
            return _text(strict.description)
        prop = extras.get(name)
        if prop is None:
            return None
        return str(TextEncoder.__parse_property_value__(ParsedProperty(name, prop.value)))

    seen["ical"] = {p: ical_value(p) for p in CALENDAR_PROPERTIES}
    seen["ical.js"] = _icaljs_output(data)["calendar"]
    return seen


#: The system Python that has libical's GObject bindings (``THIDUA_LIBICAL_PYTHON`` overrides).
LIBICAL_PYTHON = os.environ.get("THIDUA_LIBICAL_PYTHON", "/usr/bin/python3")
LIBICAL_SCRIPT = Path(__file__).parent / "libical" / "dump.py"


def libical_available() -> str | None:
    """Why libical cannot be used here, or ``None`` when it can."""
    if not Path(LIBICAL_PYTHON).exists():
        return f"no system Python at {LIBICAL_PYTHON} for libical's bindings"
    probe = subprocess.run(
        [LIBICAL_PYTHON, "-c", "import gi; gi.require_version('ICalGLib', '3.0')"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    if probe.returncode != 0:
        return (
            "libical's GObject bindings are not installed (Debian, as root: apt-get install "
            "gir1.2-ical-3.0 python3-gi; make test does)"
        )
    return None


def parse_with_libical(data: bytes) -> dict[str, Any]:
    """What libical (Evolution's and GNOME's parser) decodes: the calendar's TEXT properties
    and each event's UID, SUMMARY, DESCRIPTION, DTSTART and DTEND (as libical writes them)."""
    result = subprocess.run(
        [LIBICAL_PYTHON, str(LIBICAL_SCRIPT)],
        input=data,
        capture_output=True,
        timeout=TIMEOUT,
        check=True,
    )
    parsed: dict[str, Any] = json.loads(result.stdout.decode("utf-8"))
    return parsed


def alarm_times_with_icalendar(data: bytes) -> dict[str, list[datetime.datetime]]:
    """When each event's reminders fire, by UID, as icalendar's own ``Event.alarms`` computes.

    An all-day event starts at local midnight, so its times are floating (no time zone): the
    subscriber's local time.
    """
    import icalendar

    times: dict[str, list[datetime.datetime]] = {}
    for vevent in icalendar.Calendar.from_ical(data).walk("VEVENT"):
        fired = [alarm.trigger for alarm in vevent.alarms.times]
        if fired:
            times[str(vevent["UID"])] = sorted(
                t
                if isinstance(t, datetime.datetime)
                else datetime.datetime.combine(t, datetime.time())
                for t in fired
            )
    return times


def alarm_times_with_icaljs(data: bytes) -> dict[str, list[datetime.datetime]]:
    """When each event's reminders fire, by UID, computed with ical.js's own time arithmetic.

    ``tests/js/parse_ics.mjs`` adds each TRIGGER (a DURATION from DTSTART or, with
    ``RELATED=END``, from DTEND; or an absolute DATE-TIME) to the event's start as ical.js's
    ``ICAL.Time`` does, a DATE taken as local midnight, as Thunderbird does.
    """
    times: dict[str, list[datetime.datetime]] = {}
    for item in _icaljs_output(data)["events"]:
        if item["alarms"]:
            times[item["uid"]] = sorted(
                datetime.datetime.fromisoformat(t.removesuffix("Z")) for t in item["alarms"]
            )
    return times


def alarm_times_with_recurring_ical_events(
    data: bytes, span: tuple[datetime.date, datetime.date]
) -> list[tuple[str, datetime.datetime]]:
    """(UID, time) of each reminder ``recurring-ical-events`` computes within ``span``.

    Raises:
        TypeError: recurring-ical-events 3.8 cannot compute a reminder of an all-day event:
            it adds the TRIGGER to a date (losing the hours) and then fails setting the
            TRIGGER to that date ("Use datetime or timedelta, not date"; upstream issue
            niccokunzmann/python-recurring-ical-events#234, for every relative trigger).
    """
    import icalendar
    import recurring_ical_events

    query = recurring_ical_events.of(icalendar.Calendar.from_ical(data), components=["VALARM"])
    fired: list[tuple[str, datetime.datetime]] = []
    for component in query.between(*span):
        for alarm in component.walk("VALARM"):
            fired.append((str(component["UID"]), alarm["TRIGGER"].dt))
    return sorted(fired)


# --------------------------------------------------------------------------------------------
# A real subscription: vdirsyncer + khal


@dataclasses.dataclass
class FeedServer:
    """A feed served on 127.0.0.1; ``requests`` records (method, path, headers) of each one."""

    url: str
    requests: list[tuple[str, str, dict[str, str]]]


@contextlib.contextmanager
def serve_feed(data: bytes, *, path: str = "/feed.ics") -> Iterator[FeedServer]:
    """Serves ``data`` at ``path`` on 127.0.0.1 (an ephemeral port) from a thread until exit.

    Sent as ``text/calendar; charset=utf-8`` with a strong ETag and a Last-Modified date, and
    answers ``If-None-Match`` with 304, as a static web server would.
    """
    with serve_feeds({path: data}) as server:
        yield FeedServer(url=server.url + path, requests=server.requests)


@contextlib.contextmanager
def serve_feeds(files: dict[str, bytes]) -> Iterator[FeedServer]:
    """Serves each of ``files`` (path -> bytes) on 127.0.0.1 as :func:`serve_feed` does.

    The server's ``url`` is its origin (``http://127.0.0.1:PORT``). ``files`` is read on each
    request, so a test may replace a feed (an edit a subscriber refreshes to) while it is served;
    the ETag follows the bytes.
    """
    requests: list[tuple[str, str, dict[str, str]]] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        # HTTP/1.0: one request per connection, so every handler thread ends with its response
        # and the server can join them all when it stops; a silent client times out.
        protocol_version = "HTTP/1.0"
        timeout = 10

        def do_GET(self) -> None:
            self._answer(body=True)

        def do_HEAD(self) -> None:
            self._answer(body=False)

        def _answer(self, *, body: bool) -> None:
            requests.append((self.command, self.path, dict(self.headers.items())))
            data = files.get(self.path.split("?", 1)[0])
            if data is None:
                self.send_error(404)
                return
            etag = '"' + hashlib.sha256(data).hexdigest()[:32] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", "Wed, 01 Jan 2025 00:00:00 GMT")
            self.end_headers()
            if body:
                self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep the test output clean; requests are recorded instead

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = False  # server_close() waits for the handler threads
    server.block_on_close = True
    thread = threading.Thread(target=server.serve_forever, name="feedcheck-server", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield FeedServer(url=f"http://{host!s}:{port}", requests=requests)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


_DATE_PROPERTY = re.compile(
    r"^(?:DTSTART|DTEND|RDATE|EXDATE|RECURRENCE-ID)[;:][^\r\n]*", re.IGNORECASE | re.MULTILINE
)


def feed_span(data: bytes) -> tuple[datetime.date, datetime.date]:
    """First and last day that any date in the feed names (a window for ``khal list``).

    When the feed has an RRULE, whose occurrences may go past every date it names, the window
    ends the day before :data:`HORIZON`, as the other views' expansions do. Only used to choose
    which days khal lists; it reads nothing else from the feed.
    """
    text = re.sub(r"\r?\n[ \t]", "", data.decode("utf-8", errors="replace"))
    days: list[datetime.date] = []
    for line in _DATE_PROPERTY.findall(text):
        value = line.split(":", 1)[1] if ":" in line else ""
        for match in re.finditer(r"(\d{4})(\d{2})(\d{2})", value):
            with contextlib.suppress(ValueError):
                days.append(datetime.date(*(int(part) for part in match.groups())))
    if not days:
        raise FeedCheckError("the feed names no dates: give subscribe_with_vdirsyncer_khal a span")
    if re.search(r"^RRULE[;:]", text, re.IGNORECASE | re.MULTILINE):
        return min(days), HORIZON - datetime.timedelta(days=1)
    return min(days), max(days)


def _tool_env(home: Path) -> dict[str, str]:
    """An environment that keeps the tools inside ``home`` and off every proxy."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key.lower() not in ("http_proxy", "https_proxy", "all_proxy", "no_proxy")
        and not key.startswith(("VDIRSYNCER_", "KHAL_", "XDG_"))
    }
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        NO_PROXY="127.0.0.1,localhost",
        no_proxy="127.0.0.1,localhost",
        LC_ALL="C.UTF-8",
        LANG="C.UTF-8",
        PYTHONIOENCODING="utf-8",
        PYTHONUTF8="1",
        TZ="UTC",
    )
    return env


def _check(result: subprocess.CompletedProcess[str], what: str) -> None:
    if result.returncode != 0:
        output = "\n".join(part for part in (result.stdout, result.stderr) if part.strip())
        raise FeedCheckError(f"{what} failed (exit {result.returncode}):\n{output.strip()}")


def vdirsyncer_uid_map(data: bytes) -> dict[str, str]:
    """vdirsyncer's UID for each item of the feed -> the feed's UID of that item.

    vdirsyncer's ``http`` storage ignores the feed's UIDs: it splits the feed into one item per
    UID and REPLACES each item's UID with a SHA-256 hash of the item's content (less UID, DTSTAMP,
    LAST-MODIFIED, CREATED, PRODID, METHOD and X-WR-CALNAME; SEQUENCE counts), so any change to
    an event's text or dates gives it a new identity; the vdir files and so khal only ever see
    that hash. This recomputes the hashes with vdirsyncer's own code on the same bytes, so the
    UIDs khal shows can be traced back to the feed's.
    """
    from vdirsyncer.vobject import (  # type: ignore[import-untyped]
        Item,
        split_collection,
    )

    mapping: dict[str, str] = {}
    for raw in split_collection(data.decode("utf-8")):
        item = Item(raw)
        parsed = item.parsed
        uids = [
            component["UID"].strip()
            for component in (parsed.subcomponents if parsed is not None else [])
            if "UID" in component
        ]
        if uids:
            mapping[item.hash] = uids[0]
    return mapping


def subscribe_with_vdirsyncer_khal(
    data: bytes,
    tmp_path: Path,
    *,
    span: tuple[datetime.date, datetime.date] | None = None,
    feed_uids: bool = True,
) -> list[SeenEvent]:
    """What a real subscription shows: vdirsyncer syncs the served feed, khal lists it.

    The feed is served on 127.0.0.1 (:func:`serve_feed`); vdirsyncer's ``http`` storage (the
    subscribing side) syncs it into a ``filesystem`` vdir with ``vdirsyncer discover`` and
    ``vdirsyncer sync``; ``khal list`` lists every event from ``span`` (default: the
    first to the last date the feed names, see :func:`feed_span`) as JSON. Configuration, vdir,
    status, khal's database and HOME all live under ``tmp_path``.

    khal's ``end-date`` of an all-day event is INCLUSIVE (its ``AllDayEvent.end`` is DTEND minus
    one day: a one-day event on 3 Feb shows ``2025-02-03``); one day is added back so ``end`` is
    the exclusive DTEND as in the feed. khal treats DTEND equal to DTSTART as a one-day event,
    so such an event comes back with ``end`` one day after ``start``. khal strips the
    description and cannot tell an empty one from none.

    The UIDs khal shows are vdirsyncer's content hashes, never the feed's (see
    :func:`vdirsyncer_uid_map`). With ``feed_uids`` (the default) each is traced back to the
    feed's UID of the item vdirsyncer stored; a hash that matches no item of the feed is left
    as it is, so it shows up as a difference. ``feed_uids=False`` returns khal's UIDs verbatim.
    """
    vdirsyncer = require_tool("vdirsyncer")
    khal = require_tool("khal")
    first, last = span if span is not None else feed_span(data)
    home = tmp_path / "home"
    vdir = tmp_path / "vdir"
    status = tmp_path / "vdirsyncer-status"
    for folder in (home, vdir, status):
        folder.mkdir(parents=True, exist_ok=True)
    env = _tool_env(home)

    with serve_feed(data) as server:
        vdirsyncer_config = tmp_path / "vdirsyncer.conf"
        vdirsyncer_config.write_text(
            "[general]\n"
            f"status_path = {json.dumps(str(status) + '/')}\n"
            "\n"
            "[pair feed]\n"
            'a = "feed_remote"\n'
            'b = "feed_local"\n'
            "collections = null\n"
            'conflict_resolution = "a wins"\n'
            "\n"
            "[storage feed_remote]\n"
            'type = "http"\n'
            f"url = {json.dumps(server.url)}\n"
            "\n"
            "[storage feed_local]\n"
            'type = "filesystem"\n'
            f"path = {json.dumps(str(vdir) + '/')}\n"
            'fileext = ".ics"\n',
            encoding="utf-8",
        )
        for command in ("discover", "sync"):
            result = _run([vdirsyncer, "-c", str(vdirsyncer_config), command, "feed"], env=env)
            _check(result, f"vdirsyncer {command}")
            if "error:" in result.stderr.lower():
                raise FeedCheckError(f"vdirsyncer {command} reported errors:\n{result.stderr}")
        if not any(method == "GET" for method, _, _ in server.requests):
            raise FeedCheckError("vdirsyncer never fetched the feed")

    khal_config = tmp_path / "khal.conf"
    khal_config.write_text(
        "[calendars]\n"
        "[[feed]]\n"
        f"path = {vdir}/\n"
        "type = calendar\n"
        "\n"
        "[locale]\n"
        "local_timezone = UTC\n"
        "default_timezone = UTC\n"
        "timeformat = %H:%M\n"
        "dateformat = %Y-%m-%d\n"
        "longdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\n"
        "longdatetimeformat = %Y-%m-%d %H:%M\n"
        "firstweekday = 0\n"
        "\n"
        "[sqlite]\n"
        f"path = {tmp_path / 'khal.db'}\n",
        encoding="utf-8",
    )
    fields = ("uid", "title", "description", "start-date", "end-date", "all-day")
    # Not --once: it keeps one event per UID, which would hide all but one occurrence of a
    # recurring event. Without it khal prints an event on every day it covers; the copies are
    # folded below, so each event (or occurrence) is listed once.
    argv = [khal, "-c", str(khal_config), "list", "--day-format", ""]
    for field in fields:
        argv += ["--json", field]
    argv += [first.isoformat(), (last + datetime.timedelta(days=1)).isoformat()]
    result = _run(argv, env=env)
    _check(result, "khal list")

    uids = vdirsyncer_uid_map(data) if feed_uids else {}
    seen: dict[SeenEvent, None] = {}  # ordered, without the per-day copies
    for line in result.stdout.splitlines():
        if not line.strip():
            continue
        for item in json.loads(line):
            all_day = item["all-day"] == "True"
            start = datetime.date.fromisoformat(item["start-date"])
            end = datetime.date.fromisoformat(item["end-date"])
            if all_day:
                end += datetime.timedelta(days=1)  # khal's inclusive end -> the exclusive DTEND
            event = SeenEvent(
                uid=uids.get(item["uid"], item["uid"]),
                summary=item["title"],
                start=start,
                end=end,
                description=item["description"] or None,
                all_day=all_day,
            )
            seen[event] = None
    return list(seen)


# --------------------------------------------------------------------------------------------
# A real subscription: headless Thunderbird

THUNDERBIRD_SCRIPT = JS_DIR / "thunderbird_subscribe.js"
#: Seconds one Thunderbird run may take, from start to the end of the last listing.
THUNDERBIRD_TIMEOUT = 180.0
#: The preferences of the throwaway profile: a quiet start without an account, the calendar in
#: UTC (so an all-day event's midnight and reminders are the same naive times as the other
#: views'), no proxy, and Marionette on a port of its choosing (written to the profile's
#: MarionetteActivePort file; it listens on 127.0.0.1 only).
THUNDERBIRD_PREFS: dict[str, bool | int | str] = {
    "marionette.port": 0,
    "calendar.timezone.local": "UTC",
    "calendar.timezone.useSystemTimezone": False,
    "calendar.alarms.show": False,
    "calendar.alarms.showmissed": False,
    "mail.provider.suppress_dialog_on_startup": True,
    "mail.shell.checkDefaultClient": False,
    "mailnews.start_page.enabled": False,
    "app.update.disabledForTesting": True,
    "datareporting.policy.dataSubmissionEnabled": False,
    "toolkit.telemetry.reportingpolicy.firstRun": False,
    "network.proxy.type": 0,
}


@dataclasses.dataclass(frozen=True)
class ThunderbirdCalendar:
    """One subscribed calendar as Thunderbird shows it, after one download."""

    id: str
    name: str  # the name Thunderbird gave the subscription
    events: list[SeenEvent]  # in the order Thunderbird listed them
    alarms: dict[str, list[datetime.datetime]]  # reminder times (naive, UTC) by UID
    errors: list[str]  # what Thunderbird reported (calIObserver.onError)


def require_thunderbird() -> str:
    """The Thunderbird to run: ``THIDUA_THUNDERBIRD`` or ``thunderbird`` on PATH.

    Without one the test fails when ``CI`` is set (``make test`` installs the Debian package
    ``thunderbird`` as root) and is skipped, saying why, otherwise.
    """
    override = os.environ.get("THIDUA_THUNDERBIRD")
    found = override or shutil.which("thunderbird")
    if found and (override is None or (os.path.isfile(found) and os.access(found, os.X_OK))):
        return found
    what = f"THIDUA_THUNDERBIRD={override} is not a program" if override else "not found"
    message = (
        f"headless Thunderbird is not installed ({what}): `make test` installs it as root "
        "(Debian: apt-get install thunderbird), or set THIDUA_THUNDERBIRD to a Thunderbird binary"
    )
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message + "; in CI this fails")


def thunderbird_version() -> str:
    """Thunderbird's version, as ``thunderbird --version`` prints it (e.g. ``153.8.0esr``)."""
    result = _run([require_thunderbird(), "--version"], env=_tool_env(Path(tempfile.gettempdir())))
    _check(result, "thunderbird --version")
    return result.stdout.strip().rsplit(" ", 1)[-1]


class _Marionette:
    """The few Marionette commands the harness needs, over its protocol (``LENGTH:JSON``)."""

    def __init__(self, port: int, deadline: float) -> None:
        self._deadline = deadline
        self._socket = socket.create_connection(("127.0.0.1", port), timeout=self._left())
        self._buffer = b""
        self._id = 0
        hello = self._receive()
        if not isinstance(hello, dict) or hello.get("marionetteProtocol") != 3:
            raise FeedCheckError(f"Thunderbird's Marionette answered {hello!r}")

    def _left(self) -> float:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise FeedCheckError(f"Thunderbird took more than {THUNDERBIRD_TIMEOUT:g} s")
        return left

    def _read(self) -> None:
        self._socket.settimeout(self._left())
        try:
            chunk = self._socket.recv(1 << 16)
        except TimeoutError as exc:
            raise FeedCheckError(f"Thunderbird took more than {THUNDERBIRD_TIMEOUT:g} s") from exc
        if not chunk:
            raise FeedCheckError("Thunderbird closed the Marionette connection")
        self._buffer += chunk

    def _receive(self) -> Any:
        while b":" not in self._buffer:
            self._read()
        size, _, rest = self._buffer.partition(b":")
        self._buffer = rest
        while len(self._buffer) < int(size):
            self._read()
        packet, self._buffer = self._buffer[: int(size)], self._buffer[int(size) :]
        return json.loads(packet)

    def call(self, command: str, parameters: dict[str, Any]) -> Any:
        self._id += 1
        body = json.dumps([0, self._id, command, parameters]).encode()
        self._socket.sendall(str(len(body)).encode() + b":" + body)
        kind, answer_id, error, result = self._receive()
        if kind != 1 or answer_id != self._id:
            raise FeedCheckError(f"Marionette answered {command} out of turn")
        if error:
            raise FeedCheckError(f"Thunderbird: {command}: {error.get('message', error)}")
        return result

    def close(self) -> None:
        self._socket.close()


def _thunderbird_date(value: str) -> datetime.date:
    return datetime.date(int(value[:4]), int(value[4:6]), int(value[6:8]))


def _thunderbird_calendar(item: dict[str, Any]) -> ThunderbirdCalendar:
    events: list[SeenEvent] = []
    alarms: dict[str, list[datetime.datetime]] = {}
    for event in item["events"]:
        start = _thunderbird_date(event["start"])
        events.append(
            SeenEvent(
                uid=event["uid"] or "",
                summary=event["summary"] or "",
                start=start,
                end=start if event["end"] is None else _thunderbird_date(event["end"]),
                description=event["description"] or None,
                all_day=bool(event["startIsDate"]),
            )
        )
        if event["alarms"]:
            alarms.setdefault(event["uid"], []).extend(
                datetime.datetime.strptime(t.removesuffix("Z"), "%Y%m%dT%H%M%S")
                for t in event["alarms"]
            )
    if item["status"]:
        raise FeedCheckError(
            f"Thunderbird could not read {item['uri']} (status 0x{item['status']:x}): "
            + "; ".join(item["errors"])
        )
    return ThunderbirdCalendar(
        id=item["id"],
        name=item["name"],
        events=events,
        alarms={uid: sorted(times) for uid, times in alarms.items()},
        errors=list(item["errors"]),
    )


def subscribe_with_thunderbird(
    feeds: dict[str, Iterable[bytes]],
) -> dict[str, list[ThunderbirdCalendar]]:
    """What headless Thunderbird shows after subscribing to each feed (and refreshing).

    ``feeds`` maps a file name (``thi-dua.ics``) to the versions of that feed, in order. Each
    feed is served on 127.0.0.1 at ``/NAME`` (:func:`serve_feeds`). One Thunderbird is started
    on a throwaway profile (``--headless -no-remote -profile``, :data:`THUNDERBIRD_PREFS`), and
    driven through Marionette (its chrome context, ``-remote-allow-system-access``) by
    ``tests/js/thunderbird_subscribe.js``: it subscribes to every feed's URL as its "On the
    Network" dialog does and lists the events it read; then, for each further version, the
    server is switched to it, every calendar is refreshed and listed again. The result maps
    each file name to one :class:`ThunderbirdCalendar` per version.

    Events are normalised as the other views' (recurrences expanded up to :data:`HORIZON`, the
    exclusive DTEND of an all-day event). The whole run is bounded by
    :data:`THUNDERBIRD_TIMEOUT`; Thunderbird's process group is killed and the profile deleted
    on the way out, whatever happened.
    """
    binary = require_thunderbird()
    versions = {name: list(datas) for name, datas in feeds.items()}
    if not versions or any(not datas for datas in versions.values()):
        raise FeedCheckError("subscribe_with_thunderbird needs at least one version per feed")
    rounds = max(len(datas) for datas in versions.values())
    files = {"/" + name: datas[0] for name, datas in versions.items()}
    script = THUNDERBIRD_SCRIPT.read_text(encoding="utf-8")
    span = ("19000101", HORIZON.strftime("%Y%m%d"))
    seen: dict[str, list[ThunderbirdCalendar]] = {name: [] for name in versions}
    deadline = time.monotonic() + THUNDERBIRD_TIMEOUT
    with (
        tempfile.TemporaryDirectory(prefix="feedcheck-thunderbird-") as folder,
        serve_feeds(files) as server,
    ):
        home = Path(folder)
        profile = home / "profile"
        profile.mkdir()
        (profile / "user.js").write_text(
            "".join(
                f"user_pref({json.dumps(k)}, {json.dumps(v)});\n"
                for k, v in THUNDERBIRD_PREFS.items()
            ),
            encoding="utf-8",
        )
        env = _tool_env(home)
        for key in ("DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY", "DBUS_SESSION_BUS_ADDRESS"):
            env.pop(key, None)
        env.update(MOZ_HEADLESS="1", MOZ_CRASHREPORTER_DISABLE="1")
        log = home / "thunderbird.log"
        with log.open("wb") as output:
            process = subprocess.Popen(
                [
                    binary,
                    "--headless",
                    "--marionette",
                    "-remote-allow-system-access",
                    "-no-remote",
                    "-profile",
                    str(profile),
                ],
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=home,
                start_new_session=True,
            )
        try:
            marionette = _marionette(process, profile, deadline, log)
            try:
                marionette.call("WebDriver:NewSession", {"capabilities": {}})
                marionette.call("Marionette:SetContext", {"value": "chrome"})
                timeout_ms = int(max(1.0, deadline - time.monotonic()) * 1000)
                marionette.call("WebDriver:SetTimeouts", {"script": timeout_ms})
                ids: dict[str, str] = {}
                for round_ in range(rounds):
                    names = list(versions)
                    if round_ == 0:
                        action, targets = "subscribe", [server.url + "/" + n for n in names]
                    else:
                        for name in names:
                            files["/" + name] = versions[name][min(round_, len(versions[name]) - 1)]
                        action, targets = "refresh", [ids[n] for n in names]
                    answer = marionette.call(
                        "WebDriver:ExecuteAsyncScript",
                        {"script": script, "args": [action, targets, *span]},
                    )["value"]
                    if answer["error"]:
                        raise FeedCheckError(f"Thunderbird: {answer['error'].strip()}")
                    for name, item in zip(names, answer["calendars"], strict=True):
                        calendar = _thunderbird_calendar(item)
                        ids[name] = calendar.id
                        if round_ < len(versions[name]):
                            seen[name].append(calendar)
                with contextlib.suppress(FeedCheckError, OSError):
                    marionette.call("Marionette:Quit", {"flags": ["eForceQuit"]})
            finally:
                marionette.close()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=min(15.0, max(0.1, deadline - time.monotonic())))
        finally:
            _kill_group(process)
    return seen


def _marionette(
    process: subprocess.Popen[bytes], profile: Path, deadline: float, log: Path
) -> _Marionette:
    """Waits for Thunderbird's Marionette port (MarionetteActivePort) and connects to it."""
    port_file = profile / "MarionetteActivePort"
    while not port_file.is_file() or not port_file.read_text(encoding="ascii").strip():
        if process.poll() is not None:
            tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
            raise FeedCheckError(f"Thunderbird exited ({process.returncode}) at start:\n{tail}")
        if time.monotonic() > deadline:
            raise FeedCheckError(f"Thunderbird did not start within {THUNDERBIRD_TIMEOUT:g} s")
        time.sleep(0.1)
    return _Marionette(int(port_file.read_text(encoding="ascii")), deadline)


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Ends Thunderbird and every process it started (its own process group), and reaps it."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def thunderbird_view(data: bytes) -> ThunderbirdCalendar:
    """What headless Thunderbird shows after subscribing to one feed (``feed.ics``)."""
    return subscribe_with_thunderbird({"feed.ics": [data]})["feed.ics"][0]


# --------------------------------------------------------------------------------------------
# All views


PARSERS: dict[str, Callable[[bytes], list[SeenEvent]]] = {
    "icalendar": parse_with_icalendar,
    "ical": parse_with_ical,
    "ical.js": parse_with_icaljs,
    "vobject": parse_with_vobject,
    "recurring-ical-events": parse_with_recurring_ical_events,
}


def all_views(data: bytes, tmp_path: Path) -> dict[str, list[SeenEvent]]:
    """Every view of the feed, by name, each in :func:`sorted_events` order."""
    views = {name: sorted_events(parse(data)) for name, parse in PARSERS.items()}
    views["vdirsyncer+khal"] = sorted_events(subscribe_with_vdirsyncer_khal(data, tmp_path))
    return views


def assert_all_views_show(
    data: bytes, tmp_path: Path, expected: Iterable[SeenEvent]
) -> dict[str, list[SeenEvent]]:
    """Asserts that every view shows exactly ``expected``; the message lists each difference."""
    want = sorted_events(expected)
    views = all_views(data, tmp_path)
    problems: list[str] = []
    for name, seen in views.items():
        if seen == want:
            continue
        missing = [event for event in want if event not in seen]
        extra = [event for event in seen if event not in want]
        problems.append(f"{name} shows {len(seen)} events, {len(want)} were meant:")
        problems += [f"  missing {event}" for event in missing]
        problems += [f"  unexpected {event}" for event in extra]
        if not missing and not extra:
            problems.append("  (the same events, with duplicates)")
    assert not problems, "\n".join(problems)
    return views
