"""The built wheel contains the data files and works when installed into a fresh venv.

Offline: the wheel is built with the hatchling of the test environment (no build isolation),
and the runtime dependencies come from ``.venv/wheelhouse``, which ``make test`` prepares.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

import thidua_calendar as tc

ROOT = Path(__file__).resolve().parent.parent
WHEELHOUSE = ROOT / ".venv" / "wheelhouse"


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


def test_wheel_contains_data_and_marker(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("vietnam.txt", "vietnam-utc7.txt", "china.txt"):
        assert f"thidua_calendar/data/lunar/{name}" in names
    assert "thidua_calendar/py.typed" in names
    assert not any(n.startswith(("tests/", "tools/")) for n in names)


def test_installed_wheel_works_in_a_fresh_venv(wheel: Path, tmp_path: Path) -> None:
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
    )
    code = (
        "import thidua_calendar as tc, datetime as dt, pathlib;"
        "assert 'site-packages' in tc.__file__, tc.__file__;"
        "print(tc.tet(2030), tc.tet(2030, tc.CHINA), tc.to_lunar(dt.date(2199, 12, 31)))"
    )
    result = subprocess.run(
        [str(python), "-c", code], cwd=tmp_path, check=True, capture_output=True, text=True
    )
    # The installed copy reads the same tables as the source tree.
    assert result.stdout.split() == [
        "2030-02-02",
        "2030-02-03",
        str(tc.to_lunar(dt.date(2199, 12, 31))),
    ]
    cli = subprocess.run(
        [str(env_dir / "bin" / "thidua-calendar"), "tet", "2021", "--format", "csv"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
    )
    assert "2021,2021-02-12" in cli.stdout
