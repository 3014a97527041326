"""The argparse type of the flags that carry user text (``--name``, ``--description`` …).

The rule itself is :mod:`thidua_calendar._hygiene`'s; here it becomes an argparse error naming
the flag (one line, exit 2): ``argument --name: control character U+001B at character 5 is not
allowed; remove it``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from .._hygiene import problem


def user_text(*, one_line: bool = True) -> Callable[[str], str]:
    """An argparse ``type=`` that refuses controls, surrogates and noncharacters.

    Args:
        one_line: Refuse line breaks and tabs too (a calendar name).
    """

    def text(value: str) -> str:
        reason = problem(value, one_line=one_line)
        if reason is not None:
            raise argparse.ArgumentTypeError(reason)
        return value

    return text
