"""How current the shipped data is: the revision date of every data file, and the latest.

What a file's revision is:

- a TOML data file (the catalogue parts, the organisations, the congresses, the lunar
  corrections, any other table of ``data/``): its ``[meta] revision``, the date its data was
  last reviewed;
- an example plan (``data/plans/*.toml``): its ``[plan] revision``, the plan format's own
  revision field (it also stamps the plan's feeds);
- a generated table (``data/lunar/*.txt``: the month tables, the solar terms): the revision
  of ``lunar/corrections.toml``, the hand input of the lunar data. A table is a function of
  its generator (and those corrections) and carries no date of its own; whoever regenerates
  one after changing a generator bumps that revision.

The poster's embedded font (``data/fonts/``: the subsets and their licence) is no calendar
data and has no revision.

Examples:
    >>> revision = data_revision()
    >>> revision.latest == max(revision.files.values())
    True
    >>> revision.of("organisations/national.toml") <= revision.latest
    True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Any

import attrs

from ._toml import Fields, Located, meta_revision
from ._validators import of_type
from .errors import DataError, InvalidTypeError, InvalidValueError

LUNAR_TABLES_REVISION = "lunar/corrections.toml"
"""The file whose revision the generated lunar tables (``lunar/*.txt``) carry."""
_UNDATED = ("fonts/",)  # not calendar data: the poster's embedded font


def _files(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Mapping) or not value:
        raise InvalidTypeError(f"{attribute.name} must be a non-empty mapping of path to date")
    for path, date in value.items():
        if not isinstance(path, str) or not isinstance(date, dt.date):
            raise InvalidTypeError(f"{attribute.name} maps a file name (str) to a date")
        if isinstance(date, dt.datetime):
            raise InvalidTypeError(f"{attribute.name}: {path} has a datetime, not a date")


def _frozen(value: Mapping[str, dt.date]) -> Mapping[str, dt.date]:
    if not isinstance(value, Mapping):
        raise InvalidTypeError(f"files must be a mapping of path to date, not {value!r}")
    return MappingProxyType(dict(sorted(value.items(), key=lambda item: str(item[0]))))


@attrs.frozen
class DataRevision:
    """The revision dates of the shipped data.

    Attributes:
        latest: The latest revision of any file (the data is as current as this).
        files: Each file's revision, by its path under ``data/`` (``congresses.toml``,
            ``commemorations/core.toml`` …), sorted by path.

    Raises:
        InvalidTypeError: ``files`` is empty or not a mapping of path to date.
        InvalidValueError: ``latest`` is not the latest of ``files``.
    """

    latest: dt.date = attrs.field(validator=of_type(dt.date))
    files: Mapping[str, dt.date] = attrs.field(converter=_frozen, validator=_files)

    def __attrs_post_init__(self) -> None:
        if self.latest != max(self.files.values()):
            raise InvalidValueError(
                f"latest ({self.latest}) must be the latest file revision "
                f"({max(self.files.values())})"
            )

    def of(self, path: str) -> dt.date:
        """The revision of one file (its path under ``data/``).

        Raises:
            DataError: No such shipped file.
        """
        try:
            return self.files[path]
        except KeyError:
            raise DataError(f"no shipped data file {path!r}") from None


def _revision_of(name: str, lunar: dt.date | None) -> dt.date:
    """The revision of one file under ``data/`` (the rules in the module docstring)."""
    from . import _data

    path = f"data/{name}"
    if name.startswith("lunar/") and name.endswith(".txt"):
        if lunar is None:
            raise DataError(f"no {LUNAR_TABLES_REVISION} to date the lunar tables", path=path)
        return lunar
    if not name.endswith(".toml"):
        raise DataError("no rule for the revision of this kind of data file", path=path)
    doc = Located(_data.read_text(*name.split("/")), path)
    if name.startswith("plans/"):
        plan = doc.data.get("plan")
        if not isinstance(plan, dict) or "revision" not in plan:
            raise DataError(
                '[plan] has no revision (revision = "YYYY-MM-DD")',
                path=path,
                line=doc.key_line("plan"),
            )
        revision = Fields(doc, "plan", 0, plan, "[plan]").iso_date("revision")
    else:
        revision = meta_revision(doc, required=True)
    assert revision is not None
    return revision


@cache
def data_revision() -> DataRevision:
    """The revision date of every shipped data file, and the latest (read once per process).

    Raises:
        DataError: A data file without a revision, or with one that is not a date
            (``file:line``).
    """
    from . import _data

    names = tuple(name for name in _data.names() if not name.startswith(_UNDATED))
    lunar = _revision_of(LUNAR_TABLES_REVISION, None) if LUNAR_TABLES_REVISION in names else None
    files = {name: _revision_of(name, lunar) for name in names}
    return DataRevision(max(files.values()), files)


__all__ = ["LUNAR_TABLES_REVISION", "DataRevision", "data_revision"]
