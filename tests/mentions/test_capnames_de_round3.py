"""German round three (``capnames_de``): the Saxon genitive of a name before its noun, foreign towns'
aliases that are German words, and the fast helpers that replaced regex searches (same answers)."""

import random
import re

from communique.mentions import capnames, capnames_de
from mentions.conftest import NOT_NAMES, found_in


def found(linker, text):
    return found_in(linker, text, "de", NOT_NAMES)


def test_saxon_genitive_of_an_unknown_name_is_a_person(linker):
    assert ("Buurmanns", "person") in found(linker, "Im November übernahm er nach Buurmanns Ausscheiden die Leitung .")


def test_genitive_of_a_common_noun_or_after_an_article_is_no_person(linker):
    got = found(linker, "Am Ende des Kurses Abschluss gab es Urkunden .")
    assert not any(t == "person" for _w, t in got)
    got = found(linker, "Er erwarb den Master of Business Administration in Boston .")
    assert ("Business", "person") not in got


def test_foreign_town_alias_that_is_a_german_word_is_no_place(linker):
    # "Wein" and "Region" are GeoNames aliases of Chinese and Italian towns
    got = found(linker, "Der Wein lagert drei Jahre im Keller , die Region verdient gut daran .")
    assert ("Wein", "place") not in got
    got = found(linker, "Landschaft : Das Hochmoor gilt als ruhige Region für Wanderer .")
    assert ("Region", "place") not in got


def test_towns_and_exonyms_stay_places(linker):
    got = found(linker, "Er reiste von Mailand nach Passau und weiter nach Halle .")
    assert {("Mailand", "place"), ("Passau", "place")} <= got


def _words(rng, alphabet, n=3000):
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(n)]


def test_endings_without_regex_equal_the_regexes():
    rng = random.Random(7)
    lex = capnames_de.de_lexicon()
    rx = capnames_de._role_end_rx()
    alphabet = "abcdeilnrst\n" + "".join({c for e in lex.role_endings for c in e})
    words = _words(rng, alphabet) + [p + e for e in lex.role_endings for p in ("", "a", "ab", "abc", "abcd")]
    for w in words:
        assert capnames_de._ends_with(w, lex.role_endings) == (rx.search(w) is not None), w
    cap = capnames.cap_lexicon("de")
    prx = capnames._place_suffix_rx(cap.place_suffixes)
    alphabet = "abehinrstgu\nBH" + "".join({c for e in cap.place_suffixes for c in e})
    for w in _words(rng, alphabet) + [p + e for e in cap.place_suffixes for p in ("", "X", "Xy", "Xyz", "Xyzw")]:
        assert capnames._place_shaped(w, cap) == (prx.search(w.lower()) is not None), w


def test_headline_shortcut_equals_the_ratio():
    rng = random.Random(11)
    for _ in range(3000):
        line = "".join(rng.choice("abcXYZ ÄÖüß.,1\t") for _ in range(rng.randint(0, 30)))
        letters = sum(map(str.isalpha, line))
        want = letters > 3 and sum(map(str.isupper, line)) / letters > 0.6
        assert capnames._headline_line.__wrapped__(line) == want, line


def test_capital_first_regexes_equal_the_old_ones():
    rng = random.Random(5)
    old_cap = re.compile(r"(?<![\w-])[A-ZÄÖÜ][\w-]+")
    old_inv = re.compile(r"(?<=[a-mo-zäöüß] )([A-ZÄÖÜ][a-zäöüßéèáóíç]+)(?=[^\S\n]+[a-zäöüß])")
    rxs, _pre = capnames._org_phrase_rxs(("zeitung", "bank"), ())
    # (the adjectives' group is written "X(?:X)*" since the speed2 round: "(?:X)+" with the lookbehind first before)
    new_adjs = r"([A-ZÄÖÜ](?<![\w-].)[a-zäöüß]+(?:e|en|er|es|em)\s+(?:[A-ZÄÖÜ](?<![\w-].)[a-zäöüß]+(?:e|en|er|es|em)\s+)*)"
    old_org = re.compile(rxs.pattern.replace(new_adjs, r"(?<![\w-])((?:[A-ZÄÖÜ][a-zäöüß]+(?:e|en|er|es|em)\s+)+)", 1))
    assert old_org.pattern != rxs.pattern
    for _ in range(400):
        t = "".join(rng.choice(["Ab", "Süd", "er ", "e ", "n ", " ", "-", "\n", "x", "Ö", "Zeitung", "Bank", "ische ", "."])
                    for _ in range(rng.randint(0, 40)))
        assert [m.span() for m in old_cap.finditer(t)] == [m.span() for m in capnames_de._CAP_TOKEN.finditer(t)]
        assert [m.span(1) for m in old_inv.finditer(t)] == [m.span(1) for m in capnames_de._INVERTED.finditer(t)]
        assert [m.span() for m in old_org.finditer(t)] == [m.span() for m in rxs.finditer(t)]


def test_a_person_takes_only_the_genitive_ending():
    assert capnames_de.de_name_ending_ok("kb:person/x", "s")
    assert not capnames_de.de_name_ending_ok("kb:person/x", "n")  # "Touren" is no form of "Touré"
    assert capnames_de.de_name_ending_ok("kb:place/x", "es")  # "des Saarlandes"


def test_word_caches_equal_the_plain_tests():
    rx = capnames_de._place_shape_rx()
    for w in ("Südtirol", "Nordwestdeutschland", "Hauptstraße", "Goethestraße", "Berlin", "Süd", "Ostmittelmeer", "Westend"):
        assert capnames_de._place_shape(w) == (rx.fullmatch(w) is not None), w
