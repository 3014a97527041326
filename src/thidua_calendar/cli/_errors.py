"""Exit codes, and the mapping of errors to them: a one-line message, never a traceback.

0 success, 1 a check found errors, 2 bad usage or unreadable input (and, with a line asking
for a report, an error of the tool itself), 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from .._wording import cli as words
from .._wording.errors import in_lang
from ..errors import DataError, ThiduaError
from ._output import current_lang, error, flush, note

if TYPE_CHECKING:
    import argparse

    from .._vocabulary import LangArg
    from ..plans import PlanHasErrorsError

EXIT_OK: Final = 0
EXIT_FOUND_ERRORS: Final = 1
EXIT_BAD_INPUT: Final = 2
EXIT_INTERRUPTED: Final = 130  # 128 + SIGINT, what a shell reports for Ctrl-C


class UsageError(Exception):
    """Bad usage detected after parsing (exit code 2)."""


def run(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run a command's handler and return its exit code, or 2 with a one-line message."""
    try:
        code = handler(args)
    except DataError as exc:  # a file's error at file:line, in Vietnamese when it has one
        error(words.data_error(exc, current_lang()))
        return EXIT_BAD_INPUT
    except ThiduaError as exc:  # the library's words, in Vietnamese when it has them
        error(in_lang(exc, current_lang()))
        return EXIT_BAD_INPUT
    except (UsageError, TypeError, ValueError) as exc:
        error(str(exc))
        return EXIT_BAD_INPUT
    except OSError as exc:  # unreadable input or unwritable output (a closed stdout is silent)
        error(words.os_error(exc, current_lang()))
        return EXIT_BAD_INPUT
    except Exception as exc:  # a defect of the tool: one line, not a traceback
        internal_error(exc)
        return EXIT_BAD_INPUT
    finally:
        flush()
    return code


def internal_error(exc: BaseException) -> None:
    """The one line for an error of the tool itself, asking for a report."""
    detail = " ".join(str(exc).split())[:200]
    error(words.internal_error(type(exc).__name__, detail, current_lang()))


def refuse_plan(refused: PlanHasErrorsError, lang: LangArg, *, anyway: str = "") -> int:
    """Print the errors of a plan that ``plans.require_no_errors`` refused; returns exit code 1.

    Args:
        refused: The refusal, with the plan's error diagnostics.
        lang: The language of the diagnostics.
        anyway: What ``--force`` makes anyway, said in the message: ``"poster"`` or
            ``"draft"`` (``""``: nothing).
    """
    for d in refused.diagnostics:
        note(d.in_lang(lang).text())
    error(words.plan_refused(lang, anyway=anyway))
    return EXIT_FOUND_ERRORS
