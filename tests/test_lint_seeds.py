"""The plan-document checker on the five seed plans: the truth the extraction is held to.

Sources: tests/data/seed_anniversaries.csv (every anniversary statement of the seeds, checked
by hand), the seed plans encoded by hand in data/plans/, and the mistakes
the CSV's header lists (seed 003: phase 2 dated 2021 in a 2022 plan, and "Đại hội XIII Công
đoàn Việt Nam nhiệm kỳ 2018-2023" — the 2018–2023 congress is the XII; seed 001: the document
date "ngày / 3 tháng 11 năm 2019").
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

import thidua_calendar as tc
from thidua_calendar._data import example_plans
from thidua_calendar.lint import Report, check_file

# The shared folder sits beside the checkout (or beside the folder of its worktrees).
SEEDS = next(
    (
        p / "shared" / "seeds"
        for p in Path(__file__).resolve().parents
        if (p / "shared" / "seeds").is_dir()
    ),
    Path(__file__).resolve().parents[2] / "shared" / "seeds",
)
DATA = Path(__file__).resolve().parent / "data"
PLANS = example_plans()  # the shipped example plans, by file name

pytestmark = pytest.mark.skipif(
    not SEEDS.is_dir(),
    reason=f"the seed plan documents are not in this checkout ({SEEDS} is missing)",
)

ENCODED = {
    "000_5d3eaf91cbce01bd.txt": "2020-cdvc-viet-nam.toml",
    "001_e61dab33b6313af4.txt": "2020-ldld-bac-kan.toml",
    "002_822cafdbccbf9a8a.txt": "2017-cdvc-viet-nam.toml",
    "003_136872b619dd3e08.txt": "2022-cdvc-viet-nam.toml",
    "004_e3368209616697f3.txt": "2021-cdvc-quang-nam.toml",
}
YEARS = {
    "000_5d3eaf91cbce01bd.txt": 2020,
    "001_e61dab33b6313af4.txt": 2020,
    "002_822cafdbccbf9a8a.txt": 2017,
    "003_136872b619dd3e08.txt": 2022,
    "004_e3368209616697f3.txt": 2021,
}


def _rows() -> list[dict[str, str]]:
    with (DATA / "seed_anniversaries.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


ROWS = _rows()
_REPORTS: dict[str, Report] = {}


def report(seed: str) -> Report:
    if seed not in _REPORTS:
        _REPORTS[seed] = check_file(SEEDS / seed)
    return _REPORTS[seed]


def test_the_seeds_are_the_five_known() -> None:
    assert sorted(p.name for p in SEEDS.glob("*.txt")) == sorted(ENCODED)


@pytest.mark.parametrize("seed", sorted(YEARS))
def test_plan_year(seed: str) -> None:
    assert report(seed).year == YEARS[seed]


@pytest.mark.parametrize(
    "row", ROWS, ids=[f"{r['seed'][:3]}-l{r['line']}-{r['key']}" for r in ROWS]
)
def test_every_anniversary_statement_is_extracted(row: dict[str, str]) -> None:
    found = [
        (a.line, a.ordinal, a.key, a.origin, a.date) for a in report(row["seed"]).anniversaries
    ]
    expected = (int(row["line"]), int(row["ordinal"]), row["key"], row["origin"], row["date"])
    assert expected in found


@pytest.mark.parametrize("seed", sorted(YEARS))
def test_no_other_anniversary_is_extracted(seed: str) -> None:
    expected = sorted(
        (int(r["line"]), int(r["ordinal"]), r["key"]) for r in ROWS if r["seed"] == seed
    )
    found = sorted((a.line, a.ordinal, a.key or "") for a in report(seed).anniversaries)
    assert found == expected


@pytest.mark.parametrize("seed", sorted(YEARS))
def test_printed_dates_are_kept_as_printed(seed: str) -> None:
    derived = {  # the CSV header's list of rows with no dates printed
        ("000_5d3eaf91cbce01bd.txt", 23, "cach_mang_thang_tam"),
        ("002_822cafdbccbf9a8a.txt", 29, "thanh_lap_cong_doan_viet_nam"),
        ("002_822cafdbccbf9a8a.txt", 29, "thanh_lap_cong_doan_vien_chuc_vn"),
        ("002_822cafdbccbf9a8a.txt", 29, "cach_mang_thang_tam"),
        ("002_822cafdbccbf9a8a.txt", 29, "quoc_khanh"),
        ("003_136872b619dd3e08.txt", 30, "thanh_lap_cong_doan_vien_chuc_vn"),
        ("003_136872b619dd3e08.txt", 30, "thanh_lap_cong_doan_viet_nam"),
        ("004_e3368209616697f3.txt", 34, "cach_mang_thang_tam"),
    }
    for a in report(seed).anniversaries:
        assert a.printed is ((seed, a.line, a.key) not in derived), (a.line, a.key)


@pytest.mark.parametrize("seed", sorted(ENCODED))
def test_every_phase_matches_the_hand_encoded_plan(seed: str) -> None:
    encoded = tc.load_plan(PLANS[ENCODED[seed]])
    phases = report(seed).phases

    def shape(
        label: str | None, start: object, end: object, theme: str | None
    ) -> tuple[object, ...]:
        return (label, start, end, theme)

    assert [shape(p.label, p.start, p.end, p.theme) for p in phases] == [
        shape(p.label, p.start, p.end, p.theme) for p in encoded.phases
    ]
    assert [p.start_precision for p in phases] == [p.start_precision for p in encoded.phases]
    assert report(seed).theme == encoded.theme


@pytest.mark.parametrize("seed", sorted(ENCODED))
def test_emitted_plan_round_trips_the_phases(seed: str) -> None:
    r = report(seed)
    plan = r.plan()
    assert plan is not None
    parsed = tc.parse_plan(r.to_plan_toml())
    assert parsed.phases == plan.phases
    assert [(p.label, p.start, p.end, p.theme) for p in parsed.phases] == [
        (p.label, p.start, p.end, p.theme) for p in tc.load_plan(PLANS[ENCODED[seed]]).phases
    ]
    # Everything that works from a plan file works from the document (seed 003's phase 2
    # is still dated 2021, as printed).
    first = min(p.start.year for p in parsed.phases)
    last = max((p.end or p.start).year for p in parsed.phases)
    schedule = tc.schedule((first, last), parsed)
    assert len(schedule.of_kind("phase")) == len(parsed.phases)


def test_seed_003_has_exactly_its_two_mistakes() -> None:
    r = report("003_136872b619dd3e08.txt")
    errors = [(f.line, f.code, f.suggestion) for f in r.findings if f.severity == "error"]
    # The congress mistake is printed twice (lines 25 and 32): each place is reported.
    assert errors == [
        (25, "congress-term", "Đại hội XII Công đoàn Việt Nam"),
        (32, "phase-year-typo", "có phải là năm 2022?"),
        (32, "congress-term", "Đại hội XII Công đoàn Việt Nam"),
    ]
    assert {code for _, code, _ in errors} == {"congress-term", "phase-year-typo"}
    typo = next(f for f in r.findings if f.code == "phase-year-typo")
    assert typo.message == "Đợt 2 ghi năm 2021 trong kế hoạch năm 2022"
    assert r.has_errors


def test_seed_003_congress_mentions() -> None:
    mentions = [
        (c.line, c.series, c.ordinal, c.term) for c in report("003_136872b619dd3e08.txt").congresses
    ]
    assert (25, "vn_trade_union", 13, (2018, 2023)) in mentions
    assert (32, "vn_trade_union", 13, (2018, 2023)) in mentions
    assert (7, "vn_trade_union", 12, None) in mentions
    assert (7, "public_sector_union", 5, None) in mentions


def test_seed_003_columns_survive_its_decomposed_line() -> None:
    raw = (SEEDS / "003_136872b619dd3e08.txt").read_text(encoding="utf-8").split("\n")[29]
    columns = [(a.ordinal, a.column) for a in report("003_136872b619dd3e08.txt").anniversaries]
    assert columns == [(28, raw.index("28 năm") + 1), (93, raw.index("93 năm") + 1)]


def test_seed_001_warns_about_its_incomplete_date() -> None:
    r = report("001_e61dab33b6313af4.txt")
    (incomplete,) = [f for f in r.findings if f.code == "incomplete-date"]
    assert (incomplete.line, incomplete.column, incomplete.severity) == (5, 10, "warning")
    assert "ngày / 3 tháng 11 năm 2019" in incomplete.message
    assert r.issued is None
    assert r.number == "31/KH-LĐLĐ"
    assert not r.has_errors


EXPECTED_FINDINGS = {
    "000_5d3eaf91cbce01bd.txt": [],
    "001_e61dab33b6313af4.txt": [
        (5, "warning", "incomplete-date"),
        # Đợt 1 ends on 31/3/2020 but names the 120th anniversary of Bắc Kạn (11/4/2020).
        (44, "warning", "focus-outside-phase"),
    ],
    "002_822cafdbccbf9a8a.txt": [],
    "003_136872b619dd3e08.txt": [
        (25, "error", "congress-term"),
        # Đợt 1 ends on 30/6 but names the union days of 2/7 and 28/7.
        (30, "warning", "focus-outside-phase"),
        (30, "warning", "focus-outside-phase"),
        (32, "error", "phase-year-typo"),
        (32, "error", "congress-term"),
    ],
    "004_e3368209616697f3.txt": [],
}


@pytest.mark.parametrize("seed", sorted(EXPECTED_FINDINGS))
def test_exact_findings(seed: str) -> None:
    found = [(f.line, f.severity, f.code) for f in report(seed).findings]
    assert found == EXPECTED_FINDINGS[seed]


@pytest.mark.parametrize("seed", sorted(YEARS))
def test_no_error_except_in_seed_003(seed: str) -> None:
    assert report(seed).has_errors is (seed.startswith("003"))


def test_tet_mentions() -> None:
    assert [t.record() for t in report("000_5d3eaf91cbce01bd.txt").tet] == [
        {"line": 19, "can_chi": "Canh Tý", "year": 2020}
    ]
    assert [t.record() for t in report("004_e3368209616697f3.txt").tet] == [
        {"line": 28, "can_chi": "Tân Sửu", "year": 2021}
    ]


def test_extraction_counts() -> None:
    counts = {
        seed: (len(r.anniversaries), len(r.phases), len(r.tet), len(r.congresses))
        for seed in sorted(YEARS)
        if (r := report(seed))
    }
    assert counts == {
        "000_5d3eaf91cbce01bd.txt": (11, 2, 1, 10),
        "001_e61dab33b6313af4.txt": (9, 2, 0, 11),
        "002_822cafdbccbf9a8a.txt": (4, 2, 0, 11),
        "003_136872b619dd3e08.txt": (2, 2, 0, 6),
        "004_e3368209616697f3.txt": (6, 2, 1, 7),
    }


@pytest.mark.parametrize("seed", sorted(YEARS))
def test_json_is_stable(seed: str) -> None:
    first = report(seed).to_json()
    assert check_file(SEEDS / seed).to_json() == first
    assert json.loads(first)["year"] == YEARS[seed]
