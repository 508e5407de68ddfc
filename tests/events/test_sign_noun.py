"""English "a sign of support", "signs of progress" are nouns, no signing; "will sign", "signed", "the signing of"
still are."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.pipeline import Pipeline

_PUB = datetime(2025, 11, 21, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(use_natasha=False)


def _kinds(pipeline: Pipeline, text: str) -> list[str]:
    evs = pipeline.process(Document(id="t", text=text, source="test", lang="en", published=_PUB))["events"]
    return [e["kind"] for e in evs]


@pytest.mark.parametrize("text", [
    "Your visit is a sign of support for Ukraine.",
    "There are signs of progress in the talks with Russia.",
])
def test_a_sign_of_something_is_no_signing(pipeline, text):
    assert "signing" not in _kinds(pipeline, text)


@pytest.mark.parametrize("text", [
    "Sergey Lavrov and Hakan Fidan will sign a memorandum on cooperation.",
    "Sergey Lavrov and Hakan Fidan signed an agreement.",
    "The signing of the agreement by Sergey Lavrov and Hakan Fidan took place in Ankara.",
])
def test_signing_stays(pipeline, text):
    assert "signing" in _kinds(pipeline, text)
