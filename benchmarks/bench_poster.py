"""The poster with very long texts: fitting a plan title to its lines stays linear.

A plan title longer than three lines ends in "…" on the third. The fitting once dropped one
character at a time and measured the whole text again each time (quadratic: 32 000 characters
took about a minute); it now adds up the character widths once and finds the cut by bisection.
This prints, for 1 000 and 32 000 characters, the time of the fitting alone, beside the old
rule where it finishes in reasonable time, and of a whole poster whose plan title or
organisation is that long. Garbage collector on, as in a user's process.

Run with ``make bench`` or ``python benchmarks/bench_poster.py``.
"""

from __future__ import annotations

import functools
import statistics
import time
from collections.abc import Callable

import thidua_calendar as tc
from thidua_calendar.poster import ellipsis, render_poster, text_width

WIDTH = 2794  # a line of the poster (tenths of a millimetre)
SIZE = 26  # the plan title's font size
UNIT = "Kế hoạch phát động phong trào thi đua lao động giỏi năm 2026 của Công đoàn cơ sở "


def ellipsis_by_dropping(text: str, size: float, width: float) -> str:
    """The old rule: drop the last character until the text and "…" fit (quadratic)."""
    while text and text_width(text + "…", size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def median_ms(func: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def text_of(length: int) -> str:
    return (UNIT * (length // len(UNIT) + 1))[:length]


def plan_with(title: str, organisation: str) -> tc.Plan:
    return tc.parse_plan(
        f'[plan]\ntitle = "{title}"\norganisation = "{organisation}"\nyear = 2026\n'
    )


def main() -> None:
    print("poster: fitting a long text in one line with “…” (medians)")
    for length in (1_000, 32_000):
        text = text_of(length)
        fit = median_ms(functools.partial(ellipsis, text, SIZE, WIDTH), repeat=7)
        line = f"  {length:6,} characters: ellipsis {fit:8.2f} ms"
        if length <= 1_000:  # the old rule takes about a minute on 32 000 characters
            old = median_ms(functools.partial(ellipsis_by_dropping, text, SIZE, WIDTH), repeat=3)
            line += f"   (dropping characters: {old:8.2f} ms, {old / fit:.0f}x)"
        print(line)
    print("poster: a whole poster (render_poster, SVG) with a long plan title or organisation")
    for length in (1_000, 32_000):
        text = text_of(length)
        for what, plan in (
            ("title", plan_with(text, "Công đoàn cơ sở")),
            ("organisation", plan_with("Kế hoạch thi đua năm 2026", text)),
        ):
            schedule = tc.schedule(2026, plan)
            ms = median_ms(functools.partial(render_poster, schedule), repeat=3)
            print(f"  {length:6,}-character {what:<12} {ms:8.1f} ms")


if __name__ == "__main__":
    main()
