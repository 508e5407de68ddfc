"""The time tagger: values, intervals, ranges, modifiers, relative expressions and the known traps."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from communique.documents import Document
from communique.normalize import normalize
from communique.temporal import TimeTagger, load_lexicon

DCT = date(2024, 11, 20)  # a Wednesday


@pytest.fixture(scope="module")
def tagger() -> TimeTagger:
    return TimeTagger()


def tag(tagger: TimeTagger, text: str, lang: str, dct: date | None = DCT, domain: str | None = None):
    times, _ = tagger.tag_text(text, lang, dct, domain)
    return times


def by_text(times, text):
    hits = [t for t in times if t.text == text]
    assert hits, f"no time {text!r} in {[t.text for t in times]}"
    return hits[0]


# ---------------------------------------------------------------------------------------------- the seed


def test_seed_sentence_de(tagger):
    text = ("Am 21. und 22.November wird Außenminister Sergej Lawrow einen Arbeitsbesuch in Brest unternehmen. "
            "Diese Treffen finden seit 2000 jedes Jahr statt. Ein Konsultationsplan für 2025 wird genehmigt, "
            "im 21.Jahrhundert, Anfang Dezember 2024, zum 25. Jahrestag der Unterzeichnung im Jahr 1999.")
    times = tag(tagger, text, "de")
    a, b = by_text(times, "21."), by_text(times, "22.November")
    assert (a.value, b.value) == ("2024-11-21", "2024-11-22")
    assert a.extra["range"] == b.extra["range"] == {"start": "2024-11-21", "end": "2024-11-22"}
    since = by_text(times, "2000")
    assert since.value == "2000" and since.extra["relation"] == "since"
    assert (since.interval_start, since.interval_end) == ("2000-01-01", "2024-11-20")
    assert by_text(times, "jedes Jahr").type == "SET"
    assert by_text(times, "2025").value == "2025"
    century = by_text(times, "21.Jahrhundert")
    assert (century.value, century.granularity, century.interval_start, century.interval_end) == (
        "20", "century", "2000-01-01", "2099-12-31")
    start = by_text(times, "Anfang Dezember 2024")
    assert (start.value, start.mod, start.interval_start, start.interval_end) == ("2024-12", "START", "2024-12-01", "2024-12-10")
    assert by_text(times, "Jahr 1999").value == "1999"
    assert not [t for t in times if "Jahrestag" in t.text or t.text.startswith("25")]


def test_pipeline_interface_maps_offsets_to_original(tagger):
    text = "🇷🇺🇧🇾 Am\u00a021. und 22.November wird der Minister\u00ad Brest besuchen."
    doc = Document(id="t1", text=text, source="test", lang="de", published=datetime(2024, 11, 20, 10, tzinfo=timezone.utc))
    times, inferred = tagger.tag(doc, normalize(text))
    assert not inferred
    assert [t.text for t in times] == ["21.", "22.November"]
    for t in times:
        assert text[t.start:t.end] == t.text


# ---------------------------------------------------------------------------------------------- traps


def test_russian_traps(tagger):
    times = tag(tagger, "С.В.Лавров 21-22 ноября посетит Брест. Встречи проводятся с 2000 года. "
                        "Прошло 2000 лет. В учениях участвуют 2000 военнослужащих. Отмечается 25-летие договора.", "ru")
    assert [(t.text, t.value) for t in times] == [("21", "2024-11-21"), ("22 ноября", "2024-11-22"), ("2000 года", "2000")]
    assert times[2].extra["relation"] == "since"


def test_german_articles_are_not_weekdays(tagger):
    times = tag(tagger, "Die Minister trafen sich mit den Delegationen. Die Gespräche dauerten an.", "de")
    assert times == []


@pytest.mark.parametrize("lang,text", [
    ("en", "The 25th anniversary was marked by 25 members and 2000 troops."),
    ("de", "Zum 25. Jahrestag kamen 25 Mitglieder und 2000 Soldaten."),
    ("fr", "Pour le 25e anniversaire, 25 membres et 2000 soldats étaient présents."),
    ("es", "En el 25 aniversario participaron 25 miembros y 2000 soldados."),
    ("ru", "К 25-летию прибыли 25 членов делегации и 2000 военнослужащих."),
])
def test_numbers_that_are_not_dates(tagger, lang, text):
    assert tag(tagger, text, lang) == []


# ---------------------------------------------------------------------------------------------- ranges


@pytest.mark.parametrize("lang,text,a,b", [
    ("en", "The forum will be held from 3 to 5 March 2025.", "3", "5 March 2025"),
    ("en", "The forum will be held on March 3-5, 2025.", "March 3", "5, 2025"),
    ("de", "Das Forum findet vom 3. bis 5. März 2025 statt.", "3.", "5. März 2025"),
    ("fr", "Le forum aura lieu du 3 au 5 mars 2025.", "3", "5 mars 2025"),
    ("es", "El foro se celebrará del 3 al 5 de marzo de 2025.", "3", "5 de marzo de 2025"),
    ("ru", "Форум пройдет с 3 по 5 марта 2025 года.", "3", "5 марта 2025 года"),
])
def test_ranges_are_two_days_sharing_one_range(tagger, lang, text, a, b):
    times = tag(tagger, text, lang)
    ta, tb = by_text(times, a), by_text(times, b)
    assert (ta.value, tb.value) == ("2025-03-03", "2025-03-05")
    assert ta.extra["range"] == tb.extra["range"] == {"start": "2025-03-03", "end": "2025-03-05"}
    assert "relation" not in ta.extra  # 'с'/'from' open a range here, not a 'since' interval


@pytest.mark.parametrize("lang,text,expr", [
    ("en", "Meetings have been held every year since 2000.", "2000"),
    ("de", "Seit 2000 finden die Treffen statt.", "2000"),
    ("fr", "Les rencontres ont lieu depuis 2000.", "2000"),
    ("es", "Las reuniones se celebran desde 2000.", "2000"),
    ("ru", "Встречи проходят с 2000 года.", "2000 года"),
])
def test_since_is_an_open_interval_to_the_document_date(tagger, lang, text, expr):
    t = by_text(tag(tagger, text, lang), expr)
    assert (t.value, t.interval_start, t.interval_end, t.extra.get("relation")) == ("2000", "2000-01-01", "2024-11-20", "since")


# ---------------------------------------------------------------------------------------------- modifiers


@pytest.mark.parametrize("lang,text,expr,value,mod", [
    ("en", "The summit is due in early December.", "early December", "2024-12", "START"),
    ("en", "It will end in late 2025.", "late 2025", "2025", "END"),
    ("de", "Die Sitzung ist für Mitte Dezember geplant.", "Mitte Dezember", "2024-12", "MID"),
    ("de", "Ende 2025 wird der Vertrag auslaufen.", "Ende 2025", "2025", "END"),
    ("fr", "Le sommet aura lieu début décembre.", "début décembre", "2024-12", "START"),
    ("fr", "La réforme entrera en vigueur fin 2025.", "fin 2025", "2025", "END"),
    ("es", "La cumbre se celebrará a mediados de diciembre.", "mediados de diciembre", "2024-12", "MID"),
    ("es", "El tratado se firmará a finales de 2025.", "finales de 2025", "2025", "END"),
    ("ru", "Саммит состоится в конце декабря.", "конце декабря", "2024-12", "END"),
    ("ru", "В середине 2025 года будет подписан договор.", "середине 2025 года", "2025", "MID"),
])
def test_modifiers(tagger, lang, text, expr, value, mod):
    t = by_text(tag(tagger, text, lang), expr)
    assert (t.value, t.mod) == (value, mod)


def test_modifier_intervals_are_thirds():
    from communique.temporal.calendar import apply_mod, interval_of

    dec = interval_of("month", 2024, 12)
    assert apply_mod(dec, "START") == (date(2024, 12, 1), date(2024, 12, 10))
    assert apply_mod(dec, "MID") == (date(2024, 12, 11), date(2024, 12, 20))
    assert apply_mod(dec, "END") == (date(2024, 12, 21), date(2024, 12, 31))


# ---------------------------------------------------------------------------------------------- relative


@pytest.mark.parametrize("lang,text,expr,value", [
    ("en", "Yesterday the minister met his counterpart.", "Yesterday", "2024-11-19"),
    ("en", "Talks will take place next week.", "next week", "2024-W48"),
    ("en", "Exports fell last month.", "last month", "2024-10"),
    ("de", "Heute beginnt der Besuch.", "Heute", "2024-11-20"),
    ("de", "Gestern wurde das Abkommen unterzeichnet.", "Gestern", "2024-11-19"),
    ("de", "Die Gespräche werden nächste Woche fortgesetzt.", "nächste Woche", "2024-W48"),
    ("fr", "Le ministre arrivera demain à Paris.", "demain", "2024-11-21"),
    ("fr", "Les consultations reprendront la semaine prochaine.", "la semaine prochaine", "2024-W48"),
    ("es", "La semana próxima se reunirá la comisión.", "La semana próxima", "2024-W48"),
    ("es", "El acuerdo se firmó el mes pasado.", "el mes pasado", "2024-10"),
    ("ru", "Вчера состоялись переговоры.", "Вчера", "2024-11-19"),
    ("ru", "На следующей неделе министр посетит Пекин.", "следующей неделе", "2024-W48"),
    ("ru", "Два года назад было подписано соглашение.", "Два года назад", "2022"),
])
def test_relative_expressions(tagger, lang, text, expr, value):
    assert by_text(tag(tagger, text, lang), expr).value == value


@pytest.mark.parametrize("lang,future,past,expr", [
    ("en", "The minister will arrive on Thursday.", "The minister arrived on Thursday.", "Thursday"),
    ("de", "Der Minister wird am Donnerstag ankommen.", "Der Minister kam am Donnerstag an.", "Donnerstag"),
    ("fr", "Le ministre arrivera jeudi.", "Le ministre est arrivé jeudi.", "jeudi"),
    ("es", "El ministro llegará el jueves.", "El ministro llegó el jueves.", "el jueves"),
    ("ru", "Министр прибудет в четверг.", "Министр прибыл в четверг.", "четверг"),
])
def test_weekdays_follow_the_tense(tagger, lang, future, past, expr):
    assert by_text(tag(tagger, future, lang), expr).value == "2024-11-21"
    assert by_text(tag(tagger, past, lang), expr).value == "2024-11-14"


def test_missing_year_follows_the_tense(tagger):
    # DCT 2024-11-20: an announcement of "January" means next January, a report of "December" last December
    assert by_text(tag(tagger, "The minister will visit Cairo in January.", "en"), "January").value == "2025-01"
    assert by_text(tag(tagger, "Der Minister besuchte Kairo im Dezember.", "de"), "Dezember").value == "2023-12"


def test_weekday_with_date_picks_the_matching_year(tagger):
    t = by_text(tag(tagger, "Rendez-vous samedi 6 avril.", "fr", date(2002, 9, 14)), "samedi 6 avril")
    assert t.value == "2002-04-06"


# ---------------------------------------------------------------------------------------------- no document date


def test_publication_date_inferred_from_dateline(tagger):
    doc = Document(id="t2", text="Moscou, le 3 mars 2024. Hier, le ministre a reçu son homologue.", source="test", lang="fr")
    times, inferred = tagger.tag(doc, normalize(doc.text))
    assert inferred
    assert doc.published == datetime(2024, 3, 3, tzinfo=timezone.utc)
    hier = by_text(times, "Hier")
    assert (hier.value, hier.certainty) == ("2024-03-02", "inferred")


def test_without_any_date_relative_times_stay_unresolved(tagger):
    doc = Document(id="t3", text="Gestern hat der Minister seinen Amtskollegen empfangen.", source="test", lang="de")
    times, inferred = tagger.tag(doc, normalize(doc.text))
    assert not inferred and doc.published is None
    t = by_text(times, "Gestern")
    assert (t.certainty, t.interval_start, t.interval_end) == ("unresolved", None, None)
    assert t.value.startswith("XXXX")


def test_unknown_language_finds_nothing(tagger):
    doc = Document(id="t4", text="Ieri il ministro è arrivato il 3 marzo 2024.", source="test", lang="it")
    assert tagger.tag(doc, normalize(doc.text)) == ([], False)


# ---------------------------------------------------------------------------------------------- other forms


@pytest.mark.parametrize("lang,text,expr,typ,value", [
    ("en", "The agreement runs for five years.", "five years", "DURATION", "P5Y"),
    ("en", "The talks lasted three hours.", "three hours", "DURATION", "PT3H"),
    ("en", "The meeting starts at 18:00 UTC.", "18:00 UTC", "TIME", "2024-11-20T18:00Z"),
    ("en", "Trade grew in the first quarter of 2024.", "the first quarter of 2024", "DATE", "2024-Q1"),
    ("en", "Relations cooled in the 1990s.", "the 1990s", "DATE", "199"),
    ("de", "Die Gespräche begannen um 4:45 Uhr.", "4:45 Uhr", "TIME", "2024-11-20T04:45"),
    ("de", "Im Sommer 2025 findet das Forum statt.", "Sommer 2025", "DATE", "2025-SU"),
    ("de", "Der Vertrag wurde am 21.11.2024 unterzeichnet.", "21.11.2024", "DATE", "2024-11-21"),
    ("fr", "Le forum commence à 21 h 45.", "21 h 45", "TIME", "2024-11-20T21:45"),
    ("fr", "Au XXIe siècle, la coopération s'est élargie.", "XXIe siècle", "DATE", "20"),
    ("es", "En el siglo XXI la cooperación creció.", "el siglo XXI", "DATE", "20"),
    ("es", "Las consultas se celebran cada año.", "cada año", "SET", "P1Y"),
    ("ru", "Переговоры продолжались три часа.", "три часа", "DURATION", "PT3H"),
    ("ru", "Заседания проводятся ежегодно.", "ежегодно", "SET", "P1Y"),
])
def test_types_and_values(tagger, lang, text, expr, typ, value):
    t = by_text(tag(tagger, text, lang), expr)
    assert (t.type, t.value) == (typ, value)


@pytest.mark.parametrize("lang,text,expr", [
    ("en", "Consultations will be held in the first quarter of next year.", "the first quarter of next year"),
    ("de", "Die Konsultationen finden im ersten Quartal des nächsten Jahres statt.", "ersten Quartal des nächsten Jahres"),
    ("fr", "Les consultations auront lieu au premier trimestre de l'année prochaine.", "premier trimestre de l'année prochaine"),
    ("es", "Las consultas se celebrarán en el primer trimestre del próximo año.", "el primer trimestre del próximo año"),
    ("ru", "Консультации пройдут в первом квартале следующего года.", "первом квартале следующего года"),
])
def test_quarter_of_next_year(tagger, lang, text, expr):
    assert by_text(tag(tagger, text, lang), expr).value == "2025-Q1"


@pytest.mark.parametrize("lang,text,coming,start_next_year", [
    ("en", "In the coming days talks will continue, early next year a summit.", "the coming days", "early next year"),
    ("de", "In den kommenden Tagen und Anfang nächsten Jahres.", "den kommenden Tagen", "Anfang nächsten Jahres"),
    ("fr", "Dans les prochains jours et au début de l'année prochaine.", "les prochains jours", "début de l'année prochaine"),
    ("es", "En los próximos días y a principios del próximo año.", "próximos días", "principios del próximo año"),
    ("ru", "В ближайшие дни и в начале следующего года.", "ближайшие дни", "начале следующего года"),
])
def test_coming_days_and_start_of_next_year(tagger, lang, text, coming, start_next_year):
    times = tag(tagger, text, lang)
    assert by_text(times, coming).value == "PXD"
    t = by_text(times, start_next_year)
    assert (t.value, t.mod) == ("2025", "START")


@pytest.mark.parametrize("lang,text,expr,value", [
    ("ru", "Визит состоится 1 декабря с.г.", "1 декабря с.г.", "2024-12-01"),
    ("ru", "Договор подписан 5 марта прошлого года.", "5 марта прошлого года", "2023-03-05"),
    ("de", "Der Vertrag tritt am 5. März des nächsten Jahres in Kraft.", "5. März des nächsten Jahres", "2025-03-05"),
    ("fr", "Le traité a été signé le 5 mars de l'année dernière.", "le 5 mars de l'année dernière", "2023-03-05"),
    ("es", "El tratado se firmó el 5 de marzo del año pasado.", "el 5 de marzo del año pasado", "2023-03-05"),
    ("en", "Results for fiscal 1998 were published.", "fiscal 1998", "FY1998"),
])
def test_dates_with_a_relative_year(tagger, lang, text, expr, value):
    assert by_text(tag(tagger, text, lang), expr).value == value


def test_narrative_mode_takes_the_year_from_the_last_date(tagger):
    text = "Am 1. September 1939 begann der Krieg. Am 3. September erklärten Frankreich und England den Krieg."
    times = tag(tagger, text, "de", date(2011, 2, 16), domain="narrative")
    assert by_text(times, "3. September").value == "1939-09-03"


def test_every_language_has_time_data():
    for lang in ("en", "de", "fr", "es", "ru"):
        lex = load_lexicon(lang)
        assert lex is not None and lex.patterns
        for cat in ("month", "weekday", "unit", "relday", "shift", "mod"):
            assert lex.words.get(cat), f"{lang}: no {cat} words"
    assert load_lexicon("xx") is None


def test_dense_text_without_sentence_ends_stays_linear(tagger):
    import time

    text = " ".join(["21 ноября", "с 2000 года", "в четверг", "Anfang Mai", "am Donnerstag"] * 800)  # ~40k chars
    t0 = time.process_time()
    times = tag(tagger, text, "de")
    assert times
    assert time.process_time() - t0 < 3.0  # was quadratic (tense cues searched over the whole 'sentence')
