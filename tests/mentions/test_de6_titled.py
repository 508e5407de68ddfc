"""German persons after an office's title (s15 de6, mentions/titled_de.py): an office-holder whose surname is a
German word ("Rutte", "Kurz", "Frieden") is linked after a title that names the office; a town after a bare
head-of-state title is the holder's name ("Präsident Cleveland"). Invented sentences."""

from __future__ import annotations

from datetime import datetime, timezone

from communique.mentions.titled_de import _CAP_TOKEN, _tables, office_holder, title_spots
from tests.mentions.conftest import linked_in

WHEN = datetime(2025, 3, 1, tzinfo=timezone.utc)


def test_organisation_title_links_its_head(linker):
    for text in ("Nato-Generalsekretär Rutte mahnte am Dienstag höhere Ausgaben an.",
                 "Gestern empfing der NATO-Generalsekretär Rutte die Minister in Brüssel.",
                 "Nato-Chef Rutte reist nächste Woche nach Kiew."):
        assert linked_in(linker, text, "de", WHEN).get("Rutte") == "kb:person/mark-rutte", text


def test_head_of_government_titles_link_a_surname_that_is_a_word(linker):
    assert linked_in(linker, "Ministerpräsident Frieden eröffnete die Sitzung.", "de", WHEN).get("Frieden") \
        == "kb:person/luc-frieden"
    assert linked_in(linker, "Kanzler Kurz verteidigte am Abend seinen Kurs.", "de", WHEN).get("Kurz") \
        == "kb:person/sebastian-kurz"


def test_former_titles_link_a_former_holder(linker):
    for text in ("Ex-Kanzler Kurz sagte vor Gericht aus.", "Altkanzler Kurz gründete ein Unternehmen.",
                 "Der frühere Kanzler Kurz schwieg dazu."):
        assert linked_in(linker, text, "de", WHEN).get("Kurz") == "kb:person/sebastian-kurz", text


def test_titles_that_do_not_fit_or_many_share_do_not_link(linker):
    assert "kb:" not in (linked_in(linker, "Der Abgeordnete Rutte stimmte gegen den Antrag.", "de", WHEN).get("Rutte") or "")
    assert "kb:" not in (linked_in(linker, "Präsident Frieden eröffnete die Sitzung.", "de", WHEN).get("Frieden") or "")
    # another country named around the title: not Luxembourg's prime minister
    assert "kb:" not in (linked_in(linker, "Der britische Premierminister Frieden sagte nichts.", "de", WHEN).get("Frieden")
                         or "")


def test_words_that_are_no_name_stay(linker):
    found = linked_in(linker, "Der Kanzler kurz vor der Wahl: ein Porträt.", "de", WHEN)
    assert not any(v.startswith("kb:person/sebastian") for v in found.values())
    found = linked_in(linker, "Der Kanzler. Kurz danach sprach der Minister.", "de", WHEN)
    assert not any(v.startswith("kb:person/sebastian") for v in found.values())


def test_town_after_a_head_of_state_title_is_a_person(linker):
    for text, word in (("Präsident Cleveland unterzeichnete damals das Gesetz.", "Cleveland"),
                       ("Im Jahr 1864 ernannte Präsident Lincoln einen neuen General.", "Lincoln")):
        eid = linked_in(linker, text, "de", WHEN).get(word) or ""
        assert eid.startswith("new:person/"), (text, eid)


def test_town_of_an_office_named_with_von_stays_a_place(linker):
    assert (linked_in(linker, "Der Bürgermeister von Cleveland lud zur Feier.", "de", WHEN).get("Cleveland") or "").startswith("gn:")
    assert (linked_in(linker, "Gouverneur Belgorod meldete Schäden.", "de", WHEN).get("Belgorod") or "").startswith("gn:")


def _caps(text: str) -> set[str]:
    return set(_CAP_TOKEN.findall(text))


def test_title_spots_after_listed_titles():
    _role, _many, _single, written = _tables()
    text = "Die Nato-Generalsekretärin Muster sprach, (Kanzler) Lehmann nicht; Kanzler, Huber auch nicht."
    w = dict(written, **{"Nato-Generalsekretärin": "nato-generalsekretarin"})
    assert title_spots(text, _caps(text), w) == {text.index("Muster"): (text.index("Muster") + 6, 4, "nato-generalsekretarin")}
    text = "Ex-Kanzler Kurz und US-Präsident Muster; der Präsident sagte, Vizepräsident Otto"
    assert title_spots(text, _caps(text), written) == {11: (15, 0, "ex-kanzler"), 33: (39, 20, "us-prasident"),
                                                       76: (80, 62, "vizeprasident")}


def test_spots_match_a_plain_scan():
    """Oracle: every listed title as a whole token followed by one blank and a capitalised word, found by a
    regular expression over the whole text."""
    import re

    _role, _many, _single, written = _tables()
    rx = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, written), key=len, reverse=True))
                    + r")[^\S\n]([A-ZÄÖÜ][^\W\d_]*[a-zäöüßà-ÿ])(?![\w'’-])")
    for text in ("Der frühere Präsident Muster traf Altkanzler Beispiel und UN-Generalsekretär Probe.",
                 "Präsident Muster. Kanzlerin Huber, Kanzler Otto-Maier und König Ludwig sowie Königin Anna",
                 "US-Präsidenten Muster, Ex-Präsidenten Probe; Premierminister Huber-Otto, Papst Franz"):
        want = {m.start(2): (m.end(2), m.start(1), written[m.group(1)]) for m in rx.finditer(text)}
        assert title_spots(text, _caps(text), written) == want, text


def test_office_holder_needs_one_fitting_person(linker):
    kb = linker.kb
    assert office_holder(kb, "Rutte", ("secretary", "general", "nato"), set()) == "kb:person/mark-rutte"
    assert office_holder(kb, "Rutte", ("prime", "minister"), {"NL"}) == "kb:person/mark-rutte"
    assert office_holder(kb, "Rutte", ("prime", "minister"), {"GB"}) is None
    assert office_holder(kb, "Rutte", ("president",), set()) is None


def test_title_links_no_holder_whose_term_had_not_begun(linker):
    # s16: the office-holder's term must have begun by the document's date (George W. Bush took office in 2001,
    # Mark Rutte became Nato's secretary general in 2024)
    early = datetime(1991, 3, 1, tzinfo=timezone.utc)
    assert linked_in(linker, "Präsident Bush traf am Abend in Washington ein.", "de", early).get("Bush") \
        != "kb:person/george-w-bush"
    assert linked_in(linker, "Präsident Bush traf am Abend in Washington ein.", "de", WHEN).get("Bush") \
        == "kb:person/george-w-bush"
    assert linked_in(linker, "Nato-Generalsekretär Rutte mahnte höhere Ausgaben an.", "de",
                     datetime(2018, 5, 1, tzinfo=timezone.utc)).get("Rutte") != "kb:person/mark-rutte"
