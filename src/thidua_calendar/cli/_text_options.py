"""The argparse type of the flags that carry user text (``--name``, ``--description`` …).

The rule itself is :mod:`thidua_calendar._hygiene`'s; here it becomes an argparse error naming
the flag (one line, exit 2): ``argument --name: control character U+001B at character 5 is not
allowed; remove it``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from .._hygiene import problems
from .._wording import pick
from ._output import current_lang


def user_text(*, one_line: bool = True) -> Callable[[str], str]:
    """An argparse ``type=`` that refuses controls, surrogates and noncharacters.

    Args:
        one_line: Refuse line breaks and tabs too (a calendar name).
    """

    def text(value: str) -> str:
        found = problems(value, one_line=one_line)
        if found is not None:
            raise argparse.ArgumentTypeError(pick(current_lang(), *found))
        return value

    return text
