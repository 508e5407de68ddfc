"""The knowledge base: countries, places, organisations and office-holders in five languages.

    from communique.kb import load_kb
    kb = load_kb()                  # cached, process-wide
    kb.search("Lawrow")             # [{"id": "kb:person/sergey-lavrov", "type": "person", ...}]
    kb.get("kb:country/BY")

The data files live in ``kb/data/`` (YAML/TSV); a user directory (``COMMUNIQUE_KB_DIR`` or
``--kb-dir``) adds to or overrides them. ``load_kb`` compiles them once into a pickled cache
under ``$COMMUNIQUE_CACHE`` (default ``~/.cache/communique``), rebuilt when data or version change.
"""

from __future__ import annotations

import bisect
import gc
import logging
import os
import pickle
import threading
import time
from collections import OrderedDict
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterator

from communique import __version__
from communique.errors import KnowledgeBaseError
from communique.kb.build import KBData, build, fingerprint
from communique.kb.cachefile import write_atomically
from communique.kb.fold import fold

log = logging.getLogger(__name__)

OFFICE_RANK = {"head_of_state": 0, "head_of_government": 1, "foreign_minister": 2, "spokesperson": 3,
               "deputy_foreign_minister": 4, "other": 5}
TYPE_RANK = {"country": 0, "person": 1, "organization": 2, "group": 2, "place": 3}


def cache_dir() -> Path:
    d = os.environ.get("COMMUNIQUE_CACHE")
    if d:
        return Path(d)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "communique" if xdg else Path.home() / ".cache" / "communique"


_SMALL_MEMO = 32768  # names whose small-place records are remembered (a bounded cache, cleared when full)
_SMALL_BLOCK = 32  # lines of the small-place table per entry of its coarse index
_SMALL_KEEP = 32768  # small-place records that entities[...] resolves (least recently looked up dropped first)


class EntityTable(dict):
    """``KnowledgeBase.entities``: the built records. Small places are made on demand by
    :meth:`KnowledgeBase.small_places` and kept apart, in a bounded LRU (``extra``); ``[]``, ``get()``
    and ``in`` find them there, iteration and ``len`` do not, so looking one up changes nothing a
    later document (or ``kb stats``) sees."""

    __slots__ = ("extra", "remake")

    def __init__(self, base: dict[str, dict[str, Any]], extra: "OrderedDict[str, dict[str, Any]]",
                 remake: "Callable[[str], dict[str, Any] | None] | None" = None) -> None:
        super().__init__(base)
        self.extra = extra
        self.remake = remake  # a small place's record made again from its id (None: not one)

    def _small(self, key: Any) -> dict[str, Any] | None:
        rec = self.extra.get(key)
        if rec is None and self.remake is not None and isinstance(key, str) and key.startswith("gn:"):
            # a small place dropped from the LRU while still in use (one document naming more small
            # places than the LRU keeps): made again from the table, so its id still resolves
            rec = self.remake(key)
            if rec is not None:
                self.extra[key] = rec
                while len(self.extra) > _SMALL_KEEP:
                    self.extra.popitem(last=False)
        return rec

    def __missing__(self, key: str) -> dict[str, Any]:
        rec = self._small(key)
        if rec is None:
            raise KeyError(key)
        return rec

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        hit = dict.get(self, key)
        if hit is not None:
            return hit
        rec = self._small(key)
        return default if rec is None else rec

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or self._small(key) is not None


def _small_record(rec: str) -> dict[str, Any]:
    gid, cc, a1, pop, lat, lon, name = rec.split("|")
    eid = f"gn:{gid}"
    return {
        "id": eid, "type": "place", "name": name, "country": cc, "wikidata": None, "geonames": int(gid),
        "population": int(pop), "capital": False, "admin1": a1 or None, "small": True,
        "lat": float(lat) if lat not in ("", "None") else None,
        "lon": float(lon) if lon not in ("", "None") else None,
    }


class KnowledgeBase:
    """Entity records plus a compiled name matcher. Built by :func:`load_kb`."""

    def __init__(self, data: KBData, key: str = "") -> None:
        import ahocorasick_rs

        self.key = key
        self._small_made: OrderedDict[str, dict[str, Any]] = OrderedDict()  # small-place records, an LRU
        self._small_ever: set[str] = set()  # ids of the small places handed out (at most the table's)
        self.entities = EntityTable(data.entities, self._small_made, self._small_by_id)
        self.patterns = list(data.index.keys())
        self.candidates = [data.index[p] for p in self.patterns]
        self.index = data.index
        self.small = getattr(data, "small", None) or ""
        self.small_offsets = getattr(data, "small_offsets", None) or ()
        self._small_ids: dict[str, tuple[dict[str, Any], ...]] = {}  # folded name -> its small-place records
        self._place_abbr = getattr(data, "place_abbr", None)  # computed by the build (None: older cache)
        self._office_index = getattr(data, "office_index", None)  # mentions.roles.holders (None: built on first use)
        self._institution_index = getattr(data, "institution_index", None)  # mentions.institutions (None: first use)
        self._small_coarse: list[str] | None = None  # every _SMALL_BLOCK-th name of the small table (_small_lookup)
        self.matcher = ahocorasick_rs.AhoCorasick(
            self.patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
        )

    # -- small places ---------------------------------------------------------------------------
    def small_places(self, folded: str) -> list[str]:
        """Ids of the small places (500-15,000 inhabitants) named ``folded`` (they are not in the
        matcher). A pure lookup: the same answer whatever was looked up before. Their records are
        resolved by :attr:`entities` from a bounded LRU kept apart from the built records, refreshed by
        every lookup (so the ids of the document in hand always resolve)."""
        memo = self._small_ids
        recs = memo.get(folded)
        if recs is None:
            packed = self._small_lookup(folded)
            recs = tuple(_small_record(r) for r in packed.split(";")) if packed else ()
            if len(memo) >= _SMALL_MEMO:
                memo.clear()
            memo[folded] = recs
        made = self._small_made
        out = []
        for rec in recs:
            eid = rec["id"]
            out.append(eid)
            if dict.__contains__(self.entities, eid):
                continue  # a built record of the same id wins
            made[eid] = rec
            made.move_to_end(eid)
            self._small_ever.add(eid)
            while len(made) > _SMALL_KEEP:
                made.popitem(last=False)
        return out

    def small_place_records(self, folded: str) -> list[tuple[str, dict[str, Any]]]:
        """(id, record) of each of :meth:`small_places` (same ids, same side effects): the record
        ``entities[id]`` gives right after the lookup, without going through the table's miss path
        for each id (s15, spdcore)."""
        ids = self.small_places(folded)
        if not ids:
            return []
        base, made = dict.get, self._small_made
        ents = self.entities
        return [(eid, base(ents, eid) or made[eid]) for eid in ids]

    def small_place_stats(self, folded: str) -> tuple[int, ...]:
        """The populations of the small places named ``folded``, as ``entities[id]`` gives them after
        :meth:`small_places` (a built record of the same id wins), without handing out their ids: for
        readers that want the populations only (s15, spdcore; tests/mentions/test_spdcore_s15.py)."""
        memo = self._small_ids
        recs = memo.get(folded)
        if recs is None:
            return tuple((e.get("population") or 0) for _i, e in self.small_place_records(folded))
        if not recs:
            return ()
        ents = self.entities
        return tuple((dict.get(ents, r["id"]) or r).get("population") or 0 for r in recs)

    def _small_by_id(self, eid: str) -> dict[str, Any] | None:
        """The small place ``gn:<id>``'s record, found in the table by its id (a scan of the table:
        only for a record the LRU no longer holds), or None."""
        gid = eid[3:]
        if eid not in self._small_ever or not gid.isdigit():
            return None  # never handed out: no scan
        text = self.small
        for sep in ("\t", ";"):
            i = text.find(f"{sep}{gid}|")
            if i >= 0:
                j = i + 1
                ends = [x for x in (text.find(";", j), text.find("\n", j)) if x >= 0]
                return _small_record(text[j:min(ends)] if ends else text[j:])
        return None

    def _small_lookup(self, key: str) -> str | None:
        """The record text of the line whose name is ``key`` (the lines are sorted by name, names unique):
        a bisect in C over every 32nd line's name picks the block, one ``str.find`` in it the line."""
        text, offs = self.small, self.small_offsets
        if not offs:
            return None
        coarse = self._small_coarse
        if coarse is None:  # made on the first lookup: 1/32 of the names
            coarse = self._small_coarse = [text[offs[i]:text.index("\t", offs[i])] for i in range(0, len(offs), _SMALL_BLOCK)]
        b = bisect.bisect_right(coarse, key) - 1
        if b < 0:
            return None
        a = offs[b * _SMALL_BLOCK]
        z = offs[(b + 1) * _SMALL_BLOCK] if (b + 1) * _SMALL_BLOCK < len(offs) else len(text)
        needle = key + "\t"
        i = text.find(needle, a, z)
        while i >= 0:
            if i == a or text[i - 1] == "\n":  # the whole name of a line, not the end of a longer one
                return text[i + len(needle):text.index("\n", i)]
            i = text.find(needle, i + 1, z)
        return None

    def _small_lookup_plain(self, key: str) -> str | None:
        """:meth:`_small_lookup` by a plain binary search over the lines (the oracle of its test)."""
        text, offs = self.small, self.small_offsets
        lo, hi = 0, len(offs)
        while lo < hi:  # binary search over the sorted lines
            mid = (lo + hi) // 2
            a = offs[mid]
            k = text[a:text.index("\t", a)]
            if k < key:
                lo = mid + 1
            elif k > key:
                hi = mid
            else:
                return text[text.index("\t", a) + 1:text.index("\n", a)]
        return None

    # -- roles ----------------------------------------------------------------------------
    def term_at(self, eid: str, on: date | str | None = None) -> dict[str, Any] | None:
        ent = self.entities.get(eid)
        if not ent or not ent.get("terms"):
            return None
        day = (on.isoformat() if isinstance(on, date) else on) or date.today().isoformat()
        day = day[:10]
        live = [t for t in ent["terms"] if (t.get("start") or "0000") <= day and (not t.get("end") or t["end"] >= day)]
        if not live:
            return None
        home = ent.get("country")
        live.sort(key=lambda t: (OFFICE_RANK.get(t.get("office") or "other", 9),
                                 bool(home and t.get("country") and t["country"] != home), t.get("start") or ""))
        return live[0]

    def role_at(self, eid: str, on: date | str | None = None) -> str | None:
        t = self.term_at(eid, on)
        return t.get("role") if t else None

    # -- API ------------------------------------------------------------------------------
    def get(self, eid: str) -> dict[str, Any] | None:
        ent = self.entities.get(eid)
        if ent is None:
            return None
        out = self._public(ent)
        out["names"] = ent.get("names")
        out["terms"] = ent.get("terms")
        out["population"] = ent.get("population")
        return out

    def _public(self, ent: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": ent["id"], "type": ent["type"], "name": ent["name"], "country": ent.get("country"),
            "wikidata": ent.get("wikidata"), "geonames": ent.get("geonames"),
            "role": self.role_at(ent["id"]) if ent["type"] == "person" else None,
        }

    def search(self, name: str, limit: int = 10) -> list[dict[str, Any]]:
        """Entities whose names match ``name`` (any language or script), best first."""
        q = " ".join(fold(name).split())
        if not q:
            return []
        scored: dict[str, float] = {}

        def add(eid: str, score: float) -> None:
            if eid in self.entities and score > scored.get(eid, -1e9):
                scored[eid] = score

        for eid, kind, _ in self.index.get(q, []):
            add(eid, 100 if kind in ("name", "acr", "flag") else 80)
        # inflected query: strip endings one character at a time
        for cut in range(1, 4):
            if len(q) - cut < 3:
                break
            for eid, kind, _ in self.index.get(q[:-cut], []):
                add(eid, 70 - cut)
        if not scored and len(q) >= 3:
            # substring over names (slow path, CLI only)
            for pat, cands in self.index.items():
                if q in pat:
                    for eid, _k, _f in cands:
                        add(eid, 40 - 0.01 * len(pat))
        def rank(eid: str) -> tuple:
            e = self.entities[eid]
            prominence = 0.0
            if e["type"] == "person" and self.term_at(eid):
                prominence = 5
            return (-scored[eid], TYPE_RANK.get(e["type"], 9), -prominence - (e.get("population") or 0) / 1e9, eid)

        return [self._public(self.entities[e]) for e in sorted(scored, key=rank)[:limit]]

    def stats(self) -> dict[str, Any]:
        by_type: dict[str, int] = {}
        for e in self.entities.values():
            by_type[e["type"]] = by_type.get(e["type"], 0) + 1
        return {"entities": len(self.entities), "by_type": by_type, "names": len(self.patterns), "key": self.key}


_LOCK = threading.Lock()
_CACHE: dict[str, KnowledgeBase] = {}


def _ext_dir(ext_dir: str | os.PathLike | None) -> str | None:
    d = ext_dir if ext_dir is not None else os.environ.get("COMMUNIQUE_KB_DIR")
    return str(d) if d else None


def load_kb(ext_dir: str | os.PathLike | None = None, *, rebuild: bool = False) -> KnowledgeBase:
    """The process-wide knowledge base (compiled from data once, then loaded from the cache)."""
    ext = _ext_dir(ext_dir)
    with _LOCK:
        key = fingerprint(ext, __version__)
        kb = _CACHE.get(key)
        if kb is not None and not rebuild:
            return kb
        path = cache_dir() / f"kb-{key}.pickle"
        t0 = time.perf_counter()
        data = None if rebuild else _read_cache(path)
        if data is None:
            data = build(ext)
            _write_cache(path, data)
            log.info("knowledge base built in %.1fs", time.perf_counter() - t0)
        with _collector_paused():  # millions of new containers, none of them garbage
            kb = KnowledgeBase(data, key)
        log.info("knowledge base ready in %.2fs", time.perf_counter() - t0)
        _CACHE.clear()
        _CACHE[key] = kb
        # The knowledge base lives as long as the process and never changes: out of the cyclic collector's
        # sight, a full collection no longer walks it (one took ~70 ms of every 150,000 German characters
        # linked, s15); reference counting still frees what is dropped.
        gc.freeze()
        return kb


@contextmanager
def _collector_paused() -> Iterator[None]:
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _read_cache(path: Path) -> KBData | None:
    """The compiled knowledge base from its cache file; None when it is missing or unreadable."""
    if not path.exists():
        return None
    try:
        with path.open("rb") as fh, _collector_paused():
            return pickle.load(fh)
    except Exception as exc:  # a corrupt cache is rebuilt
        log.warning("knowledge-base cache %s unreadable (%s); rebuilding", path, exc)
        return None


def _write_cache(path: Path, data: KBData) -> None:
    try:
        write_atomically(path, data, "kb-*.pickle")  # caches of older data or versions removed
    except OSError as exc:
        log.warning("cannot write knowledge-base cache %s: %s", path, exc)


def cache_ready(ext_dir: str | os.PathLike | None = None) -> bool:
    """Is the knowledge base already compiled in the cache (so that loading takes about a second)?"""
    ext = _ext_dir(ext_dir)
    key = fingerprint(ext, __version__)
    return key in _CACHE or (cache_dir() / f"kb-{key}.pickle").exists()


__all__ = ["load_kb", "KnowledgeBase", "KnowledgeBaseError", "cache_dir", "cache_ready"]
