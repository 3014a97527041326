"""The plan-document checker: extract a draft plan's calendar and point at its mistakes.

Plans are drafted by hand and copied from last year's, so real ones contain arithmetic and
date mistakes: "92 năm" where the dates make 94, a phase still dated last year, a congress
ordinal that does not match its term. :func:`check_text` reads a draft (plain text),
extracts its calendar — the plan year, anniversary statements, phase windows and themes,
Tết mentions with their can-chi names, congress ordinals — and reports each mistake as a
:class:`Diagnostic` with a line, a column, a stable code and a suggestion. The
:class:`Report` renders as text or JSON and turns the document into a plan file.

Examples:
    >>> from thidua_calendar.lint import check_text
    >>> report = check_text('''KẾ HOẠCH
    ... Phát động phong trào thi đua năm 2022
    ... - Đợt 1 (Từ tháng 01/2022 đến 30/6/2022): chào mừng kỷ niệm 93 năm Ngày thành lập
    ... Công đoàn Việt Nam (28/7/1929 - 28/7/2022).
    ... - Đợt 2 (Từ 01/7/2021 đến 31/12/2021): chào mừng Đại hội XIII Công đoàn Việt Nam
    ... nhiệm kỳ 2018-2023.''')
    >>> for f in report.findings:
    ...     if f.severity == "error":
    ...         print(f.line, f.code, f.suggestion)
    5 phase-year-typo có phải là năm 2022?
    5 congress-term Đại hội XII Công đoàn Việt Nam
    >>> [(p.label, p.start.isoformat()) for p in report.phases]
    [('Đợt 1', '2022-01-01'), ('Đợt 2', '2021-07-01')]
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from .._diagnostics import Diagnostic
    from ._api import MissingDependencyError, check_file, check_text
    from ._model import Anniversary, CongressMention, PhaseWindow, TetMention
    from ._report import Report

# Loaded on first use, so that importing the package stays light: the extraction patterns
# are compiled only when a document is checked.
_LAZY: dict[str, str] = {
    "MissingDependencyError": "_api",
    "check_file": "_api",
    "check_text": "_api",
    "Anniversary": "_model",
    "CongressMention": "_model",
    "PhaseWindow": "_model",
    "TetMention": "_model",
    "Diagnostic": "_report",
    "Report": "_report",
}


__getattr__, __dir__ = lazy_exports(__name__, _LAZY)


__all__ = [
    "Anniversary",
    "CongressMention",
    "Diagnostic",
    "MissingDependencyError",
    "PhaseWindow",
    "Report",
    "TetMention",
    "check_file",
    "check_text",
]
