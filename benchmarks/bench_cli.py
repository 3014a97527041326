"""Start-up cost of the command line, as whole processes, against ``python -c "import attrs"``.

A user feels the command line as the time from pressing Enter to the prompt coming back, so
each command runs as a fresh process, exactly as the ``thidua-calendar`` entry point runs it
(``from thidua_calendar.cli import main; sys.exit(main())``). Runs are interleaved (one of
each command per round) so that a busy machine slows every command alike, and the medians
are compared with the median of ``python -c "import attrs"``. Goal: ``tet`` and ``convert``
at most 1.5x that baseline.

Run with ``make bench`` or ``python benchmarks/bench_cli.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

SRC = str(Path(__file__).resolve().parent.parent / "src")
ENTRY_POINT = "import sys; from thidua_calendar.cli import main; sys.exit(main())"
GOAL = 1.5

BASELINE = 'python -c "import attrs"'
# label -> (the arguments after the interpreter, whether the goal applies)
COMMANDS: dict[str, tuple[list[str], bool]] = {
    BASELINE: (["-c", "import attrs"], False),
    "thidua-calendar tet 2025": (["-c", ENTRY_POINT, "tet", "2025"], True),
    "thidua-calendar convert 2025-01-29": (["-c", ENTRY_POINT, "convert", "2025-01-29"], True),
    "thidua-calendar --help": (["-c", ENTRY_POINT, "--help"], False),
}


def run_once(arguments: list[str]) -> float:
    """Wall-clock seconds of one fresh interpreter running ``arguments``."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, *arguments],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
        env={"PYTHONPATH": SRC},
    )
    return time.perf_counter() - start


def medians(runs: int) -> dict[str, float]:
    """The median time of each command over ``runs`` interleaved rounds (after one warm-up)."""
    times: dict[str, list[float]] = {label: [] for label in COMMANDS}
    for arguments, _ in COMMANDS.values():
        run_once(arguments)  # warm the file-system cache and the bytecode caches
    for _ in range(runs):
        for label, (arguments, _) in COMMANDS.items():
            times[label].append(run_once(arguments))
    return {label: statistics.median(values) for label, values in times.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="rounds (at least 15; default 21)")
    args = parser.parse_args(argv)
    if args.runs < 15:
        parser.error("--runs must be at least 15")
    result = medians(args.runs)
    base = result[BASELINE]
    print(f"command line start-up, Python {sys.version.split()[0]}, median of {args.runs} runs")
    print(f"{'command':38} {'median':>10} {'ratio':>8}")
    for label, (_, goal) in COMMANDS.items():
        ratio = result[label] / base
        verdict = ""
        if goal:
            verdict = f"  (goal <= {GOAL}x)" if ratio <= GOAL else f"  SLOWER THAN THE {GOAL}x GOAL"
        print(f"{label:38} {result[label] * 1e3:7.1f} ms {ratio:7.2f}x{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
