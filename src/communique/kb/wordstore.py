"""Compact word stores: simplemma's dictionaries (word form -> lemma) as DAWGs cached on disk (s15, mem).

simplemma's default factory holds each language's dictionary as a Python dict of bytes -> bytes: German
1.12 M forms take 107 MB of memory, Spanish 116 MB, English 31 MB, French 13 MB. A :class:`WordStore`
answers exactly as that dict does (``get``, ``in``, ``[]``, ``keys()``, ``len``) from two DAWGs (the
``DAWG2`` C extension, a pinned dependency through pymorphy3): one of the forms alone for the membership
tests of the hot path, one mapping each form to its lemma written as a difference (bytes cut from the
form's end, bytes appended). German takes 7 MB that way.

The stores are built once per language from simplemma's own data (a few seconds each; ``communique kb
build`` prepares them) and cached in ``cache_dir()`` under a name holding simplemma's version and
:data:`FORMAT`; a missing, stale or corrupt file is rebuilt and replaced atomically. Without a usable
``dawg`` module the functions fall back to simplemma's own dictionaries.

:func:`is_known` is ``simplemma.is_known`` answered from the stores (simplemma's own lookup strategy —
normalisation, case and apostrophe variants — over a membership view), so that no caller loads
simplemma's dicts besides the stores.
"""

from __future__ import annotations

import logging
import pickle
import time
import zlib
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from simplemma.strategies import DictionaryLookupStrategy
from simplemma.utils import normalize_token, validate_lang_input

from communique.kb.cachefile import write_atomically

log = logging.getLogger(__name__)

FORMAT = 1  # bump when the file layout or the value coding changes: older files are then rebuilt
_MAGIC = "communique-wordstore"
_FULL = 255  # value code: the lemma itself follows (the form and the lemma share too little)
_LANGS = ("de", "en", "es", "fr")  # the languages communique's linking and KB build look up


def simplemma_version() -> str:
    try:
        from simplemma.__metadata__ import __version__
    except ImportError:  # pragma: no cover - another simplemma layout
        import simplemma

        return str(getattr(simplemma, "__version__", "x"))
    return str(__version__)


def store_path(lang: str) -> Path:
    from communique.kb import cache_dir

    return cache_dir() / f"words-{lang}-simplemma{simplemma_version()}-f{FORMAT}.dawgs"


def _encode(key: bytes, value: bytes) -> bytes:
    """The lemma as (bytes to cut from the form's end, bytes to append): "Häuser" -> "Haus" is 6 + "aus"."""
    n, m = 0, min(len(key), len(value))
    if key[:m] == value[:m]:
        n = m
    else:
        while key[n] == value[n]:
            n += 1
    cut = len(key) - n
    return bytes((cut,)) + value[n:] if cut < _FULL else bytes((_FULL,)) + value


def _decode(key: bytes, code: bytes) -> bytes:
    cut = code[0]
    if cut == _FULL:
        return code[1:]
    return key[:len(key) - cut] + code[1:]


def _simplemma_raw(lang: str) -> dict[bytes, bytes]:
    """simplemma's dictionary for ``lang`` as it loads it (bytes -> bytes), read from its data file."""
    from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

    return _load_dictionary_from_disk(lang)


def _storable(key: bytes) -> bool:
    # a DAWG key cannot be empty or hold NUL; 0x01 separates a BytesDAWG's key from its value
    if not key or b"\x00" in key or b"\x01" in key:
        return False
    try:
        key.decode()
    except UnicodeDecodeError:
        return False
    return True


def build_blob(lang: str) -> dict[str, Any]:
    """The store's file content for ``lang``, built from simplemma's data."""
    import dawg

    raw = _simplemma_raw(lang)
    extra = {k: v for k, v in raw.items() if not _storable(k)}
    items = [(k.decode(), _encode(k, v)) for k, v in raw.items() if k not in extra] if extra else \
        [(k.decode(), _encode(k, v)) for k, v in raw.items()]
    count = len(raw)
    del raw
    keys = dawg.DAWG(k for k, _ in items).tobytes()
    values = dawg.BytesDAWG(items).tobytes()
    del items
    return {"magic": _MAGIC, "format": FORMAT, "simplemma": simplemma_version(), "lang": lang, "count": count,
            "keys": keys, "values": values, "extra": extra, "crc": zlib.crc32(values, zlib.crc32(keys))}


def _valid(blob: Any, lang: str) -> bool:
    return (isinstance(blob, dict) and blob.get("magic") == _MAGIC and blob.get("format") == FORMAT
            and blob.get("simplemma") == simplemma_version() and blob.get("lang") == lang
            and isinstance(blob.get("keys"), bytes) and isinstance(blob.get("values"), bytes)
            and isinstance(blob.get("extra"), dict) and isinstance(blob.get("count"), int)
            and blob.get("crc") == zlib.crc32(blob["values"], zlib.crc32(blob["keys"])))


def _read(path: Path, lang: str) -> dict[str, Any] | None:
    try:
        with path.open("rb") as fh:
            blob = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a corrupt file is rebuilt
        log.warning("word store %s unreadable (%s); rebuilding", path, exc)
        return None
    if not _valid(blob, lang):
        log.warning("word store %s stale or corrupt; rebuilding", path)
        return None
    return blob


def _write(path: Path, blob: dict[str, Any]) -> None:
    try:
        write_atomically(path, blob, f"words-{blob['lang']}-*.dawgs")  # other simplemma versions or formats removed
    except OSError as exc:
        log.warning("cannot write word store %s: %s", path, exc)


class WordStore(Mapping[str, str]):
    """simplemma's dictionary for one language (str form -> str lemma), answering exactly as simplemma's
    ``MappingStrToByteString`` does, from two DAWGs. ``raw_keys`` is the DAWG of the utf-8 forms
    (``bytes in raw_keys`` is the test ``bytes in`` simplemma's plain dict makes), or None where some form
    could not go in a DAWG (they are then kept in a small dict beside it). Iteration is in byte order."""

    __slots__ = ("lang", "raw_keys", "_keys", "_values", "_extra", "_count")

    def __init__(self, blob: dict[str, Any]) -> None:
        import dawg

        self.lang: str = blob["lang"]
        self._keys = dawg.DAWG().frombytes(blob["keys"])
        self._values = dawg.BytesDAWG().frombytes(blob["values"])
        self._extra: dict[bytes, bytes] = blob["extra"]
        self._count: int = blob["count"]
        self.raw_keys = None if self._extra else self._keys

    def __contains__(self, key: object) -> bool:
        b = key.encode()  # type: ignore[attr-defined]  # as simplemma's: a non-str key raises
        return b in self._keys or (bool(self._extra) and b in self._extra)

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        b = key.encode()
        found = self._values.get(b)
        if found is None:
            v = self._extra.get(b) if self._extra else None
            return v.decode() if v is not None else default
        code = found[0]  # _decode(b, code), inline: the German passes ask for lemmas often
        cut = code[0]
        return (code[1:] if cut == _FULL else b[:len(b) - cut] + code[1:]).decode()

    def __getitem__(self, key: str) -> str:
        v = self.get(key)
        if v is None:
            raise KeyError(key)
        return v

    def __iter__(self) -> Iterator[str]:
        yield from self._values.iterkeys()
        for k in self._extra:
            yield k.decode()

    def __len__(self) -> int:
        return self._count

    def raw_items(self) -> Iterator[tuple[bytes, bytes]]:
        """(utf-8 form, utf-8 lemma) for every entry: simplemma's dict's ``items()``."""
        for k, code in self._values.iteritems():
            b = k.encode()
            yield b, _decode(b, code)
        yield from self._extra.items()


@lru_cache(maxsize=16)
def store(lang: str) -> Mapping[str, str]:
    """The word store of ``lang``: loaded from the cache, built there first when missing or stale
    (simplemma's own dictionary where the ``dawg`` module is unusable). A language simplemma does not
    have raises simplemma's ValueError."""
    try:
        import dawg  # noqa: F401
    except ImportError:  # pragma: no cover - dawg is a pinned dependency
        from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY

        return DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)
    path = store_path(lang)
    blob = _read(path, lang)
    if blob is None:
        t0 = time.perf_counter()
        blob = build_blob(lang)
        _write(path, blob)
        log.info("word store %s built in %.1fs -> %s", lang, time.perf_counter() - t0, path)
    return WordStore(blob)


def prepare(langs: Iterable[str] = _LANGS) -> dict[str, float]:
    """Build the missing or stale stores of ``langs`` now (``communique kb build``); seconds per language
    (0.0 where the cached file was good)."""
    out: dict[str, float] = {}
    for lang in langs:
        path = store_path(lang)
        t0 = time.perf_counter()
        if _read(path, lang) is None:
            _write(path, build_blob(lang))
            store.cache_clear()
            out[lang] = time.perf_counter() - t0
        else:
            out[lang] = 0.0
    return out


class _Members:
    """A membership view of a store, shaped as simplemma's lookup strategy reads a dictionary (``get``)."""

    __slots__ = ("_has",)

    def __init__(self, words: Mapping[str, str]) -> None:
        self._has = words.__contains__

    def get(self, key: str, default: Any = None) -> Any:
        return True if self._has(key) else default


class _MemberFactory:
    """simplemma's ``DictionaryFactory`` protocol over the stores' membership views."""

    __slots__ = ()

    @lru_cache(maxsize=16)  # noqa: B019 - one instance for the process
    def get_dictionary(self, lang: str) -> _Members:
        return _Members(store(lang))


_STRATEGY = DictionaryLookupStrategy(_MemberFactory())  # type: ignore[arg-type]


def is_known(token: str, lang: str | tuple[str, ...]) -> bool:
    """``simplemma.is_known(token, lang)`` answered from the word stores (the same answer, the same
    errors for a non-str or empty token or an unknown language)."""
    if not isinstance(token, str):
        raise TypeError(f"Wrong input type, expected string, got {type(token)}")
    if token == "":
        raise ValueError("Wrong input value: empty string")
    token = normalize_token(token)
    get_lemma = _STRATEGY.get_lemma
    return any(get_lemma(token, code) is not None for code in validate_lang_input(lang))
