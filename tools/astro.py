"""Astronomical routines behind the Vietnamese lunar calendar tables.

This is a build-time tool: the table generator in ``tools/`` imports it to find
the instants of the new moons and of the Sun's passages through given apparent
longitudes (the solar terms), from which the lunar months and leap months are
derived. The library never imports it at run time, so the code favours clarity
and traceability to its sources over speed.

Time scales:
    Arguments and results named ``jde`` are Julian Ephemeris Days in Terrestrial
    Time (TT, Meeus's "TD"). Those named ``jd`` or ``jd_ut`` are Julian Days in
    Universal Time; UT is treated as UTC (their difference, under a second, is far
    below the accuracy of ΔT itself). TT - UT = ΔT comes from :func:`delta_t`.

Sources:
    * Jean Meeus, *Astronomical Algorithms*, 2nd edition, Willmann-Bell, 1998:
      chapter 7 (Julian Day), chapter 22 (nutation, table 22.A), chapter 25
      (solar coordinates, "higher accuracy" method), chapter 32 and appendix III
      (the abridged VSOP87 series for the Earth), chapter 49 (phases of the Moon).
    * P. Bretagnon and G. Francou, "Planetary theories in rectangular and spherical
      variables: VSOP87 solutions", Astronomy & Astrophysics 202, 309 (1988): the
      theory that Meeus's appendix III abridges (version VSOP87D).
    * Fred Espenak and Jean Meeus, *Five Millennium Canon of Solar Eclipses: -1999
      to +3000*, NASA Technical Publication 2006-214141, 2006, and NASA's web page
      "Polynomial Expressions for Delta T" that reproduces its section on ΔT.

Accuracy:
    The abridged VSOP87 series, the 63-term nutation and the aberration constant
    give the Sun's apparent longitude to about an arcsecond (Meeus example 25.b is
    reproduced to 0.001″); the Sun moves 1″ in about 24 seconds of time, and the
    equinoxes and solstices of 2000-2030 come out within the minute of the USNO
    times. Chapter 49 gives the true new moon to some seconds: against the
    high-precision reference instants used by the tests (1906-2020, compared in
    UT) the largest difference is about 10 seconds. After the last observed
    values, ΔT is an extrapolation: the Espenak-Meeus polynomials grow to about
    203 s in 2100, whereas the Earth's rotation of recent years points to rather
    less, so the UT instants of events late in the 21st century are uncertain by
    a minute or two.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Final, TypeAlias

__all__ = [
    "BEIJING_MEAN_TIME_OFFSET_HOURS",
    "GREGORIAN_START_JD",
    "J2000",
    "SYNODIC_MONTH",
    "decimal_year",
    "delta_t",
    "earth_heliocentric_position",
    "jd_to_utc",
    "local_date",
    "lunation_near",
    "new_moon_jde",
    "new_moon_ut",
    "nutation",
    "solar_longitude_ut",
    "sun_apparent_longitude",
    "tt_to_ut",
    "ut_to_tt",
    "utc_to_jd",
]

J2000: Final = 2451545.0
"""Julian Ephemeris Day of the epoch J2000.0 (2000 January 1.5 TT)."""

SYNODIC_MONTH: Final = 29.530588861
"""Mean synodic month in days, the linear term of Meeus's equation (49.1)."""

GREGORIAN_START_JD: Final = 2299160.5
"""Julian Day of 1582 October 15, 0h, the first day of the Gregorian calendar."""

BEIJING_MEAN_TIME_OFFSET_HOURS: Final = 7.0 + 45.0 / 60.0 + 40.0 / 3600.0
"""Local mean time of the meridian 116°25′ E (Beijing), in hours east of Greenwich."""

SECONDS_PER_DAY: Final = 86400.0
_MICROSECONDS_PER_DAY: Final = 86_400_000_000
_DAYS_PER_JULIAN_CENTURY: Final = 36525.0
_DAYS_PER_JULIAN_MILLENNIUM: Final = 365250.0
_DAYS_PER_GREGORIAN_YEAR: Final = 365.2425
_JD_OF_2000_JANUARY_1: Final = 2451544.5
_ARCSECONDS_PER_DEGREE: Final = 3600.0

_Term: TypeAlias = tuple[float, float, float]
"""One VSOP87 term ``(A, B, C)``, contributing ``A * cos(B + C * tau)``."""
_Series: TypeAlias = tuple[_Term, ...]

_NutationTerm: TypeAlias = tuple[int, int, int, int, int, int, float, int, float]
"""One row of Meeus table 22.A (see :data:`_NUTATION_TERMS`)."""

_NewMoonTerm: TypeAlias = tuple[float, int, int, int, int, int]
"""One periodic term of Meeus chapter 49 (see :data:`_NEW_MOON_TERMS`)."""

_PlanetaryTerm: TypeAlias = tuple[float, float, float, float]
"""One additional correction of Meeus chapter 49 (see :data:`_PLANETARY_TERMS`)."""


# ---------------------------------------------------------------------------
# The Earth's heliocentric coordinates: Meeus appendix III (abridged VSOP87D).
#
# Every term is (A, B, C): A in units of 1e-8 radian (L, B) or 1e-8 AU (R), B in
# radians, C in radians per Julian millennium. All the terms Meeus lists are here:
# L0-L5 with 64, 34, 20, 7, 3 and 1 terms, B0-B1 with 5 and 2, R0-R4 with 40, 10,
# 6, 2 and 1. They were checked one by one against the complete VSOP87D series for
# the Earth, of which they are the rounded leading terms.
# ---------------------------------------------------------------------------

# Meeus appendix III, Earth, L0.
_EARTH_L0: Final[_Series] = (
    (175347046.0, 0.0, 0.0),
    (3341656.0, 4.6692568, 6283.07585),
    (34894.0, 4.6261, 12566.1517),
    (3497.0, 2.7441, 5753.3849),
    (3418.0, 2.8289, 3.5231),
    (3136.0, 3.6277, 77713.7715),
    (2676.0, 4.4181, 7860.4194),
    (2343.0, 6.1352, 3930.2097),
    (1324.0, 0.7425, 11506.7698),
    (1273.0, 2.0371, 529.691),
    (1199.0, 1.1096, 1577.3435),
    (990.0, 5.233, 5884.927),
    (902.0, 2.045, 26.298),
    (857.0, 3.508, 398.149),
    (780.0, 1.179, 5223.694),
    (753.0, 2.533, 5507.553),
    (505.0, 4.583, 18849.228),
    (492.0, 4.205, 775.523),
    (357.0, 2.92, 0.067),
    (317.0, 5.849, 11790.629),
    (284.0, 1.899, 796.298),
    (271.0, 0.315, 10977.079),
    (243.0, 0.345, 5486.778),
    (206.0, 4.806, 2544.314),
    (205.0, 1.869, 5573.143),
    (202.0, 2.458, 6069.777),
    (156.0, 0.833, 213.299),
    (132.0, 3.411, 2942.463),
    (126.0, 1.083, 20.775),
    (115.0, 0.645, 0.98),
    (103.0, 0.636, 4694.003),
    (102.0, 0.976, 15720.839),
    (102.0, 4.267, 7.114),
    (99.0, 6.21, 2146.17),
    (98.0, 0.68, 155.42),
    (86.0, 5.98, 161000.69),
    (85.0, 1.3, 6275.96),
    (85.0, 3.67, 71430.7),
    (80.0, 1.81, 17260.15),
    (79.0, 3.04, 12036.46),
    (75.0, 1.76, 5088.63),
    (74.0, 3.5, 3154.69),
    (74.0, 4.68, 801.82),
    (70.0, 0.83, 9437.76),
    (62.0, 3.98, 8827.39),
    (61.0, 1.82, 7084.9),
    (57.0, 2.78, 6286.6),
    (56.0, 4.39, 14143.5),
    (56.0, 3.47, 6279.55),
    (52.0, 0.19, 12139.55),
    (52.0, 1.33, 1748.02),
    (51.0, 0.28, 5856.48),
    (49.0, 0.49, 1194.45),
    (41.0, 5.37, 8429.24),
    (41.0, 2.4, 19651.05),
    (39.0, 6.17, 10447.39),
    (37.0, 6.04, 10213.29),
    (37.0, 2.57, 1059.38),
    (36.0, 1.71, 2352.87),
    (36.0, 1.78, 6812.77),
    (33.0, 0.59, 17789.85),
    (30.0, 0.44, 83996.85),
    (30.0, 2.74, 1349.87),
    (25.0, 3.16, 4690.48),
)

# Meeus appendix III, Earth, L1.
_EARTH_L1: Final[_Series] = (
    (628331966747.0, 0.0, 0.0),
    (206059.0, 2.678235, 6283.07585),
    (4303.0, 2.6351, 12566.1517),
    (425.0, 1.59, 3.523),
    (119.0, 5.796, 26.298),
    (109.0, 2.966, 1577.344),
    (93.0, 2.59, 18849.23),
    (72.0, 1.14, 529.69),
    (68.0, 1.87, 398.15),
    (67.0, 4.41, 5507.55),
    (59.0, 2.89, 5223.69),
    (56.0, 2.17, 155.42),
    (45.0, 0.4, 796.3),
    (36.0, 0.47, 775.52),
    (29.0, 2.65, 7.11),
    (21.0, 5.34, 0.98),
    (19.0, 1.85, 5486.78),
    (19.0, 4.97, 213.3),
    (17.0, 2.99, 6275.96),
    (16.0, 0.03, 2544.31),
    (16.0, 1.43, 2146.17),
    (15.0, 1.21, 10977.08),
    (12.0, 2.83, 1748.02),
    (12.0, 3.26, 5088.63),
    (12.0, 5.27, 1194.45),
    (12.0, 2.08, 4694.0),
    (11.0, 0.77, 553.57),
    (10.0, 1.3, 6286.6),
    (10.0, 4.24, 1349.87),
    (9.0, 2.7, 242.73),
    (9.0, 5.64, 951.72),
    (8.0, 5.3, 2352.87),
    (6.0, 2.65, 9437.76),
    (6.0, 4.67, 4690.48),
)

# Meeus appendix III, Earth, L2.
_EARTH_L2: Final[_Series] = (
    (52919.0, 0.0, 0.0),
    (8720.0, 1.0721, 6283.0758),
    (309.0, 0.867, 12566.152),
    (27.0, 0.05, 3.52),
    (16.0, 5.19, 26.3),
    (16.0, 3.68, 155.42),
    (10.0, 0.76, 18849.23),
    (9.0, 2.06, 77713.77),
    (7.0, 0.83, 775.52),
    (5.0, 4.66, 1577.34),
    (4.0, 1.03, 7.11),
    (4.0, 3.44, 5573.14),
    (3.0, 5.14, 796.3),
    (3.0, 6.05, 5507.55),
    (3.0, 1.19, 242.73),
    (3.0, 6.12, 529.69),
    (3.0, 0.31, 398.15),
    (3.0, 2.28, 553.57),
    (2.0, 4.38, 5223.69),
    (2.0, 3.75, 0.98),
)

# Meeus appendix III, Earth, L3.
_EARTH_L3: Final[_Series] = (
    (289.0, 5.844, 6283.076),
    (35.0, 0.0, 0.0),
    (17.0, 5.49, 12566.15),
    (3.0, 5.2, 155.42),
    (1.0, 4.72, 3.52),
    (1.0, 5.3, 18849.23),
    (1.0, 5.97, 242.73),
)

# Meeus appendix III, Earth, L4.
_EARTH_L4: Final[_Series] = (
    (114.0, 3.142, 0.0),
    (8.0, 4.13, 6283.08),
    (1.0, 3.84, 12566.15),
)

# Meeus appendix III, Earth, L5.
_EARTH_L5: Final[_Series] = ((1.0, 3.14, 0.0),)

# Meeus appendix III, Earth, B0.
_EARTH_B0: Final[_Series] = (
    (280.0, 3.199, 84334.662),
    (102.0, 5.422, 5507.553),
    (80.0, 3.88, 5223.69),
    (44.0, 3.7, 2352.87),
    (32.0, 4.0, 1577.34),
)

# Meeus appendix III, Earth, B1.
_EARTH_B1: Final[_Series] = (
    (9.0, 3.9, 5507.55),
    (6.0, 1.73, 5223.69),
)

# Meeus appendix III, Earth, R0.
_EARTH_R0: Final[_Series] = (
    (100013989.0, 0.0, 0.0),
    (1670700.0, 3.0984635, 6283.07585),
    (13956.0, 3.05525, 12566.1517),
    (3084.0, 5.1985, 77713.7715),
    (1628.0, 1.1739, 5753.3849),
    (1576.0, 2.8469, 7860.4194),
    (925.0, 5.453, 11506.77),
    (542.0, 4.564, 3930.21),
    (472.0, 3.661, 5884.927),
    (346.0, 0.964, 5507.553),
    (329.0, 5.9, 5223.694),
    (307.0, 0.299, 5573.143),
    (243.0, 4.273, 11790.629),
    (212.0, 5.847, 1577.344),
    (186.0, 5.022, 10977.079),
    (175.0, 3.012, 18849.228),
    (110.0, 5.055, 5486.778),
    (98.0, 0.89, 6069.78),
    (86.0, 5.69, 15720.84),
    (86.0, 1.27, 161000.69),
    (65.0, 0.27, 17260.15),
    (63.0, 0.92, 529.69),
    (57.0, 2.01, 83996.85),
    (56.0, 5.24, 71430.7),
    (49.0, 3.25, 2544.31),
    (47.0, 2.58, 775.52),
    (45.0, 5.54, 9437.76),
    (43.0, 6.01, 6275.96),
    (39.0, 5.36, 4694.0),
    (38.0, 2.39, 8827.39),
    (37.0, 0.83, 19651.05),
    (37.0, 4.9, 12139.55),
    (36.0, 1.67, 12036.46),
    (35.0, 1.84, 2942.46),
    (33.0, 0.24, 7084.9),
    (32.0, 0.18, 5088.63),
    (32.0, 1.78, 398.15),
    (28.0, 1.21, 6286.6),
    (28.0, 1.9, 6279.55),
    (26.0, 4.59, 10447.39),
)

# Meeus appendix III, Earth, R1.
_EARTH_R1: Final[_Series] = (
    (103019.0, 1.10749, 6283.07585),
    (1721.0, 1.0644, 12566.1517),
    (702.0, 3.142, 0.0),
    (32.0, 1.02, 18849.23),
    (31.0, 2.84, 5507.55),
    (25.0, 1.32, 5223.69),
    (18.0, 1.42, 1577.34),
    (10.0, 5.91, 10977.08),
    (9.0, 1.42, 6275.96),
    (9.0, 0.27, 5486.78),
)

# Meeus appendix III, Earth, R2.
_EARTH_R2: Final[_Series] = (
    (4359.0, 5.7846, 6283.0758),
    (124.0, 5.579, 12566.152),
    (12.0, 3.14, 0.0),
    (9.0, 3.63, 77713.77),
    (6.0, 1.87, 5573.14),
    (3.0, 5.47, 18849.23),
)

# Meeus appendix III, Earth, R3.
_EARTH_R3: Final[_Series] = (
    (145.0, 4.273, 6283.076),
    (7.0, 3.92, 12566.15),
)

# Meeus appendix III, Earth, R4.
_EARTH_R4: Final[_Series] = ((4.0, 2.56, 6283.08),)


# ---------------------------------------------------------------------------
# Nutation: Meeus table 22.A, all 63 terms.
#
# Each row is: the multiples of D, M, M', F and Omega in the argument; the
# coefficients of sin(argument) in the nutation in longitude, constant and
# per Julian century; and those of cos(argument) in the nutation in
# obliquity. Coefficients are in units of 0.0001 arcsecond. The table was
# checked against two independent public transcriptions of Meeus's.
# ---------------------------------------------------------------------------

_NUTATION_TERMS: Final[tuple[_NutationTerm, ...]] = (
    (0, 0, 0, 0, 1, -171996, -174.2, 92025, 8.9),
    (-2, 0, 0, 2, 2, -13187, -1.6, 5736, -3.1),
    (0, 0, 0, 2, 2, -2274, -0.2, 977, -0.5),
    (0, 0, 0, 0, 2, 2062, 0.2, -895, 0.5),
    (0, 1, 0, 0, 0, 1426, -3.4, 54, -0.1),
    (0, 0, 1, 0, 0, 712, 0.1, -7, 0.0),
    (-2, 1, 0, 2, 2, -517, 1.2, 224, -0.6),
    (0, 0, 0, 2, 1, -386, -0.4, 200, 0.0),
    (0, 0, 1, 2, 2, -301, 0.0, 129, -0.1),
    (-2, -1, 0, 2, 2, 217, -0.5, -95, 0.3),
    (-2, 0, 1, 0, 0, -158, 0.0, 0, 0.0),
    (-2, 0, 0, 2, 1, 129, 0.1, -70, 0.0),
    (0, 0, -1, 2, 2, 123, 0.0, -53, 0.0),
    (2, 0, 0, 0, 0, 63, 0.0, 0, 0.0),
    (0, 0, 1, 0, 1, 63, 0.1, -33, 0.0),
    (2, 0, -1, 2, 2, -59, 0.0, 26, 0.0),
    (0, 0, -1, 0, 1, -58, -0.1, 32, 0.0),
    (0, 0, 1, 2, 1, -51, 0.0, 27, 0.0),
    (-2, 0, 2, 0, 0, 48, 0.0, 0, 0.0),
    (0, 0, -2, 2, 1, 46, 0.0, -24, 0.0),
    (2, 0, 0, 2, 2, -38, 0.0, 16, 0.0),
    (0, 0, 2, 2, 2, -31, 0.0, 13, 0.0),
    (0, 0, 2, 0, 0, 29, 0.0, 0, 0.0),
    (-2, 0, 1, 2, 2, 29, 0.0, -12, 0.0),
    (0, 0, 0, 2, 0, 26, 0.0, 0, 0.0),
    (-2, 0, 0, 2, 0, -22, 0.0, 0, 0.0),
    (0, 0, -1, 2, 1, 21, 0.0, -10, 0.0),
    (0, 2, 0, 0, 0, 17, -0.1, 0, 0.0),
    (2, 0, -1, 0, 1, 16, 0.0, -8, 0.0),
    (-2, 2, 0, 2, 2, -16, 0.1, 7, 0.0),
    (0, 1, 0, 0, 1, -15, 0.0, 9, 0.0),
    (-2, 0, 1, 0, 1, -13, 0.0, 7, 0.0),
    (0, -1, 0, 0, 1, -12, 0.0, 6, 0.0),
    (0, 0, 2, -2, 0, 11, 0.0, 0, 0.0),
    (2, 0, -1, 2, 1, -10, 0.0, 5, 0.0),
    (2, 0, 1, 2, 2, -8, 0.0, 3, 0.0),
    (0, 1, 0, 2, 2, 7, 0.0, -3, 0.0),
    (-2, 1, 1, 0, 0, -7, 0.0, 0, 0.0),
    (0, -1, 0, 2, 2, -7, 0.0, 3, 0.0),
    (2, 0, 0, 2, 1, -7, 0.0, 3, 0.0),
    (2, 0, 1, 0, 0, 6, 0.0, 0, 0.0),
    (-2, 0, 2, 2, 2, 6, 0.0, -3, 0.0),
    (-2, 0, 1, 2, 1, 6, 0.0, -3, 0.0),
    (2, 0, -2, 0, 1, -6, 0.0, 3, 0.0),
    (2, 0, 0, 0, 1, -6, 0.0, 3, 0.0),
    (0, -1, 1, 0, 0, 5, 0.0, 0, 0.0),
    (-2, -1, 0, 2, 1, -5, 0.0, 3, 0.0),
    (-2, 0, 0, 0, 1, -5, 0.0, 3, 0.0),
    (0, 0, 2, 2, 1, -5, 0.0, 3, 0.0),
    (-2, 0, 2, 0, 1, 4, 0.0, 0, 0.0),
    (-2, 1, 0, 2, 1, 4, 0.0, 0, 0.0),
    (0, 0, 1, -2, 0, 4, 0.0, 0, 0.0),
    (-1, 0, 1, 0, 0, -4, 0.0, 0, 0.0),
    (-2, 1, 0, 0, 0, -4, 0.0, 0, 0.0),
    (1, 0, 0, 0, 0, -4, 0.0, 0, 0.0),
    (0, 0, 1, 2, 0, 3, 0.0, 0, 0.0),
    (0, 0, -2, 2, 2, -3, 0.0, 0, 0.0),
    (-1, -1, 1, 0, 0, -3, 0.0, 0, 0.0),
    (0, 1, 1, 0, 0, -3, 0.0, 0, 0.0),
    (0, -1, 1, 2, 2, -3, 0.0, 0, 0.0),
    (2, -1, -1, 2, 2, -3, 0.0, 0, 0.0),
    (0, 0, 3, 2, 2, -3, 0.0, 0, 0.0),
    (2, -1, 0, 2, 2, -3, 0.0, 0, 0.0),
)

_EARTH_L: Final[tuple[_Series, ...]] = (
    _EARTH_L0,
    _EARTH_L1,
    _EARTH_L2,
    _EARTH_L3,
    _EARTH_L4,
    _EARTH_L5,
)
_EARTH_B: Final[tuple[_Series, ...]] = (_EARTH_B0, _EARTH_B1)
_EARTH_R: Final[tuple[_Series, ...]] = (_EARTH_R0, _EARTH_R1, _EARTH_R2, _EARTH_R3, _EARTH_R4)


# ---------------------------------------------------------------------------
# Phases of the Moon: Meeus chapter 49.
# ---------------------------------------------------------------------------

_NEW_MOON_TERMS: Final[tuple[_NewMoonTerm, ...]] = (
    # Periodic terms for the new moon, in days. Each row is the coefficient, the
    # power of E that multiplies it, and the multiples of M, M', F and Omega in
    # the argument of the sine.
    (-0.40720, 0, 0, 1, 0, 0),
    (0.17241, 1, 1, 0, 0, 0),
    (0.01608, 0, 0, 2, 0, 0),
    (0.01039, 0, 0, 0, 2, 0),
    (0.00739, 1, -1, 1, 0, 0),
    (-0.00514, 1, 1, 1, 0, 0),
    (0.00208, 2, 2, 0, 0, 0),
    (-0.00111, 0, 0, 1, -2, 0),
    (-0.00057, 0, 0, 1, 2, 0),
    (0.00056, 1, 1, 2, 0, 0),
    (-0.00042, 0, 0, 3, 0, 0),
    (0.00042, 1, 1, 0, 2, 0),
    (0.00038, 1, 1, 0, -2, 0),
    (-0.00024, 1, -1, 2, 0, 0),
    (-0.00017, 0, 0, 0, 0, 1),
    (-0.00007, 0, 2, 1, 0, 0),
    (0.00004, 0, 0, 2, -2, 0),
    (0.00004, 0, 3, 0, 0, 0),
    (0.00003, 0, 1, 1, -2, 0),
    (0.00003, 0, 0, 2, 2, 0),
    (-0.00003, 0, 1, 1, 2, 0),
    (0.00003, 0, -1, 1, 2, 0),
    (-0.00002, 0, -1, 1, -2, 0),
    (-0.00002, 0, 1, 3, 0, 0),
    (0.00002, 0, 0, 4, 0, 0),
)

_PLANETARY_TERMS: Final[tuple[_PlanetaryTerm, ...]] = (
    # The additional corrections A1 ... A14, in days: each row is the argument
    # a0 + a1 * k + a2 * T**2 (degrees) and the coefficient of its sine.
    (299.77, 0.107408, -0.009173, 0.000325),
    (251.88, 0.016321, 0.0, 0.000165),
    (251.83, 26.651886, 0.0, 0.000164),
    (349.42, 36.412478, 0.0, 0.000126),
    (84.66, 18.206239, 0.0, 0.000110),
    (141.74, 53.303771, 0.0, 0.000062),
    (207.14, 2.453732, 0.0, 0.000060),
    (154.84, 7.306860, 0.0, 0.000056),
    (34.52, 27.261239, 0.0, 0.000047),
    (207.19, 0.121824, 0.0, 0.000042),
    (291.34, 1.844379, 0.0, 0.000040),
    (161.72, 24.198154, 0.0, 0.000037),
    (239.56, 25.513099, 0.0, 0.000035),
    (331.55, 3.592518, 0.0, 0.000023),
)


# ---------------------------------------------------------------------------
# Small helpers.
# ---------------------------------------------------------------------------


def _polynomial(x: float, coefficients: tuple[float, ...]) -> float:
    """Evaluate ``c0 + c1 * x + c2 * x**2 + ...`` by Horner's rule.

    Args:
        x: The variable.
        coefficients: ``c0, c1, c2, ...``, lowest degree first.

    Returns:
        The value of the polynomial at ``x``.
    """
    result = 0.0
    for coefficient in reversed(coefficients):
        result = result * x + coefficient
    return result


def _radians(degrees: float) -> float:
    """Convert an angle in degrees, of any size, to radians in [0, 2π).

    Args:
        degrees: The angle in degrees.

    Returns:
        The same angle in radians, reduced to one turn.
    """
    return math.radians(degrees % 360.0)


def _julian_centuries(jde: float) -> float:
    """Julian centuries of TT since J2000.0 (Meeus's T, equation 22.1)."""
    return (jde - J2000) / _DAYS_PER_JULIAN_CENTURY


# ---------------------------------------------------------------------------
# ΔT and the time scales.
# ---------------------------------------------------------------------------


def decimal_year(jd: float) -> float:
    """The decimal year of a Julian Day, as used to evaluate ΔT.

    Espenak and Meeus take ``y = year + (month - 0.5) / 12``, the middle of the
    month. This function instead counts mean Gregorian years from 2000 January 1,
    0h; the two differ by a few thousandths of a year, which changes ΔT by less
    than a hundredth of a second between 1600 and 2200.

    Args:
        jd: A Julian Day (UT or TT: the difference does not matter here).

    Returns:
        The year as a real number, e.g. 2000.0 at 2000 January 1, 0h.

    Examples:
        >>> round(decimal_year(2451544.5 + 365.2425 / 2), 6)
        2000.5
    """
    return 2000.0 + (jd - _JD_OF_2000_JANUARY_1) / _DAYS_PER_GREGORIAN_YEAR


def delta_t(year: float) -> float:
    """ΔT = TT - UT in seconds, by the polynomials of Espenak and Meeus (2006).

    These are the expressions of the *Five Millennium Canon of Solar Eclipses*
    (NASA "Polynomial Expressions for Delta T"), one for each era, including the
    extrapolations after 2005: a quadratic to 2050, the long-term parabola
    ``-20 + 32 u**2`` joined to it between 2050 and 2150 by the term
    ``-0.5628 * (2150 - y)``, and the parabola alone after 2150. No correction for
    a different lunar secular acceleration is applied.

    Args:
        year: The decimal year ``y`` (``year + (month - 0.5) / 12`` in the source's
            convention; see :func:`decimal_year`).

    Returns:
        ΔT in seconds.

    Examples:
        >>> delta_t(2000.0)
        63.86
        >>> round(delta_t(2150.0), 2)
        328.48
    """
    y = year
    if y < -500.0:
        u = (y - 1820.0) / 100.0
        return -20.0 + 32.0 * u * u
    if y < 500.0:
        return _polynomial(
            y / 100.0,
            (10583.6, -1014.41, 33.78311, -5.952053, -0.1798452, 0.022174192, 0.0090316521),
        )
    if y < 1600.0:
        return _polynomial(
            (y - 1000.0) / 100.0,
            (1574.2, -556.01, 71.23472, 0.319781, -0.8503463, -0.005050998, 0.0083572073),
        )
    if y < 1700.0:
        return _polynomial(y - 1600.0, (120.0, -0.9808, -0.01532, 1.0 / 7129.0))
    if y < 1800.0:
        return _polynomial(y - 1700.0, (8.83, 0.1603, -0.0059285, 0.00013336, -1.0 / 1174000.0))
    if y < 1860.0:
        return _polynomial(
            y - 1800.0,
            (
                13.72,
                -0.332447,
                0.0068612,
                0.0041116,
                -0.00037436,
                0.0000121272,
                -0.0000001699,
                0.000000000875,
            ),
        )
    if y < 1900.0:
        return _polynomial(
            y - 1860.0,
            (7.62, 0.5737, -0.251754, 0.01680668, -0.0004473624, 1.0 / 233174.0),
        )
    if y < 1920.0:
        return _polynomial(y - 1900.0, (-2.79, 1.494119, -0.0598939, 0.0061966, -0.000197))
    if y < 1941.0:
        return _polynomial(y - 1920.0, (21.20, 0.84493, -0.076100, 0.0020936))
    if y < 1961.0:
        return _polynomial(y - 1950.0, (29.07, 0.407, -1.0 / 233.0, 1.0 / 2547.0))
    if y < 1986.0:
        return _polynomial(y - 1975.0, (45.45, 1.067, -1.0 / 260.0, -1.0 / 718.0))
    if y < 2005.0:
        return _polynomial(
            y - 2000.0,
            (63.86, 0.3345, -0.060374, 0.0017275, 0.000651814, 0.00002373599),
        )
    if y < 2050.0:
        return _polynomial(y - 2000.0, (62.92, 0.32217, 0.005589))
    u = (y - 1820.0) / 100.0
    if y < 2150.0:
        return -20.0 + 32.0 * u * u - 0.5628 * (2150.0 - y)
    return -20.0 + 32.0 * u * u


def tt_to_ut(jde: float) -> float:
    """Convert a Julian Ephemeris Day (TT) to a Julian Day in UT.

    Args:
        jde: The instant in TT.

    Returns:
        The same instant in UT: ``jde - ΔT / 86400``.
    """
    return jde - delta_t(decimal_year(jde)) / SECONDS_PER_DAY


def ut_to_tt(jd_ut: float) -> float:
    """Convert a Julian Day in UT to a Julian Ephemeris Day (TT).

    Args:
        jd_ut: The instant in UT.

    Returns:
        The same instant in TT: ``jd_ut + ΔT / 86400``.
    """
    return jd_ut + delta_t(decimal_year(jd_ut)) / SECONDS_PER_DAY


# ---------------------------------------------------------------------------
# New moons: Meeus chapter 49.
# ---------------------------------------------------------------------------


def new_moon_jde(k: int) -> float:
    """The instant of the true new moon of lunation ``k`` (Meeus chapter 49).

    Lunation 0 is the new moon of 2000 January 6; negative numbers count back.
    The computation is the whole of Meeus's method for the new moon: the mean
    phase (49.1) with its T², T³ and T⁴ terms, the eccentricity factor E (47.6),
    the arguments M, M′, F and Ω (49.4 to 49.7), the 25 periodic terms for the new
    moon and the 14 additional corrections A1 to A14.

    Args:
        k: The lunation number.

    Returns:
        The Julian Ephemeris Day (TT) of the new moon.

    Examples:
        >>> round(new_moon_jde(-283), 5)  # Meeus, example 49.a
        2443192.65118
    """
    t = k / 1236.85  # Julian centuries since J2000.0 (49.3)
    mean_phase = (
        2451550.09766
        + SYNODIC_MONTH * k
        + _polynomial(t, (0.0, 0.0, 0.00015437, -0.000000150, 0.00000000073))
    )
    e = _polynomial(t, (1.0, -0.002516, -0.0000074))
    sun_anomaly = _radians(
        2.5534 + 29.10535670 * k + _polynomial(t, (0.0, 0.0, -0.0000014, -0.00000011))
    )
    moon_anomaly = _radians(
        201.5643
        + 385.81693528 * k
        + _polynomial(t, (0.0, 0.0, 0.0107582, 0.00001238, -0.000000058))
    )
    latitude_argument = _radians(
        160.7108
        + 390.67050284 * k
        + _polynomial(t, (0.0, 0.0, -0.0016118, -0.00000227, 0.000000011))
    )
    node = _radians(124.7746 - 1.56375588 * k + _polynomial(t, (0.0, 0.0, 0.0020672, 0.00000215)))

    periodic = 0.0
    for coefficient, e_power, m_mult, mp_mult, f_mult, node_mult in _NEW_MOON_TERMS:
        argument = (
            m_mult * sun_anomaly
            + mp_mult * moon_anomaly
            + f_mult * latitude_argument
            + node_mult * node
        )
        periodic += coefficient * e**e_power * math.sin(argument)

    planetary = 0.0
    for a0, a1, a2, coefficient in _PLANETARY_TERMS:
        planetary += coefficient * math.sin(_radians(a0 + a1 * k + a2 * t * t))

    return mean_phase + periodic + planetary


def new_moon_ut(k: int) -> float:
    """The instant of the true new moon of lunation ``k``, in UT.

    Args:
        k: The lunation number (0 for the new moon of 2000 January 6).

    Returns:
        The Julian Day (UT) of the new moon: :func:`new_moon_jde` less ΔT, with ΔT
        evaluated at the decimal year of the instant.
    """
    return tt_to_ut(new_moon_jde(k))


def lunation_near(jd: float) -> int:
    """The lunation number of the new moon nearest to an instant.

    The mean new moons give a first estimate; the true new moon differs from the
    mean one by less than a day, so the answer is that estimate or one of its two
    neighbours, whichever true new moon is closest.

    Args:
        jd: A Julian Day in UT.

    Returns:
        The ``k`` for which ``abs(new_moon_ut(k) - jd)`` is least.

    Examples:
        >>> lunation_near(2451550.5)  # 2000 January 6, 12h UT
        0
    """
    estimate = round((jd - 2451550.09766) / SYNODIC_MONTH)
    return min(
        (estimate - 1, estimate, estimate + 1),
        key=lambda k: abs(new_moon_ut(k) - jd),
    )


# ---------------------------------------------------------------------------
# The Sun's apparent longitude: Meeus chapters 22, 25 and 32.
# ---------------------------------------------------------------------------


def _vsop_sum(series: tuple[_Series, ...], tau: float) -> float:
    """Evaluate a VSOP87 coordinate: ``(S0 + S1 tau + S2 tau**2 + ...) / 1e8``.

    Args:
        series: The series S0, S1, ... of one coordinate.
        tau: Julian millennia of TT since J2000.0.

    Returns:
        The coordinate, in radians or astronomical units.
    """
    total = 0.0
    power = 1.0
    for terms in series:
        total += power * sum(a * math.cos(b + c * tau) for a, b, c in terms)
        power *= tau
    return total / 1e8


def earth_heliocentric_position(jde: float) -> tuple[float, float, float]:
    """The Earth's heliocentric ecliptic coordinates (Meeus chapter 32).

    Uses every term of the abridged VSOP87 series of Meeus's appendix III. The
    coordinates refer to the mean dynamical ecliptic and equinox of the date.

    Args:
        jde: The instant, in TT.

    Returns:
        ``(L, B, R)``: longitude in radians in [0, 2π), latitude in radians, and
        radius vector in astronomical units.
    """
    tau = (jde - J2000) / _DAYS_PER_JULIAN_MILLENNIUM
    longitude = _vsop_sum(_EARTH_L, tau) % math.tau
    latitude = _vsop_sum(_EARTH_B, tau)
    radius = _vsop_sum(_EARTH_R, tau)
    return longitude, latitude, radius


def _nutation_arguments(t: float) -> tuple[float, float, float, float, float]:
    """The fundamental arguments of Meeus chapter 22, in radians.

    Args:
        t: Julian centuries of TT since J2000.0.

    Returns:
        ``(D, M, M′, F, Ω)``: the mean elongation of the Moon from the Sun, the mean
        anomalies of the Sun and of the Moon, the Moon's argument of latitude and
        the longitude of the ascending node of the Moon's mean orbit.
    """
    return (
        _radians(_polynomial(t, (297.85036, 445267.111480, -0.0019142, 1.0 / 189474.0))),
        _radians(_polynomial(t, (357.52772, 35999.050340, -0.0001603, -1.0 / 300000.0))),
        _radians(_polynomial(t, (134.96298, 477198.867398, 0.0086972, 1.0 / 56250.0))),
        _radians(_polynomial(t, (93.27191, 483202.017538, -0.0036825, 1.0 / 327270.0))),
        _radians(_polynomial(t, (125.04452, -1934.136261, 0.0020708, 1.0 / 450000.0))),
    )


def nutation(jde: float) -> tuple[float, float]:
    """Nutation in longitude and in obliquity (Meeus chapter 22, table 22.A).

    Sums all 63 terms of the table (the IAU 1980 theory without its terms under
    0.0003″).

    Args:
        jde: The instant, in TT.

    Returns:
        ``(Δψ, Δε)`` in arcseconds.

    Examples:
        >>> dpsi, deps = nutation(2446895.5)  # Meeus, example 22.a
        >>> round(dpsi, 3), round(deps, 3)
        (-3.788, 9.443)
    """
    t = _julian_centuries(jde)
    d, m, mp, f, om = _nutation_arguments(t)
    dpsi = 0.0
    deps = 0.0
    for cd, cm, cmp, cf, com, psi0, psi1, eps0, eps1 in _NUTATION_TERMS:
        argument = cd * d + cm * m + cmp * mp + cf * f + com * om
        dpsi += (psi0 + psi1 * t) * math.sin(argument)
        deps += (eps0 + eps1 * t) * math.cos(argument)
    return dpsi * 1e-4, deps * 1e-4


def _nutation_in_longitude(jde: float) -> float:
    """Δψ alone, in arcseconds: the longitude half of :func:`nutation`."""
    t = _julian_centuries(jde)
    d, m, mp, f, om = _nutation_arguments(t)
    dpsi = 0.0
    for cd, cm, cmp, cf, com, psi0, psi1, _eps0, _eps1 in _NUTATION_TERMS:
        dpsi += (psi0 + psi1 * t) * math.sin(cd * d + cm * m + cmp * mp + cf * f + com * om)
    return dpsi * 1e-4


def sun_apparent_longitude(jde: float) -> float:
    """The Sun's apparent geocentric longitude (Meeus chapter 25, higher accuracy).

    The steps are Meeus's: the Earth's heliocentric L and R from VSOP87; the Sun's
    geometric longitude Θ = L + 180°; the conversion to the FK5 system, -0.09033″;
    the nutation in longitude Δψ; and the aberration, -20.4898″ / R.

    Args:
        jde: The instant, in TT.

    Returns:
        The apparent longitude in degrees, in [0, 360), referred to the true
        equinox of the date.

    Examples:
        >>> lam = sun_apparent_longitude(2448908.5)  # Meeus, example 25.b
        >>> deg = int(lam); arcmin = int((lam - deg) * 60)
        >>> deg, arcmin, round((lam - deg - arcmin / 60) * 3600, 1)
        (199, 54, 21.8)
    """
    longitude, _latitude, radius = earth_heliocentric_position(jde)
    geometric = math.degrees(longitude) + 180.0
    corrections = -0.09033 + _nutation_in_longitude(jde) - 20.4898 / radius
    return (geometric + corrections / _ARCSECONDS_PER_DEGREE) % 360.0


_SUN_MEAN_MOTION: Final = 360.0 / 365.2422  # degrees per day
_SOLVER_TOLERANCE_DAYS: Final = 1e-8  # about a millisecond
_SOLVER_MAX_ITERATIONS: Final = 30


def solar_longitude_ut(target_deg: float, jd_guess: float) -> float:
    """The instant when the Sun's apparent longitude reaches a given value.

    Starting from ``jd_guess``, one step at the Sun's mean daily motion is followed
    by secant steps on :func:`sun_apparent_longitude` (which runs on TT) until
    the step is below 1e-8 day, about a millisecond. The crossing found is the one
    within half a year of the guess; the guess should be within about 20 days.

    Args:
        target_deg: The apparent longitude in degrees: 0 for the March equinox,
            90 for the June solstice, 270 for the December solstice; the multiples
            of 30 are the major solar terms (trung khí) and the odd multiples of 15
            the minor ones (tiết khí).
        jd_guess: A Julian Day (UT) near the crossing.

    Returns:
        The Julian Day (UT) of the crossing.

    Raises:
        RuntimeError: If the iteration fails to converge (it converges in a few
            steps for any reasonable guess).
    """
    target = target_deg % 360.0

    def offset(jde: float) -> float:
        """Signed angle, in (-180, 180] degrees, from the target to the Sun."""
        return 180.0 - (target - sun_apparent_longitude(jde) + 180.0) % 360.0

    previous_jde = ut_to_tt(jd_guess)
    previous_offset = offset(previous_jde)
    jde = previous_jde - previous_offset / _SUN_MEAN_MOTION
    for _ in range(_SOLVER_MAX_ITERATIONS):
        current_offset = offset(jde)
        if current_offset == 0.0:
            return tt_to_ut(jde)
        if current_offset == previous_offset:
            step = current_offset / _SUN_MEAN_MOTION
        else:
            step = current_offset * (jde - previous_jde) / (current_offset - previous_offset)
        previous_jde, previous_offset = jde, current_offset
        jde -= step
        if abs(step) < _SOLVER_TOLERANCE_DAYS:
            return tt_to_ut(jde)
    message = f"no convergence for longitude {target_deg} near JD {jd_guess}"
    raise RuntimeError(message)


# ---------------------------------------------------------------------------
# Calendar dates: Meeus chapter 7 (Gregorian calendar only).
# ---------------------------------------------------------------------------


def _gregorian_date(day_number: int) -> dt.date:
    """The Gregorian date of the civil day that starts at JD ``day_number - 0.5``.

    Meeus chapter 7, "Calculation of the calendar date from the JD", for Z >= 2299161.

    Args:
        day_number: Meeus's Z, the integer part of JD + 0.5.

    Returns:
        The calendar date.
    """
    alpha = int((day_number - 1867216.25) / 36524.25)
    a = day_number + 1 + alpha - alpha // 4
    b = a + 1524
    c = int((b - 122.1) / 365.25)
    d = int(365.25 * c)
    e = int((b - d) / 30.6001)
    day = b - d - int(30.6001 * e)
    month = e - 1 if e < 14 else e - 13
    year = c - 4716 if month > 2 else c - 4715
    return dt.date(year, month, day)


def jd_to_utc(jd: float) -> dt.datetime:
    """Convert a Julian Day (UT) to a naive UTC datetime (Meeus chapter 7).

    The time of day is rounded to the nearest microsecond (a double-precision JD
    near the present resolves about 40 microseconds anyway).

    Args:
        jd: The Julian Day, on or after 1582 October 15, 0h (JD 2299160.5).

    Returns:
        The naive datetime, understood as UTC.

    Raises:
        ValueError: If ``jd`` falls before the Gregorian calendar.

    Examples:
        >>> jd_to_utc(2451545.0)
        datetime.datetime(2000, 1, 1, 12, 0)
    """
    if jd < GREGORIAN_START_JD:
        message = f"JD {jd} is before the Gregorian calendar (JD {GREGORIAN_START_JD})"
        raise ValueError(message)
    day_number = math.floor(jd + 0.5)
    microseconds = round((jd + 0.5 - day_number) * _MICROSECONDS_PER_DAY)
    if microseconds >= _MICROSECONDS_PER_DAY:
        day_number += 1
        microseconds -= _MICROSECONDS_PER_DAY
    midnight = dt.datetime.combine(_gregorian_date(day_number), dt.time())
    return midnight + dt.timedelta(microseconds=microseconds)


def utc_to_jd(moment: dt.datetime) -> float:
    """Convert a UTC datetime to a Julian Day (Meeus chapter 7, equation 7.1).

    Args:
        moment: A naive datetime, taken as UTC, or an aware one, converted to UTC.
            Gregorian calendar only: on or after 1582 October 15.

    Returns:
        The Julian Day (UT).

    Raises:
        ValueError: If ``moment`` falls before the Gregorian calendar.

    Examples:
        >>> utc_to_jd(dt.datetime(1957, 10, 4, 19, 26, 24))  # Meeus, example 7.a
        2436116.31
    """
    if moment.utcoffset() is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    if moment < dt.datetime(1582, 10, 15):
        message = f"{moment} is before the Gregorian calendar (1582-10-15)"
        raise ValueError(message)
    year, month = moment.year, moment.month
    if month <= 2:
        year -= 1
        month += 12
    century = year // 100
    b = 2 - century + century // 4
    jd_midnight = int(365.25 * (year + 4716)) + int(30.6001 * (month + 1)) + moment.day + b - 1524.5
    seconds = moment.hour * 3600 + moment.minute * 60 + moment.second + moment.microsecond / 1e6
    return jd_midnight + seconds / SECONDS_PER_DAY


def local_date(jd_ut: float, offset_hours: float) -> dt.date:
    """The civil date, at a fixed offset from UTC, in force at an instant.

    Args:
        jd_ut: The instant, as a Julian Day (UT).
        offset_hours: The offset east of Greenwich in hours, e.g. 7 for Vietnam
            since 1968, 8 for China, or :data:`BEIJING_MEAN_TIME_OFFSET_HOURS`.

    Returns:
        The date on the local clock at that instant.

    Examples:
        >>> local_date(utc_to_jd(dt.datetime(2030, 2, 2, 16, 7, 29)), 7)
        datetime.date(2030, 2, 2)
        >>> local_date(utc_to_jd(dt.datetime(2030, 2, 2, 16, 7, 29)), 8)
        datetime.date(2030, 2, 3)
    """
    return (jd_to_utc(jd_ut) + dt.timedelta(hours=offset_hours)).date()
