"""A lone surname after a title (and the rest of the role) names the knowledge base's office-holder of that
surname in office on the document's day, though the office is no head of state, government or foreign ministry:
deputy ministers, ambassadors. Titles many people share (deputies, senators, honorifics) are not enough."""

from __future__ import annotations

from datetime import datetime, timezone

from mentions.conftest import linked_in

_JUNE_2024 = datetime(2024, 6, 3, tzinfo=timezone.utc)
RYABKOV = "kb:person/sergey-ryabkov"


def test_title_before_surname_in_four_languages(linker):
    assert linked_in(linker, "Deputy Foreign Minister Ryabkov warned of new risks.", "en", _JUNE_2024).get(
        "Ryabkov") == RYABKOV
    assert linked_in(linker, "Russia's Deputy Minister of Foreign Affairs Ryabkov answered questions.", "en",
                     _JUNE_2024).get("Ryabkov") == RYABKOV
    assert linked_in(linker, "Vizeaußenminister Rjabkow warnte vor neuen Risiken.", "de", _JUNE_2024).get(
        "Rjabkow") == RYABKOV
    assert linked_in(linker, "Le vice-ministre des Affaires étrangères Riabkov a répondu aux questions.", "fr",
                     _JUNE_2024).get("Riabkov") == RYABKOV


def test_russian_role_in_the_genitive_and_an_acronym(linker):
    assert linked_in(linker, "Замминистра иностранных дел Рябков ответил на вопросы.", "ru", _JUNE_2024).get(
        "Рябков") == RYABKOV
    assert linked_in(linker, "Замглавы МИД России Рябков ответил на вопросы.", "ru", _JUNE_2024).get(
        "Рябков") == RYABKOV


def test_no_title_or_a_verb_between_is_not_enough(linker):
    assert linked_in(linker, "The envoy later met Ryabkov in Geneva.", "en", _JUNE_2024).get("Ryabkov") != RYABKOV
    assert linked_in(linker, "Ryabkov answered questions.", "en", _JUNE_2024).get("Ryabkov") != RYABKOV


def test_titles_many_people_share_are_not_enough(linker):
    antonov = "kb:person/anatoly-antonov"
    assert linked_in(linker, "Депутат Антонов выступил на заседании.", "ru", _JUNE_2024).get("Антонов") != antonov
    assert linked_in(linker, "Senator Antonov asked about the budget.", "en", _JUNE_2024).get("Antonov") != antonov
    assert linked_in(linker, "Посол Антонов выступил на приёме.", "ru", _JUNE_2024).get("Антонов") == antonov


def test_out_of_office_on_the_day_is_not_enough(linker):
    # Anatoly Antonov left the embassy in Washington in October 2024
    later = datetime(2026, 3, 2, tzinfo=timezone.utc)
    assert linked_in(linker, "Посол Антонов выступил на приёме.", "ru", later).get("Антонов") != \
        "kb:person/anatoly-antonov"


def test_spanish_portfolio_before_a_surname_is_no_given_name(linker):
    # the capitalised portfolio run must not swallow the known surname into a new person "Defensa Lavrov"
    ids = linked_in(linker, "El ministro de Defensa Lavrov llegó ayer a Caracas.", "es", _JUNE_2024)
    assert ids.get("Lavrov") == "kb:person/sergey-lavrov"
    assert linked_in(linker, "El viceministro de Asuntos Exteriores Riabkov llegó ayer a Caracas.", "es",
                     _JUNE_2024).get("Riabkov") == RYABKOV
    # an unknown given name before a known surname still makes a longer name
    assert "Ernesto Sánchez Pombo" in linked_in(linker, "Ernesto Sánchez Pombo llegó ayer a Caracas.", "es",
                                                _JUNE_2024)


def test_title_tells_a_person_from_a_town_of_the_same_name(linker):
    march = datetime(2025, 3, 10, tzinfo=timezone.utc)
    # Rubio is also a town in Venezuela, larger than most towns named by surnames
    assert linked_in(linker, "Secretary of State Rubio will travel to Jeddah.", "en", march).get(
        "Rubio") == "kb:person/marco-rubio"
    assert linked_in(linker, "Senator Rubio asked about the budget.", "en", march).get(
        "Rubio") == "kb:person/marco-rubio"
    assert linked_in(linker, "The talks took place in Rubio, a town in Venezuela.", "en", march).get(
        "Rubio", "").startswith("gn:")


def test_town_of_two_capitalised_words_written_with_a_lower_case_one_is_no_place(linker):
    # "La Porte" (Texas) is no match for the French noun "La porte-parole" opening a sentence
    ids = linked_in(linker, "La porte-parole de l'ambassade a démenti la rumeur.", "fr", _JUNE_2024)
    assert not any(k.startswith("La porte") for k in ids)
    assert linked_in(linker, "La délégation est arrivée à La Porte, au Texas.", "fr", _JUNE_2024).get(
        "La Porte", "").startswith("gn:")


def test_the_title_must_name_the_office_and_no_other_country(linker):
    nov = datetime(2025, 11, 17, tzinfo=timezone.utc)
    # Christopher Landau was US Deputy Secretary of State; Mark Phillips prime minister of Guyana
    assert linked_in(linker, "Deputy Secretary of State Landau arrived in Cairo.", "en", nov).get(
        "Landau") == "kb:person/christopher-landau"
    assert linked_in(linker, "Trade Minister Landau of Israel arrived in Cairo.", "en", nov).get(
        "Landau") != "kb:person/christopher-landau"
    assert linked_in(linker, "Deputy Prime Minister Phillips of Barbados signed the accord.", "en", nov).get(
        "Phillips") != "kb:person/mark-phillips"
    # a portfolio before the title must be in the role too
    assert linked_in(linker, "Education Minister Costa resigned in Lisbon.", "en", nov).get(
        "Costa") != "kb:person/antonio-costa"


def test_towns_written_with_a_lower_case_particle_are_still_places(linker):
    ids = linked_in(linker, "The envoys met in Sharm el-Sheikh, then flew to Ras al-Khaimah and on to Deir ez-Zor.",
                    "en", _JUNE_2024)
    assert ids.get("Sharm el-Sheikh", "").startswith("gn:")
    assert ids.get("Ras al-Khaimah", "").startswith("gn:")
    assert ids.get("Deir ez-Zor", "").startswith("gn:")


def test_a_title_of_another_office_is_not_a_former_leader(linker):
    # a former head of government is linked by the surname alone; a title of an office the person never held
    # before it names someone else of that surname (the title pattern then makes a new person)
    day = datetime(2025, 3, 1, tzinfo=timezone.utc)
    sunak = "kb:person/rishi-sunak"
    assert linked_in(linker, "Sunak spoke to voters in Leeds.", "en", day).get("Sunak") == sunak
    assert linked_in(linker, "Former Prime Minister Sunak spoke to voters in Leeds.", "en", day).get("Sunak") == sunak
    assert linked_in(linker, "Health Minister Sunak spoke to voters in Leeds.", "en", day).get("Sunak") != sunak
    assert linked_in(linker, "Pakistan's Interior Minister Khan closed the crossing.", "en", day).get(
        "Khan") != "kb:person/imran-khan"
    assert linked_in(linker, "Khan spoke to supporters in Lahore.", "en", day).get("Khan") == "kb:person/imran-khan"


def test_russian_vice_premier_names_the_deputy_prime_minister(linker):
    day = datetime(2025, 3, 1, tzinfo=timezone.utc)
    # Alexander Novak is a deputy prime minister of Russia; Katalin Novák a former president of Hungary
    assert linked_in(linker, "Вице-премьер Новак открыл форум в Казани.", "ru", day).get(
        "Новак") == "kb:person/alexander-novak"
    # an unknown vice-premier is a new person with the title as role, not a former president of that surname
    assert linked_in(linker, "Вице-премьер Иванов открыл форум в Казани.", "ru", day).get(
        "Иванов", "").startswith("new:person/")


def test_merkel_alone_is_angela_merkel_in_three_languages(linker):
    # "Merkel" is also a word of simplemma's German dictionary, so the surname alone was a new person in German
    # text; the Russian spelling "Меркель" (persons.tsv) gives the Latin one by transliteration, as for Scholz
    day = datetime(2025, 3, 1, tzinfo=timezone.utc)
    merkel = "kb:person/angela-merkel"
    assert linked_in(linker, "Merkel sprach am Abend in Stralsund.", "de", day).get("Merkel") == merkel
    assert linked_in(linker, "Merkel spoke in Stralsund in the evening.", "en", day).get("Merkel") == merkel
    assert linked_in(linker, "Меркель выступила вечером в Штральзунде.", "ru", day).get("Меркель") == merkel


def test_heads_of_international_organisations_by_surname(linker):
    day = datetime(2025, 6, 10, tzinfo=timezone.utc)
    # the UN Secretary-General, not a former foreign minister of Timor-Leste of that surname
    assert linked_in(linker, "Guterres called the two ministers on Friday.", "en", day).get(
        "Guterres") == "kb:person/antonio-guterres"
    # the particles of the canonical name belong to the surname, also opening a sentence
    leyen = "kb:person/ursula-von-der-leyen"
    assert linked_in(linker, "The summit heard von der Leyen on trade.", "en", day).get("von der Leyen") == leyen
    assert linked_in(linker, "Von der Leyen reiste am Morgen nach Kiew.", "de", day).get("Von der Leyen") == leyen
    assert linked_in(linker, "В Брюсселе выступила фон дер Ляйен.", "ru", day).get("фон дер Ляйен") == leyen
    # a Russian surname by its morphology is many people before it is an organisation's secretary
    assert linked_in(linker, "Лебедев выступил на конференции в Казани.", "ru", day).get(
        "Лебедев") != "kb:person/sergei-lebedev"


def test_a_word_of_another_language_is_no_common_word_here(linker):
    # "Rutte" is a German noun (the burbot), not an English word: in English text the former Dutch prime minister
    day = datetime(2025, 6, 10, tzinfo=timezone.utc)
    assert linked_in(linker, "Rutte met the defence ministers in Brussels.", "en", day).get(
        "Rutte") == "kb:person/mark-rutte"
    # "May" is an English word: not Theresa May by the surname alone
    assert linked_in(linker, "May brought rain to the north.", "en", day).get("May") != "kb:person/theresa-may"


def test_leaders_before_2018_that_news_still_names(linker):
    day = datetime(2015, 6, 10, tzinfo=timezone.utc)
    ids = linked_in(linker, "Обама и Медведев обсудили договор, Горбачёв и Ельцин вспоминали прошлое.", "ru", day)
    assert ids.get("Обама") == "kb:person/barack-obama" and ids.get("Горбачёв") == "kb:person/mikhail-gorbachev"
    assert ids.get("Ельцин") == "kb:person/boris-yeltsin"
    ids = linked_in(linker, "Obama traf Gorbatschow und Jelzin in Moskau.", "de", day)
    assert ids.get("Gorbatschow") == "kb:person/mikhail-gorbachev" and ids.get("Jelzin") == "kb:person/boris-yeltsin"
    assert linked_in(linker, "Ban Ki-moon called Sarkozy on Monday.", "en", day).get("Ban Ki-moon") == \
        "kb:person/ban-ki-moon"
