"""argparse's own error messages in Vietnamese.

argparse composes its messages in English (``the following arguments are required: YEAR``,
``argument --lang: invalid choice: 'fr' (choose from 'vi', 'en')``). :func:`argparse_message`
recognises each of argparse's templates (those of Python 3.11 to 3.14) and writes it again in
Vietnamese, the values kept; ``argument X: …`` is translated inside as well. A message of no
known template (a newer Python's) is kept as it is, inside the command line's Vietnamese frame.

Examples:
    >>> argparse_message("the following arguments are required: YEAR", "vi")
    'thiếu đối số bắt buộc: YEAR'
    >>> argparse_message("argument --lang: invalid choice: 'fr' (choose from 'vi', 'en')", "vi")
    "đối số --lang: giá trị không hợp lệ 'fr' (chọn một trong 'vi', 'en')"
    >>> argparse_message("unrecognized arguments: --bogus", "en")
    'unrecognized arguments: --bogus'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from . import EN, lang_of

if TYPE_CHECKING:
    from .._vocabulary import LangArg

_TEMPLATES: Final = (
    ("the following arguments are required: {0}", "thiếu đối số bắt buộc: {0}"),
    ("argument {0}: {1}", "đối số {0}: {1}"),
    ("invalid choice: {0} (choose from {1})", "giá trị không hợp lệ {0} (chọn một trong {1})"),
    (
        "invalid choice: {0}, maybe you meant {1}? (choose from {2})",
        "giá trị không hợp lệ {0}, có phải ý bạn là {1}? (chọn một trong {2})",
    ),
    ("unrecognized arguments: {0}", "không hiểu các đối số: {0}"),
    ("expected one argument", "cần một giá trị"),
    ("expected at least one argument", "cần ít nhất một giá trị"),
    ("expected at most one argument", "cần nhiều nhất một giá trị"),
    ("expected {0} argument", "cần {0} giá trị"),
    ("expected {0} arguments", "cần {0} giá trị"),
    ("invalid {0} value: {1}", "giá trị {0} không hợp lệ: {1}"),
    ("not allowed with argument {0}", "không dùng cùng được với đối số {0}"),
    ("ignored explicit argument {0}", "đối số {0} bị bỏ qua"),
    ("ambiguous option: {0} could match {1}", "tùy chọn chưa rõ: {0} có thể là {1}"),
    ("one of the arguments {0} is required", "cần một trong các đối số {0}"),
    ("unexpected option string: {0}", "tùy chọn không mong đợi: {0}"),
    ("unknown parser {0} (choices: {1})", "không có lệnh {0} (các lệnh: {1})"),
    ("option {0} is deprecated", "tùy chọn {0} không còn được dùng"),
    ("argument {0} is deprecated", "đối số {0} không còn được dùng"),
)


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{\d\}", template)
    return re.compile("(.+?)".join(re.escape(p) for p in parts) + r"\Z", re.DOTALL)


_COMPILED: Final = tuple((_pattern(en), vi) for en, vi in _TEMPLATES)


def argparse_message(message: str, lang: LangArg) -> str:
    """One of argparse's messages in a language (English: as it is)."""
    if lang_of(lang) is EN:
        return message
    for pattern, vi in _COMPILED:
        match = pattern.match(message)
        if match:
            values = list(match.groups())
            if vi.startswith("đối số {0}: "):
                values[1] = argparse_message(values[1], lang)
            return vi.format(*values)
    return message


__all__ = ["argparse_message"]
