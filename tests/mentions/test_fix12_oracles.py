"""Review fixes (s12): the bisected lookups give what the old scans of the whole mention list gave. Each old scan
is written out here as the oracle; the documents are invented (or random spans)."""

from __future__ import annotations

import random
import re
from datetime import datetime, timezone

from communique.documents import Document
from communique.mentions import roles
from communique.mentions.common import Mention
from communique.mentions.orgs_de import _exclaimed_names
from communique.mentions.persons_de import _swap, _swap_in
from communique.mentions.places_de import named_sites
from communique.mentions.places_ru import _end_within
from communique.mentions.spanindex import LatestBefore, SpanIndex
from communique.normalize import normalize


def _random_mentions(rng: random.Random, n: int, size: int = 300) -> list[Mention]:
    kinds = ("cap", "name", "sur", "given", "title")
    out = []
    for _ in range(n):
        s = rng.randrange(size)
        out.append(Mention(s, s + rng.randrange(1, 12), f"new:person/{rng.randrange(50)}", rng.choice(kinds),
                           rng.choice(("person", "place", "organization"))))
    return out


def test_span_index_answers_as_the_list_scans():
    rng = random.Random(12)
    for _ in range(30):
        ms = _random_mentions(rng, rng.randrange(0, 40))
        idx = SpanIndex(ms)
        ref = list(ms)
        for _ in range(40):
            s = rng.randrange(300)
            e = s + rng.randrange(0, 15)
            assert [id(x) for x in idx.over(s, e)] == [id(x) for x in ref if x.start < e and s < x.end]
            assert idx.overlaps(s, e) == any(x.start < e and s < x.end for x in ref)
            assert [id(idx.get(k)) for k in idx.starting_at(s)] == [id(x) for x in ref if x.start == s]
            op = rng.randrange(3)
            if op == 0 and ref:  # replace a mention by a longer one in its place
                m = rng.choice(ref)
                new = Mention(max(0, m.start - 3), m.end, m.eid, m.kind, "place")
                idx.replace(idx.key_of(m), new)
                ref[next(n for n, x in enumerate(ref) if x is m)] = new
            elif op == 1 and ref:
                m = rng.choice(ref)
                idx.remove(idx.key_of(m))
                ref = [x for x in ref if x is not m]
            else:
                new = _random_mentions(rng, 1)[0]
                idx.append(new)
                ref.append(new)
        assert [id(x) for x in idx.items()] == [id(x) for x in ref] and len(idx) == len(ref)


def test_swap_in_place_as_the_rebuilt_list():
    rng = random.Random(7)
    for _ in range(200):
        ms = _random_mentions(rng, rng.randrange(1, 30), size=120)
        ref, idx = list(ms), SpanIndex(ms)
        for _ in range(10):
            s = rng.randrange(120)
            e = s + rng.randrange(1, 25)
            new = Mention(s, e, "new:person/x", "cap", "person")
            got = _swap(ref, s, e, new)
            assert _swap_in(idx, s, e, new) == (got is not None)
            if got is not None:
                ref = got
        assert [id(x) for x in idx.items()] == [id(x) for x in ref]


def test_end_within_as_the_scan():
    rng = random.Random(3)
    for _ in range(500):
        ends = sorted({rng.randrange(100) for _ in range(rng.randrange(0, 12))})
        a = rng.randrange(100)
        b = a + rng.randrange(0, 10)
        assert _end_within(ends, a, b) == any(a < e <= b for e in ends)


def test_latest_before_as_the_reversed_scan():
    rng = random.Random(5)
    for _ in range(300):
        ms = _random_mentions(rng, rng.randrange(0, 25), size=80)
        test = lambda m: m.kind in ("cap", "sur")  # noqa: E731
        lb = LatestBefore([(m.end, n) for n, m in enumerate(ms) if test(m)])
        for s in range(0, 95, 7):
            old = next((p for p in reversed([p for p in ms if p.end <= s]) if test(p)), None)
            n = lb.at(s)
            assert (None if n is None else ms[n]) is old


def _old_named_sites(text, out, make, heads):
    """The pass before s12 (a rescan of the list per hit), without the adjective test."""
    res = None
    for h in heads:
        i = text.find(h + " ")
        while i >= 0:
            j = i + len(h) + 1
            if i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "-"):
                cur = out if res is None else res
                nxt = [m for m in cur if m.start == j]
                if len(nxt) == 1 and not any(m.start < j and i < m.end for m in cur):
                    m = nxt[0]
                    w = text[m.start:m.end]
                    if " " not in w and "-" not in w and text[m.end:m.end + 1] not in ("-", "/") and (m.etype == "place" or m.etype == "person" and m.kind == "cap") \
                            and not any(x is not m and x.start < m.end and m.start < x.end for x in cur):
                        if res is None:
                            res = list(out)
                        k = next(n for n, x in enumerate(res) if x is m)
                        res[k] = make(i, m.end, "place", text[i:m.end]) if m.eid.startswith("new:") else \
                            Mention(i, m.end, m.eid, m.kind, "place")
            i = text.find(h + " ", j)
    return out if res is None else res


def test_named_sites_as_the_old_pass():
    from communique.mentions.places_de import _named_site_heads

    def make(s, e, etype, name):
        return Mention(s, e, f"new:{etype}/{name}", "cap", etype)

    parts = ["Stau am Kreuz Bonn , ", "ein Fest im Schlosspark Kelsdorf , ", "Sperrung am Dreieck Ostwald-Nord , ",
             "Wege im Kurpark Berg/Tal , ", "Kreuz Weiler Mitte , ", "das Autobahnkreuz Heide ist frei , "]
    rng = random.Random(11)
    for _ in range(40):
        text = "".join(rng.choice(parts) for _ in range(rng.randrange(1, 8)))
        out = []
        for m in re.finditer(r"(?<=[a-z] )[A-ZÄÖÜ][\w/-]*", text):
            if m.group() in _named_site_heads():
                continue
            etype = rng.choice(("place", "person", "organization"))
            eid = "gn:1" if etype == "place" and rng.random() < 0.5 else f"new:{etype}/x"
            out.append(Mention(m.start(), m.end(), eid, rng.choice(("cap", "name")), etype))
        rng.shuffle(out)
        old = _old_named_sites(text, out, make, _named_site_heads())
        new = named_sites(text, out, make)
        assert new == old


class _KB:
    entities = {"kb:org/zipp": {"names": {"de": ["Zipp!"]}}, "kb:org/plain": {"names": {"de": ["Plain"]}}}


def test_exclaimed_names_as_the_old_pass():
    text = "Zipp ! kauft Plain ! und Zipp! wächst , Zipp ! auch ."
    out = [Mention(m.start(), m.end(), "kb:org/zipp" if m.group() == "Zipp" else "kb:org/plain", "name", "organization")
           for m in re.finditer(r"Zipp|Plain", text)]
    got = _exclaimed_names(text, out, _KB())
    assert [text[m.start:m.end] for m in got] == ["Zipp !", "Plain", "Zipp!", "Zipp !"]
    assert all(g is o for g, o in zip(got, out) if text[g.start:g.end] == "Plain")


def test_context_country_on_the_near_mentions(linker):
    texts = [("ru", "Министр иностранных дел России встретился в Москве с послом Франции . Глава МИД России и министр "
                    "Казахстана говорили о границе , российский министр уехал ."),
             ("fr", "Le ministre des Affaires étrangères de la France a reçu l'ambassadeur russe à Paris . Le ministre "
                    "français et la porte-parole du ministère ont parlé ."),
             ("en", "The foreign minister of Kazakhstan met the Russian foreign minister in Astana . The minister said "
                    "the President of France would come .")]
    for lang, text in texts:
        n = normalize(text)
        doc = Document(id="t", text=text, source="test", lang=lang, published=datetime(2024, 1, 1, tzinfo=timezone.utc))
        ms = linker.find(doc, n)
        near = roles.context_mentions(ms)
        seen = 0
        for rm in re.finditer(r"(?i)министр|глава|minist\w*|porte-parole|president", n.text):
            s, e = rm.span()
            assert roles.context_country(linker.kb, n.text, s, e, near(n.text, s, e)) == \
                roles.context_country(linker.kb, n.text, s, e, ms)
            seen += 1
        assert seen >= 3
