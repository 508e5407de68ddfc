"""Fixtures for the connector tests (helpers are in ``ingest_helpers.py``)."""

from __future__ import annotations

import json
import os

import pytest

from ingest_helpers import GOLDEN


@pytest.fixture
def golden():
    def check(name: str, actual: dict) -> None:
        path = GOLDEN / f"{name}.json"
        text = json.dumps(actual, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        if os.environ.get("UPDATE_GOLDEN") or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            if not os.environ.get("UPDATE_GOLDEN"):
                pytest.fail(f"golden file {path.name} was missing and has been written; review it and rerun")
        expected = json.loads(path.read_text(encoding="utf-8"))
        assert json.loads(text) == expected, f"output differs from {path.name} (UPDATE_GOLDEN=1 to rewrite)"

    return check
