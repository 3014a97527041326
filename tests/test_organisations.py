"""Organisations with lifetimes: the data, its rules, and what a body's end changes."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

import thidua_calendar as tc
from thidua_calendar import _data
from thidua_calendar._toml import Located, meta_revision
from thidua_calendar.commemorations import UnknownKeyError
from thidua_calendar.lint import check_text
from thidua_calendar.organisations import (
    check_organisations,
    ended_mentions,
    gone_by,
    parse_organisations,
)
from thidua_calendar.plans import halves, make_plan

CDVC = "cong_doan_vien_chuc_viet_nam"
CDVC_DAY = "thanh_lap_cong_doan_vien_chuc_vn"


def _doc(rows: str, path: str = "orgs.toml") -> Located:
    return Located('[meta]\nrevision = "2026-12-01"\n' + rows, path)


def _row(key: str, name: str, start: str, extra: str = "") -> str:
    return (
        f'\n[[organisation]]\nkey = "{key}"\nname_vi = "{name}"\nname_en = "{key}"\n'
        f'kind = "mass"\nstart = "{start}"\nsource = "s"\n{extra}'
    )


def _check(*docs: Located) -> None:
    check_organisations([(d, parse_organisations(d)) for d in docs])


# --- the shipped data -----------------------------------------------------------------------


def test_the_national_bodies_and_the_provinces_load() -> None:
    orgs = tc.default_organisations()
    assert {
        "dang_cong_san_viet_nam",
        "quoc_hoi",
        "chinh_phu",
        "mat_tran_to_quoc_viet_nam",
        "tong_ldld_viet_nam",
        CDVC,
        "doan_tncs_ho_chi_minh",
        "hoi_lhpn_viet_nam",
        "hoi_nong_dan_viet_nam",
        "hoi_ccb_viet_nam",
        "doi_tntp_ho_chi_minh",
        "hoi_sinh_vien_viet_nam",
        "hoi_lhtn_viet_nam",
        "tinh_quang_nam",
        "tinh_bac_kan",
    } <= set(orgs)
    for body in orgs.values():
        assert body.source, body.key
    cdvc = tc.organisation(CDVC)
    assert cdvc.kind is tc.OrganisationKind.UNION
    assert cdvc.end == dt.date(2025, 6, 14)
    assert cdvc.exists_in(2025)
    assert not cdvc.exists_in(2026)
    assert cdvc.exists_on(dt.date(2024, 7, 2))
    assert not cdvc.exists_on(dt.date(2025, 7, 2))
    # The 2025 reorganisation under MTTQ ended none of the mass organisations.
    for key in ("tong_ldld_viet_nam", "doan_tncs_ho_chi_minh", "hoi_lhpn_viet_nam"):
        assert tc.organisation(key).end is None
    assert tc.organisation("tinh_quang_nam").successor == "tp_da_nang"


def test_an_unknown_key_suggests_close_ones() -> None:
    with pytest.raises(UnknownKeyError, match="did you mean cong_doan_vien_chuc_viet_nam"):
        tc.organisation("cong_doan_vien_chuc")


def test_a_year_only_start_counts_from_its_first_day() -> None:
    government = tc.organisation("chinh_phu")
    assert government.start == tc.Origin(1945)
    assert government.exists_on(dt.date(1945, 1, 1))
    assert not government.exists_on(dt.date(1944, 12, 31))


def test_the_type_validates() -> None:
    start = tc.Origin(2000, 1, 1)
    with pytest.raises(tc.InvalidValueError, match="before start"):
        tc.Organisation("a", "A", "A", "mass", start, end=dt.date(1999, 1, 1))
    with pytest.raises(tc.InvalidValueError, match="successor needs an end"):
        tc.Organisation("a", "A", "A", "mass", start, successor="b")
    with pytest.raises(tc.InvalidValueError, match="kind must be one of"):
        tc.Organisation("a", "A", "A", "club", start)
    with pytest.raises(tc.InvalidValueError, match="lowercase ASCII"):
        tc.Organisation("A-1", "A", "A", "mass", start)


# --- bad input: clear errors with file:line ---------------------------------------------------


def test_an_end_before_its_start_is_located() -> None:
    doc = _doc(_row("a", "A", "2000-01-01", 'end = "1999-12-31"\n'))
    with pytest.raises(tc.DataError, match=r"orgs\.toml:11: organisation 'a': end 1999-12-31"):
        parse_organisations(doc)


def test_a_successor_that_does_not_exist_is_located() -> None:
    doc = _doc(_row("a", "A", "2000", 'end = "2020-06-30"\nsuccessor = "bb"\n'))
    with pytest.raises(tc.DataError, match=r"orgs\.toml:12: .*unknown organisation 'bb'"):
        _check(doc)


def test_a_successor_must_exist_the_day_after_its_predecessor_ends() -> None:
    late = _row("a", "A", "2000", 'end = "2020-06-30"\nsuccessor = "b"\n') + _row(
        "b", "B", "2020-08-01"
    )
    with pytest.raises(tc.DataError, match=r"orgs\.toml:12: .*'b' does not exist on 2020-07-01"):
        _check(_doc(late))
    # Founded the next day, or an existing body that takes it over: both are fine.
    _check(
        _doc(
            _row("a", "A", "2000", 'end = "2020-06-30"\nsuccessor = "b"\n')
            + _row("b", "B", "2020-07-01")
        )
    )
    _check(
        _doc(
            _row("a", "A", "2000", 'end = "2020-06-30"\nsuccessor = "b"\n') + _row("b", "B", "1990")
        )
    )


def test_a_name_shared_by_bodies_alive_at_once_is_an_error() -> None:
    both = _row("a", "Hội A", "2000") + _row("b", "Hội B", "2010", 'aliases = ["hội  a"]\n')
    with pytest.raises(tc.DataError, match=r"orgs\.toml:\d+: organisation 'b': the name 'hội a'"):
        _check(_doc(both))
    # One after the other is fine: the name names one body on any date.
    _check(
        _doc(
            _row("a", "Hội A", "2000", 'end = "2009-12-31"\n')
            + _row("b", "Hội B", "2010", 'aliases = ["Hội A"]\n')
        )
    )


def test_a_duplicate_key_across_parts_names_both_files() -> None:
    first, second = (
        _doc(_row("a", "A", "2000"), "one.toml"),
        _doc(_row("a", "B", "2000"), "two.toml"),
    )
    with pytest.raises(
        tc.DataError, match=r"two\.toml:5: .*duplicate key 'a' \(also at one\.toml:4\)"
    ):
        _check(first, second)


def test_a_malformed_start_and_an_unknown_field_are_located() -> None:
    with pytest.raises(tc.DataError, match=r"orgs\.toml:9: .*start must be a date"):
        parse_organisations(_doc(_row("a", "A", "2000-1-1")))
    with pytest.raises(tc.DataError, match=r"orgs\.toml:11: .*unknown field 'founded'"):
        parse_organisations(_doc(_row("a", "A", "2000", 'founded = "1999"\n')))


def test_a_catalogue_row_naming_an_unknown_body_is_located(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        '[[commemoration]]\nkey = "ngay_x"\nname_vi = "Ngày X"\ncalendar = "solar"\n'
        'month = 1\nday = 2\norganisation = "hoi_khong_co"\n',
        encoding="utf-8",
    )
    with pytest.raises(tc.DataError, match=r"mine\.toml:7: .*unknown organisation 'hoi_khong_co'"):
        tc.load_catalog(path)


def test_every_shipped_organisation_key_of_the_catalogue_exists() -> None:
    orgs = tc.default_organisations()
    linked = {c.organisation for c in tc.default_catalog().values() if c.organisation}
    assert linked <= set(orgs)
    assert tc.default_catalog()[CDVC_DAY].organisation == CDVC
    assert tc.default_catalog()["tai_lap_tinh_quang_nam"].organisation == "tinh_quang_nam"
    assert tc.default_catalog()["thanh_lap_tinh_bac_kan"].organisation == "tinh_bac_kan"


# --- milestones end with their body -----------------------------------------------------------


def _cdvc(found: list[tc.Milestone]) -> list[int | None]:
    return [m.ordinal for m in found if m.key == CDVC_DAY]


def test_milestones_of_an_ended_body_stop_at_its_end() -> None:
    assert _cdvc(tc.milestones(2026)) == []
    assert _cdvc(tc.milestones(2026, categories="all")) == []
    assert _cdvc(tc.milestones(2025, categories="all")) == []  # 02/7/2025 is after its end
    assert _cdvc(tc.milestones(2024, categories="all")) == [30]
    assert _cdvc(tc.milestones(2026, categories="all", include_ended=True)) == [32]


def test_include_ended_reaches_every_listing() -> None:
    span = dt.date(2026, 7, 1), dt.date(2026, 7, 3)
    assert _cdvc(tc.milestones_between(*span, categories="all")) == []
    assert _cdvc(tc.milestones_between(*span, categories="all", include_ended=True)) == [32]
    ahead = dt.date(2029, 1, 1)
    assert _cdvc(tc.upcoming(ahead, years=1, categories=["union"])) == []
    assert _cdvc(tc.upcoming(ahead, years=1, categories=["union"], include_ended=True)) == [35]
    keys = [e.key for e in tc.schedule(2026, categories="all")]
    assert CDVC_DAY not in keys
    assert CDVC_DAY in [e.key for e in tc.schedule(2026, categories="all", include_ended=True)]
    with pytest.raises(tc.InvalidTypeError, match="include_ended must be a bool"):
        tc.milestones(2026, include_ended="yes")  # type: ignore[arg-type]


def test_the_cache_keeps_the_two_selections_apart() -> None:
    catalog = tc.default_catalog()
    with_ended = tc.milestones(2027, catalog=catalog, categories="all", include_ended=True)
    without = tc.milestones(2027, catalog=catalog, categories="all")
    assert len(with_ended) == len(without) + 1
    assert _cdvc(tc.milestones(2027, catalog=catalog, categories="all", include_ended=True)) == [33]


def test_one_milestone_of_an_ended_body_says_why() -> None:
    with pytest.raises(tc.MilestoneError, match=r"does not exist in 2026.*include_ended=True"):
        tc.milestone(CDVC_DAY, 2026)
    assert tc.milestone(CDVC_DAY, 2026, include_ended=True).ordinal == 32
    assert tc.next_occurrence(CDVC_DAY, dt.date(2026, 1, 1)) is None


def test_the_command_line_option() -> None:
    def run(*args: str) -> str:
        return subprocess.run(
            [sys.executable, "-m", "thidua_calendar", *args],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    assert "Viên chức" not in run("milestones", "2026", "--category", "union")
    assert "32 năm Ngày thành lập Công đoàn Viên chức" in run(
        "milestones", "2026", "--category", "union", "--include-ended"
    )


# --- congress series end with their body -------------------------------------------------------


def test_a_congress_series_ends_with_its_body() -> None:
    cdvc = tc.congress_series("public_sector_union")
    assert cdvc.organisation == CDVC
    assert cdvc.ended == dt.date(2025, 6, 14)
    last = cdvc.by_ordinal(6)
    assert last.term == (2023, 2028)  # as elected (and as plans of 2023-2025 print it)
    assert last.cut_short == dt.date(2025, 6, 14)
    assert last.served == (2023, 2025)
    assert cdvc.current(dt.date(2025, 6, 14)) == last
    assert cdvc.current(dt.date(2025, 6, 15)) is None
    assert cdvc.current(dt.date(2026, 1, 1)) is None
    union = tc.congress_series("vn_trade_union")
    assert union.organisation == "tong_ldld_viet_nam"
    assert union.ended is None
    assert all(c.cut_short is None for c in union.congresses)


def test_a_congress_after_its_body_ended_is_located() -> None:
    from thidua_calendar.congresses import parse_congresses

    text = (
        '[meta]\nrevision = "2026-12-01"\n\n[[series]]\nkey = "x"\nname_vi = "Đại hội X"\n'
        f'name_en = "X"\norganisation = "{CDVC}"\n\n[[series.congress]]\nordinal = 7\n'
        'start = "2026-01-01"\n'
    )
    with pytest.raises(tc.DataError, match=r"c\.toml:8: .*congress VII .* after the body's end"):
        parse_congresses(Located(text, "c.toml"))
    bad = text.replace(CDVC, "cong_doan_khong_co")
    with pytest.raises(tc.DataError, match=r"c\.toml:8: .*unknown organisation"):
        parse_congresses(Located(bad, "c.toml"))


# --- warnings: a plan that names a body gone before its year ----------------------------------

PLAN_2026 = (
    "KẾ HOẠCH\nPhát động phong trào thi đua năm 2026\n\n"
    "Kỷ niệm 32 năm Ngày thành lập Công đoàn Viên chức Việt Nam (02/7/1994 - 02/7/2026).\n"
)


def test_lint_warns_about_the_anniversary_of_an_ended_body() -> None:
    found = [d for d in check_text(PLAN_2026).findings if d.code == "organisation-ended"]
    assert [(d.severity, d.line, d.key) for d in found] == [("warning", 4, CDVC)]
    assert found[0].message.startswith(
        "Công đoàn Viên chức Việt Nam đã kết thúc hoạt động từ 15/06/2025; kế hoạch năm 2026 "
        "nhắc đến “32 năm Ngày thành lập Công đoàn Viên chức Việt Nam”"
    )
    assert (
        found[0]
        .in_lang("en")
        .message.startswith(
            "Công đoàn Viên chức Việt Nam (Vietnam Public Sector Union) ceased to exist after "
            "14 June 2025; this 2026 plan"
        )
    )


def test_lint_is_quiet_in_a_year_the_body_existed() -> None:
    plan_2024 = PLAN_2026.replace("2026", "2024").replace("32 năm", "30 năm")
    assert not [d for d in check_text(plan_2024).findings if d.code == "organisation-ended"]
    # The year it ended: it still existed in it.
    plan_2025 = PLAN_2026.replace("2026", "2025").replace("32 năm", "31 năm")
    assert not [d for d in check_text(plan_2025).findings if d.code == "organisation-ended"]


def test_lint_accepts_a_historical_anniversary_and_flags_a_plain_mention() -> None:
    text = (
        "KẾ HOẠCH\nPhát động phong trào thi đua năm 2026\n\n"
        "Nhìn lại 30 năm Ngày thành lập Công đoàn Viên chức Việt Nam (02/7/1994 - 02/7/2024).\n"
        "Tiếp tục thực hiện Nghị quyết Đại hội VI Công đoàn Viên chức Việt Nam.\n"
        "Phối hợp với Công đoàn Viên chức tỉnh Quảng Ninh.\n"
    )
    found = [d for d in check_text(text).findings if d.code == "organisation-ended"]
    assert [(d.line, d.column) for d in found] == [(5, 42)]
    assert "“Công đoàn Viên chức Việt Nam”" in found[0].message


def test_lint_names_a_merged_province_by_its_name_only() -> None:
    text = (
        "KẾ HOẠCH\nPhát động phong trào thi đua năm 2026\n\n"
        "Liên đoàn Lao động tỉnh Quảng Nam tổ chức hội thao.\n"
        "Trường Đại học Quảng Nam tổ chức hội thao.\n"
    )
    found = [d for d in check_text(text).findings if d.code == "organisation-ended"]
    assert [(d.line, d.key) for d in found] == [(4, "tinh_quang_nam")]
    assert "thành phố Đà Nẵng" in found[0].suggestion


def test_plan_check_warns_about_an_ended_body() -> None:
    kwargs = {"organisation": "Công đoàn Viên chức Việt Nam", "follow_keys": (CDVC_DAY,)}
    plan = make_plan("Kế hoạch thi đua năm 2026", 2026, halves(2026, themes=("A", "B")), **kwargs)
    found = [d for d in plan.check() if d.code == "organisation-ended"]
    assert [(d.severity, d.key) for d in found] == [("warning", CDVC), ("warning", CDVC)]
    assert {d.message.split("“")[1].rstrip("”") for d in found} == {
        "Ngày thành lập Công đoàn Viên chức Việt Nam",
        "Công đoàn Viên chức Việt Nam",
    }
    earlier = make_plan(
        "Kế hoạch thi đua năm 2024", 2024, halves(2024, themes=("A", "B")), **kwargs
    )
    assert earlier.check() == []


def test_the_shipped_example_plans_raise_no_ended_body_warning() -> None:
    for path in _data.example_plans().values():
        assert not [d for d in tc.load_plan(path).check() if d.code == "organisation-ended"]


def test_the_one_rule_of_what_is_gone() -> None:
    assert CDVC in {o.key for o in gone_by(dt.date(2026, 1, 1))}
    assert CDVC not in {o.key for o in gone_by(dt.date(2025, 6, 14))}
    assert CDVC in {o.key for o in gone_by(dt.date(2025, 6, 15))}
    text = "CĐVC Việt Nam và Công đoàn Viên chức Việt Nam"
    spans = [(o.key, a, b) for o, a, b in ended_mentions(text, dt.date(2026, 1, 1))]
    assert spans == [(CDVC, 0, 13), (CDVC, 17, 45)]
    assert ended_mentions("Công đoàn Viên chức Việt Nam", dt.date(2025, 1, 1)) == []


# --- kept current: every data file has a revision ---------------------------------------------


def test_every_data_file_has_a_revision_and_the_latest_is_their_maximum() -> None:
    revision = tc.data_revision()
    # Every calendar data file; the poster's embedded font (data/fonts/) is not dated data.
    dated = {n for n in _data.names() if not n.startswith("fonts/")}
    assert set(revision.files) == dated
    assert any(n.startswith("fonts/") for n in _data.names())
    assert revision.latest == max(revision.files.values())
    for name in sorted(dated):
        if name.endswith(".toml") and not name.startswith("plans/"):
            doc = Located(_data.read_text(*name.split("/")), name)
            assert meta_revision(doc, required=True) == revision.of(name), name
        elif name.startswith("plans/"):
            assert tc.load_plan(_data.path_of(*name.split("/"))).revision == revision.of(name)
        else:  # a generated lunar table carries the revision of its corrections
            assert revision.of(name) == revision.of("lunar/corrections.toml"), name
    assert tc.default_catalog().revision == max(
        revision.of(n) for n in revision.files if n.startswith("commemorations/")
    )


def test_the_revision_type_validates() -> None:
    day = dt.date(2026, 1, 1)
    with pytest.raises(tc.InvalidValueError, match="latest"):
        tc.DataRevision(day, {"a.toml": dt.date(2026, 2, 1)})
    with pytest.raises(tc.InvalidTypeError):
        tc.DataRevision(day, {})
    with pytest.raises(tc.DataError, match="no shipped data file"):
        tc.data_revision().of("nope.toml")
