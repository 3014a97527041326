"""Printing the poster as PDF with a headless Chromium (Chrome, Chromium or Microsoft Edge).

The HTML poster already carries the print CSS of one landscape page (``@page`` with the
paper's size and the margins); Chromium prints it with ``--print-to-pdf`` and no header or
footer, so the PDF is what a user gets from the browser's Print dialog.

The browser is found once per call: ``THIDUA_CHROMIUM`` when set (a program name or path;
when it names nothing that runs, that is the error, not a silent fall-back), else the first of
:data:`BROWSERS` on ``PATH``, else the usual install places of Chrome and Edge on Windows.
Chromium runs with its own throw-away profile and no network.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Final

from .._vocabulary import LangArg
from .._wording.poster import chromium_failed, no_chromium

BROWSERS: Final = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "msedge",
)
"""The program names looked for on ``PATH``, in this order."""

_WINDOWS_PLACES: Final = (
    ("PROGRAMFILES", r"Google\Chrome\Application\chrome.exe"),
    ("PROGRAMFILES(X86)", r"Google\Chrome\Application\chrome.exe"),
    ("LOCALAPPDATA", r"Google\Chrome\Application\chrome.exe"),
    ("PROGRAMFILES(X86)", r"Microsoft\Edge\Application\msedge.exe"),
    ("PROGRAMFILES", r"Microsoft\Edge\Application\msedge.exe"),
)
_TIMEOUT_S: Final = 180

HEADLESS: Final = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--no-first-run",
)
"""How Chromium runs for the poster: headless, no network of its own, no first-run work (the
render tests run it the same way)."""


class ChromiumNotFoundError(Exception):
    """``THIDUA_CHROMIUM`` names no program that runs (its value is the message)."""


class PdfError(Exception):
    """No PDF: no Chromium, or it did not print (the poster module makes it a ``PosterError``)."""


def find_chromium(environ: Mapping[str, str] | None = None) -> str | None:
    """The Chromium program to print with, or ``None``; see the module for the search order.

    Raises:
        ChromiumNotFoundError: ``THIDUA_CHROMIUM`` is set to something that does not run.

    >>> find_chromium({"PATH": ""}) is None
    True
    """
    env = os.environ if environ is None else environ
    path = env.get("PATH", "")
    override = env.get("THIDUA_CHROMIUM")
    if override:
        if shutil.which(override, path=path) is None:
            raise ChromiumNotFoundError(override)
        return shutil.which(override, path=path)
    for name in BROWSERS:
        found = shutil.which(name, path=path)
        if found:
            return found
    for variable, place in _WINDOWS_PLACES:
        base = env.get(variable)
        if base and os.name == "nt" and Path(base, place).is_file():
            return str(Path(base, place))
    return None


def print_pdf(page: str, lang: LangArg, environ: Mapping[str, str] | None = None) -> bytes:
    """The PDF that headless Chromium prints from an HTML page.

    Args:
        page: The HTML (with its own ``@page`` size and margins).
        lang: The language of the error messages.
        environ: The environment to find Chromium in (default: the process's).

    Raises:
        PdfError: No Chromium was found, or it did not print (the message says what to do).
    """
    try:
        program = find_chromium(environ)
    except ChromiumNotFoundError as exc:
        raise PdfError(no_chromium(str(exc), lang)) from None
    if program is None:
        raise PdfError(no_chromium(None, lang))
    with tempfile.TemporaryDirectory(prefix="thidua-poster-") as tmp:
        html, pdf = Path(tmp, "poster.html"), Path(tmp, "poster.pdf")
        html.write_text(page, encoding="utf-8")
        command = [
            program,
            *HEADLESS,
            "--no-default-browser-check",
            "--no-pdf-header-footer",
            "--virtual-time-budget=10000",  # lets the embedded fonts load before printing
            f"--user-data-dir={Path(tmp, 'profile')}",
            f"--print-to-pdf={pdf}",
            html.as_uri(),
        ]
        try:
            result = subprocess.run(
                command, capture_output=True, text=True, timeout=_TIMEOUT_S, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfError(chromium_failed(str(exc), lang)) from None
        if result.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
            lines = [line for line in result.stderr.splitlines() if line.strip()]
            detail = lines[-1].strip() if lines else f"exit {result.returncode}"
            raise PdfError(chromium_failed(detail, lang))
        return pdf.read_bytes()


__all__ = ["BROWSERS", "ChromiumNotFoundError", "PdfError", "find_chromium", "print_pdf"]
