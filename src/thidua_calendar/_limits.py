"""Size limits on every file the library reads, and the one bounded reader.

A file is read at most ``limit + 1`` bytes: a larger one (or an endless one such as
``/dev/zero``) is refused with a :class:`~thidua_calendar.errors.DataError` before it can
fill the memory.

* :data:`TOML_LIMIT` (4 MB): plans and catalogues.
* :data:`DOCUMENT_LIMIT` (16 MB): documents for ``lint`` (text and ``.docx`` files) and
  previous feeds.
* :data:`DOCX_XML_LIMIT` (16 MB) and :data:`DOCX_TOTAL_LIMIT` (64 MB): what a ``.docx``
  decompresses to, its XML parts and all its parts.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Final

from .errors import DataError

MB: Final = 1024 * 1024
TOML_LIMIT: Final = 4 * MB
"""The largest plan or catalogue file read (bytes)."""
DOCUMENT_LIMIT: Final = 16 * MB
"""The largest document (text, ``.docx``) or previous feed read (bytes)."""
DOCX_XML_LIMIT: Final = 16 * MB
"""The largest total decompressed size of the XML parts of a ``.docx`` (bytes)."""
DOCX_TOTAL_LIMIT: Final = 64 * MB
"""The largest total decompressed size of all the parts of a ``.docx`` (bytes)."""


def size_text(limit: int) -> str:
    """A limit for messages: ``"4 MB"`` (whole megabytes) or ``"1000 bytes"``.

    Examples:
        >>> size_text(4 * MB), size_text(1000)
        ('4 MB', '1000 bytes')
    """
    return f"{limit // MB} MB" if limit % MB == 0 else f"{limit} bytes"


def read_stream(stream: BinaryIO, limit: int, path: str) -> bytes:
    """At most ``limit`` bytes of a stream; more is refused (``limit + 1`` are read at most).

    Raises:
        DataError: The stream holds more than ``limit`` bytes.
    """
    chunks: list[bytes] = []
    left = limit + 1
    while left > 0:
        chunk = stream.read(min(left, MB))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    data = b"".join(chunks)
    if len(data) > limit:
        from ._wording.errors import file_too_large

        vi, en = file_too_large(size_text(limit))
        raise DataError(en, path=path, vi=vi)
    return data


def read_bytes(path: str | Path, limit: int) -> bytes:
    """The bytes of a file of at most ``limit`` bytes.

    Raises:
        DataError: The file is larger (or endless, like ``/dev/zero``).
        OSError: The file cannot be read.

    Examples:
        >>> read_bytes("/dev/zero", 1000)
        Traceback (most recent call last):
        ...
        thidua_calendar.errors.DataError: /dev/zero: the file is larger than 1000 bytes, the limit
    """
    with Path(path).open("rb") as stream:
        return read_stream(stream, limit, str(path))
