"""The result of checking a document: findings, the extracted calendar, and their renderings."""

from __future__ import annotations

import datetime as dt
import json
from typing import Final, Literal

import attrs

from ..commemorations import Lang
from ..plans import Plan
from ._phases import Anniversary, CongressMention, Extraction, PhaseWindow, TetMention

Severity = Literal["error", "warning", "info"]
SEVERITIES: Final = ("error", "warning", "info")


@attrs.frozen
class Finding:
    """One mistake (or remark) in a document.

    Attributes:
        line: The 1-based line (``None`` for the document as a whole).
        column: The 1-based column in the original text's line.
        severity: ``error``, ``warning`` or ``info``.
        code: A stable code (``ordinal-mismatch``, ``phase-year-typo`` …).
        message: What is wrong, in the report's language.
        suggestion: How to fix it, in the same language ("" when there is nothing to suggest).
        texts: The message and suggestion in every language, as (lang, message, suggestion).
    """

    line: int | None
    column: int | None
    severity: Severity
    code: str
    message: str
    suggestion: str = ""
    texts: tuple[tuple[str, str, str], ...] = attrs.field(default=(), eq=False, repr=False)

    def in_lang(self, lang: Lang) -> Finding:
        """The same finding with its message and suggestion in another language."""
        for code, message, suggestion in self.texts:
            if code == lang:
                return attrs.evolve(self, message=message, suggestion=suggestion)
        return self

    def record(self) -> dict[str, object]:
        """The JSON record: line, column, severity, code, message, suggestion."""
        return {
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "suggestion": self.suggestion,
        }

    def text(self, path: str = "<text>") -> str:
        """``plan.txt:32:4: error [phase-year-typo]: … (có phải là năm 2022?)``."""
        where = path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        hint = f" ({self.suggestion})" if self.suggestion else ""
        return f"{where}: {self.severity} [{self.code}]: {self.message}{hint}"


def make_finding(
    severity: Severity,
    code: str,
    line: int | None,
    column: int | None,
    vi: tuple[str, str],
    en: tuple[str, str],
    lang: Lang,
) -> Finding:
    """A finding with both languages, showing ``lang``."""
    message, suggestion = en if lang == "en" else vi
    texts = (("vi", *vi), ("en", *en))
    return Finding(line, column, severity, code, message, suggestion, texts)


def _count(number: int, word: str) -> str:
    plural = {"anniversary": "anniversaries", "congress": "congresses"}.get(word, word + "s")
    return f"{number} {word if number == 1 else plural}"


@attrs.frozen
class Report:
    """What :func:`check_text` found in a document.

    Attributes:
        findings: The findings, in line order.
        extraction: Everything extracted from the document; ``year``, ``anniversaries``,
            ``phases``, ``tet``, ``congresses``, ``title``, ``theme``, ``number`` and
            ``issued`` read from it.
        path: The file checked (``None`` for text).
        lang: The language of the messages.
    """

    findings: tuple[Finding, ...]
    extraction: Extraction = attrs.field(eq=False, repr=False)
    path: str | None = None
    lang: Lang = "vi"

    @property
    def year(self) -> int | None:
        """The plan year (given, or found in the text)."""
        return self.extraction.year

    @property
    def anniversaries(self) -> tuple[Anniversary, ...]:
        """The anniversary statements."""
        return self.extraction.anniversaries

    @property
    def phases(self) -> tuple[PhaseWindow, ...]:
        """The phases."""
        return self.extraction.phases

    @property
    def tet(self) -> tuple[TetMention, ...]:
        """The Tết mentions."""
        return self.extraction.tet

    @property
    def congresses(self) -> tuple[CongressMention, ...]:
        """The congress mentions."""
        return self.extraction.congresses

    @property
    def title(self) -> str | None:
        """The document's title, when found."""
        return self.extraction.title

    @property
    def theme(self) -> str | None:
        """The year's theme, when found."""
        return self.extraction.theme

    @property
    def number(self) -> str | None:
        """The document number, when found."""
        return self.extraction.number

    @property
    def issued(self) -> dt.date | None:
        """The document date, when printed in full."""
        return self.extraction.issued

    @property
    def has_errors(self) -> bool:
        """Whether any finding is an error."""
        return any(f.severity == "error" for f in self.findings)

    def counts(self) -> dict[str, int]:
        """Findings by severity."""
        return {s: sum(f.severity == s for f in self.findings) for s in SEVERITIES}

    def to_dict(self, lang: Lang | None = None) -> dict[str, object]:
        """The report as plain data (the JSON shape)."""
        language = lang or self.lang
        return {
            "year": self.year,
            "findings": [f.in_lang(language).record() for f in self.findings],
            "extracted": {
                "anniversaries": [a.record() for a in self.anniversaries],
                "phases": [p.record() for p in self.phases],
                "tet": [t.record() for t in self.tet],
                "congresses": [c.record() for c in self.congresses],
            },
        }

    def to_json(self, lang: Lang | None = None) -> str:
        """The report as JSON (UTF-8 text, not ASCII-escaped, final newline)."""
        return json.dumps(self.to_dict(lang), ensure_ascii=False, indent=2) + "\n"

    def to_text(self, lang: Lang | None = None) -> str:
        """One line per finding (``file:line:column: severity [code]: message``) and a summary."""
        language = lang or self.lang
        path = self.path or "<text>"
        out = [f.in_lang(language).text(path) for f in self.findings]
        counts = self.counts()
        sizes = (len(self.anniversaries), len(self.phases), len(self.tet), len(self.congresses))
        if language == "en":
            year = f"plan year {self.year}" if self.year else "no plan year found"
            found = ", ".join(
                _count(n, word)
                for n, word in zip(
                    sizes, ("anniversary", "phase", "Tết mention", "congress"), strict=True
                )
            )
            out.append(
                f"{path}: {year}; {found}; {counts['error']} error(s), "
                f"{counts['warning']} warning(s), {counts['info']} note(s)"
            )
        else:
            year = f"kế hoạch năm {self.year}" if self.year else "không rõ năm kế hoạch"
            out.append(
                f"{path}: {year}; {sizes[0]} ngày kỷ niệm, {sizes[1]} đợt thi đua, "
                f"{sizes[2]} lần nhắc Tết, {sizes[3]} đại hội; {counts['error']} lỗi, "
                f"{counts['warning']} cảnh báo, {counts['info']} ghi chú"
            )
        return "\n".join(out) + "\n"

    def plan(self) -> Plan | None:
        """The plan the document describes (``None`` without a plan year)."""
        from ._plan import build_plan

        return build_plan(self.extraction, self.path)

    def to_plan_toml(self) -> str:
        """The document as a plan file (TOML) that :func:`~thidua_calendar.parse_plan` reads.

        Phases keep their windows as printed (a year typo stays, for ``plan check`` to
        report), with their themes and, as ``focus``, the anniversaries named in their text.

        Raises:
            ValueError: The plan year is unknown (give ``year=``), or nothing was extracted.
        """
        from ._plan import plan_toml

        return plan_toml(self.extraction, self.path)
