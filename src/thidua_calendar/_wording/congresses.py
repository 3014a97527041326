"""Congress labels: ``Đại hội XIII Công đoàn Việt Nam (nhiệm kỳ 2023-2028)``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._roman import to_roman
from . import english_ordinal, pick

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .._vocabulary import LangArg
    from ..congresses import Congress, CongressSeries


def congress_label(
    series: CongressSeries, ordinal: int, lang: LangArg, *, term: bool = True
) -> str:
    """The name of a series' congress, as plans write it.

    Args:
        series: The congress series.
        ordinal: The congress's number (it need not be in the data when ``term`` is false).
        lang: The language.
        term: Add the term (``nhiệm kỳ 2023-2028``) when the data knows it.

    Examples:
        >>> from thidua_calendar.congresses import congress_series
        >>> congress_label(congress_series("party"), 13, "en")
        'the 13th National Congress of the Communist Party of Vietnam (term 2021–2026)'
        >>> congress_label(congress_series("party"), 14, "vi", term=False)
        'Đại hội XIV của Đảng'
    """
    values = {
        "roman": to_roman(ordinal),
        "ordinal": english_ordinal(ordinal),
        "body": series.name_vi.removeprefix("Đại hội ").strip(),
        "name_en": series.name_en,
    }
    text = pick(lang, series.label_vi, series.label_en).format(**values)
    years = series.by_ordinal(ordinal).term if term else None
    if not years:
        return text
    return pick(
        lang, f"{text} (nhiệm kỳ {years[0]}-{years[1]})", f"{text} (term {years[0]}–{years[1]})"
    )


def event_title(congress: Congress, lang: LangArg) -> str:
    """A congress or election as a schedule entry's title, capitalised, with its term.

    Examples:
        >>> from thidua_calendar.congresses import congress_series
        >>> event_title(congress_series("national_assembly").by_ordinal(16), "vi")
        'Bầu cử đại biểu Quốc hội khóa XVI (nhiệm kỳ 2026-2031)'
        >>> event_title(congress_series("party").by_ordinal(14), "en")
        'The 14th National Congress of the Communist Party of Vietnam (term 2026–2031)'
    """
    text = congress.label(lang)
    return text[:1].upper() + text[1:]


def event_inline(congresses: Sequence[Congress], lang: LangArg) -> str:
    """Events as a plan greets them: ``Đại hội XIV của Đảng, bầu cử … khóa XVI``.

    Examples:
        >>> from thidua_calendar.congresses import congress_series
        >>> party = congress_series("party").by_ordinal(14)
        >>> vote = congress_series("national_assembly").by_ordinal(16)
        >>> event_inline([party, vote], "vi")
        'Đại hội XIV của Đảng và bầu cử đại biểu Quốc hội khóa XVI'
    """
    names = [c.label(lang, term=False) for c in congresses]
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {pick(lang, 'và', 'and')} {names[-1]}"


def event_description(congress: Congress, lang: LangArg) -> str:
    """What an event is: its days, place and source."""
    from . import date_text

    days = congress.days
    assert days is not None  # an event entry has its days
    when = date_text(days[0], lang)
    if days[1] != days[0]:
        when = f"{when} – {date_text(days[1], lang)}"
    parts = [f"{event_title(congress, lang)}: {when}"]
    if congress.location:
        parts.append(congress.location)
    text = ", ".join(parts) + "."
    if congress.source:
        text += pick(lang, f" Nguồn: {congress.source}.", f" Source: {congress.source}.")
    return text


__all__ = ["congress_label", "event_description", "event_inline", "event_title"]
