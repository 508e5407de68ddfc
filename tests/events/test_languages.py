"""One or two real-shaped sentences per language, with hand-built mentions (the event stage alone)."""

from __future__ import annotations

from events.conftest import entity, run, time


def kinds(evs):
    return [(e.kind, e.status) for e in evs]


def test_en_phone_call_occurred():
    t = "President of Ukraine Volodymyr Zelenskyy had a phone conversation with Prime Minister of Italy Mario Draghi."
    ents = [entity(t, "kb:person/volodymyr-zelenskyy", "person", "Volodymyr Zelenskyy", "UA", "Volodymyr Zelenskyy"),
            entity(t, "kb:country/UA", "country", "Ukraine", "UA", "Ukraine"),
            entity(t, "kb:country/IT", "country", "Italy", "IT", "Italy"),
            entity(t, "kb:person/mario-draghi", "person", "Mario Draghi", "IT", "Mario Draghi")]
    evs = run(t, "en", ents, published="2022-02-15T12:00:00+00:00")
    assert kinds(evs) == [("phone_call", "occurred")]
    ev = evs[0]
    assert ev.type == "CONSULT" and ev.mode == "phone"
    assert set(ev.actors) == {"kb:person/volodymyr-zelenskyy", "kb:person/mario-draghi"}
    assert ev.recipients == []


def test_en_planned_visit_and_back_reference():
    t = ("Chancellor Olaf Scholz will visit Kyiv on Monday. During the visit, Scholz will meet "
         "President Volodymyr Zelenskyy. The visit was announced by his office.")
    ents = [entity(t, "kb:person/olaf-scholz", "person", "Olaf Scholz", "DE", "Olaf Scholz", "Scholz,", "Scholz will"),
            entity(t, "kb:person/volodymyr-zelenskyy", "person", "Volodymyr Zelenskyy", "UA", "Volodymyr Zelenskyy"),
            entity(t, "gn:703448", "place", "Kyiv", "UA", "Kyiv"),
            entity(t, "kb:country/UA", "country", "Ukraine", "UA")]
    for e in ents:
        for m in e.mentions:
            if m.text in ("Scholz,", "Scholz will"):
                m.end = m.start + 6
                m.text = "Scholz"
    times = [time(t, "on Monday", "2022-02-14", "2022-02-14")]
    evs = run(t, "en", ents, times, published="2022-02-12T12:00:00+00:00")
    visits = [e for e in evs if e.kind == "visit"]
    assert len(visits) == 1
    v = visits[0]
    assert v.status == "planned" and v.location == "gn:703448"
    assert v.actors == ["kb:person/olaf-scholz"] and "kb:country/UA" in v.recipients
    assert len(v.evidence) == 3
    meeting = next(e for e in evs if e.kind == "meeting")
    assert meeting.status == "planned" and meeting.location == "gn:703448"
    assert meeting.time.start == "2022-02-14"


def test_en_cancelled_and_postponed():
    t = "The summit in Kazan was postponed. The meeting between Lavrov and Blinken was cancelled."
    ents = [entity(t, "gn:551487", "place", "Kazan", "RU", "Kazan"),
            entity(t, "kb:person/sergey-lavrov", "person", "Sergey Lavrov", "RU", "Lavrov"),
            entity(t, "kb:person/antony-blinken", "person", "Antony Blinken", "US", "Blinken")]
    evs = run(t, "en", ents)
    assert ("summit", "postponed") in kinds(evs)
    assert ("meeting", "cancelled") in kinds(evs)


def test_en_statement_direction():
    t = "Russia accused Ukraine of shelling the plant."
    ents = [entity(t, "kb:country/RU", "country", "Russia", "RU", "Russia"),
            entity(t, "kb:country/UA", "country", "Ukraine", "UA", "Ukraine")]
    evs = run(t, "en", ents)
    acc = next(e for e in evs if e.type == "ACCUSE")
    assert acc.kind == "statement" and acc.actors == ["kb:country/RU"] and acc.recipients == ["kb:country/UA"]


def test_ru_planned_visit():
    t = "Министр иностранных дел России Сергей Лавров посетит Минск, где проведет переговоры с Максимом Рыженковым."
    ents = [entity(t, "kb:person/sergey-lavrov", "person", "Sergey Lavrov", "RU", "Сергей Лавров"),
            entity(t, "kb:country/RU", "country", "Russia", "RU", "России"),
            entity(t, "gn:625144", "place", "Minsk", "BY", "Минск"),
            entity(t, "kb:person/maxim-ryzhenkov", "person", "Maxim Ryzhenkov", "BY", "Максимом Рыженковым")]
    evs = run(t, "ru", ents)
    assert ("visit", "planned") in kinds(evs)
    v = next(e for e in evs if e.kind == "visit")
    assert v.actors == ["kb:person/sergey-lavrov"] and v.location == "gn:625144"
    talks = next(e for e in evs if e.kind == "talks")
    assert talks.status == "planned"
    # talks in the host's country are CONSULT/visit: the visitor the actor, the host the recipient
    assert talks.mode == "visit"
    assert talks.actors == ["kb:person/sergey-lavrov"] and talks.recipients == ["kb:person/maxim-ryzhenkov"]
    assert talks.location == "gn:625144"


def test_ru_occurred_phone_call():
    t = "Состоялся телефонный разговор Сергея Лаврова с Государственным секретарем США Энтони Блинкеном."
    ents = [entity(t, "kb:person/sergey-lavrov", "person", "Sergey Lavrov", "RU", "Сергея Лаврова"),
            entity(t, "kb:country/US", "country", "United States", "US", "США"),
            entity(t, "kb:person/antony-blinken", "person", "Antony Blinken", "US", "Энтони Блинкеном")]
    evs = run(t, "ru", ents)
    assert kinds(evs) == [("phone_call", "occurred")]
    assert set(evs[0].actors) == {"kb:person/sergey-lavrov", "kb:person/antony-blinken"}


def test_fr_meeting_with_place():
    t = "Le ministre Jean-Noël Barrot a rencontré son homologue allemande Annalena Baerbock à Paris."
    ents = [entity(t, "kb:person/jean-noel-barrot", "person", "Jean-Noël Barrot", "FR", "Jean-Noël Barrot"),
            entity(t, "kb:person/annalena-baerbock", "person", "Annalena Baerbock", "DE", "Annalena Baerbock"),
            entity(t, "gn:2988507", "place", "Paris", "FR", "Paris")]
    evs = run(t, "fr", ents)
    assert kinds(evs) == [("meeting", "occurred")]
    assert evs[0].location == "gn:2988507"
    # a meeting in Paris with a German guest: CONSULT/visit, the guest the actor, the host the recipient
    assert evs[0].mode == "visit"
    assert evs[0].actors == ["kb:person/annalena-baerbock"] and evs[0].recipients == ["kb:person/jean-noel-barrot"]


def test_es_signing_document():
    t = "El presidente Pedro Sánchez firmó un acuerdo de cooperación energética con Marruecos."
    ents = [entity(t, "kb:person/pedro-sanchez", "person", "Pedro Sánchez", "ES", "Pedro Sánchez"),
            entity(t, "kb:country/MA", "country", "Morocco", "MA", "Marruecos")]
    record_entities = list(ents)
    evs = run(t, "es", record_entities)
    sign = next(e for e in evs if e.kind == "signing")
    assert sign.status == "occurred" and sign.type == "AGREE"
    doc = next(e for e in record_entities if e.type == "document")
    assert doc.name.startswith("acuerdo de cooperación")
    assert doc.id in sign.documents
    assert t[doc.mentions[0].start:doc.mentions[0].end] == doc.name


def test_es_protest_types():
    t = "Miles de campesinos protestaron en Quito contra el alza de los combustibles."
    evs = run(t, "es", [])
    assert evs and evs[0].type == "PROTEST"
    t2 = "El gobierno amenazó con expulsar a los huelguistas."
    assert any(e.type == "THREATEN" for e in run(t2, "es", []))


def test_de_cancelled_and_anaphora():
    t = "Das für Montag geplante Treffen von Lawrow und Blinken wurde abgesagt."
    ents = [entity(t, "kb:person/sergey-lavrov", "person", "Sergey Lavrov", "RU", "Lawrow"),
            entity(t, "kb:person/antony-blinken", "person", "Antony Blinken", "US", "Blinken")]
    evs = run(t, "de", ents)
    assert kinds(evs) == [("meeting", "cancelled")]


def test_unknown_language_yields_nothing():
    from communique.events import EventExtractor
    from events.conftest import make_doc
    from communique.normalize import normalize

    t = "Il presidente ha incontrato il ministro."
    assert EventExtractor().extract(make_doc(t, "it"), normalize(t), [], []) == []


def test_offsets_survive_normalisation():
    t = "Sergej\u00a0Lawrow wird Minsk besuchen.\u200b"
    ents = [entity(t, "kb:person/sergey-lavrov", "person", "Sergey Lavrov", "RU", "Sergej\u00a0Lawrow"),
            entity(t, "gn:625144", "place", "Minsk", "BY", "Minsk")]
    evs = run(t, "de", ents)
    v = evs[0]
    assert v.kind == "visit" and v.status == "planned"
    trig = v.extra["trigger"]
    assert t[trig["start"]:trig["end"]] == trig["text"] == "besuchen"


def test_en_the_sides_resolve_to_the_last_contact():
    t = "Russian-Chinese talks took place in the Kremlin. The sides signed a joint statement on deepening partnership."
    ents = [entity(t, "kb:country/RU", "country", "Russia", "RU", "Russian"),
            entity(t, "kb:country/CN", "country", "China", "CN", "Chinese")]
    evs = run(t, "en", ents)
    sign = next(e for e in evs if e.kind == "signing")
    assert set(sign.actors) == {"kb:country/RU", "kb:country/CN"}
    assert sign.status == "occurred"


def test_en_visit_host_is_recipient_without_named_visitor():
    t = "The Foreign Minister will pay an official visit to Japan next week."
    ents = [entity(t, "kb:country/JP", "country", "Japan", "JP", "Japan")]
    evs = run(t, "en", ents)
    v = evs[0]
    assert v.kind == "visit" and v.status == "planned"
    assert v.actors == [] and v.recipients == ["kb:country/JP"] and v.location == "kb:country/JP"


def test_ru_past_tense_with_yo():
    t = "Владимир Путин провёл телефонный разговор с Президентом Франции Эммануэлем Макроном."
    ents = [entity(t, "kb:person/vladimir-putin", "person", "Vladimir Putin", "RU", "Владимир Путин"),
            entity(t, "kb:country/FR", "country", "France", "FR", "Франции"),
            entity(t, "kb:person/emmanuel-macron", "person", "Emmanuel Macron", "FR", "Эммануэлем Макроном")]
    evs = run(t, "ru", ents)
    assert kinds(evs) == [("phone_call", "occurred")]
    assert evs[0].actors == ["kb:person/vladimir-putin", "kb:person/emmanuel-macron"]


def test_document_tense_when_the_sentence_has_none():
    t = "Telephone conversation with President of Turkey Recep Tayyip Erdogan. The leaders discussed Syria."
    ents = [entity(t, "kb:person/recep-tayyip-erdogan", "person", "Recep Tayyip Erdoğan", "TR", "Recep Tayyip Erdogan")]
    evs = run(t, "en", ents)
    assert kinds(evs) == [("phone_call", "occurred")]


def test_en_historical_and_statement_subject():
    t = "The Foreign Ministry condemns the strike. The treaty signed in 1999 remains in force."
    ents = [entity(t, "kb:org/mfa-ru", "organization", "Ministry of Foreign Affairs of Russia", "RU", "Foreign Ministry")]
    times = [time(t, "in 1999", "1999-01-01", "1999-12-31", "year", value="1999")]
    evs = run(t, "en", ents, times)
    acc = next(e for e in evs if e.type == "ACCUSE")
    assert acc.actors == ["kb:org/mfa-ru"] and acc.status == "occurred"
    treaty = next(e for e in evs if e.kind == "signing")
    assert (treaty.status, treaty.modality) == ("occurred", "historical")


def test_fr_postponed_visit_and_es_denied():
    t = "La visite du ministre à Moscou a été reportée."
    evs = run(t, "fr", [entity(t, "gn:524901", "place", "Moscow", "RU", "Moscou")])
    assert kinds(evs) == [("visit", "postponed")]
    t2 = "El Gobierno desmintió que la reunión con Marruecos hubiera tenido lugar."
    evs2 = run(t2, "es", [entity(t2, "kb:country/MA", "country", "Morocco", "MA", "Marruecos")])
    assert ("meeting", "denied") in kinds(evs2)


def test_every_language_loads_and_has_a_data_version():
    from communique.events import available_languages, data_version, get_lexicon

    assert available_languages() == ["de", "en", "ru", "fr", "es"]
    for lang in available_languages():
        lex = get_lexicon(lang)
        kinds_ = {t.kind for t in lex.triggers.values()}
        assert {"visit", "meeting", "talks", "phone_call", "summit", "signing", "adoption", "statement",
                "commemoration", "appointment", "sanction"} <= kinds_, lang
    assert len(data_version()) == 10


def test_en_relative_clause_visitor():
    t = "President Volodymyr Zelenskyy met with Prime Minister of Luxembourg Xavier Bettel, who arrived in Kyiv on a visit."
    ents = [entity(t, "kb:person/volodymyr-zelenskyy", "person", "Volodymyr Zelenskyy", "UA", "Volodymyr Zelenskyy"),
            entity(t, "kb:country/LU", "country", "Luxembourg", "LU", "Luxembourg"),
            entity(t, "kb:person/xavier-bettel", "person", "Xavier Bettel", "LU", "Xavier Bettel"),
            entity(t, "kb:country/UA", "country", "Ukraine", "UA"),
            entity(t, "gn:703448", "place", "Kyiv", "UA", "Kyiv")]
    evs = run(t, "en", ents, published="2022-06-21T12:00:00+00:00")
    visit = next(e for e in evs if e.kind == "visit")
    assert visit.actors == ["kb:person/xavier-bettel"]
    assert visit.recipients == ["kb:country/UA"] and visit.location == "gn:703448"
    meeting = next(e for e in evs if e.kind == "meeting")
    assert set(meeting.actors) == {"kb:person/volodymyr-zelenskyy", "kb:person/xavier-bettel"}


def test_de_agreed_summit_is_planned_and_keeps_no_call_date():
    t = ("Nach einem Telefonat am Donnerstag haben Donald Trump und Wladimir Putin ein weiteres "
         "Gipfeltreffen vereinbart – diesmal in Budapest.")
    ents = [entity(t, "kb:person/donald-trump", "person", "Donald Trump", "US", "Donald Trump"),
            entity(t, "kb:person/vladimir-putin", "person", "Vladimir Putin", "RU", "Wladimir Putin"),
            entity(t, "gn:3054643", "place", "Budapest", "HU", "Budapest")]
    times = [time(t, "am Donnerstag", "2025-10-16", "2025-10-16")]
    evs = run(t, "de", ents, times, published="2025-10-17T08:00:00+00:00")
    call = next(e for e in evs if e.kind == "phone_call")
    assert call.status == "occurred" and call.time.start == "2025-10-16"
    summit = next(e for e in evs if e.kind == "summit")
    assert summit.status == "planned" and summit.time.start is None
    assert summit.location == "gn:3054643"


def test_en_document_title_ends_before_an_auxiliary():
    t = "Leaders adopted the Pact on Coastal Waters. The Charter on Inland Seas was approved with it."
    record_entities = []
    run(t, "en", record_entities)
    titles = sorted(e.name for e in record_entities if e.type == "document")
    assert "Charter on Inland Seas" in titles and not any(n.endswith(" was") for n in titles)
