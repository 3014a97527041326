"""Regenerate the generated sections of docs/*.md from the library itself.

A section is delimited by ``<!-- BEGIN GENERATED: name -->`` and ``<!-- END GENERATED: name -->``.
``--check`` (the default) exits 1 when a section is stale (the test suite runs the same
comparison); ``--write`` brings them up to date.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

import thidua_calendar as tc

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _month(label: tuple[int, int, bool]) -> str:
    _, month, leap = label
    return f"{month} (leap)" if leap else str(month)


def lunar_differences() -> str:
    """Markdown table: every month 1900–2199 where VIETNAM and CHINA start on different days."""
    years = tc.supported_years()
    vn = {(m.year, m.month, m.leap): m.start for y in years for m in tc.lunar_months(y)}
    cn = {(m.year, m.month, m.leap): m.start for y in years for m in tc.lunar_months(y, tc.CHINA)}
    rows = [
        "| Lunar year | Can chi | Month | Vietnam | China |",
        "|---|---|---|---|---|",
    ]
    for label in sorted(set(vn) | set(cn), key=lambda x: (x[0], x[1], x[2])):
        if vn.get(label) == cn.get(label):
            continue
        cells = [
            (vn[label].strftime("%d/%m/%Y") if label in vn else "—"),
            (cn[label].strftime("%d/%m/%Y") if label in cn else "—"),
        ]
        rows.append(
            f"| {label[0]} | {tc.can_chi(label[0])} | {_month(label)} | {cells[0]} | {cells[1]} |"
        )

    def count(first: int, last: int) -> str:
        labels = [r for r in rows[2:] if first <= int(r.split("|")[1]) <= last]
        years_count = len({r.split("|")[1] for r in labels})
        return f"{len(labels)} month labels in {years_count} lunar years"

    return (
        f"{count(1900, 2199)} differ in 1900–2199; since Vietnam's own calendar began, "
        f"{count(1968, 2099)} in 1968–2099.\n\n" + "\n".join(rows) + "\n"
    )


def provisional_months() -> str:
    """Markdown list of the provisional months of each variant."""
    lines = []
    for calendar in (tc.VIETNAM, tc.VIETNAM_UTC7, tc.CHINA):
        months = [
            m
            for y in tc.supported_years(calendar)
            for m in tc.lunar_months(y, calendar)
            if m.provisional
        ]
        listed = ", ".join(
            f"{m.year} m{_month((m.year, m.month, m.leap))} ({m.start.strftime('%d/%m/%Y')})"
            for m in months
        )
        lines.append(f"- `{calendar.key}`: {listed or 'none'}")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def catalogue_table() -> str:
    """Markdown table of the shipped commemoration catalogue, with sources."""
    from thidua_calendar.commemorations import (
        LunarDay,
        SolarDay,
        SolarTermDay,
        WholeMonth,
        default_catalog,
    )

    catalog = default_catalog()
    rows = [
        f"{len(catalog)} commemorations, revision {catalog.revision}. ★ = ngày lễ lớn "
        "(Nghị định 145/2013/NĐ-CP, Điều 4).",
        "",
        "| Key | Name | Day | Origin | Category | Ranked by | Legal basis / source |",
        "|---|---|---|---|---|---|---|",
    ]
    for entry in sorted(
        catalog.values(), key=lambda e: (e.rule.month, getattr(e.rule, "day", 0), e.key)
    ):
        rule = entry.rule
        if isinstance(rule, SolarDay):
            day = f"{rule.day:02d}/{rule.month:02d}"
        elif isinstance(rule, LunarDay):
            day = f"{rule.day:02d}/{rule.month:02d} âm lịch"
        elif isinstance(rule, SolarTermDay):
            day = str(rule)  # "tiết Thanh minh": its date moves by a day between years
        else:
            assert isinstance(rule, WholeMonth)
            day = f"tháng {rule.month}"
        star = " ★" if entry.major_day else ""
        basis = entry.legal_basis or entry.source
        validity = ""
        if entry.valid_from or entry.valid_until:
            validity = f" (valid {entry.valid_from or '…'} – {entry.valid_until or '…'})"
        rows.append(
            f"| `{entry.key}` | {_cell(entry.name_vi)}{star}<br>{_cell(entry.name_en)}{validity} "
            f"| {day} | {entry.origin.iso() if entry.origin else '—'} | {entry.category} "
            f"| {entry.rank_by} | {_cell(basis)} |"
        )
    return "\n".join(rows) + "\n"


def congress_table() -> str:
    """Markdown tables of the congress series."""
    from thidua_calendar.congresses import all_congress_series

    out = []
    for series in all_congress_series():
        out += [
            f"**{series.name_vi}** (`{series.key}`) — {series.name_en}",
            "",
            "| Ordinal | Opened | Term | Label |",
            "|---|---|---|---|",
        ]
        for c in series.congresses:
            opened = c.start.strftime("%d/%m/%Y") if c.start else str(c.year)
            term = f"{c.term[0]}–{c.term[1]}" if c.term else "—"
            out.append(f"| {c.roman} | {opened} | {term} | {_cell(series.label(c.ordinal))} |")
        out.append("")
    return "\n".join(out)


def cli_reference() -> str:
    """The ``--help`` of every command in English, from the argument parser itself."""
    import argparse

    from thidua_calendar.cli import build_parser

    parser = build_parser("en")  # the reference is English; the command is Vietnamese first
    parts = ["```text", _help(parser), "```", ""]

    def walk(p: argparse.ArgumentParser, prefix: str) -> None:
        # A command's options are added when its help is first formatted (by _help above).
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    parts.extend([f"## `{prefix} {name}`", "", "```text", _help(sub), "```", ""])
                    walk(sub, f"{prefix} {name}")

    walk(parser, "thidua-calendar")
    return "\n".join(parts)


def _help(parser: object) -> str:
    import os

    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "100"  # argparse wraps help to the terminal width
    try:
        text: str = parser.format_help()  # type: ignore[attr-defined]
    finally:  # the console examples run later are not wrapped to it (tables fit COLUMNS)
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved
    return text.rstrip()


SECTIONS: dict[str, Callable[[], str]] = {
    "cli-reference": cli_reference,
    "catalogue": catalogue_table,
    "congresses": congress_table,
    "lunar-differences": lunar_differences,
    "provisional-months": provisional_months,
}


def render(text: str) -> str:
    """The text with every generated section brought up to date."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        return f"<!-- BEGIN GENERATED: {name} -->\n{SECTIONS[name]()}<!-- END GENERATED: {name} -->"

    return re.sub(
        r"<!-- BEGIN GENERATED: ([\w-]+) -->\n.*?<!-- END GENERATED: \1 -->",
        replace,
        text,
        flags=re.S,
    )


def refresh_console(text: str) -> str:
    """Re-run the ``$ thidua-calendar …`` lines of ```console blocks and put in their output.

    Used by ``--write`` only: the tests compare the docs with the real output, and this keeps
    hand-edited examples honest when the output changes deliberately (review the diff).
    """
    import contextlib
    import io
    import shlex

    from thidua_calendar.cli import main as cli_main

    def run(command: str) -> str:
        out = io.StringIO()
        with (
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(io.StringIO()),
            contextlib.suppress(SystemExit),
        ):
            cli_main(shlex.split(command)[1:])
        return out.getvalue()

    def block(match: re.Match[str]) -> str:
        lines = []
        for line in match.group(1).splitlines():
            if line.startswith("$ thidua-calendar "):
                lines.append(line)
                lines.extend(run(line[2:]).rstrip("\n").splitlines())
        return "```console\n" + "\n".join(lines) + "\n```"

    return re.sub(r"```console\n(.*?)```", block, text, flags=re.S)


def main(argv: list[str] | None = None) -> int:
    """``--write`` the sections or ``--check`` them (the default)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="bring the sections up to date")
    mode.add_argument(
        "--check", action="store_true", help="exit 1 when a section is stale (the default)"
    )
    args = parser.parse_args(argv)
    stale = []
    for path in [*sorted(DOCS.glob("**/*.md")), ROOT / "README.md"]:
        text = path.read_text(encoding="utf-8")
        fresh = render(text)
        if args.write:
            fresh = refresh_console(fresh)
        if fresh != text:
            if args.write:
                path.write_text(fresh, encoding="utf-8")
                print(f"updated {path.relative_to(ROOT)}")
            else:
                stale.append(str(path.relative_to(ROOT)))
    if stale:
        print(
            f"stale generated sections in {', '.join(stale)}; run `make docs-sections`",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
