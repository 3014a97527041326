"""Feed building against icalendar's own serialisation of the same events (the floor).

Both sides build ``icalendar`` components and serialise them; ours also writes the titles
and descriptions, the UIDs, fingerprints and reminders. Goal: at most 1.5x the floor.
Run with ``make bench``.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from icalendar import Calendar, Event

import thidua_calendar as tc
from thidua_calendar._data import example_plans

SAMPLE = example_plans()["sample-2026.toml"]


def best(func: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def floor_feed(rows: list[tuple[str, dt.date, dt.date, str, str, list[str]]]) -> bytes:
    """The floor: icalendar alone, with the same properties precomputed."""
    calendar = Calendar()
    calendar.add("prodid", "-//floor//floor//VI")
    calendar.add("version", "2.0")
    stamp = dt.datetime(2026, 11, 23, tzinfo=dt.UTC)
    for uid, start, end, summary, description, categories in rows:
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("last-modified", stamp)
        event.add("sequence", 0)
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("summary", summary, parameters={"LANGUAGE": "vi"})
        event.add("description", description, parameters={"LANGUAGE": "vi"})
        event.add("categories", categories)
        event.add("transp", "TRANSPARENT")
        event.add("class", "PUBLIC")
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def measure(label: str, schedule: tc.Schedule, repeat: int) -> None:
    rows = [
        (
            tc.event_uid(e.uid),
            e.start,
            e.end + dt.timedelta(days=1),
            e.title(),
            e.description(),
            [e.kind],
        )
        for e in schedule
    ]

    def build() -> bytes:
        return tc.build_feed(schedule, name="Bench", allow_large=True).data

    ours = best(build, repeat)
    size = len(build())
    floor = best(lambda: floor_feed(rows), repeat)
    print(
        f"{label:32} {len(schedule):6} events {size / 1e6:6.2f} MB  ours {ours:7.3f} s  "
        f"icalendar floor {floor:7.3f} s  ratio {ours / floor:4.2f}x (goal <= 1.5x)"
    )


def main() -> None:
    start = time.perf_counter()
    everything = tc.schedule((1901, 2199))
    built = time.perf_counter() - start
    print(f"schedule 1901-2199: {len(everything)} entries in {built:.2f} s")
    measure("catalogue feed 1901-2199", everything, 1)
    measure("two-year plan feed 2026-2027", tc.schedule((2026, 2027), SAMPLE), 5)


if __name__ == "__main__":
    main()
