"""Every YAML data file of the package holds each key once: a repeated key silently replaces the first one's
value (s19: a second ``title_modifiers`` list in en/mentions.yaml had emptied the first, and "Former Prime Minister
Khan" lost its link)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import communique

PACKAGE = Path(communique.__file__).resolve().parent
FILES = sorted(p for p in PACKAGE.rglob("*.yaml") if "demo" not in p.parts)


class _UniqueKeyLoader(yaml.SafeLoader):
    pass


def _mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set = set()
    for key_node, _value in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise AssertionError(f"{node.start_mark.name}:{key_node.start_mark.line + 1}: key {key!r} repeated")
        seen.add(key)
    return loader.construct_mapping(node, deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def test_there_are_data_files():
    assert len(FILES) >= 10


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_key_is_repeated(path):
    with open(path, encoding="utf-8") as f:
        yaml.load(f, Loader=_UniqueKeyLoader)


def test_a_repeated_key_is_caught():
    with pytest.raises(AssertionError, match="repeated"):
        yaml.load("a: [1]\nb: 2\na: [3]\n", Loader=_UniqueKeyLoader)
