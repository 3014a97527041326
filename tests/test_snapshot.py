"""The committed snapshot of computed dates (tests/snapshots/) is what the data computes.

A data change that moves a date must come with the regenerated snapshot (`make snapshot`),
so that the review shows the dates that moved.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import attrs
import pytest

import gen_snapshot
import thidua_calendar as tc

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"


def differences(rendered: dict[str, str], directory: Path = SNAPSHOTS) -> str:
    """A unified diff of the committed snapshot against ``rendered`` (empty when equal)."""
    out = []
    for name in gen_snapshot.stale(rendered, directory):
        path = directory / name
        old = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
        new = rendered.get(name, "").splitlines()
        out.extend(difflib.unified_diff(old, new, f"committed/{name}", f"computed/{name}", n=0))
    return "\n".join(out)


def changed_lines(diff: str) -> tuple[list[str], list[str]]:
    lines = [line for line in diff.splitlines() if not line.startswith(("---", "+++", "@@"))]
    return [x[1:] for x in lines if x.startswith("-")], [x[1:] for x in lines if x.startswith("+")]


def test_the_committed_snapshot_is_what_the_data_computes() -> None:
    diff = differences(gen_snapshot.render_all())
    assert not diff, f"{gen_snapshot.STALE}:\n{diff[:4000]}"


def test_check_mode_reports_a_fresh_snapshot() -> None:
    assert gen_snapshot.main(["--check"]) == 0


def test_the_snapshot_covers_every_commemoration_festival_and_variant() -> None:
    rendered = gen_snapshot.render_all()
    assert set(rendered) == {"milestones.txt", "congresses.txt", "lunar.txt", "days-off.txt"}
    assert "2026-02-16  holiday  Tết Nguyên đán Bính Ngọ" in rendered["days-off.txt"]
    assert "2026-01-10  make_up  Làm bù cho ngày nghỉ 02/01/2026" in rendered["days-off.txt"]
    milestones = rendered["milestones.txt"]
    # Every catalogue entry (each has occurrences in 2015-2035), 21 years of it.
    listed = re.findall(r"^\d\S* (\w+) ", milestones, re.M)
    assert set(listed) == set(tc.default_catalog())
    assert listed.count("thanh_lap_dang") == listed.count("tet_nguyen_dan") == 21
    assert "2025-02-03 thanh_lap_dang 95 le5" in milestones
    assert "2030-02-03 thanh_lap_dang 100 tron" in milestones
    assert "2025-04-30 giai_phong_mien_nam 50 tron" in milestones
    assert "2030-02-02 tet_nguyen_dan - -" in milestones  # Tết 2030 (China: 3 February)
    assert "2025-05-01..2025-05-31 thang_cong_nhan - -" in milestones
    assert "2026-01-19..2026-01-23 party 14 2026-2031" in rendered["congresses.txt"]
    assert "2030 china 2030-02-03 -" in rendered["lunar.txt"]
    assert "2033 vietnam 2033-01-31 11 2033-12-22" in rendered["lunar.txt"]


@pytest.mark.parametrize("name", ["milestones.txt", "congresses.txt", "lunar.txt", "days-off.txt"])
def test_the_snapshot_is_sorted_stable_and_plain(name: str) -> None:
    first, second = gen_snapshot.render_all()[name], gen_snapshot.render_all()[name]
    assert first == second
    committed = (SNAPSHOTS / name).read_bytes()
    assert committed.endswith(b"\n")
    assert b"\r" not in committed
    assert b"\t" not in committed
    lines = committed.decode("utf-8").splitlines()
    body = [line for line in lines if not line.startswith("#")]
    assert body == sorted(body)
    assert len(body) == len(set(body))
    assert all(line and line == line.strip() for line in body)


@pytest.mark.parametrize(
    ("key", "change", "before", "after"),
    [
        # A corrected origin year changes every ordinal and rank of the entry.
        (
            "thanh_lap_dang",
            lambda e: attrs.evolve(e, origin=tc.Origin(1931, 2, 3)),
            "2025-02-03 thanh_lap_dang 95 le5",
            "2025-02-03 thanh_lap_dang 94 khac",
        ),
        # A corrected lunar day moves every date of the entry.
        (
            "gio_to_hung_vuong",
            lambda e: attrs.evolve(e, rule=tc.LunarDay(3, 11)),
            "2025-04-07 gio_to_hung_vuong - le5",
            "2025-04-08 gio_to_hung_vuong - le5",
        ),
    ],
    ids=["origin", "lunar-day"],
)
def test_a_changed_commemoration_is_detected(
    key: str, change: object, before: str, after: str
) -> None:
    shipped = tc.default_catalog()
    entry = shipped[key]
    perturbed = tc.Catalog(
        [*shipped.values(), change(entry)],  # type: ignore[operator]
        shipped.revision,
    )
    rendered = gen_snapshot.render_all(perturbed)
    assert gen_snapshot.stale(rendered) == ["milestones.txt"]
    removed, added = changed_lines(differences(rendered))
    # Exactly the lines of that entry change, one for one, year by year.
    assert removed
    assert len(removed) == len(added) == 21
    assert all(f" {key} " in line for line in removed + added)
    assert before in removed
    assert after in added


def test_check_mode_fails_on_a_stale_snapshot(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, text in gen_snapshot.render_all().items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(gen_snapshot, "SNAPSHOT_DIR", tmp_path)
    assert gen_snapshot.main(["--check"]) == 0
    path = tmp_path / "milestones.txt"
    path.write_text(
        path.read_text("utf-8").replace("2025-02-03 thanh_lap_dang 95 le5", "x"), "utf-8"
    )
    (tmp_path / "old.txt").write_text("left over\n", encoding="utf-8")
    assert gen_snapshot.main(["--check"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == (
        "milestones.txt, old.txt: data changed the computed dates; "
        "run `make snapshot` and review the diff"
    )
    assert gen_snapshot.main(["--write"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "congresses.txt",
        "days-off.txt",
        "lunar.txt",
        "milestones.txt",
    ]
    assert gen_snapshot.main(["--check"]) == 0
