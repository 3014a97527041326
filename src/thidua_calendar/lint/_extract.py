"""Extraction of a plan document's calendar: the entry point, :func:`extract`.

The document is read line by line once; each extractor looks at the lines that can hold
what it finds: the meta data (:mod:`._meta`: number, date, title, plan year, theme),
anniversary statements (:mod:`._anniversaries`), phases (:mod:`._phases`), Tết
(:mod:`._tet`) and congresses (:mod:`._congresses`). Names are recognised with the
catalogue given (:mod:`._names`); the records are those of :mod:`._model`. Every pattern is
linear (bounded repetitions, no nested quantifiers), so a megabyte of text takes well under
a second.

Examples:
    >>> doc = extract('''KẾ HOẠCH
    ... Phát động phong trào thi đua năm 2020
    ... Đợt 1 (Từ tháng 01/2020 đến 30/6/2020): Với chủ đề “Mừng Đảng quang vinh”. Kỷ niệm
    ... 90 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2020).''')
    >>> doc.year, doc.phases[0].start, doc.phases[0].theme
    (2020, datetime.date(2020, 1, 1), 'Mừng Đảng quang vinh')
    >>> a = doc.anniversaries[0]
    >>> a.ordinal, a.key, a.origin, a.date
    (90, 'thanh_lap_dang', '1930-02-03', '2020-02-03')
"""

from __future__ import annotations

from collections import Counter
from typing import Final

from .._years import YEARS
from ..commemorations import Catalog, default_catalog
from ._anniversaries import Statement, anniversaries
from ._anniversaries import statements as anniversary_statements
from ._congresses import mention, raw_congresses
from ._dates import FULL_DATES, full_dates
from ._meta import (
    Period,
    header,
    incomplete_dates,
    plan_period,
    plan_theme,
    reported_on,
    scopes,
    title,
)
from ._model import CongressMention, Extraction, Located, TetMention
from ._names import names
from ._phases import Label, PhaseBuilder, RawPhase, phases_in
from ._tet import tet_mentions
from ._text import Lines, split_lines


def extract(text: str, year: int | None = None, *, catalog: Catalog | None = None) -> Extraction:
    """Extract the calendar of a plan document.

    Args:
        text: The document (any text; nothing here raises on odd input).
        year: The plan year, overriding the one found in the text.
        catalog: The catalogue whose names are recognised (default: the shipped one).
    """
    catalog = default_catalog() if catalog is None else catalog
    index = names(catalog)
    lines = split_lines(text)
    number, issued = header(lines)
    period = plan_period(lines)

    statements: list[Statement] = []
    tet: list[TetMention] = []
    congresses: list[CongressMention] = []
    lede = reported_on(lines) if issued is None else None
    # The phases are built as the lines are read when the plan year is known already (from
    # the caller, the title or the date line); else at the end, with the year found.
    known = _known(period, year)
    builder = PhaseBuilder(lines, issued, catalog, lede)
    pending: Label | None = None
    pending_age = 0
    # Only the lines that can hold something are looked at: those with a digit (dates,
    # ordinals, years) and those whose text (with its continuation) has a letter of one of
    # the words tested below ("tết", "xuân", "đại h", "quốc hội", "khóa", "từ", "đợt",
    # "giai đoạn"): every character whose casefold has ế, x, đ, q, k or ừ (_KEY_LETTERS).
    previous = 0  # the number of the line looked at last
    for line in lines.dated_or_having(_KEY_LETTERS):
        at = line.number
        if pending is not None and at > previous + 1:  # it ages with each line between
            pending_age += _with_text(lines, previous, at, 4 - pending_age)
            if pending_age > 3:
                pending = None
        previous = at
        if known is not None:
            builder.build_before(at, known.year)
        # Cheap tests first: most lines have no date, no Tết, no congress.
        low = line.text.casefold()
        # A statement's number is followed by "năm" or "ngày", or follows "kỷ niệm" or
        # "giỗ" (_anniversaries._ORDINAL, _BARE, _GIO: their letters casefold to these).
        if line.digits and ("năm" in low or "ngày" in low or "niệm" in low or "giỗ" in low):
            said = anniversary_statements(line, index)
            statements += said
            builder.add_statements(said)
        if "tết" in low or "xuân" in low:
            tet += tet_mentions(line)
        if "đại h" in low or "quốc hội" in low or "khóa" in low or "khoá" in low:
            for raw in raw_congresses(line.text):
                if raw.series is not None and raw.start < line.own:
                    congresses.append(mention(line, raw, raw.series))
        found: list[RawPhase] = []
        still = pending
        if "từ" in low or "đợt" in low or "giai đoạn" in low:
            found, still = phases_in(line, pending, index)
            if found:
                builder.add(found)
        if still is not None and still is not pending and still != pending:
            pending, pending_age = still, 0
        elif line.own_text.strip():
            pending_age += 1
            if pending_age > 3 or found:
                pending = None

    period = _settle(period, year, statements)  # (the period known, when it was)
    plan_year, school_year = period.year, period.school_year
    phases, bound_dates = builder.finish(plan_year)
    for phase in phases:
        event, anchor = phase.end_event, phase.anchor
        if event is not None and event.congress is not None and event.ordinal and anchor:
            at_line, column, numeral = anchor
            congresses.append(
                CongressMention(
                    at_line,
                    column,
                    event.congress,
                    event.ordinal,
                    ahead=True,
                    numeral_column=numeral,
                )
            )
    # An opening names a year: only lines with digits and "năm" can hold one.
    opened = {
        line.number: opening
        for line in lines.containing(("năm",), dated=True)
        if (opening := scopes(line))
    }
    recorded = anniversaries(statements, period.years, phases, catalog, opened)

    impossible: dict[tuple[int, int], Located] = {}
    for line in lines.having(FULL_DATES, dated=True):
        for date in full_dates(line.own_text):
            if not date.valid:
                impossible[line.where(date.start)] = Located(
                    *line.where(date.start), date.text, date
                )
    for line, date in bound_dates:  # the impossible ones only
        impossible[line.where(date.start)] = Located(*line.where(date.start), date.text, date)
    out_of_range = tuple(
        [
            Located(p.line, p.column, p.window)
            for p in phases
            if (p.start is not None and p.start.year not in YEARS)
            or (p.end is not None and p.end.year not in YEARS)
        ]
    )
    return Extraction(
        year=plan_year,
        title=title(lines),
        theme=plan_theme(lines),
        number=number,
        issued=issued,
        anniversaries=tuple(recorded),
        phases=tuple(phases),
        tet=tuple(tet),
        congresses=tuple(sorted(congresses, key=lambda c: (c.line, c.column))),
        impossible=tuple(sorted(impossible.values(), key=lambda x: (x.line, x.column))),
        incomplete=tuple(incomplete_dates(lines)),
        out_of_range=out_of_range,
        lines=lines,
        school_year=school_year,
        catalog=catalog,
        years=period.years,
        year_source=period.source,
    )


_KEY_LETTERS: Final = "[ẾếXxĐđQqKk\u212aỪừ]"
"""Every character whose casefold holds ế, x, đ, q, k or ừ (a test reads all of Unicode)."""


def _with_text(lines: Lines, after: int, before: int, enough: int) -> int:
    """How many lines with text lie between line ``after`` and line ``before`` (numbers).

    Counting stops at ``enough``.
    """
    count = 0
    for index in range(after, before - 1):
        if lines.has_text(index):
            count += 1
            if count >= enough:
                break
    return count


def _known(period: Period, year: int | None) -> Period | None:
    """The period given, or found before the body is read (title, date line); else ``None``."""
    if year is not None:
        years = (year, year + 1) if period.school_year else (year,)
        return Period(year, period.school_year, years, "given")
    if period.source not in ("body", "stamp", ""):
        return period
    return None


def _settle(period: Period, year: int | None, statements: list[Statement]) -> Period:
    """The period given, or found; a guess from the body weighs the anniversaries' years.

    A body that names "năm 2020" twice and "năm 2019" once, with its anniversaries dated
    2019 ("30 năm … (6-12-1989 - 6-12-2019)"), is about 2019.
    """
    known = _known(period, year)
    if known is not None:
        return known
    counts: Counter[int] = Counter()
    for _, ordinal, _, events, *_ in statements:
        for event in events:
            origin, date = event.origin, event.date
            if origin and date and origin.year and date.year and date.year - origin.year == ordinal:
                counts[date.year] += 1
    if period.year is not None:
        counts[period.year] += 1
    if not counts or counts.most_common(1)[0][0] == period.year:
        return period
    best = counts.most_common(1)[0][0]
    return Period(best, False, (best,), period.source or "body") if best in YEARS else period
