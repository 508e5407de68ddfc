from hypothesis import given, strategies as st

from communique.evaluation.scoring import f1, prf, ratio


def test_known_values():
    p, r, f = prf(8, 2, 2)
    assert (p, r) == (0.8, 0.8) and abs(f - 0.8) < 1e-12
    assert f1(1.0, 0.5) == 2 / 3
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert ratio(1, 4) == 0.25 and ratio(3, 0) == 0.0


@given(st.integers(0, 1000), st.integers(0, 1000), st.integers(0, 1000))
def test_f1_lies_between_min_and_max_of_p_and_r(tp, fp, fn):
    p, r, f = prf(tp, fp, fn)
    assert 0.0 <= f <= 1.0
    assert min(p, r) - 1e-12 <= f <= max(p, r) + 1e-12
    if p and r:
        assert abs(f - 2 / (1 / p + 1 / r)) < 1e-12  # the harmonic mean
    else:
        assert f == 0.0
