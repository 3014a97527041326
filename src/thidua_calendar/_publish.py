"""A directory of subscription feeds with an ``index.html`` of subscribe links.

``publish(DIR)`` writes the ngày lễ lớn, the union days, every commemoration, and one feed per
plan, then an index page with ``webcal://`` and ``https://`` links, each feed's event count and
span — ready for any static host. Feeds already in DIR are read as the previous revision, so
unchanged events keep their SEQUENCE and an unchanged feed keeps its bytes.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from urllib.parse import urlsplit

import attrs

from ._files import write_atomic
from ._schedule import Entry, Schedule, plan_id, schedule
from .commemorations import Catalog, Lang, format_vi
from .ical import FeedError, FeedSummary, feed_summary, to_ical
from .plans import Plan, load_plan


@attrs.frozen
class FeedSpec:
    """One feed of a published set."""

    filename: str
    name: str
    description: str
    select: Callable[[Entry], bool]
    plan: Plan | None = None


def _specs(plans: Sequence[Plan], lang: Lang) -> list[FeedSpec]:
    vi = lang == "vi"
    specs = [
        FeedSpec(
            "ngay-le-lon.ics",
            "Ngày lễ lớn" if vi else "Major national days",
            "Các ngày lễ lớn theo Nghị định 145/2013/NĐ-CP"
            if vi
            else "The major national days of Decree 145/2013/ND-CP",
            lambda e: e.kind == "holiday",
        ),
        FeedSpec(
            "cong-doan.ics",
            "Ngày truyền thống Công đoàn" if vi else "Trade union days",
            "Ngày thành lập Công đoàn Việt Nam, Tổng Liên đoàn, Công đoàn Viên chức và các "
            "tháng hành động"
            if vi
            else "Trade union founding days and action months",
            lambda e: e.milestone is not None and e.milestone.commemoration.category == "union",
        ),
        FeedSpec(
            "tat-ca.ics",
            "Ngày kỷ niệm" if vi else "All commemorations",
            "Tất cả ngày lễ, ngày kỷ niệm và lễ tết âm lịch"
            if vi
            else "Every commemoration and lunar festival",
            lambda e: True,
        ),
    ]
    for plan in plans:
        specs.append(
            FeedSpec(
                f"{plan_id(plan)}.ics",
                plan.title,
                plan.organisation or plan.title,
                lambda e: True,
                plan,
            )
        )
    return specs


def publish(
    directory: Path,
    *,
    plans: Iterable[str | Path | Plan] = (),
    catalog: Catalog | str | Path | None = None,
    first_year: int,
    last_year: int,
    base_url: str | None = None,
    lang: Lang = "vi",
) -> list[Path]:
    """Write the feeds and ``index.html`` into ``directory`` (created if needed).

    Returns:
        The files written, index last.
    """
    if base_url is not None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FeedError(f"--base-url must be an http(s) URL, not {base_url!r}")
        base_url = base_url if base_url.endswith("/") else base_url + "/"
    loaded = [p if isinstance(p, Plan) else load_plan(p) for p in plans]
    for plan in loaded:
        errors = [d for d in plan.check() if d.severity == "error"]
        if errors:
            raise FeedError(
                f"{plan.path}: the plan has errors: "
                + "; ".join(d.in_lang("en").text() for d in errors)
            )
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    rows: list[tuple[FeedSpec, FeedSummary]] = []
    shared: Schedule | None = None
    for spec in _specs(loaded, lang):
        if spec.plan is None:
            if shared is None:
                shared = schedule((first_year, last_year), catalog=catalog)
            entries = [e for e in shared if spec.select(e)]
        else:
            entries = list(schedule((first_year, last_year), spec.plan))
        if not entries:
            continue
        path = directory / spec.filename
        previous = path.read_bytes() if path.is_file() else None
        data = to_ical(
            entries, name=spec.name, description=spec.description, lang=lang, previous=previous
        )
        if data != previous:
            write_atomic(path, data)
            written.append(path)
        rows.append((spec, feed_summary(data)))
    index = directory / "index.html"
    page = _index_html(rows, base_url, first_year, last_year, lang).encode("utf-8")
    if not index.is_file() or index.read_bytes() != page:
        write_atomic(index, page)
        written.append(index)
    return written


def _index_html(
    rows: list[tuple[FeedSpec, FeedSummary]],
    base_url: str | None,
    first: int,
    last: int,
    lang: Lang,
) -> str:
    vi = lang == "vi"
    esc = html.escape
    items = []
    for spec, summary in rows:
        count, start, end = summary.events, summary.first, summary.last
        span = f"{format_vi(start)} – {format_vi(end)}" if start and end else ""
        links = [f'<a href="{esc(spec.filename)}">{"Tải về" if vi else "Download"}</a>']
        if base_url:
            https = base_url + spec.filename
            webcal = "webcal://" + https.split("://", 1)[1]
            links = [
                f'<a href="{esc(webcal)}">{"Đăng ký (webcal)" if vi else "Subscribe"}</a>',
                f'<a href="{esc(https)}">https</a>',
            ]
        events = f"{count} sự kiện" if vi else f"{count} events"
        items.append(
            f"<tr><td><strong>{esc(spec.name)}</strong><br><small>{esc(spec.description)}"
            f"</small></td><td>{esc(events)}</td><td>{esc(span)}</td>"
            f"<td>{' · '.join(links)}</td></tr>"
        )
    title = "Lịch thi đua — đăng ký lịch" if vi else "Emulation calendars — subscribe"
    hint = (
        "Chạy lại với --base-url để có liên kết đăng ký webcal://."
        if vi
        else "Run again with --base-url for webcal:// subscribe links."
    )
    note = "" if base_url else f"<p><em>{esc(hint)}</em></p>"
    head = (
        "<tr><th>Lịch</th><th>Số sự kiện</th><th>Thời gian</th><th>Liên kết</th></tr>"
        if vi
        else "<tr><th>Calendar</th><th>Events</th><th>Span</th><th>Links</th></tr>"
    )
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<style>
body {{ font-family: system-ui, 'Noto Sans', 'DejaVu Sans', sans-serif; margin: 2rem auto;
       max-width: 60rem; padding: 0 1rem; color: #222; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border-bottom: 1px solid #ddd; padding: .5rem; text-align: left; vertical-align: top; }}
</style>
</head>
<body>
<h1>{esc(title)}</h1>
<p>{esc(f"Các năm {first}–{last}." if vi else f"Years {first}–{last}.")}</p>
{note}
<table>
{head}
{chr(10).join(items)}
</table>
<p><small>thidua-calendar</small></p>
</body>
</html>
"""
