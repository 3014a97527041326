"""The shipped data: one module reads it, from the checkout here (the wheel test covers the
installed package), and every data file's revision is a date."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import thidua_calendar as tc
from thidua_calendar import _data
from thidua_calendar._toml import Located
from thidua_calendar.commemorations import parse_catalog
from thidua_calendar.congresses import parse_congresses

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SRC = ROOT / "src" / "thidua_calendar"

ENTRY = """
[[commemoration]]
key = "thanh_lap_truong"
name_vi = "Ngày thành lập Trường THPT Chu Văn An"
calendar = "solar"
month = 10
day = 10
origin = "1908-10-10"
"""


# --- where the data is found -------------------------------------------------------------


def test_a_checkout_reads_its_top_level_data_directory() -> None:
    assert not (SRC / "data").exists(), "data files belong in the top-level data/"
    assert _data.files() == DATA
    assert Path(_data._CHECKOUT_DIR) == DATA


def test_locate_prefers_the_installed_package(tmp_path: Path) -> None:
    installed, checkout = tmp_path / "site" / "thidua_calendar" / "data", tmp_path / "data"
    checkout.mkdir()
    assert _data.locate(installed, checkout) == checkout
    installed.mkdir(parents=True)
    assert _data.locate(installed, checkout) == installed
    shutil.rmtree(installed)
    shutil.rmtree(checkout)
    with pytest.raises(tc.DataError, match="the data files are missing"):
        _data.locate(installed, checkout)


def test_names_list_every_file_of_the_data_directory() -> None:
    on_disk = sorted(
        p.relative_to(DATA).as_posix()
        for p in DATA.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
    assert list(_data.names()) == on_disk
    assert {"commemorations/core.toml", "congresses.toml", "lunar/corrections.toml"} <= set(on_disk)
    assert _data.names("lunar") == (
        "china.txt",
        "corrections.toml",
        "solar-terms.txt",
        "vietnam-utc7.txt",
        "vietnam.txt",
    )
    assert len(_data.names("plans")) == 6


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("..", "pyproject.toml"), "not a data file name"),
        (("lunar/vietnam.txt",), "not a data file name"),
        (("",), "not a data file name"),
        ((), "not a data file name"),
        (("missing.toml",), "no shipped data file 'missing.toml'"),
        (("lunar",), "no shipped data file 'lunar'"),
    ],
)
def test_only_shipped_files_can_be_read(parts: tuple[str, ...], message: str) -> None:
    with pytest.raises(tc.DataError, match=message):
        _data.read_text(*parts)


def test_only_shipped_directories_can_be_listed() -> None:
    with pytest.raises(tc.DataError, match="not a data directory name"):
        _data.names("..")
    with pytest.raises(tc.DataError, match="no shipped data directory 'tables'"):
        _data.names("tables")


def test_example_plans_are_real_files_that_load() -> None:
    plans = _data.example_plans()
    assert sorted(plans) == list(_data.names("plans"))
    for name, path in plans.items():
        assert path == DATA / "plans" / name
        assert tc.load_plan(path).path == str(path)


def test_a_zipped_installation_extracts_a_file_for_path_apis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tmp_path / "site.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for name in _data.names():
            z.write(DATA / name, f"thidua_calendar/data/{name}")
    root = _data.locate(zipfile.Path(archive, "thidua_calendar/data/"), tmp_path / "none")
    assert not isinstance(root, Path)
    monkeypatch.setattr(_data, "files", lambda: root)
    assert _data.read_text("plans", "sample-2026.toml") == (
        DATA / "plans" / "sample-2026.toml"
    ).read_text(encoding="utf-8")
    # path_of is cached per name: call the function itself so the checkout's path is not used.
    path = _data.path_of.__wrapped__("plans", "sample-2026.toml")
    assert isinstance(path, Path)
    assert path.is_file()
    assert not path.is_relative_to(DATA)
    assert tc.load_plan(path).year == 2026


def test_no_other_module_reads_files_of_the_package() -> None:
    readers = sorted(
        str(p.relative_to(SRC))
        for p in SRC.rglob("*.py")
        if re.search(r"importlib\.resources|\bresources\.files\b|__file__", p.read_text("utf-8"))
    )
    assert readers == ["_data.py"]


def test_every_reader_goes_through_the_data_module(tmp_path: Path) -> None:
    # A copy of data/ with one visible change per file kind, patched in as the data root
    # before anything is loaded (in a fresh process: the loaders cache what they read).
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    catalogue = copy / "commemorations" / "core.toml"
    catalogue.write_text(
        re.sub(
            r'revision = "[0-9-]+"', "revision = 2031-05-06", catalogue.read_text("utf-8"), count=1
        ),
        "utf-8",
    )
    congresses = copy / "congresses.toml"
    text = congresses.read_text("utf-8")
    congresses.write_text(
        text.replace(
            'name_vi = "Đại hội đại biểu toàn quốc của Đảng Cộng sản Việt Nam"',
            'name_vi = "Đại hội (bản sao)"',
        ),
        "utf-8",
    )
    table = copy / "lunar" / "vietnam.txt"
    table.write_text(table.read_text("utf-8") + "junk\n", "utf-8")
    code = f"""
import sys
from thidua_calendar import _data
_data._data_dir = lambda: {str(copy)!r}
import thidua_calendar as tc
print(tc.default_catalog().revision)
print(tc.congress_series("party").name_vi)
print(sorted(_data.example_plans().values())[0].parent)
try:
    tc.tet(2030)
except tc.DataError as exc:
    print(exc)
print(tc.tet(2030, tc.CHINA))
"""
    result = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=tmp_path
    )
    assert result.stdout.splitlines() == [
        "2031-05-06",
        "Đại hội (bản sao)",
        str(copy / "plans"),
        f"data/lunar/vietnam.txt:{len(table.read_text('utf-8').splitlines())}: "
        "expected 5 fields, found 1",
        "2030-02-03",
    ]


# --- revisions are dates ------------------------------------------------------------------


def test_shipped_revisions_are_dates() -> None:
    revision = tc.default_catalog().revision
    assert isinstance(revision, dt.date)
    assert repr(tc.default_catalog()).endswith(f"revision {revision.isoformat()}>")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('"v2"', "revision must be a date \"YYYY-MM-DD\", not 'v2'"),
        ('"20270301"', "revision must be a date \"YYYY-MM-DD\", not '20270301'"),
        ('"2027-02-30"', "impossible revision date '2027-02-30'"),
        ("2027", 'revision must be a date "YYYY-MM-DD", not an integer'),
        ("2027-03-01T08:00:00", 'revision must be a date "YYYY-MM-DD", not datetime'),
    ],
)
def test_a_bad_revision_is_refused_at_load_with_file_and_line(
    tmp_path: Path, value: str, message: str
) -> None:
    path = tmp_path / "org.toml"
    path.write_text(f"# my days\n[meta]\nrevision = {value}\n{ENTRY}", encoding="utf-8")
    with pytest.raises(tc.DataError, match=rf"^{re.escape(str(path))}:3: \[meta\]: ") as info:
        tc.load_catalog(path)
    assert message in str(info.value)
    assert info.value.line == 3
    # The same error when a plan names the catalogue.
    plan = tmp_path / "plan.toml"
    plan.write_text('[plan]\ntitle = "KH"\nyear = 2027\n[follow]\ncatalog = "org.toml"\n')
    with pytest.raises(tc.DataError, match=rf"^{re.escape(str(path))}:3: "):
        tc.load_plan(plan)


def test_revision_forms(tmp_path: Path) -> None:
    for value in ("2027-03-01", '"2027-03-01"'):
        path = tmp_path / "org.toml"
        path.write_text(f"[meta]\nrevision = {value}\n{ENTRY}", encoding="utf-8")
        assert tc.load_catalog(path, base=tc.Catalog([])).revision == dt.date(2027, 3, 1)
    path.write_text(ENTRY, encoding="utf-8")
    assert tc.load_catalog(path, base=tc.Catalog([])).revision is None
    with pytest.raises(tc.DataError, match=r"^t\.toml:1: \[meta\] has no revision"):
        parse_catalog(Located("[meta]\n" + ENTRY, "t.toml"), strict=True)
    with pytest.raises(tc.DataError, match=r"^t\.toml:1: \[meta\] must be a table"):
        parse_catalog(Located('meta = "2026-01-01"\n', "t.toml"), strict=False)


def test_a_bad_congress_revision_is_refused() -> None:
    text = (
        '[meta]\nrevision = "v2"\n\n[[series]]\nkey = "s"\nname_vi = "Đại hội S"\nname_en = "S"\n'
    )
    with pytest.raises(tc.DataError, match=r"^c\.toml:2: \[meta\]: revision must be a date"):
        parse_congresses(Located(text, "c.toml"))
    with pytest.raises(tc.DataError, match=r"^c\.toml:1: \[meta\] has no revision"):
        parse_congresses(
            Located(text.replace('[meta]\nrevision = "v2"\n', ""), "c.toml"), strict=True
        )
    assert set(parse_congresses(Located(text.replace("v2", "2026-01-01"), "c.toml"))) == {"s"}


def test_catalogue_revision_is_a_date_and_merging_keeps_the_later() -> None:
    with pytest.raises(TypeError, match=r"revision must be a datetime\.date or None, not str"):
        tc.Catalog([], "2026-01-01")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not datetime"):
        tc.Catalog([], dt.datetime(2026, 1, 1))
    early, late = tc.Catalog([], dt.date(2026, 1, 1)), tc.Catalog([], dt.date(2027, 3, 1))
    assert early.merged(late).revision == late.merged(early).revision == dt.date(2027, 3, 1)
    assert early.merged(tc.Catalog([])).revision == dt.date(2026, 1, 1)
    assert tc.Catalog([]).merged(tc.Catalog([])).revision is None
    assert repr(tc.Catalog([])) == "<Catalog of 0 commemorations, revision ?>"


@pytest.mark.parametrize(
    ("user_revision", "stamp"),
    [("2027-03-01", "20270301"), ("2020-01-01", None)],
    ids=["later-moves-it", "earlier-keeps-the-shipped"],
)
def test_a_user_catalogue_revision_moves_the_feed_dtstamp(
    tmp_path: Path, user_revision: str, stamp: str | None
) -> None:
    shipped = tc.default_catalog().revision
    assert shipped is not None
    expected = stamp or f"{shipped:%Y%m%d}"
    (tmp_path / "org.toml").write_text(
        f"[meta]\nrevision = {user_revision}\n{ENTRY}", encoding="utf-8"
    )
    (tmp_path / "plan.toml").write_text(
        '[plan]\ntitle = "KH"\nyear = 2027\n\n[follow]\ncatalog = "org.toml"\n'
        'keys = ["thanh_lap_truong"]\n\n'
        '[[phase]]\nlabel = "Đợt 1"\nstart = "2027-01"\nend = "2027-12"\n',
        encoding="utf-8",
    )
    plan = tc.load_plan(tmp_path / "plan.toml")
    result = tc.schedule(2027, plan)
    assert "milestone:thanh_lap_truong:2027" in [e.uid for e in result]
    text = tc.to_ical(result, name="KH").decode()
    stamps = set(re.findall(r"DTSTAMP:(\d{8})T000000Z", text))
    assert stamps == {expected}


def test_a_user_catalogue_without_a_plan_moves_the_feed_dtstamp(tmp_path: Path) -> None:
    # The schedule carries the catalogue it was computed from, so `ics --catalog FILE` and
    # `publish --catalog FILE` date their feeds by the user's revision too.
    (tmp_path / "org.toml").write_text(f"[meta]\nrevision = 2027-03-01\n{ENTRY}", encoding="utf-8")
    result = tc.schedule(2027, catalog=tmp_path / "org.toml")
    assert result.catalog is not None
    assert result.catalog.revision == dt.date(2027, 3, 1)
    text = tc.to_ical(result, name="KH").decode()
    assert set(re.findall(r"DTSTAMP:(\d{8})T000000Z", text)) == {"20270301"}
    shipped = tc.to_ical(tc.schedule(2027), name="KH").decode()
    assert "DTSTAMP:20270301" not in shipped
