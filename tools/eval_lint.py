"""How right the plan checker is on real documents: precision and recall over the corpora.

Two corpora of real public documents, each with the truth written by hand:

- ``tests/corpus/lint/*.toml`` — plan pages (plans, reports, school-year and Tết plans) with
  every anniversary, phase, Tết mention, congress and real mistake they contain;
- ``tests/corpus/anniversaries/*.toml`` — the anniversary corpus (issue 12): lists of a year's
  anniversaries, whose "document error:" notes and ``[[mistake]]`` tables are real mistakes
  too. These are fragments without a title line, so they are checked with their year given
  (``check_text(year=…)``), unless their items span two years; a document in another language
  (``lang = "en"``) is left out: the checker reads Vietnamese.

A finding of error or warning rank is right when it is on a line that holds a real mistake;
any other error or warning is a false alarm. A mistake is found when such a finding is on its
line. The document's own statements are found when the checker extracts them on the line the
truth names (anniversaries: the same ordinal; phases: the same first and last day; Tết: the
same can-chi; congresses: the same series and ordinal).

Usage::

    python tools/eval_lint.py            # the summary, per check and per field, and every miss
    python tools/eval_lint.py --json
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thidua_calendar import lint

ROOT = Path(__file__).resolve().parent.parent / "tests" / "corpus"
LINT = ROOT / "lint"
ANNIVERSARIES = ROOT / "anniversaries"
RANKED = ("error", "warning")

TARGETS = {
    "precision": 0.95,
    "anniversaries": 0.97,
    "phases": 0.90,
    "tet": 0.95,
    "mistakes": 0.90,
}
"""The targets of issue 15 (and no false error on any page)."""


def _squeeze(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


@dataclass
class Document:
    """One corpus document and its truth."""

    name: str
    text: str
    year: int | None
    truth: dict[str, Any]
    mistakes: list[dict[str, str]]

    def line_of(self, snippet: str) -> int | None:
        """The 1-based line on which a verbatim snippet starts (whitespace-insensitive)."""
        found = self.lines_of(snippet)
        return min(found) if found else None

    def lines_of(self, snippet: str) -> frozenset[int]:
        """The 1-based lines that hold a verbatim snippet (whitespace-insensitive).

        Every line that holds the whole snippet; else the lines a snippet that runs over a
        line break spans; else the first line with its opening words.
        """
        whole = _squeeze(snippet)
        if not whole:
            return frozenset()
        squeezed = [_squeeze(line) for line in self.text.splitlines()]
        found = frozenset(n for n, line in enumerate(squeezed, start=1) if whole in line)
        if found:
            return found
        joined, starts = "", []
        for line in squeezed:
            starts.append(len(joined))
            joined += line + " "
        at = joined.find(whole)
        if at >= 0:
            last = at + len(whole) - 1
            return frozenset(
                n
                for n, start in enumerate(starts, start=1)
                if start <= last and at < start + len(squeezed[n - 1]) + 1
            )
        probe = whole[:40]
        for number, line in enumerate(squeezed, start=1):
            if probe in line or line.startswith(probe[:25]):
                return frozenset({number})
        # A snippet that runs over a line break: match its opening words.
        for number, line in enumerate(squeezed, start=1):
            if probe[:20] and probe[:20] in line:
                return frozenset({number})
        return frozenset()


@dataclass
class Tally:
    """Found / total for one field, with the misses."""

    found: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, what: str) -> None:
        """Count one item."""
        self.total += 1
        if ok:
            self.found += 1
        else:
            self.misses.append(what)

    @property
    def rate(self) -> float:
        """The share found (1.0 when there is nothing to find)."""
        return self.found / self.total if self.total else 1.0


@dataclass
class Report:
    """The checker's score over the corpora."""

    documents: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    wrong: Counter[str] = field(default_factory=Counter)
    false_alarms: list[str] = field(default_factory=list)
    false_error_pages: set[str] = field(default_factory=set)
    fields: dict[str, Tally] = field(
        default_factory=lambda: {
            k: Tally() for k in ("anniversaries", "phases", "tet", "congresses", "mistakes")
        }
    )

    @property
    def precision(self) -> float:
        """Right findings of error or warning rank over all of them."""
        right, total = sum(self.right.values()), sum(self.right.values()) + sum(self.wrong.values())
        return right / total if total else 1.0

    def meets_targets(self) -> bool:
        """Whether every target of issue 15 is met."""
        return (
            not self.false_error_pages
            and self.precision >= TARGETS["precision"]
            and all(
                self.fields[k].rate >= TARGETS[k]
                for k in ("anniversaries", "phases", "tet", "mistakes")
            )
        )


def _documents() -> list[Document]:
    docs = []
    for path in sorted(LINT.glob("*.toml")):
        with path.open("rb") as f:
            data = tomllib.load(f)
        docs.append(Document(path.name, data["text"], None, data, list(data.get("mistake", []))))
    for path in sorted(ANNIVERSARIES.glob("*.toml")):
        with path.open("rb") as f:
            data = tomllib.load(f)
        if data.get("lang", "vi") != "vi":
            continue  # the checker reads Vietnamese documents
        items = data.get("anniversary", [])
        mistakes = [
            {"line": a["text"], "kind": "anniversary", "explanation": a.get("note", "")}
            for a in items
            if a.get("note", "").lower().startswith("document error")
        ] + list(data.get("mistake", []))
        truth = {"anniversary": [{"line": a["text"], **a} for a in items]}
        # A fragment has no title: its year is given, unless its items span two years.
        year = None if any("year" in a for a in items) else int(data["year"])
        docs.append(Document(path.name, data["excerpt"], year, truth, mistakes))
    return docs


def _on_line(items: Iterable[Any], lines: frozenset[int]) -> list[Any]:
    return [i for i in items if i.line in lines]


def evaluate() -> Report:
    """Check every document and score the findings and the extraction."""
    report = Report()
    for doc in _documents():
        report.documents += 1
        result = lint.check_text(doc.text, year=doc.year)
        ex = result.extraction
        mistake_lines = frozenset().union(*(doc.lines_of(m["line"]) for m in doc.mistakes))
        for finding in result.findings:
            if str(finding.severity) not in RANKED:
                continue
            report.by_kind[finding.code] += 1
            if finding.line in mistake_lines:
                report.right[finding.code] += 1
            else:
                report.wrong[finding.code] += 1
                text = doc.text.splitlines()[finding.line - 1] if finding.line else ""
                where = f"{doc.name}:{finding.line}: {finding.severity} [{finding.code}]"
                report.false_alarms.append(f"{where} {finding.message} | {text.strip()[:120]}")
                if str(finding.severity) == "error":
                    report.false_error_pages.add(doc.name)
        ranked_lines = {f.line for f in result.findings if str(f.severity) in RANKED}
        for m in doc.mistakes:
            report.fields["mistakes"].add(
                bool(doc.lines_of(m["line"]) & ranked_lines),
                f"{doc.name}: {m.get('kind', '?')}: {m['line'][:90]}",
            )
        for a in doc.truth.get("anniversary", []):
            lines = doc.lines_of(a["line"])
            # The truth gives the right ordinal; a statement whose number is the mistake is
            # found when it is extracted with its origin year.
            wrong = bool(lines & mistake_lines)
            origin = str(a.get("origin", ""))[:4]
            ok = any(
                x.ordinal == int(a["ordinal"])
                or (wrong and x.origin is not None and x.origin[:4] == origin)
                for x in _on_line(ex.anniversaries, lines)
            )
            report.fields["anniversaries"].add(ok, f"{doc.name}: {a['line'][:90]}")
        for p in doc.truth.get("phase", []):
            start = dt.date.fromisoformat(p["start"]) if p.get("start") else None
            end = dt.date.fromisoformat(p["end"]) if p.get("end") else None
            ok = any(x.start == start and (end is None or x.end == end) for x in ex.phases)
            report.fields["phases"].add(ok, f"{doc.name}: {p['line'][:90]} [{start}..{end}]")
        for t in doc.truth.get("tet", []):
            lines = doc.lines_of(t["line"])
            wanted = _squeeze(t.get("can_chi", ""))
            ok = any(_squeeze(x.can_chi) == wanted for x in _on_line(ex.tet, lines))
            report.fields["tet"].add(ok, f"{doc.name}: {t['line'][:90]}")
        for c in doc.truth.get("congress", []):
            lines = doc.lines_of(c["line"])
            ok = any(
                x.ordinal == int(c["ordinal"])
                and (c.get("series") in ("other", None) or x.series == c["series"])
                for x in _on_line(ex.congresses, lines)
            )
            report.fields["congresses"].add(ok, f"{doc.name}: {c['line'][:90]}")
    return report


def render(report: Report, *, misses: bool = True) -> str:
    """The summary as text."""
    right, wrong = sum(report.right.values()), sum(report.wrong.values())
    lines = [
        f"Checker on {report.documents} real documents: {right + wrong} findings of error or "
        f"warning rank, {right} right: precision {report.precision:.1%} (target "
        f"{TARGETS['precision']:.0%}); pages with a false error: {len(report.false_error_pages)}",
        "Per check (right/all):",
    ]
    for code in sorted(report.by_kind):
        lines.append(f"  {code:<28} {report.right[code]}/{report.by_kind[code]}")
    lines.append("Recall per field (found/all):")
    for name, tally in report.fields.items():
        target = TARGETS.get(name)
        goal = f" (target {target:.0%})" if target else ""
        lines.append(f"  {name:<14} {tally.found}/{tally.total} = {tally.rate:.1%}{goal}")
    if misses:
        if report.false_alarms:
            lines.append("False alarms:")
            lines.extend(f"  {x}" for x in report.false_alarms)
        for name, tally in report.fields.items():
            if tally.misses:
                lines.append(f"Missed {name}:")
                lines.extend(f"  {x}" for x in tally.misses)
    return "\n".join(lines)


def main(argv: Iterable[str] | None = None) -> int:
    """Print the evaluation; exit 1 when a target is not met."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--summary", action="store_true", help="no list of misses")
    args = parser.parse_args(list(argv) if argv is not None else None)
    report = evaluate()
    if args.json:
        record = {
            "documents": report.documents,
            "precision": round(report.precision, 4),
            "by_check": {c: [report.right[c], report.by_kind[c]] for c in sorted(report.by_kind)},
            "recall": {k: [t.found, t.total] for k, t in report.fields.items()},
            "false_error_pages": sorted(report.false_error_pages),
            "false_alarms": report.false_alarms,
        }
        print(json.dumps(record, ensure_ascii=False, indent=2))
    else:
        print(render(report, misses=not args.summary))
    return 0 if report.meets_targets() else 1


if __name__ == "__main__":
    sys.exit(main())
