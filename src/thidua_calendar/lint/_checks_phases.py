"""The phase-label check: a label whose numeral is no number ("Đợt I1" for "Đợt II").

| Code | Severity | What |
|---|---|---|
| ``phase-label`` | warning | "Đợt I, Đợt I1, Đợt III": the second label is a typo of "Đợt II" |

Overlapping and out-of-order phases are the plan checks ``phase-overlap`` and ``phase-order``
(:func:`thidua_calendar.plans.check_plan`), run on the phases the document prints.

Examples:
    >>> label_number("Đợt III"), label_number("Giai đoạn 2"), label_number("Đợt I1")
    (3, 2, None)
"""

from __future__ import annotations

import re
from typing import Final

from .._roman import from_roman, to_roman
from .._vocabulary import Severity
from .._wording import lint as words
from ._model import AddFinding, Extraction

_LABEL: Final = re.compile(r"^(\S+(?:\s+đoạn)?)\s+(\S+)$", re.IGNORECASE)
_WORDS: Final = {"một": 1, "hai": 2, "ba": 3, "bốn": 4}


def _parts(label: str) -> tuple[str, str] | None:
    match = _LABEL.match(label)
    return (match.group(1), match.group(2)) if match else None


def label_number(label: str) -> int | None:
    """The number of a phase label ("Đợt 2", "đợt II", "Giai đoạn ba"); ``None`` if none."""
    match = _LABEL.match(label)
    if match is None:
        return None
    numeral = match.group(2)
    if numeral.isdigit():
        return int(numeral)
    if numeral.casefold() in _WORDS:
        return _WORDS[numeral.casefold()]
    try:
        return from_roman(numeral.upper())
    except ValueError:
        return None


def check_phase_labels(ex: Extraction, add: AddFinding) -> None:
    """``phase-label``: a label with no number, between labels that count (I, I1, III).

    The label is flagged when the labels before and after it are numbered and leave exactly
    one number for it; the suggestion writes that number the way the others are written
    (Roman numerals when they are).
    """
    labelled = [p for p in ex.phases if p.label]
    known = {label: label_number(label) for label in {p.label or "" for p in labelled}}
    numbers = [known[p.label or ""] for p in labelled]  # each label read once
    for i, phase in enumerate(labelled):
        if numbers[i] is not None or phase.label is None:
            continue
        before = numbers[i - 1] if i > 0 else None
        after = numbers[i + 1] if i + 1 < len(numbers) else None
        if before is None and after is None:
            continue
        expected = before + 1 if before is not None else (after or 0) - 1
        if expected < 1 or (before is not None and after is not None and after != before + 2):
            continue
        parts = _parts(phase.label)
        if parts is None:
            continue
        neighbour = labelled[i - 1 if before is not None else i + 1].label or ""
        neighbour_parts = _parts(neighbour)
        roman = neighbour_parts is not None and not neighbour_parts[1].isdigit()
        fixed = f"{parts[0]} {to_roman(expected) if roman else expected}"
        texts = words.phase_label(phase.label, fixed)
        add(Severity.WARNING, "phase-label", phase.line, phase.column, *texts)
