"""The calendar variants: which civil time decides the day of each new moon."""

from __future__ import annotations

import attrs

from .._validators import not_empty, of_type


@attrs.frozen(repr=False, cache_hash=True)
class Calendar:
    """A variant of the lunisolar calendar, distinguished by the time base that decides days.

    Attributes:
        key: Stable identifier used by the command line and in data (``"vietnam"``).
        constant: The name of the module constant that holds it (for ``repr``).
        name_vi: Vietnamese name.
        name_en: English name.
        description: One sentence on the time bases it uses.
    """

    key: str = attrs.field(validator=not_empty)
    constant: str = attrs.field(validator=not_empty)
    name_vi: str = attrs.field(validator=not_empty)
    name_en: str = attrs.field(validator=not_empty)
    description: str = attrs.field(validator=of_type(str))

    def __repr__(self) -> str:
        return self.constant


VIETNAM = Calendar(
    key="vietnam",
    constant="VIETNAM",
    name_vi="Âm lịch Việt Nam",
    name_en="Vietnamese lunar calendar",
    description=(
        "Historical Vietnamese calendar: UTC+7 from lunar year 1968 (Decision 121-CP of 1967), "
        "the Chinese calendar (UTC+8) for 1929-1967 and Beijing local mean time "
        "(116°25′E, UTC+7:45:40) before 1929."
    ),
)
VIETNAM_UTC7 = Calendar(
    key="vietnam-utc7",
    constant="VIETNAM_UTC7",
    name_vi="Âm lịch theo múi giờ UTC+7 (ngoại suy)",
    name_en="Proleptic UTC+7 lunar calendar",
    description="UTC+7 applied to every year, including those before 1968.",
)
CHINA = Calendar(
    key="china",
    constant="CHINA",
    name_vi="Nông lịch Trung Quốc",
    name_en="Chinese calendar",
    description=(
        "The Chinese calendar as Chinese almanacs give it: UTC+8 from 1929 (GB/T 33661-2017), "
        "Beijing local mean time before, and the Qing almanac's 1906 month 4."
    ),
)

CALENDARS: dict[str, Calendar] = {c.key: c for c in (VIETNAM, VIETNAM_UTC7, CHINA)}


def get_calendar(key: str | Calendar) -> Calendar:
    """Return the calendar variant named ``key`` (``"vietnam"``, ``"vietnam-utc7"``, ``"china"``).

    Args:
        key: A variant key (case-insensitive, ``_`` accepted for ``-``) or a :class:`Calendar`.

    Returns:
        The :class:`Calendar`.

    Raises:
        ValueError: The key names no variant.

    Examples:
        >>> get_calendar("china")
        CHINA
    """
    if isinstance(key, Calendar):
        return key
    if not isinstance(key, str):
        raise TypeError(f"calendar must be a Calendar or a str, not {type(key).__name__}")
    found = CALENDARS.get(key.strip().lower().replace("_", "-"))
    if found is None:
        choices = ", ".join(CALENDARS)
        raise ValueError(f"unknown calendar {key!r}; choose one of: {choices}")
    return found
