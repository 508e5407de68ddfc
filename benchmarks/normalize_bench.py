"""Normalisation time on synthetic documents with mojibake; ``both`` also runs the pre-s10 function
and checks that text and offset map are identical.

    .venv/bin/python benchmarks/normalize_bench.py both 25000 50000
    .venv/bin/python benchmarks/normalize_bench.py new 25000 50000 200000 1000000
"""
import sys, time
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1] / "tests" / "normalize"))
from _old_normalize_ref import normalize as old_normalize
from communique.normalize import normalize

import random
_W = ("der die das und mit über für Außenminister Gespräch Zürich Berlin Moskau Erklärung Regierung "
      "Präsident Woche Treffen Vertrag Sanktionen Botschafter Grenze Lage Frage Antwort hieß sagte "
      "betonte müssen können Lawrow Минск Россия переговоры встреча „Partner“ Sicherheit Ökonomie").split()
def doc(size):
    rnd = random.Random(size)
    out, total = [], 0
    while total < size:
        words = [rnd.choice(_W) for _ in range(rnd.randint(8, 40))]
        line = " ".join(words) + rnd.choice([".", "!", "?"]) + str(rnd.randint(1, 999)) + "\n"
        if rnd.random() < 0.1:
            line = line.replace("ü", "Ã¼", 1).replace("ß", "ÃŸ", 1)
        out.append(line); total += len(line)
    return "".join(out)[:size]
which = sys.argv[1]
for size in [int(x) for x in sys.argv[2:]]:
    d = doc(size)
    t = time.perf_counter(); n = normalize(d); tn = time.perf_counter() - t
    msg = f"{size//1000} kB: new {tn:.3f} s"
    if which == "both":
        t = time.perf_counter(); o = old_normalize(d); to = time.perf_counter() - t
        assert o.text == n.text and o.starts == n.starts and o.ends == n.ends, "differs"
        msg += f", old {to:.1f} s, identical map"
    print(msg, flush=True)
