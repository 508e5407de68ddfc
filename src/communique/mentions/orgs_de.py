"""German organisations (issue 3, German ORG): a pass over a German document's mentions after the
organisation patterns, with its data in ``data/lang/de/organisations.yaml``.

* **Known names** German news uses for companies (DAX/MDAX, large German and international firms),
  federal institutions, associations, unions, parties, clubs and the Olympic games and fairs German
  news types as organisations: one Aho-Corasick pass over the text, case-sensitive, whole words only,
  in German documents only (the shared knowledge base serves every language, so these stay here).
  A name that is also a German noun ("Allianz", "Bahn", "Sparkasse") counts only without an indefinite
  article, an adjective or a preposition-led complement ("eine neue Allianz gegen …"). A known name
  replaces guesses of the capitalised-names stage it covers ("Werder Bremen" typed as a person) and
  knowledge-base places inside a longer name; never a longer mention, a knowledge-base person or an
  equal knowledge-base place or country.
* **Institution heads with a tail**: "Bundesverband deutscher Gärtner", "Institut für Angewandte
  Logistik", "Hochschule für Musik und Tanz des Westerwaldes", "Landesverband der Imker in
  Bayern": a head noun (plain or compounded) followed by für/der/zur… and capitalised words (and
  the adjectives before them) is one organisation. Generic plain heads ("Gesellschaft", "Kommission",
  "Zentrum") need "für/zur/zum": "die Gesellschaft der Gegenwart" is no name.
* **Legal forms** ("e.G.", "N.V.", "A/S", "& Co KG") close a company name: an organisation right before
  one takes it, a run of capitalised words before one becomes one.
* **No organisation**: abbreviations of laws, degrees, units and techniques ("ISBN", "EBIT", "SGB",
  "MBA") guessed as organisations; "von Behörde zu Behörde" (a word repeated around "zu"); "das Amt des
  Schatzmeisters" (an office, not an authority); "<town adjective> + generic noun" ("des Bielefelder
  Konzerns", "des Lindauer Stadtrates"): a description, not a name.

* **More shapes of German names**: a capitalised adjective before an institution noun ("Kieler
  Seemannshilfe"); names hyphened to an institution or media noun ("Anna-Vogel-Gymnasium",
  "ARD-Nachtmagazin"); the words an abbreviation in brackets abbreviates ("Nordischen
  Wetterberatung ( NWB )"); "die Fraktion der X"; a lone guessed person that is the subject of a
  market report's plural verb ("X gaben … nach") or of producing verbs, or has a company apposition.

Every step tests cheaply first (one Aho-Corasick search per document for all the lists, regexes that
start at a literal, cached word tests) and runs only for ``de``; docs/kb.md ("German, round four") has
the figures.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import replace
from functools import lru_cache
from operator import itemgetter
from typing import Any, Callable

import yaml

from communique.mentions.capnames import _compound, _dictionary, _known, _known_lower, _name_like, _sentence_initial
from communique.kb.fold import fold
from communique.mentions.capnames_de import _common_word, _home_town, _word_stem, de_given_names
from communique.mentions.common import LANG_DIR, mentions_data, token_before
from communique.mentions.literals_de import doc_literals, org_matches

__all__ = ["refine_orgs_de"]

_GUESS_KINDS = frozenset(("cap", "given", "shape", "pattern", "sur", "coref", "title"))


class _Data:
    def __init__(self, d: dict) -> None:
        def lst(key: str) -> list[str]:
            return [str(x) for x in d.get(key) or []]

        self.noun_names = frozenset(lst("noun_companies"))
        self.noun_insts = frozenset(lst("noun_institutions"))
        names: dict[str, str] = {}
        for key in ("companies", "institutions", "parties", "clubs", "events"):
            for n in lst(key):
                names.setdefault(n, key)
                # genitive of single-word institutions ("Umweltbundesamtes", "Bundesnachrichtendienstes")
                if key == "institutions" and " " not in n and n[-1:].islower() and n.endswith(("amt", "dienst", "schutz", "gericht", "hof", "institut", "werk", "rat")):
                    names.setdefault(n + "es", key)
                    names.setdefault(n + "s", key)
        for n in self.noun_names:
            names.setdefault(n, "noun")
        for n in self.noun_insts:
            names.setdefault(n, "noun_inst")
        self.names = names
        self.not_orgs = frozenset(lst("not_orgs"))
        self.tail_heads = tuple(sorted(lst("tail_heads"), key=len, reverse=True))
        self.tail_links = frozenset(lst("tail_links"))
        self.tail_in = tuple(lst("tail_in_places"))
        self.legal_forms = tuple(sorted(lst("legal_forms"), key=len, reverse=True))
        self.lead_kinds = tuple(x.lower() for x in lst("lead_kinds"))
        self.foreign_heads = frozenset(lst("foreign_org_heads"))
        self.foreign_particles = frozenset(lst("foreign_org_particles"))
        self.generic_heads = frozenset(lst("generic_heads"))
        self.competitions = frozenset(lst("competitions"))
        self.media_compounds = tuple(lst("media_compounds"))
        self.named_institutions = tuple(lst("named_institutions"))
        self.pats = sorted(names)
        # heads as the end of a word ("Bundesverband", "Forschungsinstituts") or the whole word ("Institut"):
        # an automaton finds them (a regex trying every capital was the pass's main cost)
        self.head_words = frozenset(h.capitalize() for h in self.tail_heads)
        self.head_pats = sorted(set(self.tail_heads) | self.head_words)
        self.phrase_endings = tuple(lst("phrase_endings"))
        # one automaton for the four lists (one pass over the text; each call has a fixed cost): pattern -> [(list, index)]
        kinds: dict[str, list[tuple[int, int]]] = {}
        for k, pats in enumerate((self.pats, self.head_pats, sorted(set(self.phrase_endings)), list(self.legal_forms))):
            for i, pat in enumerate(pats):
                kinds.setdefault(pat, []).append((k, i))
        self.all_pats = list(kinds)
        self.all_kinds = [kinds[p] for p in self.all_pats]
        # searched with the German passes' literals in one automaton, one scan per document (s13 spdde,
        # ``literals_de.org_matches``; a DFA over the text itself, character offsets)
        self.weak_forms = frozenset(("SE", "SA", "AS", "AB", "BV", "AG", "KG"))  # also other abbreviations: only after an organisation


@lru_cache(maxsize=1)
def _data() -> _Data:
    p = LANG_DIR / "de" / "organisations.yaml"
    return _Data(yaml.safe_load(p.read_text(encoding="utf-8")) if p.exists() else {})


# plain heads that are also everyday nouns: only "für/zur/zum" makes them a name
_GENERIC_PLAIN = frozenset("Gesellschaft Kommission Zentrum Zentrums Zentren Bund Bundes Komitee Komitees Behörde Anstalt Forum Fonds "
                           "Konferenz Organisation Liga Kammer Genossenschaft Vereinigung Akademie Förderverein Dachverband".split())
_GENERIC_NOUN_HEADS = _GENERIC_PLAIN | frozenset("Bank Partei Gruppe Rat Amt Gericht Verein Verband Club Institut Union".split())
_PURPOSE = frozenset(("für", "zur", "zum", "gen"))
_ARTICLES = frozenset("der die das dem den des im am zum zur beim vom".split())
_INST_PREFIXES = ("Bundes", "Landes", "Reichs", "Staats", "Zentral")
_NOT_ADJ = frozenset("aller alle allen alles einer eines einem einen seiner seines seinem seinen ihrer ihres ihrem ihren unserer "
                     "dieser dieses diesem diesen jener jenes jeder jedes jedem jeden keiner keines keinem keinen mehrere mehrerer "
                     "einige einiger vieler viele anderer andere anderen waren wären haben hatten werden wurden würden sollen können "
                     "müssen wollen dürfen sein seien".split())
_RUN_STOP = frozenset("Firma Unternehmen Unternehmens Konzern Konzerns Tochter Tochterfirma Partner Hersteller Reederei Containerreederei "
                      "Bank Gruppe Marke Label".split())
_INDEF = frozenset("ein eine einer einem einen eines kein keine keiner keinem keinen keines jede jeder jedem jeden jedes diese dieser "
                   "diesem diesen dieses solche solcher solchen welche welcher beide beiden".split())
_NOUN_NEXT = frozenset("aus gegen zwischen mit von für der des gegenüber wider".split())
_TOKEN = re.compile(r"[^\s]+")
_ROLE_END = ("präsident", "präsidenten", "minister", "ministers", "kanzler", "kanzlers", "vorsitzenden", "direktor", "direktors",
             "bürgermeister", "bürgermeisters", "sekretär", "sekretärs", "chief", "richter", "richters", "botschafter", "botschafters",
             "beauftragten", "sprecher", "sprechers", "leiter", "leiters", "chef", "chefs", "gouverneur", "gouverneurs", "bischofs", "papstes")


# the blanks, then the run of non-blanks, before a position, read forwards in the reversed text (\S is "not
# str.isspace()": what _prev_token walked back over character by character before s14)
_REV_TOKEN = re.compile(r"[ \t]*(\S*)")


def _prev_token(text: str, s: int) -> tuple[str, int]:
    """The token (non-blanks) before ``s`` after spaces and tabs, and its start. s14: one match in the text reversed
    (once per document), not two loops."""
    return token_before(text, s, _REV_TOKEN)


_SECOND = itemgetter(1)


class _Ms:
    """A pass's mentions, indexed by start (found by bisection): overlaps, drops and additions cost
    a bisection and the few mentions near the span, not a scan of the document's mentions.
    ``alive()`` gives them in the order a list with drops and appends would.

    The index is built at its first use (s13: most passes find nothing to test on most documents), and
    ``live()`` of an unchanged index is a copy of the list (no sort)."""

    def __init__(self, ms: list) -> None:
        self.ms = ms
        self.rows: list | None = None
        self.changed = False
        self.dead: set[int] = set()

    def _build(self) -> list:
        ms = self.ms
        # (start, list index, mention): the indexes are unique, so tuples compare without reaching the mention
        self.rows = rows = sorted([(m.start, i, m) for i, m in enumerate(ms)])
        self.seq = {id(m): i for i, m in enumerate(ms)}
        self.n = len(ms)
        self.maxlen = max((m.end - m.start for m in ms), default=0)
        return rows

    def add(self, m: Any) -> None:
        if self.rows is None:
            self._build()
        self.changed = True
        insort(self.rows, (m.start, self.n, m))
        self.seq[id(m)] = self.n
        self.n += 1
        self.maxlen = max(self.maxlen, m.end - m.start)

    def drop(self, gone: list) -> None:
        if gone:
            self.changed = True
        self.dead.update(id(x) for x in gone)

    def alive(self, m: Any) -> bool:
        if self.rows is None:
            self._build()
        return id(m) in self.seq and id(m) not in self.dead

    def over(self, s: int, e: int) -> list:
        """The live mentions overlapping [s, e), in list order."""
        rows = self.rows if self.rows is not None else self._build()
        i = bisect_left(rows, (s - self.maxlen,))  # a 1-tuple sorts before every row of that start
        res = []
        while i < len(rows) and rows[i][0] < e:
            m = rows[i][2]
            if m.end > s and id(m) not in self.dead:
                res.append(m)
            i += 1
        res.sort(key=lambda m: self.seq[id(m)])
        return res

    def at(self, s: int) -> list:
        """The live mentions that start at ``s``."""
        return [m for m in self.over(s, s + 1) if m.start == s]

    def ending_at(self, e: int) -> list:
        return [m for m in self.over(e - 1, e) if m.end == e]

    def live(self) -> list:
        if not self.changed:
            return list(self.ms)  # nothing dropped or added: the list as it was
        dead = self.dead
        rows = self.rows if self.rows is not None else self._build()
        return [m for _s, _i, m in sorted(rows, key=_SECOND) if id(m) not in dead]


def _guess(m: Any) -> bool:
    return m.eid.startswith("new:") or m.kind in _GUESS_KINDS


_LOC_PREPS = frozenset("in im nach aus bei von vom nahe bis zwischen über durch um südlich nördlich östlich westlich".split())


def _replaceable(over: list, s: int, e: int, kb: Any, text: str = "") -> bool:
    """May an organisation on [s, e) replace these mentions? Only guesses and knowledge-base places or
    organisations inside it; never a longer mention, a known person, or an equal known place/country."""
    for x in over:
        if x.start < s or x.end > e:
            return False
        if x.etype in ("organization", "group") and (x.start, x.end) == (s, e):
            return False  # already one
        if _guess(x):
            continue
        if x.etype == "person":
            return False
        if x.etype in ("place", "country") and (x.start, x.end) == (s, e):
            ent = kb.entities.get(x.eid) if kb is not None else None
            if x.etype == "country" or not ent or (ent.get("population") or 0) >= 100_000 or ent.get("capital"):
                return False
            prev = _prev_token(text, s)[0].lower()
            if prev in _LOC_PREPS:
                return False  # "in Werder": the town
    return True


def _noun_ok(text: str, s: int, e: int, bare: bool) -> bool:
    """A company or institution named like a noun ("Allianz", "Bahn", "Sparkasse"): not opening a
    sentence, not after an indefinite determiner or an adjective, not before a complement that makes
    it the noun; a company (``bare``) not after an article either."""
    if _sentence_initial(text, s):
        return False
    prev, _ = _prev_token(text, s)
    pl = prev.lower()
    if bare and pl in _ARTICLES:
        return False
    if pl in _INDEF or (prev[:1].islower() and len(prev) > 3 and prev.endswith(("e", "en", "er", "es", "em"))
                        and prev not in ("gegen", "wegen", "über", "unter", "hinter", "wider", "einen", "einem", "einer")):
        return False  # "eine neue Allianz", "die transatlantische Allianz"
    if prev[:1].isupper() and prev.endswith(("e", "en", "er", "es")) and not _sentence_initial(text, _prev_token(text, s)[1]):
        return False  # "die Nordatlantische Allianz": an adjective in a name
    nxt = _TOKEN.match(text, e + 1) if text[e:e + 1] == " " else None
    if nxt and nxt.group(0) in _NOUN_NEXT:
        return False
    return True


def _leftmost_longest(found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The matches an automaton of kind leftmost-longest reports, from all overlapping ones."""
    out: list[tuple[int, int, int]] = []
    last = -1
    for p, s, e in sorted(found, key=lambda h: (h[1], h[1] - h[2])):
        if s >= last:
            out.append((p, s, e))
            last = e
    return out


def _known_names(text: str, out: list, kb: Any, d: _Data, make: Callable[..., Any], found: list[tuple[int, int, int]]) -> list:
    hits = _leftmost_longest(found)
    if not hits:
        return out
    n = len(text)
    listed = [(s, e) for _p, s, e in hits]  # by start, not overlapping
    starts = [s for s, _e in listed]
    ix = _Ms(out)
    for x in ([x for x in out if _guess(x) and x.etype in ("organization", "person") and " " in text[x.start:x.end]] if len(listed) > 1 else ()):
        k = bisect_left(starts, x.start)
        inside = [(s, e) for s, e in listed[k:k + 3] if s < x.end and e <= x.end]
        if len(inside) == 2 and inside[0][0] == x.start and inside[1][1] == x.end:
            gap = text[inside[0][1]:inside[1][0]].split()
            if len(gap) == 1 and gap[0].islower():
                ix.drop([x])  # "von X zu Y" (two listed companies): two companies, not one name
    for pidx, s, e in hits:
        if s > 0 and (text[s - 1].isalnum() or text[s - 1] in "-_@/."):
            continue
        if e < n and (text[e].isalnum() or text[e] in "-_"):
            continue
        name = d.pats[pidx]
        kind = d.names[name]
        if kind in ("noun", "noun_inst") and not _noun_ok(text, s, e, kind == "noun"):
            continue
        if kind == "events" and " " not in name and _sentence_initial(text, s) and _known_lower(name, "de"):
            continue
        over = ix.over(s, e)
        if len(over) == 1 and over[0].start == s and over[0].end > e and over[0].etype == "person" and _guess(over[0]) \
                and kind == "companies" and text[e:over[0].end].split()[0][:1].isupper():
            x = over[0]
            ix.drop(over)
            ix.add(make(x.start, x.end, "organization", text[x.start:x.end]))
            continue
        if not _replaceable(over, s, e, kb, text):
            continue
        ix.drop(over)
        ix.add(_listed(kb, make, s, e, text[s:e]))
    return ix.live()


def _country_code(x: Any) -> str | None:
    if x.eid.startswith("kb:country/"):
        return x.eid.split("/", 1)[1]
    return x.country if x.etype == "country" else None


def _enclose(ix: _Ms, over: list, s: int, e: int, text: str, make: Callable[..., Any]) -> None:
    """A new organisation on [s, e) in place of the guesses inside it. A knowledge-base country (or its
    adjective) or organisation inside stays a mention of its own (as in ``orgs_ru.py``) and the country
    becomes the organisation's ("Ministerium … der Republik X": the ministry and X, the ministry X's)."""
    kept = [x for x in over if not _guess(x) and x.etype in ("country", "organization", "group") and (x.start, x.end) != (s, e)]
    new = make(s, e, "organization", text[s:e])
    cc = next((c for c in map(_country_code, kept) if c), None)
    if cc and getattr(new, "country", None) is None:
        new = replace(new, country=cc)
    gone = {id(x) for x in kept}
    ix.drop([x for x in over if id(x) not in gone])
    ix.add(new)


def _listed(kb: Any, make: Callable[..., Any], s: int, e: int, w: str) -> Any:
    """A listed name's mention: the knowledge-base organisation when the name is one of its names."""
    new = make(s, e, "organization", w)
    index = getattr(kb, "index", None)
    for eid, kind, *_ in (index.get(fold(w), ()) if index is not None else ()):
        ent = kb.entities.get(eid)
        if ent and ent.get("type") in ("organization", "group") and kind in ("name", "acr"):
            return replace(new, eid=eid, kind="name", name=None, country=ent.get("country"))
    return new


def _capital_word_start(text: str, a: int) -> int:
    """The start of the (hyphened) word around offset ``a``, or -1 when it has no capital."""
    i = a
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "-"):
        i -= 1
    return i if text[i:i + 1].isupper() else -1


def _heads(text: str, d: _Data, found: list[tuple[int, int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, word) of each capitalised word that ends with an institution head."""
    n = len(text)
    res: list[tuple[int, int, str]] = []
    seen: set[int] = set()
    for _p, a, b in found:
        if b < n and (text[b].isalnum() or text[b] == "-") or b in seen:
            continue
        i = _capital_word_start(text, a)
        if i < 0:
            continue
        seen.add(b)
        res.append((i, b, text[i:b]))
    res.sort()
    return res


_ADJ_STOP = frozenset("Der Die Das Dem Den Des Ein Eine Einer Einem Einen Eines Diese Dieser Diesem Diesen Dieses Jede Jeder Jedes "
                      "Keine Keiner Alle Viele Einige Andere Anderen Seine Seiner Ihre Ihrer Unsere Unserer Beide Beiden Welche".split())


_GEN_NAME = re.compile(r" (?:der|des|für) ([A-ZÄÖÜ][\w-]*)(?![\w-])")


def _adj_phrases(text: str, out: list, d: _Data, make: Callable[..., Any], found: list[tuple[int, int, int]]) -> list:
    """"Kieler Seemannshilfe", "Oberlausitzer Kleinbahn": a capitalised adjective (a town's "-er" form
    also opening a sentence) before a noun that ends like an institution."""
    n = len(text)
    ix = _Ms(out)
    for _p, a, b in found:
        if b < n and (text[b].isalnum() or text[b] == "-"):
            continue
        i = _capital_word_start(text, a)
        if i < 0:
            continue
        adj, ai = _prev_token(text, i)
        if not (adj[:1].isupper() and adj.isalpha() and len(adj) > 3 and adj.endswith(("e", "en", "er", "es", "em"))) or adj in _ADJ_STOP:
            continue
        if _sentence_initial(text, ai) and not adj.endswith("er"):
            continue
        s, e = ai, b
        tail = _GEN_NAME.match(text, b)
        if tail and not _noun(tail.group(1)):
            e = tail.end()  # "… Landesmuseum der Sorben": a name in the genitive completes it
        over = ix.over(s, e)
        if any(x.start < s or x.end > e or (x.etype in ("organization", "group") and (x.start, x.end) == (s, e))
               or (not _guess(x) and x.etype in ("person", "organization", "group") and x.end <= b) for x in over):
            continue
        _enclose(ix, over, s, e, text, make)
    return ix.live()


_COORD = frozenset(("und", "sowie", "oder"))
_DETERMINERS = _ARTICLES | _INDEF | frozenset("sein seine seiner seinem seinen ihr ihre ihrer ihrem ihren".split())


def _new_conjunct(text: str, pos: int, after: int, listed_ends: set[int], starts: set[int]) -> bool:
    """Does "und"/"sowie"/"oder" (the token ending at ``after``, the tail so far ending at ``pos``) join a
    second organisation rather than continue the name? Yes when a listed name ends right before it, or
    when a determiner, an institution head or a listed name follows."""
    if pos in listed_ends:
        return True
    if text[after:after + 1] != " ":
        return False
    nx = _TOKEN.match(text, after + 1)
    if not nx:
        return False
    return nx.group(0).lower() in _DETERMINERS or nx.start() in starts


def _tails(text: str, out: list, d: _Data, make: Callable[..., Any], found: list[tuple[int, int, int]],
           listed: list[tuple[int, int, int]] = ()) -> list:
    """"Bundesverband deutscher Gärtner", "Instituts für Angewandte Logistik": head + tail."""
    n = len(text)
    ix = _Ms(out)
    heads = _heads(text, d, found)
    # where an institution head or a listed name starts, and where a listed name ends
    starts = {hs for hs, _he, _w in heads} | {s for _p, s, _e in listed}
    listed_ends = {e for _p, _s, e in listed}
    for hs, he, head in heads:
        plain = head in d.head_words
        pos = he
        last = None
        first_link = None
        after_noun = False  # the previous token was a capitalised word: no adjective may follow it
        steps = 0
        while steps < 10:
            steps += 1
            if pos >= n or text[pos] != " ":
                break
            t = _TOKEN.match(text, pos + 1)
            if not t:
                break
            w = t.group(0)
            if w in _COORD and last is not None and _new_conjunct(text, pos, t.end(), listed_ends, starts):
                break  # "X für Y und der Z", "… und Flüchtlinge und der Bundespolizei": a second organisation
            if w in d.tail_links:
                after_noun = False
                if first_link is None and last is None:
                    first_link = w
                    if w in ("und", "an", "am", "auf"):
                        break
                pos = t.end()
                continue
            if w in ("in", "im") and last is not None:
                rest = text[t.end():t.end() + 30]
                hit = next((p for p in d.tail_in if rest.startswith(" " + p) and not rest[len(p) + 1:len(p) + 2].isalnum()), None)
                if hit:
                    last = t.end() + 1 + len(hit)
                break
            if w[:1].isupper() and w[:1].isalpha():
                core = w.rstrip(",.;:!?)\"“”»«")
                if first_link is None and last is None and core == w and w.endswith("er") and len(w) > 4 and _known_lower(w, "de"):
                    first_link = "gen"  # "Verband Deutscher Ingenieure", "Bund Deutscher Architekten"
                if core in ("Der", "Die", "Das") or not core:
                    break
                if any(x.etype == "person" and not _guess(x) for x in ix.at(t.start())):
                    break
                last = t.start() + len(core)
                if core != w:
                    break
                after_noun = True
                pos = t.end()
                continue
            if w[:1].islower() and w.isalpha() and len(w) > 3 and w.endswith(("e", "en", "er", "es", "em")) and w not in d.tail_links \
                    and w not in _NOT_ADJ and not after_noun and (first_link is not None or last is None):
                nx = _TOKEN.match(text, t.end() + 1) if text[t.end():t.end() + 1] == " " else None
                if not nx or not nx.group(0)[:1].isupper():
                    break  # an adjective stands before a noun
                if first_link is None:
                    first_link = "adj"
                pos = t.end()
                continue
            break
        if last is None or first_link is None:
            continue
        if first_link not in _PURPOSE and (plain and head in _GENERIC_PLAIN or not plain and not head.startswith(_INST_PREFIXES)):
            continue  # "die Gesellschaft der Zukunft", "Gesundheitsministerium des Landes": a description
        s = hs
        prev, pi = _prev_token(text, hs)
        # "Deutsches Institut für …", "Pharmazeutischen Hochschule": a capitalised adjective before the head
        if prev[:1].isupper() and prev.endswith(("e", "en", "er", "es", "em")) and prev.isalpha() and not _sentence_initial(text, pi) \
                and prev not in ("Der", "Die", "Das", "Dem", "Den", "Des"):
            s = pi
        e = last
        over = ix.over(s, e)
        # a guess that runs on past the tail into lower-case words ("… Brauereien über Preise") gives way
        if any((x.start < s or x.end > e) and not (_guess(x) and x.start >= s and text[e:x.end].split()[0][:1].islower()) for x in over):
            continue
        if any(not _guess(x) and x.etype == "person" for x in over):
            continue
        if any(x.etype in ("organization", "group") and (x.start, x.end) == (s, e) for x in over):
            continue
        _enclose(ix, over, s, e, text, make)
    return ix.live()


def _legal_forms(text: str, out: list, d: _Data, make: Callable[..., Any], found: list[tuple[int, int, int]]) -> list:
    """"Wohnungsgenossenschaft Lindenhof e.G.", "Norvik A/S": a legal form closes the name before it."""
    n = len(text)
    ix = _Ms(out)
    for pidx, fs, fe in sorted(found, key=lambda h: (h[2], h[1])):
        if fs > 0 and (text[fs - 1].isalnum() or text[fs - 1] in "&/.-") or fe < n and (text[fe].isalnum() or text[fe] in "/-"):
            continue
        form = d.legal_forms[pidx]
        if fs == 0 or text[fs - 1] != " ":
            continue
        j = fs - 1
        before = [x for x in ix.ending_at(j) if x.etype in ("organization", "group")]
        if before:
            x = before[0]
            if any(y is not x for y in ix.over(x.start, fe)):
                continue
            ix.drop([x])
            # a knowledge-base company keeps its id and country ("X AG" is X)
            ix.add(replace(x, end=fe) if not _guess(x) else make(x.start, fe, "organization", text[x.start:fe]))
            continue
        # a run of capitalised words (and "&", "P", "O") right before the form
        s = fs
        k = j
        toks = 0
        while toks < 5:
            t, ti = _prev_token(text, k)
            if not t or not (t[:1].isupper() or t in ("&",)) or t in ("Der", "Die", "Das", "Den", "Dem", "Des") or t in _RUN_STOP \
                    or _sentence_initial(text, ti) and _known_lower(t, "de"):
                break
            if t[-1:] in ",.;:" and t not in ("&",):
                break
            s = ti
            toks += 1
            k = ti
            while k > 0 and text[k - 1] == " ":
                k -= 1
            if k == ti:
                break
        if s == fs or text[s] == "&" or form in d.weak_forms and not any(x.etype == "organization" for x in ix.at(s)):
            continue
        over = ix.over(s, fe)
        if any(x.start < s or x.end > fe or (not _guess(x) and x.etype == "person") for x in over):
            continue
        if any(x.etype in ("organization", "group") and (x.start, x.end) == (s, fe) for x in over):
            continue
        _enclose(ix, over, s, fe, text, make)
    return ix.live()


def _noun(w: str) -> bool:
    """A German common noun (not a name the dictionary lists)."""
    return _known(w, "de") and w not in _name_like("de") or _common_word(w)


def _not_orgs(text: str, out: list, d: _Data, kb: Any = None, make: Callable[..., Any] | None = None) -> list:
    keep = []
    for x in out:
        if x.etype == "organization" and x.kind == "name" and _inflected_kb_word(text, x, kb):
            continue
        if x.etype == "organization" and _guess(x):
            w = text[x.start:x.end]
            if x.kind == "cap" and _taxon(text, x):
                continue  # "( Bradypus variegatus )", "Lepisosteiformes": biology
            if w in d.not_orgs or w in d.competitions or w.split()[-1] in d.competitions:
                continue  # "ISBN", "SGB"; "die Oberliga", "das Konstrukt Regionalliga": a competition
            if w.isupper() and _defined_by_noun(text, x.start, x.end):
                continue  # "Jagdstaffeln ( JS )", "Polyvinylchlorid ( PVC )": a term's abbreviation
            toks = w.split()
            if len(toks) >= 2 and toks[0] in d.not_orgs and toks[1] == "von":
                continue  # "GP von Ungarn": a race, not an organisation
            if len(toks) == 2 and toks[1] in ("Werke", "Werk", "Werken") and toks[0].endswith("s") and toks[0][:1].isupper() \
                    and x.kind == "cap" and not _noun(toks[0]) and make is not None:
                keep.append(make(x.start, x.start + len(toks[0]), "person", toks[0]))
                continue  # "Dürers Werke": a person's works
            if len(toks) == 2 and toks[0] in ("Der", "Die", "Das") and toks[1].isupper() and x.kind == "cap":
                keep.append(replace(x, start=x.start + 4))  # "Der XYZ entschied …": the article opens the sentence, not the name
                continue
            if len(toks) == 3 and toks[0] in _GENERIC_NOUN_HEADS and toks[1] in ("der", "des", "von") and _noun(toks[2]):
                continue  # "die Gesellschaft der Zukunft", "eine Gruppe von Verbindungen": a noun and its complement
            if len(toks) == 3 and toks[1] == "zu" and toks[0] == toks[2]:
                continue  # "von Behörde zu Behörde", "von Kammer zu Kammer"
            if len(toks) >= 3 and toks[0] == "Amt" and toks[1] in ("des", "der") and toks[2].lower().endswith(_ROLE_END):
                continue  # "das Amt des Schatzmeisters": an office
            if len(toks) == 2 and toks[1] in d.generic_heads and toks[0].endswith("er") and toks[0][:1].isupper():
                continue  # "des Bielefelder Konzerns": a description
        keep.append(x)
    return keep


def _defined_by_noun(text: str, s: int, e: int) -> bool:
    """An abbreviation in brackets after one German common noun ("Jagdstaffeln ( JS )") names a term."""
    a = s
    while a > 0 and text[a - 1] == " ":
        a -= 1
    if a == 0 or text[a - 1] != "(" or ")" not in text[e:e + 3]:
        return False
    w, wi = _prev_token(text, a - 1)
    if not (w[:1].isupper() and w[1:2].islower() and w.isalpha()) or w[0] != text[s]:
        return False  # the abbreviation opens with the noun's letter
    pw, _ = _prev_token(text, wi)
    if not pw or pw[:1].isupper() and not _sentence_initial(text, wi) and pw.lower() not in _ARTICLES:
        return False  # a name of several capitalised words ("Baltic Fishery Council ( BFC )")
    return _known_lower(w, "de") or _compound(w, "de")


_MARKET_PLURAL = frozenset("gaben legten verloren stiegen fielen notierten schlossen kletterten sanken zogen büßten gewannen verteuerten "
                           "verbilligten rutschten erhöhten ermäßigten lagen standen tendierten sackten brachen notieren".split())
_ECON_VERBS = frozenset("produzierte produziert erlöste erlöst beschäftigt beschäftigte fertigt fertigte verbuchte expandiert expandierte "
                        "erwirtschaftete erwirtschaftet vertreibt vertrieb".split())
_ECON_NOUNS = frozenset("Kunde Kunden Aktien Aktionäre Aktionär Umsatz Umsätze Gewinn Gewinne Übernahme Konkurrent Konkurrenten Tochter "
                        "Muttergesellschaft Mutterkonzern Börsengang Vorstand Aufsichtsrat Belegschaft Großaktionär Markteinführung".split())


_TAXON_ENDS = ("iformes", "idae", "inae", "aceae", "oidea", "ales")
_LATIN_ENDS = ("us", "um", "a", "is", "ae", "i", "ii", "ensis", "oides")


def _taxon(text: str, x: Any) -> bool:
    """A genus before its species' epithet ("Bradypus variegatus") or a taxon ("Lepisosteiformes")."""
    w = text[x.start:x.end]
    if " " in w:
        return False
    if w.endswith(_TAXON_ENDS) and len(w) > 7:
        return True
    nx = _TOKEN.match(text, x.end + 1) if text[x.end:x.end + 1] == " " else None
    ep = nx.group(0) if nx else ""
    return len(ep) > 4 and ep.isalpha() and ep.islower() and ep.endswith(_LATIN_ENDS) and not _known(ep, "de") and "(" in text[max(0, x.start - 3):x.start]


def _inflected_kb_word(text: str, x: Any, kb: Any) -> bool:
    """"Zeiten" is no form of "Zeit": a knowledge-base organisation matched with an ending where the
    form is an ordinary German word."""
    w = text[x.start:x.end]
    ent = kb.entities.get(x.eid) if kb is not None else None
    if not ent or " " in w:
        return False
    if any(w in ns for ns in (ent.get("names") or {}).values()):
        return False  # one of its names (s16: a test per language's list, no set of all its names built per mention)
    return (ent.get("acronym") or "") != w and (_known_lower(w, "de") or _known(w.lower(), "de"))


_EXP_LINKS = frozenset("für der des zur zum von vom und in im auf of the and for on de la du des et del y deutscher deutschen".split())


def _initials_fit(acr: str, words: list[str]) -> bool:
    caps = [w for w in words if w[:1].isupper()]
    if len(caps) < 2 or caps[0][0] != acr[0]:
        return False
    k = 0
    up = acr.upper()
    for w in caps:
        k = up.find(w[0].upper(), k)
        if k < 0:
            return False
        k += 1
    return True


def _expansions(text: str, out: list, make: Callable[..., Any]) -> list:
    """"Nordischen Wetterberatung ( NWB )": the words an organisation's abbreviation abbreviates,
    right before it in brackets, are its name (their initials in order in the abbreviation)."""
    ix = _Ms(out)
    for x in out:
        if x.etype != "organization" or not _guess(x):
            continue
        acr = text[x.start:x.end]
        if not (2 <= len(acr) <= 8 and acr[:1].isupper() and acr.isalpha() and sum(c.isupper() for c in acr) >= 2):
            continue
        a = x.start
        while a > 0 and text[a - 1] == " ":
            a -= 1
        if a == 0 or text[a - 1] != "(":
            continue
        toks: list[tuple[str, int]] = []
        k = a - 1
        while len(toks) < 10:
            w, wi = _prev_token(text, k)
            if not w or not (w[:1].isupper() or w in _EXP_LINKS) or w[-1:] in ",.;:)\"“”»«":
                break
            toks.insert(0, (w, wi))
            if _sentence_initial(text, wi):
                break
            k = wi
        while toks and toks[-1][0] in _EXP_LINKS:
            toks.pop()
        for i in range(len(toks) - 1):
            if toks[i][0] in _EXP_LINKS:
                continue
            if _initials_fit(acr, [w for w, _ in toks[i:]]):
                s, e = toks[i][1], toks[-1][1] + len(toks[-1][0])
                over = ix.over(s, e)
                if any(x2.start < s or x2.end > e or (x2.etype == "person" and not _guess(x2))
                       or (x2.etype in ("organization", "group") and (x2.start, x2.end) == (s, e)) for x2 in over):
                    break
                _enclose(ix, over, s, e, text, make)
                break
    return ix.live()


_HYPH_TAIL = re.compile(r"-([A-ZÄÖÜ]\w*)(?![\w-])")  # the hyphen first: the regex skips to hyphens


def _given(w: str) -> bool:
    return fold(w) in de_given_names() or w in de_given_names()


def _media_compounds(text: str, out: list, d: _Data, make: Callable[..., Any]) -> list:
    """"ARD-Nachtmagazin", "FAZ-Online", "KX-Magazin": a name (no German noun) hyphened to a media noun;
    "Anna-Vogel-Gymnasium", "Robert-Koch-Institut": names hyphened to an institution noun."""
    ix = _Ms(out)
    ends = d.media_compounds + d.named_institutions
    for m in _HYPH_TAIL.finditer(text):
        last = m.group(1).lower()
        if not last.endswith(ends):
            continue
        i = m.start()
        while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "-_"):
            i -= 1
        if not text[i:i + 1].isupper():
            continue
        parts = text[i:m.end()].split("-")
        if not all(p[:1].isupper() for p in parts):
            continue
        first = parts[0]
        if len(parts) == 2 and last.endswith(d.media_compounds):
            if len(first) < 2 or not first.isupper() and (_noun(first) or _known_lower(first, "de")):
                continue
        elif last.endswith(d.named_institutions):
            # "Anna-Vogel-Gymnasium": the parts before the institution are names, not nouns ("Sport-Gymnasium")
            if not (len(parts) > 2 and _given(parts[0])) and \
                    any(_noun(p) and p not in _name_like("de") or _known_lower(p, "de") or len(p) < 2 for p in parts[:-1]):
                continue  # a given name opens a person's name ("Anna-Vogel-": Vogel is also a noun)
        else:
            continue
        s, e = i, m.end()
        over = ix.over(s, e)
        if any(x.start < s or x.end > e or (x.etype in ("organization", "group") and (x.start, x.end) == (s, e))
               or (not _guess(x) and x.etype in ("person", "country", "place")) for x in over):
            continue  # "US-Zeitung": a country's paper, no name
        _enclose(ix, over, s, e, text, make)
    return ix.live()


@lru_cache(maxsize=1)
def _appo_nouns() -> tuple[str, ...]:
    """The German nouns of kinds of organisation (``apposition_org`` of ``mentions.yaml``'s ``capnames_de``)."""
    return tuple(str(x).lower() for x in (mentions_data("de").get("capnames_de") or {}).get("apposition_org") or [])


_POST_APPO = re.compile(r" , (?:der|die|das) (?:[a-zäöüß]+(?:e|en|er|es|ste|sten) ){1,3}([A-ZÄÖÜ][\w-]*)")


def _econ_subjects(text: str, out: list, make: Callable[..., Any]) -> list:
    """A lone guessed person that trades on the market ("X gaben um 2 Prozent nach": shares take a
    plural verb), produces or sells ("X produzierte …", "X erlöste …", inverted "erlöste X …") or owns customers and
    shares ("ein Kunde von X") is a company."""
    res = []
    for x in out:
        if x.etype == "person" and x.kind == "cap" and (" " not in text[x.start:x.end] or text.startswith(" , ", x.end)) \
                and (not text[x.start:x.end].endswith("s") or _prev_token(text, x.start)[0] in _ECON_VERBS):
            nx = _TOKEN.match(text, x.end + 1) if text[x.end:x.end + 1] == " " else None
            nw = nx.group(0) if nx else ""
            pw, pi = _prev_token(text, x.start)
            ppw = _prev_token(text, pi)[0] if pw == "von" else ""
            if nw in _ECON_VERBS and text[nx.end():nx.end() + 5] == " sich":
                nw = ""  # "X beschäftigte sich mit …": a person
            ap = _POST_APPO.match(text, x.end) if text.startswith(" , ", x.end) else None
            if ap and ap.group(1).lower().endswith(_appo_nouns()):
                nw = "gaben"  # "X , der größte Softwarehersteller …": a company
            if pw in _ECON_VERBS and nw != "sich" and (not pw.startswith("produz") or nw.lower() not in _DETERMINERS):
                nw = "gaben"  # "erlöste X mehr als …", "produzierte X Bauteile" (a producer of a film takes its article)
            if nw in _MARKET_PLURAL or nw in _ECON_VERBS or ppw in _ECON_NOUNS:
                res.append(make(x.start, x.end, "organization", text[x.start:x.end]))
                continue
        res.append(x)
    return res


_TOWN_HEADS = frozenset("Verlag Verlags Hochschule Universität Klinik Klinikum Theater Oper Museum Bibliothek Philharmonie Sparkasse "
                        "Volksbank Stadtwerke Zoo Messe".split())
_FRACTION = re.compile(r"Fraktion(?:en)? der ((?:[A-ZÄÖÜ][a-zäöüß]+(?:e|en|er) )*[A-ZÄÖÜ][\w-]*)(?![\w-])")


def _fractions(text: str, out: list, make: Callable[..., Any]) -> list:
    """"die Fraktion der Freisinnigen": a parliamentary group is named after its party."""
    ix = _Ms(out)
    for m in _FRACTION.finditer(text):
        s, e = m.span(1)
        if _noun(m.group(1)) and " " not in m.group(1):
            continue  # "Fraktion der Partei"
        over = ix.over(s, e)
        if any(x.start < s or x.end > e or x.etype in ("organization", "group") and (x.start, x.end) == (s, e)
               or (not _guess(x) and x.etype == "person") for x in over):
            continue
        _enclose(ix, over, s, e, text, make)
    return ix.live()


def _town_of(w: str, kb: Any) -> bool:
    """A town of the German-speaking countries of 10,000 or more named ``w`` (its own name)."""
    hit = _home_town(w, kb)
    return hit is not None and hit[1] >= 10_000


def _adjacent(text: str, out: list, d: _Data, make: Callable[..., Any], kb: Any = None) -> list:
    """"Fraunhofer XYZ": an institute's acronym after its society;
    "Pharmazeutischen Hochschule": an adjective before an institution head is part of its name."""
    ix = _Ms(out)
    for x in out:
        if x.etype != "organization" or id(x) in ix.dead:  # ``ix.alive(x)`` for a mention of ``out`` (no index built)
            continue
        w = text[x.start:x.end]
        if w == "Fraunhofer":
            nx = _TOKEN.match(text, x.end + 1) if text[x.end:x.end + 1] == " " else None
            if nx and nx.group(0).isupper() and 2 <= len(nx.group(0)) <= 6:
                e = nx.end()
                ix.drop(ix.over(x.start, e))
                ix.add(make(x.start, e, "organization", text[x.start:e]))
            continue
        last = w.split()[-1]
        if last in _TOWN_HEADS:
            # "Ostfriesischen Verlag Aurich", "Universität Wien": an institution followed by its town
            nxt = [y for y in ix.at(x.end + 1) if y.etype == "place" and not _guess(y) and " " not in text[y.start:y.end]]
            if nxt and text[x.end:x.end + 1] == " ":
                y = nxt[0]
                ix.drop([x, y])
                ix.add(make(x.start, y.end, "organization", text[x.start:y.end]))
                continue
            t = _TOKEN.match(text, x.end + 1) if kb is not None and text[x.end:x.end + 1] == " " else None
            if t and t.group(0)[:1].isupper() and t.group(0)[1:].isalpha() and not ix.over(t.start(), t.end()) \
                    and _town_of(t.group(0), kb):
                # "Verlag Kiel": a town whose name is a German word (the matcher left it) after an institution
                ix.drop([x])
                ix.add(make(x.start, t.end(), "organization", text[x.start:t.end()]))
                continue
        first = w.split()[0]
        if first in d.head_words or first in ("Verlag", "Theater", "Klinik", "Klinikum", "Museum", "Bibliothek", "Oper"):
            prev, pi = _prev_token(text, x.start)
            if prev[:1].isupper() and prev.isalpha() and prev.endswith(("e", "en", "es", "er")) and prev not in ("Der", "Die", "Das", "Dem", "Den", "Des") \
                    and not _sentence_initial(text, pi) and not any(y.start < x.start for y in ix.over(pi, x.start + 1)):
                ix.drop([x])
                ix.add(make(pi, x.end, "organization", text[pi:x.end]))
    return ix.live()


def _search(d: _Data, text: str) -> list[tuple[int, int, int]]:
    """(pattern, start, end) in characters of every (overlapping) match of the four lists (``d`` is
    :func:`_data`, whose patterns ``literals_de`` searches)."""
    return org_matches(text)


_NAME_W = r"[A-ZÄÖÜ][\w'’.-]*"
_PART = r"(?:(?:de|van|von|der|den|la|le|du)[^\S\n]+)*"
# "Meier & de Vries", "Simon & Schuster", "Hölscher , Wendt und Partner", "Pratt , Whitley and Roe": the names
# before the conjunction (searched backwards from it) and after it (matched forwards)
_FIRM_LEFT = re.compile(r"(?<![\w'’.-])(" + _NAME_W + r"(?:[^\S\n]+" + _NAME_W + r"){0,2}(?:[^\S\n]*,[^\S\n]*" + _PART + _NAME_W
                        + r"){0,3})$")
_FIRM_RIGHT = re.compile(r"(" + _PART + _NAME_W + r"(?:[^\S\n]+" + _NAME_W + r"){0,2})(?![\w'’-])")
_FIRM_CONJ = (" & ", " and ", " und Partner", " und Söhne", " und Sohn", " und Co")


def _firm_matches(text: str):
    """(start, end, left, conjunction, right) of every founders' name around " & ", " and " and " und " before a
    firm's tail ("und Partner")."""
    lit = doc_literals(text)
    for marker in _FIRM_CONJ:
        if marker not in lit:
            continue  # (s13: one scan for the six markers, literals_de)
        conj = marker if marker[1] != "u" else " und "
        i = text.find(marker)
        while i >= 0:
            j = i + len(conj)
            r = _FIRM_RIGHT.match(text, j)
            if r and (conj != " und " or r.group(1).split()[-1] in _FIRM_TAILS):
                lm = _FIRM_LEFT.search(text, max(0, i - 120), i)
                if lm:
                    yield lm.start(1), r.end(1), lm.group(1), conj.strip(), r.group(1)
            i = text.find(marker, j)


_FIRM_TAILS = frozenset("Partner Partners Söhne Sohn Sons Co Co. Company Associates".split())


def _firm_names(text: str, out: list, make: Callable[..., Any]) -> list:
    """Firms named by their founders: names joined by "&" ("Meier & de Vries", "Simon & Schuster"),
    a list of surnames closed by "und Partner" or "& Söhne" ("Hölscher , Wendt und Partner"), and English
    "X , Y and Z" in German text ("Pratt , Whitley and Roe"), none of whose words is a word of the
    dictionaries; around "&" one name that is no word is enough. German prose joins persons with "und", not "&"; a legal form after it is left to the
    legal-form step. Only guessed mentions (no knowledge-base name) inside it are replaced."""
    ix = None
    for s, e, left, conj, right in sorted(_firm_matches(text)):
        lw = left.replace(",", " ").split()
        while len(lw) > 1 and (lw[0] in _ADJ_STOP or _noun(lw[0]) or _compound_noun(lw[0])
                               or "," not in left and _known(lw[0], "de")):  # "Büro X & Y"; a list is all founders
            s = text.index(lw[1], s + len(lw[0]))
            lw = lw[1:]
        if not lw or s >= e:
            continue
        rw = right.split()
        if conj != "&":
            if rw[-1] in _FIRM_TAILS:
                pass
            elif conj == "and" and "," in left and not any(_plain_word(w) for w in lw + rw if w[:1].isupper()):
                pass
            else:
                continue
        elif all(_plain_word(w) for w in lw + rw if w[:1].isupper() and w not in _FIRM_TAILS):
            continue  # "Forschung & Entwicklung", "Tee & Kaffee": words, not founders' names ("Herzog & X" is a firm)
        if ix is None:
            ix = _Ms(out)
        over = ix.over(s, e)
        if any(x.start < s or x.end > e or not _guess(x) or x.etype not in ("person", "organization", "place") for x in over):
            continue
        ix.drop(over)
        ix.add(make(s, e, "organization", text[s:e]))
    return out if ix is None else ix.live()


@lru_cache(maxsize=65536)
def _compound_noun(w: str) -> bool:
    """"Ingenieurbüro", "Frachtreederei": a compound of a word stem and a common noun."""
    if len(w) < 9 or not w[1:].islower() or w.endswith("er"):
        return False
    get = _dictionary("de").get  # the tail a dictionary noun (names-like ones too: "Büro"), the head a word stem
    # s15: get(x) is not None, not "x in d" (Mapping.__contains__ raises and catches a KeyError on a miss)
    return any(get(w[k].upper() + w[k + 1:]) is not None and _word_stem(w[:k]) for k in range(4, len(w) - 3))


@lru_cache(maxsize=65536)
def _plain_word(w: str) -> bool:
    """A word of the German or English dictionary (not a name): "Forschung", "Entwicklung", "Style"."""
    w = w.rstrip(".").split("-")[-1]
    return _noun(w) or _known_lower(w, "de") or _known(w.lower(), "en") and not _known(w, "de")


def _lead_nouns(text: str, out: list, d: _Data, make: Callable[..., Any]) -> list:
    """"Frachtreederei X Y NV", "Obstbaubetrieb X Y Winery": a compound common noun of a firm's kind
    (``lead_kinds``) opening a guessed organisation that a suffix or legal form closes is the kind of firm,
    not part of its name (the organisation is the rest, two words or more)."""
    ends = _lead_ends(d.legal_forms)
    res = None
    for m in out:
        if m.etype != "organization" or m.kind != "cap":
            continue
        toks = text[m.start:m.end].split()
        if len(toks) < 3 or toks[-1].rstrip(".") not in ends and "&" not in toks:
            continue
        t0 = toks[0]
        if not t0.lower().endswith(d.lead_kinds) or not _compound_noun(t0):
            continue
        s = m.start + len(t0)
        while text[s] == " ":
            s += 1
        if res is None:
            res = list(out)
        res[res.index(m)] = make(s, m.end, "organization", text[s:m.end])
    return out if res is None else res


_SUFFIX_ENDS = frozenset("Winery Line Inc Ltd Corp Limited Group Holding Holdings".split())


@lru_cache(maxsize=2)
def _lead_ends(forms: tuple[str, ...]) -> frozenset[str]:
    return _SUFFIX_ENDS.union(x.rstrip(".") for x in forms)


_ACRONYM = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,7}")
_NUMBER_WORDS = frozenset("zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig hundert".split())


def _acronym_modifiers(text: str, out: list) -> list:
    """A guessed organisation written as an acronym that a number follows ("KXR 4", "Typ XB 4") or an ordinal
    or a number word precedes ("3. KXR", "neun VTB"): a type, unit or model, not an organisation (a known
    one is left alone)."""
    res = None
    for m in out:
        if m.etype != "organization" or not m.eid.startswith("new:") or m.kind not in ("pattern", "cap"):
            continue
        w = text[m.start:m.end]
        if not _ACRONYM.fullmatch(w):
            continue
        nx = _TOKEN.match(text, m.end + 1) if text[m.end:m.end + 1] == " " else None
        nw = nx.group(0) if nx else ""
        pw = _prev_token(text, m.start)[0]
        if not (nw[:1].isdigit() or pw[:1].isdigit() and pw.endswith(".") or pw.lower() in _NUMBER_WORDS):
            continue
        if res is None:
            res = list(out)
        res.remove(m)
    return out if res is None else res


_POSSESSIVE = frozenset("sein seine seiner seinem seinen seines ihr ihre ihrer ihrem ihren ihres unser unsere unserer unserem "
                        "unseren euer eure mein meine meiner meinem meinen dein deine".split())


def _described_heads(text: str, out: list) -> list:
    """A guessed organisation opening with a common noun right after a possessive or a number ("seine Partei
    zur Ruhe", "12 Wochen Urlaub"): the noun is a description ("his party", "12 weeks"), the rest no name."""
    res = None
    for m in out:
        if m.etype != "organization" or not m.eid.startswith("new:") or m.kind not in ("pattern", "cap"):
            continue
        pw = _prev_token(text, m.start)[0]
        if not (pw.lower() in _POSSESSIVE or pw.isdigit()):
            continue
        first = text[m.start:m.end].split(" ", 1)[0]
        if not (first[1:].islower() and _noun(first)):
            continue
        if res is None:
            res = list(out)
        res.remove(m)
    return out if res is None else res


_FOREIGN_TOK = re.compile(r"[^\S\n]+([^\W\d_][\w'’]*)")


def _foreign_orgs(text: str, out: list, d: _Data, make: Callable[..., Any]) -> list:
    """"Compagnia Navale Sarda", "Fédération wallonne", "Banco de la Nación": an Italian, French, Spanish or
    Portuguese organisation head (``foreign_org_heads``) with the words after it: capitalised words,
    Romance particles and lower-case words no German dictionary knows. At least one word must follow
    that is no particle; the name ends before a particle with nothing after it. Heads that are German words
    too (Union, Institut) are not listed; a German noun or verb after the head ends the name, and lower-case
    words need a Romance shape (an accent or ending)."""
    rx = _foreign_rx(d.foreign_heads)
    if rx is None:
        return out
    lit = doc_literals(text)
    if d.foreign_heads.isdisjoint(lit):  # (the dict's keys: one C loop, s14)
        return out  # no head in the text (s13: from the document's one scan of literals; the regex tried every capital)
    ix = None
    for hm in rx.finditer(text):
        s, e0 = hm.span()
        if s > 0 and (text[s - 1].isalnum() or text[s - 1] in "-_"):
            continue
        last_word = e0
        pos = e0
        n = 0
        while True:
            t = _FOREIGN_TOK.match(text, pos)
            if not t:
                break
            w = t.group(1)
            if w in d.foreign_particles or w.rstrip("'’") + "'" in d.foreign_particles:
                pos = t.end()
                continue
            k = max(w.find("'"), w.find("’"))
            if 0 < k < 5 and w[:k] + "'" in d.foreign_particles and len(w) > k + 1:
                w = w[k + 1:]  # "d'Enregistrement", "dell'Arte": the word after the elided particle
            if w[:1].isupper():
                if w in _ADJ_STOP or _known(w, "de") and w not in _name_like("de") and not _romance_shape(w):
                    break  # "der Banque die Kreditlinie": a German noun
            elif _known_lower(w, "de") or _known(w, "de") or len(w) < 3 or not _romance_shape(w):
                break  # "Banque zurückzahlen": a German verb
            pos = last_word = t.end()
            n += 1
            if n >= 8:
                break
        if n == 0:
            continue
        e = last_word
        if ix is None:
            ix = _Ms(out)
        over = ix.over(s, e)
        if any(x.start < s or x.end > e or not _guess(x) and x.etype not in ("country", "place") for x in over):
            continue
        if any(x.etype == "organization" and (x.start, x.end) == (s, e) for x in over):
            continue
        ix.drop([x for x in over if _guess(x)])  # a known country or place inside keeps its mention ("Banco de España")
        ix.add(make(s, e, "organization", text[s:e]))
    return out if ix is None else ix.live()


def _romance_shape(w: str) -> bool:
    """An accent or a Romance ending ("romande", "gérant", "Navale", "International"); no German -en/-er."""
    lw = w.lower()
    return any(ch in "àáâãçèéêëìíîïñòóôõùúû" for ch in lw) or lw.endswith(("a", "e", "i", "o", "al", "ux", "os", "as", "es", "is", "ne")) \
        and not lw.endswith(("en", "er", "ung", "heit", "keit"))


@lru_cache(maxsize=2)
def _foreign_rx(heads: frozenset[str]) -> re.Pattern | None:
    # literal alternatives: the regex engine skips to their first capitals
    return re.compile("(?:" + "|".join(map(re.escape, sorted(heads, key=len, reverse=True))) + r")(?![\w'’-])") if heads else None


_NUM_PREFIX = re.compile(r"\d+(?:st|nd|rd|th|[A-Z]{1,3})")


def _numbered_names(text: str, out: list, make: Callable[..., Any]) -> list:
    """"9th Air Force", "9th AF", "4K Nordic Media Systems": an English ordinal or a brand of digits
    and capitals right before a guessed organisation belongs to its name."""
    res = None
    for m in out:
        if m.etype != "organization" or not m.eid.startswith("new:"):
            continue
        pw, pi = _prev_token(text, m.start)
        if not pw or not pw[0].isdigit() or not _NUM_PREFIX.fullmatch(pw):
            continue
        if res is None:
            res = list(out)
        res[res.index(m)] = make(pi, m.end, "organization", text[pi:m.end])
    return out if res is None else res


def _exclaimed_names(text: str, out: list, kb: Any) -> list:
    """"Yahoo !": an organisation whose name ends in an exclamation mark (a name form of the knowledge base,
    "Yahoo!") takes the mark written after it, with or without a space. Round seven."""
    res = None
    for k, m in enumerate(out):  # the position at hand (s12: no rescan of the list per hit)
        if m.etype != "organization" or m.kind != "name" or text[m.end:m.end + 3].lstrip(" ")[:1] != "!":
            continue
        ent = kb.entities.get(m.eid) or {}
        base = text[m.start:m.end]
        if not any(n.endswith("!") and n[:-1].rstrip() == base for ns in (ent.get("names") or {}).values() for n in ns):
            continue
        e = text.index("!", m.end) + 1
        if res is None:
            res = list(out)
        res[k] = replace(m, end=e)
    return out if res is None else res


_NEXT_TOK = re.compile(r"[^\S\n]+([\w][\w.-]*)")
_MODEL = re.compile(r"(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z0-9-]{2,7}")  # "A380", "D3A", "X5", "4xx"
_MODEL_NUMBER = re.compile(r"\d{2,3}")  # "208", "747" (no year, no club's "04")


def _products(text: str, out: list) -> list:
    """"Airbus A380", "BMW X5", "Boeing 747", "Vexor Lanza 50": a maker's name before a model's
    designation (letters and digits, or a number, right after it or after one capitalised model word) names a
    product, not the organisation: no organisation mention. A number alone counts after a known maker only,
    of three digits and not before a noun ("Siemens 300 Stellen"). Round seven."""
    res = None
    for m in out:
        if m.etype != "organization" or m.kind not in ("name", "acr", "cap", "pattern"):
            continue
        w = text[m.start:m.end]
        last = w.rsplit(None, 1)[-1]
        drop = [m] if m.kind == "cap" and " " in w and _MODEL.fullmatch(last) and not last.isdigit() else None
        if drop is None:
            t1 = _NEXT_TOK.match(text, m.end)
            if t1 is None:
                continue
            a = t1.group(1)
            if _MODEL.fullmatch(a) and not a.isdigit():
                drop = [m]
            elif a.isdigit() and _MODEL_NUMBER.fullmatch(a) and len(a) == 3 and m.kind in ("name", "acr"):
                t2 = _NEXT_TOK.match(text, t1.end())
                if t2 is None or not t2.group(1)[:1].isupper():
                    drop = [m]
            elif a[:1].isupper() and a.isalpha():
                t2 = _NEXT_TOK.match(text, t1.end())
                b = t2.group(1) if t2 else ""
                if t2 and (_MODEL.fullmatch(b) and not b.isdigit() or b.isdigit() and _MODEL_NUMBER.fullmatch(b)):
                    t3 = _NEXT_TOK.match(text, t2.end())
                    if not (t3 and t3.group(1)[:1].isupper() and b.isdigit()):
                        drop = [m] + [x for x in out if x.start == t1.start(1) and x.end <= t1.end()]
        if drop:
            res = [x for x in (out if res is None else res) if not any(x is y for y in drop)]
    return out if res is None else res


def _english_articles(text: str, out: list) -> list:
    """"The Silver Harbour Band", "The Oakfield School": an English name quoted in German text keeps its article;
    German text writes no capitalised "The" but as part of a name. Round seven."""
    res = None
    for m in out:
        if m.etype != "organization" or m.start < 4 or text[m.start - 4:m.start] != "The " \
                or (m.start > 4 and (text[m.start - 5].isalnum() or text[m.start - 5] == "-")):
            continue
        cur = out if res is None else res
        if any(x.start < m.start and m.start - 4 < x.end for x in cur):
            continue
        if res is None:
            res = list(out)
        k = next(n for n, x in enumerate(res) if x is m)
        res[k] = replace(m, start=m.start - 4)
    return out if res is None else res


_QUOTE_CHANGE = re.compile(r"([A-ZÄÖÜ][\w&.-]*(?:[^\S\n]+[A-ZÄÖÜ][\w&.-]*){0,2})[^\S\n]*\([^\S\n]*[+−-][^\S\n]*\d+(?:[,.]\d+)?[^\S\n]*%[^\S\n]*\)")


def _quoted_shares(text: str, out: list, make: Callable[..., Any]) -> list:
    """"Veltrax (-1,8% )", "Kruso ( +2,3 % )": a name with its share price's change in brackets is a listed
    company (market reports); a guessed person or place or no mention there becomes the organisation. Found
    from "%)" (str.find) and matched back from the bracket. Round seven."""
    res = None
    i = text.find("%")
    while i >= 0:
        j = i + 1
        while j < len(text) and text[j] in " \t":
            j += 1
        if text[j:j + 1] == ")":
            b = text.rfind("(", max(0, i - 20), i)
            a = max(text.rfind("\n", 0, b) + 1, b - 80)
            m = None
            for m in _QUOTE_CHANGE.finditer(text, a, j + 1):
                pass
            if b > 0 and m is not None and m.end() == j + 1:
                s, e = m.span(1)
                for t in re.finditer(r"\S+", text[s:e]):
                    if not (_known_lower(t.group(), "de") or _common_word(t.group())):
                        s += t.start()
                        break
                else:
                    s = e  # "Die Quote": words, no name
                cur = out if res is None else res
                over = [x for x in cur if x.start < e and s < x.end]
                if s < e and all(x.start >= s and x.end <= e and x.kind == "cap" and x.etype in ("person", "place") for x in over):
                    res = [x for x in cur if not any(x is y for y in over)] + [make(s, e, "organization", text[s:e])]
        i = text.find("%", i + 1)
    return out if res is None else res


def _bracketed_acronyms(text: str, out: list) -> list:
    """"Canadian Aid Forum ( CAF )", "Nordische Wetterberatung ( NWB )": an abbreviation in brackets right
    after an organisation's name whose initials it takes in order is that organisation, even where the knowledge
    base knows the letters as a country's or place's code. Round seven."""
    res = None
    for x in out:
        if x.etype not in ("country", "place") or x.kind not in ("acr", "name"):
            continue
        acr = text[x.start:x.end]
        if not (2 <= len(acr) <= 8 and acr.isalpha() and acr.isupper()):
            continue
        a = x.start
        while a > 0 and text[a - 1] == " ":
            a -= 1
        if a == 0 or text[a - 1] != "(" or text[x.end:x.end + 3].lstrip(" ")[:1] != ")":
            continue
        b = a - 1
        while b > 0 and text[b - 1] == " ":
            b -= 1
        cur = out if res is None else res
        org = next((o for o in cur if o.end == b and o.etype == "organization"), None)
        if org is None or not _initials_fit(acr, text[org.start:org.end].split()):
            continue
        if res is None:
            res = list(out)
        k = next(n for n, y in enumerate(res) if y is x)
        res[k] = replace(x, eid=org.eid, etype="organization", kind="acr", name=org.name, country=org.country)
    return out if res is None else res


def refine_orgs_de(text: str, mentions: list, kb: Any, make: Callable[..., Any]) -> list:
    """The German organisation pass (see the module's docstring); ``make(s, e, type, surface)``
    builds a new mention."""
    d = _data()
    found: tuple[list, list, list, list] = ([], [], [], [])
    kinds = d.all_kinds
    for pidx, s, e in _search(d, text):
        for k, i in kinds[pidx]:
            found[k].append((i, s, e))
    out = _not_orgs(text, mentions, d, kb, make)
    if found[0]:
        out = _known_names(text, out, kb, d, make, found[0])
    if found[1]:
        out = _tails(text, out, d, make, found[1], found[0])
    if found[2]:
        out = _adj_phrases(text, out, d, make, found[2])
    out = _econ_subjects(text, out, make)
    out = _foreign_orgs(text, out, d, make)
    out = _firm_names(text, out, make)
    if "-" in text:
        out = _media_compounds(text, out, d, make)
    if "(" in text:
        out = _expansions(text, out, make)
        out = _bracketed_acronyms(text, out)
    out = _adjacent(text, out, d, make, kb)
    lit = doc_literals(text)  # the rare literals in one scan: each "x in lit" is "x in text" (s13)
    if "Fraktion" in lit:
        out = _fractions(text, out, make)
    if found[3]:
        out = _legal_forms(text, out, d, make, found[3])
    out = _lead_nouns(text, out, d, make)
    out = _acronym_modifiers(text, out)
    out = _described_heads(text, out)
    out = _numbered_names(text, out, make)
    if "!" in text:
        out = _exclaimed_names(text, out, kb)
    out = _products(text, out)
    if "%" in text:
        out = _quoted_shares(text, out, make)
    if "The " in lit:
        out = _english_articles(text, out)
    return out
