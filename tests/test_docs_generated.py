"""The generated sections of docs/ are up to date (tools/gen_docs.py)."""

from __future__ import annotations

import gen_docs


def test_generated_doc_sections_are_fresh() -> None:
    assert gen_docs.main(["--check"]) == 0


def test_differences_section_lists_the_famous_cases() -> None:
    section = gen_docs.lunar_differences()
    assert "66 month labels in 55 lunar years in 1968–2099" in section
    assert "| 1985 | Ất Sửu | 1 | 21/01/1985 | 20/02/1985 |" in section
    assert "| 2030 | Canh Tuất | 1 | 02/02/2030 | 03/02/2030 |" in section
    assert "| 1984 | Giáp Tý | 10 (leap) | — | 23/11/1984 |" in section
