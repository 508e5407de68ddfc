"""Knowledge-base Wikidata ids against NEREL's annotations: which KB entities carry an id other than the
one the annotators give their mentions (a check for the KB's maintainers, not a test).

    .venv/bin/python benchmarks/kb_wikidata_check.py [--split train] [--min 3] [--share 0.8]

Links every document of ``../shared/data/ner/nerel/<split>`` (natasha on, as by default), keeps the
mentions whose exact span carries a Wikidata id in the gold, and for each KB entity (``kb:`` and ``gn:``
ids; persons only through their names, not role words) counts the gold ids. An entity is listed when at
least ``--min`` mentions and ``--share`` of them agree on an id that is not the KB's: "wrong" when the KB
has another id, "missing" when it has none. Read each row before acting: a disagreement can also be a
mention linked to the wrong entity (a surname of someone else). Stop 9 ran it on the training split to
correct 29 organisation ids and add 122 (docs/kb.md).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PERSON_NAME_KINDS = {"name", "sur", "initials", "stemsur"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--split", default="train", help="NEREL split (train or dev; default train)")
    ap.add_argument("--min", type=int, default=3, help="mentions that must agree (default 3)")
    ap.add_argument("--share", type=float, default=0.8, help="share of the entity's mentions that must agree")
    args = ap.parse_args()

    from communique.documents import Document
    from communique.evaluation.ner import READERS
    from communique.mentions import MentionLinker
    from communique.normalize import normalize

    path = args.shared / "data" / "ner" / "nerel" / args.split
    if not path.is_dir():
        sys.exit(f"no NEREL split at {path}")
    linker = MentionLinker()
    counts: dict[str, Counter] = defaultdict(Counter)
    when = datetime(2024, 1, 1, tzinfo=timezone.utc)
    for gold in READERS["nerel"](path):
        doc = Document(id=gold.id, text=gold.text, source="check", lang=gold.lang, published=when)
        norm = normalize(gold.text)
        for m in linker.find(doc, norm):
            if not m.eid.startswith(("kb:", "gn:")) or (m.etype == "person" and m.kind not in PERSON_NAME_KINDS):
                continue
            q = gold.wikidata.get(norm.to_original(m.start, m.end))
            if q:
                counts[m.eid][q] += 1
    rows = []
    for eid, c in counts.items():
        q, n = c.most_common(1)[0]
        ours = (linker.kb.entities.get(eid) or {}).get("wikidata")
        if q != ours and n >= args.min and n / sum(c.values()) >= args.share:
            rows.append((n, eid, ours, q))
    for n, eid, ours, q in sorted(rows, reverse=True):
        name = linker.kb.entities[eid]["name"]
        print(f"{'wrong' if ours else 'missing'}\t{eid}\t{name}\tKB {ours or '-'}\tgold {q}\t({n} mentions)")
    print(f"{len(rows)} entities disagree ({len(counts)} checked)", file=sys.stderr)


if __name__ == "__main__":
    main()
