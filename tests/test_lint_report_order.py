"""The checker's report order by int keys is the general rule (``report_order``)."""

from __future__ import annotations

import random

import pytest

from thidua_calendar._diagnostics import Diagnostic, made
from thidua_calendar._vocabulary import Lang, Severity
from thidua_calendar.lint._checks import in_report_order, report_order

CODES = ("phase-overlap", "ordinal-mismatch", "incomplete-date", "can-chi-mismatch")


def _findings(seed: int) -> list[Diagnostic]:
    rng = random.Random(seed)
    found: list[Diagnostic] = []
    for _ in range(rng.randint(0, 40)):
        line = rng.choice((None, 1, 2, 3, 10))
        column = rng.choice((None, 1, 2, 5, 120))
        suggestion = rng.choice(("", "a", "b"))
        texts = (("m", suggestion), ("m", suggestion))
        found.append(
            made(
                rng.choice(list(Severity)),
                rng.choice(CODES),
                *texts,
                line,
                column,
                None,
                rng.choice((None, "k")),
                rng.choice((Lang.VI, Lang.EN)),
            )
        )
    return found


@pytest.mark.parametrize("seed", range(300))
def test_int_keyed_order_is_the_rule(seed: int) -> None:
    found = _findings(seed)
    result = in_report_order(found)
    assert result == report_order(found)
    assert [id(f) for f in result] == [id(f) for f in report_order(found)]  # the same ones kept
