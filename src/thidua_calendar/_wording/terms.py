"""The names of the 24 solar terms (tiết khí), in Vietnamese and English.

Examples:
    >>> from thidua_calendar.lunar import SolarTerm
    >>> solar_term_name(SolarTerm.THANH_MINH, "vi"), solar_term_name(SolarTerm.DONG_CHI, "en")
    ('Thanh minh', 'Winter Solstice')
    >>> solar_term_day(SolarTerm.THANH_MINH, "vi")
    'tiết Thanh minh'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from . import pick

if TYPE_CHECKING:
    from .._vocabulary import LangArg
    from ..lunar._terms import SolarTerm

# Keyed by the terms' values, in their order (Tiểu hàn first); the Vietnamese names are the
# Sino-Vietnamese ones of almanacs, the English ones the usual translations.
_NAMES: Final = {
    "tieu_han": ("Tiểu hàn", "Minor Cold"),
    "dai_han": ("Đại hàn", "Major Cold"),
    "lap_xuan": ("Lập xuân", "Start of Spring"),
    "vu_thuy": ("Vũ thủy", "Rain Water"),
    "kinh_trap": ("Kinh trập", "Awakening of Insects"),
    "xuan_phan": ("Xuân phân", "Spring Equinox"),
    "thanh_minh": ("Thanh minh", "Pure Brightness"),
    "coc_vu": ("Cốc vũ", "Grain Rain"),
    "lap_ha": ("Lập hạ", "Start of Summer"),
    "tieu_man": ("Tiểu mãn", "Grain Buds"),
    "mang_chung": ("Mang chủng", "Grain in Ear"),
    "ha_chi": ("Hạ chí", "Summer Solstice"),
    "tieu_thu": ("Tiểu thử", "Minor Heat"),
    "dai_thu": ("Đại thử", "Major Heat"),
    "lap_thu": ("Lập thu", "Start of Autumn"),
    "xu_thu": ("Xử thử", "End of Heat"),
    "bach_lo": ("Bạch lộ", "White Dew"),
    "thu_phan": ("Thu phân", "Autumn Equinox"),
    "han_lo": ("Hàn lộ", "Cold Dew"),
    "suong_giang": ("Sương giáng", "Frost's Descent"),
    "lap_dong": ("Lập đông", "Start of Winter"),
    "tieu_tuyet": ("Tiểu tuyết", "Minor Snow"),
    "dai_tuyet": ("Đại tuyết", "Major Snow"),
    "dong_chi": ("Đông chí", "Winter Solstice"),
}


def solar_term_name(term: SolarTerm, lang: LangArg) -> str:
    """The name of a solar term: ``Thanh minh`` / ``Pure Brightness``."""
    vi, en = _NAMES[term.value]
    return pick(lang, vi, en)


def solar_term_day(term: SolarTerm, lang: LangArg) -> str:
    """A solar term as a day: ``tiết Thanh minh`` / ``solar term Pure Brightness``."""
    vi, en = _NAMES[term.value]
    return pick(lang, f"tiết {vi}", f"solar term {en}")


def solar_term_description(term: SolarTerm, lang: LangArg) -> str:
    """What a solar-term day is, for a feed's description."""
    vi, en = _NAMES[term.value]
    degrees = term.longitude
    return pick(
        lang,
        f"Ngày bắt đầu tiết {vi} (Mặt Trời ở kinh độ {degrees}°, giờ Việt Nam).",
        f"First day of the solar term {en} (the Sun at longitude {degrees}°, Vietnam time).",
    )


__all__ = ["solar_term_day", "solar_term_description", "solar_term_name"]
