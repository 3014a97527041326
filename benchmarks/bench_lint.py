"""Checking a plan document of about 1 MB: realistic plan text, repeated. Goal: under 1 second.

The document is the test drafts of tests/data/lint/ (and the seed plans when the shared
folder is there) repeated to 1 MB, so every extractor and check runs on text like the real
thing, mistakes included. A second series runs pathological inputs (one long line, or one
short line many times: a statement, a window or a label on each) to show that the time stays
linear (no regular expression backtracks); each is timed best of three, and the
worst rate is printed with the machine's load (figures from a busy machine run high). Run
with ``make bench`` or ``python benchmarks/bench_lint.py``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from thidua_calendar.lint import check_text

ROOT = Path(__file__).resolve().parent.parent
# The shared folder sits beside the checkout (or beside the folder of its worktrees).
SEEDS = next(
    (p / "shared" / "seeds" for p in ROOT.parents if (p / "shared" / "seeds").is_dir()),
    ROOT.parent / "shared" / "seeds",
)
SOURCES = [
    *sorted((ROOT / "tests" / "data" / "lint").iterdir()),
    *sorted(SEEDS.glob("*.txt")),
]
MEGABYTE = 1_000_000


def best(func: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def document(size: int) -> str:
    """Realistic plan text repeated to about ``size`` bytes of UTF-8."""
    unit = "\n\n".join(p.read_text(encoding="utf-8") for p in SOURCES if p.is_file()) + "\n\n"
    return unit * (size // len(unit.encode("utf-8")) + 1)


def main() -> None:
    text = document(MEGABYTE)
    megabytes = len(text.encode("utf-8")) / MEGABYTE
    lines = text.count("\n") + 1
    report = check_text(text, year=2020)
    counts = len(report.anniversaries), len(report.phases), len(report.findings)
    # Nothing is kept alive from one timing to the next: every record alive is walked by each
    # full run of the garbage collector, so a report kept from another input would be timed
    # with this one.
    del report
    seconds = best(lambda: check_text(text, year=2020), repeat=3)
    verdict = "ok" if seconds < 1 else "SLOWER THAN THE 1 s GOAL"
    print(
        f"lint: {megabytes:.2f} MB, {lines} lines in {seconds:.3f} s "
        f"({seconds / megabytes:.3f} s/MB) — {counts[0]} anniversaries, "
        f"{counts[1]} phases, {counts[2]} findings [{verdict}]"
    )
    pathological = {
        "“5 năm ” × 50 000 on one line": "5 năm " * 50_000,
        "“75 năm CM tháng Tám và ” × 10 000": "75 năm Cách mạng tháng Tám và " * 10_000,
        "“Đại hội lần thứ X ” × 20 000": "Đại hội lần thứ X " * 20_000,
        "“từ tháng ” × 50 000": "từ tháng " * 50_000,
        "“1/1/2020 - ” × 30 000": "1/1/2020 - " * 30_000,
        "200 000 one-letter lines": "a\n" * 200_000,
        "“Từ 1/1 đến 2/2” × 100 000 lines": "Từ 1/1 đến 2/2\n" * 100_000,
        "“Đợt 1” × 100 000 lines": "Đợt 1\n" * 100_000,
        "“kỷ niệm 5 ” × 50 000": "kỷ niệm 5 " * 50_000,
        # 10 000 labelled phases, each overlapping the one before: 9 999 findings.
        "“Đợt 1 từ 1/1 đến 2/2” × 10 000 lines": "Đợt 1 từ 1/1 đến 2/2\n" * 10_000,
    }
    # Best of three, like the document above: one run on a busy machine says little.
    worst = seconds / megabytes
    for label, sample in pathological.items():
        seconds = best(lambda sample=sample: check_text(sample, year=2020), repeat=3)  # type: ignore[misc]
        size = len(sample.encode("utf-8")) / MEGABYTE
        worst = max(worst, seconds / size)
        print(f"  {label}: {size:.2f} MB in {seconds:.3f} s ({seconds / size:.2f} s/MB)")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    print(f"  worst: {worst:.2f} s/MB (goal 1 s/MB); load average {load} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
