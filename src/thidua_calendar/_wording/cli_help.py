"""The command line's help: descriptions, option help, metavars and examples, Vietnamese first.

One table, :data:`HELP`, keyed by ``command.option`` (``ics.output``), each entry the
Vietnamese and the English text side by side; :func:`help_text` picks one and fills its
``{placeholders}``. Examples (:func:`examples`) are commands with a comment in the chosen
language. The metavars (``NĂM`` / ``YEAR``) are words of the help too.

Examples:
    >>> help_text("option.version", "vi")
    'in số phiên bản rồi thoát'
    >>> metavar("FILE", "vi"), metavar("FILE", "en")
    ('TỆP', 'FILE')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from . import pick

if TYPE_CHECKING:
    from .._vocabulary import LangArg

_METAVARS: Final = {
    "COMMAND": "LỆNH",
    "ACTION": "VIỆC",
    "YEAR": "NĂM",
    "FILE": "TỆP",
    "DATE": "NGÀY",
    "DIR": "THƯ_MỤC",
    "CATEGORY": "NHÓM",
    "KIND": "LOẠI",
    "KEY": "KHÓA",
    "URL": "URL",
    "OUT.toml": "RA.toml",
    "PLACE": "ĐỊA_DANH",
    "NAME": "TÊN",
    "DESCRIPTION": "MÔ_TẢ",
    "COLOR": "MÀU",
    "ORGANISATION": "ĐƠN_VỊ",
    "FILE.docx": "TỆP.docx",
}


def metavar(name: str, lang: LangArg) -> str:
    """The placeholder of an argument in the help (``FILE`` is ``TỆP`` in Vietnamese)."""
    return pick(lang, _METAVARS.get(name, name), name)


HELP: Final[dict[str, tuple[str, str]]] = {
    # --- argparse's frame -------------------------------------------------------------------
    "usage": ("cách dùng: ", "usage: "),
    "positionals": ("đối số", "positional arguments"),
    "optionals": ("tùy chọn", "options"),
    "option.help": ("in trợ giúp này rồi thoát", "show this help message and exit"),
    "option.version": ("in số phiên bản rồi thoát", "show program's version number and exit"),
    "examples": ("ví dụ:", "examples:"),
    # --- the whole command line -------------------------------------------------------------
    "main": (
        "Lịch khung của kế hoạch phát động phong trào thi đua: ngày âm lịch, ngày kỷ niệm "
        "(năm tròn, năm lẻ 5), các đợt thi đua, hạn báo cáo, lịch iCalendar và lịch treo "
        "tường. Thông báo bằng tiếng Việt; thêm --lang en (hoặc đặt THIDUA_LANG=en) để dùng "
        "tiếng Anh.",
        "The calendar skeleton of Vietnamese emulation-campaign plans: lunar dates, "
        "anniversaries (round and half-round years), phases, report deadlines, iCalendar "
        "feeds and a poster. Messages are in Vietnamese unless --lang en is given (or "
        "THIDUA_LANG=en is set).",
    ),
    "main.lang": (
        "ngôn ngữ của thông báo và kết quả: vi hoặc en (mặc định: biến THIDUA_LANG, "
        "nếu không có thì vi)",
        "language of messages and output: vi or en (default: the THIDUA_LANG variable, else vi)",
    ),
    # --- shared options ---------------------------------------------------------------------
    "lang": (
        "ngôn ngữ của {what} (mặc định: biến THIDUA_LANG, nếu không có thì vi)",
        "language of {what} (default: the THIDUA_LANG variable, else vi)",
    ),
    "lang.output": ("kết quả", "the output"),
    "lang.poster": ("lịch treo tường", "the poster"),
    "lang.comments": ("các dòng chú thích", "the comments"),
    "lang.messages": (
        "các thông báo (văn bản luôn bằng tiếng Việt)",
        "the messages (the document is Vietnamese)",
    ),
    "format": ("định dạng kết quả (mặc định: text)", "output format (default: text)"),
    "format.schedule": (
        "định dạng kết quả (mặc định: text; plan-text cần --plan; xlsx là bảng Excel, cần -o "
        "TỆP.xlsx và gói openpyxl)",
        "output format (default: text; plan-text needs --plan; xlsx is an Excel workbook, "
        "needs -o FILE.xlsx and openpyxl)",
    ),
    "format.csv": (
        "định dạng kết quả (mặc định: text; xlsx là bảng Excel, cần -o TỆP.xlsx và gói openpyxl)",
        "output format (default: text; xlsx is an Excel workbook, needs -o FILE.xlsx and openpyxl)",
    ),
    "output.listing": (
        "ghi kết quả vào TỆP (.csv ghi kèm dấu BOM để Excel đọc đúng tiếng Việt; --format "
        "xlsx bắt buộc có TỆP)",
        "write the output to FILE (a .csv gets a byte-order mark so Excel reads the "
        "Vietnamese letters; --format xlsx needs one)",
    ),
    "bom": (
        "thêm dấu BOM UTF-8 vào đầu CSV cả khi in ra màn hình hay đường ống (cho Excel)",
        "start the CSV with a UTF-8 byte-order mark even on standard output (for Excel)",
    ),
    "width": (
        "độ rộng tối đa của bảng (mặc định: độ rộng cửa sổ dòng lệnh, COLUMNS; không giới "
        "hạn khi ghi ra tệp hay đường ống)",
        "the largest width of a text table (default: the terminal's width, COLUMNS; no "
        "limit when the output is a file or a pipe)",
    ),
    "calendar": (
        "biến thể lịch (mặc định: vietnam, lịch Việt Nam theo lịch sử)",
        "calendar variant (default: vietnam, the historical Vietnamese calendar)",
    ),
    "years": ("một năm, hoặc năm đầu và năm cuối", "a year, or the first and last year"),
    "category": (
        "{what}; một trong {choices}, hoặc all (mặc định: tất cả trừ leader, provincial và sector)",
        "{what}; one of {choices}, or all (default: all but leader, provincial and sector)",
    ),
    "category.only": ("chỉ nhóm ngày này (lặp lại được)", "only this category (repeatable)"),
    "category.without_plan": (
        "khi không có --plan: chỉ nhóm ngày này (lặp lại được)",
        "without --plan: only this category (repeatable)",
    ),
    "category.feed": (
        "chỉ nhóm ngày kỷ niệm này (lặp lại được)",
        "only this category of commemorations (repeatable)",
    ),
    "category.new": (
        "theo dõi các ngày của nhóm này (lặp lại được; mặc định: union)",
        "follow this category's days (repeatable; default: union)",
    ),
    "kind": (
        "chỉ loại mục này (lặp lại được); một trong {choices}",
        "only this kind of entry (repeatable); one of {choices}",
    ),
    "major_days": (
        "chỉ các ngày lễ lớn (Nghị định 145/2013/NĐ-CP, Điều 4)",
        "only the ngày lễ lớn (Nghị định 145/2013/NĐ-CP, Điều 4)",
    ),
    "include_ended": (
        "cả ngày của tổ chức đã không còn vào ngày đó (Công đoàn Viên chức Việt Nam sau "
        "2025, tỉnh đã sáp nhập), mặc định bỏ qua",
        "also the days of a body that no longer exists on them (Công đoàn Viên chức "
        "Việt Nam after 2025, a merged province), left out by default",
    ),
    "catalog": (
        "{condition}một tệp TOML các ngày kỷ niệm của đơn vị, bổ sung (hoặc thay theo "
        "khóa) danh mục có sẵn",
        "{condition}a TOML file of your own commemorations, added to (or overriding by "
        "key) the shipped catalogue",
    ),
    "catalog.without_plan": ("khi không có --plan: ", "without --plan: "),
    "catalog.lint": (
        "nhận ra và kiểm tra cả các ngày của đơn vị: ",
        "recognise and check your organisation's days too: ",
    ),
    "allow_outside": (
        "nhận kế hoạch có [follow] catalog nằm ngoài thư mục của kế hoạch (đường dẫn "
        "tuyệt đối hoặc qua ..)",
        "accept a plan whose [follow] catalog is outside the plan's folder (an absolute "
        "path or one through ..)",
    ),
    "from": ("năm đầu (mặc định: năm trước)", "first year (default: the previous year)"),
    "to": ("năm cuối (mặc định: năm năm sau)", "last year (default: five years ahead)"),
    "force": (
        "thay {what} không do thidua-calendar ghi (nếu không sẽ bị từ chối)",
        "replace {what} that thidua-calendar did not write (refused otherwise)",
    ),
    "force.file": ("TỆP đã có", "an existing FILE"),
    "force.dir": ("các tệp trong THƯ_MỤC", "files in DIR"),
    # --- convert, tet -----------------------------------------------------------------------
    "convert": (
        "đổi ngày dương lịch sang âm lịch (hoặc ngược lại với --to-solar)",
        "convert Gregorian dates to lunar dates (or back with --to-solar)",
    ),
    "convert.description": (
        "Đổi ngày dương lịch sang ngày âm lịch Việt Nam kèm tên can chi, hoặc ngày âm lịch "
        "sang dương lịch với --to-solar.",
        "Convert Gregorian dates to Vietnamese lunar dates with can-chi names, or lunar "
        "dates to Gregorian with --to-solar.",
    ),
    "convert.dates": ("YYYY-MM-DD hoặc dd/mm/yyyy", "YYYY-MM-DD or dd/mm/yyyy"),
    "convert.to_solar": (
        "các ngày là ngày âm lịch (năm-tháng-ngày); in ngày dương lịch của chúng",
        "the dates are lunar (year-month-day); print their Gregorian dates",
    ),
    "convert.leap": (
        "cùng --to-solar: tháng là tháng nhuận",
        "with --to-solar: the month is the leap month",
    ),
    "tet": (
        "ngày Tết Nguyên đán của một năm hay nhiều năm",
        "the date of Tết Nguyên đán for a year or a span of years",
    ),
    "tet.description": (
        "Ngày dương lịch của Tết Nguyên đán kèm tên can chi của năm.",
        "The Gregorian date of Tết Nguyên đán (lunar new year) with its can-chi name.",
    ),
    # --- milestones -------------------------------------------------------------------------
    "milestones": (
        "các ngày kỷ niệm của một năm, kèm số năm và hạng",
        "the anniversaries of a year, with ordinal and rank",
    ),
    "milestones.description": (
        "Các ngày kỷ niệm của một năm (hay nhiều năm) với số năm, hạng theo Nghị định "
        "145/2013/NĐ-CP (năm tròn, năm lẻ 5) và cách ghi trong kế hoạch.",
        "The commemorations of a year (or span of years) with their ordinal, their rank "
        "under Nghị định 145/2013/NĐ-CP (năm tròn, năm lẻ 5) and the wording plans use.",
    ),
    "milestones.rank": (
        "chỉ năm tròn (tron), năm lẻ 5 (le5) hay năm khác (khac); lặp lại để chọn nhiều: "
        "--rank tron --rank le5 (mặc định: tất cả)",
        "only năm tròn (tron), năm lẻ 5 (le5) or other years (khac); repeat it for "
        "several: --rank tron --rank le5 (default: all)",
    ),
    "milestones.key": (
        "chỉ ngày kỷ niệm này (lặp lại được)",
        "only this commemoration (repeatable)",
    ),
    # --- schedule ---------------------------------------------------------------------------
    "schedule": (
        "lịch cả năm theo thứ tự thời gian: ngày kỷ niệm, đợt thi đua, lễ tết, hạn báo cáo",
        "the chronological schedule of a year: milestones, phases, festivals, deadlines",
    ),
    "schedule.description": (
        "Lịch một năm (hay nhiều năm) theo thứ tự thời gian: ngày kỷ niệm, ngày lễ lớn, "
        "lễ tết âm lịch, ngày truyền thống, ngày nghỉ và, với --plan, các đợt thi đua và "
        "hạn báo cáo của kế hoạch.",
        "One chronological view of a year (or span): anniversaries, the ngày lễ lớn, lunar "
        "festivals, observances, days off and, with --plan, the plan's phases and "
        "reporting deadlines.",
    ),
    "plan_file": ("tệp kế hoạch (TOML)", "a plan file (TOML)"),
    # --- plan -------------------------------------------------------------------------------
    "plan": (
        "kiểm tra tệp kế hoạch, tạo kế hoạch mẫu, hoặc soạn văn bản kế hoạch (.docx)",
        "check a plan file, write a starter plan, or draft the plan document (.docx)",
    ),
    "plan.description": (
        "Tệp kế hoạch: kiểm tra một tệp, tạo tệp mới, hoặc soạn văn bản của nó.",
        "Plan files: check one, write a new one, or draft its document.",
    ),
    "plan.draft": (
        "văn bản kế hoạch dạng Word (.docx) theo thể thức Nghị định 30/2020",
        "the plan as a Word document (.docx) in the Nghị định 30/2020 format",
    ),
    "plan.draft.description": (
        "Ghi văn bản kế hoạch để ban hành, dạng .docx theo thể thức Nghị định "
        "30/2020/NĐ-CP (A4, Times New Roman, lề theo nghị định): phần đầu, dòng địa danh và "
        "ngày tháng, KẾ HOẠCH và trích yếu, mục I và II để viết (tô vàng), III. THỜI GIAN "
        "(các đợt, chủ đề, các ngày kỷ niệm và sự kiện mỗi đợt chào mừng), IV. TỔ CHỨC "
        "THỰC HIỆN (lịch báo cáo), Nơi nhận và phần ký. Cần python-docx (pip install "
        "'thidua-calendar[docx]'). Kế hoạch có lỗi, hoặc TỆP đã có không do "
        "thidua-calendar ghi, bị từ chối trừ khi có --force.",
        "Write the plan document the clerk files, as a .docx in the format of Nghị định "
        "30/2020/NĐ-CP (A4, Times New Roman, the decree's margins): the header, the place "
        "and date line, KẾ HOẠCH and the subject, sections I and II to be written (marked "
        "in yellow), III. THỜI GIAN (the phases, their themes and the anniversaries and "
        "events each celebrates), IV. TỔ CHỨC THỰC HIỆN (the reporting schedule), Nơi nhận "
        "and the signature block. Needs python-docx (pip install 'thidua-calendar[docx]'). "
        "A plan with errors, or an existing FILE that thidua-calendar did not write, is "
        "refused unless --force is given.",
    ),
    "plan.draft.file": ("tệp kế hoạch", "the plan file"),
    "plan.draft.output": ("văn bản: TỆP.docx", "the document: FILE.docx"),
    "plan.draft.place": (
        "địa danh của dòng ngày tháng (Hà Nội); mặc định: để trống cho văn thư điền",
        "the place of the date line (Hà Nội); default: left for the clerk to fill in",
    ),
    "plan.draft.force": (
        "soạn cả kế hoạch có lỗi; thay DOCX đã có không do thidua-calendar ghi (hoặc đã "
        "được sửa từ đó)",
        "draft a plan with errors; replace an existing DOCX that thidua-calendar did not "
        "write (or that was edited since)",
    ),
    "plan.check": (
        "kiểm tra kế hoạch: đợt chồng lấn, khoảng trống, gõ nhầm năm, ngày trọng tâm ngoài đợt …",
        "validate a plan: overlapping phases, gaps, year typos, focus outside windows …",
    ),
    "plan.check.description": (
        "Kiểm tra một tệp kế hoạch. Trả mã 1 khi kế hoạch có lỗi.",
        "Validate a plan file. Exit 1 when it has errors.",
    ),
    "plan.new": (
        "tạo kế hoạch mẫu, mỗi đợt đã điền các ngày kỷ niệm năm tròn",
        "write a starter plan with each phase's round anniversaries filled in",
    ),
    "plan.new.description": (
        "Tạo tệp kế hoạch mẫu cho một năm theo khuôn mẫu. Các dòng chú thích theo "
        "ngôn ngữ đã chọn; nội dung TOML không đổi.",
        "Write a starter plan file for a year from a template. The comments are in the "
        "chosen language; the TOML is the same.",
    ),
    "plan.new.year": ("năm của kế hoạch", "the plan year"),
    "plan.new.template": (
        "cách chia đợt (mặc định: halves — hai nửa năm)",
        "the phase shape (default: halves)",
    ),
    "plan.new.organisation": ("cơ quan, đơn vị ban hành", "the issuing organisation"),
    "plan.new.output": (
        "ghi vào TỆP (mặc định: in ra màn hình)",
        "write here (default: stdout)",
    ),
    "plan.new.force": ("ghi đè tệp đã có", "overwrite an existing file"),
    # --- ics, publish -----------------------------------------------------------------------
    "ics": (
        "ghi lịch iCalendar để đăng ký theo dõi (.ics)",
        "write an iCalendar subscription feed (.ics)",
    ),
    "ics.description": (
        "Ghi lịch iCalendar cho Google, Apple, Outlook và Thunderbird. Không có --from/--to "
        "thì lấy từ năm trước đến năm năm sau (năm của kế hoạch, hoặc năm nay). SEQUENCE "
        "và LAST-MODIFIED lấy từ tệp lịch sử của lịch (TÊN.history.toml, ghi cạnh nó): sự "
        "kiện thay đổi được tăng SEQUENCE, và dựng lại từ đầu cho đúng các byte cũ.",
        "Write an iCalendar feed for Google, Apple, Outlook and Thunderbird. Without "
        "--from/--to the span is the previous year to five years ahead (of the plan's "
        "year, or of this year). SEQUENCE and LAST-MODIFIED come from the feed's history "
        "file (NAME.history.toml, written beside it): changed events get a higher "
        "SEQUENCE, and a clean rebuild gives the same bytes.",
    ),
    "ics.output": ("tệp .ics (- để in ra màn hình)", "the .ics file (- for stdout)"),
    "ics.plan": (
        "tệp kế hoạch: các đợt, ngày trọng tâm và hạn báo cáo",
        "a plan file: its phases, focus and deadlines",
    ),
    "ics.name": (
        "tên của lịch (mặc định: tên kế hoạch)",
        "the calendar's name (default: the plan title)",
    ),
    "ics.description_option": ("mô tả của lịch", "the calendar's description"),
    "ics.color": (
        "màu CSS của lịch (red, navy …)",
        "a CSS colour name for the calendar (red, navy …)",
    ),
    "ics.reminders": (
        "thêm nhắc việc lúc 09:00 giờ địa phương: 7 ngày trước ngày kỷ niệm năm tròn và "
        "ngày cuối của mỗi đợt, 3 ngày trước hạn báo cáo",
        "add reminders at 09:00 local time: 7 days before round anniversaries and the last "
        "day of each phase, 3 days before deadlines",
    ),
    "ics.history": (
        "lịch sử SEQUENCE và LAST-MODIFIED của lịch (mặc định: TÊN.history.toml cạnh "
        "TÊN.ics; hãy lưu cùng lịch)",
        "the feed's history of SEQUENCE and LAST-MODIFIED (default: NAME.history.toml "
        "beside NAME.ics; commit it with the feed)",
    ),
    "ics.fresh": (
        "không đọc tệp kết quả đã có (SEQUENCE vẫn lấy từ tệp lịch sử)",
        "do not read the existing output file (the history still gives SEQUENCE)",
    ),
    "ics.allow_large": (
        "ghi cả lịch lớn hơn khoảng 1 MB (mặc định từ chối: Google bỏ các sự kiện của nó)",
        "write a feed over about 1 MB (refused otherwise: Google drops its events)",
    ),
    "publish": (
        "ghi một bộ lịch và trang index.html có liên kết đăng ký",
        "write a set of feeds and an index.html with subscribe links",
    ),
    "publish.description": (
        "Ghi các lịch (ngày lễ lớn, ngày của Công đoàn, mọi ngày kỷ niệm trong "
        "--from/--to, và mỗi kế hoạch một lịch trong thời gian của nó) cùng trang "
        "index.html có địa chỉ để chép, liên kết webcal:// và Google Calendar, sẵn sàng "
        "đưa lên máy chủ tĩnh. Lịch của kế hoạch bỏ những gì lịch chung đã có, nên đăng "
        "ký nhiều lịch cũng không thấy sự kiện nào hai lần. Lịch sử của mỗi lịch "
        "(TÊN.history.toml, cạnh nó) cho SEQUENCE và LAST-MODIFIED: hãy lưu nó, và dựng lại "
        "vào một THƯ_MỤC mới chỉ có các tệp lịch sử sẽ cho đúng các byte cũ.",
        "Write feeds (ngày lễ lớn, union days, all commemorations over --from/--to, and "
        "one per plan over the plan's own period) and an index.html with each feed's "
        "address to copy, webcal:// and Google Calendar links, ready for any static host. "
        "A plan's feed leaves out what a shared feed has, so subscribing to several shows "
        "no event twice. Each feed's history (NAME.history.toml, beside it) gives SEQUENCE "
        "and LAST-MODIFIED: commit it, and a rebuild into a fresh DIR holding only the "
        "histories gives the same bytes.",
    ),
    "publish.plan": ("một kế hoạch (lặp lại được)", "a plan (repeatable)"),
    "publish.base_url": (
        "nơi THƯ_MỤC sẽ được phục vụ (https://…/ hoặc http://…/, không có query, "
        "fragment hay mật khẩu), cho liên kết đăng ký tuyệt đối",
        "where DIR will be served (https://…/ or http://…/, without a query, a fragment "
        "or a password), for absolute subscribe links",
    ),
    # --- poster -----------------------------------------------------------------------------
    "poster": (
        "lịch treo tường để in: lưới các tháng kèm ngày âm, đợt thi đua, ngày kỷ niệm",
        "a printable year poster: month grids with lunar days, phases, anniversaries",
    ),
    "poster.description": (
        "Ghi cả năm trên một trang ngang: mười hai tháng với ngày âm lịch của từng ngày, "
        "các đợt thi đua của kế hoạch thành dải màu kèm chủ đề, Tết, Giỗ Tổ Hùng Vương và "
        "các ngày lễ lớn được tô nổi, mọi ngày kỷ niệm (đánh dấu năm tròn, năm lẻ 5) đánh "
        "số trên ngày của nó và liệt kê. Định dạng theo phần mở rộng: .svg, .html "
        "(SVG kèm CSS in: mở bằng trình duyệt rồi in), hoặc .pdf (in bằng Chromium, Chrome "
        "hoặc Edge chạy ẩn; THIDUA_CHROMIUM chỉ tới trình duyệt không có trên PATH). Kế "
        "hoạch năm học (school_year = true) được vẽ từ tháng 9 đến tháng 8. Kế hoạch có "
        "lỗi, hoặc TỆP đã có không do thidua-calendar ghi, bị từ chối trừ khi có --force.",
        "Write the year at a glance on one landscape page: twelve month grids with the "
        "lunar day of every day, the plan's phases as coloured bands with their themes, "
        "Tết, Giỗ Tổ Hùng Vương and the ngày lễ lớn highlighted, and every anniversary "
        "(năm tròn and năm lẻ 5 marked) numbered on its day and listed. The format follows "
        "the extension: .svg, .html (the SVG with print CSS: open it in a browser and "
        "print), or .pdf (printed by headless Chromium, Chrome or Edge; THIDUA_CHROMIUM "
        "names one not on PATH). A school-year plan (school_year = true) is drawn "
        "September to August. A plan with errors, or an existing FILE that thidua-calendar did not "
        "write, is refused unless --force is given.",
    ),
    "poster.year": ("năm của lịch", "the year shown"),
    "poster.output": (
        "lịch: TỆP.svg, TỆP.html hoặc TỆP.pdf",
        "the poster: FILE.svg, FILE.html or FILE.pdf",
    ),
    "poster.school_year": (
        "vẽ năm học bắt đầu từ NĂM, tháng 9 đến tháng 8 (năm học NĂM - NĂM+1); mặc định "
        "với kế hoạch có school_year = true",
        "show the school year that starts in YEAR, September to August (school year "
        "YEAR–YEAR+1); the default for a plan with school_year = true",
    ),
    "poster.plan": (
        "tệp kế hoạch: các đợt, chủ đề và ngày",
        "a plan file: its phases, themes and days",
    ),
    "poster.paper": (
        "khổ giấy, in ngang (mặc định: A4)",
        "paper size, printed landscape (default: A4)",
    ),
    "poster.force": (
        "vẽ cả lịch của kế hoạch có lỗi, kèm dải cảnh báo liệt kê các lỗi; thay TỆP đã "
        "có không do thidua-calendar ghi",
        "draw the poster of a plan with errors, with a warning banner listing them; "
        "replace an existing FILE that thidua-calendar did not write",
    ),
    # --- lint -------------------------------------------------------------------------------
    "lint": (
        "kiểm tra văn bản kế hoạch (.txt, .md, .docx): ngày kỷ niệm, đợt, ngày tháng, đại hội",
        "check a plan document (.txt, .md, .docx): anniversaries, phases, dates, congresses",
    ),
    "lint.description": (
        "Kiểm tra bản dự thảo Kế hoạch phát động phong trào thi đua: đọc lịch của nó — "
        "năm kế hoạch, các câu về ngày kỷ niệm, các đợt và chủ đề, Tết, số thứ tự đại hội "
        "— và báo từng chỗ sai kèm dòng và cột: số năm kỷ niệm không khớp ngày, đợt còn "
        "ghi năm cũ, số đại hội không khớp nhiệm kỳ, ngày không có thật hoặc thiếu. Trả "
        "mã 1 khi văn bản có lỗi.",
        "Check a draft plan document (Kế hoạch phát động phong trào thi đua): extract its "
        "calendar — the plan year, anniversary statements, phases and themes, Tết, "
        "congress ordinals — and report each mistake with its line and column: an "
        "anniversary number that does not match its dates, a phase still dated last year, "
        "a congress ordinal that does not match its term, an impossible or incomplete "
        "date. Exit 1 when a document has errors.",
    ),
    "lint.files": (
        "văn bản kế hoạch: .txt hoặc .md (UTF-8), .docx, hoặc - để đọc từ đầu vào chuẩn",
        "a plan document: .txt or .md (UTF-8), .docx, or - for standard input",
    ),
    "lint.year": (
        "năm kế hoạch, khi văn bản không ghi (hoặc ghi sai)",
        "the plan year, when the document does not say it (or wrongly)",
    ),
    "lint.emit_plan": (
        "ghi thêm văn bản thành tệp kế hoạch (cho schedule, ics, poster); chỉ một TỆP",
        "also write the document as a plan file (for schedule, ics, poster); one FILE only",
    ),
    "lint.force": (
        "cùng --emit-plan: thay tệp không do thidua-calendar ghi",
        "with --emit-plan: replace a file that thidua-calendar did not write",
    ),
    "lint.exit_codes": (
        "mã trả về: 0 không có lỗi (có thể in cảnh báo và lưu ý), 1 có lỗi, 2 không đọc "
        "được đầu vào",
        "exit codes: 0 no errors (warnings and notes may be printed), 1 errors found, "
        "2 unreadable input",
    ),
}
"""Every help text: Vietnamese and English side by side."""


def help_text(key: str, lang: LangArg, **values: str) -> str:
    """The help text ``key`` in a language, its ``{placeholders}`` filled from ``values``.

    Raises:
        KeyError: No such text (a defect: every key used is in :data:`HELP`).
    """
    vi, en = HELP[key]
    text = pick(lang, vi, en)
    return text.format(**values) if values else text


_EXAMPLES: Final[dict[str, tuple[tuple[str, str, str], ...]]] = {
    "convert": (
        ("convert 2030-02-02", "ngày âm lịch của 02/02/2030", "the lunar date of 2 Feb 2030"),
        ("convert 03/02/2025 --format json", "kết quả JSON", "as JSON"),
        (
            "convert --to-solar 2020-04-01 --leap",
            "ngày dương của 01/04 nhuận năm 2020",
            "the solar date of leap 1/4/2020",
        ),
    ),
    "tet": (
        ("tet 2026", "Tết năm 2026", "Tết in 2026"),
        ("tet 2020 2030 --format json", "Tết từ 2020 đến 2030, JSON", "2020 to 2030, as JSON"),
        ("tet 1968 --calendar china", "theo lịch Trung Quốc", "by the Chinese calendar"),
    ),
    "milestones": (
        ("milestones 2025 --rank tron", "các năm tròn của 2025", "the round years of 2025"),
        ("milestones 2025 --rank tron --rank le5", "năm tròn và năm lẻ 5", "round and half-round"),
        (
            "milestones 2026 --category union --format csv -o ky-niem.csv",
            "bảng cho Excel",
            "a table for Excel",
        ),
        (
            "milestones 2026 --catalog my-org.toml --lang en",
            "kèm ngày của đơn vị, tiếng Anh",
            "with your own days, in English",
        ),
    ),
    "schedule": (
        ("schedule 2026", "lịch cả năm 2026", "the whole of 2026"),
        (
            "schedule 2026 --plan plan.toml --format plan-text",
            "đoạn lịch cho văn bản kế hoạch",
            "the calendar text of the plan",
        ),
        (
            "schedule 2026 --format xlsx -o lich-2026.xlsx",
            "bảng Excel (ngày là ngày thật)",
            "an Excel workbook (real dates)",
        ),
        ("schedule 2026 --format csv -o lich-2026.csv", "bảng CSV", "a CSV table"),
        ("schedule 2025 2026 --major-days --format json", "ngày lễ lớn, JSON", "major days, JSON"),
    ),
    "plan check": (
        ("plan check plan.toml", "kiểm tra kế hoạch", "check a plan"),
        ("plan check plan.toml --format json --lang en", "JSON, tiếng Anh", "as JSON, in English"),
    ),
    "plan draft": (
        ("plan draft plan.toml -o ke-hoach.docx", "văn bản Word của kế hoạch", "the Word document"),
        (
            "plan draft plan.toml --place 'Hà Nội' -o ke-hoach.docx",
            "kèm địa danh",
            "with the place",
        ),
    ),
    "plan new": (
        (
            "plan new --year 2026 --template halves -o plan.toml",
            "kế hoạch hai đợt năm 2026",
            "a 2026 plan in two halves",
        ),
        ("plan new --year 2025 --template school-year", "kế hoạch năm học", "a school-year plan"),
    ),
    "ics": (
        ("ics -o le-lon.ics --major-days", "lịch các ngày lễ lớn", "the major days"),
        (
            "ics --plan plan.toml -o thi-dua.ics --reminders",
            "lịch của kế hoạch, có nhắc việc",
            "the plan's feed, with reminders",
        ),
        (
            "ics --from 2025 --to 2030 --category union -o cong-doan.ics",
            "ngày của Công đoàn",
            "the union days",
        ),
    ),
    "publish": (
        (
            "publish site --base-url https://example.org/lich/",
            "bộ lịch để đưa lên web",
            "a set of feeds for the web",
        ),
        (
            "publish site --plan plan.toml --from 2025 --to 2030",
            "kèm lịch của kế hoạch",
            "with the plan's feed",
        ),
    ),
    "poster": (
        ("poster 2026 -o lich-thi-dua-2026.svg", "lịch treo tường SVG", "an SVG poster"),
        (
            "poster 2026 --plan plan.toml --paper A3 -o lich-thi-dua-2026.html",
            "khổ A3, để in",
            "A3, to print",
        ),
        (
            "poster 2026 --plan plan.toml -o lich-thi-dua-2026.pdf",
            "PDF, in bằng Chromium",
            "PDF, printed by Chromium",
        ),
        (
            "poster 2026 --catalog my-org.toml --lang en -o calendar-2026.svg",
            "tiếng Anh",
            "in English",
        ),
    ),
    "lint": (
        ("lint ke-hoach-2022.txt", "kiểm tra một văn bản", "check a document"),
        (
            "lint ke-hoach.docx --year 2025 --lang en",
            "tệp Word, tiếng Anh",
            "a Word file, in English",
        ),
        ("lint ke-hoach.md --format json", "kết quả JSON", "as JSON"),
        ("lint ke-hoach.txt --emit-plan plan.toml", "ghi thành tệp kế hoạch", "write it as a plan"),
        (
            "lint ke-hoach-truong.txt --catalog ngay-cua-truong.toml",
            "kèm ngày của trường",
            "with the school's days",
        ),
        (
            "schedule 2022 --plan plan.toml --format plan-text",
            "đoạn lịch để so",
            "the calendar text to compare",
        ),
        ("- < ke-hoach.txt", "đọc từ đầu vào chuẩn", "from standard input"),
    ),
}


def examples(command: str, lang: LangArg, *, after: Sequence[str] = ()) -> str:
    """The examples closing a command's help: ``ví dụ:``, then each command under its comment.

    The comment stands on its own line, so the help stays narrow in an 80-column terminal.

    Args:
        command: The command (``"plan new"``).
        lang: The language of the heading and the comments.
        after: Paragraphs after the examples (the exit codes of ``lint``).
    """
    lines = [help_text("examples", lang)]
    for line, vi, en in _EXAMPLES[command]:
        stdin = "lint " if line.startswith("-") else ""
        lines += [f"  # {pick(lang, vi, en)}", f"  thidua-calendar {stdin}{line}"]
    return "\n".join([*lines, *("\n" + p for p in after)])


__all__ = ["HELP", "examples", "help_text", "metavar"]
