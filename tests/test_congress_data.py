"""Facts of the congress catalogue, written from the sources (not read back from the file).

Each row of ``SOURCED`` is a congress added or corrected for issue 12, with its ordinal, days
and term as the named source states them. ``None`` for the days means the source gives only the
year (a congress announced for 2026 whose dates were not confirmed): the data must then carry
the year alone and ``confidence = "medium"``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Final

import pytest

import thidua_calendar as tc
from thidua_calendar._wording.congresses import congress_label

D = dt.date

# (series, ordinal, first day, last day, year, term)
SOURCED: Final[
    list[tuple[str, int, dt.date | None, dt.date | None, int, tuple[int, int] | None]]
] = [
    # Công đoàn Việt Nam. XIII: saa.gov.vn ("nhiệm kỳ 2023 - 2028 … từ ngày 1 - 3/12/2023").
    ("vn_trade_union", 13, D(2023, 12, 1), D(2023, 12, 3), 2023, (2023, 2028)),
    # XIV: sggp.org.vn / thanhnien.vn 20/11/2025 ("dự kiến … tháng 6-2026", "nhiệm kỳ 2026-2031").
    ("vn_trade_union", 14, None, None, 2026, (2026, 2031)),
    # Đảng XIV: 24h.com.vn 23/1/2026 ("diễn ra từ 19-23/1/2026 … rút ngắn 1,5 ngày").
    ("party", 14, D(2026, 1, 19), D(2026, 1, 23), 2026, (2026, 2031)),
    # Thi đua yêu nước XI: vietnamplus.vn (phiên trù bị chiều 26/12, khai mạc 27/12/2025).
    ("patriotic_emulation", 11, D(2025, 12, 26), D(2025, 12, 27), 2025, None),
    # Thi đua CNVCLĐ XI: sggp.org.vn 26/10/2025 ("Sáng 26-10 … lần thứ XI, giai đoạn 2025-2030").
    ("cnvcld_emulation", 11, D(2025, 10, 26), D(2025, 10, 26), 2025, (2025, 2030)),
    # Bầu cử Quốc hội khóa XVI và HĐND các cấp 2026-2031: truongchinhtri.laichau.gov.vn (15/3/2026).
    ("national_assembly", 16, D(2026, 3, 15), None, 2026, (2026, 2031)),
    # MTTQ Việt Nam. I-III: baotintuc.vn/TTXVN 18/9/2019 "Mặt trận Tổ quốc Việt Nam qua các kỳ
    # Đại hội"; I's term: mattran.org.vn ("Nhiệm kỳ 1977 - 1983").
    ("vn_fatherland_front", 1, D(1977, 1, 31), D(1977, 2, 4), 1977, (1977, 1983)),
    ("vn_fatherland_front", 2, D(1983, 5, 12), D(1983, 5, 14), 1983, None),
    ("vn_fatherland_front", 3, D(1988, 11, 2), D(1988, 11, 4), 1988, None),
    # V: nvsk.vnanet.vn ("họp từ ngày 26 đến 28/8/1999"); VI: TTXVN 23/9/2004 ("21 đến 23 tháng 9").
    ("vn_fatherland_front", 5, D(1999, 8, 26), D(1999, 8, 28), 1999, (1999, 2004)),
    ("vn_fatherland_front", 6, D(2004, 9, 21), D(2004, 9, 23), 2004, (2004, 2009)),
    # VII: nvsk.vnanet.vn ("từ ngày 28 đến 30/9/2009"); VIII: thanhnien.vn ("từ ngày 25 - 27.9").
    ("vn_fatherland_front", 7, D(2009, 9, 28), D(2009, 9, 30), 2009, (2009, 2014)),
    ("vn_fatherland_front", 8, D(2014, 9, 25), D(2014, 9, 27), 2014, (2014, 2019)),
    # IX: ncc.gov.vn ("Ngày 18-20/9/2019"); X: baotintuc.vn 4/10/2024 ("từ ngày 16 - 18/10/2024").
    ("vn_fatherland_front", 9, D(2019, 9, 18), D(2019, 9, 20), 2019, (2019, 2024)),
    ("vn_fatherland_front", 10, D(2024, 10, 16), D(2024, 10, 18), 2024, (2024, 2029)),
    # XI: vtcnews.vn 14/1/2026 ("lần thứ XI, nhiệm kỳ 2026-2031 … dự kiến đầu tháng 5/2026").
    ("vn_fatherland_front", 11, None, None, 2026, (2026, 2031)),
    # Đoàn TNCS Hồ Chí Minh. XI: doanvptw.dcs.vn ("từ ngày 10/12/2017 đến ngày 13/12/2017");
    # XII: baodantoc.vn ("từ ngày 14-16/12"); XIII: tienphong.vn 8/1/2026 ("nhiệm kỳ 2026 - 2031").
    ("youth_union", 11, D(2017, 12, 10), D(2017, 12, 13), 2017, (2017, 2022)),
    ("youth_union", 12, D(2022, 12, 14), D(2022, 12, 16), 2022, (2022, 2027)),
    ("youth_union", 13, None, None, 2026, (2026, 2031)),
    # Hội LHPN Việt Nam. XII: danvan.vn (trù bị 6/3/2017), bqllang.gov.vn ("07 đến 09-3-2017");
    # XIII: vietnamnet.vn ("từ ngày 9-11/3"); XIV: phunuvietnam.vn ("dự kiến … tháng 6-2026").
    ("womens_union", 12, D(2017, 3, 6), D(2017, 3, 9), 2017, (2017, 2022)),
    ("womens_union", 13, D(2022, 3, 9), D(2022, 3, 11), 2022, (2022, 2027)),
    ("womens_union", 14, None, None, 2026, (2026, 2031)),
    # Hội Nông dân Việt Nam. I-III: qdnd.vn "Hội Nông dân Việt Nam qua các nhiệm kỳ đại hội";
    # V: cand.com.vn ("từ ngày 22 đến 24/12"); VI: baoninhbinh.org.vn (bế mạc 3/7, bốn ngày);
    # VII: baovemoitruong.org.vn (khai mạc 12/12/2018); VIII: congly.vn ("3 ngày 25, 26 và 27/12").
    ("farmers_union", 1, D(1988, 3, 27), D(1988, 3, 31), 1988, (1988, 1993)),
    ("farmers_union", 2, D(1993, 11, 15), D(1993, 11, 19), 1993, (1993, 1998)),
    ("farmers_union", 3, D(1998, 11, 17), D(1998, 11, 20), 1998, (1998, 2003)),
    ("farmers_union", 5, D(2008, 12, 22), D(2008, 12, 24), 2008, (2008, 2013)),
    ("farmers_union", 6, D(2013, 6, 30), D(2013, 7, 3), 2013, (2013, 2018)),
    ("farmers_union", 7, D(2018, 12, 12), None, 2018, (2018, 2023)),
    ("farmers_union", 8, D(2023, 12, 25), D(2023, 12, 27), 2023, (2023, 2028)),
    # Hội CCB Việt Nam. VI: cand.com.vn ("từ 13 đến 15-12-2017");
    # VII: vov2.vov.vn ("từ 29 - 31/12/2022").
    ("veterans_association", 6, D(2017, 12, 13), D(2017, 12, 15), 2017, (2017, 2022)),
    ("veterans_association", 7, D(2022, 12, 29), D(2022, 12, 31), 2022, (2022, 2027)),
]

# Terms cut short by the 2026 congresses that followed the 2025 reorganisation (Chỉ thị
# 48-CT/TW, 24/6/2025): the documented term overlaps the next congress's, on purpose.
CUT_SHORT: Final = {
    ("vn_trade_union", 13),  # 2023-2028, XIV in 2026 (sggp.org.vn 20/11/2025)
    ("vn_fatherland_front", 10),  # 2024-2029, XI in 2026 (vtcnews.vn 14/1/2026)
    ("youth_union", 12),  # 2022-2027, XIII in 2026 (tienphong.vn 8/1/2026)
    ("womens_union", 13),  # 2022-2027, XIV in 2026 (phunuvietnam.vn)
}


@pytest.mark.parametrize(("series", "ordinal", "first", "last", "year", "term"), SOURCED)
def test_sourced_congress(
    series: str,
    ordinal: int,
    first: dt.date | None,
    last: dt.date | None,
    year: int,
    term: tuple[int, int] | None,
) -> None:
    congress = tc.congress_series(series).by_ordinal(ordinal)
    assert (congress.start, congress.end, congress.year, congress.term) == (first, last, year, term)
    assert congress.source
    if first is None:
        assert congress.confidence == "medium"  # only planned: the notes say so


def test_every_series_is_in_order_with_terms_that_follow_each_other() -> None:
    for series in tc.all_congress_series():
        congresses = series.congresses
        for before, after in itertools.pairwise(congresses):
            assert before.ordinal < after.ordinal, series.key
            opened = (before.start or dt.date(before.year, 1, 1), before.year)
            assert opened < (after.start or dt.date(after.year, 1, 1), after.year), series.key
            if before.end and after.start:
                assert before.end < after.start, (series.key, after.roman)
            if before.term and after.term:
                assert before.term[0] < after.term[0], (series.key, after.roman)
                overlap = before.term[1] > after.term[0]
                assert overlap == ((series.key, before.ordinal) in CUT_SHORT), (
                    series.key,
                    before.roman,
                )
                if overlap:  # cut short: its successor met inside it
                    assert after.year < before.term[1], (series.key, before.roman)


def test_the_new_series_are_named_as_documents_write_them() -> None:
    labels = {
        s.key: congress_label(s, s.congresses[-1].ordinal, "vi", term=False) for s in _new_series()
    }
    assert labels == {
        "vn_fatherland_front": "Đại hội đại biểu toàn quốc Mặt trận Tổ quốc Việt Nam lần thứ XI",
        "youth_union": "Đại hội đại biểu toàn quốc Đoàn TNCS Hồ Chí Minh lần thứ XIII",
        "womens_union": "Đại hội đại biểu Phụ nữ toàn quốc lần thứ XIV",
        "farmers_union": "Đại hội đại biểu toàn quốc Hội Nông dân Việt Nam lần thứ VIII",
        "veterans_association": (
            "Đại hội đại biểu toàn quốc Hội Cựu chiến binh Việt Nam lần thứ VII"
        ),
    }
    assert {s.category for s in _new_series()} == {"organisation"}
    front = tc.congress_series("vn_fatherland_front")
    assert front.label(10) == (
        "Đại hội đại biểu toàn quốc Mặt trận Tổ quốc Việt Nam lần thứ X (nhiệm kỳ 2024-2029)"
    )
    assert front.for_term(2026, 2031).ordinal == 11  # type: ignore[union-attr]


def _new_series() -> list[tc.CongressSeries]:
    keys = ("vn_fatherland_front", "youth_union", "womens_union", "farmers_union")
    return [tc.congress_series(k) for k in (*keys, "veterans_association")]


def test_the_2026_election_is_one_event_with_the_councils() -> None:
    assembly = tc.congress_series("national_assembly")
    assert [c.ordinal for c in assembly.held_in(2026)] == [16]
    assert any("Hội đồng nhân dân" in a for a in assembly.aliases)
    assert "people_councils" not in {s.key for s in tc.all_congress_series()}
