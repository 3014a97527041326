"""How many of the anniversaries real documents celebrate the catalogue reproduces.

The corpus is ``tests/corpus/anniversaries/*.toml``: excerpts of real public documents (plans,
guidance on the year's great days …) with their URL and, written by hand, every anniversary
they name (ordinal, origin, date). An anniversary is reproduced when the library, with every
category selected, yields a milestone in that year with the same ordinal, the same origin (to
the precision the document gives: a day, a month or a year) and the same day.

Usage::

    python tools/eval_coverage.py            # the summary and every miss
    python tools/eval_coverage.py --json     # the same as JSON
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import thidua_calendar as tc

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "anniversaries"
TARGET = 0.97
"""The coverage the test requires (issue 12)."""


@dataclass(frozen=True)
class Item:
    """One anniversary a document names, with the truth written by hand."""

    document: str
    level: str
    text: str
    year: int
    ordinal: int
    origin: str
    date: str

    name: str = ""

    def matches(self, m: tc.Milestone) -> bool:
        """Whether a milestone states this anniversary: ordinal, origin, day and name.

        The origin agrees to the precision the document gives; a catalogue origin known to the
        year of a day or month commemorated in its own month (a whole-month row such as
        "Đạo đức cách mạng", 12/1958) has that month. The name agrees when most of the
        document's own words are in the entry's names (so "75 năm Ban Nữ công (1949)" is not
        matched by another 1949 origin of the same ordinal).
        """
        if m.ordinal != self.ordinal or m.origin is None:
            return False
        origin = m.origin
        month = origin.month
        rule = m.commemoration.rule
        if month is None and isinstance(rule, tc.SolarDay | tc.WholeMonth):
            month = rule.month
        parts = [int(p) for p in self.origin.split("-")]
        have = [origin.year, month, origin.day][: len(parts)]
        if have != parts:
            return False
        day = [int(p) for p in self.date.split("-")]
        if [m.date.year, m.date.month, m.date.day][: len(day)] != day:
            return False
        return not self.name or _same_name(self.name, m.commemoration)


@dataclass
class Report:
    """The outcome over the corpus."""

    documents: int = 0
    items: list[Item] = field(default_factory=list)
    misses: list[Item] = field(default_factory=list)

    @property
    def found(self) -> int:
        """Items reproduced."""
        return len(self.items) - len(self.misses)

    @property
    def coverage(self) -> float:
        """Share of the items reproduced."""
        return self.found / len(self.items) if self.items else 0.0

    def by_level(self) -> dict[str, tuple[int, int]]:
        """(reproduced, total) per issuer level."""
        total = Counter(i.level for i in self.items)
        missed = Counter(i.level for i in self.misses)
        return {level: (total[level] - missed[level], total[level]) for level in sorted(total)}


_COMMON = frozenset(
    {
        *("ngay", "thanh", "lap", "ky", "niem", "cua", "va", "viet", "truyen", "thong"),
        *("dong", "chi", "le", "hoi", "tp", "tinh", "pho", "cu", "to"),
    }
)
"""Words every day's name shares ("Ngày thành lập …", "đồng chí …"): not evidence of a match."""


def _words(text: str) -> set[str]:
    folded = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return {w for w in "".join(c if c.isalpha() else " " for c in plain).split() if len(w) > 1}


def name_score(name: str, entry: tc.Commemoration) -> float:
    """The share of a document's distinctive words for a day found in one of the entry's names."""
    wanted = _words(name) - _COMMON
    if not wanted:
        return 1.0
    return max(len(wanted & _words(text)) / len(wanted) for text in (entry.name_vi, *entry.aliases))


NAME_AGREEMENT = 0.8
"""The share of the document's distinctive words a matching entry's name must hold."""


def _same_name(name: str, entry: tc.Commemoration) -> bool:
    return name_score(name, entry) >= NAME_AGREEMENT


def _squeeze(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def load(corpus: Path = CORPUS) -> tuple[int, list[Item]]:
    """The documents and their anniversaries.

    Raises:
        ValueError: A document without the fields the corpus format requires.
    """
    items: list[Item] = []
    paths = sorted(corpus.glob("*.toml"))
    for path in paths:
        with path.open("rb") as f:
            doc = tomllib.load(f)
        for name in ("url", "year", "excerpt"):
            if name not in doc:
                raise ValueError(f"{path.name}: no {name!r}")
        for entry in doc.get("anniversary", []):
            if _squeeze(entry["text"]) not in _squeeze(doc["excerpt"]):
                raise ValueError(f"{path.name}: {entry['text']!r} is not in the excerpt")
            items.append(
                Item(
                    document=path.name,
                    level=str(doc.get("level", "?")),
                    text=entry["text"],
                    year=int(entry.get("year", doc["year"])),
                    ordinal=int(entry["ordinal"]),
                    origin=str(entry["origin"]),
                    date=str(entry["date"]),
                    name=str(entry.get("name", "")),
                )
            )
    return len(paths), items


def evaluate(corpus: Path = CORPUS, catalog: tc.Catalog | None = None) -> Report:
    """Match every item of the corpus against the catalogue's milestones of its year."""
    count, items = load(corpus)
    report = Report(documents=count, items=items)
    by_year: dict[int, list[tc.Milestone]] = {}
    for item in items:
        if item.year not in by_year:
            by_year[item.year] = tc.milestones(item.year, catalog=catalog, categories="all")
        if not any(item.matches(m) for m in by_year[item.year]):
            report.misses.append(item)
    return report


def render(report: Report) -> str:
    """The summary and the misses, as text."""
    lines = [
        f"Anniversary coverage: {report.found}/{len(report.items)} = {report.coverage:.1%} "
        f"over {report.documents} documents (target {TARGET:.0%})",
    ]
    for level, (found, total) in report.by_level().items():
        lines.append(f"  {level:<13} {found}/{total}")
    if report.misses:
        lines.append("Misses:")
        lines.extend(
            f"  {i.document}: {i.text} [{i.ordinal}, {i.origin}, {i.date}]" for i in report.misses
        )
    return "\n".join(lines)


def main(argv: Iterable[str] | None = None) -> int:
    """Print the coverage; exit 1 below the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args(list(argv) if argv is not None else None)
    report = evaluate()
    if args.json:
        record = {
            "documents": report.documents,
            "items": len(report.items),
            "found": report.found,
            "coverage": round(report.coverage, 4),
            "by_level": report.by_level(),
            "misses": [i.__dict__ for i in report.misses],
        }
        print(json.dumps(record, ensure_ascii=False, indent=2))
    else:
        print(render(report))
    return 0 if report.coverage >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
