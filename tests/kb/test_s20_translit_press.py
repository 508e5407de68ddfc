"""The French and Spanish press spellings of Russian given names ("Vassili", "Vasili", "Dmitri") are among the
generated variants (kb.translit.variants, s20)."""

from communique.kb.translit import variants


def test_french_press_doubles_the_s_and_drops_ii():
    assert "Vassili Nebenzia" in variants("Василий Небензя")


def test_spanish_press_ends_in_i():
    assert "Vasili Nebenzia" in variants("Василий Небензя")
    assert "Dmitri Peskov" in variants("Дмитрий Песков")
