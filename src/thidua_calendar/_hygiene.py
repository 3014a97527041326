r"""Text hygiene: the one rule for the characters a user string may hold.

User text (names, titles, themes, organisations, descriptions) comes from plan and catalogue
files and from command-line flags, and goes out into feeds, CSV, web pages and the terminal.
Some code points have no business in any of them:

=============================================  ==========  ===========  ==============
code points                                    text        one line     terminal
=============================================  ==========  ===========  ==============
TAB U+0009, LF U+000A                          allowed     refused      kept
CR U+000D                                      refused     refused      ``␍`` (U+240D)
other C0 controls U+0000–U+001F (NUL, ESC …)   refused     refused      ``␀`` … ``␛``
DEL U+007F                                     refused     refused      ``␡`` (U+2421)
C1 controls U+0080–U+009F                      refused     refused      U+FFFD
lone surrogates U+D800–U+DFFF                  refused     refused      U+FFFD
noncharacters U+FDD0–U+FDEF, U+nFFFE, U+nFFFF  refused     refused      U+FFFD
LINE / PARAGRAPH SEPARATOR U+2028, U+2029      allowed     refused      kept
=============================================  ==========  ===========  ==============

*At the boundary* (a file is loaded, a flag is parsed) such a character is an error that says
where it is: :func:`clean_text` for text that may span lines (a theme, a description),
:func:`clean_line` for one-line fields (a calendar name, a title, a key). Nothing is changed
silently: the user fixes the file. A lone surrogate is what Python makes of bytes that are not
UTF-8 on the command line, so it is refused too.

*At the output* (a feed, an ``index.html``), :func:`scrub_text` is the last line of defence for
text built in Python rather than loaded: CRLF becomes LF and every refused character becomes
U+FFFD REPLACEMENT CHARACTER, so a strict reader never rejects the output. *On the terminal*
(:func:`for_terminal`), C0 controls are shown as their Control Pictures (ESC as ``␛``), so an
escape sequence from a file is visible and never acts.

Examples:
    >>> clean_line("Công đoàn Trường A", "name")
    'Công đoàn Trường A'
    >>> try:
    ...     clean_line("Trường A\x1b[2J", "name")
    ... except ValueError as exc:
    ...     print(exc)
    name: control character U+001B at character 9 is not allowed; remove it
    >>> scrub_text("a\x00b\r\nc\ufffe")
    'a�b\nc�'
    >>> for_terminal("red\x1b[31m\x07")
    'red␛[31m␇'
"""

from __future__ import annotations

import re
from typing import Final

from .errors import DataError, InvalidValueError

REPLACEMENT: Final = "\ufffd"
"""What :func:`scrub_text` and :func:`for_terminal` put in place of a refused character."""

_NONCHARACTERS: Final = r"\ufdd0-\ufdef" + "".join(
    f"\\U{plane:04X}FFFE\\U{plane:04X}FFFF" for plane in range(17)
)
_NEVER: Final = r"\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff" + _NONCHARACTERS
"""Refused in any user text: controls but TAB and LF (CR too), surrogates, noncharacters."""
_TEXT: Final = re.compile(f"[{_NEVER}]")
_LINE: Final = re.compile(f"[{_NEVER}\\t\\n\\u2028\\u2029]")
_TERMINAL: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_TERMINAL_OTHER: Final = re.compile(f"[\\x80-\\x9f\\ud800-\\udfff{_NONCHARACTERS}]")


_KINDS: Final = {
    "tab": "dấu tab",
    "line break": "dấu xuống dòng",
    "control character": "ký tự điều khiển",
    "lone surrogate (a byte that is not UTF-8)": "ký tự lỗi (một byte không phải UTF-8)",
    "noncharacter": "ký tự không hợp lệ",
}
"""The kinds of refused characters, in Vietnamese."""


def _kind(char: str) -> str:
    code = ord(char)
    if char == "\t":
        return "tab"
    if char in "\n\u2028\u2029":
        return "line break"
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return "control character"
    if 0xD800 <= code <= 0xDFFF:
        return "lone surrogate (a byte that is not UTF-8)"
    return "noncharacter"


def problems(text: str, *, one_line: bool = False) -> tuple[str, str] | None:
    r"""What is wrong with a user string as ``(vi, en)``, or ``None`` when all is allowed.

    Examples:
        >>> problems("a\x07b")[0]
        'không được có ký tự điều khiển U+0007 (ký tự thứ 2); hãy xóa nó'
    """
    found = (_LINE if one_line else _TEXT).search(text)
    if found is None:
        return None
    char = found.group()
    kind, code, at = _kind(char), f"U+{ord(char):04X}", found.start() + 1
    return (
        f"không được có {_KINDS[kind]} {code} (ký tự thứ {at}); hãy xóa nó",
        f"{kind} {code} at character {at} is not allowed; remove it",
    )


def problem(text: str, *, one_line: bool = False) -> str | None:
    """What is wrong with a user string, or ``None`` when every character is allowed.

    Args:
        text: The string.
        one_line: Refuse line breaks and tabs too (a calendar name, a title).

    Returns:
        ``control character U+0007 at character 3 is not allowed; remove it``, or ``None``
        (:func:`problems` gives the Vietnamese too).
    """
    found = problems(text, one_line=one_line)
    return found[1] if found else None


def _check(text: str, where: str, one_line: bool, path: str | None, line: int | None) -> str:
    found = problems(text, one_line=one_line)
    if found is None:
        return text
    vi, en = (f"{where}: {reason}" for reason in found)
    if path is not None or line is not None:
        raise DataError(en, path=path, line=line, vi=vi)
    raise InvalidValueError(en, vi=vi)


def clean_text(text: str, where: str, *, path: str | None = None, line: int | None = None) -> str:
    """A user text that may span lines, unchanged, or an error saying where it is bad.

    TAB and LF are allowed; CR, the other controls, lone surrogates and noncharacters are not
    (see the table above).

    Args:
        text: The text.
        where: What it is, for the message (``phase[2].theme``, ``--description``).
        path: The file it was read from, if any.
        line: Its 1-based line in that file, if known.

    Returns:
        ``text`` itself.

    Raises:
        DataError: A refused character, in text read from a file (``path`` or ``line`` given).
        InvalidValueError: A refused character, otherwise.
    """
    return _check(text, where, False, path, line)


def clean_line(text: str, where: str, *, path: str | None = None, line: int | None = None) -> str:
    """A one-line user field, unchanged, or an error saying where it is bad.

    As :func:`clean_text`, and line breaks (LF, U+2028, U+2029) and TAB are refused too.

    Args:
        text: The field's value.
        where: What it is, for the message (``plan.title``, ``--name``).
        path: The file it was read from, if any.
        line: Its 1-based line in that file, if known.

    Returns:
        ``text`` itself.

    Raises:
        DataError: A refused character, in text read from a file (``path`` or ``line`` given).
        InvalidValueError: A refused character, otherwise.
    """
    return _check(text, where, True, path, line)


def scrub_text(text: str) -> str:
    """Text fit for any output: CRLF as LF, every refused character as U+FFFD.

    The last line of defence of the feeds and the web page, for text that did not come through
    :func:`clean_text` (built in Python). TAB and LF are kept.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    return _TEXT.sub(REPLACEMENT, text)


def _picture(found: re.Match[str]) -> str:
    code = ord(found.group())
    return "\u2421" if code == 0x7F else chr(0x2400 + code)


def for_terminal(text: str) -> str:
    """Text that cannot act on a terminal: controls shown as Control Pictures.

    C0 controls but TAB and LF become U+2400–U+241F (NUL ``␀``, BEL ``␇``, ESC ``␛``, CR
    ``␍``), DEL becomes ``␡``; C1 controls, lone surrogates and noncharacters become U+FFFD.
    """
    text = _TERMINAL.sub(_picture, text)
    return _TERMINAL_OTHER.sub(REPLACEMENT, text)


__all__ = [
    "REPLACEMENT",
    "clean_line",
    "clean_text",
    "for_terminal",
    "problem",
    "scrub_text",
]
