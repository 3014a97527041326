"""Limits on what is read (issue 13, item 3): file sizes, .docx decompression, catalogue paths.

Every file the library reads goes through one bounded reader (``_limits.read_bytes``): at
most ``limit + 1`` bytes, so an endless file (``/dev/zero``) or a huge one is refused, not read
until memory runs out. A ``.docx`` is refused when its parts decompress to more than the
limits. A plan's ``[follow] catalog`` stays inside the plan's folder unless allowed.
"""

from __future__ import annotations

import io
import os
import struct
import time
import zipfile
from pathlib import Path

import pytest

import thidua_calendar as tc
from conftest import Cli
from thidua_calendar._limits import DOCUMENT_LIMIT, MB, TOML_LIMIT, read_bytes, read_stream
from thidua_calendar._toml import Located
from thidua_calendar.lint import check_file
from thidua_calendar.lint._api import read_document

PLAN = '[plan]\ntitle = "KH"\nyear = 2026\n'
DEV_ZERO = Path("/dev/zero")
needs_dev_zero = pytest.mark.skipif(not DEV_ZERO.exists(), reason="no /dev/zero")


def sparse(path: Path, size: int) -> Path:
    """A file of ``size`` bytes that takes no disk space (all zeros)."""
    with path.open("wb") as f:
        f.truncate(size)
    return path


# --- the bounded reader -------------------------------------------------------------------


def test_read_stream_reads_at_most_limit_plus_one() -> None:
    class Endless(io.RawIOBase):
        def __init__(self) -> None:
            self.given = 0

        def readable(self) -> bool:
            return True

        def read(self, n: int = -1) -> bytes:
            self.given += n
            return b"x" * n

    stream = Endless()
    with pytest.raises(tc.DataError, match="larger than 1000 bytes"):
        read_stream(stream, 1000, "endless")  # type: ignore[arg-type]
    assert stream.given == 1001
    assert read_stream(io.BytesIO(b"a" * 1000), 1000, "x") == b"a" * 1000


@needs_dev_zero
def test_toml_from_dev_zero_is_refused() -> None:
    with pytest.raises(tc.DataError, match=r"^/dev/zero: the file is larger than 4 MB"):
        Located.read(DEV_ZERO)
    with pytest.raises(tc.DataError, match="larger than 100 bytes"):
        read_bytes(DEV_ZERO, 100)


def test_a_big_plan_or_catalogue_is_refused(tmp_path: Path) -> None:
    big = sparse(tmp_path / "plan.toml", TOML_LIMIT + 1)
    with pytest.raises(tc.DataError, match=r"plan\.toml: the file is larger than 4 MB"):
        tc.load_plan(big)
    with pytest.raises(tc.DataError, match="larger than 4 MB"):
        tc.load_catalog(big)
    exact = tmp_path / "exact.toml"
    exact.write_bytes(PLAN.encode() + b"#" * (TOML_LIMIT - len(PLAN)))
    assert tc.load_plan(exact).year == 2026  # the limit itself is allowed


@needs_dev_zero
def test_follow_catalog_dev_zero_is_refused_not_read(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN + '[follow]\ncatalog = "/dev/zero"\n', encoding="utf-8")
    with pytest.raises(tc.DataError, match=r"plan\.toml:5: .*plan's folder"):
        tc.load_plan(plan)
    with pytest.raises(tc.DataError, match=r"^/dev/zero: the file is larger than 4 MB"):
        tc.load_plan(plan, allow_outside=True)


def test_lint_refuses_a_big_document(tmp_path: Path) -> None:
    big = sparse(tmp_path / "ke-hoach.txt", DOCUMENT_LIMIT + 1)
    with pytest.raises(tc.DataError, match="larger than 16 MB"):
        check_file(big)
    with pytest.raises(tc.DataError, match="larger than 16 MB"):
        check_file(sparse(tmp_path / "ke-hoach.docx", DOCUMENT_LIMIT + 1))


@pytest.mark.usefixtures("english")  # the English words; Vietnamese: test_library_words
@needs_dev_zero
def test_lint_refuses_dev_zero(cli: Cli) -> None:
    code, _, err = cli("lint", "/dev/zero")
    assert code == 2
    assert err.strip().count("\n") == 0
    assert "larger than 16 MB" in err


@pytest.mark.usefixtures("english")  # the English words; Vietnamese: test_library_words
def test_a_big_previous_feed_is_refused(cli: Cli, tmp_path: Path) -> None:
    # A feed this tool wrote (its PRODID), grown past the limit: refused, not read whole.
    out = tmp_path / "lich.ics"
    out.write_bytes(b"BEGIN:VCALENDAR\r\nPRODID:-//thidua-calendar//thidua-calendar//VI\r\n")
    with out.open("r+b") as f:
        f.truncate(DOCUMENT_LIMIT + 1)
    code, _, err = cli("ics", "--from", "2026", "--to", "2026", "-o", str(out))
    assert code == 2
    assert "larger than 16 MB" in err
    assert "\n" not in err.strip()
    assert out.stat().st_size == DOCUMENT_LIMIT + 1  # untouched


# --- .docx: the decompressed size -----------------------------------------------------------


def zip_bomb(path: Path, megabytes: int) -> Path:
    """A .docx-shaped zip whose document.xml decompresses to ``megabytes`` MB of zeros."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("word/document.xml", "w") as member:
            chunk = b"\0" * MB
            for _ in range(megabytes):
                member.write(chunk)
    return path


def test_a_docx_zip_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    bomb = zip_bomb(tmp_path / "bom.docx", 50)
    assert bomb.stat().st_size < 200_000  # small on disk ...
    started = time.perf_counter()
    with pytest.raises(tc.DataError, match=r"bom\.docx: the \.docx document decompresses to"):
        check_file(bomb)  # ... 50 MB of XML: over the 16 MB limit, refused unread
    assert time.perf_counter() - started < 2


def test_docx_limits_are_parameters(tmp_path: Path) -> None:
    bomb = zip_bomb(tmp_path / "bom.docx", 2)
    with pytest.raises(tc.DataError, match="more than 1 MB of XML"):
        read_document(bomb, xml_limit=MB)
    with pytest.raises(tc.DataError, match="or 1 MB in all"):
        read_document(bomb, total_limit=MB)


def test_a_docx_that_lies_about_its_sizes_is_refused(tmp_path: Path) -> None:
    """zipfile decompresses no more than the declared size: a part that holds more fails."""
    data = bytearray(zip_bomb(tmp_path / "a.docx", 30).read_bytes())
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        start = 0
        while (at := data.find(signature, start)) >= 0:
            if struct.unpack_from("<I", data, at + offset)[0] == 30 * MB:
                struct.pack_into("<I", data, at + offset, 1000)
            start = at + 4
    liar = tmp_path / "liar.docx"
    liar.write_bytes(bytes(data))
    with zipfile.ZipFile(liar) as package:
        assert package.getinfo("word/document.xml").file_size == 1000
    started = time.perf_counter()
    with pytest.raises(tc.DataError, match=r"liar\.docx: not a readable \.docx"):
        check_file(liar)
    assert time.perf_counter() - started < 2


# --- [follow] catalog: inside the plan's folder ---------------------------------------------

CATALOGUE = (
    '[[commemoration]]\nkey = "ngay_truong"\nname_vi = "Ngày thành lập Trường"\n'
    'calendar = "solar"\nmonth = 9\nday = 5\n'
)


def plan_naming(folder: Path, catalog: str) -> Path:
    plan = folder / "plan.toml"
    plan.write_text(PLAN + f'[follow]\ncatalog = "{catalog}"\n', encoding="utf-8")
    return plan


def test_a_catalogue_beside_the_plan_is_read(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "truong.toml").write_text(CATALOGUE, encoding="utf-8")
    plan = tc.load_plan(plan_naming(tmp_path, "sub/truong.toml"))
    assert "ngay_truong" in plan.catalog


@pytest.mark.parametrize("where", ["absolute", "dotdot", "symlink"])
def test_a_catalogue_outside_the_plans_folder_is_refused(tmp_path: Path, where: str) -> None:
    outside = tmp_path / "outside.toml"
    outside.write_text(CATALOGUE, encoding="utf-8")
    folder = tmp_path / "plans"
    folder.mkdir()
    name = {"absolute": str(outside), "dotdot": "../outside.toml", "symlink": "link.toml"}[where]
    if where == "symlink":
        os.symlink(outside, folder / "link.toml")
    plan = plan_naming(folder, name)
    with pytest.raises(tc.DataError) as info:
        tc.load_plan(plan)
    assert str(info.value).startswith(f"{plan}:5: [follow]: the catalogue must be a file in")
    assert "ngay_truong" in tc.load_plan(plan, allow_outside=True).catalog
    text = plan.read_text(encoding="utf-8")
    with pytest.raises(tc.DataError, match="plan's folder"):
        tc.parse_plan(text, base_dir=folder)
    assert "ngay_truong" in tc.parse_plan(text, base_dir=folder, allow_outside=True).catalog


def test_the_command_line_allows_an_outside_catalogue_with_a_flag(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "outside.toml").write_text(CATALOGUE, encoding="utf-8")
    folder = tmp_path / "plans"
    folder.mkdir()
    plan = plan_naming(folder, "../outside.toml")
    for command in (["plan", "check", str(plan)], ["schedule", "2026", "--plan", str(plan)]):
        code, _, err = cli(*command)
        assert code == 2, command
        assert "--allow-outside-catalog" in err
        code, out, _ = cli(*command, "--allow-outside-catalog")
        assert code == 0, (command, out)
    code, _, _ = cli("poster", "2026", "--plan", str(plan), "-o", str(tmp_path / "p.svg"))
    assert code == 2
    out_file = tmp_path / "lich.ics"
    code, _, _ = cli("ics", "--plan", str(plan), "-o", str(out_file), "--allow-outside-catalog")
    assert code == 0
    assert out_file.exists()


def test_a_foreign_toml_file_does_not_show_its_table_names(tmp_path: Path) -> None:
    secret = tmp_path / "plans" / "config.toml"
    secret.parent.mkdir()
    secret.write_text('[database]\npassword_table = 1\n[api_keys]\nx = "y"\n', encoding="utf-8")
    plan = plan_naming(secret.parent, "config.toml")
    with pytest.raises(tc.DataError) as info:
        tc.load_plan(plan)
    message = str(info.value)
    assert message.startswith(f"{secret}:3: ")  # the line of the first unknown table (sorted)
    assert "[[commemoration]]" in message  # what was expected
    assert "database" not in message
    assert "api_keys" not in message
