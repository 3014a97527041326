"""Regenerate the golden feeds after a deliberate change (then review the diff!)."""

import datetime as dt
from pathlib import Path

import thidua_calendar as tc

HERE = Path(__file__).parent

data = tc.to_ical(
    tc.schedule(2025, major_days=True),
    name="Ngày lễ lớn",
    color="red",
    revision=dt.date(2026, 11, 23),
)
(HERE / "ngay-le-lon-2025.ics").write_bytes(data)
