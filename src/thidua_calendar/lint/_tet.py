"""Tết mentions: "Tết Nguyên đán Canh Tý 2020", "mừng Xuân Bính Ngọ" (can-chi and year).

Examples:
    >>> from ._text import split_lines
    >>> (line,) = split_lines("Chăm lo TẾT NGUYÊN ĐÁN QUÍ MẸO 2023 cho đoàn viên")
    >>> [(t.can_chi, t.year, t.column) for t in tet_mentions(line)]
    [('Quý Mão', 2023, 9)]
"""

from __future__ import annotations

import re
from typing import Final

from ._model import TetMention
from ._names import BRANCH_WORDS, STEM_WORDS, canonical_can_chi
from ._text import SourceLine

_STEM_ALT: Final = "|".join(STEM_WORDS)
_BRANCH_ALT: Final = "|".join(BRANCH_WORDS)
_TET: Final = re.compile(
    rf"(?<!\w)(?:tết(?:[ \t]+nguyên[ \t]+đán)?|xuân)[ \t]+(?:năm[ \t]+)?({_STEM_ALT})[ \t]+"
    rf"({_BRANCH_ALT})(?!\w)(?:[ \t]*[-–(]?[ \t]*(?:năm[ \t]+)?(\d{{4}})(?!\d))?",
    re.IGNORECASE,
)


def tet_mentions(line: SourceLine) -> list[TetMention]:
    """The Tết mentions of a line: "Tết Nguyên đán Canh Tý 2020", "Xuân Bính Ngọ"."""
    found = []
    for match in _TET.finditer(line.text):
        if match.start() >= line.own:
            break
        year = int(match.group(3)) if match.group(3) else None
        number, column = line.where(match.start())
        found.append(
            TetMention(
                number,
                column,
                canonical_can_chi(match.group(1), match.group(2)),
                year,
                line.where(match.start(1))[1],
            )
        )
    return found
