"""German apposition nouns type the name after them (``capnames_de._apposition_names``)."""

from mentions.conftest import NOT_NAMES, found_in


def found(linker, text):
    return found_in(linker, text, "de", NOT_NAMES)


def test_company_after_compound_noun(linker):
    got = found(linker, "Der Spielzeughersteller Hasbro meldete am Dienstag höhere Umsätze .")
    assert ("Hasbro", "organization") in got
    assert not any(t == "person" for _w, t in got)


def test_genitive_hyphen_compound_and_acronym_prefix(linker):
    assert ("Samsung", "organization") in found(linker, "Die Aktie des koreanischen Elektronik-Konzerns Samsung stieg .")
    assert ("O2", "organization") in found(linker, "Kunden des Mobilfunkanbieters O2 klagten über Ausfälle .")


def test_quoted_title_after_magazine(linker):
    assert ("The Wire", "organization") in found(linker, "Das Interview druckte die Zeitschrift „ The Wire “ im Mai .")


def test_club_noun_keeps_only_the_name(linker):
    got = found(linker, "Im Sommer wechselte der Torwart zum Verein Ascoli .")
    assert ("Ascoli", "organization") in got
    assert ("Verein Ascoli", "organization") not in got


def test_list_after_settlement_noun(linker):
    got = found(linker, "Zum Amt gehören die Dörfer Wulkow , Trebnitz und Zernikow .")
    assert {("Wulkow", "place"), ("Trebnitz", "place"), ("Zernikow", "place")} <= got


def test_role_noun_and_numbers_are_no_apposition(linker):
    got = found(linker, "Der Bürgermeister Jan Kowalczyk sang bis zum Ende des Chors 2004 im Bass .")
    assert ("Jan Kowalczyk", "person") in got
    assert not any(w == "2004" for w, _t in got)


def test_kb_organisation_opening_a_sentence(linker):
    # German capitalises every noun: a sentence-initial company name is as good as any other
    assert ("Boeing", "organization") in found(linker, "Der Streik dauert an . Boeing verschiebt die Auslieferung .")


def test_acronym_written_as_a_word(linker):
    got = found(linker, "Die Nato und die Uefa tagen am Montag in Brüssel .")
    assert ("Nato", "organization") in got and ("Uefa", "organization") in got
    assert not any(w == "Plan" for w, _t in found(linker, "Der Plan sieht neue Straßen vor ."))


def test_german_geography_names(linker):
    got = found(linker, "Die Wanderung führt von der Eifel über das Eichsfeld bis an die Saale , im Süden Böhmens .")
    assert {("Eifel", "place"), ("Eichsfeld", "place"), ("Saale", "place"), ("Böhmens", "place")} <= got


def test_geography_word_that_is_also_a_common_word(linker):
    assert not any(w == "Seine" for w, _t in found(linker, "Seine Frau lebt in Paris ."))
    assert not any(w.startswith("Harz") for w, _t in found(linker, "Der Geruch des brennenden Harzes hielt an ."))


def test_english_institution_heads(linker):
    got = found(linker, "Die Studie stammt vom Scottish Marine Institute und wurde vom Wildlife Council of Ontario bezahlt .")
    assert ("Scottish Marine Institute", "organization") in got
    assert ("Wildlife Council of Ontario", "organization") in got


def test_german_media_names(linker):
    got = found(linker, "Das berichtete am Abend n-tv , später auch Das Erste und die Wochenzeitung Die Zeit .")
    assert {("n-tv", "organization"), ("Das Erste", "organization"), ("Die Zeit", "organization")} <= got
    assert not any(w == "Die Zeit" for w, _t in found(linker, "Die Zeit drängt , sagte er ."))
