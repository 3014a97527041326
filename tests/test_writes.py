"""Writing outputs: never clobber, write devices in place, follow links, leave no temp file.

The rules are those of :mod:`thidua_calendar._files` (docs/cli.md, "Output files"); every
writer goes through it: ``ics -o``, ``poster -o``, ``plan new -o``, ``lint --emit-plan`` and
``publish``.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import thidua_calendar as tc
from conftest import Cli
from thidua_calendar import _files
from thidua_calendar._data import example_plans
from thidua_calendar.plans import slug

SAMPLE = Path(str(example_plans()["sample-2026.toml"]))
FOREIGN_ICS = (
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example Corp//Calendar//EN\r\n"
    b"BEGIN:VEVENT\r\nUID:1@example\r\nDTSTAMP:20260101T000000Z\r\n"
    b"DTSTART;VALUE=DATE:20260105\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
ICS = ("ics", "--major-days", "--from", "2025", "--to", "2026")


def temp_files(directory: Path) -> list[str]:
    """The temporary files of the writer left in a folder."""
    return sorted(p.name for p in directory.iterdir() if ".thidua-calendar." in p.name)


# --- never clobber -------------------------------------------------------------------------


@pytest.mark.usefixtures("english")
def test_ics_refuses_a_calendar_it_did_not_write(cli: Cli, tmp_path: Path) -> None:
    mine = tmp_path / "personal.ics"
    mine.write_bytes(FOREIGN_ICS)
    code, _, err = cli(*ICS, "-o", str(mine))
    assert code == 2
    assert err == (
        f"thidua-calendar: error: {mine} exists and was not written by thidua-calendar; "
        "use --force to replace it\n"
    )
    assert mine.read_bytes() == FOREIGN_ICS
    code, _, err = cli(*ICS, "-o", str(mine), "--force")
    assert code == 0, err
    data = mine.read_bytes()
    assert b"PRODID:-//thidua-calendar//" in data
    assert b"Dentist" not in data  # the foreign feed is not read as a previous revision


@pytest.mark.usefixtures("english")
def test_ics_refreshes_a_feed_it_wrote(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "le-lon.ics"
    assert cli(*ICS, "-o", str(out))[0] == 0
    code, _, err = cli("ics", "--major-days", "--from", "2025", "--to", "2027", "-o", str(out))
    assert code == 0, err
    assert "2027" in err
    code, _, err = cli("ics", "--major-days", "--from", "2025", "--to", "2027", "-o", str(out))
    assert code == 0
    assert "unchanged" in err


def test_an_empty_file_may_be_replaced(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "new.ics"
    out.touch()
    assert cli(*ICS, "-o", str(out))[0] == 0
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")


@pytest.mark.usefixtures("english")  # the English words; Vietnamese: test_library_words
def test_lint_emit_plan_refuses_a_hand_written_plan(cli: Cli, tmp_path: Path) -> None:
    doc = tmp_path / "ke-hoach.txt"
    doc.write_text(
        "KẾ HOẠCH thi đua năm 2026\nĐợt 1: từ 01/01/2026 đến 30/4/2026\n", encoding="utf-8"
    )
    mine = tmp_path / "myplan.toml"
    mine.write_text('[plan]\nyear = 2026\ntitle = "Mine"\n', encoding="utf-8")
    code, _, err = cli("lint", str(doc), "--emit-plan", str(mine))
    assert code == 2
    assert "was not written by thidua-calendar" in err
    assert mine.read_text(encoding="utf-8").endswith('"Mine"\n')
    code, _, err = cli("lint", str(doc), "--emit-plan", str(mine), "--force")
    assert code == 0, err
    emitted = mine.read_bytes()
    assert emitted.startswith(b"# Plan extracted from ")
    assert _files.written_here(mine)
    assert cli("lint", str(doc), "--emit-plan", str(mine))[0] == 0  # its own: refreshed
    assert mine.read_bytes() == emitted


@pytest.mark.usefixtures("english")  # the English words; Vietnamese: test_library_words
@pytest.mark.parametrize("suffix", ["svg", "html"])
def test_poster_refuses_an_unrelated_page(cli: Cli, tmp_path: Path, suffix: str) -> None:
    page = tmp_path / f"report.{suffix}"
    page.write_text("<html><body>Quarterly report</body></html>\n", encoding="utf-8")
    code, _, err = cli("poster", "2026", "-o", str(page))
    assert code == 2
    assert "was not written by thidua-calendar" in err
    assert "Quarterly report" in page.read_text(encoding="utf-8")
    assert cli("poster", "2026", "-o", str(page), "--force")[0] == 0
    assert "<!-- generator: thidua-calendar -->" in page.read_text(encoding="utf-8")
    assert cli("poster", "2026", "-o", str(page))[0] == 0  # its own poster: replaced


@pytest.mark.usefixtures("english")
def test_plan_new_still_refuses_any_existing_file(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "plan.toml"
    assert cli("plan", "new", "--year", "2026", "-o", str(out))[0] == 0
    assert _files.written_here(out)
    code, _, err = cli("plan", "new", "--year", "2027", "-o", str(out))
    assert code == 2
    assert "use --force" in err
    assert "2026" in out.read_text(encoding="utf-8").splitlines()[0]
    assert cli("plan", "new", "--year", "2027", "-o", str(out), "--force")[0] == 0
    assert "2027" in out.read_text(encoding="utf-8").splitlines()[0]


def test_markers_of_every_output(tmp_path: Path) -> None:
    """Each kind of output carries the mark that lets the next run replace it."""
    from thidua_calendar._publish import publish

    publish(tmp_path / "site", first_year=2025, last_year=2025)
    for path in (tmp_path / "site").iterdir():
        assert _files.written_here(path), path.name
    other = tmp_path / "other.html"
    other.write_text("<p>thidua-calendar is a tool</p>\n", encoding="utf-8")
    assert not _files.written_here(other)
    assert not _files.written_here(tmp_path / "missing.ics")
    # A marker after the first 64 KiB counts only in the last 4 KiB.
    big = tmp_path / "big.html"
    big.write_bytes(b"x" * 100_000 + b"<p><small>thidua-calendar</small></p>\n")
    assert _files.written_here(big)
    big.write_bytes(b"x" * 100_000 + b"<p><small>thidua-calendar</small></p>\n" + b"y" * 5000)
    assert not _files.written_here(big)


# --- non-regular targets and links ---------------------------------------------------------


def test_dev_null_stays_a_character_device(monkeypatch: pytest.MonkeyPatch, cli: Cli) -> None:
    replace = os.replace

    def guarded(src: str, dst: str) -> None:  # a regression must not replace the real device
        assert not os.path.abspath(dst).startswith("/dev/"), dst
        replace(src, dst)

    monkeypatch.setattr(_files.os, "replace", guarded)
    code, _, err = cli(*ICS, "-o", os.devnull)
    assert code == 0, err
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_fifo_is_written_in_place(cli: Cli, tmp_path: Path) -> None:
    fifo = tmp_path / "feed.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as f:
            received.append(f.read())

    reader = threading.Thread(target=read)
    reader.start()
    code, _, err = cli(*ICS, "-o", str(fifo))
    reader.join(10)
    assert code == 0, err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert received[0].startswith(b"BEGIN:VCALENDAR")
    assert temp_files(tmp_path) == []


def test_dash_is_standard_output(cli: Cli, tmp_path: Path) -> None:
    code, out, err = cli(*ICS, "-o", "-")
    assert code == 0, err
    assert out.startswith("BEGIN:VCALENDAR")
    assert err == ""
    assert not (Path.cwd() / "-").exists()


def test_a_symlink_is_followed(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "real" / "feed.ics"
    target.parent.mkdir()
    assert cli(*ICS, "-o", str(target))[0] == 0
    link = tmp_path / "link.ics"
    link.symlink_to(target)
    code, _, err = cli("ics", "--major-days", "--from", "2025", "--to", "2027", "-o", str(link))
    assert code == 0, err
    assert link.is_symlink()
    assert b"DTSTART;VALUE=DATE:2027" in target.read_bytes()
    assert temp_files(tmp_path) == temp_files(target.parent) == []


def test_a_symlink_to_a_foreign_file_is_refused(cli: Cli, tmp_path: Path) -> None:
    mine = tmp_path / "personal.ics"
    mine.write_bytes(FOREIGN_ICS)
    link = tmp_path / "link.ics"
    link.symlink_to(mine)
    assert cli(*ICS, "-o", str(link))[0] == 2
    assert mine.read_bytes() == FOREIGN_ICS


# --- errors name the target; temporary files never stay ------------------------------------


@pytest.mark.usefixtures("english")
def test_errors_name_the_target_not_the_temp_file(cli: Cli, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    out = blocker / "feed.ics"
    code, _, err = cli(*ICS, "-o", str(out))
    assert code == 2
    assert err == f"thidua-calendar: error: Not a directory: {out}\n"


@pytest.mark.parametrize("unnamed", [True, False])
@pytest.mark.usefixtures("english")
def test_a_failed_rename_names_the_target_and_leaves_nothing(
    monkeypatch: pytest.MonkeyPatch, cli: Cli, tmp_path: Path, unnamed: bool
) -> None:
    if not unnamed:
        monkeypatch.setattr(_files, "_unnamed_works", False)

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(src))

    monkeypatch.setattr(_files.os, "replace", refuse)
    out = tmp_path / "feed.ics"
    code, _, err = cli(*ICS, "-o", str(out))
    assert code == 2
    assert err == f"thidua-calendar: error: Permission denied: {out}\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("unnamed", [True, False])
def test_a_full_disk_leaves_the_old_file_and_no_temp_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, unnamed: bool
) -> None:
    if not unnamed:
        monkeypatch.setattr(_files, "_unnamed_works", False)
    out = tmp_path / "feed.ics"
    _files.write_output(out, b"PRODID:-//thidua-calendar//old\n")

    def full(fd: int, data: bytes) -> None:
        os.write(fd, data[:3])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(_files, "_write_all", full)
    with pytest.raises(OSError, match="No space left") as caught:
        _files.write_output(out, b"new")
    assert caught.value.filename == str(out)
    assert out.read_bytes() == b"PRODID:-//thidua-calendar//old\n"
    assert temp_files(tmp_path) == []


def test_write_set_writes_nothing_when_one_target_is_refused(tmp_path: Path) -> None:
    ours, foreign = tmp_path / "a.ics", tmp_path / "b.ics"
    foreign.write_bytes(FOREIGN_ICS)
    with pytest.raises(_files.OutputExistsError, match=r"b\.ics exists"):
        _files.write_set([(ours, b"a"), (foreign, b"b")])
    assert not ours.exists()
    assert foreign.read_bytes() == FOREIGN_ICS
    assert isinstance(_files.OutputExistsError("x"), FileExistsError)


# A writer that stops half-way and waits to be killed: the slow write under test.
SLOW_WRITER = """
import os, sys, time
from pathlib import Path
from thidua_calendar import _files

out, ready, unnamed = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "1"
if not unnamed:
    _files._unnamed_works = False

def slow(fd, data):
    os.write(fd, data[: len(data) // 2])
    ready.write_text("ready")
    time.sleep(60)

_files._write_all = slow
_files.write_output(out, b"PRODID:-//thidua-calendar//new\\n" * 1000)
"""


def _killed_mid_write(tmp_path: Path, sig: signal.Signals, unnamed: bool) -> int:
    """Run the slow writer over ``tmp_path/site/feed.ics``, send ``sig`` mid-write."""
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    out = site / "feed.ics"
    out.write_bytes(b"PRODID:-//thidua-calendar//old\n")
    ready = tmp_path / "ready"
    ready.unlink(missing_ok=True)
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITER, str(out), str(ready), "1" if unnamed else "0"],
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while not ready.exists():
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() < deadline
            time.sleep(0.02)
        proc.send_signal(sig)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()
    assert out.read_bytes() == b"PRODID:-//thidua-calendar//old\n"
    return proc.returncode


@pytest.mark.parametrize("unnamed", [True, False])
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_mid_write_leaves_no_temp_file(
    tmp_path: Path, sig: signal.Signals, unnamed: bool
) -> None:
    code = _killed_mid_write(tmp_path, sig, unnamed)
    if sig is signal.SIGTERM:
        assert code == -signal.SIGTERM  # still dies of the signal, after cleaning up
    assert code != 0
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == ["feed.ics"]


def test_kill_9_leaves_no_temp_file_with_unnamed_temp_files(tmp_path: Path) -> None:
    if not hasattr(os, "O_TMPFILE"):
        pytest.skip("no O_TMPFILE on this system")
    assert _killed_mid_write(tmp_path, signal.SIGKILL, unnamed=True) == -signal.SIGKILL
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == ["feed.ics"]


def test_what_kill_9_leaves_the_next_write_removes(tmp_path: Path) -> None:
    assert _killed_mid_write(tmp_path, signal.SIGKILL, unnamed=False) == -signal.SIGKILL
    site = tmp_path / "site"
    (left,) = temp_files(site)
    assert left.startswith(".feed.ics.thidua-calendar.")
    # A young one may still be written by a live process elsewhere: kept for a minute.
    _files.write_output(site / "one.ics", b"x")
    assert temp_files(site) == [left]
    old = time.time() - 120
    os.utime(site / left, (old, old))
    live = site / f".feed.ics.thidua-calendar.{os.getppid()}.0123abcd.tmp"
    live.write_bytes(b"")
    os.utime(live, (old, old))
    _files.write_output(site / "two.ics", b"y")
    assert temp_files(site) == [live.name]  # its process still runs


# --- publish -------------------------------------------------------------------------------


def _plan(folder: Path, name: str, identity: str | None = None) -> Path:
    """The sample plan under another name, with its own id (``identity``, else from the name)."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    own = identity or slug(str(Path(name).with_suffix("")))
    text = SAMPLE.read_text(encoding="utf-8").replace('id = "sample-2026"', f'id = "{own}"')
    path.write_text(text, encoding="utf-8")
    return path


def _snapshot(site: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in site.iterdir() if p.is_file()}


def _publish(cli: Cli, site: Path, *plans: Path, to: str = "2026") -> tuple[int, str]:
    argv = ["publish", str(site), "--from", "2025", "--to", to]
    for plan in plans:
        argv += ["--plan", str(plan)]
    code, _, err = cli(*argv)
    return code, err


@pytest.mark.usefixtures("english")
def test_publish_changes_nothing_when_a_third_feed_cannot_be_written(
    cli: Cli, tmp_path: Path
) -> None:
    a, b, c = (_plan(tmp_path, f"{n}.toml") for n in "abc")
    site = tmp_path / "site"
    assert _publish(cli, site, a, b)[0] == 0
    before = _snapshot(site)
    (site / "c.ics").mkdir()  # where the third plan's feed goes: not a file
    code, err = _publish(cli, site, a, b, c, to="2027")
    assert code == 2
    assert err == f"thidua-calendar: error: Is a directory: {site / 'c.ics'}\n"
    assert _snapshot(site) == before
    assert temp_files(site) == []


def test_publish_changes_nothing_when_a_previous_feed_is_unreadable(
    cli: Cli, tmp_path: Path
) -> None:
    a, b, c = (_plan(tmp_path, f"{n}.toml") for n in "abc")
    site = tmp_path / "site"
    assert _publish(cli, site, a, b)[0] == 0
    (site / "c.ics").write_bytes(b"PRODID:-//thidua-calendar//VI\r\nnot a feed\r\n")
    before = _snapshot(site)
    code, err = _publish(cli, site, a, b, c, to="2027")
    assert code == 2
    assert err.count("\n") == 1
    assert _snapshot(site) == before


def test_publish_changes_nothing_when_a_plan_is_unreadable(cli: Cli, tmp_path: Path) -> None:
    a, b = _plan(tmp_path, "a.toml"), _plan(tmp_path, "b.toml")
    bad = tmp_path / "c.toml"
    bad.write_bytes(b"[plan\nyear = \xff\n")
    site = tmp_path / "site"
    assert _publish(cli, site, a, b)[0] == 0
    before = _snapshot(site)
    assert _publish(cli, site, a, b, bad, to="2027")[0] == 2
    assert _snapshot(site) == before


@pytest.mark.usefixtures("english")  # the English words; Vietnamese: test_library_words
def test_publish_refuses_a_page_it_did_not_write(cli: Cli, tmp_path: Path) -> None:
    site = tmp_path / "www"
    site.mkdir()
    (site / "index.html").write_text("<h1>My home page</h1>\n", encoding="utf-8")
    code, err = _publish(cli, site)
    assert code == 2
    assert "index.html exists and was not written by thidua-calendar" in err
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
    code, _, err = cli("publish", str(site), "--from", "2025", "--to", "2026", "--force")
    assert code == 0, err
    assert _files.written_here(site / "index.html")


@pytest.mark.parametrize(
    ("first", "second"),
    [("a/plan.toml", "b/plan.toml"), ("Plan 2026.toml", "plan-2026.toml")],
)
def test_publish_names_feeds_by_plan_identity_not_file_name(
    cli: Cli, tmp_path: Path, first: str, second: str
) -> None:
    # The file names of the issue collided as feed names; the plans' identities do not.
    one, two = _plan(tmp_path, first, "cdcs-a-2026"), _plan(tmp_path, second, "cdcs-b-2026")
    site = tmp_path / "site"
    code, err = _publish(cli, site, one, two)
    assert code == 0, err
    assert {"cdcs-a-2026.ics", "cdcs-b-2026.ics"} <= {p.name for p in site.iterdir()}


@pytest.mark.usefixtures("english")
def test_publish_refuses_two_plans_with_one_identity(cli: Cli, tmp_path: Path) -> None:
    one = _plan(tmp_path, "a/plan.toml", "cdcs-2026")
    two = _plan(tmp_path, "b/plan.toml", "cdcs-2026")
    site = tmp_path / "site"
    code, err = _publish(cli, site, one, two)
    assert code == 2
    assert err == (
        f"thidua-calendar: error: plans {one} and {two} have the same identity 'cdcs-2026' and "
        "would both publish as cdcs-2026.ics; give one of them another id ([plan] id = …)\n"
    )
    assert not site.exists()


@pytest.mark.usefixtures("english")
def test_publish_refuses_a_plan_named_like_a_shared_feed(cli: Cli, tmp_path: Path) -> None:
    plan = _plan(tmp_path, "tat-ca.toml", "tat-ca")
    site = tmp_path / "site"
    code, err = _publish(cli, site, plan)
    assert code == 2
    assert err == (
        f"thidua-calendar: error: plan {plan} would publish as tat-ca.ics, the name of a "
        "shared feed; give the plan another id ([plan] id = …)\n"
    )
    assert not site.exists()


def test_renaming_a_plan_changes_no_uid_and_no_feed_name(cli: Cli, tmp_path: Path) -> None:
    before = _plan(tmp_path, "ke-hoach.toml", "cdcs-truong-a-2026")
    feed_before = tc.to_ical(tc.schedule(2026, tc.load_plan(before)), name="KH")
    after = before.rename(tmp_path / "Kế hoạch 2026 (bản cuối).toml")
    feed_after = tc.to_ical(tc.schedule(2026, tc.load_plan(after)), name="KH")
    assert feed_after == feed_before
    site = tmp_path / "site"
    assert _publish(cli, site, after)[0] == 0
    assert (site / "cdcs-truong-a-2026.ics").is_file()


def test_publish_leaves_no_temp_file_and_keeps_unchanged_feeds(cli: Cli, tmp_path: Path) -> None:
    site = tmp_path / "site"
    a = _plan(tmp_path, "a.toml")
    assert _publish(cli, site, a)[0] == 0
    mtimes = {p.name: p.stat().st_mtime_ns for p in site.iterdir()}
    code, err = _publish(cli, site, a)
    assert code == 0
    assert err == ""  # nothing changed, nothing written
    assert {p.name: p.stat().st_mtime_ns for p in site.iterdir()} == mtimes
    assert temp_files(site) == []
