"""Nested place mentions (mentions/nested.py) leave event extraction as it was: a country named only
inside "МИД России" is no participant, host or place of an event."""

from __future__ import annotations

import copy
from datetime import datetime, timezone

import pytest

from communique.documents import Document
from communique.events import EventExtractor
from communique.normalize import normalize
from communique.temporal import TimeTagger

TEXTS = [
    ("ru", "18 марта МИД России и Министерство иностранных дел Республики Беларусь подписали в Минске "
           "соглашение о сотрудничестве в консульской сфере."),
    ("en", "On 3 June the Ministry of Foreign Affairs of Belarus hosted talks in Minsk with a delegation "
           "of the Russian Foreign Ministry."),
    ("fr", "Le 12 mai, le ministère russe des Affaires étrangères a reçu à Moscou l'ambassadeur du Japon."),
]


@pytest.fixture(scope="module")
def stages():
    return TimeTagger(), EventExtractor(langs=["ru", "en", "fr"])


def _without_nested(entities):
    out = []
    for e in entities:
        kept = [m for m in e.mentions if not m.nested_in]
        if kept:
            e2 = copy.deepcopy(e)
            e2.mentions = kept
            out.append(e2)
    return out


@pytest.mark.parametrize("lang, text", TEXTS)
def test_events_do_not_see_nested_places(linker, stages, lang, text):
    tagger, extractor = stages
    doc = Document(id="t", text=text, source="test", lang=lang, published=datetime(2024, 2, 1, tzinfo=timezone.utc))
    norm = normalize(text)
    times, _ = tagger.tag(doc, norm)
    entities = linker.link(doc, norm)
    nested_only = {e.id for e in entities if e.mentions and all(m.nested_in for m in e.mentions)}
    assert nested_only, "the text names a country only inside an organisation's name"
    n_before = len(entities)

    events = [ev.to_json() for ev in extractor.extract(doc, norm, entities, times)]
    plain = _without_nested(linker.link(doc, norm))
    expected = [ev.to_json() for ev in extractor.extract(doc, norm, plain, times)]
    assert events == expected  # the same events as with no nested mention at all
    assert events
    for ev in events:
        used = set(ev["actors"]) | set(ev["recipients"]) | set(ev["organizations"]) | {ev["location"]}
        assert not used & nested_only, ev
    # the nested-only entities stay in the record's entity list; what the event stage adds comes after
    assert nested_only <= {e.id for e in entities[:n_before]}
    assert [e.id for e in entities[n_before:]] == [e.id for e in plain[len(plain) - (len(entities) - n_before):]]
