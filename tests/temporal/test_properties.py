"""Property tests: any written date comes back with its value; any text gives well-formed output."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from communique.temporal import TimeTagger

TAGGER = TimeTagger()
DCT = date(2024, 11, 20)

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
           "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
           "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
           "декабря"],
}
FORMS = {
    "en": ["{M} {d}, {y}", "{d} {M} {y}"],
    "de": ["{d}. {M} {y}", "{d}.{M} {y}", "{d}.{m:02d}.{y}"],
    "fr": ["{d} {M} {y}"],
    "es": ["{d} de {M} de {y}"],
    "ru": ["{d} {M} {y} года", "{d}.{m:02d}.{y}"],
}
SENTENCE = {
    "en": "The document was signed on {} in Geneva.",
    "de": "Das Dokument wurde am {} in Genf unterzeichnet.",
    "fr": "Le document a été signé le {} à Genève.",
    "es": "El documento fue firmado el {} en Ginebra.",
    "ru": "Документ был подписан {} в Женеве.",
}


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(FORMS)), st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)), st.data())
def test_written_dates_parse_to_their_value(lang, day, data):
    form = data.draw(st.sampled_from(FORMS[lang]))
    written = form.format(M=MONTHS[lang][day.month - 1], d=day.day, m=day.month, y=day.year)
    text = SENTENCE[lang].format(written)
    times, _ = TAGGER.tag_text(text, lang, DCT)
    values = [t.value for t in times]
    assert day.isoformat() in values, (text, [(t.text, t.value) for t in times])


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(FORMS)),
       st.text(alphabet=st.sampled_from(list("0123456789 .,-/:'abcdeJMnoruyäéñ годамаяпрошлыйnextweek\n")), max_size=120))
def test_any_text_gives_well_formed_times(lang, text):
    times, _ = TAGGER.tag_text(text, lang, DCT)
    last = -1
    for t in times:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.start >= last  # in order, not overlapping
        last = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.certainty in ("resolved", "inferred", "unresolved")
        if t.interval_start and t.interval_end:
            assert t.interval_start <= t.interval_end
