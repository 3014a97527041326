# Every target sets up its own virtual environment in .venv; nothing else needs installing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
WHEELHOUSE := $(VENV)/wheelhouse

.PHONY: help venv runtime demo test lint typecheck pytest bench fuzz tables snapshot eval-coverage eval-lint docs docs-sections wheelhouse js chromium thunderbird libreoffice libical clean

help:
	@echo "make demo    - set up (runtime only) and print this year's schedule (next year's from October), write demo.ics (Vietnamese; THIDUA_LANG=en: English)"
	@echo "make test    - set up and run every check (ruff, mypy --strict, pytest)"
	@echo "make fuzz    - the fuzz suite with many more inputs (FUZZ_EXAMPLES=5000)"
	@echo "make bench   - speed comparisons against lunardate, and the command line's start-up"
	@echo "make tables  - regenerate the lunar and solar-term tables from astronomy (tools/gen_*.py)"
	@echo "make snapshot - regenerate the snapshot of computed dates (tools/gen_snapshot.py)"
	@echo "make eval-coverage - how much of real documents' anniversaries the catalogue reproduces"
	@echo "make eval-lint - precision and recall of the plan checker on real documents"
	@echo "make lint    - ruff and mypy only"
	@echo "make docs    - build the documentation site into site/ (strict)"

# The demo needs the library and its runtime dependencies only; `make test` adds the
# developer tool chain (the dev extra) to the same environment.
RUNTIME_STAMP := $(VENV)/.runtime

$(RUNTIME_STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11+ is required, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUNTIME_STAMP)

$(STAMP): $(RUNTIME_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

runtime: $(RUNTIME_STAMP)

venv: $(STAMP)

# Wheels of the runtime dependencies, so the installed-wheel test can build a fresh
# environment offline.
$(WHEELHOUSE)/.done: $(STAMP)
	$(BIN)/python -m pip wheel --quiet --wheel-dir $(WHEELHOUSE) attrs python-dateutil icalendar
	touch $@

wheelhouse: $(WHEELHOUSE)/.done

# Mozilla ical.js (Thunderbird's parser) for the feed checks in tests/feedcheck.py, as pinned
# by tests/js/package-lock.json. Node.js and npm come from Debian when missing (as root).
JS_STAMP := tests/js/node_modules/.installed
$(JS_STAMP): tests/js/package.json tests/js/package-lock.json
	@if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Installing Node.js and npm (Debian packages nodejs, npm) for the feed checks"; \
			apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm; \
		else \
			echo "error: the feed checks (tests/feedcheck.py) need Node.js and npm:" \
				"install them (Debian: apt-get install nodejs npm) and run make again" >&2; \
			exit 1; \
		fi; \
	fi
	npm ci --prefix tests/js --no-audit --no-fund
	touch $@

js: $(JS_STAMP)

# Headless Chromium for the poster rendering tests (tests/test_poster_render.py), from
# Debian when missing (as root).
chromium:
	@if [ -z "$$THIDUA_CHROMIUM" ] && ! command -v chromium >/dev/null 2>&1 \
		&& ! command -v chromium-browser >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Installing Chromium (Debian package chromium) for the poster tests"; \
			apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
		else \
			echo "error: the poster tests (tests/test_poster_render.py) need headless" \
				"Chromium: install it as root (Debian: apt-get install chromium), or set" \
				"THIDUA_CHROMIUM to a Chrome or Chromium binary, and run make again" >&2; \
			exit 1; \
		fi; \
	fi
	@# The poster embeds its own font; its render tests prove it with each of the fonts a
	@# machine may have installed instead: Noto Sans, DejaVu Sans, Liberation Sans (Arial).
	@if ! fc-list ":family=Noto Sans" 2>/dev/null | grep -q . \
		|| ! fc-list ":family=Liberation Sans" 2>/dev/null | grep -q . \
		|| ! fc-list ":family=DejaVu Sans" 2>/dev/null | grep -q .; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Installing the fonts of the poster tests (fonts-noto-core, fonts-liberation, fonts-dejavu-core)"; \
			apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
				fonts-noto-core fonts-liberation fonts-dejavu-core fontconfig; \
		else \
			echo "error: the poster tests need the fonts Noto Sans, Liberation Sans and DejaVu" \
				"Sans: install them as root (Debian: apt-get install fonts-noto-core" \
				"fonts-liberation fonts-dejavu-core) and run make again" >&2; \
			exit 1; \
		fi; \
	fi

# Headless Thunderbird for the feed checks (subscribe_with_thunderbird in tests/feedcheck.py),
# from Debian when missing (as root). Without it (not root) the Thunderbird tests fail in CI
# (CI set) and are skipped elsewhere, saying why.
thunderbird:
	@if [ -z "$$THIDUA_THUNDERBIRD" ] && ! command -v thunderbird >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Installing Thunderbird (Debian package thunderbird) for the feed checks"; \
			apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y thunderbird; \
		elif [ -n "$$CI" ]; then \
			echo "error: the feed checks (tests/feedcheck.py) need headless Thunderbird in CI:" \
				"install it as root (Debian: apt-get install thunderbird), or set" \
				"THIDUA_THUNDERBIRD to a Thunderbird binary, and run make again" >&2; \
			exit 1; \
		else \
			echo "warning: headless Thunderbird is not installed (Debian, as root:" \
				"apt-get install thunderbird; or set THIDUA_THUNDERBIRD): its feed checks" \
				"will be skipped" >&2; \
		fi; \
	fi

# libical (the parser of Evolution, GNOME Calendar, KDE) for the feed checks: its GObject
# bindings for the system Python (tests/libical/dump.py), from Debian when missing (as root).
# Without them (not root) the libical tests fail in CI (CI set) and are skipped elsewhere.
libical:
	@if ! /usr/bin/python3 -c "import gi; gi.require_version('ICalGLib', '3.0')" >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Installing libical's bindings (Debian packages gir1.2-ical-3.0, python3-gi)"; \
			apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
				gir1.2-ical-3.0 python3-gi; \
		elif [ -n "$$CI" ]; then \
			echo "error: the feed checks need libical's bindings: apt-get install gir1.2-ical-3.0 python3-gi" >&2; \
			exit 1; \
		else \
			echo "warning: libical's bindings are missing (apt-get install gir1.2-ical-3.0 python3-gi): its tests are skipped" >&2; \
		fi; \
	fi

# Headless LibreOffice Writer, poppler's pdfinfo/pdftotext and Liberation Serif (the metrics
# of Times New Roman) for the plan document's rendering tests (tests/test_draft_render.py),
# from Debian when missing (as root).
libreoffice:
	@if { [ -z "$$THIDUA_SOFFICE" ] && ! command -v soffice >/dev/null 2>&1; } \
		|| ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1 \
		|| ! fc-list 2>/dev/null | grep -q -e "Liberation Serif" -e "Times New Roman"; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Installing LibreOffice Writer, poppler-utils and fonts-liberation (Debian)" \
				"for the plan document tests"; \
			apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y \
				--no-install-recommends libreoffice-writer-nogui poppler-utils fonts-liberation; \
		else \
			echo "error: the plan document tests (tests/test_draft_render.py) need headless" \
				"LibreOffice, poppler-utils and a Times New Roman-compatible font: install" \
				"them as root (Debian: apt-get install libreoffice-writer-nogui poppler-utils" \
				"fonts-liberation), or set THIDUA_SOFFICE to a LibreOffice binary, and run" \
				"make again" >&2; \
			exit 1; \
		fi; \
	fi

# This year's schedule for a starter plan, the plan in the wording of a plan document, and a
# demo feed (demo.ics).
DEMO_PLAN := demo-plan.toml
# From October on, the demo shows the coming year: a clerk drafting next year's plan sees it.
# Its words are Vietnamese, English with THIDUA_LANG=en (as the command line's).
demo: runtime
	@year=$$(date +%Y); [ "$$(date +%m)" -ge 10 ] && year=$$((year + 1)); \
	$(BIN)/thidua-calendar plan new --year $$year --organisation "Công đoàn cơ sở (mẫu)" \
		-o $(DEMO_PLAN) --force && \
	echo && $(BIN)/thidua-calendar schedule $$year --plan $(DEMO_PLAN) && \
	echo && $(BIN)/thidua-calendar schedule $$year --plan $(DEMO_PLAN) --format plan-text && \
	echo && $(BIN)/thidua-calendar convert $$(date +%F) && \
	$(BIN)/thidua-calendar ics --plan $(DEMO_PLAN) --from $$year --to $$year --reminders \
		-o demo.ics && \
	case "$$(printf %s "$${THIDUA_LANG:-}" | tr -d ' ' | tr A-Z a-z)" in \
		en) echo "Subscribe to or import demo.ics in any calendar application." ;; \
		*) echo "Đăng ký theo dõi (subscribe) hoặc nhập (import) tệp demo.ics vào bất kỳ ứng dụng lịch nào." ;; \
	esac

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

pytest: venv wheelhouse js chromium thunderbird libreoffice libical
	$(BIN)/python -m pytest

# The documentation site, with warnings as errors.
docs: venv
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet

# Regenerate the generated sections and console examples of docs/ and README.md.
docs-sections: venv
	$(BIN)/python tools/gen_docs.py --write

test: lint pytest docs

# The fuzz suite of `make test` (tests/test_fuzz.py), with many more inputs and a new seed.
FUZZ_EXAMPLES ?= 5000
fuzz: venv
	THIDUA_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) THIDUA_FUZZ_RANDOM=1 $(BIN)/python -m pytest -q -s tests/test_fuzz.py

bench: venv
	$(BIN)/python benchmarks/bench_lunar.py
	$(BIN)/python benchmarks/bench_ical.py
	$(BIN)/python benchmarks/bench_lint.py
	$(BIN)/python benchmarks/bench_poster.py
	$(BIN)/python benchmarks/bench_cli.py
	$(BIN)/python benchmarks/bench_schedule.py

tables: venv
	$(BIN)/python tools/gen_lunar.py --write
	$(BIN)/python tools/gen_terms.py --write

# Every milestone, festival and congress of 2015-2035 computed from data/, into
# tests/snapshots/: after a data change, run it and review the diff of dates.
snapshot: venv
	$(BIN)/python tools/gen_snapshot.py --write

# How many of the anniversaries of the real documents in tests/corpus/anniversaries/ the
# catalogue reproduces (the figure, per issuer level, and every miss).
eval-coverage: venv
	$(BIN)/python tools/eval_coverage.py

# How right the plan checker is on the real documents of tests/corpus/ (precision per check,
# recall per field, every false alarm and miss); exits 1 while a target of issue 15 is unmet.
eval-lint: venv
	$(BIN)/python tools/eval_lint.py

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache .hypothesis
