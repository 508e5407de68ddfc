"""Shared fixtures: paths to ../shared (tests that need it skip cleanly when it is absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests run the same examples on every run (CI stays reproducible; a failure is a change's, not luck's).
# HYPOTHESIS_PROFILE=explore searches new random examples, as a developer's tool to find counterexamples.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent")
    return SHARED


@pytest.fixture
def seed_text(shared: Path) -> str:
    return (shared / "spec" / "seed" / "seed_de.txt").read_text(encoding="utf-8")


@pytest.fixture
def store(tmp_path: Path):
    from communique.store import open_store

    s = open_store(tmp_path / "test.db")
    yield s
    s.close()
