"""The compact word stores (s15, mem) answer exactly as simplemma's dictionaries do.

Oracle: simplemma's own dict (``MappingStrToByteString`` over its bytes -> bytes dict, as its default
factory loads it) for every English entry, a sample of German ones, invented non-entries and arbitrary
strings; ``wordstore.is_known`` against ``simplemma.is_known``; the capnames views (``_contains``,
``_raw_keys``) against the plain dict's tests. Then the cache: built when missing, rebuilt when stale or
corrupt, older files removed.
"""

from __future__ import annotations

import pickle
from functools import lru_cache

import pytest
import simplemma
from hypothesis import given, settings
from hypothesis import strategies as st
from simplemma.strategies.dictionaries.dictionary_factory import MappingStrToByteString

from communique.kb import wordstore
from communique.mentions import capnames


@lru_cache(maxsize=2)
def _oracle(lang: str) -> MappingStrToByteString:
    return MappingStrToByteString(wordstore._simplemma_raw(lang))


def _same(store, oracle, word: str) -> None:
    assert store.get(word) == oracle.get(word)
    assert (word in store) == (word in oracle)
    assert store.get(word, "?") == oracle.get(word, "?")


def test_every_english_entry_and_a_german_sample():
    for lang, step in (("en", 1), ("de", 97)):
        store, raw = wordstore.store(lang), _oracle(lang)._dict
        assert len(store) == len(raw)
        keys = list(raw)[::step]
        for k in keys:
            w = k.decode()
            assert store[w] == raw[k].decode()
            assert w in store
        if step == 1:
            assert sorted(store.keys()) == sorted(k.decode() for k in raw)
            assert dict(store.raw_items()) == raw


def test_invented_non_entries_and_case_variants():
    store, oracle = wordstore.store("de"), _oracle("de")
    words = ["Haus", "Häuser", "haus", "HAUS", "Hausx", "Bundesumweltministeriumsleiterin", "Quaxelbrunn",
             "Straße", "strasse", "Ärzte", "ärzte", "über", "Über", "x", "ß", "Aussenminister", "Außenminister",
             "Zeitungs", "Ministeriums", "Mensch\x00", "Haus\x01", "Ha", "H", "日本", "l'homme", " Haus", "Haus "]
    for w in words:
        _same(store, oracle, w)
        if w in oracle:
            assert store[w] == oracle[w]
        else:
            with pytest.raises(KeyError):
                store[w]


def test_capnames_views_make_the_same_tests():
    for lang in ("de", "en"):
        raw = _oracle(lang)._dict
        keys = capnames._raw_keys(lang)
        has = capnames._contains(lang)
        for w in ("Haus", "Häuser", "house", "houses", "Quaxel", "über", "Regierung", "government", "Mensch\x00"):
            assert (w.encode() in keys) == (w.encode() in raw)
            assert has(w) == (w.encode() in raw)
        assert type(capnames._dictionary(lang)) is wordstore.WordStore


_WORDS = st.text(min_size=1, max_size=14)


@lru_cache(maxsize=1)
def _german_keys() -> list[str]:
    return [k.decode() for k in list(_oracle("de")._dict)[::1009]]


@settings(deadline=None)  # the first example loads simplemma's dictionaries
@given(_WORDS)
def test_arbitrary_strings(word):
    for lang in ("de", "en"):
        _same(wordstore.store(lang), _oracle(lang), word)
        assert wordstore.is_known(word, lang) == simplemma.is_known(word, lang)
        raw = capnames._raw_keys(lang)
        assert (word.encode() in raw) == (word.encode() in _oracle(lang)._dict)


@settings(deadline=None)
@given(st.integers(0, 10_000), st.text(max_size=3), st.sampled_from(["keep", "lower", "upper", "cap", "cut"]))
def test_near_misses_of_real_entries(i, tail, how):
    keys = _german_keys()
    w = keys[i % len(keys)]
    w = {"keep": w, "lower": w.lower(), "upper": w.upper(), "cap": w.capitalize(), "cut": w[:-1]}[how] + tail
    if w:
        _same(wordstore.store("de"), _oracle("de"), w)
        assert wordstore.is_known(w, "de") == simplemma.is_known(w, "de")
        assert wordstore.is_known(w, ("en", "de")) == simplemma.is_known(w, ("en", "de"))


def test_is_known_errors_as_simplemma():
    for bad, exc in (("", ValueError), (None, TypeError)):
        with pytest.raises(exc):
            simplemma.is_known(bad, "de")
        with pytest.raises(exc):
            wordstore.is_known(bad, "de")
    with pytest.raises(ValueError):
        wordstore.is_known("Haus", "xx")


# -- the cache -------------------------------------------------------------------------------------

_TINY = "ms"  # simplemma's smallest dictionary: built in a fraction of a second


@pytest.fixture
def tmp_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_CACHE", str(tmp_path))
    wordstore.store.cache_clear()
    yield tmp_path
    wordstore.store.cache_clear()


def _check_tiny(s) -> None:
    raw = wordstore._simplemma_raw(_TINY)
    assert len(s) == len(raw) and s.raw_keys is not None
    for k, v in list(raw.items())[::7]:
        assert s[k.decode()] == v.decode()


def test_built_when_missing_then_read(tmp_cache, monkeypatch):
    path = wordstore.store_path(_TINY)
    assert not path.exists()
    _check_tiny(wordstore.store(_TINY))
    assert path.exists()
    wordstore.store.cache_clear()
    monkeypatch.setattr(wordstore, "build_blob", lambda lang: pytest.fail("rebuilt a good file"))
    _check_tiny(wordstore.store(_TINY))
    assert wordstore.prepare([_TINY]) == {_TINY: 0.0}


@pytest.mark.parametrize("damage", ["truncate", "garbage", "flip", "stale_format", "stale_version", "other_lang"])
def test_stale_or_corrupt_is_rebuilt(tmp_cache, damage):
    path = wordstore.store_path(_TINY)
    wordstore.store(_TINY)
    good = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(good[: len(good) // 2])
    elif damage == "garbage":
        path.write_bytes(b"not a pickle at all")
    else:
        blob = pickle.loads(good)
        if damage == "flip":
            v = bytearray(blob["values"])
            v[len(v) // 2] ^= 0x40
            blob["values"] = bytes(v)
        elif damage == "stale_format":
            blob["format"] = wordstore.FORMAT - 1
        elif damage == "stale_version":
            blob["simplemma"] = "0.0.1"
        else:
            blob["lang"] = "de"
        path.write_bytes(pickle.dumps(blob))
    wordstore.store.cache_clear()
    _check_tiny(wordstore.store(_TINY))
    assert path.read_bytes() != b"not a pickle at all"
    assert wordstore._read(path, _TINY) is not None  # the rebuilt file is good again
    assert not list(tmp_cache.glob("*.tmp"))


def test_older_files_removed(tmp_cache):
    old = tmp_cache / f"words-{_TINY}-simplemma0.0.1-f{wordstore.FORMAT}.dawgs"
    old.write_bytes(b"x")
    other = tmp_cache / "words-de-simplemma0.0.1-f1.dawgs"
    other.write_bytes(b"x")
    assert wordstore.prepare([_TINY])[_TINY] > 0
    assert not old.exists() and other.exists()


def test_forms_a_dawg_cannot_hold_and_long_differences(tmp_cache, monkeypatch):
    long_key = ("Donaudampfschifffahrt" * 20).encode()
    raw = {b"Haus": b"Haus", b"H\xc3\xa4user": b"Haus", b"a\x00b": b"ab", b"a\x01b": b"ab", b"": b"leer",
           long_key: b"Schiff", b"gehe": b"gehen", b"ging": b"gehen"}
    monkeypatch.setattr(wordstore, "_simplemma_raw", lambda lang: dict(raw))
    s = wordstore.store(_TINY)
    oracle = MappingStrToByteString(raw)
    assert s.raw_keys is None  # some forms live beside the DAWG: capnames must use the store's own test
    assert len(s) == len(raw)
    for w in ("Haus", "Häuser", "a\x00b", "a\x01b", "", "gehe", "ging", "geh", long_key.decode(), "a", "ab"):
        _same(s, oracle, w)
    assert dict(s.raw_items()) == raw
    assert sorted(s.keys()) == sorted(oracle.keys())
    raw[b"\xff\xfe"] = b"kaputt"  # a form that is no utf-8 at all: kept too, unreachable by a str as before
    wordstore.store.cache_clear()
    wordstore.store_path(_TINY).unlink()
    s = wordstore.store(_TINY)
    assert len(s) == len(raw) and dict(s.raw_items()) == raw and s.get("\ufffd\ufffd") is None


def test_value_coding_round_trip():
    for k, v in ((b"Haus", b"Haus"), (b"H\xc3\xa4user", b"Haus"), (b"ging", b"gehen"), (b"x" * 300, b"y"),
                 (b"abc", b"abcdef"), (b"abcdef", b"abc"), (b"", b""), (b"a", b"")):
        assert wordstore._decode(k, wordstore._encode(k, v)) == v


def test_kb_build_command_prepares_the_stores(tmp_cache, monkeypatch):
    from click.testing import CliRunner

    from communique.cli import kb as kb_cli

    class _FakeKB:
        def stats(self):
            return {"entities": 1, "names": 2}

    real_prepare = wordstore.prepare
    monkeypatch.setattr(wordstore, "prepare", lambda: real_prepare([_TINY]))
    monkeypatch.setattr(capnames, "_name_like", lambda lang: frozenset())
    monkeypatch.setattr(kb_cli, "_load", lambda kb_dir, rebuild=False: _FakeKB())
    res = CliRunner().invoke(kb_cli.kb, ["build"])
    assert res.exit_code == 0, res.output
    assert f"word stores: {_TINY} " in res.output and "cached" not in res.output
    assert wordstore.store_path(_TINY).exists()
    res = CliRunner().invoke(kb_cli.kb, ["build"])
    assert f"word stores: {_TINY} cached" in res.output
