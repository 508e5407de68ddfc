"""``communique eval ner``: precision, recall and F1 per entity type against NER gold data.

Formats and type mapping (gold type -> ours):

* ``germeval`` (GermEval 2014, outer column): PER -> PER, LOC -> LOC, ORG -> ORG; the
  ``*deriv``/``*part`` types and OTH are not scored (adjectives like "russisch" are found by
  communique as country mentions but are left out of the comparison). GermEval annotates whole
  tokens, and some of its tokens keep punctuation ("DFB." closing a sentence, ".Austal"): a predicted
  span that covers a token but for its punctuation is scored as that token (the data set's unit).
* ``conll`` (CoNLL-2002 Spanish): PER, LOC, ORG; MISC not scored. CoNLL's annotators put the quotation
  marks of a quoted name inside its span (``" El Mundo "``: 24 of the 25 quoted organisations and all 12
  quoted persons of the dev file); communique's mention is the name itself, so a predicted span that the
  quotes enclose directly is scored with them (the data set's unit, as GermEval's tokens are).
* ``factrueval`` (factRuEval-2016 objects): Person -> PER, Location and LocOrg -> LOC, Org -> ORG. An object's
  span runs from its first to its last token span; a quote it opens is closed ("ОАО «Газпром»",
  not "ОАО «Газпром"). The default requires that whole span. An organisation's object includes its descriptor
  ("партии «Яблоко»"); communique's mention is the name, and where the name follows its descriptor the
  mention records the whole phrase (``Mention.phrase_span``, the output mention's ``phrase``), which is what
  is scored for factRuEval; every other format scores the mention itself. With ``optional_descriptors``
  (``--optional-descriptors``) an object that contains descriptor spans (the data set's ``org_descr``/``loc_descr`` span types:
  "партии" in "партии «Яблоко»", "компании" in "компании Microsoft", "реки" in "реки Славянки") and a
  name span of its own type (``org_name`` for Org, ``loc_name`` for Location/LocOrg) also matches
  the span of its non-descriptor spans, quotes stripped ("Яблоко", "Microsoft", "Славянки"): the
  data set's span layer types the descriptor apart from the name and its identification layer
  records ``descriptor`` apart from ``name``; it is also the convention of NEREL and of OUTPUT.md's
  entity names, which communique follows. An object without a name span of its own ("мэрии
  Москвы": a descriptor and a place) keeps its whole span. Matching is one to one (exact spans
  first), so a name-only span is counted once, not as one FP and one FN.
* ``nerel`` (NEREL brat): PERSON -> PER; COUNTRY, CITY, STATE_OR_PROVINCE, DISTRICT, LOCATION -> LOC;
  ORGANIZATION -> ORG; nested entities are scored like any other. NEREL tags country
  adjectives ("британский") as COUNTRY, so for NEREL communique's adjective mentions count as LOC. NEREL annotates an
  organisation named after its descriptor by the name alone ("Единая Россия" in "партии «Единая Россия»"; 523 of 526
  such spans in train + dev), as communique's mentions do.
  NEREL and factRuEval annotate a country or place inside an organisation's name ("МИД России":
  ORG and, inside it, LOC "России"): communique's nested mentions (``mentions/nested.py``) are scored
  for them; GermEval (outer column read) and CoNLL have no nesting, and they are left out there. NEREL also
  annotates the head of an organisation's name a second time inside it ("Верховный суд" in "Верховный суд
  Испании", "МВД" in "МВД России"); factRuEval does not (3 such pairs in its 785 dev objects): communique's
  nested heads (``Mention.kind`` ``head``, ``mentions/nested_orgs_ru.py``) are scored for NEREL only. A ministry or
  embassy named by its country (``mentions/institutions.py``: "die russische Botschaft", "la embajada rusa") is no
  name in those two data sets' conventions (GermEval tags "russische" LOCderiv, "Botschaft" O): there it is not
  scored and the country inside it is (a Spanish capitalised one, "Embajada de Rusia", is CoNLL's ORG). Linking accuracy: for gold
  mentions carrying a Wikidata id that communique found with the exact span, the share linked
  to the same Wikidata id.
* ``bsnlp`` (the BSNLP / SlavicNER corpus, Russian part: ``ner/<topic>/ru/*.tsv`` beside ``raw/<topic>/ru/*.txt``;
  PATH is the corpus root, a topic or any folder under it; each ``.tsv`` row is start, end, surface, lemma, type,
  cross-lingual id, with character offsets into the raw text): PER, LOC, ORG; EVT and PRO (products, which
  there include media outlets, "РИА Новости", "CNN", and platforms, "Twitter") are not scored, and a prediction
  with exactly such a span is neither a hit nor a false positive (another data set's convention types media
  ORG, as NEREL does). The corpus annotates about a third of the country adjectives ("американских") as LOC:
  a one-word lower-case gold span is not scored either, on both sides. Flat (no nesting, no nested heads), no
  Wikidata ids (its ids are the corpus's own).

Ours: person -> PER; country and place -> LOC (adjective/demonym mentions excluded);
organization and group -> ORG. A match is an exact character span with the same type.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import click

from communique.errors import EvaluationError
from communique.evaluation.scoring import prf

TYPES = ("PER", "LOC", "ORG")
OUR_TYPE = {"person": "PER", "country": "LOC", "place": "LOC", "organization": "ORG", "group": "ORG"}
NEREL_MAP = {"PERSON": "PER", "COUNTRY": "LOC", "CITY": "LOC", "STATE_OR_PROV": "LOC", "STATE_OR_PROVINCE": "LOC", "DISTRICT": "LOC",
             "LOCATION": "LOC", "ORGANIZATION": "ORG"}
FRE_MAP = {"Person": "PER", "Location": "LOC", "LocOrg": "LOC", "Org": "ORG"}
# the span type that names an object of each factRuEval type; only an object with such a span has
# a name apart from its descriptor ("движения «Солидарность»": name Солидарность; "мэрии Москвы":
# the descriptor and a place, no name of the organisation's own)
_OWN_NAME = {"Org": "org_name", "Location": "loc_name", "LocOrg": "loc_name"}


@dataclass
class GoldDoc:
    id: str
    text: str
    lang: str
    spans: set[tuple[int, int, str]] = field(default_factory=set)
    wikidata: dict[tuple[int, int], str] = field(default_factory=dict)
    # alternative spans a gold span may be matched by (factRuEval: the name without its descriptor)
    alts: dict[tuple[int, int, str], set[tuple[int, int, str]]] = field(default_factory=dict)
    # spans scored for neither side (BSNLP: its EVT/PRO types, lower-case adjectives)
    ignore: set[tuple[int, int]] = field(default_factory=set)


def _bio_docs(lines: Iterator[tuple[str, str]], lang: str, doc_prefix: str, per_doc: int = 1) -> Iterator[GoldDoc]:
    """Build documents from (token, tag) rows; an empty token ends a sentence."""
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    for tok, tag in lines:
        if tok == "":
            if cur:
                sents.append(cur)
                cur = []
            continue
        cur.append((tok, tag))
    if cur:
        sents.append(cur)
    for i in range(0, len(sents), per_doc):
        chunk = sents[i:i + per_doc]
        parts: list[str] = []
        spans: set[tuple[int, int, str]] = set()
        pos = 0
        for sent in chunk:
            open_: tuple[int, str] | None = None
            last_end = pos
            for tok, tag in sent:
                if parts:
                    parts.append(" ")
                    pos += 1
                s = pos
                parts.append(tok)
                pos += len(tok)
                if tag.startswith("B-") or (tag.startswith("I-") and (open_ is None or open_[1] != tag[2:])):
                    if open_:
                        spans.add((open_[0], last_end, open_[1]))
                    open_ = (s, tag[2:])
                elif not tag.startswith("I-"):
                    if open_:
                        spans.add((open_[0], last_end, open_[1]))
                    open_ = None
                last_end = pos
            if open_:
                spans.add((open_[0], last_end, open_[1]))
            parts.append("\n")
            pos += 1
        text = "".join(parts)
        yield GoldDoc(f"{doc_prefix}:{i}", text, lang, {s for s in spans if s[2] in TYPES})


def read_germeval(path: Path) -> Iterator[GoldDoc]:
    rows: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3:
            rows.append(("", "O"))
            continue
        tag = cols[2]
        if tag[2:] not in TYPES:
            tag = "O"
        rows.append((cols[1], tag))
    yield from _bio_docs(iter(rows), "de", "germeval")


def read_conll(path: Path, lang: str = "es") -> Iterator[GoldDoc]:
    rows: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split()
        if not cols:
            rows.append(("", "O"))
            continue
        if cols[0] == "-DOCSTART-":
            continue
        tag = cols[-1]
        if tag[2:] not in TYPES:
            tag = "O"
        rows.append((cols[0], tag))
    yield from _bio_docs(iter(rows), lang, "conll", per_doc=30)


def read_nerel(path: Path) -> Iterator[GoldDoc]:
    for txt in sorted(path.rglob("*.txt")):
        ann = txt.with_suffix(".ann")
        if not ann.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        doc = GoldDoc(txt.stem, text, "ru")
        tspan: dict[str, tuple[int, int]] = {}
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.startswith("T"):
                tid, info, *_ = line.split("\t") + [""]
                parts = info.split(" ")
                if ";" in info:
                    continue
                typ, s, e = parts[0], int(parts[1]), int(parts[2])
                tspan[tid] = (s, e)
                if typ in NEREL_MAP:
                    doc.spans.add((s, e, NEREL_MAP[typ]))
            elif line.startswith("N"):
                m = re.match(r"N\d+\tReference (T\d+) Wikidata:(Q\d+)", line)
                if m and m.group(1) in tspan:
                    doc.wikidata[tspan[m.group(1)]] = m.group(2)
        yield doc


def read_factrueval(path: Path) -> Iterator[GoldDoc]:
    for txt in sorted(path.rglob("*.txt")):
        base = txt.with_suffix("")
        spans_f, objs_f = Path(f"{base}.spans"), Path(f"{base}.objects")
        if not (spans_f.exists() and objs_f.exists()):
            continue
        text = txt.read_text(encoding="utf-8")
        sp: dict[str, tuple[int, int]] = {}
        descr: set[str] = set()
        stype: dict[str, str] = {}
        for line in spans_f.read_text(encoding="utf-8").splitlines():
            cols = line.split("#")[0].split()
            if len(cols) >= 4:
                sp[cols[0]] = (int(cols[2]), int(cols[2]) + int(cols[3]))
                stype[cols[0]] = cols[1]
                if cols[1].endswith("_descr"):
                    descr.add(cols[0])
        doc = GoldDoc(txt.stem, text, "ru")
        for line in objs_f.read_text(encoding="utf-8").splitlines():
            cols = line.split("#")[0].split()
            if len(cols) < 3 or cols[1] not in FRE_MAP:
                continue
            ss = [sp[c] for c in cols[2:] if c in sp]
            if ss:
                s, e = min(s for s, _ in ss), max(e for _, e in ss)
                gold = (s, _close_quote(text, s, e), FRE_MAP[cols[1]])
                doc.spans.add(gold)
                names = [sp[c] for c in cols[2:] if c in sp and c not in descr]
                own = _OWN_NAME.get(cols[1])
                if names and len(names) < len(ss) and any(stype.get(c) == own for c in cols[2:]):
                    a, b = min(s for s, _ in names), max(e for _, e in names)
                    b = _close_quote(text, a, b)
                    if b - a > 2 and text[a] in "«\"„" and text[b - 1] in "»\"“”":
                        a, b = a + 1, b - 1  # «Яблоко» -> Яблоко (communique's span is the name inside the quotes)
                    if (a, b) != gold[:2]:
                        doc.alts[gold] = {(a, b, gold[2])}
        yield doc


def _close_quote(text: str, s: int, e: int) -> int:
    """factRuEval spans are unions of token spans, so a quoted name ends before its closing quote
    ("ОАО «Газпром" in "ОАО «Газпром»"): the quote the span opens is closed, as written."""
    frag = text[s:e]
    if frag.count("«") > frag.count("»") and text[e:e + 1] == "»":
        return e + 1
    if frag.count('"') % 2 == 1 and text[e:e + 1] == '"':
        return e + 1
    if frag.count("„") > frag.count("“") and text[e:e + 1] in ("“", "”"):
        return e + 1
    return e


BSNLP_MAP = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}


def read_bsnlp(path: Path) -> Iterator[GoldDoc]:
    """The Russian documents of the BSNLP / SlavicNER corpus under ``path`` (see the module docstring)."""
    for tsv in sorted(path.rglob("*.tsv")):
        parts = tsv.parts
        if "ner" not in parts or tsv.parent.name != "ru":
            continue
        k = len(parts) - 1 - parts[::-1].index("ner")
        txt = Path(*parts[:k], "raw", *parts[k + 1:]).with_suffix(".txt")
        if not txt.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        doc = GoldDoc(tsv.stem, text, "ru")
        for line in tsv.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) < 5 or not cols[0].isdigit() or not cols[1].isdigit():
                continue
            s, e, typ = int(cols[0]), int(cols[1]), cols[4].strip()
            frag = text[s:e]
            if typ not in BSNLP_MAP or (" " not in frag and frag[:1].islower()):
                doc.ignore.add((s, e))
            else:
                doc.spans.add((s, e, BSNLP_MAP[typ]))
        yield doc


READERS = {"germeval": read_germeval, "conll": read_conll, "nerel": read_nerel, "factrueval": read_factrueval,
           "bsnlp": read_bsnlp}


def _files(path: Path, fmt: str) -> Path:
    if not path.exists():
        raise EvaluationError(f"no such file or directory: {path}")
    return path


def _snap_to_tokens(text: str, s: int, e: int) -> tuple[int, int]:
    """GermEval labels whole tokens, and its tokens keep some punctuation ("DFB." closing a sentence,
    ".Austal", "N.V.."): a span that covers a token but for punctuation is that token."""
    ts = max(text.rfind(" ", 0, s), text.rfind("\n", 0, s)) + 1
    if ts < s and not any(c.isalnum() for c in text[ts:s]):
        s = ts
    te = len(text)
    for sep in (" ", "\n"):
        k = text.find(sep, e)
        if k >= 0:
            te = min(te, k)
    if te > e and not any(c.isalnum() for c in text[e:te]):
        e = te
    return s, e


def _with_quotes(text: str, s: int, e: int) -> tuple[int, int]:
    """CoNLL-2002 spans include the quotes of a quoted name (``" El Mundo "``, tokens joined by blanks): a
    span the quotes enclose directly is extended over them."""
    if text[max(0, s - 2):s] == '" ' and text[e:e + 2] == ' "':
        return s - 2, e + 2
    return s, e


def predict(linker, doc: GoldDoc, adjectives: bool = False, tokens: bool = False, phrases: bool = False,
            nested: bool = True, heads: bool = True, quotes: bool = False) -> tuple[set[tuple[int, int, str]], dict[tuple[int, int], str | None]]:
    from communique.documents import Document
    from communique.normalize import normalize

    d = Document(id=doc.id, text=doc.text, source="eval", lang=doc.lang, published=datetime(2024, 1, 1, tzinfo=timezone.utc))
    norm = normalize(doc.text)
    out: set[tuple[int, int, str]] = set()
    wd: dict[tuple[int, int], str | None] = {}
    skip = {"dem", "flag", "coref"} | (set() if adjectives else {"adj", "adjstem"})
    found = linker.find(d, norm)
    # without nesting, a ministry or embassy named by its country ("die russische Botschaft", "la embajada rusa",
    # mentions/institutions.py) is a description, no name: the country inside is scored instead. A Spanish
    # capitalised one ("Embajada de Rusia") is a name in CoNLL's convention.
    plain = set() if nested else {m.eid for m in found if m.kind == "institution"
                                  and (doc.lang != "es" or not doc.text[norm.to_original(m.start, m.end)[0]].isupper())}
    for m in found:
        if m.kind == "institution" and m.eid in plain:
            continue
        if m.kind == "head" and not (heads and nested):
            continue  # the head of an organisation's name inside it (NEREL's nesting, not factRuEval's)
        if m.kind in skip or (not nested and m.nested_in and m.nested_in not in plain):
            continue  # a place inside an organisation's name (mentions/nested.py) where the data set has no nesting
        t = OUR_TYPE.get(m.etype)
        if t is None:
            continue
        s, e = norm.to_original(*(m.phrase_span if phrases and m.phrase_span else (m.start, m.end)))
        if not adjectives and (doc.text[e:e + 1] == "-" or doc.text[max(0, s - 1):s] == "-"):
            continue  # part of a compound ("US-Präsident"): GermEval's *part types, not scored
        if tokens:
            s, e = _snap_to_tokens(doc.text, s, e)
        if quotes:
            s, e = _with_quotes(doc.text, s, e)
        out.add((s, e, t))
        ent = linker.kb.entities.get(m.eid)
        wd[(s, e)] = ent.get("wikidata") if ent else None
    return out, wd


def evaluate(fmt: str, path: Path, limit: int | None = None, linker=None, optional_descriptors: bool = False,
             phrases: bool = True, skip: int = 0) -> dict:
    from communique.mentions import MentionLinker

    if fmt not in READERS:
        raise EvaluationError(f"unknown format {fmt!r}")
    linker = linker or MentionLinker()
    tp: dict[str, int] = defaultdict(int)
    fp: dict[str, int] = defaultdict(int)
    fn: dict[str, int] = defaultdict(int)
    link_total = link_ok = 0
    ndocs = 0
    for k, doc in enumerate(READERS[fmt](_files(path, fmt))):
        if k < skip:
            continue  # the documents a rule was written from, left out of an unseen check ("--skip")
        if limit is not None and ndocs >= limit:
            break
        ndocs += 1
        pred, wd = predict(linker, doc, adjectives=fmt == "nerel", tokens=fmt == "germeval",
                             phrases=phrases and fmt == "factrueval", nested=fmt in ("nerel", "factrueval"),
                             heads=fmt == "nerel", quotes=fmt == "conll")
        gold = doc.spans
        hit = pred & gold
        missed = gold - pred
        extra = {p for p in pred - gold if p[:2] not in doc.ignore}
        if optional_descriptors and doc.alts:
            # one to one: a predicted span that is a missed gold span's alternative matches it once
            for g in sorted(missed):
                alt = next((a for a in sorted(doc.alts.get(g, ())) if a in extra), None)
                if alt is not None:
                    extra.discard(alt)
                    missed.discard(g)
                    hit.add(g)
        for s in hit:
            tp[s[2]] += 1
        for s in extra:
            fp[s[2]] += 1
        for s in missed:
            fn[s[2]] += 1
        for span, q in doc.wikidata.items():
            if span in wd:
                link_total += 1
                link_ok += wd[span] == q
    res: dict = {"format": fmt, "documents": ndocs, "types": {}}
    for t in TYPES:
        p, r, f = prf(tp[t], fp[t], fn[t])
        res["types"][t] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                           "tp": tp[t], "fp": fp[t], "fn": fn[t]}
    if link_total:
        res["linking"] = {"accuracy": round(link_ok / link_total, 4), "n": link_total}
    return res


@click.command("ner")
@click.option("--format", "fmt", type=click.Choice(sorted(READERS)), required=True)
@click.option("--limit", type=int, default=None, help="Only the first N documents (after --skip).")
@click.option("--skip", type=click.IntRange(min=0), default=0, show_default=True,
              help="Leave out the first N documents (CoNLL-2002 es dev: --skip 32 is the half no s14 rule was read from).")
@click.option("--optional-descriptors/--strict-descriptors", default=False, show_default=True,
              help="factRuEval: a gold object with a name span of its own also matches that name without its descriptor "
                   "spans (компании Microsoft -> Microsoft), as the data set's span and identification layers separate them; "
                   "--strict-descriptors (the default) requires the whole object span.")
@click.option("--phrases/--mention-spans", default=True, show_default=True,
              help="factRuEval: score an organisation named after its descriptor by the phrase its mention records "
                   "(the output's 'phrase', factRuEval's unit); --mention-spans scores the mentions themselves, as a "
                   "tool reading only OUTPUT.md's mention spans would.")
@click.option("--json", "as_json", is_flag=True)
@click.argument("path", type=click.Path(exists=True, path_type=Path))
def command(fmt: str, limit: int | None, skip: int, optional_descriptors: bool, phrases: bool, as_json: bool,
            path: Path) -> None:
    """Precision/recall/F1 per type (PER, LOC, ORG) of mention linking on NER gold data."""
    res = evaluate(fmt, path, limit, optional_descriptors=optional_descriptors, phrases=phrases, skip=skip)
    if as_json:
        click.echo(json.dumps(res))
        return
    click.echo(f"{fmt}: {res['documents']} documents")
    for t, v in res["types"].items():
        click.echo(f"  {t}: P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}  (tp {v['tp']}, fp {v['fp']}, fn {v['fn']})")
    if "linking" in res:
        click.echo(f"  linking accuracy: {res['linking']['accuracy']:.3f} (n={res['linking']['n']})")
