"""Congress labels: ``Đại hội XIII Công đoàn Việt Nam (nhiệm kỳ 2023-2028)``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._roman import to_roman
from . import english_ordinal, pick

if TYPE_CHECKING:
    from .._vocabulary import LangArg
    from ..congresses import CongressSeries


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


__all__ = ["congress_label"]
