"""The arithmetic every evaluation shares: ratios and F1."""

from __future__ import annotations


def ratio(hits: int, total: int) -> float:
    """``hits / total``, 0.0 when there is nothing to count."""
    return hits / total if total else 0.0


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0.0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from true positives, false positives and false negatives."""
    p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
    return p, r, f1(p, r)
