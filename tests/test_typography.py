"""Typography and spacing never count as a change; wording always does. Cases are data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agendadiff.lang.typography import canonical, display, slug

CASES = json.loads((Path(__file__).parent / "data" / "typography.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["same"], ids=[c["label"] for c in CASES["same"]])
def test_typographic_variants_compare_equal(case: dict[str, str]) -> None:
    assert canonical(case["a"]) == canonical(case["b"])


@pytest.mark.parametrize("case", CASES["different"], ids=[c["label"] for c in CASES["different"]])
def test_real_changes_stay_changes(case: dict[str, str]) -> None:
    assert canonical(case["a"]) != canonical(case["b"])


def test_display_keeps_the_letters_own_characters() -> None:
    original = "het zogeheten ‘Pusher Street’ – Kamerstuk 32\u00a0317"
    assert display(original) == original
    assert display("zullen hier  aan\ndeelnemen.  ") == "zullen hier aan deelnemen."


def test_slug_is_stable_under_typography() -> None:
    assert (
        slug("Ministeriële bijeenkomst – Europese Havenalliantie") == "ministeriele-bijeenkomst-europese-havenalliantie"
    )
    assert slug("Ministeriële bijeenkomst - Europese  Havenalliantie") == slug(
        "Ministeriële bijeenkomst – Europese Havenalliantie"
    )
    assert slug("") == "untitled"
