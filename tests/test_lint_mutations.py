"""The mutation test of issue 15 item 2: one planted mistake of each kind, each found.

Clean pages of the checker corpus (tests/corpus/lint/: no mistake in their truth and no
finding of error or warning rank) get one mistake each — an ordinal ±1, a year in a phase
window, a can-chi, a congress ordinal, a Tết date, last year's sentence — and the checker
must find it with its own code on the line changed. Pages and places are chosen in a fixed
order (sorted file names, first line that fits), so the test is deterministic.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from thidua_calendar import lunar
from thidua_calendar._roman import to_roman
from thidua_calendar.lint import Report, check_text

CORPUS = Path(__file__).resolve().parent / "corpus" / "lint"
RANKED = ("error", "warning")


def _clean_pages() -> list[tuple[str, str, Report]]:
    pages = []
    for path in sorted(CORPUS.glob("*.toml")):
        with path.open("rb") as f:
            data = tomllib.load(f)
        if data.get("mistake"):
            continue
        report = check_text(data["text"])
        if report.extraction.year is None:
            continue
        if any(str(f.severity) in RANKED for f in report.findings):
            continue
        pages.append((path.name, data["text"], report))
    return pages


CLEAN = _clean_pages()

Mutant = tuple[str, int]  # the mutated text, the line changed (1-based)


def _replace_line(
    text: str, number: int, old: str, new: str, at: int | None = None
) -> Mutant | None:
    """The text with ``old`` replaced by ``new`` on a line (at ``at``, else its first place)."""
    lines = text.split("\n")
    line = lines[number - 1]
    where = line.find(old) if at is None else at
    if where < 0 or line[where : where + len(old)] != old:
        return None
    lines[number - 1] = line[:where] + new + line[where + len(old) :]
    return "\n".join(lines), number


def _dated(report: Report) -> Iterator[tuple[int, int, int, int, int]]:
    """(line, ordinal, origin year, date year, index) of self-consistent dated statements."""
    for a in report.extraction.anniversaries:
        o, d = a.origin_printed, a.date_printed
        if a.printed and o and d and o.year and d.year and d.year - o.year == a.ordinal:
            yield a.line, a.ordinal, o.year, d.year, a.index


def ordinal(text: str, report: Report) -> Iterator[Mutant]:
    """An ordinal one more than its dates make: "95 năm … (1930 - 2024)"."""
    for line, n, _, _, at in _dated(report):
        mutant = _replace_line(text, line, f"{n} năm", f"{n + 1} năm", at)
        if mutant:
            yield mutant


def window_year(text: str, report: Report) -> Iterator[Mutant]:
    """A phase of a plan with two or more phases, dated a year early (a copied year)."""
    phases = [p for p in report.extraction.phases if p.start and p.end and p.dates]
    year = report.extraction.year
    if len(phases) < 2 or year is None:
        return
    for phase in phases:
        line = text.split("\n")[phase.line - 1]
        assert phase.start is not None
        assert phase.end is not None
        if phase.window and str(year) in phase.window and phase.start.year == year:
            if phase.end.year != year:
                continue
            wrong = phase.window.replace(str(year), str(year - 1))
            if wrong in line or phase.window not in line:
                continue
            mutant = _replace_line(text, phase.line, phase.window, wrong)
            if mutant:
                yield mutant


def can_chi(text: str, report: Report) -> Iterator[Mutant]:
    """Tết printed with the can-chi of the year before."""
    for tet in report.extraction.tet:
        if tet.year is None:
            continue
        wrong = lunar.can_chi(tet.year - 1)
        mutant = _replace_line(text, tet.line, tet.can_chi, wrong)
        if mutant:
            yield mutant


def congress(text: str, report: Report) -> Iterator[Mutant]:
    """A congress printed with its term and the ordinal before its own."""
    for mention in report.extraction.congresses:
        if mention.term is None or mention.ordinal < 2:
            continue
        old = to_roman(mention.ordinal)
        found = re.search(rf"(?<![IVXLC]){old}(?![IVXLC])", mention.text)
        if found is None:
            continue
        new_text = mention.text.replace(old, to_roman(mention.ordinal - 1), 1)
        mutant = _replace_line(text, mention.line, mention.text, new_text)
        if mutant:
            yield mutant


def tet_date(text: str, report: Report) -> Iterator[Mutant]:
    """ "Tết Nguyên đán <can-chi> [year]" followed by a solar date one day off."""
    plan_year = report.extraction.year or 0
    for tet in report.extraction.tet:
        year = tet.year or next(
            (y for y in (plan_year, plan_year + 1) if lunar.can_chi(y) == tet.can_chi), None
        )
        if year is None:
            continue
        line = text.split("\n")[tet.line - 1]
        match = re.search(
            rf"tết nguyên đán {tet.can_chi.casefold()}(?:(?: năm)? {year})?", line.casefold()
        )
        if match is None:
            continue
        wrong = lunar.tet(year) - dt.timedelta(days=1)
        printed = line[: match.end()]
        stated = f"{printed} ({wrong.day}/{wrong.month}/{wrong.year})"
        mutant = _replace_line(text, tet.line, printed, stated)
        if mutant:
            yield mutant


def last_year(text: str, report: Report) -> Iterator[Mutant]:
    """A statement line copied from last year's plan: its ordinal and its year one less."""
    counts: dict[int, int] = {}
    for a in report.extraction.anniversaries:
        counts[a.line] = counts.get(a.line, 0) + 1
    for line, n, _, year, _ in _dated(report):
        if counts[line] != 1 or year != report.extraction.year:
            continue
        source = text.split("\n")[line - 1]
        pattern = re.compile(rf"\b{n} năm(.{{0,200}}?)\b{year}\b", re.S)
        match = pattern.search(source)
        if match is None or match.start() > 30:  # a plan's list item, not a story
            continue
        copied = f"{n - 1} năm{match.group(1)}{year - 1}"
        mutant = _replace_line(text, line, match.group(), copied)
        if mutant:
            yield mutant


MUTATIONS: dict[str, tuple[Callable[[str, Report], Iterator[Mutant]], str]] = {
    "ordinal": (ordinal, "ordinal-mismatch"),
    "window-year": (window_year, "phase-year-typo"),
    "can-chi": (can_chi, "can-chi-mismatch"),
    "congress-ordinal": (congress, "congress-term"),
    "tet-date": (tet_date, "lunar-date"),
    "stale-text": (last_year, "stale-text"),
}


def _planted(kind: str) -> tuple[str, Mutant]:
    """The first page and place (in a fixed order) that takes a mutation of a kind.

    A mutation that changes what the checker takes for the plan year is passed over: the
    mistake is defined against the page's period.
    """
    plant, _ = MUTATIONS[kind]
    for name, text, report in CLEAN:
        for mutant in plant(text, report):
            if check_text(mutant[0]).extraction.year == report.extraction.year:
                return name, mutant
    pytest.fail(f"no clean page takes a {kind} mutation")


def test_there_are_clean_pages() -> None:
    assert len(CLEAN) >= 10


@pytest.mark.parametrize("kind", sorted(MUTATIONS))
def test_each_planted_mistake_is_found_with_its_own_code(kind: str) -> None:
    name, (text, line) = _planted(kind)
    _, code = MUTATIONS[kind]
    findings = check_text(text).findings
    ranked = [(f.line, f.code) for f in findings if str(f.severity) in RANKED]
    assert (line, code) in ranked, (name, line, ranked)


def test_each_kind_is_planted_somewhere_else_than_the_others() -> None:
    # Not all the kinds on one page: the mutations exercise different documents.
    pages = {_planted(kind)[0] for kind in MUTATIONS}
    assert len(pages) >= 3
