"""The catalogue against real documents: how many of their anniversaries it reproduces.

The corpus (tests/corpus/anniversaries/) holds excerpts of real public documents — guidance on
the year's great days, plans of unions, ministries, provinces, Đoàn, Hội, schools and
companies, 2015–2026 — with their URL and, written by hand, every anniversary each names.
``make eval-coverage`` prints the figure and every miss.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import eval_coverage
import thidua_calendar as tc

CORPUS = eval_coverage.CORPUS
SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def _documents() -> list[tuple[Path, dict[str, object]]]:
    out = []
    for path in sorted(CORPUS.glob("*.toml")):
        with path.open("rb") as f:
            out.append((path, tomllib.load(f)))
    return out


def test_the_corpus_is_real_documents_of_many_years_and_levels() -> None:
    docs = _documents()
    assert len(docs) >= 40
    urls = [str(d["url"]) for _, d in docs]
    assert all(u.startswith(("https://", "http://")) for u in urls)
    assert len(set(urls)) == len(urls), "a document is in the corpus twice"
    years = {int(d["year"]) for _, d in docs}  # type: ignore[call-overload]
    assert len(years) >= 8
    assert min(years) <= 2016
    assert max(years) >= 2026
    levels = {str(d.get("level")) for _, d in docs}
    assert {"national", "ministry", "province", "union", "school", "organisation"} <= levels


def test_the_truth_is_consistent() -> None:
    # The hand truth states what the document should say: its ordinal is year − origin.
    _count, items = eval_coverage.load()
    assert len(items) >= 200
    for item in items:
        origin_year = int(item.origin.split("-")[0])
        assert item.year - origin_year == item.ordinal, item
        assert item.date.startswith(str(item.year)), item


def test_no_seed_document_is_in_the_corpus() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed plans are not beside the project ({SEEDS}); nothing to compare")
    seeds = [" ".join(p.read_text("utf-8").split()) for p in SEEDS.glob("*.txt")]
    for path, doc in _documents():
        excerpt = " ".join(str(doc["excerpt"]).split())
        probe = excerpt[:200]
        assert not any(probe in seed for seed in seeds), f"{path.name} quotes a seed plan"


def test_the_catalogue_reproduces_what_real_documents_celebrate() -> None:
    report = eval_coverage.evaluate()
    summary = eval_coverage.render(report)
    print(summary)
    assert report.coverage >= eval_coverage.TARGET, summary


def test_a_match_needs_the_name_too() -> None:
    # Ordinal, origin and day alone would let one 1949 origin stand for another, or Quảng
    # Ngãi's liberation day (24/3/1975) for Quảng Nam's.
    catalog = tc.default_catalog()
    quang_nam = eval_coverage.Item(
        "x", "province", "x", 2015, 40, "1975-03-24", "2015-03-24", "Ngày giải phóng tỉnh Quảng Nam"
    )
    matched = [m.key for m in tc.milestones(2015, categories="all") if quang_nam.matches(m)]
    assert matched == ["giai_phong_tinh_quang_nam"]
    assert eval_coverage.name_score(quang_nam.name, catalog["giai_phong_tinh_quang_ngai"]) < 0.8
    without = tc.Catalog(v for k, v in catalog.items() if k != "giai_phong_tinh_quang_nam")
    assert not [
        m for m in tc.milestones(2015, catalog=without, categories="all") if quang_nam.matches(m)
    ]
