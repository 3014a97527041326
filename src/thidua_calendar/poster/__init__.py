"""A printable year poster (*lịch thi đua*): the campaign year at a glance, on one landscape page.

The implementation lives in :mod:`._layout`; this module holds the public names.
"""

from __future__ import annotations

from ._layout import (
    EXTENSIONS,
    FORMATS,
    MARGIN_MM,
    PAPERS,
    PHASE_COLOURS,
    Poster,
    PosterError,
    PosterPlanError,
    lunar_label,
    make_poster,
    poster_format,
    poster_title,
    render_poster,
    text_width,
    wrap,
)

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "MARGIN_MM",
    "PAPERS",
    "PHASE_COLOURS",
    "Poster",
    "PosterError",
    "PosterPlanError",
    "lunar_label",
    "make_poster",
    "poster_format",
    "poster_title",
    "render_poster",
    "text_width",
    "wrap",
]
