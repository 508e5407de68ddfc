"""Property test: on any mix of trigger words, names, times and punctuation the stage never
crashes, and everything it outputs points at the text exactly."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.model import Entity, Span, TimeExpr

WORDS = {
    "de": ["Lawrow", "Minsk", "wird", "traf", "Treffen", "Besuch", "Arbeitsbesuch", "unterzeichnen", "Erklärung",
           "über", "die", "Minister", "mit", "in", "am", "21.", "November", "abgesagt", "verschoben", "sowie", "und",
           "Sitzung", "Blumen", "niederlegen", "dass", "um", "zu", ",", ".", "\n", "\u00a0", "🇷🇺"],
    "en": ["Lavrov", "Minsk", "will", "met", "meeting", "visit", "signed", "declaration", "on", "the", "sides",
           "with", "in", "phone", "conversation", "cancelled", "postponed", "and", "summit", "who", "to", "discuss",
           "agreement", "accused", "sanctions", ",", ".", "\n", "\u200b"],
    "ru": ["Лавров", "Минск", "посетит", "провел", "переговоры", "визит", "подписали", "заявление", "с", "в",
           "стороны", "телефонный", "разговор", "отменен", "и", "саммит", "который", ",", ".", "\n"],
    "es": ["Lavrov", "Minsk", "visitará", "se", "reunió", "con", "firmaron", "acuerdo", "las", "partes", "en",
           "protestaron", "huelga", "cancelada", "y", ",", ".", "\n"],
    "fr": ["Lavrov", "Minsk", "visitera", "a", "rencontré", "avec", "signé", "déclaration", "les", "parties",
           "à", "entretien", "téléphonique", "annulé", "et", ",", ".", "\n"],
}
NAMES = {"Lavrov": ("kb:person/sergey-lavrov", "person", "RU"), "Лавров": ("kb:person/sergey-lavrov", "person", "RU"),
         "Lawrow": ("kb:person/sergey-lavrov", "person", "RU"), "Minsk": ("gn:625144", "place", "BY"),
         "Минск": ("gn:625144", "place", "BY")}


@st.composite
def documents(draw):
    lang = draw(st.sampled_from(sorted(WORDS)))
    words = draw(st.lists(st.sampled_from(WORDS[lang]), min_size=1, max_size=60))
    text = ""
    ents: dict[str, Entity] = {}
    times: list[TimeExpr] = []
    for w in words:
        if text and w not in ",." and not text.endswith("\n"):
            text += " "
        start = len(text)
        text += w
        if w in NAMES:
            eid, typ, cc = NAMES[w]
            ent = ents.setdefault(eid, Entity(id=eid, type=typ, name=w, country=cc))
            ent.mentions.append(Span(start, start + len(w), w))
        if w == "November":
            times.append(TimeExpr(start, start + len(w), w, "DATE", "2024-11", None, "2024-11-01", "2024-11-30",
                                  "month"))
    return lang, text, list(ents.values()), times


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_spans_are_exact_and_ids_known(sample):
    from events.conftest import run

    lang, text, ents, times = sample
    entities = list(ents)
    evs = run(text, lang, entities, times)
    ids = {e.id for e in entities}
    for ev in evs:
        trig = ev.extra["trigger"]
        assert text[trig["start"]:trig["end"]] == trig["text"]
        assert ev.evidence
        for sp in ev.evidence:
            assert 0 <= sp.start < sp.end <= len(text)
        assert set(ev.actors) | set(ev.recipients) | set(ev.documents) <= ids
        assert ev.location is None or ev.location in ids
        assert 0.0 < ev.confidence <= 1.0
    for ent in entities:
        for m in ent.mentions:
            assert text[m.start:m.end] == m.text
