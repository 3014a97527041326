"""Wording of a published feed set: feed names and descriptions, the index page, URL errors.

Texts of the page that name a feed are templates with ``{name}``: the page puts the feed's
name there, marked with ``lang`` when the name is in the other language (a Vietnamese plan
title on the English page).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .._vocabulary import Lang
from . import lang_of, pick

if TYPE_CHECKING:
    from .._vocabulary import LangArg

_FEEDS: Final = {
    "ngay-le-lon": (
        ("Ngày lễ lớn", "Các ngày lễ lớn theo Nghị định 145/2013/NĐ-CP"),
        ("Major national days", "The major national days of Decree 145/2013/ND-CP"),
    ),
    "cong-doan": (
        (
            "Ngày truyền thống Công đoàn",
            "Ngày thành lập Công đoàn Việt Nam, Tổng Liên đoàn, Công đoàn Viên chức và các "
            "tháng hành động",
        ),
        ("Trade union days", "Trade union founding days and action months"),
    ),
    "ngay-nghi": (
        (
            "Ngày nghỉ lễ, Tết",
            "Ngày nghỉ lễ, Tết, nghỉ bù và ngày làm việc bù của cán bộ, công chức, viên chức",
        ),
        (
            "Public holidays and days off",
            "Public holiday breaks, days off in lieu and make-up working days of the public sector",
        ),
    ),
    "tat-ca": (
        ("Ngày kỷ niệm", "Tất cả ngày lễ, ngày kỷ niệm và lễ tết âm lịch"),
        ("All commemorations", "Every commemoration and lunar festival"),
    ),
}


def feed_name(feed: str, lang: LangArg) -> tuple[str, str]:
    """The name and description of one of the shared feeds (``ngay-le-lon`` …)."""
    vi, en = _FEEDS[feed]
    return en if lang_of(lang) is Lang.EN else vi


def index_words(lang: LangArg) -> dict[str, str]:
    """The fixed words of the index page (``{name}``: the feed's name, put in by the page)."""
    lang = lang_of(lang)
    return {
        "title": pick(lang, "Lịch thi đua — đăng ký lịch", "Emulation calendars — subscribe"),
        "intro": pick(
            lang,
            "Đăng ký một lịch để ứng dụng lịch của bạn (Google, Apple, Outlook, Thunderbird) tự "
            "cập nhật mỗi khi lịch được sửa. Mỗi sự kiện chỉ có trong một lịch, trừ chỗ ghi rõ "
            "bên dưới: đăng ký nhiều lịch cùng lúc không thấy sự kiện nào hai lần.",
            "Subscribe to a calendar and your calendar app (Google, Apple, Outlook, "
            "Thunderbird) keeps it up to date whenever it is edited. Each event is in one "
            "calendar only, except where noted below: subscribing to several shows no event "
            "twice.",
        ),
        "how": pick(
            lang,
            "Google Calendar: dùng liên kết “Thêm vào Google Calendar”, hoặc Lịch khác → Từ URL "
            "rồi dán địa chỉ. Apple Calendar, Outlook: dùng liên kết webcal. Thunderbird: Lịch "
            "mới → Trên mạng, rồi dán địa chỉ.",
            "Google Calendar: use the “Add to Google Calendar” link, or Other calendars → From "
            "URL and paste the address. Apple Calendar, Outlook: use the webcal link. "
            "Thunderbird: New Calendar → On the Network, and paste the address.",
        ),
        "shared": pick(lang, "Lịch chung", "Shared calendars"),
        "plans": pick(lang, "Lịch của kế hoạch", "Plan calendars"),
        "plans_note": pick(
            lang,
            "Lịch của một kế hoạch có các đợt thi đua, các hạn báo cáo và những ngày kế hoạch "
            "theo dõi mà các lịch chung chưa có: đăng ký cùng với các lịch chung.",
            "A plan's calendar has its phases, its report deadlines and the days it follows "
            "that the shared calendars do not have: subscribe to it together with them.",
        ),
        "address": pick(lang, "Địa chỉ của lịch {name}", "Address of {name}"),
        "copy": pick(lang, "Sao chép", "Copy"),
        "copy_hidden": pick(lang, " địa chỉ của lịch {name}", " the address of {name}"),
        "copied": pick(lang, "Đã sao chép địa chỉ.", "Address copied."),
        "subscribe": pick(
            lang,
            "Đăng ký {name} (Apple, Outlook, webcal)",
            "Subscribe to {name} (Apple, Outlook, webcal)",
        ),
        "google": pick(lang, "Thêm {name} vào Google Calendar", "Add {name} to Google Calendar"),
        "download": pick(lang, "Tải về {name} (.ics)", "Download {name} (.ics)"),
    }


def event_count(count: int, lang: LangArg) -> str:
    """``12 sự kiện`` / ``12 events``."""
    return pick(lang, f"{count} sự kiện", f"{count} events")


def years_line(first: int, last: int, lang: LangArg) -> str:
    """``Các năm 2025–2027.`` / ``Years 2025–2027.``."""
    return pick(lang, f"Các năm {first}–{last}.", f"Years {first}–{last}.")


def overlap_note(count: int, whole: bool, lang: LangArg) -> str:
    """What a feed shares with another one (``{name}``: the other feed), for the page.

    Args:
        count: The number of events both have.
        whole: Whether this feed has every event of the other one.
        lang: The page's language.
    """
    if whole:
        return pick(
            lang,
            "Đã gồm mọi sự kiện của lịch “{name}”: đăng ký lịch này thay cho lịch đó, đừng đăng "
            "ký cả hai (mỗi sự kiện sẽ hiện hai lần).",
            "Includes every event of “{name}”: subscribe to this calendar instead of that one, "
            "not to both (each event would show twice).",
        )
    return pick(
        lang,
        f"Có chung {count} sự kiện với lịch “{{name}}”: đăng ký cả hai thì các sự kiện này hiện "
        "hai lần.",
        f"Shares {count} events with “{{name}}”: subscribed to both, they show twice.",
    )


def base_url_problem(problem: str, value: str) -> str:
    """The one-line message for a ``--base-url`` that cannot be published, Vietnamese first.

    Args:
        problem: ``scheme``, ``host``, ``port``, ``credentials``, ``query`` or ``fragment``.
        value: The URL given (never shown when it holds credentials).
    """
    shown = repr(value)
    vi, en = {
        "scheme": (
            f"--base-url phải là một địa chỉ http(s), không phải {shown}",
            f"--base-url must be an http(s) URL, not {shown}",
        ),
        "host": (
            f"--base-url {shown} không có tên máy chủ hợp lệ",
            f"--base-url {shown} has no valid host name",
        ),
        "port": (
            f"--base-url {shown} có cổng (port) không hợp lệ",
            f"--base-url {shown} has an invalid port",
        ),
        "credentials": (
            "--base-url không được chứa tên đăng nhập hay mật khẩu: trang công khai sẽ lộ "
            "chúng; hãy cho máy chủ web tự kiểm tra quyền truy cập",
            "--base-url must not contain a user name or password: the public page would "
            "show them; let the web server check access instead",
        ),
        "query": (
            f"--base-url {shown} có phần truy vấn (?…): tên tệp lịch không thể nối sau nó; "
            "hãy dùng địa chỉ của thư mục",
            f"--base-url {shown} has a query (?…) that feed file names cannot follow; "
            "give the folder's address",
        ),
        "fragment": (
            f"--base-url {shown} có phần neo (#…), không bao giờ được gửi tới máy chủ; hãy bỏ nó",
            f"--base-url {shown} has a fragment (#…), never sent to the server; remove it",
        ),
    }[problem]
    return f"{vi} / {en}"


__all__ = [
    "base_url_problem",
    "event_count",
    "feed_name",
    "index_words",
    "overlap_note",
    "years_line",
]
