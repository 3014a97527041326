"""Speed of ``schedule(2026, plan)`` against one pass over the year's milestones, in one run.

A schedule needs the year's milestones once (for the entries, the phases' focus and the
followed days): milestones are computed once per catalogue and year and kept on the
catalogue. The ratio ``schedule / one milestone pass`` shows it (it was about 3 when each use
recomputed them). Garbage collector on, as in a user's process.

Run with ``make bench``.
"""

from __future__ import annotations

import statistics
import time

import thidua_calendar as tc
from thidua_calendar import _milestones
from thidua_calendar._data import example_plans


def main() -> None:
    plan = tc.load_plan(example_plans()["sample-2026.toml"])
    catalog = plan.catalog

    def one_pass() -> float:
        start = time.perf_counter()
        _milestones._year_of(catalog, 2025, tc.MissingDay.LAST_DAY)
        _milestones._year_of(catalog, 2026, tc.MissingDay.LAST_DAY)
        return time.perf_counter() - start

    def cold() -> float:
        catalog.computed.clear()
        start = time.perf_counter()
        tc.schedule(2026, plan)
        return time.perf_counter() - start

    def warm() -> float:
        start = time.perf_counter()
        tc.schedule(2026, plan)
        return time.perf_counter() - start

    passes, colds, warms = [], [], []
    for _ in range(15):
        catalog.computed.clear()
        passes.append(one_pass())
        colds.append(cold())
        warms.append(warm())
    base, first, again = (statistics.median(x) for x in (passes, colds, warms))
    print("schedule(2026, sample plan), medians of 15")
    print(f"  milestones of 2025 and 2026, once  {base * 1e3:8.2f} ms")
    print(f"  schedule, first call (cold)        {first * 1e3:8.2f} ms  = {first / base:.2f}x")
    print(f"  schedule, again (milestones kept)  {again * 1e3:8.2f} ms  = {again / base:.2f}x")


if __name__ == "__main__":
    main()
