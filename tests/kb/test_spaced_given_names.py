"""Romanised given names whose syllables a hyphen joins are also matched with a blank (s16): "Ban Ki Moon"."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from communique.kb.build import spaced_given_names


@pytest.mark.parametrize("name, spaced", [
    ("Ban Ki-moon", ["Ban Ki moon"]),
    ("Tsai Ing-wen", ["Tsai Ing wen"]),
    ("Jean-Yves Le Drian", []),  # a capital after the hyphen: two given names
    ("Abdel Fattah el-Sisi", []),  # a particle before a capital
    ("Prayut Chan-o-cha", []),  # a chain is left alone
    ("Sergey Lavrov", []),
])
def test_spaced_given_names(name, spaced):
    assert spaced_given_names(name) == spaced


@given(st.text(alphabet="AaBbKkMm -", max_size=30))
def test_spaced_name_has_no_hyphen_and_the_same_letters(name):
    for v in spaced_given_names(name):
        assert "-" not in v and v.replace(" ", "") == name.replace(" ", "").replace("-", "")

