"""The token walk and the statement pattern read what their plain forms read (issue 15 item 7).

- :class:`~thidua_calendar.lint._text.TokenStream` (what :func:`iter_tokens` gives), read a
  word at a time or iterated, gives the tokens :func:`~thidua_calendar.lint._text.tokens`
  gives, abbreviations expanded, and a name look-up on it finds what it finds on the list.
- The pattern of the numbers that may start a statement
  (:func:`~thidua_calendar.lint._anniversaries._ordinals`, which looks for a digit first)
  matches only where :data:`~thidua_calendar.lint._anniversaries._ORDINAL` matches, with
  the same number and unit, and passes over only the numbers no event can follow.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from thidua_calendar.commemorations import default_catalog
from thidua_calendar.lint._anniversaries import _ORDINAL, _ordinals
from thidua_calendar.lint._names import names
from thidua_calendar.lint._text import Token, iter_tokens, tokens

INDEX = names(default_catalog())

PIECES = st.sampled_from(
    [
        "Quốc khánh",
        " nước CHXHCN Việt Nam",
        " CSVN",
        " 75 năm",
        " năm",
        " ngày",
        "Ngày",
        " thành lập",
        " Đảng",
        ", ",
        " và ",
        "(2/9/1945 - 2/9/2020)",
        "5",
        "/",
        "-",
        ".",
        "\u00a0",
        "\t",
        " ",
        "a",
        "12",
        "1930",
        "x_y",
        "Cách mạng tháng Tám",
    ]
)
TEXTS = st.lists(PIECES, max_size=14).map("".join)


@settings(max_examples=600, deadline=None, derandomize=True)
@given(TEXTS, st.integers(0, 6), st.integers(0, 80))
def test_the_token_stream_gives_the_tokens(text: str, start: int, length: int) -> None:
    end = min(len(text), start + length)
    expected = tokens(text, start, end)
    assert list(iter_tokens(text, start, end)) == expected
    read: list[Token] = []
    stream = iter_tokens(text, start, end)
    while stream.read(read):
        pass
    assert read == expected
    mixed = iter_tokens(text, start, end)  # a token taken, then the rest read
    rest = [token for token in [next(mixed, None)] if token is not None]
    while mixed.read(rest):
        pass
    assert rest == expected


@settings(max_examples=600, deadline=None, derandomize=True)
@given(TEXTS, st.integers(0, 3))
def test_a_look_up_on_the_stream_is_the_look_up_on_the_list(text: str, index: int) -> None:
    words = tokens(text)
    expected = INDEX.match(text, list(words), index)
    stream = iter_tokens(text)
    read: list[Token] = []
    for _ in range(index + 1):
        stream.read(read)
    assert INDEX.match(text, read, index, stream) == expected


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(TEXTS)
def test_the_statement_pattern_matches_where_the_plain_one_does(text: str) -> None:
    plain = {m.start(): m for m in _ORDINAL.finditer(text)}
    found = set()
    for match in _ordinals(INDEX).finditer(text):
        other = plain.get(match.start())
        assert other is not None
        assert match.span() == other.span()
        assert match.group("n", "u") == other.group("n", "u")
        found.add(match.start())
    skip = {d for d in "0123456789" if d not in INDEX.digit_leads}
    for start, other in plain.items():
        if start not in found:  # "5 năm 5 năm", "trong 2 năm.": "năm" and no event after
            assert other.group("u").casefold() == "năm"
            rest = text[other.end() :].lstrip(" \t\u00a0")
            assert not rest or rest[0] in skip or not (rest[0].isalnum() or rest[0] in "_(,")
