"""Speed of the lunar engine against lunardate (and vnlunar, if installed), in one run.

Prints per-call times and ratios (how many times faster thidua-calendar is), measured with the
garbage collector on, as in a user's process. Goals: at least 10x lunardate per call, 30x in
bulk; ``import thidua_calendar`` at most 1.3x ``import attrs``.

Run with ``make bench``.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import random
import subprocess
import sys
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

import thidua_calendar as tc

FIRST, LAST = dt.date(1900, 1, 31), dt.date(2099, 12, 31)


def best_per_call(
    func: Callable[[], object], calls: int, repeat: int = 5, *, gc_on: bool = True
) -> float:
    """Best time of one call of ``func`` (which itself makes ``calls`` calls).

    The garbage collector stays on, as in a user's process (``timeit`` turns it off unless
    its setup turns it on again); ``gc_on=False`` measures the way ``timeit`` does by default.
    """
    setup = "import gc; gc.enable()" if gc_on else "pass"
    return min(timeit.repeat(func, setup=setup, number=1, repeat=repeat)) / calls


def sample_dates(count: int) -> list[dt.date]:
    rng = random.Random(20260101)  # fixed seed: the same dates every run
    span = LAST.toordinal() - FIRST.toordinal()
    return [dt.date.fromordinal(FIRST.toordinal() + rng.randrange(span)) for _ in range(count)]


def import_cost(statement: str) -> int:
    """Best total import time (sum of self times, microseconds) over 7 fresh interpreters."""
    src = str(Path(__file__).resolve().parent.parent / "src")
    best = None
    for _ in range(7):
        out = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", statement],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONPATH": src},
        ).stderr
        # Sum the *self* times (first column): the cumulative column counts nested imports
        # again at every level.
        total = sum(
            int(line.split("|")[0].removeprefix("import time:"))
            for line in out.splitlines()
            if line.startswith("import time:") and line.split("|")[0][12:].strip().isdigit()
        )
        best = total if best is None else min(best, total)
    assert best is not None
    return best


def main() -> None:
    rows: list[tuple[str, str, float, float]] = []
    dates = sample_dates(20000)
    lunars = [tc.to_lunar(d) for d in dates]
    labels = [(x.year, x.month, x.day, x.leap) for x in lunars]
    tc.to_lunar(FIRST, tc.CHINA)  # load tables before timing

    ours_s2l = best_per_call(lambda: [tc.to_lunar(d) for d in dates], len(dates))
    ours_l2s = best_per_call(lambda: [tc.to_solar(*label) for label in labels], len(labels))
    days = LAST.toordinal() - FIRST.toordinal() + 1
    ours_bulk = best_per_call(lambda: tc.lunar_dates(FIRST, LAST), days, 3)
    ours_bulk_off = best_per_call(lambda: tc.lunar_dates(FIRST, LAST), days, 3, gc_on=False)
    ours_to_solar = best_per_call(lambda: [x.to_solar() for x in lunars], len(lunars))
    ours_made_to_solar = best_per_call(
        lambda: [tc.LunarDate(*label).to_solar() for label in labels], len(labels)
    )
    ours_pairs = best_per_call(lambda: list(tc.iter_lunar_dates(FIRST, LAST)), days, 3)

    # name -> (solar to lunar, lunar to solar, the label its solar-to-lunar result stands for)
    alternatives: dict[
        str,
        tuple[
            Callable[[dt.date], Any],
            Callable[[int, int, int, bool], object],
            Callable[[Any], tuple[int, int, int, bool]],
        ],
    ] = {}
    if importlib.util.find_spec("lunardate"):
        from lunardate import LunarDate as LunarDateLD

        alternatives["lunardate"] = (
            lambda d: LunarDateLD.from_solar_date(d.year, d.month, d.day),
            lambda y, m, d, leap: LunarDateLD(y, m, d, leap).to_solar_date(),
            lambda x: (x.year, x.month, x.day, bool(x.is_leap_month)),
        )
    if importlib.util.find_spec("vnlunar"):
        import vnlunar

        alternatives["vnlunar"] = (
            lambda d: vnlunar.get_lunar_date(d.day, d.month, d.year),
            lambda y, m, d, leap: vnlunar.get_solar_date(d, m, y, int(leap)),
            lambda x: (x["year"], x["month"], x["day"], bool(x["leap"])),
        )
    every = [dt.date.fromordinal(o) for o in range(FIRST.toordinal(), LAST.toordinal() + 1)]
    few = dates[:2000]
    for name, (s2l, l2s, label_of) in alternatives.items():
        few_labels = [label_of(s2l(d)) for d in few]  # labels valid in their own calendar

        def their_solar_to_lunar(s2l: Callable[[dt.date], Any] = s2l) -> None:
            for d in few:
                s2l(d)

        def their_lunar_to_solar(
            l2s: Callable[[int, int, int, bool], object] = l2s,
            labels: list[tuple[int, int, int, bool]] = few_labels,
        ) -> None:
            for label in labels:
                l2s(*label)

        def their_bulk(s2l: Callable[[dt.date], Any] = s2l) -> None:
            for d in every:
                s2l(d)

        their_s2l = best_per_call(their_solar_to_lunar, len(few), 3)
        their_l2s = best_per_call(their_lunar_to_solar, len(few_labels), 3)
        their_all = best_per_call(their_bulk, len(every), 1)
        rows += [
            ("solar -> lunar, per call", name, ours_s2l, their_s2l),
            ("lunar -> solar, per call", name, ours_l2s, their_l2s),
            ("every day 1900-2099 (bulk)", name, ours_bulk, their_all),
        ]

    print(f"thidua-calendar {tc.__version__}, Python {sys.version.split()[0]}")
    print(f"  solar -> lunar      {ours_s2l * 1e6:8.3f} us/call")
    print(f"  lunar -> solar      {ours_l2s * 1e6:8.3f} us/call")
    print(f"  bulk, per day       {ours_bulk * 1e6:8.3f} us/day ({days} days, lunar_dates)")
    print(f"  bulk, gc off        {ours_bulk_off * 1e6:8.3f} us/day (as timeit measures)")
    print(f"  LunarDate.to_solar  {ours_to_solar * 1e6:8.3f} us/call (already validated)")
    print(
        f"  LunarDate(...).to_solar() {ours_made_to_solar * 1e6:8.3f} us/call = "
        f"{ours_made_to_solar / ours_l2s:.2f}x to_solar(...) (validated once)"
    )
    print(f"  bulk with dates     {ours_pairs * 1e6:8.3f} us/day (iter_lunar_dates pairs)")
    print()
    print(f"{'benchmark':28} {'against':10} {'ours':>12} {'theirs':>12} {'ratio':>8}")
    for what, name, ours, theirs in rows:
        print(
            f"{what:28} {name:10} {ours * 1e6:9.3f} us {theirs * 1e6:9.3f} us {theirs / ours:7.1f}x"
        )
    ours_import = import_cost("import thidua_calendar")
    attrs_import = import_cost("import attrs")
    print()
    print(
        f"import thidua_calendar {ours_import} us, import attrs {attrs_import} us: "
        f"{ours_import / attrs_import:.2f}x (goal <= 1.3x)"
    )


if __name__ == "__main__":
    main()
