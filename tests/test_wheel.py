"""The built wheel ships every data file and works when installed into a fresh venv.

Offline: the wheel is built with the hatchling of the test environment (no build isolation),
and the runtime dependencies come from the wheelhouse of the test environment
(``.venv/wheelhouse``, which ``make test`` prepares).

The installed copy loads every data file through the library — the catalogue, the congress
series, each lunar table, the solar-term table, the hand corrections, each example plan — and
must give the same results as the checkout.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

import thidua_calendar as tc

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
WHEELHOUSE = Path(sys.prefix) / "wheelhouse"

# Loads every shipped data file through the library and summarises what it computed; run
# both in the fresh venv and here.
SUMMARY = r"""
import datetime as dt
import tomllib
from pathlib import Path

import thidua_calendar as tc
from thidua_calendar import _data


def summary():
    out = {"root": str(_data.files()), "package": str(Path(tc.__file__).parent)}
    out["files"] = list(_data.names())
    catalog = tc.default_catalog()
    for source in catalog.sources:
        out[source.removeprefix("data/")] = [catalog.revision.isoformat(), sorted(catalog)]
    out["days-off.toml"] = [str(d.date) for y in tc.workday_years() for d in tc.days_off(y)]
    organisations = tc.default_organisations()
    for name in _data.names("organisations"):
        out[f"organisations/{name}"] = [organisations.revision.isoformat(), sorted(organisations)]
    out["congresses.toml"] = {
        s.key: [[c.ordinal, c.year] for c in s.congresses] for s in tc.all_congress_series()
    }
    out["lunar/solar-terms.txt"] = [
        str(tc.solar_term_date(year, term))
        for year in (1900, 1968, 2026, 2199)
        for term in ("lap_xuan", "thanh_minh", "dong_chi")
    ]
    for name in _data.names("lunar"):
        if name.endswith(".txt") and name != "solar-terms.txt":
            calendar = tc.get_calendar(name.removesuffix(".txt"))
            out[f"lunar/{name}"] = [
                str(tc.tet(year, calendar)) for year in (1901, 1968, 1985, 2030, 2199)
            ] + [str(tc.to_lunar(dt.date(2199, 12, 31), calendar))]
    corrections = tomllib.loads(_data.read_text("lunar", "corrections.toml"))["correction"]
    # Each hand correction is what the installed tables give.
    out["lunar/corrections.toml"] = [
        [key, c["lunar_year"], c["month"], c["start"],
         str(tc.to_solar(c["lunar_year"], c["month"], 1, c["leap"], tc.get_calendar(key)))]
        for c in corrections
        for key in c["calendars"]
    ]
    # The poster's embedded font (its licence is shipped beside it, not read by the library).
    from thidua_calendar.poster._draw import font_faces

    faces = font_faces()
    for name in _data.names("fonts"):
        if name.endswith(".woff"):
            data = _data.read_bytes("fonts", name)
            out[f"fonts/{name}"] = [len(data), data[:4].hex(), faces.count("base64,")]
        else:
            out[f"fonts/{name}"] = _data.read_text("fonts", name).splitlines()[:3]
    for name, path in _data.example_plans().items():
        plan = tc.load_plan(path)
        entries = tc.schedule(plan.year, plan).entries
        out[f"plans/{name}"] = [
            str(path.relative_to(_data.files())),
            plan.year,
            [[p.label, str(p.start), str(p.end)] for p in plan.phases],
            len(entries),
            [e.uid for e in entries][:5],
            [[d.code, d.line] for d in plan.check()],
        ]
    return out
"""


def checkout_summary() -> dict[str, object]:
    namespace: dict[str, object] = {}
    exec(SUMMARY, namespace)
    result = namespace["summary"]()  # type: ignore[operator]
    assert isinstance(result, dict)
    return json.loads(json.dumps(result))  # type: ignore[no-any-return]


def data_files() -> set[str]:
    """The checkout's data/ listing."""
    return {
        p.relative_to(DATA).as_posix()
        for p in DATA.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def clean_env() -> dict[str, str]:
    """The environment without this test run's import paths (the venv must see only itself)."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--wheel-dir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    (built,) = out.glob("thidua_calendar-*.whl")
    return built


def test_wheel_ships_exactly_the_data_directory(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    prefix = "thidua_calendar/data/"
    shipped = {n.removeprefix(prefix) for n in names if n.startswith(prefix)}
    # Every file of data/ and nothing else: a new data file that is not shipped fails here.
    assert shipped == data_files()
    assert {"commemorations/core.toml", "congresses.toml", "lunar/corrections.toml"} <= shipped
    assert {"lunar/vietnam.txt", "lunar/vietnam-utc7.txt", "lunar/china.txt"} <= shipped
    assert "lunar/solar-terms.txt" in shipped
    assert len([n for n in shipped if n.startswith("plans/")]) == 6
    assert "thidua_calendar/py.typed" in names
    assert not any(n.startswith(("tests/", "tools/", "data/")) for n in names)


def test_sdist_includes_the_data_directory(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--no-isolation", "--outdir", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    (sdist,) = tmp_path.glob("thidua_calendar-*.tar.gz")
    with tarfile.open(sdist) as tar:
        members = {m.name.split("/", 1)[1] for m in tar.getmembers() if m.isfile()}
    assert {f"data/{name}" for name in data_files()} <= members
    assert "tools/gen_lunar.py" in members


def test_installed_wheel_loads_every_data_file_in_a_fresh_venv(wheel: Path, tmp_path: Path) -> None:
    if not (WHEELHOUSE / ".done").exists():
        pytest.fail(
            f"{WHEELHOUSE} is missing: run `make test`, which downloads the runtime "
            "dependencies' wheels before the (offline) tests"
        )
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-index",
            "--find-links",
            str(WHEELHOUSE),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        text=True,
        env=clean_env(),
    )
    code = (
        "import thidua_calendar as tc, datetime as dt, pathlib;"
        "assert 'site-packages' in tc.__file__, tc.__file__;"
        "print(tc.tet(2030), tc.tet(2030, tc.CHINA), tc.to_lunar(dt.date(2199, 12, 31)))"
    )
    result = subprocess.run(
        [str(python), "-c", code],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
        env=clean_env(),
    )
    # The installed copy reads the same tables as the source tree.
    assert result.stdout.split() == [
        "2030-02-02",
        "2030-02-03",
        str(tc.to_lunar(dt.date(2199, 12, 31))),
    ]
    installed = subprocess.run(
        [str(python), "-c", SUMMARY + "\nimport json\nprint(json.dumps(summary()))"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
        env=clean_env(),
    )
    got = json.loads(installed.stdout)
    here = checkout_summary()
    # The installed package reads its own data/ (importlib.resources), the checkout its data/.
    assert "site-packages" in got["package"]
    assert got["root"] == str(Path(got["package"]) / "data")
    assert here["root"] == str(DATA)
    assert set(got["files"]) == data_files()
    loaded = {key for key in got if key not in ("root", "package", "files")}
    assert loaded == data_files(), "every data file is loaded through the library"
    for key in sorted(loaded):
        assert got[key] == here[key], key
    for _key, _year, _month, start, found in got["lunar/corrections.toml"]:
        assert found == start
    cli = subprocess.run(
        [str(env_dir / "bin" / "thidua-calendar"), "tet", "2021", "--format", "csv"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
        env=clean_env(),
    )
    assert "2021,2021-02-12" in cli.stdout
