"""Office files (.docx, .xlsx) with the same bytes for the same input: one archive rule.

python-docx and openpyxl write their ZIP archives with the clock's time on every member;
:func:`repack` writes the members again, in the same order, dated by the input, with the
archive comment that marks the file as the tool's (see :data:`thidua_calendar._files.MARKERS`;
Word, Excel and LibreOffice drop the comment when they save the file again, so a file the clerk
has edited is never replaced without ``--force``).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile


def repack(data: bytes, when: dt.date, comment: bytes) -> bytes:
    """The archive ``data`` with every member dated ``when`` (midnight) and ``comment``.

    Args:
        data: A ZIP archive (an Office file as its library saved it).
        when: The date of every member (from the input, never the clock).
        comment: The archive comment.

    Returns:
        The archive's new bytes: deflated members, permissions ``rw-------``.
    """
    out = io.BytesIO()
    date_time = (when.year, when.month, when.day, 0, 0, 0)
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, source.read(member))
        target.comment = comment
    return out.getvalue()
