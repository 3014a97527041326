"""Read an iCalendar feed from standard input with libical and print what it decodes, as JSON.

Run by tests/feedcheck.py under the system Python, which has libical's GObject bindings
(Debian: gir1.2-ical-3.0 python3-gi; installed by ``make test``). libical is the parser of
Evolution, GNOME Calendar and KDE's calendars; it has no binding on PyPI.
"""

import json
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402

CALENDAR = ("NAME", "X-WR-CALNAME", "DESCRIPTION", "X-WR-CALDESC")


def decoded(prop):
    """A property's value as libical decodes it: TEXT unescaped, X- values through get_x."""
    value = prop.get_value()
    if value is not None and value.isa() == ICalGLib.ValueKind.TEXT_VALUE:
        return value.get_text()
    x = prop.get_x()
    return x if x is not None else prop.get_value_as_string()


def main():
    root = ICalGLib.Component.new_from_string(sys.stdin.buffer.read().decode("utf-8"))
    if root is None:
        raise SystemExit("libical could not parse the feed")
    calendar = {}
    prop = root.get_first_property(ICalGLib.PropertyKind.ANY_PROPERTY)
    while prop is not None:
        name = prop.get_property_name()
        if name in CALENDAR and name not in calendar:
            calendar[name] = decoded(prop)
        prop = root.get_next_property(ICalGLib.PropertyKind.ANY_PROPERTY)
    events = []
    event = root.get_first_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)
    while event is not None:
        events.append(
            {
                "uid": event.get_uid(),
                "summary": event.get_summary(),
                "description": event.get_description(),
                "start": event.get_dtstart().as_ical_string(),
                "end": event.get_dtend().as_ical_string(),
            }
        )
        event = root.get_next_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)
    json.dump({"calendar": calendar, "events": events}, sys.stdout, ensure_ascii=False)


main()
