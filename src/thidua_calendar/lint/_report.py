"""The result of checking a document: findings, the extracted calendar, and their renderings."""

from __future__ import annotations

import datetime as dt
import json

import attrs

from .._diagnostics import Diagnostic
from .._vocabulary import Lang, LangArg, Severity, to_lang
from .._wording.lint import summary
from ..plans import Plan
from ._model import Anniversary, CongressMention, Extraction, PhaseWindow, TetMention
from ._plan import build_plan, plan_toml


@attrs.frozen
class Report:
    """What :func:`check_text` found in a document.

    Attributes:
        findings: The findings (:class:`~thidua_calendar._diagnostics.Diagnostic`), in line
            order, each with its message and suggestion in both languages; a finding about
            a commemoration or a congress series carries its key.
        extraction: Everything extracted from the document; ``year``, ``anniversaries``,
            ``phases``, ``tet``, ``congresses``, ``title``, ``theme``, ``number`` and
            ``issued`` read from it.
        path: The file checked (``None`` for text).
        lang: The language of the messages: the findings are shown in it.
    """

    findings: tuple[Diagnostic, ...]
    extraction: Extraction = attrs.field(eq=False, repr=False)
    path: str | None = None
    lang: Lang = attrs.field(default=Lang.VI, converter=to_lang)

    def __attrs_post_init__(self) -> None:
        if any(f.lang is not self.lang for f in self.findings):
            shown = tuple(f.in_lang(self.lang) for f in self.findings)
            object.__setattr__(self, "findings", shown)

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
        return any(f.severity is Severity.ERROR for f in self.findings)

    def counts(self) -> dict[str, int]:
        """Findings by severity: ``{"error": …, "warning": …, "info": …}``."""
        return {str(s): sum(f.severity is s for f in self.findings) for s in Severity}

    def _shown(self, lang: LangArg | None) -> tuple[Lang, tuple[Diagnostic, ...]]:
        """The language to show, and the findings in it."""
        language = self.lang if lang is None else to_lang(lang)
        if language is self.lang:
            return language, self.findings
        return language, tuple(f.in_lang(language) for f in self.findings)

    def to_dict(self, lang: LangArg | None = None) -> dict[str, object]:
        """The report as plain data (the JSON shape)."""
        _, findings = self._shown(lang)
        return {
            "year": self.year,
            "findings": [f.as_record() for f in findings],
            "extracted": {
                "anniversaries": [a.record() for a in self.anniversaries],
                "phases": [p.record() for p in self.phases],
                "tet": [t.record() for t in self.tet],
                "congresses": [c.record() for c in self.congresses],
            },
        }

    def to_json(self, lang: LangArg | None = None) -> str:
        """The report as JSON (UTF-8 text, not ASCII-escaped, final newline)."""
        return json.dumps(self.to_dict(lang), ensure_ascii=False, indent=2) + "\n"

    def to_text(self, lang: LangArg | None = None) -> str:
        """One line per finding (``file:line:column: severity [code]: message``) and a summary."""
        language, findings = self._shown(lang)
        path = self.path or "<text>"
        out = [f.text(path) for f in findings]
        sizes = (len(self.anniversaries), len(self.phases), len(self.tet), len(self.congresses))
        out.append(summary(path, self.year, sizes, self.counts(), language))
        return "\n".join(out) + "\n"

    def plan(self) -> Plan | None:
        """The plan the document describes (``None`` without a plan year), on its catalogue."""
        return build_plan(self.extraction, self.path)

    def to_plan_toml(self) -> str:
        """The document as a plan file (TOML) that :func:`~thidua_calendar.parse_plan` reads.

        Phases keep their windows as printed (a year typo stays, for ``plan check`` to
        report), with their themes and, as ``focus``, the anniversaries named in their text.

        Raises:
            ValueError: The plan year is unknown (give ``year=``), or nothing was extracted.
        """
        return plan_toml(self.extraction, self.path)
