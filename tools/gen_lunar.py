"""Generate the lunar month tables in ``data/lunar/`` from astronomy.

Run ``make tables`` (``python tools/gen_lunar.py --write``) to regenerate; ``--check`` exits 1
when the committed tables differ from a fresh run (the test suite does the same).

The rules (docs/lunar-calendar.md):

- a month starts on the local civil day that contains the new moon;
- the month containing the day of the December solstice is month 11;
- when 13 months lie between two months 11, the first month after month 11 that contains no
  major solar term (trung khí, a multiple of 30° of solar longitude) is the leap month and
  takes the number of the month before it;
- the local time that decides the day depends on the variant and, for ``vietnam``, on the
  lunar year: UTC+7 from 1968 (Decision 121-CP of 1967), UTC+8 for 1929-1967 (the Chinese
  calendar), Beijing local mean time (116°25′E, UTC+7:45:40) before 1929.

Months whose new moon falls within ``PROVISIONAL_SECONDS`` of the deciding local midnight are
marked provisional. Hand corrections, each with its provenance, come from
``data/lunar/corrections.toml``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import sys
import tomllib
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import astro

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "data" / "lunar"
CORRECTIONS = OUT_DIR / "corrections.toml"

FIRST_YEAR = 1900
LAST_YEAR = 2199
# A month is provisional when its new moon falls this close to the deciding local midnight:
# two minutes where ΔT is a prediction (years after OBSERVED_UNTIL), and the error bound of the
# series themselves (Meeus: new moons to about 20 s) where ΔT has been observed.
PROVISIONAL_SECONDS = 120.0
PROVISIONAL_SECONDS_OBSERVED = 30.0
OBSERVED_UNTIL = 2025
BEIJING_LMT = 7 + 45 / 60 + 40 / 3600  # 116°25′E / 15 = 7 h 45 min 40 s

Offset = Callable[[int], float]


def historical_offset(lunar_year: int) -> float:
    """The UTC offset in hours that decides days in the historical Vietnamese calendar."""
    if lunar_year >= 1968:
        return 7.0
    if lunar_year >= 1929:
        return 8.0
    return BEIJING_LMT


VARIANTS: dict[str, tuple[Offset, str]] = {
    "vietnam": (
        historical_offset,
        "UTC+7 from lunar year 1968; UTC+8 for 1929-1967; Beijing local mean time "
        "(116°25'E, UTC+7:45:40) before 1929",
    ),
    "vietnam-utc7": (lambda _year: 7.0, "UTC+7 for every year (proleptic)"),
    "china": (
        lambda year: 8.0 if year >= 1929 else BEIJING_LMT,
        "UTC+8 from lunar year 1929, Beijing local mean time (UTC+7:45:40) before, as Chinese "
        "almanacs and lunardate compute it",
    ),
}


@dataclass
class Month:
    """One generated month."""

    year: int
    month: int
    leap: bool
    start: dt.date
    new_moon_ut: float
    provisional: bool = False

    @property
    def label(self) -> str:
        """``4`` or ``leap4``."""
        return f"leap{self.month}" if self.leap else str(self.month)


def _jd(year: int, month: int, day: int) -> float:
    return astro.utc_to_jd(dt.datetime(year, month, day))


def _seconds_from_midnight(jd_ut: float, offset: float) -> float:
    """Signed distance in seconds from the nearest local midnight."""
    frac = (jd_ut + 0.5 + offset / 24) % 1.0
    seconds = frac * 86400
    return seconds if seconds < 43200 else seconds - 86400


def months_for_offset(offset: float, first_year: int, last_year: int) -> list[Month]:
    """Every month of lunar years ``first_year``..``last_year`` with one fixed UTC offset."""
    k_first = astro.lunation_near(_jd(first_year - 1, 10, 1))
    k_last = astro.lunation_near(_jd(last_year + 3, 3, 1))
    moons = [astro.new_moon_ut(k) for k in range(k_first, k_last + 1)]
    starts = [astro.local_date(jd, offset) for jd in moons]
    ordinals = [d.toordinal() for d in starts]

    def term_day(longitude: float, year: int) -> int:
        guess = _jd(year, 3, 20) + (longitude % 360) / 360 * 365.2422
        return astro.local_date(astro.solar_longitude_ut(longitude, guess), offset).toordinal()

    major_terms = sorted(
        term_day(30.0 * i, year) for year in range(first_year - 1, last_year + 3) for i in range(12)
    )

    def has_major_term(i: int) -> bool:
        pos = bisect_right(major_terms, ordinals[i] - 1)
        return pos < len(major_terms) and major_terms[pos] < ordinals[i + 1]

    def month11(gregorian_year: int) -> int:
        solstice = term_day(270.0, gregorian_year)
        return bisect_right(ordinals, solstice) - 1

    result: list[Month] = []
    for year in range(first_year - 1, last_year + 2):
        a, b = month11(year), month11(year + 1)
        leap_at = -1
        if b - a == 13:
            leap_at = next(i for i in range(a + 1, b) if not has_major_term(i))
        elif b - a != 12:
            raise RuntimeError(f"{b - a} months between the solstices of {year} and {year + 1}")
        number = 10
        for i in range(a, b):
            is_leap = i == leap_at
            if not is_leap:
                number = number % 12 + 1
            lunar_year = year if number >= 11 else year + 1
            result.append(Month(lunar_year, number, is_leap, starts[i], moons[i]))
    return [m for m in result if first_year <= m.year <= last_year + 1]


@dataclass
class Correction:
    """A hand correction from ``data/lunar/corrections.toml``."""

    calendars: list[str]
    lunar_year: int
    month: int
    leap: bool
    start: dt.date
    computed: dt.date
    reason: str
    source: str


def load_corrections(path: Path = CORRECTIONS) -> list[Correction]:
    """Read the hand corrections."""
    with path.open("rb") as f:
        data = tomllib.load(f)
    return [
        Correction(
            calendars=list(c["calendars"]),
            lunar_year=int(c["lunar_year"]),
            month=int(c["month"]),
            leap=bool(c["leap"]),
            start=dt.date.fromisoformat(c["start"]),
            computed=dt.date.fromisoformat(c["computed"]),
            reason=str(c["reason"]),
            source=str(c["source"]),
        )
        for c in data["correction"]
    ]


def generate(key: str, corrections: list[Correction]) -> list[Month]:
    """All months of a variant for lunar years FIRST_YEAR..LAST_YEAR + 1."""
    offset_of, _ = VARIANTS[key]
    offsets = sorted({offset_of(y) for y in range(FIRST_YEAR, LAST_YEAR + 2)})
    by_offset = {o: months_for_offset(o, FIRST_YEAR, LAST_YEAR) for o in offsets}
    months: list[Month] = []
    for year in range(FIRST_YEAR, LAST_YEAR + 2):
        months.extend(m for m in by_offset[offset_of(year)] if m.year == year)
    for m in months:
        distance = _seconds_from_midnight(m.new_moon_ut, offset_of(m.year))
        limit = PROVISIONAL_SECONDS if m.year > OBSERVED_UNTIL else PROVISIONAL_SECONDS_OBSERVED
        m.provisional = abs(distance) < limit
    for c in corrections:
        if key not in c.calendars:
            continue
        target = next(
            (m for m in months if (m.year, m.month, m.leap) == (c.lunar_year, c.month, c.leap)),
            None,
        )
        if target is None or target.start != c.computed:
            found = target.start if target else "no such month"
            raise RuntimeError(
                f"correction {c.lunar_year} m{c.month}: astronomy now gives {found}, "
                f"the correction expects {c.computed}; review data/lunar/corrections.toml"
            )
        target.start = c.start
    for prev, nxt in itertools.pairwise(months):
        if (nxt.start - prev.start).days not in (29, 30):
            raise RuntimeError(
                f"month {prev.year}/{prev.label} would have {(nxt.start - prev.start).days} days"
            )
    return months


def render(key: str, months: list[Month], corrections: list[Correction]) -> str:
    """The table text of a variant."""
    _, description = VARIANTS[key]
    lines = [
        f"# Lunar month table, calendar variant {key!r}: {description}.",
        "# Generated by tools/gen_lunar.py from astronomy (Meeus new moons and VSOP87 solar",
        "# longitudes, Espenak-Meeus Delta T). DO NOT EDIT: regenerate with `make tables`.",
        "# Columns: lunar_year first_day leap_month month_lengths provisional_months",
        "#   month_lengths: L = 30 days, S = 29 days; the leap month follows the month it repeats",
        f"#   provisional: new moon within {PROVISIONAL_SECONDS:.0f} s of the deciding local "
        f"midnight after {OBSERVED_UNTIL} ({PROVISIONAL_SECONDS_OBSERVED:.0f} s until then; "
        "'-' for none)",
    ]
    applied = [c for c in corrections if key in c.calendars]
    for c in applied:
        lines.append(
            f"# Hand correction: {c.lunar_year} month {c.month}{' (leap)' if c.leap else ''} "
            f"starts {c.start.isoformat()} (astronomy: {c.computed.isoformat()}); "
            "see data/lunar/corrections.toml"
        )
    by_year: dict[int, list[Month]] = {}
    for m in months:
        by_year.setdefault(m.year, []).append(m)
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        ms = by_year[year]
        following = by_year[year + 1][0].start
        ends = [m.start for m in ms[1:]] + [following]
        lengths = "".join(
            "L" if (e - m.start).days == 30 else "S" for m, e in zip(ms, ends, strict=True)
        )
        leap = next((m.month for m in ms if m.leap), 0)
        marks = ",".join(m.label for m in ms if m.provisional) or "-"
        lines.append(f"{year} {ms[0].start.isoformat()} {leap} {lengths} {marks}")
    return "\n".join(lines) + "\n"


def render_all() -> dict[str, str]:
    """The text of every table, keyed by file name."""
    corrections = load_corrections()
    return {f"{key}.txt": render(key, generate(key, corrections), corrections) for key in VARIANTS}


def main(argv: list[str] | None = None) -> int:
    """Command line: ``--write`` the tables or ``--check`` them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="write the tables")
    mode.add_argument("--check", action="store_true", help="exit 1 if the tables are stale")
    args = parser.parse_args(argv)
    stale = []
    for name, text in render_all().items():
        path = OUT_DIR / name
        if args.write:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    if stale:
        print(f"stale tables: {', '.join(stale)}; run `make tables`", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
