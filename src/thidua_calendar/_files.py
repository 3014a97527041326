"""Writing output files safely: the one writer of every file the tool produces.

Every output (``ics -o``, ``poster -o``, ``plan new -o``, ``plan draft -o``,
``lint --emit-plan``, ``publish``, a listing's ``-o``) goes through :func:`write_output` or
:func:`write_set`:

- **Never clobber.** An existing regular file is replaced only when this tool wrote it (see
  :func:`written_here`) or is empty, unless ``force=True`` (the ``--force`` option).
- **Non-regular targets are written, not replaced.** ``-`` is standard output; a device
  (``/dev/null``), a FIFO, anything under ``/dev`` or ``/proc`` (``/dev/stdout``) is opened and
  written in place, so ``/dev/null`` stays a device and a FIFO stays a FIFO.
- **Symbolic links are followed.** The link's target is written atomically; the link stays.
- **All or nothing.** A regular file is written to a temporary file in the target's folder and
  renamed over it; :func:`write_set` writes every temporary file before the first rename. On
  Linux the temporary file is unnamed (``O_TMPFILE``) while its data is written and gets a
  name only just before the rename; where that is not possible it is named
  ``.NAME.thidua-calendar.PID.XXXXXXXX.tmp`` from the start. Either way it is removed on every
  exit path: errors, ``KeyboardInterrupt`` and ``SIGTERM``/``SIGHUP`` (turned into an
  exception while a write is under way, then re-delivered once the temporary file is gone).
- **What ``kill -9`` can leave:** a ``.NAME.thidua-calendar.PID.XXXXXXXX.tmp`` file (a named
  temporary file not yet renamed). The next write into the same folder removes such a file
  once its process is gone and it is more than a minute old.
- **Errors name the target**, never the temporary file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import signal
import stat
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Final

import attrs

from .errors import ThiduaError

#: The comment of a plan document's archive (``plan draft``, at the end of the .docx file).
#: Word and LibreOffice drop it when they save the file again, so a document the clerk has
#: edited is never replaced without ``--force``.
DOCX_MARKER: Final = b"generator: thidua-calendar plan draft"
#: The comment of a spreadsheet's archive (``--format xlsx``), kept as :data:`DOCX_MARKER` is:
#: Excel and LibreOffice drop it when they save the workbook again.
XLSX_MARKER: Final = b"generator: thidua-calendar xlsx"
#: What marks a file this tool wrote, in its first :data:`_HEAD` or last :data:`_TAIL` bytes:
#: a feed's PRODID, a feed history's first line, the poster's generator comment (SVG and
#: HTML), the index page's footer, a plan document's or a spreadsheet's archive comment.
MARKERS: Final = (
    b"PRODID:-//thidua-calendar//",
    b"# thidua-calendar feed history",
    b"<!-- generator: thidua-calendar -->",
    b"<p><small>thidua-calendar</small></p>",
    DOCX_MARKER,
    XLSX_MARKER,
)
#: The first line of a plan file the tool wrote (``plan new``, ``lint --emit-plan``), in
#: English (``… written by `thidua-calendar plan new`.``) or Vietnamese (``… viết bởi …``).
PLAN_HEADER: Final = re.compile(
    rb"# [^\n]* (by|b\xe1\xbb\x9fi) `thidua-calendar (plan new|lint --emit-plan)`\."
)
_HEAD: Final = 64 * 1024
_TAIL: Final = 4 * 1024
_TEMP_TAG: Final = ".thidua-calendar."
_TEMP: Final = re.compile(r"\.(?P<name>.+)\.thidua-calendar\.(?P<pid>\d+)\.[0-9a-f]{8}\.tmp")
_STALE_AFTER: Final = 60.0  # seconds


class OutputExistsError(ThiduaError, FileExistsError):
    """The output file exists and was not written by thidua-calendar (give ``force=True``)."""


def written_here(path: str | os.PathLike[str]) -> bool:
    """Whether a file was written by thidua-calendar (it may then be replaced without force).

    Recognised: a feed by its ``PRODID:-//thidua-calendar//``, a feed history by its
    ``# thidua-calendar feed history`` line, a poster by its
    ``<!-- generator: thidua-calendar -->`` comment, an ``index.html`` of ``publish`` by its
    ``<p><small>thidua-calendar</small></p>`` footer, a plan document (.docx) by its archive
    comment (:data:`DOCX_MARKER`), a spreadsheet (.xlsx) by its archive comment
    (:data:`XLSX_MARKER`), a plan file by its first line
    (``# … by `thidua-calendar plan new`.`` or ``… lint --emit-plan`.``). A missing or
    unreadable file is not.
    """
    try:
        with open(path, "rb") as f:
            head = f.read(_HEAD)
            size = os.fstat(f.fileno()).st_size
            tail = b""
            if size > _HEAD:
                f.seek(max(_HEAD, size - _TAIL))
                tail = f.read(_TAIL)
    except OSError:
        return False
    if PLAN_HEADER.match(head.split(b"\n", 1)[0]):
        return True
    return any(marker in head or marker in tail for marker in MARKERS)


def _named_error(exc: OSError, target: Path | str) -> OSError:
    """The same error, naming the target instead of a temporary file."""
    if isinstance(exc, ThiduaError):
        return exc
    return type(exc)(exc.errno, exc.strerror or str(exc), str(target))


def _is_direct(path: Path) -> bool:
    """A target written in place: standard output, a non-regular file, under /dev or /proc."""
    if str(path) == "-":
        return True
    absolute = os.path.abspath(path)
    if absolute.startswith(("/dev/", "/proc/")):
        return True
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return os.path.realpath(path).startswith("/proc/")
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


@attrs.define
class _Staged:
    """One output ready to be swapped in: its data in a temporary file (or held, for direct)."""

    shown: Path  # as the user gave it, for messages
    target: Path  # the file replaced (a symbolic link followed)
    data: bytes
    fd: int | None = None  # an unnamed temporary file (O_TMPFILE)
    temp: Path | None = None  # a named temporary file

    def discard(self) -> None:
        """Remove the temporary file, if any (idempotent)."""
        if self.fd is not None:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = None
        if self.temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.temp)
            self.temp = None


def _temp_name(target: Path) -> Path:
    return target.with_name(f".{target.name}{_TEMP_TAG}{os.getpid()}.{secrets.token_hex(4)}.tmp")


def remove_stale_temps(directory: Path) -> list[Path]:
    """Remove temporary files left in a folder by writers killed with ``kill -9``.

    A file is removed when it is named like this module's temporary files, its process no
    longer runs and it is more than a minute old. Returns the files removed.
    """
    removed: list[Path] = []
    try:
        names = os.listdir(directory)
    except OSError:
        return removed
    now = time.time()
    for name in names:
        match = _TEMP.fullmatch(name)
        if match is None:
            continue
        path = directory / name
        pid = int(match["pid"])
        try:
            if now - os.lstat(path).st_mtime < _STALE_AFTER:
                continue
            if pid != os.getpid():
                try:
                    os.kill(pid, 0)
                    continue  # still running
                except ProcessLookupError:
                    pass
                except PermissionError:
                    continue  # running, as someone else
            os.unlink(path)
        except OSError:
            continue
        removed.append(path)
    return removed


def _write_all(fd: int, data: bytes) -> None:
    """Write all of ``data`` to a file descriptor."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _check(path: Path, *, force: bool) -> Path:
    """The file to replace (a link followed); refuses a foreign file unless ``force``."""
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if not force and target.is_file() and target.stat().st_size > 0 and not written_here(target):
        from ._wording.errors import output_exists

        vi, en = output_exists(path)
        raise OutputExistsError(en, vi=vi)
    return target


# Whether an unnamed temporary file (O_TMPFILE) can be given a name through /proc/self/fd:
# None until tried; some systems (sandboxes, other kernels) refuse with EXDEV or EPERM.
_unnamed_works: bool | None = None


def _write_named(staged: _Staged) -> None:
    temp = _temp_name(staged.target)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    staged.temp = temp
    try:
        _write_all(fd, staged.data)
    finally:
        os.close(fd)


def _stage(path: Path, data: bytes, *, force: bool) -> _Staged:
    """Check one output and write its data to a temporary file beside the target."""
    if _is_direct(path):
        return _Staged(path, path, data)
    target = _check(path, force=force)
    staged = _Staged(path, target, data)
    remove_stale_temps(target.parent)
    try:
        if _unnamed_works is not False and hasattr(os, "O_TMPFILE"):
            try:
                staged.fd = os.open(target.parent, os.O_TMPFILE | os.O_WRONLY, 0o666)
            except OSError as exc:
                if exc.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
                    raise
        if staged.fd is None:
            _write_named(staged)
        else:
            _write_all(staged.fd, data)
    except BaseException as exc:
        staged.discard()
        if isinstance(exc, OSError):
            raise _named_error(exc, path) from None
        raise
    return staged


def _name(staged: _Staged) -> None:
    """Give a staged output's unnamed temporary file its temporary name, ready to swap."""
    global _unnamed_works
    if staged.fd is None:
        return
    try:
        temp = _temp_name(staged.target)
        try:
            os.link(f"/proc/self/fd/{staged.fd}", temp, follow_symlinks=True)
            staged.temp = temp
            _unnamed_works = True
        except OSError:
            _unnamed_works = False
            _write_named(staged)
        os.close(staged.fd)
        staged.fd = None
    except OSError as exc:
        staged.discard()
        raise _named_error(exc, staged.shown) from None


def _swap(staged: _Staged) -> None:
    """Swap a staged output in (or write a direct one in place)."""
    try:
        if staged.temp is None:
            if str(staged.shown) == "-":
                sys.stdout.flush()
                sys.stdout.buffer.write(staged.data)
                sys.stdout.buffer.flush()
            else:
                with open(staged.shown, "wb") as f:
                    f.write(staged.data)
            return
        os.replace(staged.temp, staged.target)
        staged.temp = None
    except OSError as exc:
        raise _named_error(exc, staged.shown) from None
    finally:
        staged.discard()


class _Terminated(BaseException):
    """SIGTERM (or SIGHUP) arrived during a write: unwind, clean up, then die of it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise_terminated(signum: int, _frame: object) -> None:
    raise _Terminated(signum)


@contextlib.contextmanager
def _cleanup_on_signals() -> Iterator[None]:
    """While writing, turn SIGTERM and SIGHUP into an exception; re-deliver after cleanup.

    Only the main thread can set signal handlers, and a handler set by the program (not the
    default) is left alone. SIGINT is already an exception (``KeyboardInterrupt``).
    """
    previous: dict[int, signal.Handlers | object] = {}
    if threading.current_thread() is threading.main_thread():
        for name in ("SIGTERM", "SIGHUP"):
            signum = getattr(signal, name, None)
            if signum is not None and signal.getsignal(signum) is signal.SIG_DFL:
                previous[signum] = signal.signal(signum, _raise_terminated)
    try:
        yield
    except _Terminated as terminated:
        for signum, handler in previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]
        previous.clear()
        signal.raise_signal(terminated.signum)
        raise  # the signal was handled elsewhere: still unwind
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]


def write_set(outputs: Sequence[tuple[Path, bytes]], *, force: bool = False) -> None:
    """Write several files all together: every check and temporary file first, then the swaps.

    Nothing is replaced when one output is refused or its temporary file cannot be written.

    Args:
        outputs: (path, data) of each file.
        force: Replace existing files that thidua-calendar did not write.

    Raises:
        OutputExistsError: A target exists and was not written by thidua-calendar.
        OSError: A target cannot be written (the error names the target).
    """
    with _cleanup_on_signals():
        staged: list[_Staged] = []
        try:
            for path, _data in outputs:
                if not _is_direct(path):
                    _check(path, force=force)
            for path, data in outputs:
                staged.append(_stage(path, data, force=force))
            for one in staged:
                _name(one)
            for one in staged:
                _swap(one)
        finally:
            for one in staged:
                one.discard()


def write_output(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write one output file completely or not at all (see the module for the rules).

    Args:
        path: The file; ``-`` is standard output.
        data: Its bytes.
        force: Replace an existing file that thidua-calendar did not write.

    Raises:
        OutputExistsError: The file exists and was not written by thidua-calendar.
        OSError: The file cannot be written (the error names it).
    """
    write_set([(path, data)], force=force)
